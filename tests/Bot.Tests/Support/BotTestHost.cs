using Assembly.Bot.Sending;
using Assembly.Bot.Hosting;
using Assembly.FakeBotApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Tests.Support;

/// <summary>
/// The real host, started against fake Bot API servers on loopback and the test's own database
/// (a SQLite file, or PostgreSQL when BOT_TEST_POSTGRES is set: see <see cref="TestDatabase"/>). Configuration
/// comes from the tests' own appsettings.json (their organisation, see Bot.Tests.csproj) with the messengers and the database pointed at the test's own.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private BotTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Where its HTTP server listens (<c>http://127.0.0.1:PORT</c>), when <c>Http:Urls</c> was set (port 0 picks a free one).</summary>
    public string HttpAddress => _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    /// <param name="services">Last word on the host's services, e.g. a gate around a real part to hold it back.</param>
    public static async Task<BotTestHost> StartAsync(
        TestDatabase database,
        FakeBotApiServer? telegram,
        FakeBotApiServer? bale = null,
        LogCollector? logs = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? clock = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider,
            ["ConnectionStrings:Bot"] = database.ConnectionString,
            ["Messengers:Telegram:Token"] = telegram?.Token ?? "",
            ["Messengers:Telegram:BaseUrl"] = telegram?.BaseUrl ?? "https://api.telegram.org",
            ["Messengers:Telegram:PollTimeoutSeconds"] = "2",
            ["Messengers:Bale:Token"] = bale?.Token ?? "",
            ["Messengers:Bale:BaseUrl"] = bale?.BaseUrl ?? "https://tapi.bale.ai",
            ["Messengers:Bale:PollTimeoutSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;

        // A clock of the test's (a FakeTimeProvider) replaces the system's for the whole host.
        var builder = BotHost.CreateBuilder([], BotMode.Serve, overrides, all =>
        {
            if (clock is not null) all.AddSingleton(clock);
            services?.Invoke(all);
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        if (logs is not null) builder.Logging.AddProvider(logs);
        var host = builder.Build();
        await host.StartAsync();
        return new BotTestHost(host);
    }

    /// <summary>A fresh context on the bot's own database, for looking at what it stored.</summary>
    public BotDbContext Db() => Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContext();

    /// <summary>
    /// Waits until the bot is quiet (<see cref="Quiet"/>) and every button answer it started has been made: from then on
    /// what the fakes recorded is final, and a test can assert that something was not sent.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan timeout, params FakeBotApiServer[] fakes)
    {
        await Quiet.UntilAsync(Db, timeout, fakes);
        // Button answers leave beside the outbox, once their update is committed (before it is confirmed).
        await Services.GetRequiredService<ButtonAnswerer>().DrainAsync();
    }

    /// <summary>
    /// Stops the host at once, the way a crash would as far as one process can: loops stop where they are,
    /// an unfinished batch is rolled back, nothing queued is drained. Only sends already on the wire finish.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _host.StopAsync();
        _host.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
