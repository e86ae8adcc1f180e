using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Where a report's card went (<see cref="ReportPost"/>), and keeping every copy current: after each change the card is
/// written again over each copy, so whoever looks at it sees the stage, the assignee and the last action.
/// </summary>
/// <remarks>
/// Only the latest state goes out. While a copy's last row (the card, or its last edit) still waits in the outbox, that
/// row's text is replaced; once it is sent, one edit is queued, as bulk (at the additions' priority when a member's
/// addition changed it), so a busy group is paced like any notice. The
/// message id is learnt from the outbox row once sent. An edit the messenger cannot apply (the message was deleted, or
/// the group moved to a supergroup) sends the card again (<see cref="TextEdit.ResendIfGone"/>), and the next refresh
/// follows the new message. A copy whose card is on its way this very moment (claimed, not yet recorded) is left as it
/// is: the next change writes the whole state again.
/// </remarks>
public static class ReportPosts
{
    /// <summary>
    /// Who gets a report's card (<see cref="ReportAudience"/>): per messenger, the secretariat's staff chats there or, where
    /// it has none there, its staff privately; and the assignee privately.
    /// </summary>
    public static async Task<IReadOnlyList<(ChatAddress Chat, ChatKind Kind)>> AudienceAsync(Turn turn, FlowContext context, Report report, CancellationToken ct) =>
        (await ReportAudience.ForAsync(turn.Db, context, report, ct)).WithAssignee;

    /// <summary>
    /// Sends the card to a chat and, where it may be followed there (<see cref="MayFollowAsync"/>), remembers it there (a
    /// card sent there before is no longer followed).
    /// </summary>
    /// <param name="audience">The chat is one of the report's audience (<see cref="AudienceAsync"/>), which may follow it by construction.</param>
    public static async Task SendAsync(Turn turn, FlowContext context, ReportCard.Facts facts, ChatAddress chat, ChatKind kind, OutboxPriority priority,
        CancellationToken ct, bool audience = false)
    {
        var report = facts.Report;
        turn.Send(chat, kind, ReportCard.Message(facts, chat.Messenger), priority);
        if (!audience && !await MayFollowAsync(turn, context, report.Secretariat, chat, kind, ct)) return;
        if (report.Id == 0) await turn.Db.SaveChangesAsync(ct); // the post's row carries the report's id
        // The card's row is written after this turn: its id is above every id there is now.
        var after = await turn.Db.Outbox.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        var post = turn.Db.ReportPosts.Local.FirstOrDefault(p => p.ReportId == report.Id && p.Messenger == chat.Messenger && p.ChatId == chat.ChatId)
                   ?? await turn.Db.ReportPosts.SingleOrDefaultAsync(p => p.ReportId == report.Id && p.Messenger == chat.Messenger && p.ChatId == chat.ChatId, ct);
        if (post is null)
        {
            turn.Db.ReportPosts.Add(new ReportPost { ReportId = report.Id, Messenger = chat.Messenger, ChatId = chat.ChatId, OutboxRowId = after });
            return;
        }

        (post.MessageId, post.OutboxRowId) = (null, after);
    }

    /// <summary>Whether the report's card is already followed in this chat.</summary>
    public static async Task<bool> HasAsync(Turn turn, Report report, ChatAddress chat, CancellationToken ct) =>
        turn.Db.ReportPosts.Local.Any(p => p.ReportId == report.Id && p.Messenger == chat.Messenger && p.ChatId == chat.ChatId)
        || await turn.Db.ReportPosts.AnyAsync(p => p.ReportId == report.Id && p.Messenger == chat.Messenger && p.ChatId == chat.ChatId, ct);

    /// <summary>
    /// Whether a copy of the report's card in this chat may be kept current: the report's data reaches only those who
    /// may see it now. A private chat while its account works the report's secretariat (its staff, or an admin); a
    /// group while it is that secretariat's staff chat.
    /// </summary>
    public static async Task<bool> MayFollowAsync(Turn turn, FlowContext context, string secretariat, ChatAddress chat, ChatKind kind, CancellationToken ct) =>
        kind == ChatKind.Private
            ? await StaffStanding.WorksAsync(turn.Db, context, new AccountRef(chat.Messenger, chat.ChatId), secretariat, ct)
            : (await StaffChats.SecretariatsOfAsync(turn.Db, context.Assembly, chat, ct)).Contains(secretariat);

    /// <summary>
    /// Writes the report's current card over every copy that may still follow it (<see cref="MayFollowAsync"/>); a copy
    /// that may not is dropped, not edited, so nothing more of the report reaches it.
    /// </summary>
    /// <param name="routedFrom">
    /// The secretariat the report was just routed away from: its copies are written over once with where the report
    /// went, without the member's words, and then dropped.
    /// </param>
    /// <param name="priority">An edit's place in the queue: that of the message it goes with (a member's addition's is lower than bulk).</param>
    public static async Task RefreshAsync(Turn turn, FlowContext context, Report report, CancellationToken ct,
        OutboxPriority priority = OutboxPriority.Bulk, string? routedFrom = null)
    {
        if (report.Id == 0) return;
        var posts = await turn.Db.ReportPosts.Where(p => p.ReportId == report.Id).ToListAsync(ct);
        if (posts.Count == 0) return;
        ForumTopics.AfterChange(turn, report, posts);
        var facts = await ReportCard.ReadAsync(turn.Db, context, report, turn.Now, ct);
        foreach (var post in posts) await RefreshAsync(turn, context, facts, post, posts, priority, routedFrom, ct);
    }

