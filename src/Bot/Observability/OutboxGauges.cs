using Assembly.Bot.Messengers;
using Assembly.Bot.Scheduling;
using Assembly.Storage;
using Assembly.Storage.Configuration;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Observability;

/// <summary>
/// Counts the waiting outbox rows now and then for the gauges, so a scrape of <c>/metrics</c> never waits for the
/// database (the gauges' callbacks are synchronous). Runs only when the HTTP server does.
/// </summary>
public sealed class OutboxGauges(
    IDbContextFactory<BotDbContext> factory,
    IEnumerable<IMessengerClient> messengers,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<OutboxGauges> logger)
    : PeriodicJob(time, logger)
{
    protected override TimeSpan Every => TimeSpan.FromSeconds(10);

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        // A read only: it takes no part in the write gate.
        // The unsettled rows are pending or being sent: read from the sender's partial index, not the whole table.
        var depths = await OutboxMessageConfiguration.WhereUnsettled(db.Outbox.AsNoTracking())
            .GroupBy(o => o.Messenger)
            .Select(g => new { Messenger = g.Key, Count = g.LongCount(), Oldest = g.Min(o => o.CreatedAt) })
            .ToListAsync(ct);
        // Every messenger that is on, with 0 when nothing waits: an empty outbox is a value, not a missing series.
        metrics.SetOutbox(messengers.Select(m => m.Name).Select(name => depths.FirstOrDefault(d => d.Messenger == name) is { } d
            ? new BotMetrics.OutboxDepth(name, d.Count, Math.Max(0, (now - d.Oldest).TotalSeconds))
            : new BotMetrics.OutboxDepth(name, 0, 0)));
        return 0;
    }
}
