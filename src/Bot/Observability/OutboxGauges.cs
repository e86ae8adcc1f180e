using Assembly.Bot.Messengers;
using Assembly.Bot.Scheduling;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Observability;

/// <summary>
/// Counts the waiting outbox rows now and then for the gauges, so a scrape of <c>/metrics</c> never waits for the
/// database (the gauges' callbacks are synchronous). Runs only when the HTTP server does.
/// </summary>
public sealed class OutboxGauges(
    IOutbox outbox,
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
        var depths = await outbox.DepthsAsync(ct);
        // Every messenger that is on, with 0 when nothing waits: an empty outbox is a value, not a missing series.
        metrics.SetOutbox(messengers.Select(m => m.Name).Select(name => depths.FirstOrDefault(d => d.Messenger == name) is { } d
            ? new BotMetrics.OutboxDepth(name, d.Count, Math.Max(0, (now - d.OldestCreatedAt).TotalSeconds))
            : new BotMetrics.OutboxDepth(name, 0, 0)));
        return 0;
    }
}
