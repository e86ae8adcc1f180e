using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// After <c>/revoke</c>: the reports the person had taken on, of a secretariat they no longer work, have nobody again
/// (<see cref="ReportAggregate.Unassign"/>), or they would stay «taken» by someone who can no longer act, and their
/// reminders would go nowhere useful. Each one's card shows it, and the secretariat hears in one line that it is free
/// (and, when its deadline has passed, that too: its reminder is not given again, and its escalation keeps its time).
/// </summary>
public static class RevokedAssignees
{
    /// <param name="who">The grant's person: an account, or a number (its proven owner's accounts).</param>
    /// <param name="by">The admin who revoked.</param>
    public static async Task FreeAsync(Turn turn, FlowContext context, string who, string by, CancellationToken ct)
    {
        // The revoked grants are read as revoked from here on.
        await turn.Db.SaveChangesAsync(ct);
        var accounts = (await GrantHolders.AccountsAsync(turn.Db, [who], ct)).Select(a => a.ToString()).ToList();
        if (accounts.Count == 0) return;
        var codes = await turn.Db.Reports.AsNoTracking().Where(r => r.Assignee != null && accounts.Contains(r.Assignee))
            .OrderBy(r => r.Id).Select(r => r.Code).ToListAsync(ct);
        foreach (var code in codes)
        {
            if (await ReportAggregate.LoadAsync(turn, context, code, ct) is not { } report
                || !AccountRef.TryParse(report.Report.Assignee, out var assignee)
                || await StaffStanding.WorksAsync(turn.Db, context, assignee, report.Secretariat, ct))
                continue;
            var former = await StaffNames.OfAsync(turn.Db, assignee.ToString(), ct);
            if (!report.Unassign(by)) continue;
            await ReportPosts.RefreshAsync(turn, context, report.Report, ct);
            if (report.Report.Stage == ReportStage.Closed) continue; // nothing left to take on
            var take = new InlineKeyboard([[new InlineButton(Texts.TakeButton, StaffButtons.Data("take", report.Code))]]);
            // The reminder is not given again (the deadline keeps its clock), so a passed one is said here.
            var line = report.Report.RemindedAt is null
                ? Texts.ReportFreed(report.Code, former)
                : Texts.ReportFreedOverdue(report.Code, former, report.Report.DueKind);
            foreach (var (chat, kind) in await ReportAudience.SecretariatAsync(turn.Db, context.Assembly, report.Secretariat, ct))
                turn.Send(chat, kind, new TextMessage(line, take, Monospace: [report.Code]) { Subject = report.Code }, OutboxPriority.Bulk);
        }
    }
}
