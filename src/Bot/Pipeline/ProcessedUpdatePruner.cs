using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// Forgets processed markers once no messenger can deliver their update again: Telegram keeps an update
/// for 24 hours, Bale's redeliveries come within minutes, so a week is a wide margin.
/// </summary>
public sealed class ProcessedUpdatePruner(IDbContextFactory<BotDbContext> factory, WriteGate gate, TimeProvider time, ILogger<ProcessedUpdatePruner> logger)
    : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - KeepFor;
        await using var db = await factory.CreateDbContextAsync(ct);
        using var _ = await gate.EnterAsync(ct);
        return await db.ProcessedUpdates.Where(p => p.ProcessedAt < before).ExecuteDeleteAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, time, stoppingToken);
                var removed = await PruneAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Forgot {Count} processed-update markers older than {KeepFor}", removed, KeepFor);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Pruning processed-update markers failed; trying again in {Every}", Every);
            }
        }
    }
}
