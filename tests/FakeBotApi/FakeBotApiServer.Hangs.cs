namespace Assembly.FakeBotApi;

// Sends that hang: the message takes effect, but its answer never leaves, as when a proxy holds the connection open.
public sealed partial class FakeBotApiServer
{
    private int _hangsLeft;
    private int _hung;

    /// <summary>
    /// The next <paramref name="sends"/> send requests (any chat) take effect (they are in <see cref="Sent"/>), and then
    /// are never answered, until the client gives up on them: a bot that times out and tries again sends a second copy.
    /// </summary>
    public void HangNext(int sends) => Interlocked.Add(ref _hangsLeft, sends);

    /// <summary>Sends that took effect and were left hanging by <see cref="HangNext"/>.</summary>
    public int Hung => Volatile.Read(ref _hung);

    /// <summary>Holds the answer to a send that took effect when a hang is due; returns at once otherwise.</summary>
    private async Task HangIfDueAsync(string method, BotReply reply, CancellationToken aborted)
    {
        if (!method.StartsWith("send", StringComparison.OrdinalIgnoreCase) || reply is BotReply.Error or BotReply.Html or BotReply.Abort) return;
        while (true)
        {
            var left = Volatile.Read(ref _hangsLeft);
            if (left <= 0) return;
            if (Interlocked.CompareExchange(ref _hangsLeft, left - 1, left) == left) break;
        }

        Interlocked.Increment(ref _hung);
        _changed.Raise();
        // Ends only when the client goes away (or the fake stops): nobody is left to answer.
        using var never = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        await Task.Delay(Timeout.Infinite, never.Token);
    }
}
