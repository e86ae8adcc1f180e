using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assembly.Storage.Outbox;

/// <summary>One look of a sender, in one write transaction (<see cref="IOutboxLook"/>).</summary>
internal sealed class OutboxLook(WriteGate.WriteSession write, IDbContextTransaction tx, OutboxStatements sql) : IOutboxLook
{
    /// <summary>The longest error text kept on a row; the column holds a little more.</summary>
    private const int ErrorLength = 500;

    private BotDbContext Db => write.Db;

    public async Task<IReadOnlyList<OutboxCandidate>> CandidatesAsync(string messenger, OutboxPriority highest, int limit, DateTime now) =>
        await RawSql.QueryAsync(Db, sql.Candidates, [messenger, (int)OutboxStatus.Pending, (int)OutboxStatus.Sending, (int)highest, limit, now],
            r => new OutboxCandidate(r.GetInt64(0), r.GetInt64(1), (ChatKind)r.GetInt32(2), (OutboxPriority)r.GetInt32(3),
                DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc)));

    public async Task<IReadOnlySet<long>> UnreachableChatsAsync(string messenger, IReadOnlyCollection<long> chats) =>
        await Db.Chats.AsNoTracking()
            .Where(c => c.Messenger == messenger && chats.Contains(c.ChatId) && c.UnreachableSince != null)
            .Select(c => c.ChatId)
            .ToHashSetAsync();

    public async Task SettleUnreachableAsync(IReadOnlyCollection<long> ids, DateTime now)
    {
        if (ids.Count == 0) return;
        await Db.Outbox.Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Unreachable)
                .SetProperty(o => o.LastError, "chat unreachable (blocked the bot)")
                .SetProperty(o => o.ClaimedAt, now));
    }

    public async Task<IReadOnlyList<ClaimedRow>> ClaimAsync(IReadOnlyCollection<long> ids, string claimedBy, DateTime now)
    {
        var claimed = new List<ClaimedRow>();
        foreach (var chunk in ids.Chunk(sql.RowsPerStatement(ids.Count)))
            claimed.AddRange(await RawSql.QueryAsync(Db, OutboxStatements.Claim(chunk.Length),
                [(int)OutboxStatus.Sending, now, claimedBy, (int)OutboxStatus.Pending, .. chunk.Select(id => (object)id)],
                r => new ClaimedRow(r.GetInt64(0), r.GetString(1), r.GetInt32(2), DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt32(6))));
        return claimed;
    }

    public async Task RecordAsync(string messenger, IReadOnlyList<OutboxOutcome> outcomes)
    {
        if (outcomes.Count == 0) return;
        await RecordSentAsync(outcomes.OfType<OutboxOutcome.Sent>().ToList());
        var others = outcomes.Where(o => o is not OutboxOutcome.Sent).ToList();
        if (others.Count == 0) return;
        var ids = others.Select(o => o.Id).ToList();
        var rows = await Db.Outbox.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var blocked = new List<(long ChatId, DateTime At)>();
        var moves = new List<OutboxOutcome.Moved>();
        var resents = new List<OutboxOutcome.Resent>();
        var topicsGone = new List<(long ChatId, int Thread)>();
        foreach (var outcome in others)
        {
            if (!rows.TryGetValue(outcome.Id, out var row)) continue;
            switch (outcome)
            {
                case OutboxOutcome.RetryAt retry:
                    row.Status = OutboxStatus.Pending;
                    row.NotBefore = retry.NotBefore;
                    row.Attempts = retry.Attempts;
                    row.LastError = Trim(retry.Error);
                    break;
                case OutboxOutcome.Failed failed:
                    row.Status = OutboxStatus.Failed;
                    row.Attempts = failed.Attempts;
                    row.LastError = Trim(failed.Error);
                    break;
                case OutboxOutcome.Refused refused:
                    row.Status = OutboxStatus.Refused;
                    row.Attempts = refused.Attempts;
                    row.LastError = Trim(refused.Error);
                    if (refused.Notice is { } notice) Db.Outbox.Add(notice);
                    break;
                case OutboxOutcome.Moved moved:
                    moves.Add(moved);
                    break;
                case OutboxOutcome.Resent resent:
                    if (resent.TopicGone is { } thread) topicsGone.Add((row.ChatId, thread));
                    if (await StillReadsAsync(messenger, row))
                    {
                        resents.Add(resent);
                    }
                    else
                    {
                        row.Status = OutboxStatus.Failed;
                        row.LastError = Trim($"{resent.Why}; not sent again: the chat no longer reads the report");
                    }

                    break;
                case OutboxOutcome.Unreachable unreachable:
                    row.Status = OutboxStatus.Unreachable;
                    row.Attempts = unreachable.Attempts;
                    row.LastError = Trim(unreachable.Error);
                    blocked.Add((unreachable.ChatId, unreachable.At));
                    break;
            }
        }

        foreach (var (chatId, at) in blocked)
        {
            var chat = await Db.Chats.FindAsync(messenger, chatId);
            if (chat is null)
                Db.Chats.Add(chat = new ChatRecord { Messenger = messenger, ChatId = chatId, FirstSeenAt = at, LastSeenAt = at });
            chat.UnreachableSince ??= at;
        }

        await Db.SaveChangesAsync();
        foreach (var moved in moves) await MoveAsync(messenger, moved);
        foreach (var resent in resents) await ResendAsync(resent);
        foreach (var (chatId, thread) in topicsGone.Distinct()) await ForgetTopicAsync(messenger, chatId, thread);
    }

    /// <summary>
    /// The row in its other form, pending again at once with its id, so in its place in its chat's order. A stand-in
    /// is the staff's own post, so nobody who caused the first form is told if it is refused too.
    /// </summary>
    private Task ResendAsync(OutboxOutcome.Resent resent)
    {
        var why = Trim(resent.Why);
        return Db.Outbox.Where(o => o.Id == resent.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, resent.Payload).SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NotBefore, resent.At).SetProperty(o => o.LastError, why)
                .SetProperty(o => o.CausedBy, o => resent.StandIn ? null : o.CausedBy));
    }

    /// <summary>
    /// Whether a message about a report may still go to its chat in another form: a row a sender held while the report
    /// was routed away finishes as it was sent, but is not sent again to a chat that no longer reads the report (whose
    /// post the routing removed). Private chats and messages about no report go again as they are.
    /// </summary>
    private async Task<bool> StillReadsAsync(string messenger, OutboxMessage row) =>
        row.Subject is not { } code || row.ChatKind != ChatKind.Group
        || await Db.ReportPosts.AnyAsync(p => p.Messenger == messenger && p.ChatId == row.ChatId
            && Db.Reports.Any(r => r.Id == p.ReportId && r.Code == code));

    /// <summary>
    /// A forum topic that is gone (staff deleted it) is no report's topic in that chat any more: what is sent about the
    /// report there next goes to the chat itself, found by the sender when it asks for the topic just before the send.
    /// </summary>
    private Task ForgetTopicAsync(string messenger, long chatId, int thread) =>
        Db.ReportPosts.Where(p => p.Messenger == messenger && p.ChatId == chatId && p.ThreadId == thread)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ThreadId, (int?)null));

    /// <summary>
    /// A chat that moved: the row goes again at once to the new id, as do the chat's other waiting rows, and the move
    /// is remembered (<see cref="ChatMigration"/>) so what is written for the old id later finds the new one.
    /// </summary>
    private async Task MoveAsync(string messenger, OutboxOutcome.Moved moved)
    {
        await Db.Outbox.Where(o => o.Id == moved.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ChatId, moved.ToChatId).SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NotBefore, moved.At).SetProperty(o => o.LastError, $"moved from chat {moved.FromChatId}"));
        await Db.Outbox.Where(o => o.Messenger == messenger && o.ChatId == moved.FromChatId && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ChatId, moved.ToChatId));
        var known = await Db.ChatMigrations.FindAsync(messenger, moved.FromChatId);
        if (known is null)
            Db.ChatMigrations.Add(new ChatMigration { Messenger = messenger, FromChatId = moved.FromChatId, ToChatId = moved.ToChatId, MigratedAt = moved.At });
        else
        {
            known.ToChatId = moved.ToChatId;
            known.MigratedAt = moved.At;
        }

        await Db.SaveChangesAsync();
    }

    /// <summary>
    /// On PostgreSQL one statement for the whole look; on SQLite one prepared statement run per row. A file the bot
    /// made (an export with members' names, a chart) is kept only until it reached its chat, and goes in the same
    /// transaction that records the row as sent. Retention keeps the row without its file.
    /// </summary>
    private async Task RecordSentAsync(List<OutboxOutcome.Sent> sent)
    {
        if (sent.Count == 0) return;
        foreach (var chunk in sent.Chunk(sql.RowsPerStatement(sent.Count)))
        {
            var (text, values) = OutboxStatements.Sent(chunk);
            await RawSql.ExecuteAsync(Db, text, values);
        }

        foreach (var opened in sent.Where(r => r is { OpensTopic: true, MessageId: not null }))
            await KeepTopicAsync(opened.Id, checked((int)opened.MessageId!.Value));

        var files = sent.Where(r => r.WithFile).Select(r => r.Id).ToList();
        if (files.Count > 0) await Db.OutboxFiles.Where(f => files.Contains(f.OutboxMessageId)).ExecuteDeleteAsync();
    }

    /// <summary>
    /// The topic a row opened becomes its report's topic in that chat; only once: a topic kept already stays (the
    /// sender does not open a second one while it is there).
    /// </summary>
    private async Task KeepTopicAsync(long rowId, int thread)
    {
        var row = await Db.Outbox.AsNoTracking().Where(o => o.Id == rowId).Select(o => new { o.Messenger, o.ChatId, o.Subject }).SingleOrDefaultAsync();
        if (row?.Subject is not { } code) return;
        await Db.ReportPosts
            .Where(p => p.Messenger == row.Messenger && p.ChatId == row.ChatId && p.ThreadId == null && Db.Reports.Any(r => r.Id == p.ReportId && r.Code == code))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ThreadId, thread));
    }

    public Task CommitAsync() => tx.CommitAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await tx.DisposeAsync();
        await write.DisposeAsync();
    }

    private static string Trim(string text) => text.Length <= ErrorLength ? text : text[..ErrorLength];
}
