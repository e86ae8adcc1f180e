using Assembly.Bot.Hosting;
using Assembly.Bot.Sending;
using Assembly.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// What a batch's commit touches: the write gate it commits through, the poll cursor recorded in the same
/// transaction, then, once it is committed, the answers to button presses, the signal that wakes the sender and the
/// one that wakes the read worker (for a statistic or an export a turn queued).
/// </summary>
public sealed record UpdateCommit(WriteGate Gate, PollCursorStore Cursors, ButtonAnswerer Answerer, OutboxSignal Signal,
    [FromKeyedServices(WakeSignal.Reads)] WakeSignal Reads);
