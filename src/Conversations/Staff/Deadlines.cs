using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The secretariat's deadlines, kept on the report (so a restart loses none): the first answer within
/// <c>FirstAnswerHours</c>, then, while in follow-up, an action at least every <c>FollowUpDays</c>. When one
/// passes, the secretariat's staff are reminded once, and if nothing happens for <c>EscalateAfterHours</c>
/// more, the organizers are told. Some days after a report is closed as resolved its reporter is asked
/// whether it really was.
/// </summary>
public static class Deadlines
{
    public static void Set(Report report, DeadlineKind kind, DateTime? due)
    {
        report.DueKind = kind;
        report.DueAt = due;
        report.RemindedAt = null;
        report.EscalatedAt = null;
    }

    public static void FirstAnswer(Report report, SecretariatOptions secretariat, DateTime now) =>
        Set(report, DeadlineKind.FirstAnswer, now.AddHours(secretariat.FirstAnswerHours));

    public static void NextFollowUp(Report report, SecretariatOptions secretariat, DateTime now) =>
        Set(report, DeadlineKind.FollowUp, now.AddDays(secretariat.FollowUpDays));

    /// <summary>Reminders, escalations and resolved-checks that are due now, as messages to send.</summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> DueAsync(BotDbContext db, FlowContext context, AccessOptions access, DateTime now, CancellationToken ct)
    {
        var outgoing = new List<OutgoingMessage>();
        var escalateBefore = now.AddHours(-context.Deadlines.EscalateAfterHours);
        var overdue = await db.Reports
            .Where(r => r.DueAt != null && r.DueAt <= now && r.Stage != ReportStage.Closed
                        && (r.RemindedAt == null || (r.EscalatedAt == null && r.RemindedAt <= escalateBefore)))
            .ToListAsync(ct);
        List<(ChatAddress, ChatKind)>? organizers = null;
        foreach (var report in overdue)
        {
            if (report.RemindedAt is null)
            {
                foreach (var (chat, kind) in await StaffDirectory.ChatsAsync(db, context.Assembly, report.Secretariat, ct))
                    outgoing.Add(new TextMessage(Texts.DeadlineReminder(report.Code, report.DueKind), StaffButtons.Actions(report.Code), Monospace: [report.Code])
                        { To = chat, ToKind = kind, Priority = OutboxPriority.Bulk, Subject = report.Code, SubjectAction = StaffNotices.PostAction });
                report.RemindedAt = now;
            }
            else
            {
                organizers ??= await OrganizerChatsAsync(db, access, ct);
                var name = Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat;
                foreach (var (chat, kind) in organizers)
                    outgoing.Add(new TextMessage(Texts.DeadlineEscalation(report.Code, name, report.DueKind), Monospace: [report.Code])
                        { To = chat, ToKind = kind, Priority = OutboxPriority.Bulk, Subject = report.Code });
                report.EscalatedAt = now;
            }
        }

        var toCheck = await db.Reports
            .Where(r => r.CheckAt != null && r.CheckAt <= now && r.CheckAskedAt == null && r.Stage == ReportStage.Closed && r.Outcome == ReportOutcome.Resolved)
            .ToListAsync(ct);
        foreach (var report in toCheck)
        {
            var name = Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat;
            var keyboard = new InlineKeyboard([[new InlineButton(Texts.ResolvedYes, Satisfaction.Data(report.Code, true)), new InlineButton(Texts.ResolvedNo, Satisfaction.Data(report.Code, false))]]);
            foreach (var chat in await StaffDirectory.MemberChatsAsync(db, [report.MemberId], ct))
                outgoing.Add(new TextMessage(Texts.AskResolved(report.Code, name), keyboard, Monospace: [report.Code])
                    { To = chat, ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk, Subject = report.Code });
            report.CheckAskedAt = now;
        }

        return outgoing;
    }

    /// <summary>Organizers' private chats; the admins' when no organizer is named, so an escalation always reaches somebody.</summary>
    private static async Task<List<(ChatAddress, ChatKind)>> OrganizerChatsAsync(BotDbContext db, AccessOptions access, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.Role == Role.Organizer).Select(g => g.Who).ToListAsync(ct);
        var accounts = await GrantHolders.AccountsAsync(db, grants, ct);
        if (accounts.Count == 0) accounts = await Admins.AccountsAsync(db, access.Admins, ct);
        return accounts.Select(a => (new ChatAddress(a.Messenger, a.Id), ChatKind.Private)).ToList();
    }
}

/// <summary>The reporter's answer to «was it really resolved?»: «no» reopens the report in follow-up and tells the staff.</summary>
public static class Satisfaction
{
    public const string Prefix = "sat:";

    public static string Data(string code, bool resolved) => $"{Prefix}{code}:{(resolved ? "yes" : "no")}";

    public static async Task AnswerAsync(Turn turn, Member member, string data, FlowContext context, CancellationToken ct)
    {
        var parts = data[Prefix.Length..].Split(':');
        var report = parts.Length == 2 ? await turn.Db.Reports.Include(r => r.Events).SingleOrDefaultAsync(r => r.Code == parts[0] && r.MemberId == member.Id, ct) : null;
        if (report is null)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        if (report.ConfirmedResolved is not null || report.Stage != ReportStage.Closed)
        {
            turn.AnswerButton(Texts.AlreadyAnswered);
            return;
        }

        turn.AnswerButton();
        report.Version++;
        report.UpdatedAt = turn.Now;
        if (parts[1] == "yes")
        {
            report.ConfirmedResolved = true;
            turn.Reply(Texts.ThanksResolved);
            return;
        }

        report.ConfirmedResolved = false;
        report.Stage = ReportStage.FollowUp;
        report.Outcome = null;
        report.Events.Add(new ReportEvent { Kind = ReportEventKind.Reopened, At = turn.Now, Actor = "member", Text = Texts.ResolvedNo });
        Deadlines.NextFollowUp(report, Routing.Find(context.Assembly, report.Secretariat)!, turn.Now);
        turn.Reply(Texts.Reopened(report.Code), monospace: [report.Code]);
        await StaffNotices.ToFollowersAsync(turn, report, Texts.ToFollowerReopened(report.Code), ct);
        foreach (var (chat, kind) in await StaffDirectory.ChatsAsync(turn.Db, context.Assembly, report.Secretariat, ct))
            turn.Send(chat, kind, new TextMessage(Texts.ToStaffReopened(report.Code), StaffButtons.Actions(report.Code), Monospace: [report.Code])
                { Subject = report.Code, SubjectAction = StaffNotices.PostAction }, OutboxPriority.Bulk);
    }
}
