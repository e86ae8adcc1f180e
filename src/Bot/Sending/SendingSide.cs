using Assembly.Bot.Coordination;
using Assembly.Storage.Outbox;

namespace Assembly.Bot.Sending;

/// <summary>
/// What every messenger's outbox sender shares: the outbox it claims and records rows in, the signal that wakes it,
/// and the coordination with other instances: this instance's id on its claims, and the scheduler's lease, whose
/// holder alone sends bulk messages.
/// </summary>
public sealed record SendingSide(
    IOutbox Outbox,
    OutboxSignal Signal,
    InstanceIdentity Me,
    SchedulerLease Lease);
