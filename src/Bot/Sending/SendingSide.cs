using Assembly.Bot.Coordination;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Sending;

/// <summary>
/// What every messenger's outbox sender shares: the database it claims and records rows in (reads from the factory,
/// writes through the gate), the signal that wakes it, and the coordination with other instances: this instance's
/// id on its claims, and the scheduler's lease, whose holder alone sends bulk messages.
/// </summary>
public sealed record SendingSide(
    IDbContextFactory<BotDbContext> Factory,
    WriteGate Gate,
    OutboxSignal Signal,
    InstanceIdentity Me,
    SchedulerLease Lease);
