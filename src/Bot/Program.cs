using Assembly.Bot.Cli;
using Assembly.Bot.Configuration;
using Assembly.Bot.Hosting;
using Assembly.Conversations.Flows;
using Assembly.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The first argument picks what to do (run when left out); everything after it is configuration (--Key=value).
var hasVerb = args.Length > 0 && !args[0].StartsWith('-');
var verb = hasVerb ? args[0] : "run";
var configArgs = hasVerb ? args[1..] : args;

try
{
    switch (verb)
    {
        case "run":
            var builder = BotHost.CreateBuilder(configArgs, mode: null);
            if ((BotMode)((IHostApplicationBuilder)builder).Properties[typeof(BotMode)] == BotMode.ConsoleChat)
                Console.WriteLine("No messenger token is set (Messengers__Telegram__Token, Messengers__Bale__Token): opening the console chat.");
            await builder.Build().RunAsync();
            return 0;
        case "chat":
            await BotHost.CreateBuilder(configArgs, BotMode.ConsoleChat).Build().RunAsync();
            return 0;
        case "migrate":
            using (var host = BotHost.CreateBuilder(configArgs, BotMode.Serve).Build())
                await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            Console.WriteLine("The database is up to date.");
            return 0;
        case "check-config":
            BotHost.CreateBuilder(configArgs, BotMode.Serve);
            Console.WriteLine("The configuration is valid.");
            return 0;
        case "graph":
            // Draws every flow from its machine into docs/flows/ (a test checks the pages match the code).
            var settings = BotSettings.Read(BotHost.CreateBuilder(configArgs, BotMode.Serve).Configuration);
            Directory.CreateDirectory(Path.Combine("docs", "flows"));
            foreach (var (name, mermaid) in FlowDiagrams.All(new FlowContext(settings.Assembly, settings.Conversations, settings.Deadlines)))
            {
                var path = Path.Combine("docs", "flows", name + ".md");
                await File.WriteAllTextAsync(path, FlowDiagrams.Markdown(name, mermaid));
                Console.WriteLine($"Wrote {path}");
            }

            return 0;
        case "demo":
            // A year of made-up reports in the configured database, for /stats, /export and /summary;
            // --Demo:Charts=docs/images also draws the README's charts from them.
            return await Assembly.Bot.Demo.DemoCommand.RunAsync(configArgs);
        case "backup":
            // An online copy of the SQLite database into a new file, while the bot may be running.
            return await BackupCommand.RunAsync(configArgs, CliConsole.Standard);
        case "export":
            // The reports as CSV (a Solar period, or every report), to --out FILE or standard output.
            return await ExportCommand.RunAsync(configArgs, CliConsole.Standard);
        case "claim-code":
            // A one-time code, printed here only, that makes its first sender (/claim CODE, private chat) an admin.
            return await ClaimCodeCommand.RunAsync(configArgs, CliConsole.Standard);
        default:
            Console.Error.WriteLine(CliCommands.Unknown(verb));
            return ExitCodes.Usage;
    }
}
catch (ConfigurationError e)
{
    // One sentence naming the key; no stack trace, and never a token.
    Console.Error.WriteLine("Configuration error: " + e.Message);
    return 1;
}
