using Assembly.Storage.Entities;

namespace Assembly.Storage.Outbox;

/// <summary>A row that may go next, as the candidates query reads it (<see cref="IOutboxLook.CandidatesAsync"/>).</summary>
public sealed record OutboxCandidate(long Id, long ChatId, ChatKind ChatKind, OutboxPriority Priority, DateTime NotBefore);

/// <summary>
/// A row this instance claimed: its message, how many attempts it had before this one, when it was queued, and who is
/// to hear of a refusal (<see cref="OutboxMessage.CausedBy"/>) about which report (<see cref="OutboxMessage.Subject"/>).
/// </summary>
public sealed record ClaimedRow(long Id, string Payload, int Attempts, DateTime CreatedAt, string? CausedBy = null, string? Subject = null, int? BroadcastId = null);

/// <summary>The waiting (unsettled) rows of one messenger, for the gauges.</summary>
public sealed record OutboxDepth(string Messenger, long Count, DateTime OldestCreatedAt);

/// <summary>What becomes of a claimed row after its send, as the sender's retry policy decided it.</summary>
public abstract record OutboxOutcome(long Id)
{
    /// <summary>Delivered at <paramref name="At"/>; a file the bot made for it is deleted with the record.</summary>
    public sealed record Sent(long Id, DateTime At, long? MessageId, bool WithFile) : OutboxOutcome(Id)
    {
        /// <summary>
        /// The row opened a forum topic for its report, whose id is <see cref="MessageId"/>: kept with the report's post
        /// in that chat in the same transaction, so the chat's next message, and any later opening, finds it.
        /// </summary>
        public bool OpensTopic { get; init; }
    }

    /// <summary>Pending again, not before <paramref name="NotBefore"/>, with this many attempts counted.</summary>
    public sealed record RetryAt(long Id, DateTime NotBefore, int Attempts, string Error) : OutboxOutcome(Id);

    /// <summary>The chat blocked the bot: this row is settled, and the chat is marked so its other rows are too.</summary>
    public sealed record Unreachable(long Id, long ChatId, DateTime At, int Attempts, string Error) : OutboxOutcome(Id);

    /// <summary>Given up for good.</summary>
    public sealed record Failed(long Id, int Attempts, string Error) : OutboxOutcome(Id);

    /// <summary>
    /// The server refused it for good (a 400): settled as refused, and <paramref name="Notice"/>, when there is one,
    /// is written in the same transaction to tell the person whose action caused it.
    /// </summary>
    public sealed record Refused(long Id, int Attempts, string Error, OutboxMessage? Notice = null) : OutboxOutcome(Id);

    /// <summary>
    /// The chat moved to <paramref name="ToChatId"/> (a group upgraded to a supergroup): this row and the chat's other
    /// waiting rows go there, at once, and the move is remembered.
    /// </summary>
    public sealed record Moved(long Id, long FromChatId, long ToChatId, DateTime At) : OutboxOutcome(Id);

    /// <summary>
    /// Refused as it was, but another form of it can go (without a forum topic that is gone, or its stand-in when a copy
    /// was refused): the row becomes <paramref name="Payload"/> and goes again at once, in its place in its chat's order,
    /// not counted as an attempt. Nobody is told.
    /// </summary>
    public sealed record Resent(long Id, DateTime At, string Payload, string Why) : OutboxOutcome(Id)
    {
        /// <summary>
        /// The forum topic the send found gone: in the same transaction no report keeps it as its topic in that chat any
        /// more, so the chat's next messages about it go to the chat itself.
        /// </summary>
        public int? TopicGone { get; init; }

        /// <summary>The other form is a stand-in the staff's chat gets instead (a post for a refused copy): nobody is told of its fate.</summary>
        public bool StandIn { get; init; }
    }
}
