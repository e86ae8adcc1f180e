using Assembly.Bot.Pipeline;
using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.Units;

/// <summary>The poll cursor on a real database: made on first use, moved only forward, read back after a restart.</summary>
public sealed class PollCursorsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await using (var db = _database.Open()) await db.Database.MigrateAsync();
        _services = new ServiceCollection()
            .AddStorage(new StorageOptions { Provider = _database.Provider, ConnectionString = _database.ConnectionString })
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    private PollCursorStore Store() =>
        new(_services.GetRequiredService<IPollCursors>(), _services.GetRequiredService<WriteGate>(), _time);

    [Fact]
    public async Task A_cursor_starts_at_zero_follows_what_was_confirmed_back_as_well_and_is_read_back()
    {
        var store = Store();
        Assert.Equal(0, await store.LoadAsync("telegram", CancellationToken.None));
        Assert.Null(await _services.GetRequiredService<IPollCursors>().ReadAsync("telegram", CancellationToken.None));

        await store.SaveAsync("telegram", 120, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.SaveAsync("telegram", 100, CancellationToken.None);

        // The messenger restarted its update ids below the stored offset: the cursor follows it.
        Assert.Equal(100, await Store().LoadAsync("telegram", CancellationToken.None));
        Assert.Equal(0, await store.LoadAsync("bale", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.SaveAsync("telegram", 100, CancellationToken.None);
        await using var db = _database.Open();
        var cursor = await db.PollCursors.AsNoTracking().SingleAsync();
        // Saving the same offset again writes nothing: the time is that of the last change.
        Assert.Equal(("telegram", 100L, _time.GetUtcNow().UtcDateTime.AddMinutes(-1)), (cursor.Messenger, cursor.NextOffset, cursor.UpdatedAt));
    }

    [Fact]
    public async Task A_cursor_moved_inside_a_transaction_that_rolls_back_stays_where_it_was()
    {
        var store = Store();
        await store.SaveAsync("telegram", 50, CancellationToken.None);

        await using (var write = await _services.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None))
        {
            await using var tx = await write.Db.Database.BeginTransactionAsync();
            await store.RecordAsync(write.Db, "telegram", 80, CancellationToken.None);
            await write.Db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        Assert.Equal(50, await store.LoadAsync("telegram", CancellationToken.None));
    }
}
