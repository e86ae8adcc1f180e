using Assembly.Bot.Cli;
using Assembly.Bot.Configuration;
using Assembly.Bot.Hosting;
using Assembly.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assembly.Bot;

/// <summary>The command line: a command (run when none is named), its own words, then settings as <c>--Key=value</c>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => RunAsync(args, CliConsole.Standard);

    /// <summary>Runs one command line to its exit code (tests call it with their own console).</summary>
    internal static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        // Read the whole line before anything starts: a word it does not know is one line on standard error and exit 2.
        CliLine line;
        try
        {
            line = CliLine.Parse(args);
        }
        catch (CliError e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }

        // Help lists the commands and their options, and starts and opens nothing.
        if (line.Help)
        {
            await console.Out.WriteAsync(CliCommands.Help());
            return ExitCodes.Ok;
        }

        var settings = line.Arguments.Configuration;
        try
        {
            switch (line.Command.Name)
            {
                // The bot itself, on the whole host, until it is stopped.
                case "run":
                    var builder = BotHost.CreateBuilder(settings, mode: null);
                    if ((BotMode)builder.Properties[typeof(BotMode)] == BotMode.ConsoleChat)
                        await console.Out.WriteLineAsync("No messenger token is set (Messengers__Telegram__Token, Messengers__Bale__Token): opening the console chat.");
                    await builder.Build().RunAsync();
                    return ExitCodes.Ok;
                case "chat":
                    await BotHost.CreateBuilder(settings, BotMode.ConsoleChat).Build().RunAsync();
                    return ExitCodes.Ok;

                // Work done with the host's services, built but not started: the schema brought up to date, and a year
                // of made-up reports for /stats, /export and /summary (--Demo:Charts=docs/images also draws the charts in docs/operations.md).
                case "migrate":
                    using (var host = BotHost.CreateBuilder(settings, BotMode.Serve).Build())
                        await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
                    await console.Out.WriteLineAsync("The database is up to date.");
                    return ExitCodes.Ok;
                case "demo":
                    return await Demo.DemoCommand.RunAsync(settings);

                // Commands with no host: they read the settings from the same sources and open only what they need,
                // so none of them is ever a second bot beside the one running.
                case "check-config":
                    using (BotOptions.Read(BotConfiguration.Read(settings))) { }
                    await console.Out.WriteLineAsync("The configuration is valid.");
                    return ExitCodes.Ok;
                case "graph":
                    return await GraphCommand.RunAsync(settings, console);
                case "backup":
                    return await BackupCommand.RunAsync(line.Words, console);
                case "export":
                    return await ExportCommand.RunAsync(line.Words, console);
                case "claim-code":
                    return await ClaimCodeCommand.RunAsync(line.Words, console);
                case "check-messenger":
                    return await CheckMessengerCommand.RunAsync(line.Words, console);
                default:
                    throw new InvalidOperationException($"The command '{line.Command.Name}' is in CliCommands.All but has no case here.");
            }
        }
        catch (ConfigurationError e)
        {
            // One sentence naming the key; no stack trace, and never a token.
            await console.Error.WriteLineAsync("Configuration error: " + e.Message);
            return ExitCodes.Failed;
        }
    }
}
