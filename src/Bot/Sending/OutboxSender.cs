using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Configuration;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Sending;

/// <summary>
/// Drains the outbox of one messenger. Interactive rows go first and at once; bulk rows go as the
/// <see cref="BulkPacer"/> allows. One chat's rows go one at a time, in order; different chats overlap.
///
/// Never twice: a row is claimed (status Sending, with this instance's id, committed) immediately before its
/// HTTP call, and its outcome is written by the next look at the outbox, which every answer triggers at once.
/// Rows left Sending by an instance that died in between are marked Uncertain by the lease holder's
/// <see cref="Coordination.ClaimSweep"/> and not sent again, because the Bot API has no idempotency key and the
/// message may have arrived. The window in which a crash can lose a message this way is kept to one HTTP round
/// trip: only what goes out at once is claimed (never a backlog, bulk only as its pace allows), the claim's commit
/// is the last step before the call, and on shutdown the sends in flight finish and are recorded. A failed send is
/// retried only when the server answered (429, 5xx) or the connection failed; the Bot API offers no way to ask
/// whether a message whose answer was lost did arrive, so such a retry is the one place a duplicate remains possible.
///
/// Several instances may drain one PostgreSQL database at once: the rows to claim are picked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two instances take disjoint rows without waiting for each other, and the rule
/// that keeps a chat's messages one at a time and in order is in the query itself (see <see cref="CandidatesSql"/>),
/// not in this process's memory. Bulk rows are claimed only by the holder of the <see cref="Coordination.SchedulerLease"/>,
/// so the overall bulk pace of a messenger is kept by one pacer.
/// </summary>
public sealed class OutboxSender(
    IMessengerClient messenger,
    BulkPacer pacer,
    SendingSide sending,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    // The shared parts under the short names the loop below reads them by.
    private readonly IDbContextFactory<BotDbContext> factory = sending.Factory;
    private readonly WriteGate gate = sending.Gate;
    private readonly OutboxSignal signal = sending.Signal;
    private readonly Coordination.InstanceIdentity me = sending.Me;
    private readonly Coordination.SchedulerLease lease = sending.Lease;

    /// <summary>Sends at the same time, at most.</summary>
    private const int MaxInFlight = 64;

    /// <summary>After this many failed attempts (not counting 429s) a row is given up as Failed.</summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// With several instances, look again at least this often: another instance's rows are committed without waking
    /// this one (a chat's next reply waits for the send of the one before, which may be another's).
    /// </summary>
    private static readonly TimeSpan SharedIdleLook = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Alone on its database (SQLite), every row is written by this process, which wakes the sender at its commit,
    /// and every row put back to wait is in <see cref="_retries"/> (those left by a predecessor are read at start): a
    /// look finds nothing new unless woken. This is only a safety net; looking every second instead kept an idle
    /// bot busy for nothing.
    /// </summary>
    private static readonly TimeSpan AloneIdleLook = TimeSpan.FromMinutes(1);

    /// <summary>After a failed look (the database unreachable, say), try again this soon.</summary>
    private static readonly TimeSpan AfterError = TimeSpan.FromSeconds(1);

    private TimeSpan IdleLook => me.SingleInstance ? AloneIdleLook : SharedIdleLook;

    private readonly string _name = messenger.Name;
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly ConcurrentDictionary<long, DateTime> _chatPausedUntil = new();
    private readonly ConcurrentQueue<SendResult> _results = new();

    /// <summary>
    /// When rows this instance put back to wait (a 429, a transient failure) become due: the candidates query leaves
    /// out rows not yet due, so their times are kept here to wake the sender for them. Touched by the pump loop only.
    /// A row put back by an instance that then died is found by the others' idle look.
    /// </summary>
    private readonly PriorityQueue<DateTime, DateTime> _retries = new();

    private sealed record Candidate(long Id, long ChatId, ChatKind ChatKind, OutboxPriority Priority, DateTime NotBefore);

    private sealed record SendResult(Candidate Row, SendOutcome Outcome, DateTime At)
    {
        /// <summary>The row carried a file the bot made (<see cref="UploadMessage"/>), deleted once it is sent.</summary>
        public bool WithFile { get; init; }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await ReadWaitingRetriesAsync(stop);
            while (!stop.IsCancellationRequested)
            {
                var wait = AfterError;
                try
                {
                    wait = await PumpAsync(stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    logger.LogError(e, "{Messenger}: the outbox could not be read; trying again shortly", _name);
                }

                try
                {
                    await signal.WaitAsync(_name, wait, time, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            // Let what is on the wire finish and be recorded; claim nothing new.
            await Task.WhenAll(_inFlight.Values);
            await RecordOutcomesOnlyAsync();
        }
    }

    /// <summary>
    /// The times at which rows put back to wait before this process started (a 429, a failed send) become due: the
    /// candidates query leaves them out until then, and only <see cref="_retries"/> wakes the sender for them.
    /// </summary>
    private async Task ReadWaitingRetriesAsync(CancellationToken ct)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await factory.CreateDbContextAsync(ct);
            var dues = await OutboxMessageConfiguration.WhereUnsettled(db.Outbox.AsNoTracking())
                .Where(o => o.Messenger == _name && o.Status == OutboxStatus.Pending && o.NotBefore > now)
                .Select(o => o.NotBefore).Distinct().ToListAsync(ct);
            foreach (var due in dues) _retries.Enqueue(due, due);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Not fatal: the idle look finds them, only later.
            logger.LogWarning(e, "{Messenger}: the outbox's waiting retries could not be read at start", _name);
        }
    }

    /// <summary>
    /// One look at the outbox, in one transaction: records the outcomes of finished sends, picks what may
    /// go now and claims it. The sends start after the commit. Returns how long to wait before looking again.
    /// </summary>
    private async Task<TimeSpan> PumpAsync(CancellationToken ct)
    {
        var outcomes = TakeOutcomes();
        var now = time.GetUtcNow().UtcDateTime;
        var wakeAt = now + IdleLook;
        var toSend = new List<(Candidate Row, string Payload)>();

        try
        {
            // Not cancelled by a stop once outcomes are taken: they must reach the database.
            await using var write = await gate.EnterAsync(CancellationToken.None);
            var db = write.Db;
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await RecordAsync(db, outcomes);
            if (!ct.IsCancellationRequested && _inFlight.Count < MaxInFlight)
                wakeAt = await PickAndClaimAsync(db, now, toSend);
            await tx.CommitAsync(CancellationToken.None);
        }
        catch
        {
            // Rolled back: the outcomes go back to be recorded by the next look. Lost, their rows would stay
            // Sending under a live instance, which nothing settles, and hold their chats up for good.
            foreach (var outcome in outcomes) _results.Enqueue(outcome);
            throw;
        }

        foreach (var (row, payload) in toSend)
            Start(row, payload);

        wakeAt = NextRetryOr(wakeAt, now);
        var wait = wakeAt - time.GetUtcNow().UtcDateTime;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>
    /// The rows that may go next: pending rows of this messenger that are due, each the first of its chat in the sender's order
    /// (interactive before bulk, then oldest first), of a chat none of whose rows is being sent (by any instance),
    /// interactive first, then oldest first. Together the two conditions are what keeps one chat's messages one at a
    /// time and in order across instances: a chat's next row is not a candidate while an earlier one is pending or
    /// being sent, even when the earlier one is locked by another instance's claim that has not committed yet (the
    /// NOT EXISTS still sees it pending, where a plain "first row per chat" over unlocked rows would hand out the
    /// next one). Bulk rows of a chat also wait for its pending interactive ones, as the in-memory rule before did.
    /// {0} messenger, {1} Pending, {2} Sending, {3} the highest priority this instance may claim, {4} how many rows
    /// to look at, {5} now. (Answers to button presses do not come here: <see cref="ButtonAnswerer"/>.) Each part also
    /// states that its rows are unsettled, which they are by their status already: without it SQLite would not use
    /// the partial indexes that hold only such rows (<see cref="OutboxMessageConfiguration.Unsettled"/>).
    /// On PostgreSQL the rows picked are locked (<see cref="PostgresLock"/>), skipping those another instance holds.
    /// Only as many as this instance can start are looked at: locked, rows it could not start would be kept from
    /// other instances until it commits. With a window of 256 one instance held the heads of all 200 chats of a test
    /// while claiming 64, and the other found nothing at every look (MultiInstanceSendingTests, CI).
    /// Plan on PostgreSQL 15 for a pending broadcast of 10,000 chats among 150,000 sent rows (EXPLAIN ANALYZE): an
    /// index scan of (Messenger, Status, Priority, Id) in order, each row's earlier-pending check an index probe of
    /// (Messenger, ChatId, Status, Priority, Id), the few Sending rows read once; 256 rows locked in about 3 ms (the
    /// window then; now at most 64).
    /// </summary>
    internal static readonly string CandidatesSql = $$"""
        SELECT o."Id", o."ChatId", o."ChatKind", o."Priority", o."NotBefore"
        FROM "Outbox" AS o
        WHERE o."Messenger" = {0} AND o."Status" = {1} AND {{OutboxMessageConfiguration.Unsettled("o")}} AND o."Priority" <= {3} AND o."NotBefore" <= {5}
          AND NOT EXISTS (SELECT 1 FROM "Outbox" AS e
                          WHERE e."Messenger" = o."Messenger" AND e."ChatId" = o."ChatId" AND e."Status" = {1} AND {{OutboxMessageConfiguration.Unsettled("e")}}
                            AND (e."Priority" < o."Priority" OR (e."Priority" = o."Priority" AND e."Id" < o."Id")))
          AND NOT EXISTS (SELECT 1 FROM "Outbox" AS s
                          WHERE s."Messenger" = o."Messenger" AND s."ChatId" = o."ChatId" AND s."Status" = {2} AND {{OutboxMessageConfiguration.Unsettled("s")}})
        ORDER BY o."Priority", o."Id"
        LIMIT {4}
        """;

    /// <summary>SQLite has no row locks (and needs none: one writer at a time); PostgreSQL locks what it picks.</summary>
    private const string PostgresLock = " FOR UPDATE SKIP LOCKED";

    private async Task<DateTime> PickAndClaimAsync(BotDbContext db, DateTime now, List<(Candidate Row, string Payload)> toSend)
    {
        var wakeAt = now + IdleLook;
        // Bulk only on the lease holder; the others leave it to the holder and send replies only.
        var highest = lease.IsHeld ? OutboxPriority.Bulk : OutboxPriority.Interactive;
        var sql = CandidatesSql + (db.Database.IsNpgsql() ? PostgresLock : "");
        var slots = MaxInFlight - _inFlight.Count;
        var candidates = await QueryAsync(db, sql, [_name, (int)OutboxStatus.Pending, (int)OutboxStatus.Sending, (int)highest, slots, now],
            r => new Candidate(r.GetInt64(0), r.GetInt64(1), (ChatKind)r.GetInt32(2), (OutboxPriority)r.GetInt32(3), DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc)));
        if (candidates.Count == 0) return wakeAt;

        var unreachable = await UnreachableChatsAsync(db, candidates);
        var picked = new List<Candidate>();
        var skipped = new List<long>();
        foreach (var row in candidates)
        {
            if (unreachable.Contains(row.ChatId))
            {
                skipped.Add(row.Id);
                continue;
            }

            var notBefore = Later(row.NotBefore, _chatPausedUntil.GetValueOrDefault(row.ChatId));
            if (notBefore > now)
            {
                wakeAt = Earlier(wakeAt, notBefore);
                continue;
            }

            if (row.Priority == OutboxPriority.Bulk)
            {
                if (!pacer.TryTake(row.ChatId, row.ChatKind, now, out var retryAt))
                {
                    wakeAt = Earlier(wakeAt, retryAt);
                    continue;
                }
            }
            else if (!pacer.TryTakeInteractive(now, out var freeAt))
            {
                wakeAt = Earlier(wakeAt, freeAt);
                continue;
            }

            picked.Add(row);
            if (_inFlight.Count + picked.Count >= MaxInFlight) break;
        }

        if (skipped.Count > 0)
            // The rest of a blocked chat's queue is settled without a call to the server.
            await db.Outbox.Where(o => skipped.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Unreachable)
                    .SetProperty(o => o.LastError, "chat unreachable (blocked the bot)")
                    .SetProperty(o => o.ClaimedAt, now));

        if (picked.Count == 0) return wakeAt;
        // Claimed in the same transaction that picked (and, on PostgreSQL, locked) them, and sent right after it
        // commits. Only rows still pending are claimed, and only what the UPDATE returns is sent: a row that
        // changed meanwhile is never sent on the strength of the earlier read.
        var payloads = new Dictionary<long, string>();
        foreach (var chunk in picked.Chunk(RowsPerStatement.For(db.Database.GetDbConnection(), onServer: picked.Count)))
        {
            var ids = string.Join(", ", chunk.Select((_, i) => $"{{{i + 4}}}"));
            var claimed = await QueryAsync(db,
                $"UPDATE \"Outbox\" SET \"Status\" = {{0}}, \"ClaimedAt\" = {{1}}, \"ClaimedBy\" = {{2}} "
                + $"WHERE \"Status\" = {{3}} AND \"Id\" IN ({ids}) RETURNING \"Id\", \"Payload\"",
                [(int)OutboxStatus.Sending, now, me.Id, (int)OutboxStatus.Pending, .. chunk.Select(p => (object)p.Id)],
                r => (Id: r.GetInt64(0), Payload: r.GetString(1)));
            foreach (var (id, payload) in claimed) payloads[id] = payload;
        }

        foreach (var row in picked)
            if (payloads.TryGetValue(row.Id, out var payload))
                toSend.Add((row, payload));

        return wakeAt;
    }

    /// <summary>
    /// Plain SQL in the context's transaction, read row by row. EF cannot say FOR UPDATE nor read an UPDATE's
    /// RETURNING into an unmapped shape, so this goes to the connection itself. <c>{n}</c> in the text stands for
    /// the n-th value, which travels as a parameter; nothing else is put into the text.
    /// </summary>
    private static async Task<List<T>> QueryAsync<T>(BotDbContext db, string sql, object[] values, Func<DbDataReader, T> read)
    {
        await using var command = Command(db, sql, values);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private static async Task ExecuteAsync(BotDbContext db, string sql, IReadOnlyList<object> values)
    {
        // Also run outside a transaction (the last outcomes, on the way out), where the connection may be closed;
        // opened through EF, EF closes it again.
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = Command(db, sql, values);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static DbCommand Command(BotDbContext db, string sql, IReadOnlyList<object> values)
    {
        // On SQLite a command whose prepared statement is kept: the same texts come back at every look.
        var command = SqliteStatementCache.CommandFor(db.Database.GetDbConnection());
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
            sql = sql.Replace($"{{{i}}}", parameter.ParameterName, StringComparison.Ordinal);
        }

        command.CommandText = sql;
        return command;
    }

    private async Task<HashSet<long>> UnreachableChatsAsync(BotDbContext db, List<Candidate> candidates)
    {
        var chats = candidates.Select(c => c.ChatId).Distinct().ToList();
        return await db.Chats.AsNoTracking()
            .Where(c => c.Messenger == _name && chats.Contains(c.ChatId) && c.UnreachableSince != null)
            .Select(c => c.ChatId)
            .ToHashSetAsync();
    }

    private void Start(Candidate row, string payload)
    {
        var send = SendAsync(row, payload);
        _inFlight[row.Id] = send;
        // Removed only after it was added, even when the send finished at once.
        _ = send.ContinueWith(_ =>
        {
            _inFlight.TryRemove(row.Id, out Task? _);
            signal.Wake(_name);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task SendAsync(Candidate row, string payload)
    {
        await Task.Yield();
        SendOutcome outcome;
        var withFile = false;
        try
        {
            var message = OutgoingJson.Read(payload) with { To = new ChatAddress(_name, row.ChatId), ToKind = row.ChatKind, Priority = row.Priority };
            if (message is UploadMessage upload)
            {
                withFile = true;
                message = upload with { Content = await FileOfAsync(row.Id) };
            }

            // Not the stop token: a send that has started is allowed to finish, so its outcome is known.
            outcome = await messenger.SendAsync(message, CancellationToken.None);
        }
        catch (Exception e)
        {
            outcome = new SendOutcome.Rejected($"{e.GetType().Name}: {e.Message}");
        }

        var at = time.GetUtcNow().UtcDateTime;
        if (outcome is SendOutcome.Throttled throttled)
        {
            _chatPausedUntil[row.ChatId] = at + throttled.RetryAfter;
            if (row.Priority == OutboxPriority.Bulk) pacer.PauseUntil(at + throttled.RetryAfter);
            logger.LogWarning("{Messenger}: 429 for chat {ChatId}, waiting {RetryAfter}", _name, row.ChatId, throttled.RetryAfter);
        }

        _results.Enqueue(new SendResult(row, outcome, at) { WithFile = withFile });
    }

    /// <summary>The bytes of a file the bot made, stored beside its row; read outside any transaction, like the send itself.</summary>
    private async Task<byte[]> FileOfAsync(long rowId)
    {
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        return await db.OutboxFiles.AsNoTracking().Where(f => f.OutboxMessageId == rowId).Select(f => f.Bytes).SingleAsync();
    }

    private List<SendResult> TakeOutcomes()
    {
        var taken = new List<SendResult>();
        while (taken.Count < 1024 && _results.TryDequeue(out var result)) taken.Add(result);
        return taken;
    }

    /// <summary>On the way out: the outcomes of the last sends, nothing claimed.</summary>
    private async Task RecordOutcomesOnlyAsync()
    {
        try
        {
            while (TakeOutcomes() is { Count: > 0 } outcomes)
            {
                await using var write = await gate.EnterAsync(CancellationToken.None);
                var db = write.Db;
                // One transaction, as in a look: a sent row and the deletion of its file go together.
                await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
                await RecordAsync(db, outcomes);
                await tx.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // They stay Sending and become Uncertain once this instance is gone (ClaimSweep): never sent twice.
            logger.LogError(e, "{Messenger}: the outcomes of the last sends could not be recorded", _name);
        }
    }

    private async Task RecordAsync(BotDbContext db, List<SendResult> results)
    {
        if (results.Count == 0) return;
        await RecordSentAsync(db, results.Where(r => r.Outcome is SendOutcome.Sent).ToList());
        results = results.Where(r => r.Outcome is not SendOutcome.Sent).ToList();
        if (results.Count == 0) return;
        var ids = results.Select(r => r.Row.Id).ToList();
        var rows = await db.Outbox.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var blocked = new List<(long ChatId, DateTime At)>();
        foreach (var (candidate, outcome, at) in results)
        {
            if (!rows.TryGetValue(candidate.Id, out var row)) continue;
            switch (outcome)
            {
                case SendOutcome.Throttled throttled:
                    // Asked to wait: not a failure of the message, so it does not count as an attempt.
                    row.Status = OutboxStatus.Pending;
                    row.NotBefore = at + throttled.RetryAfter;
                    _retries.Enqueue(row.NotBefore, row.NotBefore);
                    row.LastError = $"429, retry after {throttled.RetryAfter.TotalSeconds} s";
                    break;
                case SendOutcome.Transient transient:
                    row.Attempts++;
                    row.LastError = Trim(transient.Reason);
                    row.Status = row.Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
                    row.NotBefore = at + RetryDelay(row.Attempts);
                    if (row.Status == OutboxStatus.Pending) _retries.Enqueue(row.NotBefore, row.NotBefore);
                    if (row.Status == OutboxStatus.Failed)
                        logger.LogError("{Messenger}: message {Id} to chat {ChatId} given up after {Attempts} attempts: {Error}", _name, row.Id, row.ChatId, row.Attempts, row.LastError);
                    break;
                case SendOutcome.Rejected rejected:
                    row.Attempts++;
                    row.Status = OutboxStatus.Failed;
                    row.LastError = Trim(rejected.Reason);
                    logger.LogError("{Messenger}: message {Id} to chat {ChatId} refused: {Error}", _name, row.Id, row.ChatId, row.LastError);
                    break;
                case SendOutcome.Unreachable unreachable:
                    row.Attempts++;
                    row.Status = OutboxStatus.Unreachable;
                    row.LastError = Trim(unreachable.Reason);
                    blocked.Add((row.ChatId, at));
                    break;
            }
        }

        foreach (var (chatId, at) in blocked)
        {
            var chat = await db.Chats.FindAsync(_name, chatId);
            if (chat is null)
                db.Chats.Add(chat = new ChatRecord { Messenger = _name, ChatId = chatId, FirstSeenAt = at, LastSeenAt = at });
            chat.UnreachableSince ??= at;
            logger.LogInformation("{Messenger}: chat {ChatId} blocked the bot; no more messages go there", _name, chatId);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The common outcome, in plain SQL that SQLite and PostgreSQL both read: loading and saving each row through the
    /// change tracker cost about a tenth of the time the write lock was held under load (conversation benchmark). On
    /// PostgreSQL one statement for the whole look; on SQLite one prepared statement run per row (<see cref="RowsPerStatement"/>).
    /// </summary>
    private static async Task RecordSentAsync(BotDbContext db, List<SendResult> sent)
    {
        if (sent.Count == 0) return;
        foreach (var chunk in sent.Chunk(RowsPerStatement.For(db.Database.GetDbConnection(), onServer: sent.Count)))
            await RecordSentChunkAsync(db, chunk);
        // A file the bot made (an export with members' names, a chart) is kept only until it reached its chat, and goes
        // in the same transaction that records the row as sent. Retention keeps the row without its file.
        var files = sent.Where(r => r.WithFile).Select(r => r.Row.Id).ToList();
        if (files.Count > 0) await db.OutboxFiles.Where(f => files.Contains(f.OutboxMessageId)).ExecuteDeleteAsync();
    }

    private static async Task RecordSentChunkAsync(BotDbContext db, SendResult[] sent)
    {
        var parameters = new List<object> { (int)OutboxStatus.Sent };
        var messageIds = new StringBuilder();
        var sentAt = new StringBuilder();
        var ids = new StringBuilder();
        foreach (var (row, outcome, at) in sent)
        {
            var id = parameters.Count;
            parameters.Add(row.Id);
            parameters.Add(at);
            sentAt.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN {{{id + 1}}}");
            // A send without a message id (only a button answer, which now goes through ButtonAnswerer, so only one
            // that an older version left in the outbox): a null cannot be a raw SQL parameter, so it is written as
            // NULL, typed: PostgreSQL reads a CASE of only untyped NULLs as text, which a bigint column refuses.
            if (((SendOutcome.Sent)outcome).MessageId is { } messageId)
            {
                parameters.Add(messageId);
                messageIds.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN {{{id + 2}}}");
            }
            else
            {
                messageIds.Append(CultureInfo.InvariantCulture, $" WHEN {{{id}}} THEN CAST(NULL AS BIGINT)");
            }

            ids.Append(ids.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{{{id}}}");
        }

        // Only placeholders ({n}) are put into the text; every value travels as a parameter.
        await ExecuteAsync(db,
            $"UPDATE \"Outbox\" SET \"Status\" = {{0}}, \"Attempts\" = \"Attempts\" + 1, "
            + $"\"SentMessageId\" = CASE \"Id\"{messageIds} END, \"SentAt\" = CASE \"Id\"{sentAt} END WHERE \"Id\" IN ({ids})",
            parameters);
    }

    /// <summary>The earlier of <paramref name="wakeAt"/> and the next retry still to come; retries now due are dropped (this look takes them).</summary>
    private DateTime NextRetryOr(DateTime wakeAt, DateTime now)
    {
        while (_retries.TryPeek(out var due, out _) && due <= now) _retries.Dequeue();
        return _retries.TryPeek(out var next, out _) ? Earlier(wakeAt, next) : wakeAt;
    }

    /// <summary>1 s, 2 s, 4 s … up to 5 minutes.</summary>
    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts - 1)));

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
