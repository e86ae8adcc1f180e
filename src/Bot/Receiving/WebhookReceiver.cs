using System.Threading.Channels;
using Assembly.Bot.Configuration;
using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Conversations.Commands;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Receiving;

/// <summary>
/// Receiving by webhook for one messenger: the HTTP endpoint hands each posted update to <see cref="AcceptAsync"/>,
/// which returns only once the update is committed, so the endpoint answers 200 only for what is stored, and the
/// messenger posts anything else again (to whichever instance its load balancer picks). Updates that arrive
/// while a batch is being committed wait and go together into the next one (group commit), as a getUpdates
/// batch would. Telegram keeps one update of a chat in flight until it is answered, so answering after the
/// commit also keeps each chat's order, across instances too. At most <see cref="WebhookOptions.MaxQueuedUpdates"/>
/// wait for the pipeline; one more is refused at once (the endpoint answers 503) and, never having been taken,
/// is posted again by the messenger later.
/// </summary>
public sealed class WebhookReceiver(
    IMessengerClient messenger,
    WebhookOptions options,
    UpdatePipeline pipeline,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    /// <summary>As many as one getUpdates call hands over.</summary>
    private const int MaxBatch = 100;

    private sealed record Arrival(InboundUpdate Update, TaskCompletionSource Stored);

    // Wait mode: TryWrite fails when it is full instead of dropping a waiting update, which was promised an answer.
    private readonly Channel<Arrival> _arrivals = Channel.CreateBounded<Arrival>(
        new BoundedChannelOptions(options.MaxQueuedUpdates) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Backoff _errors = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    private volatile bool _stopping;
    private int _refusing;

    public string Messenger => messenger.Name;

    /// <summary>Bale sends no secret header, so its secret is the last segment of the path instead.</summary>
    public bool SecretInPath => !MessengerDialect.For(messenger.Name).HasWebhookSecret;

    /// <summary>The path this messenger's updates are served on.</summary>
    public string Path => options.PathFor(SecretInPath);

    /// <summary>The value the <c>X-Telegram-Bot-Api-Secret-Token</c> header must carry, or null when the path holds it.</summary>
    public string? HeaderSecret => SecretInPath ? null : options.Secret;

    /// <summary>The update in the bot's own terms (the messenger knows its username, for commands in groups).</summary>
    public InboundUpdate Read(Telegram.Bot.Types.Update update) => ((IWebhookMessenger)messenger).Read(update);

    /// <summary>
    /// True once the update is committed (or was already); false at once, with nothing taken, when
    /// <see cref="WebhookOptions.MaxQueuedUpdates"/> already wait; throws when it could not be stored.
    /// </summary>
    public async Task<bool> AcceptAsync(InboundUpdate update, CancellationToken ct)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_arrivals.Writer.TryWrite(new Arrival(update, stored)))
        {
            if (_stopping) throw new OperationCanceledException("The bot is stopping.");
            // Once per spell of refusals, not once per post: a messenger retrying a full queue would flood the log.
            if (Interlocked.Exchange(ref _refusing, 1) == 0)
                logger.LogWarning("{Messenger}: {Limit} posted updates are waiting to be stored; more are answered 503 until they are (Webhook:MaxQueuedUpdates)",
                    messenger.Name, options.MaxQueuedUpdates);
            return false;
        }

        await stored.Task.WaitAsync(ct);
        return true;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await messenger.StartAsync(ct);
        // Beside the first poll, not before it: a messenger slow to refuse the menu must not delay the bot.
        _ = Task.Run(() => messenger.SetCommandsAsync(CommandMenu.Members, ct), CancellationToken.None);
        var registration = Task.Run(() => RegisterAsync(ct), CancellationToken.None);
        try
        {
            while (await _arrivals.Reader.WaitToReadAsync(ct))
            {
                var batch = new List<Arrival>();
                while (batch.Count < MaxBatch && _arrivals.Reader.TryRead(out var arrival)) batch.Add(arrival);
                await StoreAsync(batch, ct);
                // A spell of refusals ends once the queue has emptied; the next full queue is worth a warning again.
                if (_arrivals.Reader.Count == 0) Volatile.Write(ref _refusing, 0);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            // Whatever waits is answered with an error, so the messenger posts it again to an instance that runs.
            _stopping = true;
            _arrivals.Writer.TryComplete();
            while (_arrivals.Reader.TryRead(out var left)) left.Stored.TrySetCanceled(CancellationToken.None);
        }

        await registration;
    }

    private async Task StoreAsync(List<Arrival> batch, CancellationToken ct)
    {
        try
        {
            // No polling offset in this mode: the processed markers alone recognise an update posted again.
            await pipeline.ProcessBatchAsync(messenger.Name, batch.Select(a => a.Update).ToList(), committedOffset: null, ct);
            foreach (var arrival in batch) arrival.Stored.TrySetResult();
        }
        catch (Exception e)
        {
            foreach (var arrival in batch) arrival.Stored.TrySetException(e);
            if (ct.IsCancellationRequested) return;
            logger.LogError(e, "{Messenger}: a batch of {Count} posted updates could not be stored; the messenger will post them again", messenger.Name, batch.Count);
        }
    }

    /// <summary>Tells the messenger where to post, retrying until it answers; every instance registers the same address.</summary>
    private async Task RegisterAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ((IWebhookMessenger)messenger).SetWebhookAsync(options.RegisteredUrlFor(SecretInPath), options.Secret!, options.MaxConnections, ct);
                // The public address without the secret segment: a log line must never carry it.
                logger.LogInformation("{Messenger}: receiving updates by webhook at {Url}", messenger.Name, options.Url);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = _errors.Next();
                logger.LogWarning("{Messenger}: setWebhook failed, trying again in {Delay}: {Error}", messenger.Name, delay, redactor.Describe(e));
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
