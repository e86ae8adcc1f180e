using Assembly.Bot.Configuration;
using Assembly.Bot.Coordination;
using Assembly.Conversations.Messages;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Scheduling;

/// <summary>
/// Empties the text of settled outbox rows older than <c>Retention:OutboxPayloadDays</c> (<see cref="OutboxRetention"/>):
/// what the bot told members stays in their chats, not in its database. Housekeeping, like the
/// <see cref="Pipeline.ProcessedUpdatePruner"/>: only the holder of the <see cref="SchedulerLease"/> does it, and doing
/// it twice would change nothing. Small batches, each its own short write, so replies waiting for the write lock
/// are not held up behind a month of rows.
/// </summary>
public sealed class OutboxPurger(IOutbox outbox, SchedulerLease lease, IOptions<RetentionOptions> settings, TimeProvider time, ILogger<OutboxPurger> logger)
    : PeriodicJob(time, logger)
{
    /// <summary>Rows emptied in one write.</summary>
    public const int BatchSize = 500;

    protected override TimeSpan Every => TimeSpan.FromHours(1);

    /// <summary>Empties what is old enough; returns how many rows.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var before = Time.GetUtcNow().UtcDateTime - settings.Value.OutboxPayloadAge;
        var total = 0;
        var after = 0L;
        while (lease.IsHeld && !ct.IsCancellationRequested)
        {
            (var purged, after) = await outbox.PurgeBatchAsync(before, OutgoingJson.Emptied, after, BatchSize, ct);
            total += purged;
            if (purged < BatchSize) break;
        }

        return total;
    }
}
