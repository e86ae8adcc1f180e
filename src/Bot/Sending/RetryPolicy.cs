using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Sending;

/// <summary>
/// One send of an outbox row: the row, its chat, the attempts it had before, whether it carried a file the bot made,
/// and when it was queued (its age decides when it is given up).
/// </summary>
public sealed record SendAttempt(long RowId, long ChatId, int AttemptsBefore, bool WithFile, DateTime QueuedAt)
{
    /// <summary>The message as the row holds it, from which another form of it is made when the one sent was refused.</summary>
    public OutgoingMessage? Message { get; init; }

    /// <summary>The forum topic it was sent into, if any.</summary>
    public int? Thread { get; init; }
}

/// <summary>
/// What the messenger's answer to a send means for its row: sent, tried again at a time, its chat unreachable, or
/// failed for good. The one place that decides when a message is given up.
/// - Sent: recorded with the messenger's message id.
/// - 429: tried again once <c>retry_after</c> has passed. Being asked to wait is not a failure of the message, so it
///   does not count as an attempt.
/// - 5xx, a network error, a timeout: tried again after a pause that doubles with each attempt (1 s, 2 s, 4 s …, at
///   most a minute), and given up as failed only when it still fails once the message is older than the give-up age
///   (<c>Sending:GiveUpAfterHours</c>). By age, not by count: an outage is the messenger's, and while it lasts the
///   sender tries the messenger about once a minute (<see cref="MessengerOutage"/>), not each message in turn, so a
///   long outage does not use up the messages' chances.
/// - 403: the chat blocked the bot; its row, and every later one of that chat, is unreachable.
/// - 400 "group chat was upgraded to a supergroup chat": sent again at once to the new chat id, not counted as an attempt.
/// - 400 "message thread not found" for a message sent into a forum topic: staff deleted the topic. Sent again at once to
///   the chat itself, not counted as an attempt, and no report keeps that topic any more (<see cref="OutboxOutcome.Resent.TopicGone"/>),
///   so nothing about the report is lost and nobody is told.
/// - A refused copy of a member's message (<see cref="CopyMessage.Otherwise"/>: the member deleted it first, say): its
///   stand-in, the addition post, goes instead, at once; nobody is told.
/// - 400 and any other refusal: refused at once; trying again cannot help.
/// </summary>
public static class RetryPolicy
{
    /// <summary>The longest pause between two attempts at one message.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    public static OutboxOutcome Decide(SendAttempt attempt, SendOutcome outcome, DateTime at, TimeSpan giveUpAfter)
    {
        var attempts = attempt.AttemptsBefore + 1;
        return outcome switch
        {
            SendOutcome.Sent sent => new OutboxOutcome.Sent(attempt.RowId, at, sent.MessageId, attempt.WithFile),
            SendOutcome.Throttled throttled => new OutboxOutcome.RetryAt(attempt.RowId, at + throttled.RetryAfter, attempt.AttemptsBefore,
                $"429, retry after {throttled.RetryAfter.TotalSeconds} s"),
            SendOutcome.Transient transient when at - attempt.QueuedAt >= giveUpAfter => new OutboxOutcome.Failed(attempt.RowId, attempts,
                $"given up after {giveUpAfter.TotalHours} hours: {transient.Reason}"),
            SendOutcome.Transient transient => new OutboxOutcome.RetryAt(attempt.RowId, at + Pause(attempts), attempts, transient.Reason),
            SendOutcome.Unreachable unreachable => new OutboxOutcome.Unreachable(attempt.RowId, attempt.ChatId, at, attempts, unreachable.Reason),
            // A copy without its topic would land in the chat with nothing to say which report it is: its stand-in goes.
            SendOutcome.ThreadGone gone when attempt is { Thread: { } thread, Message: CopyMessage { Otherwise: { } instead } } =>
                new OutboxOutcome.Resent(attempt.RowId, at, OutgoingJson.Write(instead with { Topic = 0 }), $"{gone.Reason}; sent as a post without the topic")
                    { TopicGone = thread, StandIn = true },
            SendOutcome.ThreadGone gone when attempt is { Thread: { } thread, Message: { } message } =>
                new OutboxOutcome.Resent(attempt.RowId, at, OutgoingJson.Write(message with { Topic = 0 }), $"{gone.Reason}; sent again without the topic")
                    { TopicGone = thread },
            SendOutcome.ThreadGone gone => new OutboxOutcome.Refused(attempt.RowId, attempts, gone.Reason),
            SendOutcome.Rejected rejected when attempt.Message is CopyMessage { Otherwise: { } instead } =>
                new OutboxOutcome.Resent(attempt.RowId, at, OutgoingJson.Write(instead), $"{rejected.Reason}; sent as a post instead") { StandIn = true },
            SendOutcome.Rejected rejected => new OutboxOutcome.Refused(attempt.RowId, attempts, rejected.Reason),
            SendOutcome.Moved moved => new OutboxOutcome.Moved(attempt.RowId, attempt.ChatId, moved.NewChatId, at),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "not a send outcome"),
        };
    }

    /// <summary>The pause before trying a message again after its <paramref name="attempts"/>-th failed attempt.</summary>
    public static TimeSpan Pause(int attempts) => TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, Math.Min(attempts, 31) - 1)));
}
