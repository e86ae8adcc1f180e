using Assembly.Bot.Tests.Cli;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>The gate every write goes through, on SQLite: one writer at a time, on one connection kept open.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Writers_take_turns_on_one_connection_that_stays_open_between_them()
    {
        using var database = TestDatabase.OnSqlite();
        await using var services = await GateOnAsync(database);
        var gate = services.GetRequiredService<WriteGate>();

        System.Data.Common.DbConnection first;
        await using (var write = await gate.EnterAsync(CancellationToken.None))
        {
            first = write.Db.Database.GetDbConnection();
            await using var tx = await write.Db.Database.BeginTransactionAsync();
            write.Db.ProcessedUpdates.Add(new ProcessedUpdate { Messenger = "telegram", UpdateId = 1, ProcessedAt = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc) });
            await write.Db.SaveChangesAsync();

            // A second writer waits for the first to finish.
            var second = gate.EnterAsync(CancellationToken.None).AsTask();
            await Task.Delay(100);
            Assert.False(second.IsCompleted);
            await tx.CommitAsync();
            _ = second.ContinueWith(t => t.Result.DisposeAsync().AsTask(), TaskScheduler.Default);
        }

        await using (var write = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.Same(first, write.Db.Database.GetDbConnection());
            Assert.Equal(System.Data.ConnectionState.Open, first.State);
            Assert.Equal(1, await write.Db.ProcessedUpdates.CountAsync());
        }
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_and_the_next_writer_gets_a_fresh_connection()
    {
        using var database = TestDatabase.OnSqlite();
        await using var services = await GateOnAsync(database);
        var gate = services.GetRequiredService<WriteGate>();

        System.Data.Common.DbConnection first;
        await using (var write = await gate.EnterAsync(CancellationToken.None))
        {
            first = write.Db.Database.GetDbConnection();
            // Behind EF's back, as a failure half-way through a rollback would leave it.
            await write.Db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE");
            await write.Db.Database.ExecuteSqlRawAsync("INSERT INTO \"ProcessedUpdates\" (\"Messenger\", \"UpdateId\", \"ProcessedAt\", \"Failed\") VALUES ('telegram', 7, '2026-11-29 00:00:00', 0)");
        }

        await using (var write = await gate.EnterAsync(CancellationToken.None))
        {
            Assert.NotSame(first, write.Db.Database.GetDbConnection());
            await using var tx = await write.Db.Database.BeginTransactionAsync();
            Assert.Equal(0, await write.Db.ProcessedUpdates.CountAsync());
            await tx.CommitAsync();
        }

        await using var check = database.Open();
        Assert.Equal(0, await check.ProcessedUpdates.CountAsync());
    }

    private static async Task<ServiceProvider> GateOnAsync(TestDatabase database)
    {
        await CliTestSupport.MigrateAsync(database);
        return new ServiceCollection().AddStorage(new StorageOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }).BuildServiceProvider();
    }
}
