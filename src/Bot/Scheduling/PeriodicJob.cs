using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Scheduling;

/// <summary>
/// Runs one piece of housekeeping now and then at a fixed pace until the host stops; a failure is logged
/// and tried again at the next turn. What is due lives in the database, so the pace only decides how late
/// a due thing may be noticed, never whether it is.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Every { get; }

    /// <summary>The clock, for subclasses too (one captured copy).</summary>
    protected TimeProvider Time => time;

    /// <summary>The job's logger, for subclasses too.</summary>
    protected ILogger Log => logger;

    /// <summary>False to wait one period before the first run (for work with nothing to do at start).</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>True once a successful turn leaves nothing for later turns to find; the job then ends.</summary>
    protected virtual bool DoneAfterSuccess => false;

    private int _turns;

    /// <summary>How many of its own turns have ended (done or failed); a test waits for the first before it interferes.</summary>
    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Does the work once; returns how many things it did, for the log.</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!first || !RunAtStart) await Task.Delay(Every, time, stoppingToken);
                first = false;
                var done = await RunOnceAsync(stoppingToken);
                Interlocked.Increment(ref _turns);
                if (done > 0) logger.LogInformation("{Job}: {Count} done", GetType().Name, done);
                if (DoneAfterSuccess) return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _turns);
                logger.LogWarning(e, "{Job} failed; trying again in {Every}", GetType().Name, Every);
            }
        }
    }
}
