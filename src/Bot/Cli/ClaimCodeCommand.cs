using System.Globalization;
using Assembly.Bot.Configuration;
using Assembly.Conversations.Staff;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Cli;

/// <summary>
/// <c>claim-code</c>: a one-time code that makes whoever first sends <c>/claim CODE</c> to the bot in a private chat an
/// admin (<see cref="ClaimCodes"/>), for the first admin of an assembly that knows nobody's account id. The code is
/// printed here and nowhere else: the database keeps only its hash, and no log line carries it. The command writes
/// one row and may run while the bot runs (on SQLite it waits for the bot's write lock, as <c>backup</c> waits to read).
/// </summary>
public static class ClaimCodeCommand
{
    public const string UsageText = "Usage: claim-code (it takes no arguments; settings may follow as --Key=value).";

    public static Task<int> RunAsync(string[] args, CliConsole console, IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null) =>
        CliCommands.RunAsync(console, async () =>
        {
            var parsed = CliArguments.Parse(args);
            if (parsed.Positional.Count != 0) throw new CliError(UsageText, ExitCodes.Usage);

            // Standard output is for the code alone: log lines, warnings only, go to standard error.
            var configuration = BotConfiguration.Read(parsed.Configuration, overrides);
            await using var services = CliServices.Build(configuration, configureServices);
            var storage = services.Get<StorageOptions>();

            if (storage.Provider == StorageOptions.Sqlite
                && StorageServiceCollectionExtensions.SqliteFile(storage.ConnectionString) is { } dbFile && !File.Exists(dbFile))
                throw new CliError($"There is no database at {dbFile}; start the bot once (or run the migrate command), then make the code.");
            await using var db = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
                throw new CliError("The database is older than this version of the bot; run the migrate command first (with the bot stopped), then make the code.");

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var (code, expiresAt) = await ClaimCodes.IssueAsync(db, now, CancellationToken.None);
            var until = expiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            await console.Out.WriteLineAsync(
                $"""
                A one-time code to become an admin of the bot:

                    {code}

                The person who is to be the admin sends this to the bot in a private chat, on Telegram or Bale:

                    /claim {code}

                It works once, for the first account that sends it, until {until} UTC ({ClaimCodes.Lifetime.TotalHours:0} hours).
                Keep it to yourself until then: this screen is the only place it is written; the database keeps only its hash.
                """);
            return ExitCodes.Ok;
        });
}
