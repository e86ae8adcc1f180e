using Assembly.Bot.Tests.Support;
using Assembly.Storage;
using Assembly.Storage.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.Units;

/// <summary>The leases' statements on a real database: who may take, extend and release a lease, and when.</summary>
public sealed class LeasesTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private const string Lease = "scheduler";

    private readonly TestDatabase _database = new();
    private ServiceProvider _services = null!;
    private ILeases Leases => _services.GetRequiredService<ILeases>();

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

    private async Task<(string Holder, DateTime ExpiresAt)> RowAsync()
    {
        await using var db = _database.Open();
        var lease = await db.Leases.AsNoTracking().SingleAsync(l => l.Name == Lease);
        return (lease.Holder, lease.ExpiresAt);
    }

    [Fact]
    public async Task A_lease_is_taken_when_free_kept_from_others_until_it_expires_and_taken_over_after()
    {
        Assert.True(await Leases.TryTakeAsync(Lease, "a", Now, Now.AddSeconds(30), evenIfHeld: false, CancellationToken.None));
        Assert.Equal(("a", Now.AddSeconds(30)), await RowAsync());

        Assert.False(await Leases.TryTakeAsync(Lease, "b", Now.AddSeconds(10), Now.AddSeconds(40), evenIfHeld: false, CancellationToken.None));
        Assert.True(await Leases.TryTakeAsync(Lease, "a", Now.AddSeconds(10), Now.AddSeconds(40), evenIfHeld: false, CancellationToken.None));
        Assert.Equal(("a", Now.AddSeconds(40)), await RowAsync());

        Assert.True(await Leases.TryTakeAsync(Lease, "b", Now.AddSeconds(41), Now.AddSeconds(71), evenIfHeld: false, CancellationToken.None));
        Assert.Equal(("b", Now.AddSeconds(71)), await RowAsync());

        // Taken whoever holds it: a lone process after a crash.
        Assert.True(await Leases.TryTakeAsync(Lease, "c", Now.AddSeconds(42), Now.AddDays(1), evenIfHeld: true, CancellationToken.None));
        Assert.Equal("c", (await RowAsync()).Holder);
    }

    [Fact]
    public async Task Only_the_holder_extends_an_unexpired_lease_within_a_transaction_and_releasing_lets_another_take_it()
    {
        await Leases.TryTakeAsync(Lease, "a", Now, Now.AddSeconds(30), evenIfHeld: false, CancellationToken.None);

        await using (var db = _database.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.False(await Leases.ExtendWithinAsync(db, Lease, "b", Now.AddSeconds(5), Now.AddSeconds(35), CancellationToken.None));
            Assert.False(await Leases.ExtendWithinAsync(db, Lease, "a", Now.AddSeconds(31), Now.AddSeconds(61), CancellationToken.None));
            Assert.True(await Leases.ExtendWithinAsync(db, Lease, "a", Now.AddSeconds(5), Now.AddSeconds(35), CancellationToken.None));
            await tx.CommitAsync();
        }

        Assert.Equal(("a", Now.AddSeconds(35)), await RowAsync());

        await Leases.ReleaseAsync(Lease, "b", Now.AddSeconds(6), CancellationToken.None);
        Assert.Equal(Now.AddSeconds(35), (await RowAsync()).ExpiresAt);
        await Leases.ReleaseAsync(Lease, "a", Now.AddSeconds(6), CancellationToken.None);
        Assert.True(await Leases.TryTakeAsync(Lease, "b", Now.AddSeconds(7), Now.AddSeconds(37), evenIfHeld: false, CancellationToken.None));
    }
}
