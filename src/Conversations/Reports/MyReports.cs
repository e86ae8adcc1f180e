using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>«مسئله‌های من»: a member's reports, each one's timeline, and the way to add to it.</summary>
public static class MyReports
{
    public const string ShowPrefix = "mr:";
    public const string AddPrefix = "ma:";

    public static async Task ListAsync(Turn turn, Member member, FlowContext context, CancellationToken ct)
    {
        var reports = await Visible(turn, member)
            .OrderByDescending(r => r.UpdatedAt).Take(20)
            .Select(r => new { r.Code, r.Secretariat, r.Stage, r.Outcome, r.UpdatedAt })
            .ToListAsync(ct);
        if (reports.Count == 0)
        {
            turn.Reply(Texts.NoReports, MainMenu.Keyboard);
            return;
        }

        var lines = reports.Select(r => Texts.MyReportLine(r.Code, SecretariatName(context, r.Secretariat),
            Texts.StageName(r.Stage, r.Outcome), PersianTime.Relative(r.UpdatedAt, turn.Now)));
        var buttons = reports.Select(r => (IReadOnlyList<InlineButton>)[new InlineButton(r.Code, ShowPrefix + r.Code)]).ToList();
        turn.Reply(Texts.MyReportsHeader + "\n\n" + string.Join('\n', lines), new InlineKeyboard(buttons), reports.Select(r => r.Code).ToList());
    }

    /// <summary>One report of this member's, with its timeline; anybody else's is as if it did not exist.</summary>
    public static async Task ShowAsync(Turn turn, Member member, string code, FlowContext context, CancellationToken ct)
    {
        var report = await Visible(turn, member).Include(r => r.Events).SingleOrDefaultAsync(r => r.Code == code, ct);
        if (report is null)
        {
            turn.Reply(Texts.NotYourReport);
            return;
        }

        var timeline = report.Events.OrderBy(e => e.At).Select(e => Texts.EventLine(e.Kind, PersianTime.Date(e.At, context.Zone), e.Text));
        // Only the reporter adds to a report; a follower reads it.
        var keyboard = report.MemberId == member.Id ? new InlineKeyboard([[new InlineButton(Texts.AddToReport, AddPrefix + report.Code)]]) : null;
        turn.Reply(Texts.ReportDetails(report.Code, SecretariatName(context, report.Secretariat), Texts.StageName(report.Stage, report.Outcome),
            report.Description, timeline), keyboard, [report.Code]);
    }

    /// <summary>A member's own reports and those they follow; nobody else's.</summary>
    private static IQueryable<Report> Visible(Turn turn, Member member) =>
        turn.Db.Reports.AsNoTracking()
            .Where(r => r.MemberId == member.Id || turn.Db.ReportFollowers.Any(f => f.ReportId == r.Id && f.MemberId == member.Id));

    private static string SecretariatName(FlowContext context, string key) => Routing.Find(context.Assembly, key)?.Name ?? key;
}
