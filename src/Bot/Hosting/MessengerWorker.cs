using Assembly.Bot.Configuration;
using Assembly.Bot.Coordination;
using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Bot.Receiving;
using Assembly.Bot.Sending;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Hosting;

/// <summary>Runs, for every messenger that is on, its receiving (long polling, or a webhook's batches) and its outbox sender side by side.</summary>
public sealed class MessengerWorker(
    IEnumerable<IMessengerClient> messengers,
    IEnumerable<WebhookReceiver> webhooks,
    BotSettings settings,
    UpdatePipeline pipeline,
    ButtonAnswerer answerer,
    PollCursorStore cursors,
    OutboxSignal signal,
    IOutbox outbox,
    InstanceIdentity me,
    SchedulerLease lease,
    SecretRedactor redactor,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task>();
        foreach (var messenger in messengers)
        {
            var options = settings.Messengers.GetValueOrDefault(messenger.Name);
            var limits = options?.Limits ?? ConsoleLimits;
            var sender = new OutboxSender(messenger, new BulkPacer(limits), outbox, signal, me, lease, settings.Sending, time,
                loggers.CreateLogger<OutboxSender>());
            if (webhooks.FirstOrDefault(w => w.Messenger == messenger.Name) is { } webhook)
            {
                loops.Add(Task.Run(() => webhook.RunAsync(stoppingToken), CancellationToken.None));
            }
            else
            {
                var receiver = new PollingReceiver(messenger, options?.PollTimeoutSeconds ?? 25, pipeline, cursors, redactor, time,
                    loggers.CreateLogger<PollingReceiver>());
                loops.Add(Task.Run(() => receiver.RunAsync(stoppingToken), CancellationToken.None));
            }

            loops.Add(Task.Run(() => sender.RunAsync(stoppingToken), CancellationToken.None));
        }

        await Task.WhenAll(loops);
        // The receivers have stopped, so no more answers come; those on the wire are let finish.
        await answerer.DrainAsync();
    }

    /// <summary>The terminal has no server to protect; bulk messages still keep a readable pace.</summary>
    private static readonly MessengerLimits ConsoleLimits = new() { BulkPerSecond = 30, PerChatPerSecond = 5, PerGroupPerMinute = 60 };
}
