using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// A report's history as its reporter reads it: every event meant for them, in plain Persian, newest first, a page
/// at a time with a button for older ones. Internal notes are never read, and no event says who on the staff acted:
/// the secretariat speaks as one.
/// </summary>
public static class ReportHistory
{
    /// <summary>The «رویدادهای پیشین» button: <c>mo:CODE:ID</c>, the events of the report older than event ID.</summary>
    public const string OlderPrefix = "mo:";

    /// <summary>Enough to read on a phone's screen or two; a page is cut shorter when its text would not fit one message.</summary>
    public const int EventsPerPage = 8;

    /// <summary>The description is the member's own words; the history quotes its start so the events keep their room.</summary>
    public const int DescriptionShown = 500;

    /// <summary>The events written for the reporter; a note is the secretariat's alone.</summary>
    private static readonly ReportEventKind[] ReporterEvents =
    [
        ReportEventKind.Created, ReportEventKind.MemberMessage, ReportEventKind.MemberAttachment, ReportEventKind.Followed,
        ReportEventKind.Replied, ReportEventKind.StageChanged, ReportEventKind.Routed, ReportEventKind.FollowUp,
        ReportEventKind.Closed, ReportEventKind.Reopened, ReportEventKind.ConfirmedResolved,
    ];

    /// <summary>The newest page, under the report's heading, with the way to add to it.</summary>
    public static async Task ShowFirstAsync(Turn turn, Report report, string secretariat, FlowContext context, CancellationToken ct)
    {
        var header = Texts.HistoryHeader(report.Code, secretariat, report.Stage, report.Outcome, MessageLimits.Cut(report.Description, DescriptionShown));
        var page = await PageAsync(turn, report.Id, header, before: null, context, ct);
        var rows = new List<IReadOnlyList<InlineButton>> { new[] { new InlineButton(Texts.AddToReport, MyReports.AddPrefix + report.Code) } };
        if (page.Older is { } older) rows.Add([OlderButton(report.Code, older)]);
        turn.Reply(page.Text, new InlineKeyboard(rows), [report.Code]);
    }

    /// <summary>
    /// The page before event <paramref name="data"/> names, for the button's press. A button that is not for one of
    /// the member's own reports, or names no older events, is refused like any stale button.
    /// </summary>
    public static async Task ShowOlderAsync(Turn turn, Member member, string data, FlowContext context, CancellationToken ct)
    {
        var parts = data.Split(':');
        long before = 0;
        var report = parts.Length == 2 && long.TryParse(parts[1], out before)
            ? await turn.Db.Reports.AsNoTracking().Where(r => r.Code == parts[0] && r.MemberId == member.Id).Select(r => new { r.Id, r.Code }).SingleOrDefaultAsync(ct)
            : null;
        if (report is null || !await turn.Db.ReportEvents.AnyAsync(e => e.ReportId == report.Id && e.Id < before && ReporterEvents.Contains(e.Kind), ct))
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        turn.AnswerButton();
        var page = await PageAsync(turn, report.Id, Texts.HistoryOlderHeader(report.Code), before, context, ct);
        turn.Reply(page.Text, page.Older is { } older ? new InlineKeyboard([[OlderButton(report.Code, older)]]) : null, [report.Code]);
    }

    private static InlineButton OlderButton(string code, long before) => new(Texts.OlderEventsButton, $"{OlderPrefix}{code}:{before}");

    /// <summary>
    /// The heading and as many events before <paramref name="before"/> as fit one message, newest first; Older is the
    /// oldest event shown when there are more behind it.
    /// </summary>
    private static async Task<(string Text, long? Older)> PageAsync(Turn turn, int reportId, string header, long? before, FlowContext context, CancellationToken ct)
    {
        var events = await turn.Db.ReportEvents.AsNoTracking()
            .Where(e => e.ReportId == reportId && ReporterEvents.Contains(e.Kind) && (before == null || e.Id < before))
            .OrderByDescending(e => e.Id).Take(EventsPerPage + 1)
            .ToListAsync(ct);
        var text = new System.Text.StringBuilder(header);
        var room = PrivateChat.MaxTextLength - header.Length;
        var shown = 0;
        foreach (var e in events.Take(EventsPerPage))
        {
            var entry = "\n\n" + Texts.HistoryEntry(PersianTime.LongDate(e.At, context.Zone), Describe(e, context));
            // Only an entry longer than a whole page is cut; any other waits for the next page.
            if (entry.Length > room && shown > 0) break;
            text.Append(MessageLimits.Cut(entry, room));
            room -= Math.Min(entry.Length, room);
            shown++;
        }

        var more = events.Count > shown;
        return (text.ToString(), more ? events[shown - 1].Id : null);
    }

    private static string Describe(ReportEvent e, FlowContext context) => e.Kind switch
    {
        ReportEventKind.Created => Texts.HistoryCreated,
        ReportEventKind.MemberMessage => Texts.HistoryYourMessage(e.Text),
        ReportEventKind.MemberAttachment => Texts.HistoryYourFile(e.Text),
        ReportEventKind.Followed => Texts.HistoryFollowed,
        ReportEventKind.Replied => Texts.HistoryReplied(e.Text),
        ReportEventKind.StageChanged => StageOf(e.Detail) is { } stage ? Texts.HistoryStage(stage) : Texts.HistoryStageUnknown(e.Detail),
        // Written as «from ← to» with the secretariats' names.
        ReportEventKind.Routed => Texts.HistoryRouted((e.Detail ?? "").Split('←')[^1].Trim()),
        ReportEventKind.FollowUp => Texts.HistoryFollowUp(e.Text, SolarDate.TryParse(e.Detail, out var next) ? PersianTime.Day(next) : e.Detail),
        ReportEventKind.Closed => Texts.HistoryClosed(e.Detail ?? "", e.Text),
        ReportEventKind.Reopened => e.Actor == ReportAggregate.MemberActor ? Texts.HistoryReopenedByYou : Texts.HistoryReopened,
        ReportEventKind.ConfirmedResolved => Texts.HistoryConfirmed,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Not an event shown to the reporter."),
    };

    /// <summary>A stage change keeps the stage's name (<see cref="Texts.StageLabel"/>).</summary>
    private static ReportStage? StageOf(string? label) =>
        new[] { ReportStage.Identification, ReportStage.Solution, ReportStage.FollowUp }.Cast<ReportStage?>().FirstOrDefault(s => Texts.StageLabel(s!.Value) == label);
}
