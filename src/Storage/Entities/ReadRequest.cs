namespace Assembly.Storage.Entities;

/// <summary>
/// A statistic, export or summary a team member asked for, waiting to be read and drawn outside the writer's
/// transaction. Written in the asking update's transaction, so a restart loses none; deleted in the transaction that
/// queues its answer. While a member has one, they ask for no other (one at a time each).
/// </summary>
public sealed class ReadRequest
{
    public long Id { get; init; }

    /// <summary>Who asked: the messenger and their user id there.</summary>
    public required string Messenger { get; init; }
    public long UserId { get; init; }

    /// <summary>The chat the answer goes to: the asker's private chat, on this messenger.</summary>
    public long ChatId { get; init; }

    /// <summary><c>stats</c>, <c>export</c> or <c>summary</c>, and what was typed after it.</summary>
    public required string Command { get; init; }
    public required string Arguments { get; init; }

    /// <summary>The secretariats whose reports it covers (keys, comma-separated), and whether that is the whole assembly.</summary>
    public required string Secretariats { get; init; }
    public bool Whole { get; init; }

    /// <summary>When it was asked: "this month" and "overdue" are reckoned from here.</summary>
    public DateTime RequestedAt { get; init; }

    /// <summary>The instance reading it now; a claim of an instance that is gone is taken over.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
