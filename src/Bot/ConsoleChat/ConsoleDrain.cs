using System.Diagnostics;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.ConsoleChat;

/// <summary>
/// What the console chat waits for before it ends: every typed line committed by the pipeline, and every message
/// the bot owes the console sent (no unsettled outbox row left). A pause in the bot's output proves nothing: the
/// first update of a cold start, a busy machine or a paced bulk send can each take seconds.
/// </summary>
public sealed class ConsoleDrain(ConsoleMessenger messenger, IOutbox outbox)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <returns>False when <paramref name="limit"/> passed first.</returns>
    public async Task<bool> UntilAnsweredAsync(TimeSpan limit, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit && !ct.IsCancellationRequested)
        {
            // Committed first: the outbox rows of an update exist once it is, not before.
            if (messenger.AllCommitted && !await OwesAsync(ct)) return true;
            await Task.Delay(Poll, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return false;
    }

    private async Task<bool> OwesAsync(CancellationToken ct) =>
        (await outbox.DepthsAsync(ct)).Any(d => d.Messenger == ConsoleMessenger.MessengerName && d.Count > 0);
}
