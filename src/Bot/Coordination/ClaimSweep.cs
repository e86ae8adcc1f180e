using Assembly.Bot.Configuration;
using Assembly.Bot.Sending;
using Assembly.Bot.Scheduling;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Coordination;

/// <summary>
/// Puts back to pending the outbox rows that an instance claimed (Sending) and will never record: it died between
/// the claim and the outcome. They are sent again, in their place in their chat's order (a chat's later rows waited
/// for them): the message may have arrived, and the Bot API has no idempotency key to tell, so a rare second copy is
/// the price of never leaving a member without an answer. An instance is dead when its heartbeat row is missing or
/// older than the lease time; rows with no claimer were claimed before instances were recorded and count as dead. On
/// SQLite (one process) every claimer but this instance is dead, so a restarted bot sends its predecessor's cut-off
/// sends at start. Runs on the lease holder only, at start and (with several instances) every third of the lease
/// time, so after a crash the rows go again within about the lease time (at once on SQLite); after a clean stop there
/// are none (the sender records its last sends before the instance's row goes).
/// </summary>
public sealed class ClaimSweep(
    IOutbox outbox,
    OutboxSignal signal,
    SchedulerLease lease,
    IOptions<InstanceOptions> settings,
    TimeProvider time,
    ILogger<ClaimSweep> logger) : PeriodicJob(time, logger)
{
    /// <summary>Heartbeat rows of instances silent this much longer than the lease time are removed.</summary>
    private const int ForgetAfterLeaseTimes = 20;

    protected override TimeSpan Every => settings.Value.LeaseTime / 3;

    /// <summary>
    /// Alone on its database, only a predecessor can have left claims or heartbeat rows, and the first turn (at
    /// start, under the lease taken at once) settles them all; later turns would find nothing.
    /// </summary>
    protected override bool DoneAfterSuccess => lease.Instance.SingleInstance && lease.IsHeld;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!lease.IsHeld) return 0;
        var now = Time.GetUtcNow().UtcDateTime;
        // Alone, every claimer but this instance is dead; otherwise one whose heartbeat is older than the lease time.
        // Heartbeat rows silent far longer go too, once their claims are settled.
        var count = await outbox.SweepClaimsAsync(lease.Instance.Id, alone: lease.Instance.SingleInstance, aliveSince: now - settings.Value.LeaseTime,
            forgetBefore: now - settings.Value.LeaseTime * ForgetAfterLeaseTimes, ct);
        if (count == 0) return 0;
        // A lone sender sleeps until woken; the rows it waits for were not its commit.
        signal.WakeAll();
        Log.LogWarning("{Count} messages were in flight when their instance stopped; they are sent again, and may arrive twice", count);
        return count;
    }
}
