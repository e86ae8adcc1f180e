using Assembly.Bot.Coordination;
using Assembly.Bot.Configuration;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Sending;

/// <summary>
/// What every messenger's outbox sender shares: the outbox it claims and records rows in, the signal that wakes it,
/// the coordination with other instances (this instance's id on its claims, and the scheduler's lease, whose holder
/// alone sends bulk messages), and how long a message is tried.
/// </summary>
public sealed record SendingSide(
    IOutbox Outbox,
    OutboxSignal Signal,
    InstanceIdentity Me,
    SchedulerLease Lease,
    IOptions<SendingOptions> Options);
