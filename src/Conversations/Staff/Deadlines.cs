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
/// The secretariat's deadlines, kept on the report (so a restart loses none) and set by the report itself
/// (<see cref="Reports.ReportAggregate"/>): the first answer within <c>FirstAnswerHours</c>, then, while in follow-up,
/// an action at least every <c>FollowUpDays</c>. When one passes, the report's assignee is reminded once (the
/// secretariat's staff while nobody has taken it), and if nothing happens for <c>EscalateAfterHours</c> more working
/// hours (counted like <c>FirstAnswerHours</c>, <see cref="WorkingDays"/>: the clock stops over a day off), the
/// organizers are told, and the secretariat's staff too when only the assignee was reminded. Some days after a report is closed as
/// resolved its reporter is asked whether it really was.
/// </summary>
/// <remarks>
/// What the scheduler writes here (when it reminded, escalated, asked) is its own record of what it sent, not a
/// change to the report: no event, no version. The version is still the report's concurrency token, so a reminder
/// marked on a report that staff changed meanwhile fails the scheduler's turn, and the next turn judges afresh.
/// </remarks>
public static class Deadlines
{
    /// <summary>Reminders, escalations and resolved-checks that are due now, as messages to send.</summary>
    /// <remarks>At night (<see cref="QuietHours"/>) staff and organizers are left alone: what is overdue waits for the morning.</remarks>
    public static async Task<IReadOnlyList<OutgoingMessage>> DueAsync(BotDbContext db, FlowContext context, AccessOptions access, DateTime now, CancellationToken ct)
    {
        var outgoing = new List<OutgoingMessage>();
        // Counting only working hours never brings an escalation earlier than counting clock hours would, so the
        // clock's bound narrows the query without losing a report; the calendar then decides.
        var hours = context.Deadlines.EscalateAfterHours;
        var escalateBefore = now.AddHours(-hours);
        var quiet = QuietHours.IsQuiet(now, context.Deadlines, context.Zone);
        var calendar = WorkingDays.Of(context);
        var overdue = quiet ? [] : (await db.Reports
            .Where(r => r.DueAt != null && r.DueAt <= now && r.Stage != ReportStage.Closed
                        && (r.RemindedAt == null || (r.EscalatedAt == null && r.RemindedAt <= escalateBefore)))
            .ToListAsync(ct))
            .Where(r => r.RemindedAt is not { } reminded || calendar.AddWorkingHours(reminded, hours) <= now)
            .ToList();
        List<(ChatAddress, ChatKind)>? organizers = null;
        foreach (var report in overdue)
        {
            // The same audience as the report's card and notices (ReportAudience).
            var audience = await ReportAudience.ForAsync(db, context, report, ct);
            if (report.RemindedAt is null)
            {
                // The assignee alone, while they still work the secretariat; otherwise (nobody took it, or their role
                // was revoked) the secretariat, so a reminder never goes to someone who no longer works the report.
                if (audience.Assignee is { } assignee) outgoing.Add(Reminder(report, assignee, ChatKind.Private));
                else outgoing.AddRange(audience.Secretariat.Select(c => Reminder(report, c.Chat, c.Kind)));
                report.RemindedAt = now;
            }
            else
            {
                // The assignee was reminded alone; now the secretariat hears of it too.
                if (report.Assignee is not null)
                    outgoing.AddRange(audience.WithoutAssignee.Select(c => Reminder(report, c.Chat, c.Kind)));

                organizers ??= await OrganizerChatsAsync(db, access, ct);
                var name = Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat;
                foreach (var (chat, kind) in organizers)
                    outgoing.Add(new TextMessage(Texts.DeadlineEscalation(NoticeHead.Of(report), name, report.DueKind), ReportView.Button(report.Code), Monospace: [report.Code])
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
            var keyboard = new InlineKeyboard([
                [new InlineButton(Texts.ResolvedYes, Satisfaction.Data(report.Code, true)), new InlineButton(Texts.ResolvedNo, Satisfaction.Data(report.Code, false))],
                .. Reports.ReporterThread.AnswerButton(report.Code).Rows]);
            foreach (var chat in await StaffDirectory.MemberChatsAsync(db, [report.MemberId], ct))
                outgoing.Add(Reports.ReporterThread.About(new TextMessage(Texts.AskResolved(report.Code, name), keyboard, Monospace: [report.Code])
                    { To = chat, ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk }, report.Code));
            report.CheckAskedAt = now;
        }

        return outgoing;
    }

    private static TextMessage Reminder(Report report, ChatAddress chat, ChatKind kind) =>
        NoticeHead.ToStaff(report.Code, Texts.DeadlineReminder(NoticeHead.Of(report), report.DueKind)) with { To = chat, ToKind = kind, Priority = OutboxPriority.Bulk };

    /// <summary>Organizers' private chats; the admins' when no organizer is named, so an escalation always reaches somebody.</summary>
    private static async Task<List<(ChatAddress, ChatKind)>> OrganizerChatsAsync(BotDbContext db, AccessOptions access, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.Role == Role.Organizer).Select(g => g.Who).ToListAsync(ct);
        var accounts = await GrantHolders.AccountsAsync(db, grants, ct);
        if (accounts.Count == 0) accounts = await Admins.AccountsAsync(db, access.Admins, ct);
        return accounts.Select(a => (new ChatAddress(a.Messenger, a.Id), ChatKind.Private)).ToList();
    }
}
