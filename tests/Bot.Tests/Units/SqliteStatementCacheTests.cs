using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Units;

/// <summary>
/// Prepared statements reused while a connection is open (<see cref="SqliteStatementCache"/>): each execution
/// still binds its own values and runs in its own transaction, a failed statement does not spoil the next one,
/// and nothing prepared on a connection outlives its closing.
/// </summary>
public sealed class SqliteStatementCacheTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementCacheTests() => _connection.Open();

    [Fact]
    public void A_command_is_kept_while_the_connection_is_open_and_forgotten_when_it_closes()
    {
        var statements = new SqliteStatementCache.Statements(_connection);
        var first = statements.Take("SELECT 1");
        statements.Put(first, statements.Generation);
        var again = statements.Take("SELECT 1");
        Assert.Same(first, again);

        var takenBefore = statements.Generation;
        _connection.Close();
        _connection.Open();
        // Its statement was finalized with the close: it must not be handed out again.
        statements.Put(again, takenBefore);
        Assert.Equal(0, statements.Count);
        Assert.NotSame(again, statements.Take("SELECT 1"));
    }

    [Fact]
    public async Task Reused_statements_bind_each_execution_s_own_values_and_survive_a_failed_one()
    {
        // EF does not close a connection it was given: every statement below runs on the same open one.
        var options = new DbContextOptionsBuilder<BotDbContext>().UseSqlite(_connection).AddInterceptors(new SqliteStatementCache()).Options;
        await using (var db = new BotDbContext(options)) await db.Database.MigrateAsync();

        await using (var db = new BotDbContext(options))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var id = 1; id <= 5; id++)
            {
                db.ProcessedUpdates.Add(Marker(id));
                await db.SaveChangesAsync();
            }

            for (var id = 1; id <= 5; id++)
                Assert.Equal(id, await db.ProcessedUpdates.Where(p => p.UpdateId == id).Select(p => p.UpdateId).SingleAsync());
            Assert.Null(await db.ProcessedUpdates.Where(p => p.UpdateId == 99).Select(p => (long?)p.UpdateId).SingleOrDefaultAsync());

            // The same INSERT again fails on the key, and the next one with its own values goes through.
            db.ChangeTracker.Clear();
            db.ProcessedUpdates.Add(Marker(3));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.ProcessedUpdates.Add(Marker(6));
            await db.SaveChangesAsync();
            Assert.Equal(6, await db.ProcessedUpdates.CountAsync());
            await tx.CommitAsync();
        }

        _connection.Close();
        _connection.Open();
        await using (var db = new BotDbContext(options))
        {
            // In-memory: the close dropped the database, so the schema is made again on a fresh one; the cache starts over too.
            await db.Database.MigrateAsync();
            db.ProcessedUpdates.Add(Marker(7));
            await db.SaveChangesAsync();
            Assert.Equal([7L], await db.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync());
        }
    }

    private static ProcessedUpdate Marker(long id) => new() { Messenger = "telegram", UpdateId = id, ProcessedAt = DateTime.UnixEpoch };

    public void Dispose() => _connection.Dispose();
}
