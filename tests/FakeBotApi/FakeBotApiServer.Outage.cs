namespace Assembly.FakeBotApi;

// An outage: every request answered with one fault until it ends, as a messenger down or a proxy out.
public sealed partial class FakeBotApiServer
{
    private sealed record Outage(Fault Fault, bool Receiving);

    private Outage? _outage;
    private int _outageRefusals;
    private CancellationTokenSource _receivingCut = new();

    /// <summary>
    /// From now until <see cref="EndOutage"/>, every request that sends (or edits, or answers a button) is answered with
    /// <paramref name="fault"/>; with <paramref name="receiving"/>, every other request too (getUpdates, getMe): the
    /// messenger cannot be reached at all, and the long polls on their way are cut as well: they end with the fault, not
    /// an answer. Nothing refused is recorded.
    /// </summary>
    public void StartOutage(Fault fault, bool receiving = false)
    {
        Volatile.Write(ref _outage, new Outage(fault, receiving));
        if (receiving) Interlocked.Exchange(ref _receivingCut, new CancellationTokenSource()).Cancel();
    }

    /// <summary>Cancelled when an outage cuts receiving: a long poll waits on the one current when it began.</summary>
    private CancellationToken ReceivingCut => Volatile.Read(ref _receivingCut).Token;

    public void EndOutage() => Volatile.Write(ref _outage, null);

    /// <summary>Sending requests refused by an outage: how often the bot tried to send while it lasted.</summary>
    public int OutageRefusals => Volatile.Read(ref _outageRefusals);

    /// <summary>The outage's answer to a request of <paramref name="method"/>, or null when none is going on.</summary>
    private BotReply? OutageRefusal(string method)
    {
        if (Volatile.Read(ref _outage) is not { } outage) return null;
        var sending = method.StartsWith("send", StringComparison.OrdinalIgnoreCase) || method.StartsWith("edit", StringComparison.OrdinalIgnoreCase)
            || method.Equals("answerCallbackQuery", StringComparison.OrdinalIgnoreCase);
        if (!sending && !outage.Receiving) return null;
        if (sending) Interlocked.Increment(ref _outageRefusals);
        _changed.Raise();
        return Refusal(outage.Fault);
    }
}
