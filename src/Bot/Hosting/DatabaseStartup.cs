using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Hosting;

/// <summary>
/// Registered first, so the schema is current before any receiver or sender starts. Then it says, once a start, when
/// nobody can administer the bot, and which grants to a number wait only because a member typed that number instead of
/// sharing it: such a grant gives no role until that person proves the number, so an admin should ask them to send
/// /verify. Those two are asked once the host has started, beside receiving: they are the start's first queries, and
/// compiling them need not keep the bot from its first poll.
/// </summary>
public sealed class DatabaseStartup(DatabaseInitializer initializer, IDbContextFactory<BotDbContext> factory, AccessOptions access,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> logger) : IHostedService
{
    private Task _warnings = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.MigrateAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() => _warnings = Task.Run(WarnAsync));
    }

    /// <summary>
    /// Stops last (hosted services stop in reverse order), once the warnings are said: two short reads, not cut short
    /// by a stop, so a start always says them.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => _warnings.WaitAsync(cancellationToken);

    private async Task WarnAsync()
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync();
            if (!await Admins.AnyAsync(db, access, CancellationToken.None))
                logger.LogWarning("The bot has no admin (Access:Admins is empty and nobody has claimed the role): run the claim-code command " +
                    "(dotnet Assembly.Bot.dll claim-code, or dotnet run --project src/Bot -- claim-code) and send /claim CODE to the bot in a private chat");
            foreach (var pending in (await PhoneGrants.PendingAsync(db, CancellationToken.None)).Where(p => p.Typed))
                // The number's last four digits only: enough for an admin to match /staff's list, little for a log reader.
                logger.LogWarning("Grant {GrantId} ({Role} {Secretariat}) to the number ending {Ending} waits: a member typed that number but has not " +
                    "shared it, and a typed number gives no role; ask them to send /verify to the bot (/staff lists it)",
                    pending.Grant.Id, pending.Grant.Role, pending.Grant.Secretariat, pending.Phone[^4..]);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The start-up checks of admins and waiting grants failed; they run again at the next start");
        }
    }
}
