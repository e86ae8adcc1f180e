using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Assembly.Storage.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Members;

/// <summary>
/// Forgetting a member: who they are goes, what they reported stays for the secretariat's work and the statistics,
/// anonymous. Afterwards their accounts are strangers to the bot: <c>/start</c> registers them as a new member, and
/// their old reports are not linked to the new one.
/// </summary>
public static class Forgetting
{
    /// <summary>What an outbox row left unsent because its recipient was forgotten says, for whoever reads the table.</summary>
    public const string UnsentReason = "recipient forgotten";

    /// <summary>Forgets <paramref name="member"/>, in the caller's transaction (the update's).</summary>
    public static async Task ForgetAsync(BotDbContext db, Member member, DateTime now, CancellationToken ct)
    {
        var accounts = await db.Accounts.Where(a => a.MemberId == member.Id).ToListAsync(ct);
        foreach (var account in accounts)
        {
            // Through the change tracker: the chat's rows may be the very ones this update is standing on.
            if (await db.Conversations.FindAsync([account.Messenger, account.ChatId], ct) is { } conversation)
                // Emptied, not deleted: a chat's row keeps its step, so that a button from before can never match a
                // step of the conversations this chat has next (a new row would count from zero again).
                PrivateChat.End(conversation, keepDraft: false);
            if (await db.Chats.FindAsync([account.Messenger, account.ChatId], ct) is { } chat)
                (chat.Title, chat.Username) = (null, null);
            await ForgetMessagesToAsync(db, account.Messenger, account.ChatId, ct);
        }

        await ForgetPostsAboutAsync(db, member.Id, ct);
        db.Accounts.RemoveRange(accounts);
        await db.ReportFollowers.Where(f => f.MemberId == member.Id).ExecuteDeleteAsync(ct);
        // An answer to a session is one row per member and session: the link to them is the row itself.
        await db.Rsvps.Where(r => r.MemberId == member.Id).ExecuteDeleteAsync(ct);
        // Every place a reporter is shown (staff posts, /show, exports) already says «ناشناس» for an anonymous report.
        await db.Reports.Where(r => r.MemberId == member.Id && !r.Anonymous)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Anonymous, true).SetProperty(r => r.Version, r => r.Version + 1), ct);

        member.Name = "";
        member.Phone = null;
        member.PhoneVerified = false;
        member.County = "";
        member.WorkingGroup = null;
        member.ForgottenAt = now;
    }

    /// <summary>
    /// The outbox rows of one of their chats lose their text (it greeted them by name, repeated their number). Rows still
    /// waiting are not sent: they were written for a member who is gone, and would reach a chat that was just told the
    /// bot no longer knows it, about reports it no longer follows. A row being sent right now finishes: its sender read
    /// the text when it claimed the row, so emptying it here changes nothing on the wire.
    /// </summary>
    private static async Task ForgetMessagesToAsync(BotDbContext db, string messenger, long chatId, CancellationToken ct)
    {
        var rows = db.Outbox.Where(o => o.Messenger == messenger && o.ChatId == chatId);
        await rows.Where(o => o.Status == OutboxStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatus.Failed)
            .SetProperty(o => o.LastError, UnsentReason), ct);
        var ids = await rows.Where(o => o.Payload != OutgoingJson.Emptied).Select(o => o.Id).ToListAsync(ct);
        await OutboxRetention.EmptyAsync(db, ids, OutgoingJson.Emptied, ct);
        // Which report a message to this chat was about would tie the now anonymous reports back to the account.
        await rows.Where(o => o.Subject != null).ExecuteUpdateAsync(s => s.SetProperty(o => o.Subject, (string?)null).SetProperty(o => o.SubjectAction, (string?)null), ct);
    }

    /// <summary>
    /// The staff posts of their reports named them: those lose their text too, keeping the report they are about, so
    /// that a staff member's reply to an old post still finds its report.
    /// </summary>
    private static async Task ForgetPostsAboutAsync(BotDbContext db, int memberId, CancellationToken ct)
    {
        var codes = await db.Reports.Where(r => r.MemberId == memberId).Select(r => r.Code).ToListAsync(ct);
        if (codes.Count == 0) return;
        var ids = await db.Outbox.Where(o => o.Subject != null && codes.Contains(o.Subject) && o.Payload != OutgoingJson.Emptied)
            .Select(o => o.Id).ToListAsync(ct);
        await OutboxRetention.EmptyAsync(db, ids, OutgoingJson.Emptied, ct);
    }
}
