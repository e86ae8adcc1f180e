using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Coordination;

/// <summary>
/// Tries to take or renew the <see cref="SchedulerLease"/> every third of its length. The first try is made at start,
/// before the workers and jobs registered after it start, so a lone instance is the holder from its first moment.
/// Registered before them, it stops after them: the lease is let go only once the scheduler and the bulk sends of
/// this instance are done.
/// </summary>
public sealed class LeaseKeeper(SchedulerLease lease, InstanceIdentity me, TimeProvider time, ILogger<LeaseKeeper> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // On SQLite one process owns the database, so a lease still held is a crashed predecessor's: taken at once.
        await lease.TryTakeAsync(evenIfHeld: me.SingleInstance, cancellationToken);
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
        try
        {
            await lease.ReleaseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not released, it expires: another instance takes over a lease time later instead of at once.
            logger.LogWarning(e, "The {Lease} lease could not be released at stop", SchedulerLease.Name);
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease.Length / 3, time, stop);
                await lease.TryTakeAsync(evenIfHeld: false, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The {Lease} lease could not be renewed; trying again", SchedulerLease.Name);
            }
        }
    }

    public void Dispose() => _stop.Dispose();
}
