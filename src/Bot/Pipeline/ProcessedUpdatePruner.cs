using Assembly.Bot.Coordination;
using Assembly.Bot.Scheduling;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// Forgets processed markers once no messenger can deliver their update again: Telegram keeps an update
/// for 24 hours, Bale's redeliveries come within minutes. They must be gone before an id can come back as a new
/// update: Telegram picks a new start for a bot's update ids after 7 days without updates, and an old marker with
/// the same id would make the new update look processed. Six days, checked every hour, is both. Housekeeping: only
/// the holder of the <see cref="SchedulerLease"/> does it, so several instances do not all delete the same rows.
/// </summary>
public sealed class ProcessedUpdatePruner(WriteGate gate, SchedulerLease lease, TimeProvider time, ILogger<ProcessedUpdatePruner> logger)
    : PeriodicJob(time, logger)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(6);

    protected override TimeSpan Every => TimeSpan.FromHours(1);

    protected override bool RunAtStart => false;

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!lease.IsHeld) return 0;
        var before = Time.GetUtcNow().UtcDateTime - KeepFor;
        await using var write = await gate.EnterAsync(ct);
        var db = write.Db;
        return await db.ProcessedUpdates.Where(p => p.ProcessedAt < before).ExecuteDeleteAsync(ct);
    }
}
