using Assembly.Bot.Configuration;
using Assembly.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Assembly.Bot.Cli;

/// <summary>
/// The few services a command that opens the database needs (the checked settings, storage, the clock, logging), without the bot's host:
/// none of its hosted services (migrations, messengers, scheduler) exists, so nothing starts beside a running bot.
/// </summary>
public static class CliServices
{
    /// <param name="configureServices">Last word on services (tests put a fake clock or a log collector here).</param>
    /// <exception cref="ConfigurationError">A setting that cannot work, as one sentence naming its key.</exception>
    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        // Standard output may be the command's product (a CSV, a code): every log line goes to standard error, and
        // only warnings, under the category levels of the settings' Logging section as the host would apply them.
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddBotOptions(configuration);
        services.AddStorage(BotOptions.Peek<StorageOptions>(configuration));
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.CheckBotOptions();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
