using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// «مسئله‌های من»: a member's reports, each one's timeline, and the way to add to it; and the reports they follow,
/// seen as a follower: code, topic, county, stage and outcome, nothing the reporter wrote or was written.
/// </summary>
public static class MyReports
{
    public const string ShowPrefix = "mr:";
    public const string AddPrefix = "ma:";

    /// <summary>The events a follower sees: those that change a report's stage or outcome.</summary>
    private static readonly ReportEventKind[] FollowerEvents =
        [ReportEventKind.Created, ReportEventKind.StageChanged, ReportEventKind.Closed, ReportEventKind.Reopened];

    public static async Task ListAsync(Turn turn, Member member, FlowContext context, CancellationToken ct)
    {
        var own = await turn.Db.Reports.AsNoTracking().Where(r => r.MemberId == member.Id)
            .OrderByDescending(r => r.UpdatedAt).Take(20)
            .Select(r => new { r.Code, r.Secretariat, r.Topic, r.Description, r.Stage, r.Outcome, r.UpdatedAt })
            .ToListAsync(ct);
        // A followed report's last change is its last stage or outcome: its UpdatedAt moves with the reporter's messages too.
        var followed = await Followed(turn, member)
            .Select(r => new { r.Code, r.Topic, r.County, r.Stage, r.Outcome, Changed = r.Events.Where(e => FollowerEvents.Contains(e.Kind)).Max(e => (DateTime?)e.At) ?? r.CreatedAt })
            .OrderByDescending(r => r.Changed).Take(20)
            .ToListAsync(ct);
        if (own.Count == 0 && followed.Count == 0)
        {
            turn.Reply(Texts.NoReports, MainMenu.Keyboard);
            return;
        }

        var sections = new List<string>(2);
        if (own.Count > 0)
            sections.Add(Texts.MyReportsHeader + "\n\n" + string.Join('\n', own.Select(r => Texts.MyReportLine(r.Code, SecretariatName(context, r.Secretariat),
                Texts.StageName(r.Stage, r.Outcome), PersianTime.Relative(r.UpdatedAt, turn.Now)))));
        if (followed.Count > 0)
            sections.Add(Texts.FollowedReportsHeader + "\n\n" + string.Join('\n', followed.Select(r => Texts.FollowedReportLine(r.Code, r.Topic, r.County,
                Texts.StageName(r.Stage, r.Outcome), PersianTime.Relative(r.Changed, turn.Now)))));
        var codes = own.Select(r => r.Code).Concat(followed.Select(r => r.Code)).ToList();
        var labels = own.Select(r => MyReportButtons.Own(r.Code, r.Topic, r.Description))
            .Concat(followed.Select(r => MyReportButtons.Followed(r.Code, r.Topic, r.County)));
        var buttons = codes.Zip(labels, (code, label) => (IReadOnlyList<InlineButton>)[new InlineButton(label, ShowPrefix + code)]).ToList();
        turn.Reply(string.Join("\n\n", sections), new InlineKeyboard(buttons), codes);
    }

    /// <summary>
    /// One report: the reporter's view with its history (<see cref="ReportHistory"/>) and the way to add to it, or, for a follower, the follower's
    /// view. Anybody else's is as if it did not exist.
    /// </summary>
    public static async Task ShowAsync(Turn turn, Member member, string code, FlowContext context, CancellationToken ct)
    {
        var report = await turn.Db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code && r.MemberId == member.Id, ct);
        if (report is null)
        {
            await ShowFollowedAsync(turn, member, code, context, ct);
            return;
        }

        await ReportHistory.ShowFirstAsync(turn, report, SecretariatName(context, report.Secretariat), context, ct);
    }

    /// <summary>
    /// A followed report, read column by column and event by event so that nothing of the reporter's (description,
    /// messages, files, name, anonymity) or of what was written to them is even loaded. No button: a follower reads,
    /// only the reporter adds.
    /// </summary>
    private static async Task ShowFollowedAsync(Turn turn, Member member, string code, FlowContext context, CancellationToken ct)
    {
        var report = await Followed(turn, member).Where(r => r.Code == code)
            .Select(r => new { r.Id, r.Code, r.Secretariat, r.Topic, r.County, r.Stage, r.Outcome })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            turn.Reply(Texts.NotYourReport);
            return;
        }

        var events = await turn.Db.ReportEvents.AsNoTracking()
            .Where(e => e.ReportId == report.Id && FollowerEvents.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Kind, e.At, Stage = e.Kind == ReportEventKind.StageChanged ? e.Detail : null })
            .ToListAsync(ct);
        var timeline = events.Select(e => Texts.FollowerEventLine(e.Kind, PersianTime.Date(e.At, context.Zone), e.Stage));
        turn.Reply(Texts.FollowerDetails(report.Code, SecretariatName(context, report.Secretariat), report.Topic, report.County, report.Stage, report.Outcome,
            timeline), monospace: [report.Code]);
    }

    /// <summary>The reports a member follows and did not file; a report of their own is always seen as its reporter.</summary>
    private static IQueryable<Report> Followed(Turn turn, Member member) =>
        turn.Db.Reports.AsNoTracking()
            .Where(r => r.MemberId != member.Id && turn.Db.ReportFollowers.Any(f => f.ReportId == r.Id && f.MemberId == member.Id));

    private static string SecretariatName(FlowContext context, string key) => Routing.Find(context.Assembly, key)?.Name ?? key;
}
