namespace Assembly.Storage.Entities;

/// <summary>How soon a message must leave. Interactive answers a member's own message; bulk is everything else.</summary>
public enum OutboxPriority
{
    /// <summary>A reply to what somebody just sent: out at once, slowed only by a 429.</summary>
    Interactive = 0,

    /// <summary>Announcements, reminders, notices: paced within the messenger's limits, after interactive ones.</summary>
    Bulk = 1,

    /// <summary>
    /// Bulk that yields to other bulk: what a reporter adds to a report, so a busy reporter's additions never hold up a
    /// new report's post in the same staff chat. Paced as bulk.
    /// </summary>
    Additions = 2,
}

public enum OutboxStatus
{
    Pending = 0,

    /// <summary>
    /// Claimed by a sender just before the HTTP call. Found with a claimer no longer alive, it means that process died
    /// mid-send: the claim sweep puts it back to <see cref="Pending"/>.
    /// </summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Given up: transient errors went on too long.</summary>
    Failed = 3,

    /// <summary>Not sent because the chat blocked the bot (403).</summary>
    Unreachable = 4,

    /// <summary>
    /// Written only by earlier versions, which did not send again a message in flight when its process died (it may
    /// or may not have arrived). Such rows keep that meaning and stay settled; a row cut off by a crash now goes back
    /// to <see cref="Pending"/> and is sent again.
    /// </summary>
    Uncertain = 5,

    /// <summary>The server refused it for good (a 400 and the like): trying again cannot help.</summary>
    Refused = 6,
}

/// <summary>
/// One message to send, written in the same transaction as the change that caused it and sent later
/// by the outbox sender. Nothing is ever sent from inside a transaction.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string Messenger { get; init; }
    public required long ChatId { get; init; }
    public ChatKind ChatKind { get; init; }
    public OutboxPriority Priority { get; init; }

    /// <summary>The message itself (text, buttons, reply-to) as JSON; see Conversations' OutgoingJson.</summary>
    public required string Payload { get; init; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Not to be sent before this time (retry backoff, retry_after, a scheduled send).</summary>
    public DateTime NotBefore { get; set; }
    public DateTime? ClaimedAt { get; set; }

    /// <summary>
    /// The instance that claimed it (Sending), so that rows of an instance that died mid-send can be told from
    /// rows another live instance is sending right now. Null on rows claimed before instances were recorded.
    /// </summary>
    public string? ClaimedBy { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The messenger's id of the sent message, for edits and for replies to it.</summary>
    public long? SentMessageId { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The report a message is about (its code), and what a reply to it means (<c>post</c>, <c>reply</c>,
    /// <c>note</c>): a staff member answering the bot's message with the messenger's reply-to acts on it.
    /// </summary>
    public string? Subject { get; init; }
    public string? SubjectAction { get; init; }

    /// <summary>The announcement this message is one copy of, for its delivery counts.</summary>
    public int? BroadcastId { get; init; }

    /// <summary>
    /// The chat of the person whose action made this message go to another chat (a staff member's reply to a member,
    /// a member's report posted to a staff chat), as <c>messenger:chatId</c>: told when the server refuses it.
    /// </summary>
    public string? CausedBy { get; init; }
}
