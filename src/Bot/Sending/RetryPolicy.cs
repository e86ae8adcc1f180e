using Assembly.Bot.Messengers;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Sending;

/// <summary>One send of an outbox row: the row, its chat, the attempts it had before, whether it carried a file the bot made.</summary>
public sealed record SendAttempt(long RowId, long ChatId, int AttemptsBefore, bool WithFile);

/// <summary>
/// What the messenger's answer to a send means for its row: sent, tried again at a time, its chat unreachable, or
/// failed for good. The one place that decides when a message is given up.
/// - Sent: recorded with the messenger's message id.
/// - 429: tried again once <c>retry_after</c> has passed. Being asked to wait is not a failure of the message, so it
///   does not count as an attempt.
/// - 5xx, a network error, a timeout: tried again after a pause that doubles with each attempt (1 s, 2 s, 4 s …, at
///   most 5 minutes), and given up as failed at the <see cref="MaxAttempts"/>-th.
/// - 403: the chat blocked the bot; its row, and every later one of that chat, is unreachable.
/// - 400 "group chat was upgraded to a supergroup chat": sent again at once to the new chat id, not counted as an attempt.
/// - 400 and any other refusal: refused at once; trying again cannot help.
/// </summary>
public static class RetryPolicy
{
    /// <summary>After this many failed attempts (not counting 429s) a row is given up as failed.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The longest pause between two attempts.</summary>
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    public static OutboxOutcome Decide(SendAttempt attempt, SendOutcome outcome, DateTime at)
    {
        var attempts = attempt.AttemptsBefore + 1;
        return outcome switch
        {
            SendOutcome.Sent sent => new OutboxOutcome.Sent(attempt.RowId, at, sent.MessageId, attempt.WithFile),
            SendOutcome.Throttled throttled => new OutboxOutcome.RetryAt(attempt.RowId, at + throttled.RetryAfter, attempt.AttemptsBefore,
                $"429, retry after {throttled.RetryAfter.TotalSeconds} s"),
            SendOutcome.Transient transient when attempts >= MaxAttempts => new OutboxOutcome.Failed(attempt.RowId, attempts, transient.Reason),
            SendOutcome.Transient transient => new OutboxOutcome.RetryAt(attempt.RowId, at + Pause(attempts), attempts, transient.Reason),
            SendOutcome.Unreachable unreachable => new OutboxOutcome.Unreachable(attempt.RowId, attempt.ChatId, at, attempts, unreachable.Reason),
            SendOutcome.Rejected rejected => new OutboxOutcome.Refused(attempt.RowId, attempts, rejected.Reason),
            SendOutcome.Moved moved => new OutboxOutcome.Moved(attempt.RowId, attempt.ChatId, moved.NewChatId, at),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "not a send outcome"),
        };
    }

    /// <summary>The pause before trying again after the <paramref name="attempts"/>-th failed attempt.</summary>
    public static TimeSpan Pause(int attempts) => TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, attempts - 1)));
}
