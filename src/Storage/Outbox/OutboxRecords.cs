using Assembly.Storage.Entities;

namespace Assembly.Storage.Outbox;

/// <summary>A row that may go next, as the candidates query reads it (<see cref="IOutboxLook.CandidatesAsync"/>).</summary>
public sealed record OutboxCandidate(long Id, long ChatId, ChatKind ChatKind, OutboxPriority Priority, DateTime NotBefore);

/// <summary>A row this instance claimed: its message, how many attempts it had before this one, and when it was queued.</summary>
public sealed record ClaimedRow(long Id, string Payload, int Attempts, DateTime CreatedAt);

/// <summary>The waiting (unsettled) rows of one messenger, for the gauges.</summary>
public sealed record OutboxDepth(string Messenger, long Count, DateTime OldestCreatedAt);

/// <summary>What becomes of a claimed row after its send, as the sender's retry policy decided it.</summary>
public abstract record OutboxOutcome(long Id)
{
    /// <summary>Delivered at <paramref name="At"/>; a file the bot made for it is deleted with the record.</summary>
    public sealed record Sent(long Id, DateTime At, long? MessageId, bool WithFile) : OutboxOutcome(Id);

    /// <summary>Pending again, not before <paramref name="NotBefore"/>, with this many attempts counted.</summary>
    public sealed record RetryAt(long Id, DateTime NotBefore, int Attempts, string Error) : OutboxOutcome(Id);

    /// <summary>The chat blocked the bot: this row is settled, and the chat is marked so its other rows are too.</summary>
    public sealed record Unreachable(long Id, long ChatId, DateTime At, int Attempts, string Error) : OutboxOutcome(Id);

    /// <summary>Given up for good.</summary>
    public sealed record Failed(long Id, int Attempts, string Error) : OutboxOutcome(Id);
}
