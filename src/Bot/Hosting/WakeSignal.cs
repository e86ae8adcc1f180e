using System.Threading.Channels;

namespace Assembly.Bot.Hosting;

/// <summary>
/// Wakes a worker that otherwise sleeps until its next look: each messenger's outbox sender (<see cref="Sending.OutboxSignal"/>
/// holds one per messenger) and the read worker (the one registered as <see cref="Reads"/>).
/// </summary>
public sealed class WakeSignal
{
    /// <summary>The key of the read worker's signal: a committed turn queued a statistic or an export.</summary>
    public const string Reads = "reads";

    // One pending wake is enough: the worker takes everything waiting before it sleeps again.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (_channel.Reader.TryRead(out _)) return;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(timeout, time, cts.Token), _channel.Reader.WaitToReadAsync(cts.Token).AsTask());
        await cts.CancelAsync();
        _channel.Reader.TryRead(out _);
    }
}
