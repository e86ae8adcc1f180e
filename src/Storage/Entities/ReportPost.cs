namespace Assembly.Storage.Entities;

/// <summary>
/// Where a report's card went: one row per chat (a secretariat's staff chat, a staff member's private chat), so that
/// every copy can be edited when the report changes. The message id is learnt from the outbox once the card is sent.
/// </summary>
public sealed class ReportPost
{
    public long Id { get; init; }
    public int ReportId { get; init; }
    public required string Messenger { get; init; }

    /// <summary>The chat, under its id now: a group the messenger upgraded to a supergroup moves.</summary>
    public long ChatId { get; set; }

    /// <summary>The forum topic the card lives in, where the chat is a forum; null elsewhere.</summary>
    public int? ThreadId { get; set; }

    /// <summary>The messenger's id of the card in that chat, once it is known to be sent.</summary>
    public long? MessageId { get; set; }

    /// <summary>
    /// The outbox row of the card's latest text (the card or its latest edit); before that row is found, a lower bound
    /// of its id. The card's rows are looked for from here, so the search stays short.
    /// </summary>
    public long OutboxRowId { get; set; }
}