    private static async Task RefreshAsync(Turn turn, FlowContext context, ReportCard.Facts facts, ReportPost post, List<ReportPost> posts,
        OutboxPriority priority, string? routedFrom, CancellationToken ct)
    {
        var code = facts.Report.Code;
        // A group the messenger upgraded: the card's rows moved with it, to the supergroup's id.
        if (await turn.Db.ChatMigrations.AsNoTracking().Where(m => m.Messenger == post.Messenger && m.FromChatId == post.ChatId)
                .Select(m => (long?)m.ToChatId).FirstOrDefaultAsync(ct) is { } moved)
        {
            if (posts.Any(p => p != post && p.Messenger == post.Messenger && p.ChatId == moved))
            {
                turn.Db.ReportPosts.Remove(post);
                return;
            }

            post.ChatId = moved;
        }

        var row = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == post.Messenger && o.ChatId == post.ChatId && o.Id >= post.OutboxRowId && o.Subject == code && o.SubjectAction == ReportCard.Action)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Status, o.SentMessageId, o.ChatKind, o.Payload })
            .FirstOrDefaultAsync(ct);
        var kind = row?.ChatKind ?? (post.ChatId < 0 ? ChatKind.Group : ChatKind.Private);
        var chat = new ChatAddress(post.Messenger, post.ChatId);
        var card = ReportCard.Message(facts, post.Messenger);
        var follows = await MayFollowAsync(turn, context, facts.Report.Secretariat, chat, kind, ct);
        if (!follows)
        {
            turn.Db.ReportPosts.Remove(post);
            await DropWaitingAsync(turn, chat, code, keep: routedFrom is null ? null : row?.Id, ct);
            // Routed away: those who worked it here see where it went, and the member's words leave the chat with it.
            if (routedFrom is null || !await MayFollowAsync(turn, context, routedFrom, chat, kind, ct)) return;
            card = RoutedAway(facts);
        }

        var rewritten = false;
        if (row is not null)
        {
            post.OutboxRowId = row.Id;
            rewritten = row.Status == OutboxStatus.Pending && await RewriteAsync(turn, row.Id, row.Payload, card, ct);
            if (!rewritten && row.SentMessageId is { } sent) post.MessageId = sent;
        }

        if (!rewritten && post.MessageId is { } messageId)
            turn.Send(chat, kind, new TextEdit(messageId, card.Text, card.Keyboard as InlineKeyboard)
            {
                // Where the card is followed, a message deleted meanwhile is sent again; a last word about routing is not worth a new message.
                Monospace = card.Monospace, ResendIfGone = follows, Subject = facts.Report.Code, SubjectAction = ReportCard.Action,
            }, priority);
        if (!follows) ForumTopics.CloseRoutedAway(turn, post, code);
    }

    /// <summary>Why a message about a report was not sent: the chat stopped being one that may read it while it waited.</summary>
    public const string NoLongerAllowed = "chat no longer allowed to see the report";

    /// <summary>
    /// Messages about the report still waiting for a chat that may no longer read it (its files, the member's copied
    /// words, an old card) are not sent: they would reach it after its access ended. The card row being rewritten to
    /// say where the report went is kept. A row a sender holds right now finishes; it was sent while access was current.
    /// </summary>
    private static Task DropWaitingAsync(Turn turn, ChatAddress chat, string code, long? keep, CancellationToken ct) =>
        turn.Db.Outbox.Where(o => o.Messenger == chat.Messenger && o.ChatId == chat.ChatId && o.Subject == code
                && o.Status == OutboxStatus.Pending && o.Id != (keep ?? 0))
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Failed).SetProperty(o => o.LastError, NoLongerAllowed), ct);

    /// <summary>What a copy left behind by routing says instead of the card: the report's code and where it went, nothing of the member's.</summary>
    private static TextMessage RoutedAway(ReportCard.Facts facts) =>
        new(Texts.CardRoutedAway(facts.Report.Code, facts.Secretariat), Monospace: [facts.Report.Code]) { Subject = facts.Report.Code, SubjectAction = ReportCard.Action };

    /// <summary>The card's row still waiting: its text becomes the latest, so only that goes out. False once a sender has claimed it.</summary>
    private static async Task<bool> RewriteAsync(Turn turn, long rowId, string payload, TextMessage card, CancellationToken ct)
    {
        var rewritten = OutgoingJson.Read(payload) switch
        {
            TextEdit edit => OutgoingJson.Write(edit with { Text = card.Text, Keyboard = card.Keyboard as InlineKeyboard, Monospace = card.Monospace }),
            TextMessage message => OutgoingJson.Write(message with { Text = card.Text, Keyboard = card.Keyboard, Monospace = card.Monospace }),
            _ => null,
        };
        return rewritten is not null && await turn.Db.Outbox.Where(o => o.Id == rowId && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Payload, rewritten), ct) == 1;
    }
}
