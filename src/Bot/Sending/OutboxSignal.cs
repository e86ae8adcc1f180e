using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Assembly.Bot.Sending;

/// <summary>Wakes a messenger's outbox sender when there is something new for it (a commit, a finished send).</summary>
public sealed class OutboxSignal(IEnumerable<Messengers.IMessengerClient> messengers)
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _channels = new();

    public void Wake(string messenger) => Channel(messenger).Writer.TryWrite(true);

    /// <summary>Wakes every messenger's sender: for rows that were not one sender's own commit (a sweep's).</summary>
    public void WakeAll()
    {
        foreach (var messenger in messengers) Wake(messenger.Name);
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes, whichever is first.</summary>
    public async Task WaitAsync(string messenger, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var reader = Channel(messenger).Reader;
        if (reader.TryRead(out _)) return;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, time, cts.Token);
        var woken = reader.WaitToReadAsync(cts.Token).AsTask();
        await Task.WhenAny(delay, woken);
        await cts.CancelAsync();
        reader.TryRead(out _);
    }

    // One pending wake is enough: several commits before the sender looks need one look.
    private Channel<bool> Channel(string messenger) =>
        _channels.GetOrAdd(messenger, _ => System.Threading.Channels.Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
