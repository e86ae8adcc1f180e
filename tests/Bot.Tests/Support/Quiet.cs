using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// The wait a negative check needs: every update the fakes hold was handled and committed (the bot confirms an update
/// only after its commit, so a fake with nothing pending has seen them all confirmed) and every message they caused was
/// sent or given up. From then on what the fakes recorded is final, whichever process or instance did the work.
/// </summary>
public static class Quiet
{
    public static async Task UntilAsync(Func<BotDbContext> open, TimeSpan timeout, params FakeBotApiServer[] fakes)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (fakes.All(f => f.PendingUpdates == 0))
            {
                await using var db = open();
                if (!await OutboxMessageConfiguration.WhereUnsettled(db.Outbox).AnyAsync()) return;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"The bot was not quiet within {timeout.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}
