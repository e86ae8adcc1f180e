using Assembly.Bot.Pipeline;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Reading;

/// <summary>
/// Serves the statistics, exports and summaries the turns queued (<see cref="ReadRequests"/>), one at a time, oldest
/// first, so they never stand between a member and the writer:
/// 1. claims a request (a short write through the gate);
/// 2. reads and draws it on its own read-only snapshot (<see cref="ReadSnapshot"/>), holding nothing a writer waits for, for
///    what the asker may see now: their role is read again there (<see cref="ReadAsker"/>), so one revoked while the
///    request waited gets one line instead of the answer;
/// 3. queues the answer to the outbox and deletes the request in one short write, and wakes the sender.
/// A crash between 1 and 3 leaves the request in the table; the restarted bot (or, with several instances, any other once
/// the claimer's heartbeat is stale) serves it again. A request that cannot be read is answered with an apology and
/// dropped, so it cannot come back forever; a database that stays unwell is tried again until it is well.
/// </summary>
public sealed class ReadWorker(ReadingSide side, FlowContext context, TimeProvider time, ILogger<ReadWorker> logger) : BackgroundService
{
    private readonly DatabaseRetry _retry = new(time, logger);

    /// <summary>
    /// Alone, every request is this instance's commit and wakes it; the minute is a safety net. With several instances a
    /// request of one that died is noticed by the others looking now and then.
    /// </summary>
    private TimeSpan Idle => side.Me.SingleInstance ? TimeSpan.FromMinutes(1) : side.Instances.Value.LeaseTime / 3;

    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    /// <summary>For tests: runs inside the read, while the request is being served.</summary>
    internal Func<ReadRequest, CancellationToken, Task>? WhileReading { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's queries complete synchronously: the first look would otherwise run inside the host's start.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await ClaimAsync(stoppingToken) is { } request)
                    {
                        await ServeAsync(request, stoppingToken);
                        continue;
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "The read worker could not serve a statistics request; trying again in {Pause}", AfterFailure);
                    await Task.Delay(AfterFailure, time, stoppingToken);
                    continue;
                }

                await side.Signal.WaitAsync(Idle, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a request being served stays in the table and is served after the restart.
        }
    }

    /// <summary>
    /// The oldest request nobody alive is serving, now this instance's. Its own earlier claims count as free: it serves one
    /// at a time, so such a claim is one whose answer could not be written. Looked for on a reader's connection, so an
    /// idle look costs the writer nothing; only taking one goes through the gate.
    /// </summary>
    private async Task<ReadRequest?> ClaimAsync(CancellationToken ct)
    {
        var me = side.Me.Id;
        for (var tries = 0; tries < 3; tries++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var aliveSince = now - side.Instances.Value.LeaseTime;
            ReadRequest? candidate;
            await using (var reader = await side.Readers.CreateDbContextAsync(ct))
            {
                var requests = reader.ReadRequests.AsNoTracking();
                // Alone on its database (SQLite), any other claimer is a predecessor that stopped.
                var free = side.Me.SingleInstance
                    ? requests
                    : requests.Where(r => r.ClaimedBy == null || r.ClaimedBy == me || !reader.Instances.Any(i => i.Id == r.ClaimedBy && i.SeenAt >= aliveSince));
                candidate = await free.OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
            }

            if (candidate is null) return null;
            var was = candidate.ClaimedBy;
            await using var write = await side.Outbound.Gate.EnterAsync(ct);
            // Taken only if nobody took it since it was read (another instance looking at the same moment).
            var taken = await write.Db.ReadRequests.Where(r => r.Id == candidate.Id && r.ClaimedBy == was)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, me).SetProperty(r => r.ClaimedAt, now), ct);
            if (taken == 1)
            {
                if (was is not null && was != me)
                    logger.LogWarning("A statistics request of an instance that stopped ({Claimer}) is served again", was);
                candidate.ClaimedBy = me;
                return candidate;
            }
        }

        return null;
    }

    private async Task ServeAsync(ReadRequest request, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        IReadOnlyList<OutgoingMessage> answer = [];
        try
        {
            await _retry.RunAsync(async () => answer = await ReadAsync(request, ct), request.Messenger, $"statistics request {request.Id}", ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Statistics request {Id} ({Command}) failed and is answered with an apology", request.Id, request.Command);
            answer = [new TextMessage(Texts.SorryFailed) { To = new ChatAddress(request.Messenger, request.ChatId), ToKind = ChatKind.Private }];
        }

        await _retry.RunAsync(() => AnswerAsync(request, answer, ct), request.Messenger, $"the answer to statistics request {request.Id}", ct);
        logger.LogInformation("Statistics request {Id} ({Command}) served in {Elapsed}", request.Id, request.Command, time.GetElapsedTime(started));
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ReadAsync(ReadRequest request, CancellationToken ct)
    {
        await using var db = await side.Readers.CreateDbContextAsync(ct);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        if (WhileReading is { } hook) await hook(request, ct);
        return await StatisticsWork.AnswerAsync(db, request, context, ct);
    }

    /// <summary>
    /// The answer and the request's end in one transaction: both or neither. Only while the claim is still this
    /// instance's: one that stalled past its heartbeat may have had the request taken over, and then the other answers.
    /// </summary>
    private async Task AnswerAsync(ReadRequest request, IReadOnlyList<OutgoingMessage> answer, CancellationToken ct)
    {
        await using var write = await side.Outbound.Gate.EnterAsync(ct);
        var db = write.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var me = side.Me.Id;
        if (await db.ReadRequests.Where(r => r.Id == request.Id && r.ClaimedBy == me).ExecuteDeleteAsync(ct) == 0) return;
        var now = time.GetUtcNow().UtcDateTime;
        await OutboxWriter.EnqueueAllAsync(db, answer.Select(m => (m, now)).ToList(), ct);
        await tx.CommitAsync(ct);
        side.Outbound.Signal.Wake(request.Messenger);
    }
}
