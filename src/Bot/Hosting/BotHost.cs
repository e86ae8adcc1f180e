using Assembly.Bot.Configuration;
using Assembly.Bot.Http;
using Assembly.Bot.Observability;
using Assembly.Bot.Receiving;
using Assembly.Bot.ConsoleChat;
using Assembly.Bot.Coordination;
using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Bot.Sending;
using Assembly.Conversations;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Hosting;

/// <summary>Builds the bot's host: the one place where configuration, storage, brain and messengers are wired.</summary>
public static class BotHost
{
    /// <param name="args">Command-line configuration (<c>--Key=value</c>), without the command verb.</param>
    /// <param name="mode">Null: serve the messengers that have a token, or open the console chat when none has.</param>
    /// <param name="overrides">Settings that win over everything else (tests, benchmarks).</param>
    /// <param name="configureServices">Last word on services (tests put a fake clock or a console here).</param>
    /// <returns>
    /// A plain host, or, when it serves messengers with <c>Http:Urls</c> set, a web application (webhooks, health,
    /// metrics). Build it with <see cref="Build"/>, which maps the endpoints.
    /// </returns>
    public static IHostApplicationBuilder CreateBuilder(
        string[] args,
        BotMode? mode,
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null)
    {
        // appsettings.json travels with the binary, so the bot reads the same file wherever it is started.
        IHostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);

        // Two choices shape the host before any service exists: which mode, and whether it is a web application.
        var resolved = mode ?? (BotOptions.Peek<MessengersOptions>(builder.Configuration).Enabled.Any() ? BotMode.Serve : BotMode.ConsoleChat);
        var http = BotOptions.Peek<HttpOptions>(builder.Configuration);
        if (resolved == BotMode.Serve && http.Enabled)
            // Only now is it known that HTTP is wanted; the web builder reads the very same sources. Without it the
            // bot loads none of ASP.NET Core (it is referenced only from BotHttp), which keeps the start quick.
            builder = BotHttp.CreateBuilder(args, overrides, http);

