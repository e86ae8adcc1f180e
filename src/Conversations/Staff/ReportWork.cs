using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// What staff do to a report. Each step is kept as an event with who and when, raises the report's version
/// (so two staff acting at once cannot both win), and reaches the reporter signed by the secretariat. Those who
/// follow the report hear of its stage changes and outcome only: replies, follow-up texts, routing and the staff's
/// reason for an outcome are written to the reporter alone.
/// Authorisation happened before any of these is called (see <see cref="StaffDesk"/>).
/// </summary>
public sealed class ReportWork(Turn turn, Actor actor, FlowContext context)
{
    private string SecretariatName(string key) => Routing.Find(context.Assembly, key)?.Name ?? key;

    private SecretariatOptions Secretariat(Report report) => Routing.Find(context.Assembly, report.Secretariat)!;

    public async Task ReplyAsync(Report report, string text, CancellationToken ct)
    {
        Record(report, ReportEventKind.Replied, text);
        if (report.DueKind == DeadlineKind.FirstAnswer) Deadlines.Set(report, DeadlineKind.FirstAnswer, null); // answered
        await StaffNotices.ToReporterAsync(turn, report, Texts.ToReporterReply(report.Code, SecretariatName(report.Secretariat), text), ct);
        Done(report, Texts.DoneReplied);
    }

    public void Note(Report report, string text)
    {
        Record(report, ReportEventKind.Note, text);
        Done(report, Texts.DoneNoted);
    }

    public async Task StageAsync(Report report, ReportStage stage, CancellationToken ct)
    {
        if (report.Stage == stage) { turn.Reply(Texts.SameStage(stage)); return; }
        if (report.Stage == ReportStage.Closed)
        {
            // Staff judge: a closed report may be taken up again at any stage.
            report.Outcome = null;
            report.CheckAt = null;
            Record(report, ReportEventKind.Reopened, null);
        }

        report.Stage = stage;
        if (stage == ReportStage.FollowUp) Deadlines.NextFollowUp(report, Secretariat(report), turn.Now);
        else if (report.DueKind == DeadlineKind.FollowUp) Deadlines.Set(report, DeadlineKind.FollowUp, null);
        Record(report, ReportEventKind.StageChanged, null, Texts.StageLabel(stage));
        await StaffNotices.ToReporterAsync(turn, report, Texts.ToReporterStage(report.Code, SecretariatName(report.Secretariat), stage), ct);
        await StaffNotices.ToFollowersAsync(turn, report, Texts.ToFollowerStage(report.Code, SecretariatName(report.Secretariat), stage), ct);
        Done(report, Texts.DoneStage(stage));
    }

    public async Task RouteAsync(Report report, string key, CancellationToken ct)
    {
        if (report.Secretariat == key) { turn.Reply(Texts.SameSecretariat); return; }
        var from = report.Secretariat;
        report.Secretariat = key;
        // The new secretariat gets its own time for a first answer if none was given yet.
        if (report is { DueKind: DeadlineKind.FirstAnswer, DueAt: not null }) Deadlines.FirstAnswer(report, Secretariat(report), turn.Now);
        Record(report, ReportEventKind.Routed, null, $"{SecretariatName(from)} ← {SecretariatName(key)}");
        await StaffNotices.ToReporterAsync(turn, report, Texts.ToReporterRouted(report.Code, SecretariatName(from), SecretariatName(key)), ct);
        var reporter = await turn.Db.Members.SingleAsync(m => m.Id == report.MemberId, ct);
        await turn.Db.Entry(report).Collection(r => r.Attachments).LoadAsync(ct);
        await StaffNotices.PostReportAsync(turn, report, reporter, context, ct);
        Done(report, Texts.DoneRouted(SecretariatName(key)));
    }

    public async Task CloseAsync(Report report, ReportOutcome outcome, string? original, string? text, CancellationToken ct)
    {
        report.Stage = ReportStage.Closed;
        report.Outcome = outcome;
        Deadlines.Set(report, report.DueKind, null);
        report.CheckAt = outcome == ReportOutcome.Resolved ? turn.Now.AddDays(context.Deadlines.ResolvedCheckDays) : null;
        Record(report, ReportEventKind.Closed, text, Texts.OutcomeLabel(outcome) + (original is null ? "" : $" ({original})"));
        await StaffNotices.ToReporterAsync(turn, report,
            Texts.ToReporterClosed(report.Code, SecretariatName(report.Secretariat), outcome, text, original), ct);
        // The outcome without the staff's words to the reporter.
        await StaffNotices.ToFollowersAsync(turn, report, Texts.ToFollowerClosed(report.Code, SecretariatName(report.Secretariat), outcome), ct);
        Done(report, Texts.DoneClosed(outcome));
    }

    public async Task FollowUpAsync(Report report, DateTime next, string text, CancellationToken ct)
    {
        var date = SolarDate.Format(next);
        Record(report, ReportEventKind.FollowUp, text, date);
        // Due at the start of that day, Tehran time.
        Deadlines.Set(report, DeadlineKind.FollowUp, TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), context.Zone));
        await StaffNotices.ToReporterAsync(turn, report, Texts.ToReporterFollowUp(report.Code, SecretariatName(report.Secretariat), text, date), ct);
        Done(report, Texts.DoneFollowUp(date));
    }

    private void Record(Report report, ReportEventKind kind, string? text, string? detail = null)
    {
        report.Events.Add(new ReportEvent { Kind = kind, At = turn.Now, Actor = actor.Account, Text = text, Detail = detail });
        report.UpdatedAt = turn.Now;
        report.Version++;
    }

    private void Done(Report report, string what) => turn.Reply(Texts.StaffDone(report.Code, what), monospace: [report.Code]);
}
