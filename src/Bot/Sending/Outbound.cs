using Assembly.Storage;

namespace Assembly.Bot.Sending;

/// <summary>How messages queued outside a member's turn reach the sender: committed through the write gate, then the signal wakes it.</summary>
public sealed record Outbound(WriteGate Gate, OutboxSignal Signal);
