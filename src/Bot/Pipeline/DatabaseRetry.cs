using Assembly.Storage;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// Runs a write transaction again when the database had a bad moment (<see cref="TransientErrors"/>): a lock held
/// by another process, a serialization failure or deadlock, a dropped connection, a failover. Three more tries,
/// after growing pauses on the injected clock, before the caller treats the error as final; any other error is final
/// at once. The work must be all-or-nothing (one transaction, rolled back when it throws) and must not have sent
/// anything before its commit, so running it again changes nothing but the outcome.
/// </summary>
/// <remarks>
/// A loop of its own rather than Polly (not among the packages the bot keeps, and this is all of it) or EF Core's
/// retrying execution strategy (none for SQLite, and it waits with <c>Task.Delay</c> on the system clock).
/// </remarks>
public sealed class DatabaseRetry(TimeProvider time, ILogger logger)
{
    /// <summary>
    /// The pauses before each new try: a serialization failure or a deadlock clears at once, a lock held by a backup
    /// or a failover takes seconds. About five seconds in all, on top of SQLite's own busy timeout per try.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> Pauses = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)];

    /// <param name="what">What the work is, for the log line (e.g. "a lane of 3 updates").</param>
    public async Task RunAsync(Func<Task> work, string messenger, string what, CancellationToken ct)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception e) when (retry < Pauses.Count && !ct.IsCancellationRequested && TransientErrors.IsTransient(e))
            {
                var pause = Pauses[retry];
                logger.LogWarning("{Messenger}: {What} met a transient database error; retry {Retry} of {Retries} in {Pause}: {Error}",
                    messenger, what, retry + 1, Pauses.Count, pause, e.GetBaseException().Message);
                await Task.Delay(pause, time, ct);
            }
        }
    }
}
