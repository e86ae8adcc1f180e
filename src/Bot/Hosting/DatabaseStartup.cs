using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Hosting;

/// <summary>
/// Registered first, so the schema is current before any receiver or sender starts. Then it says, once, when nobody
/// can administer the bot, and how to change that.
/// </summary>
public sealed class DatabaseStartup(DatabaseInitializer initializer, IDbContextFactory<BotDbContext> factory, AccessOptions access,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.MigrateAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await Admins.AnyAsync(db, access, cancellationToken))
            logger.LogWarning("The bot has no admin (Access:Admins is empty and nobody has claimed the role): run the claim-code command " +
                "(dotnet Assembly.Bot.dll claim-code, or dotnet run --project src/Bot -- claim-code) and send /claim CODE to the bot in a private chat");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
