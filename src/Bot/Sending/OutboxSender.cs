using System.Collections.Concurrent;
using Assembly.Bot.Messengers;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.Extensions.Logging;

namespace Assembly.Bot.Sending;

/// <summary>
/// Drains the outbox of one messenger: the loop and the pacing. Interactive rows go first and at once; bulk rows go
/// as the <see cref="BulkPacer"/> allows. One chat's rows go one at a time, in order; different chats overlap. What a
/// send's answer means for its row is the <see cref="RetryPolicy"/>'s; how rows are picked, claimed and recorded is
/// the outbox's (<see cref="IOutbox"/>).
///
/// At least once: a row is claimed (status Sending, with this instance's id, committed) immediately before its
/// HTTP call, and its outcome is written by the next look at the outbox, which every answer triggers at once.
/// Rows left Sending by an instance that died in between are put back to pending by the lease holder's
/// <see cref="Coordination.ClaimSweep"/> and sent again: the Bot API has no idempotency key and no way to ask whether
/// the message arrived, so a crash mid-send may cost a second copy, never silence. The window in which that can
/// happen is kept to one HTTP round trip: only what goes out at once is claimed (never a backlog, bulk only as its
/// pace allows), the claim's commit is the last step before the call, and on shutdown the sends in flight finish and
/// are recorded. A send whose answer was lost (a timeout, a dropped connection) is tried again the same way.
///
/// While the messenger does not answer (5xx, network errors, timeouts) the <see cref="MessengerOutage"/> holds the
/// sends back and lets one try through at a time, at most a minute apart, instead of spending every row's attempts.
///
/// Several instances may drain one PostgreSQL database at once: the outbox hands them disjoint rows, and keeps a
/// chat's messages one at a time and in order in its query, not in this process's memory. Bulk rows are claimed only
/// by the holder of the <see cref="Coordination.SchedulerLease"/>, so the overall bulk pace of a messenger is kept by
/// one pacer.
/// </summary>
public sealed class OutboxSender(
    IMessengerClient messenger,
    BulkPacer pacer,
    SendingSide sending,
    TimeProvider time,
    ILogger<OutboxSender> logger,
    IEnumerable<IMessengerClient>? fileSources = null)
{
    // The shared parts under the short names the loop below reads them by.
    private readonly IOutbox outbox = sending.Outbox;
    private readonly OutboxSignal signal = sending.Signal;
    private readonly Coordination.InstanceIdentity me = sending.Me;
    private readonly Coordination.SchedulerLease lease = sending.Lease;
    private readonly Configuration.SendingOptions options = sending.Options.Value;

    /// <summary>
    /// Sends at the same time, at most. Also how many candidates a look reads: on PostgreSQL the rows read are locked,
    /// and rows this instance could not start would be kept from the other instances until it commits.
    /// </summary>
    private const int MaxInFlight = 64;

    /// <summary>
    /// With several instances, look again at least this often: another instance's rows are committed without waking
    /// this one (a chat's next reply waits for the send of the one before, which may be another's).
    /// </summary>
    private static readonly TimeSpan SharedIdleLook = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Alone on its database (SQLite), every row is written by this process, which wakes the sender at its commit,
    /// and every row put back to wait is in <see cref="_retries"/> (those left by a predecessor are read at start): a
    /// look finds nothing new unless woken. This is only a safety net; looking often would keep an idle bot busy for
    /// nothing.
    /// </summary>
    private static readonly TimeSpan AloneIdleLook = TimeSpan.FromMinutes(1);

    /// <summary>After a failed look (the database unreachable, say), try again this soon.</summary>
    private static readonly TimeSpan AfterError = TimeSpan.FromSeconds(1);

    private TimeSpan IdleLook => me.SingleInstance ? AloneIdleLook : SharedIdleLook;

    private readonly string _name = messenger.Name;
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly ConcurrentDictionary<long, DateTime> _chatPausedUntil = new();
    private readonly ConcurrentQueue<OutboxOutcome> _results = new();
    private readonly MessengerOutage _outage = new();

    /// <summary>Chats whose move the operator was told of: once is enough.</summary>
    private readonly ConcurrentDictionary<long, byte> _movesWarned = new();

    /// <summary>
    /// When rows this instance put back to wait (a 429, a transient failure) become due: the candidates query leaves
    /// out rows not yet due, so their times are kept here to wake the sender for them. Touched by the pump loop only.
    /// A row put back by an instance that then died is found by the others' idle look.
    /// </summary>
    private readonly PriorityQueue<DateTime, DateTime> _retries = new();

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
            foreach (var due in await outbox.WaitingRetriesAsync(_name, time.GetUtcNow().UtcDateTime, ct))
                _retries.Enqueue(due, due);
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
        var toSend = new List<(OutboxCandidate Row, ClaimedRow Claimed)>();

        try
        {
            // Not cancelled by a stop once outcomes are taken: they must reach the database.
            await using var look = await outbox.BeginLookAsync(CancellationToken.None);
            await look.RecordAsync(_name, outcomes);
            if (!ct.IsCancellationRequested && _inFlight.Count < MaxInFlight)
                wakeAt = await PickAndClaimAsync(look, now, toSend);
            await look.CommitAsync();
        }
        catch
        {
            // Rolled back: the outcomes go back to be recorded by the next look. Lost, their rows would stay
            // Sending under a live instance, which nothing settles, and hold their chats up for good.
            foreach (var outcome in outcomes) _results.Enqueue(outcome);
            throw;
        }

        Recorded(outcomes);
        foreach (var (row, claimed) in toSend)
            Start(row, claimed);

        wakeAt = NextRetryOr(wakeAt, now);
        var wait = wakeAt - time.GetUtcNow().UtcDateTime;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private async Task<DateTime> PickAndClaimAsync(IOutboxLook look, DateTime now, List<(OutboxCandidate Row, ClaimedRow Claimed)> toSend)
    {
        var wakeAt = now + IdleLook;
        // While the messenger does not answer, nothing goes but the one try its pause allows.
        var allowed = _outage.MayStart(now, out var nextTry);
        if (allowed == 0) return Earlier(wakeAt, nextTry);

        // Bulk only on the lease holder; the others leave it to the holder and send replies only.
        var highest = lease.IsHeld ? OutboxPriority.Additions : OutboxPriority.Interactive;
        var candidates = await look.CandidatesAsync(_name, highest, MaxInFlight - _inFlight.Count, now);
        if (candidates.Count == 0) return wakeAt;

        var unreachable = await look.UnreachableChatsAsync(_name, candidates.Select(c => c.ChatId).Distinct().ToList());
        var picked = new List<OutboxCandidate>();
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

            if (row.Priority != OutboxPriority.Interactive)
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
            if (_inFlight.Count + picked.Count >= MaxInFlight || picked.Count >= allowed) break;
        }

        // The rest of a blocked chat's queue is settled without a call to the server.
        await look.SettleUnreachableAsync(skipped, now);

        if (picked.Count == 0) return wakeAt;
        // Claimed in the same transaction that picked (and, on PostgreSQL, locked) them, and sent right after it
        // commits; only what the claim returns is sent.
        var claimed = (await look.ClaimAsync(picked.Select(p => p.Id).ToList(), me.Id, now)).ToDictionary(c => c.Id);
        foreach (var row in picked)
            if (claimed.TryGetValue(row.Id, out var claim))
                toSend.Add((row, claim));

        return wakeAt;
    }

    private void Start(OutboxCandidate row, ClaimedRow claimed)
    {
        var send = SendAsync(row, claimed, _outage.Started());
        _inFlight[row.Id] = send;
        // Removed only after it was added, even when the send finished at once.
        _ = send.ContinueWith(_ =>
        {
            _inFlight.TryRemove(row.Id, out Task? _);
            signal.Wake(_name);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private async Task SendAsync(OutboxCandidate row, ClaimedRow claimed, int step)
    {
        await Task.Yield();
        SendOutcome outcome;
        SendOutcome? settled = null;
        var withFile = false;
        var asked = false;
        var opensTopic = false;
        var quiet = false;
        string? carriedFrom = null;
        OutgoingMessage? stored = null;
        int? sentInto = null;
        try
        {
            stored = OutgoingJson.Read(claimed.Payload);
            OutgoingMessage? message = stored with { To = new ChatAddress(_name, row.ChatId), ToKind = row.ChatKind, Priority = row.Priority };
            var topic = await TopicAsync(row, claimed, message);
            if (message is TopicOpen && topic is { } opened)
                // Opened before: the report keeps its one topic.
                settled = new SendOutcome.Sent(opened);
            else if (topic is { } thread)
                message = message with { Topic = thread };
            sentInto = message.Topic is > 0 and var into ? into : null;
            if (message is FileMessage { OnlyInTopic: true, Topic: not > 0 })
                // A file carried only into a topic, for a chat that has none: the post says where the files are.
                settled = new SendOutcome.Sent(null);
            quiet = message is FileMessage { OnlyInTopic: true };

            if (settled is not null)
            {
                message = null;
            }
            else if (message is UploadMessage upload)
            {
                withFile = true;
                // Read outside any transaction, like the send itself.
                message = upload with { Content = await outbox.FileAsync(row.Id, CancellationToken.None) };
            }

            if (message is FileMessage { FromMessenger: { } from } carried && from != _name)
            {
                carriedFrom = from;
                message = await CarryAsync(carried, from);
            }

            // Not the stop token: a send that has started is allowed to finish, so its outcome is known.
            if (settled is not null)
            {
                outcome = settled;
            }
            else if (message is null)
            {
                outcome = new SendOutcome.Rejected("the file could not be fetched from its own messenger");
            }
            else
            {
                asked = true;
                outcome = await messenger.SendAsync(message, CancellationToken.None);
                opensTopic = message is TopicOpen && outcome is SendOutcome.Sent { MessageId: not null };
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            // The download's server did not answer: the message is fine, the moment is not.
            outcome = new SendOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
        catch (Exception e)
        {
            outcome = new SendOutcome.Rejected($"{e.GetType().Name}: {e.Message}");
        }

        var at = time.GetUtcNow().UtcDateTime;
        if (asked) Heard(outcome, step, at);
        if (outcome is SendOutcome.Throttled throttled)
        {
            _chatPausedUntil[row.ChatId] = at + throttled.RetryAfter;
            if (row.Priority != OutboxPriority.Interactive) pacer.PauseUntil(at + throttled.RetryAfter);
            logger.LogWarning("{Messenger}: 429 for chat {ChatId}, waiting {RetryAfter}", _name, row.ChatId, throttled.RetryAfter);
        }

        var decided = RetryPolicy.Decide(new SendAttempt(row.Id, row.ChatId, claimed.Attempts, withFile, claimed.CreatedAt) { Message = stored, Thread = sentInto },
            outcome, at, options.GiveUpAfter);
        // A file the other messenger would not hand over never reached the messenger at all: the sender is told that, not a refusal.
        var why = carriedFrom is not null && !asked ? Texts.FileNotCarried(claimed.Subject, carriedFrom, _name) : Texts.MessageRefused(claimed.Subject);
        if (decided is OutboxOutcome.Refused refused && !quiet && Notice(claimed, why, at) is { } notice) decided = refused with { Notice = notice };
        if (decided is OutboxOutcome.Sent sentRow && opensTopic) decided = sentRow with { OpensTopic = true };
        _results.Enqueue(decided);
    }

    /// <summary>
    /// The forum topic a message about a report goes into: the topic kept for that report in this chat, unless the
    /// turn chose the thread itself (an answer stays where it was asked). Only a group has topics.
    /// </summary>
    private async Task<int?> TopicAsync(OutboxCandidate row, ClaimedRow claimed, OutgoingMessage message)
    {
        if (row.ChatKind != ChatKind.Group || claimed.Subject is not { } code || (message.Topic is not null && message is not TopicOpen)) return null;
        return await outbox.TopicAsync(_name, row.ChatId, code, CancellationToken.None);
    }

    /// <summary>
    /// One line to the person whose action sent a refused message elsewhere (a staff member's reply, a report posted
    /// to a staff chat). A broadcast's copies are counted in <c>/broadcasts</c> instead, not told one by one.
    /// </summary>
    private static OutboxMessage? Notice(ClaimedRow claimed, string text, DateTime at)
    {
        if (claimed.BroadcastId is not null || !AccountRef.TryParse(claimed.CausedBy, out var causer)) return null;
        // Group ids are negative on both messengers, a person's private chat has their (positive) user id.
        var kind = causer.Id < 0 ? ChatKind.Group : ChatKind.Private;
        return OutboxWriter.Row(new TextMessage(text)
        {
            To = new ChatAddress(causer.Messenger, causer.Id), ToKind = kind, Priority = OutboxPriority.Interactive,
        }, at);
    }

    /// <summary>
    /// A file of another messenger, downloaded there and uploaded here: null when that messenger will not hand it
    /// over. Photos stay photos; anything else arrives as a document.
    /// </summary>
    private async Task<UploadMessage?> CarryAsync(FileMessage file, string from)
    {
        var source = fileSources?.FirstOrDefault(m => m.Name == from);
        if (source is null || await source.DownloadAsync(file.FileId, FileCarrying.MaxBytes, CancellationToken.None) is not { } bytes) return null;
        var photo = file.Kind == AttachmentKind.Photo;
        return new UploadMessage(photo ? UploadKind.Photo : UploadKind.Document, file.FileName ?? (photo ? "photo.jpg" : "file"),
            "application/octet-stream", file.Caption)
        { Content = bytes, To = file.To, ToKind = file.ToKind, Priority = file.Priority, Topic = file.Topic };
    }

    /// <summary>What the messenger's answer (or its silence) says about the messenger itself.</summary>
    private void Heard(SendOutcome outcome, int step, DateTime at)
    {
        if (outcome is SendOutcome.Transient transient)
        {
            if (_outage.Failed(step, at))
                logger.LogWarning("{Messenger} does not answer ({Error}); messages wait, and it is tried at most once a minute until it answers",
                    _name, transient.Reason);
        }
        else if (_outage.Answered() is { } since)
        {
            logger.LogInformation("{Messenger} answers again after {Outage}; the waiting messages go out", _name, at - since);
        }
    }

    private List<OutboxOutcome> TakeOutcomes()
    {
        var taken = new List<OutboxOutcome>();
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
                // One transaction, as in a look: a sent row and the deletion of its file go together.
                await using (var look = await outbox.BeginLookAsync(CancellationToken.None))
                {
                    await look.RecordAsync(_name, outcomes);
                    await look.CommitAsync();
                }

                Recorded(outcomes);
            }
        }
        catch (Exception e)
        {
            // They stay Sending until this instance is gone; then the claim sweep puts them back to be sent again.
            logger.LogError(e, "{Messenger}: the outcomes of the last sends could not be recorded", _name);
        }
    }

    /// <summary>Once outcomes are stored: rows put back to wait wake the sender when due, and what was given up is logged.</summary>
    private void Recorded(List<OutboxOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
            switch (outcome)
            {
                case OutboxOutcome.RetryAt retry:
                    _retries.Enqueue(retry.NotBefore, retry.NotBefore);
                    break;
                case OutboxOutcome.Failed failed:
                    logger.LogError("{Messenger}: message {Id} given up after {Attempts} attempts: {Error}", _name, failed.Id, failed.Attempts, failed.Error);
                    break;
                case OutboxOutcome.Unreachable unreachable:
                    logger.LogInformation("{Messenger}: chat {ChatId} blocked the bot; no more messages go there", _name, unreachable.ChatId);
                    break;
                case OutboxOutcome.Refused refused:
                    logger.LogWarning("{Messenger}: message {Id} refused: {Error}", _name, refused.Id, refused.Error);
                    if (refused.Notice is { } notice) signal.Wake(notice.Messenger);
                    break;
                case OutboxOutcome.Resent resent:
                    // Sent again at once, in its other form.
                    _retries.Enqueue(resent.At, resent.At);
                    if (resent.TopicGone is { } thread)
                        logger.LogInformation("{Messenger}: forum topic {Thread} is gone (deleted by the chat's staff); its report's messages go to the chat itself",
                            _name, thread);
                    else
                        logger.LogInformation("{Messenger}: message {Id} was refused and goes in another form: {Why}", _name, resent.Id, resent.Why);
                    break;
                case OutboxOutcome.Moved moved:
                    // Sent again at once, to the new id.
                    _retries.Enqueue(moved.At, moved.At);
                    if (_movesWarned.TryAdd(moved.FromChatId, 0))
                        logger.LogWarning(
                            "{Messenger}: chat {FromChatId} was upgraded to a supergroup, now {ToChatId}; its messages go there. Where StaffChats in appsettings.json names {OldRef}, write {NewRef} instead",
                            _name, moved.FromChatId, moved.ToChatId, new ChatAddress(_name, moved.FromChatId), new ChatAddress(_name, moved.ToChatId));
                    break;
            }
    }

    /// <summary>The earlier of <paramref name="wakeAt"/> and the next retry still to come; retries now due are dropped (this look takes them).</summary>
    private DateTime NextRetryOr(DateTime wakeAt, DateTime now)
    {
        while (_retries.TryPeek(out var due, out _) && due <= now) _retries.Dequeue();
        return _retries.TryPeek(out var next, out _) ? Earlier(wakeAt, next) : wakeAt;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
