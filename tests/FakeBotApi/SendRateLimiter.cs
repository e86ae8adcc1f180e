namespace Assembly.FakeBotApi;

/// <summary>
/// Telegram-like flood control for benchmarks of a bot's own pacing: counts accepted sends in a trailing
/// window, globally and per chat. Not thread-safe: the server calls it under its lock, together with
/// recording the send, so the count and the record always agree.
/// </summary>
internal sealed class SendRateLimiter(double? globalPerSecond, double? perChatPerSecond)
{
    private readonly Window? _global = Window.For(globalPerSecond);
    private readonly Dictionary<long, Window> _perChat = [];

    /// <summary>Null and the send is counted; otherwise the retry_after (seconds) to refuse it with.</summary>
    public int? TryAcquire(long? chatId, DateTimeOffset now)
    {
        Window? chat = null;
        if (chatId is { } id && perChatPerSecond is { } rate && !_perChat.TryGetValue(id, out chat))
            _perChat[id] = chat = Window.For(rate)!;
        var wait = Math.Max(_global?.Wait(now) ?? 0, chat?.Wait(now) ?? 0);
        if (wait > 0)
            return wait;
        _global?.Add(now);
        chat?.Add(now);
        return null;
    }

    /// <summary>At most <c>Capacity</c> sends in any <c>Length</c>: rate r ≥ 1 is ⌊r⌋ per second, r &lt; 1 one per 1/r s.</summary>
    private sealed class Window(int capacity, TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> _sends = new();

        public static Window? For(double? perSecond) => perSecond switch
        {
            null => null,
            >= 1 => new Window((int)Math.Floor(perSecond.Value), TimeSpan.FromSeconds(1)),
            > 0 => new Window(1, TimeSpan.FromSeconds(1 / perSecond.Value)),
            _ => throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "A send rate must be positive."),
        };

        /// <summary>0 if a send fits now, else whole seconds (at least 1) until the oldest leaves the window.</summary>
        public int Wait(DateTimeOffset now)
        {
            while (_sends.TryPeek(out var oldest) && now - oldest >= length)
                _sends.Dequeue();
            return _sends.Count < capacity ? 0 : Math.Max(1, (int)Math.Ceiling((_sends.Peek() + length - now).TotalSeconds));
        }

        public void Add(DateTimeOffset now) => _sends.Enqueue(now);
    }
}
