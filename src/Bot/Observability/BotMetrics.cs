using System.Diagnostics.Metrics;
using Assembly.Conversations.Messages;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Observability;

/// <summary>
/// The bot's own instruments, on the meter <see cref="MeterName"/>. With <c>Http:Urls</c> set they are served
/// at <c>/metrics</c> in Prometheus' format by OpenTelemetry's exporter (names there: dots become '_', counters
/// end in <c>_total</c>). Sends per second is <c>rate(assembly_bot_messages_sent_total[1m])</c>.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "Assembly.Bot";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _refused;
    private OutboxDepth[] _outbox = [];

    /// <summary>Waiting outbox rows of one messenger, as last counted by <see cref="OutboxGauges"/>.</summary>
    public sealed record OutboxDepth(string Messenger, long Pending, double OldestAgeSeconds);

    public BotMetrics(IMeterFactory meters)
    {
        // From the host's factory: each host (tests start many in one process) has its own meter.
        var meter = meters.Create(MeterName);
        _updates = meter.CreateCounter<long>("assembly_bot.updates", description: "Updates received, by result: handled, duplicate (seen before), failed (given up with an apology).");
        _sent = meter.CreateCounter<long>("assembly_bot.messages.sent", description: "Messages the messenger's server accepted, by priority.");
        _throttled = meter.CreateCounter<long>("assembly_bot.messages.throttled", description: "Sends answered 429 (too many requests).");
        _refused = meter.CreateCounter<long>("assembly_bot.messages.refused",
            description: "Sends the server refused, by kind: refused (400 and the like, given up), unreachable (403, the chat blocked the bot), moved (the group became a supergroup; sent again there).");
        meter.CreateObservableGauge("assembly_bot.outbox.pending", () => _outbox.Select(o => new Measurement<long>(o.Pending, Tag(o.Messenger))),
            description: "Outbox rows waiting to be sent.");
        meter.CreateObservableGauge("assembly_bot.outbox.oldest_age_seconds", () => _outbox.Select(o => new Measurement<double>(o.OldestAgeSeconds, Tag(o.Messenger))),
            description: "How long the oldest waiting outbox row has waited, in seconds.");
    }

    public void Updates(string messenger, string result, int count)
    {
        if (count > 0) _updates.Add(count, Tag(messenger), new("result", result));
    }

    public void Sent(string messenger, OutboxPriority priority) =>
        _sent.Add(1, Tag(messenger), new("priority", priority == OutboxPriority.Interactive ? "interactive" : "bulk"));

    public void Throttled(string messenger) => _throttled.Add(1, Tag(messenger));

    public void Refused(string messenger, Messengers.SendOutcome outcome) =>
        _refused.Add(1, Tag(messenger), new("kind", outcome switch
        {
            Messengers.SendOutcome.Unreachable => "unreachable",
            Messengers.SendOutcome.Moved => "moved",
            _ => "refused",
        }));

    public void SetOutbox(IEnumerable<OutboxDepth> depths) => Volatile.Write(ref _outbox, depths.ToArray());

    private static KeyValuePair<string, object?> Tag(string messenger) => new("messenger", messenger);
}