        builder.Properties[typeof(BotMode)] = resolved;
        if (resolved == BotMode.ConsoleChat)
        {
            // The chat owns the terminal: only warnings and errors are printed beside it. A rule for the
            // console provider wins over the category levels of appsettings.json.
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        builder.Services.AddBot(builder.Configuration, resolved, webApplication: builder is not HostApplicationBuilder);
        configureServices?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>
    /// Builds the host made by <see cref="CreateBuilder"/> (a web application gets its endpoints) and checks every
    /// section of the settings, as its start would: a command that builds the host without starting it stops on a
    /// bad setting too.
    /// </summary>
    /// <exception cref="ConfigurationError">A setting that cannot work, as one sentence naming its key.</exception>
    public static IHost Build(this IHostApplicationBuilder builder)
    {
        var host = builder is HostApplicationBuilder plain ? plain.Build() : BotHttp.Build(builder);
        try
        {
            host.Services.CheckBotOptions();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <param name="configuration">The settings, bound per section and checked at start (<see cref="BotOptions"/>).</param>
    /// <param name="webApplication">The host serves HTTP (<c>Http:Urls</c>), so <c>/metrics</c> has gauges to show.</param>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, BotMode mode, bool webApplication = false)
    {
        services.AddBotOptions(configuration);
        if (mode == BotMode.ConsoleChat)
        {
            // The brain sees the console's own admin and staff beside the configured ones (ConsoleAccounts).
            services.AddSingleton(sp => ConsoleAccounts.With(sp.Get<AccessOptions>()));
            services.AddSingleton(sp => ConsoleAccounts.With(sp.Get<AssemblyOptions>()));
        }
        else
        {
            services.AddSingleton(sp => sp.Get<AccessOptions>());
            services.AddSingleton(sp => sp.Get<AssemblyOptions>());
        }

        services.AddSingleton(sp => sp.Get<ConversationOptions>());
        services.AddSingleton(sp => sp.Get<DeadlineOptions>());
        services.AddSingleton(sp => sp.Get<MeetingOptions>());
        services.TryAddSingleton(TimeProvider.System);
        // The database is chosen while services are registered; the same section is checked at start like the others.
        var storage = BotOptions.Peek<StorageOptions>(configuration);
        services.AddStorage(storage);
        services.AddConversations();

        services.AddSingleton(sp => new SecretRedactor(sp.Get<MessengersOptions>().Values.SelectMany(m => new[] { m.Token, m.Webhook.Secret })));
        services.AddSingleton<MessengerCalls>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<OutboxSignal>();
        services.AddKeyedSingleton<WakeSignal>(WakeSignal.Reads);
        services.AddSingleton<PollCursorStore>();
        services.AddSingleton<ButtonAnswerer>();
        services.AddSingleton<UpdateCommit>();
        services.AddSingleton<UpdatePipeline>();

        // Hosted services start in order: the schema is migrated before anything reads or writes.
        services.AddHostedService<DatabaseStartup>();

        // Then this instance's heartbeat and its try for the scheduler's lease, before anything claims or schedules.
        // Hosted services stop in reverse order, so these stop last: the lease is let go and the instance's row
        // removed only after the workers and jobs below have finished (the senders record their last sends first).
        // On SQLite one process owns the database (see docs/architecture.md), which the identity remembers.
        services.TryAddSingleton(InstanceIdentity.New(singleInstance: storage.Provider == StorageOptions.Sqlite));
        services.AddSingleton<SchedulerLease>();
        services.AddHostedService<InstanceHeartbeat>();
        services.AddSingleton<LeaseKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaseKeeper>());

        if (mode == BotMode.ConsoleChat)
        {
            services.TryAddSingleton(new ConsoleTerminal(Console.In, Console.Out));
            services.AddSingleton(sp => new ConsoleMessenger(sp.GetRequiredService<ConsoleTerminal>().Output));
            services.AddSingleton<IMessengerClient>(sp => sp.GetRequiredService<ConsoleMessenger>());
            services.AddHostedService<ConsoleChatLoop>();
        }
        else
        {
            foreach (var (name, options) in BotOptions.Peek<MessengersOptions>(configuration).Enabled)
            {
                // Each messenger's own settings are the checked ones, looked up by name when it is made.
                services.AddSingleton<IMessengerClient>(sp => ActivatorUtilities.CreateInstance<BotApiMessenger>(sp, name, sp.Get<MessengersOptions>()[name]));
                if (options.Webhook.Enabled)
                    // Served by an endpoint (Http/BotHttp.cs) and run by MessengerWorker in place of long polling.
                    services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebhookReceiver>(sp,
                        sp.GetServices<IMessengerClient>().Single(m => m.Name == name), sp.Get<MessengersOptions>()[name].Webhook));
            }
        }

        services.AddSingleton<CommandMenus>();
        services.AddSingleton<ReceivingSide>();
        services.AddSingleton<SendingSide>();
        services.AddSingleton<Outbound>();
        services.AddHostedService<MessengerWorker>();
        // Statistics and exports are read and drawn here, outside the writer's transaction (see ReadRequests).
        services.AddSingleton<Reading.ReadingSide>();
        services.AddSingleton<Reading.ReadWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Reading.ReadWorker>());
        services.AddSingleton<Scheduling.Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduling.Scheduler>());
        // Counted for /metrics only; after DatabaseStartup, so the tables exist by its first count.
        if (webApplication) services.AddHostedService<OutboxGauges>();
        services.AddSingleton<ProcessedUpdatePruner>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedUpdatePruner>());
        services.AddSingleton<Scheduling.OutboxPurger>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduling.OutboxPurger>());
        services.AddSingleton<ClaimSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimSweep>());
        return services;
    }
}
