using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Assembly.Bot.Configuration;

/// <summary>
/// The configuration the bot's host reads, without the host, for a command that needs only the settings (and so
/// never starts a second writer beside a running bot). The sources and their order are those of
/// <see cref="Host.CreateApplicationBuilder(HostApplicationBuilderSettings)"/> as <see cref="Hosting.BotHost"/> calls
/// it: <c>DOTNET_</c> variables and the command line (for the environment's name), <c>appsettings.json</c> and
/// <c>appsettings.{environment}.json</c> beside the binary, environment variables, the command line, then a caller's
/// overrides. The host's user secrets (Development only) never apply: the bot has no user-secrets id. A test holds
/// this to the host's configuration key by key.
/// </summary>
public static class BotConfiguration
{
    /// <param name="args">Command-line settings (<c>--Key=value</c>), without the command and its own arguments.</param>
    /// <param name="overrides">Settings that win over everything else (tests).</param>
    public static IConfiguration Read(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory);
        configuration.AddEnvironmentVariables(prefix: "DOTNET_");
        configuration.AddCommandLine(args);
        var environment = configuration[HostDefaults.EnvironmentKey] ?? Environments.Production;

        // Read once: a command that ends in a moment has no use for the host's watch on the files.
        configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        configuration.AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        if (overrides is not null) configuration.AddInMemoryCollection(overrides);
        return configuration;
    }
}
