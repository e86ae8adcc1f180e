namespace Assembly.Storage.Entities;

/// <summary>
/// A running bot process, as its heartbeat last said. Another instance counts it alive while <see cref="SeenAt"/>
/// is within the lease time; a process that stops cleanly deletes its row. Outbox rows it claimed (Sending) are
/// put back to pending once it is no longer alive, and sent again.
/// </summary>
public sealed class Instance
{
    /// <summary>The longest id (and so <see cref="Lease.Holder"/> and the outbox's ClaimedBy) the columns take.</summary>
    public const int IdLength = 64;

    /// <summary>Machine, process and a random part: unique per start, short enough for a column and a log line.</summary>
    public required string Id { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime SeenAt { get; set; }
}
