using Assembly.Bot.Messengers;
using Assembly.Bot.Pipeline;
using Assembly.Conversations.Commands;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Receiving;

/// <summary>
/// Our own long-polling loop for one messenger: fetch a batch, hand it to the pipeline, and only after it
/// is committed ask for the next one (whose offset confirms this batch to the server). The offset is kept
/// in the database (see <see cref="PollCursorStore"/>), so a restart resumes where the last commit left off.
///
/// The offset follows what the server handed over: the last update id received plus one, even when that is below
/// the offset before. Telegram picks a new, possibly lower, start for a bot's update ids after a week without
/// updates; an offset kept at the old high value would confirm nothing the server now hands out, and it would hand
/// the same updates over again and again. A redelivered older update (Bale) moves the offset back too, which only
/// makes the server offer updates the processed markers already skip.
/// </summary>
public sealed class PollingReceiver(
    IMessengerClient messenger,
    int pollTimeoutSeconds,
    ReceivingSide side,
    TimeProvider time,
    ILogger<PollingReceiver> logger,
    TaskCompletionSource polling)
{
    /// <summary>
    /// An empty answer that came back sooner than this ignored our <c>timeout</c> (Bale does): wait before
    /// asking again, so an idle bot does not spin.
    /// </summary>
    private static readonly TimeSpan EarlyEmptyAnswer = TimeSpan.FromMilliseconds(500);

    private readonly Backoff _idle = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
    private readonly Backoff _errors = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    public async Task RunAsync(CancellationToken ct)
    {
        long offset;
        try
        {
            await messenger.StartAsync(ct);
            if (messenger is IWebhookMessenger webhooks) await RemoveWebhookAsync(webhooks, ct);
            offset = await side.Cursors.LoadAsync(messenger.Name, ct);
        }
        finally
        {
            // The first poll goes next (or this receiver failed): what waits for receiving may start (MessengerWorker).
            polling.TrySetResult();
        }

        logger.LogInformation("{Messenger}: polling from offset {Offset}", messenger.Name, offset);
        // Beside the polls, not before them: a messenger slow to refuse the menu must not delay the bot.
        _ = Task.Run(() => messenger.SetCommandsAsync(CommandMenu.Members, ct), CancellationToken.None);

        while (!ct.IsCancellationRequested)
        {
            IReadOnlyList<InboundUpdate> batch;
            var started = time.GetTimestamp();
            try
            {
                batch = await messenger.GetUpdatesAsync(offset, pollTimeoutSeconds, ct);
                _errors.Reset();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                var delay = _errors.Next();
                logger.LogWarning("{Messenger}: getUpdates failed, trying again in {Delay}: {Error}", messenger.Name, delay, side.Redactor.Describe(e));
                await DelayAsync(delay, ct);
                continue;
            }

            if (batch.Count == 0)
            {
                if (time.GetElapsedTime(started) < EarlyEmptyAnswer)
                    await DelayAsync(_idle.Next(), ct);
                continue;
            }

            _idle.Reset();
            try
            {
                // Everything below `offset` is committed; the batch's transactions record that as the cursor.
                await side.Pipeline.ProcessBatchAsync(messenger.Name, batch, offset, ct);
                var next = batch[^1].UpdateId + 1;
                if (next < offset)
                    logger.LogWarning("{Messenger}: update ids went back (offset {Offset} → {Next}); following the server", messenger.Name, offset, next);
                offset = next;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database is unwell: keep the offset, so the server hands the same batch over again.
                var delay = _errors.Next();
                logger.LogError(e, "{Messenger}: a batch of {Count} updates could not be stored; retrying in {Delay}", messenger.Name, batch.Count, delay);
                await DelayAsync(delay, ct);
            }
        }

        await SaveFinalOffsetAsync(offset);
    }

    /// <summary>
    /// A webhook left by an earlier run in webhook mode makes the server refuse getUpdates (409). Removing it keeps
    /// the updates it holds; if this fails, the poll's own errors say so and it retries.
    /// </summary>
    private async Task RemoveWebhookAsync(IWebhookMessenger webhooks, CancellationToken ct)
    {
        try
        {
            await webhooks.DeleteWebhookAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("{Messenger}: deleteWebhook failed: {Error}", messenger.Name, side.Redactor.Describe(e));
        }
    }

    private async Task SaveFinalOffsetAsync(long offset)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await side.Cursors.SaveAsync(messenger.Name, offset, timeout.Token);
        }
        catch (Exception e)
        {
            // Only an optimisation: the next start may be handed a batch again, and skips it.
            logger.LogWarning("{Messenger}: the offset could not be saved on the way out: {Error}", messenger.Name, e.Message);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
