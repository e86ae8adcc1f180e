using Assembly.Bot.Configuration;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Sending;

/// <summary>
/// Keeps bulk messages within a messenger's limits: overall per second, per chat per second, per group per
/// minute. Each limit is an evenly spaced slot (GCRA): a message may go when the overall, its chat's and
/// (for a group) its group's next slots have all come. Interactive replies do not wait for a slot but do take
/// one, so bulk yields to them and the sum stays within the overall limit. While bulk messages are going, both also
/// respect a window of every send in the last second, which is what a server counting any trailing second sees: a
/// reply that finds the second already full (a broadcast at the limit) waits the few milliseconds until its oldest
/// send leaves the window, instead of being sent into a 429 and waiting the whole <c>retry_after</c>. With no bulk
/// message in the window, replies are not held back: the limit kept here is the one for bulk sending. Written here
/// rather than with System.Threading.RateLimiting because it must run on the injected <see cref="TimeProvider"/> and
/// give exact spacing instead of bursts at each replenishment.
/// </summary>
public sealed class BulkPacer(MessengerLimits limits)
{
    /// <summary>How far ahead interactive replies may book the overall limit before bulk is no longer pushed back further.</summary>
    private static readonly TimeSpan MaxInteractiveDebt = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Added to each second's worth of overall slots: sends leave evenly but arrive with a few milliseconds of
    /// jitter, and a server counting any trailing second would see 31 where 30 were sent 33.3 ms apart.
    /// </summary>
    private static readonly TimeSpan JitterMargin = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan _overall = (TimeSpan.FromSeconds(1) + JitterMargin) / limits.BulkPerSecond;
    private readonly TimeSpan _perChat = TimeSpan.FromSeconds(1 / limits.PerChatPerSecond);
    private readonly TimeSpan _perGroup = TimeSpan.FromSeconds(60 / limits.PerGroupPerMinute);
    private readonly Dictionary<long, DateTime> _chatNext = [];
    private DateTime _overallNext = DateTime.MinValue;

    /// <summary>Every send of the last <see cref="Window"/>, bulk and interactive, oldest first.</summary>
    private readonly Queue<(DateTime At, bool Bulk)> _recent = new();
    private int _recentBulk;
    private readonly int _perWindow = Math.Max(1, (int)Math.Floor(limits.BulkPerSecond));
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1) + JitterMargin;

    /// <summary>Takes a slot for a bulk message if one is free now; otherwise says when to ask again.</summary>
    public bool TryTake(long chatId, ChatKind kind, DateTime now, out DateTime retryAt)
    {
        var chatNext = _chatNext.GetValueOrDefault(chatId, DateTime.MinValue);
        retryAt = Max(Max(_overallNext, chatNext), WindowFreeAt(now, forBulk: true));
        if (retryAt > now) return false;

        // A slot taken a little late keeps the schedule: the sender wakes a millisecond or two after each slot, and
        // counting the next from its waking would lose that much every time. Only up to the margin, though: two sends then come at most that much closer than the schedule, which the
        // margin pays for, so no second ever holds more than the limit. Later than that, it starts again from now.
        _overallNext = (now - _overallNext <= JitterMargin ? _overallNext : now) + _overall;
        _chatNext[chatId] = Max(now, chatNext) + (kind == ChatKind.Private ? _perChat : _perGroup);
        if (_chatNext.Count > 50_000) Forget(now);
        _recent.Enqueue((now, true));
        _recentBulk++;
        return true;
    }

    /// <summary>
    /// An interactive reply may go now unless bulk messages are going and the last second already holds the limit;
    /// then it says when a send leaves the window. A reply taken counts toward the overall limit, pushing bulk back.
    /// </summary>
    public bool TryTakeInteractive(DateTime now, out DateTime retryAt)
    {
        retryAt = WindowFreeAt(now, forBulk: false);
        if (retryAt > now) return false;
        _overallNext = Min(Max(now, _overallNext) + _overall, now + MaxInteractiveDebt);
        _recent.Enqueue((now, false));
        return true;
    }

    /// <summary>When the window has room for one more send: now, or when its oldest send leaves it.</summary>
    private DateTime WindowFreeAt(DateTime now, bool forBulk)
    {
        while (_recent.TryPeek(out var oldest) && oldest.At + Window <= now)
        {
            _recent.Dequeue();
            if (oldest.Bulk) _recentBulk--;
        }

        if (!forBulk && _recentBulk == 0) return now;
        return _recent.Count < _perWindow ? now : _recent.Peek().At + Window;
    }

    /// <summary>The server said 429 to a bulk message: no bulk message goes out before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTime until) => _overallNext = Max(_overallNext, until);

    private void Forget(DateTime now)
    {
        foreach (var (chat, next) in _chatNext.ToList())
            if (next <= now) _chatNext.Remove(chat);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
