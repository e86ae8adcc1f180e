using Assembly.Bot.Configuration;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Coordination;

/// <summary>
/// The lease named <c>scheduler</c> in the <c>Leases</c> table: the right, for one instance at a time, to do what
/// must not be done twice at once. Its holder runs the scheduler and the housekeeping jobs and
/// sends bulk messages (so the messenger's overall bulk pace is kept by one <c>BulkPacer</c>). The holder renews
/// it every third of the lease time (<see cref="LeaseKeeper"/>); when it stops cleanly it lets it go, and when it
/// dies the lease expires and another instance takes it at its next try, within about the lease time.
///
/// Expiry is compared with each host's own clock (the injected <see cref="TimeProvider"/>), so the hosts' clocks
/// must agree (NTP): a clock ahead by more than the margin below would take the lease early. Work done under the
/// lease that must never be done twice (the scheduler's) does not trust <see cref="IsHeld"/> alone but fences
/// its own transaction with <see cref="FenceAsync"/>.
/// </summary>
public sealed class SchedulerLease(
    InstanceIdentity me,
    IOptions<InstanceOptions> settings,
    WriteGate gate,
    TimeProvider time,
    ILogger<SchedulerLease> logger)
{
    /// <summary>The lease's row in <c>Leases</c>.</summary>
    public const string Name = "scheduler";

    /// <summary>
    /// Alone on its database (SQLite), nobody else can take the lease and the next start takes it at once whoever held
    /// it, so it is held for long and renewed rarely: renewing it every few seconds only woke an idle bot.
    /// </summary>
    private static readonly TimeSpan AloneLease = TimeSpan.FromDays(1);

    private readonly TimeSpan _ttl = me.SingleInstance ? AloneLease : settings.Value.LeaseTime;

    /// <summary>How long a taking or renewal holds the lease; <see cref="LeaseKeeper"/> renews it every third of this.</summary>
    public TimeSpan Length => _ttl;

    /// <summary>
    /// Held locally until this long before the lease's expiry in the database: the renewal that set it took some
    /// time, and another host's clock may be a little ahead. A fifth of the lease: 6 s at the default 30 s.
    /// </summary>
    private TimeSpan Margin => _ttl / 5;

    private long _heldUntilTicks = DateTime.MinValue.Ticks;

    /// <summary>Whether this instance holds the lease, by its last successful renewal (no database call).</summary>
    public bool IsHeld => time.GetUtcNow().UtcDateTime.Ticks < Interlocked.Read(ref _heldUntilTicks);

    /// <summary>
    /// Takes the lease if it is free, expired or already ours, renewing it; says whether this instance holds it
    /// now. <paramref name="evenIfHeld"/> takes it whoever holds it: only for SQLite at start, where no other live
    /// process can hold it (one process per database), so a crash does not hold the scheduler up for a lease time.
    /// </summary>
    public async Task<bool> TryTakeAsync(bool evenIfHeld, CancellationToken ct)
    {
        var wasHeld = IsHeld;
        var started = time.GetUtcNow().UtcDateTime;
        int taken;
        await using (var write = await gate.EnterAsync(ct))
        {
            var db = write.Db;
            // The row is made once, by whoever comes first; plain SQL that SQLite and PostgreSQL both read.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Leases\" (\"Name\", \"Holder\", \"ExpiresAt\") VALUES ({0}, '', {1}) ON CONFLICT DO NOTHING",
                [Name, DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc)], ct);
            var expiresAt = started + _ttl;
            taken = await db.Leases
                .Where(l => l.Name == Name && (evenIfHeld || l.Holder == me.Id || l.ExpiresAt < started))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me.Id).SetProperty(l => l.ExpiresAt, expiresAt), ct);
        }

        // Counted from before the call: the row says started + ttl, and the margin keeps us inside it.
        Interlocked.Exchange(ref _heldUntilTicks, taken == 1 ? (started + _ttl - Margin).Ticks : DateTime.MinValue.Ticks);
        if (taken == 1 && !wasHeld) logger.LogInformation("Instance {Instance} holds the {Lease} lease", me.Id, Name);
        if (taken == 0 && wasHeld) logger.LogWarning("Instance {Instance} lost the {Lease} lease", me.Id, Name);
        return taken == 1;
    }

    /// <summary>
    /// Inside the caller's transaction: renews the lease only if this instance still holds it and it has not
    /// expired; false means the caller must roll back and do nothing. On PostgreSQL the UPDATE also locks the
    /// lease's row until the caller commits, so a takeover by another instance waits for this transaction and then
    /// finds the lease renewed; and if the takeover came first, this finds another holder. Either way, two
    /// transactions fenced by one lease never overlap.
    /// </summary>
    public async Task<bool> FenceAsync(BotDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = now + _ttl;
        return await db.Leases
            .Where(l => l.Name == Name && l.Holder == me.Id && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expiresAt), ct) == 1;
    }

    /// <summary>On a clean stop: lets the lease go, so another instance takes it at its next try, not a lease time later.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (!IsHeld) return;
        Interlocked.Exchange(ref _heldUntilTicks, DateTime.MinValue.Ticks);
        var now = time.GetUtcNow().UtcDateTime;
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        await db.Leases.Where(l => l.Name == Name && l.Holder == me.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), ct);
        logger.LogInformation("Instance {Instance} released the {Lease} lease", me.Id, Name);
    }
}
