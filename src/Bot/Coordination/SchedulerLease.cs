using Assembly.Bot.Configuration;
using Assembly.Storage;
using Assembly.Storage.Coordination;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Coordination;

/// <summary>
/// The lease named <c>scheduler</c> in the <c>Leases</c> table (<see cref="ILeases"/>): the right, for one instance at a time, to do what
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
    ILeases leases,
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

    /// <summary>This instance, which holds or seeks the lease.</summary>
    public InstanceIdentity Instance => me;

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
        var taken = await leases.TryTakeAsync(Name, me.Id, started, started + _ttl, evenIfHeld, ct);

        // Counted from before the call: the row says started + ttl, and the margin keeps us inside it.
        Interlocked.Exchange(ref _heldUntilTicks, taken ? (started + _ttl - Margin).Ticks : DateTime.MinValue.Ticks);
        if (taken && !wasHeld) logger.LogInformation("Instance {Instance} holds the {Lease} lease", me.Id, Name);
        if (!taken && wasHeld) logger.LogWarning("Instance {Instance} lost the {Lease} lease", me.Id, Name);
        return taken;
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
        return await leases.ExtendWithinAsync(db, Name, me.Id, now, now + _ttl, ct);
    }

    /// <summary>On a clean stop: lets the lease go, so another instance takes it at its next try, not a lease time later.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (!IsHeld) return;
        Interlocked.Exchange(ref _heldUntilTicks, DateTime.MinValue.Ticks);
        await leases.ReleaseAsync(Name, me.Id, time.GetUtcNow().UtcDateTime, ct);
        logger.LogInformation("Instance {Instance} released the {Lease} lease", me.Id, Name);
    }
}
