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

        var settings = BotSettings.Read(builder.Configuration);
        var resolved = mode ?? (settings.EnabledMessengers.Any() ? BotMode.Serve : BotMode.ConsoleChat);
        if (resolved == BotMode.Serve && settings.Http.Enabled)
            // Only now is it known that HTTP is wanted; the web builder reads the very same sources. Without it the
            // bot loads none of ASP.NET Core (it is referenced only from BotHttp), which keeps the start quick.
            builder = BotHttp.CreateBuilder(args, overrides, settings.Http);

        builder.Properties[typeof(BotMode)] = resolved;
        if (resolved == BotMode.ConsoleChat)
        {
            // The chat owns the terminal: only warnings and errors are printed beside it. A rule for the
            // console provider wins over the category levels of appsettings.json.
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        builder.Services.AddBot(settings, resolved);
        configureServices?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>Builds the host made by <see cref="CreateBuilder"/>; a web application gets its endpoints.</summary>
    public static IHost Build(this IHostApplicationBuilder builder) =>
        builder is HostApplicationBuilder plain ? plain.Build() : BotHttp.Build(builder);

    public static IServiceCollection AddBot(this IServiceCollection services, BotSettings settings, BotMode mode)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Assembly);
        services.AddSingleton(settings.Access);
        services.AddSingleton(settings.Conversations);
        services.AddSingleton(settings.Deadlines);
        services.AddSingleton(settings.Meetings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage(settings.Storage);
        services.AddConversations();

        services.AddSingleton(new SecretRedactor(settings.Messengers.Values.SelectMany(m => new[] { m.Token, m.Webhook.Secret })));
        services.AddSingleton<MessengerCalls>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<PollCursorStore>();
        services.AddSingleton<ButtonAnswerer>();
        services.AddSingleton(sp => new UpdatePipeline(
            sp.GetRequiredService<ITurnHandler>(),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<ButtonAnswerer>(),
            sp.GetRequiredService<WriteGate>(),
            sp.GetRequiredService<PollCursorStore>(),
            sp.GetRequiredService<BotMetrics>(),
            settings.Lanes,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<UpdatePipeline>>()));

        // Hosted services start in order: the schema is migrated before anything reads or writes.
        services.AddHostedService<DatabaseStartup>();

        // Then this instance's heartbeat and its try for the scheduler's lease, before anything claims or schedules.
        // Hosted services stop in reverse order, so these stop last: the lease is let go and the instance's row
        // removed only after the workers and jobs below have finished (the senders record their last sends first).
        // On SQLite one process owns the database (see docs/architecture.md), which the identity remembers.
        services.TryAddSingleton(InstanceIdentity.New(singleInstance: settings.Storage.Provider == StorageOptions.Sqlite));
        services.AddSingleton<SchedulerLease>();
        services.AddHostedService<InstanceHeartbeat>();
        services.AddSingleton<LeaseKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaseKeeper>());

        if (mode == BotMode.ConsoleChat)
        {
            // In the terminal one plays every part: «admin» is an admin and «staff» works every secretariat.
            settings.Access.Admins.Add(new Conversations.Organisation.AccountRef(ConsoleMessenger.MessengerName, ConsoleUsers.IdOf("admin")).ToString());
            foreach (var secretariat in settings.Assembly.Secretariats)
                secretariat.Staff.Add(new Conversations.Organisation.AccountRef(ConsoleMessenger.MessengerName, ConsoleUsers.IdOf("staff")).ToString());
            services.TryAddSingleton(new ConsoleTerminal(Console.In, Console.Out));
            services.AddSingleton(sp => new ConsoleMessenger(sp.GetRequiredService<ConsoleTerminal>().Output));
            services.AddSingleton<IMessengerClient>(sp => sp.GetRequiredService<ConsoleMessenger>());
            services.AddHostedService(sp => new ConsoleChatLoop(sp.GetRequiredService<ConsoleMessenger>(), sp.GetRequiredService<ConsoleTerminal>(),
                sp.GetRequiredService<IHostApplicationLifetime>()));
        }
        else
        {
            foreach (var (name, options) in settings.EnabledMessengers)
            {
                services.AddSingleton<IMessengerClient>(sp => new BotApiMessenger(name, options, sp.GetRequiredService<SecretRedactor>(),
                    sp.GetRequiredService<MessengerCalls>(), sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<ILogger<BotApiMessenger>>()));
                if (options.Webhook.Enabled)
                    // Served by an endpoint (Http/BotHttp.cs) and run by MessengerWorker in place of long polling.
                    services.AddSingleton(sp => new WebhookReceiver(sp.GetServices<IMessengerClient>().Single(m => m.Name == name), options.Webhook,
                        sp.GetRequiredService<UpdatePipeline>(), sp.GetRequiredService<SecretRedactor>(), sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<ILogger<WebhookReceiver>>()));
            }
        }

        services.AddHostedService<MessengerWorker>();
        services.AddSingleton<Scheduling.Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduling.Scheduler>());
        // Counted for /metrics only; after DatabaseStartup, so the tables exist by its first count.
        if (mode == BotMode.Serve && settings.Http.Enabled) services.AddHostedService<OutboxGauges>();
        services.AddSingleton<ProcessedUpdatePruner>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedUpdatePruner>());
        services.AddSingleton<Scheduling.OutboxPurger>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduling.OutboxPurger>());
        services.AddSingleton<ClaimSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimSweep>());
        return services;
    }
}
