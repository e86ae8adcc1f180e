namespace Assembly.FakeBotApi;

// What tests read: snapshots of what took effect, and a wait for a condition over them.
public sealed partial class FakeBotApiServer
{
    // Raised on every recorded send or answer and every change of the pending updates.
    private readonly Pulse _changed = new();

    /// <summary>Every send that took effect, in order (a snapshot).</summary>
    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (_lock) return _sent.ToArray(); }
    }

    /// <summary>Every answerCallbackQuery that took effect, in order (a snapshot).</summary>
    public IReadOnlyList<CallbackAnswer> Answers
    {
        get { lock (_lock) return _answers.ToArray(); }
    }

    /// <summary>Files uploaded with sendPhoto / sendDocument (multipart), with their bytes, in order.</summary>
    public IReadOnlyList<UploadedFile> Uploads
    {
        get { lock (_lock) return _uploads.ToArray(); }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_lock)
            return _sent.Where(m => m.ChatId == chatId).ToArray();
    }

    /// <summary>
    /// Completes when <paramref name="condition"/> holds. Checked at every send, answer or confirmation, and
    /// every 50 ms besides (for conditions on state outside the fake); <see cref="TimeoutException"/> with what
    /// was sent so far when it does not hold in time.
    /// </summary>
    public async Task WaitUntilAsync(Func<FakeBotApiServer, bool> condition, TimeSpan timeout, CancellationToken ct = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var changed = _changed.Next; // before the check, so a change in between is not missed
            if (condition(this))
                return;
            var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException(Describe($"The condition did not hold within {timeout.TotalSeconds:0.###} s"));
            var poll = remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50);
            await Task.WhenAny(changed, Task.Delay(poll, TimeProvider.System, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    private string Describe(string what)
    {
        var sent = Sent;
        var last = sent.TakeLast(5).Select(m => $"  #{m.MessageId} {m.Method} to {m.ChatId}: {Shorten(m.Text)}");
        return $"{what}: {sent.Count} message(s) sent, {Answers.Count} callback answer(s), {PendingUpdates} update(s) pending, "
            + $"{GetUpdatesCalls} getUpdates call(s), {TooManyRequestsAnswered} 429 answer(s)."
            + (sent.Count > 0 ? " Last sent:" + Environment.NewLine + string.Join(Environment.NewLine, last) : "");
    }

    private static string Shorten(string? text) =>
        text is null ? "(no text)" : text.Length <= 80 ? text.ReplaceLineEndings(" ") : text[..80].ReplaceLineEndings(" ") + "…";
}
