using Assembly.Bot.Configuration;
using Assembly.Bot.Messengers;
using Assembly.Bot.Receiving;
using Assembly.Bot.Sending;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Hosting;

/// <summary>
/// Runs, for every messenger that is on, its receiving (long polling, or a webhook's batches) and its outbox sender side
/// by side. Its start ends once every receiver is polling: hosted services start in order, and those registered after
/// this one (the scheduler, the reads, the housekeeping) begin with a turn that compiles its queries, which on a small
/// server would otherwise hold back the first poll after a restart (docs/benchmarks.md, Idle, fifth round). A messenger that is
/// down holds them for <see cref="FirstPollWait"/> at most.
/// </summary>
public sealed class MessengerWorker(
    IEnumerable<IMessengerClient> messengers,
    IOptions<MessengersOptions> settings,
    ReceivingSide receiving,
    SendingSide sending,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>On the host's clock, like every wait of the bot (a test's fake clock included: its receivers poll at once).</summary>
    private static readonly TimeSpan FirstPollWait = TimeSpan.FromSeconds(5);

    /// <summary>Per messenger, done when its receiver is about to ask for its first updates (or has failed before).</summary>
    private readonly Dictionary<string, TaskCompletionSource> _polling =
        messengers.ToDictionary(m => m.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_polling.Values.Select(p => p.Task)).WaitAsync(FirstPollWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A messenger slow to answer at start: the rest starts anyway, and it goes on trying.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while waiting: the wait only orders the start, so the host goes on to its orderly stop
            // (the lease let go, the last sends recorded) instead of failing its start.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (var messenger in messengers)
        {
            loops.Add(Task.Run(() => ReceiverOf(messenger)(stoppingToken), CancellationToken.None));
            loops.Add(Task.Run(() => SenderOf(messenger).RunAsync(stoppingToken), CancellationToken.None));
            // Beside receiving, never before it: a messenger slow to answer must not delay the bot.
            _ = Task.Run(() => receiving.Menus.PublishAsync(messenger, stoppingToken), CancellationToken.None);
        }

        await Task.WhenAll(loops);
        // The receivers have stopped, so no more answers come; those on the wire are let finish.
        await receiving.Answerer.DrainAsync();
    }

    /// <summary>The messenger's webhook when it has one, else long polling.</summary>
    private Func<CancellationToken, Task> ReceiverOf(IMessengerClient messenger)
    {
        var polling = _polling[messenger.Name];
        if (receiving.Webhooks.FirstOrDefault(w => w.Messenger == messenger.Name) is { } webhook)
            return ct =>
            {
                // Updates come to the endpoint, which is served from the host's start.
                polling.TrySetResult();
                return webhook.RunAsync(ct);
            };
        var timeout = settings.Value.GetValueOrDefault(messenger.Name)?.PollTimeoutSeconds ?? ConsolePollSeconds;
        return new PollingReceiver(messenger, timeout, receiving, time, loggers.CreateLogger<PollingReceiver>(), polling).RunAsync;
    }

    private OutboxSender SenderOf(IMessengerClient messenger)
    {
        var limits = settings.Value.GetValueOrDefault(messenger.Name)?.Limits ?? ConsoleLimits;
        return new OutboxSender(messenger, new BulkPacer(limits), sending, time, loggers.CreateLogger<OutboxSender>(), fileSources: messengers);
    }

    /// <summary>The terminal's wait for a typed line between looks.</summary>
    private const int ConsolePollSeconds = 25;

    /// <summary>The terminal has no server to protect; bulk messages still keep a readable pace.</summary>
    private static readonly MessengerLimits ConsoleLimits = new() { BulkPerSecond = 30, PerChatPerSecond = 5, PerGroupPerMinute = 60 };
}
