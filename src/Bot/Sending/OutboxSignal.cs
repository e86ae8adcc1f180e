using System.Collections.Concurrent;
using Assembly.Bot.Hosting;

namespace Assembly.Bot.Sending;

/// <summary>Wakes a messenger's outbox sender when there is something new for it (a commit, a finished send).</summary>
public sealed class OutboxSignal(IEnumerable<Messengers.IMessengerClient> messengers)
{
    private readonly ConcurrentDictionary<string, WakeSignal> _signals = new();

    public void Wake(string messenger) => Of(messenger).Wake();

    /// <summary>Wakes every messenger's sender: for rows that were not one sender's own commit (a sweep's).</summary>
    public void WakeAll()
    {
        foreach (var messenger in messengers) Wake(messenger.Name);
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes, whichever is first.</summary>
    public Task WaitAsync(string messenger, TimeSpan timeout, TimeProvider time, CancellationToken ct) => Of(messenger).WaitAsync(timeout, time, ct);

    private WakeSignal Of(string messenger) => _signals.GetOrAdd(messenger, _ => new WakeSignal());
}
