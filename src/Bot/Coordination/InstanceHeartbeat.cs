using Assembly.Bot.Configuration;
using Assembly.Storage;
using Assembly.Storage.Coordination;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Coordination;

/// <summary>
/// Keeps this instance's row in <c>Instances</c> fresh (every third of the lease time; with several instances only), so the others know the
/// outbox rows it claimed are being sent and not abandoned. Registered before the messenger workers: the row
/// exists before anything is claimed, and (hosted services stop in reverse order) it is deleted only after the
/// senders have finished their sends and recorded them. A process that dies leaves its row behind; it goes stale
/// after the lease time, and the lease holder's <see cref="ClaimSweep"/> then settles its claims.
/// </summary>
public sealed class InstanceHeartbeat(
    InstanceIdentity me,
    IOptions<InstanceOptions> settings,
    WriteGate gate,
    TimeProvider time,
    ILogger<InstanceHeartbeat> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        logger.LogInformation("Instance {Instance} started", me.Id);
        // Alone on its database no other instance reads the row to judge this one alive (the sweep counts every
        // other claimer dead), so it is written once and not kept fresh.
        if (!me.SingleInstance) _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
        try
        {
            await using var write = await gate.EnterAsync(cancellationToken);
            await InstanceRows.RemoveAsync(write.Db, me.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left behind, the row goes stale like a crashed instance's: only the sweep comes a little later.
            logger.LogWarning(e, "Instance {Instance}: its row could not be removed at stop", me.Id);
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Value.LeaseTime / 3, time, stop);
                await BeatAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Instance {Instance}: heartbeat failed; trying again", me.Id);
            }
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        // The first beat, or a row removed as long dead while this process was stalled, makes the row again.
        await using var write = await gate.EnterAsync(ct);
        await InstanceRows.BeatAsync(write.Db, me.Id, time.GetUtcNow().UtcDateTime, ct);
    }

    public void Dispose() => _stop.Dispose();
}
