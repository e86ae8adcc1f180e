using Assembly.Bot.Configuration;
using Assembly.Bot.Messengers;
using Assembly.Bot.Observability;
using Assembly.Bot.Sending;
using Assembly.Conversations.Text;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assembly.Bot.Pipeline;

/// <summary>
/// Handles a batch of updates from one messenger. The updates of one chat go to one lane and are handled
/// in order; lanes run in parallel. Each lane handles its share in one transaction (group commit): state,
/// domain rows, outbox rows and processed markers of all its updates commit together or not at all. If
/// anything in the lane fails, the transaction is rolled back and each update is redone alone, so one bad
/// update never takes the others down with it. A transient database error (<see cref="DatabaseRetry"/>) is not the
/// updates' fault: the lane is run again as it was, up to three times with pauses, and only then does anyone hear
/// that it failed. Messages are not sent from here: the outbox sender is woken after the commit. Answers to button
/// presses are handed to the <see cref="ButtonAnswerer"/> after the commit.
/// </summary>
public sealed class UpdatePipeline(
    ITurnHandler handler,
    UpdateCommit commit,
    BotMetrics metrics,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<UpdatePipeline> logger)
{
    private readonly DatabaseRetry _retry = new(time, logger);

    private readonly int lanes = options.Value.Lanes;
    /// <param name="committedOffset">
    /// Long polling: every update below it is committed, the cursor to record with this batch. Null for updates
    /// posted by webhook, which have no cursor.
    /// </param>
    public async Task ProcessBatchAsync(string messenger, IReadOnlyList<InboundUpdate> batch, long? committedOffset, CancellationToken ct)
    {
        // A redelivered update may even come twice in one batch.
        var unique = batch.DistinctBy(u => u.UpdateId).OrderBy(u => u.UpdateId).ToList();
        var byLane = unique.GroupBy(u => LaneOf(u)).Select(g => g.ToList()).ToList();
        if (byLane.Count == 1)
            await RunLaneAsync(messenger, byLane[0], committedOffset, ct);
        else
            await Task.WhenAll(byLane.Select(lane => Task.Run(() => RunLaneAsync(messenger, lane, committedOffset, ct), ct)));
    }

    private int LaneOf(InboundUpdate update)
    {
        var key = update.Message?.Chat.ChatId ?? update.UpdateId;
        return (int)((ulong)key.GetHashCode() % (ulong)lanes);
    }

    private async Task RunLaneAsync(string messenger, List<InboundUpdate> updates, long? committedOffset, CancellationToken ct)
    {
        try
        {
            await _retry.RunAsync(() => HandleInOneTransactionAsync(messenger, updates, committedOffset, ct), messenger, $"a lane of {updates.Count} updates", ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && updates.Count > 1 && !TransientErrors.IsTransient(e))
        {
            logger.LogWarning(e, "{Messenger}: a lane of {Count} updates failed together; handling each alone", messenger, updates.Count);
            foreach (var update in updates)
                await HandleAloneAsync(messenger, update, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The database stayed unwell through every retry (or the one update failed): handling each alone would
            // only meet it again, once per update.
            foreach (var update in updates)
                await GiveUpAsync(messenger, update, e, ct);
        }
    }

    private async Task HandleAloneAsync(string messenger, InboundUpdate update, CancellationToken ct)
    {
        try
        {
            await _retry.RunAsync(() => HandleInOneTransactionAsync(messenger, [update], committedOffset: null, ct), messenger, $"update {update.UpdateId}", ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await GiveUpAsync(messenger, update, e, ct);
        }
    }

    private async Task HandleInOneTransactionAsync(string messenger, List<InboundUpdate> updates, long? committedOffset, CancellationToken ct)
    {
        await using var write = await commit.Gate.EnterAsync(ct);
        var db = write.Db;
        // A failure rolls the whole lane back and redoes each update alone, so a savepoint per SaveChanges
        // (EF's default inside a transaction: two more statements each time) would buy nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Several instances on one PostgreSQL database: the lane's chats are locked first, so no other instance
        // handles one of them at the same time (no lost update of a conversation), and an update delivered to two
        // instances is found processed by the second, which waits here until the first has committed.
        await TransactionLocks.TakeAsync(db, LocksOf(messenger, updates), ct);
        if (committedOffset is { } offset) await commit.Cursors.RecordAsync(db, messenger, offset, ct);

        var ids = updates.Select(u => u.UpdateId).ToList();
        var seen = await db.ProcessedUpdates
            .Where(p => p.Messenger == messenger && ids.Contains(p.UpdateId))
            .Select(p => p.UpdateId)
            .ToHashSetAsync(ct);

        // Outbox rows and processed markers are read by no later update of the batch, so they are written
        // together at the end, in the same transaction: one statement batch instead of one per update.
        var outbox = new List<(OutgoingMessage Message, DateTime At)>();
        var answers = new List<ButtonAnswer>();
        var markers = new List<ProcessedUpdate>();
        var readQueued = false;
        foreach (var update in updates)
        {
            if (seen.Contains(update.UpdateId)) continue;
            var now = time.GetUtcNow().UtcDateTime;
            if (update.Message is { } message)
            {
                var turn = new Turn(db, message, now);
                await handler.HandleAsync(turn, ct);
                // Saved per update inside the transaction, so the next update of the same chat sees this one's rows;
                // then forgotten, so that each SaveChanges looks only at its own update's entities, not the batch's.
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                readQueued |= turn.ReadQueued;
                foreach (var outgoing in turn.Outgoing)
                    if (outgoing is ButtonAnswer answer) answers.Add(answer);
                    else outbox.Add((outgoing, now));
            }

            markers.Add(new ProcessedUpdate { Messenger = messenger, UpdateId = update.UpdateId, ProcessedAt = now });
        }

        await OutboxWriter.EnqueueAllAsync(db, outbox, ct);
        await RowInserter.InsertAsync(db, markers, ct);
        await tx.CommitAsync(ct);
        commit.Answerer.Answer(answers);
        foreach (var recipient in outbox.Select(o => o.Message.To.Messenger).Distinct()) commit.Signal.Wake(recipient);
        if (readQueued) commit.Reads.Wake();
        metrics.Updates(messenger, "handled", markers.Count);
        metrics.Updates(messenger, "duplicate", updates.Count - markers.Count);
    }

    /// <summary>Per chat; an update without a message (nothing of a chat to change) by its own id.</summary>
    private static List<string> LocksOf(string messenger, IEnumerable<InboundUpdate> updates) =>
        updates.Select(u => u.Message is { } message ? $"chat:{messenger}:{message.Chat.ChatId}" : $"update:{messenger}:{u.UpdateId}").Distinct().ToList();

    /// <summary>
    /// An update that fails even alone is recorded as processed (so it cannot block the queue forever)
    /// and the person who sent it is told it did not go through, so nothing is silently lost. This write too is
    /// retried through a bad moment of the database; if it still fails, the exception reaches the receiver, which
    /// leaves the update with the messenger to be handed over again (polling keeps its offset, a webhook answers 503).
    /// </summary>
    private async Task GiveUpAsync(string messenger, InboundUpdate update, Exception error, CancellationToken ct)
    {
        logger.LogError(error, "{Messenger}: update {UpdateId} failed and is given up", messenger, update.UpdateId);
        await _retry.RunAsync(() => RecordFailureAsync(messenger, update, ct), messenger, $"the failure of update {update.UpdateId}", ct);
    }

    private async Task RecordFailureAsync(string messenger, InboundUpdate update, CancellationToken ct)
    {
        await using var write = await commit.Gate.EnterAsync(ct);
        var db = write.Db;
        // Under the chat's lock, like the handling itself: if another instance handled the update meanwhile, its
        // marker is seen here and nobody is told of a failure that did not happen.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TransactionLocks.TakeAsync(db, LocksOf(messenger, [update]), ct);
        if (await db.ProcessedUpdates.AnyAsync(p => p.Messenger == messenger && p.UpdateId == update.UpdateId, ct)) return;
        var now = time.GetUtcNow().UtcDateTime;
        db.ProcessedUpdates.Add(new ProcessedUpdate { Messenger = messenger, UpdateId = update.UpdateId, ProcessedAt = now, Failed = true });
        ButtonAnswer? answer = null;
        if (update.Message is { ChatKind: ChatKind.Private } message)
        {
            OutboxWriter.Enqueue(db, new TextMessage(Texts.SorryFailed) { To = message.Chat, ToKind = message.ChatKind }, now);
            if (message.ButtonPressId is { } pressId)
                answer = new ButtonAnswer(pressId) { To = message.Chat, ToKind = message.ChatKind };
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (answer is not null) commit.Answerer.Answer([answer]);
        commit.Signal.Wake(messenger);
        metrics.Updates(messenger, "failed", 1);
    }
}
