using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Trigger = Assembly.Conversations.Reports.ReportLifecycle.Trigger;

namespace Assembly.Conversations.Reports;

/// <summary>
/// One report, as the one way to change it. A report is got for a change only through <see cref="LoadAsync"/> (or
/// made by <see cref="SubmitAsync"/>), which takes its lock first; every change asks <see cref="ReportLifecycle"/>
/// whether it is allowed from where the report stands, then writes the report's event (who and when), raises its
/// version and sets or clears the deadlines it implies. A change the lifecycle refuses changes nothing.
/// </summary>
/// <remarks>
/// Messages are not sent from here: the caller tells the reporter, the followers and the staff what happened, because
/// what each is told depends on who acted and where (see <c>Staff.ReportWork</c>).
/// The lock matters on PostgreSQL with several writers: two staff members acting on one report at once, from two chats
/// or two instances, would otherwise both decide on the state before either change, and the later write would win
/// silently. The version is the report's concurrency token, so a writer that did not take the lock still fails
/// instead of overwriting.
/// </remarks>
public sealed class ReportAggregate
{
    /// <summary>The actor written on a member's events.</summary>
    public const string MemberActor = "member";

    private readonly Turn _turn;
    private readonly FlowContext _context;
    private ReportLifecycle? _lifecycle;

    private ReportAggregate(Turn turn, FlowContext context, Report report) => (_turn, _context, Report) = (turn, context, report);

    // Configured when first asked: filing a report, on every member's path, never asks it.
    private ReportLifecycle Lifecycle => _lifecycle ??= new ReportLifecycle(() => ReportLifecycle.Of(Report),
        state => ReportLifecycle.Apply(Report, state), () => Report.ConfirmedResolved is null);

    /// <summary>The report as stored, to read; change it only through this type.</summary>
    public Report Report { get; }

    public string Code => Report.Code;

    public string Secretariat => Report.Secretariat;

    public ReportLifecycle.State State => Lifecycle.Current;

    /// <summary>Whether the lifecycle allows the move from where the report stands.</summary>
    public bool Allows(Trigger trigger) => Lifecycle.Allows(trigger);

    /// <summary>Whether the report may be closed with this outcome now (not when it is closed already).</summary>
    public bool CanClose(ReportOutcome outcome) => Allows(ReportLifecycle.Closing(outcome));

    /// <summary>The name of the report's transaction lock (<see cref="TransactionLocks"/>).</summary>
    public static string LockName(string code) => "report:" + code;

    /// <summary>
    /// The report with this code, locked for the rest of the update's transaction before it is read; null if there is
    /// none. Who may change it is the caller's question.
    /// </summary>
    /// <param name="withTimeline">Also read its events, to show them.</param>
    public static async Task<ReportAggregate?> LoadAsync(Turn turn, FlowContext context, string code, CancellationToken ct, bool withTimeline = false)
    {
        await TransactionLocks.TakeAsync(turn.Db, LockName(code), ct);
        IQueryable<Report> reports = withTimeline ? turn.Db.Reports.Include(r => r.Events) : turn.Db.Reports;
        var report = await reports.SingleOrDefaultAsync(r => r.Code == code, ct);
        return report is null ? null : new ReportAggregate(turn, context, report);
    }

    /// <summary>
    /// Files a new report (its fields filled by the member's answers, its code drawn): it starts in identification,
    /// with the secretariat's time for a first answer.
    /// </summary>
    public static async Task<ReportAggregate> SubmitAsync(Turn turn, FlowContext context, Report report, CancellationToken ct)
    {
        await TransactionLocks.TakeAsync(turn.Db, LockName(report.Code), ct);
        var filed = new ReportAggregate(turn, context, report);
        ReportLifecycle.Apply(report, ReportLifecycle.State.Identification);
        filed.FirstAnswerDue();
        filed.Record(ReportEventKind.Created, MemberActor, null);
        turn.Db.Reports.Add(report);
        return filed;
    }

    /// <summary>Staff answer the reporter; the first answer stops the first-answer clock.</summary>
    public void Reply(string by, string text)
    {
        Require(Trigger.Reply);
        Record(ReportEventKind.Replied, by, text);
        if (Report.DueKind == DeadlineKind.FirstAnswer) SetDeadline(DeadlineKind.FirstAnswer, null);
    }

    /// <summary>An internal note, for the secretariat only.</summary>
    public void Note(string by, string text)
    {
        Require(Trigger.Note);
        Record(ReportEventKind.Note, by, text);
    }

    /// <summary>
    /// Moves the report to a stage; a closed report is reopened there (its outcome and the resolved-check dropped).
    /// Follow-up starts its own cadence of deadlines; leaving it ends that cadence. False, and nothing changed, when
    /// the report is in that stage already.
    /// </summary>
    public bool MoveTo(string by, ReportStage stage)
    {
        var trigger = ReportLifecycle.ToStage(stage);
        if (!Allows(trigger)) return false;
        var reopening = Report.Stage == ReportStage.Closed;
        Lifecycle.Fire(trigger);
        if (reopening)
        {
            Report.CheckAt = null;
            Record(ReportEventKind.Reopened, by, null);
        }

        if (stage == ReportStage.FollowUp) NextFollowUpDue();
        else if (Report.DueKind == DeadlineKind.FollowUp) SetDeadline(DeadlineKind.FollowUp, null);
        Record(ReportEventKind.StageChanged, by, null, Texts.StageLabel(stage));
        return true;
    }

    /// <summary>
    /// Sends the report to another (configured) secretariat. If it still waits for a first answer, the new secretariat
    /// gets its own time for one. False, and nothing changed, when it is that secretariat's already.
    /// </summary>
    public bool Route(string by, string secretariat)
    {
        if (Report.Secretariat == secretariat) return false;
        Require(Trigger.Route);
        var from = Report.Secretariat;
        Report.Secretariat = secretariat;
        // Taken on by the staff of the secretariat it leaves: the new one takes it afresh.
        Report.Assignee = null;
        if (Report is { DueKind: DeadlineKind.FirstAnswer, DueAt: not null }) FirstAnswerDue();
        Record(ReportEventKind.Routed, by, null, $"{SecretariatName(from)} ← {SecretariatName(secretariat)}");
        return true;
    }

    /// <summary>
    /// Closes the report with an outcome (a duplicate names its original): no deadline stays, and a report closed as
    /// resolved gets the day its reporter is asked whether it really was. False, and nothing changed, when it is
    /// closed already.
    /// </summary>
    public bool Close(string by, ReportOutcome outcome, string? original, string? text)
    {
        var trigger = ReportLifecycle.Closing(outcome);
        if (!Allows(trigger)) return false;
        Lifecycle.Fire(trigger);
        SetDeadline(Report.DueKind, null);
        Report.CheckAt = outcome == ReportOutcome.Resolved ? _turn.Now.AddDays(_context.Deadlines.ResolvedCheckDays) : null;
        Record(ReportEventKind.Closed, by, text, Texts.OutcomeLabel(outcome) + (original is null ? "" : $" ({original})"));
        return true;
    }

    /// <summary>
    /// A follow-up action, with the day of the next one (a date in the assembly's time zone): the next deadline is at
    /// the start of that day. False, and nothing changed, when the report is closed: a closed report has no deadlines.
    /// </summary>
    public bool RecordFollowUp(string by, DateTime next, string text)
    {
        if (!Allows(Trigger.RecordFollowUp)) return false;
        Record(ReportEventKind.FollowUp, by, text, SolarDate.Format(next));
        SetDeadline(DeadlineKind.FollowUp, TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), _context.Zone));
        return true;
    }

    /// <summary>
    /// A staff member takes the report on (<paramref name="assignee"/> is <paramref name="by"/>) or hands it to another.
    /// False, and nothing changed, when it is closed or already theirs.
    /// </summary>
    public bool Assign(string by, string assignee)
    {
        if (!Allows(Trigger.Assign) || Report.Assignee == assignee) return false;
        Report.Assignee = assignee;
        Record(ReportEventKind.Assigned, by, null, assignee);
        return true;
    }

    /// <summary>
    /// The assignee can no longer act on the report (their role was revoked): nobody has it, and any staff member may
    /// take it. Its deadlines stay as they were, reminded and escalated included: losing the assignee does not give the
    /// secretariat more time, so the organizers are told when they would have been. False, and nothing changed, when
    /// nobody had it.
    /// </summary>
    public bool Unassign(string by)
    {
        if (Report.Assignee is not { } former || !Allows(Trigger.Unassign)) return false;
        Report.Assignee = null;
        Record(ReportEventKind.Unassigned, by, null, former);
        return true;
    }

    /// <summary>The reporter adds a message.</summary>
    public void AddMessage(string text)
    {
        Require(Trigger.MemberAdds);
        Record(ReportEventKind.MemberMessage, MemberActor, text);
    }

    /// <summary>The reporter adds a file, with its caption if any.</summary>
    /// <param name="album">The album it is one file of: kept with the event, so that an album counts as one addition.</param>
    public void AddFile(ReportAttachment file, string? caption, string? album = null)
    {
        Require(Trigger.MemberAdds);
        Report.Attachments.Add(file);
        Record(ReportEventKind.MemberAttachment, MemberActor, caption, album);
    }

    /// <summary>
    /// Another member follows the report (once, however often they ask). False, and nothing changed, when it is closed:
    /// there is nothing left to follow.
    /// </summary>
    public async Task<bool> FollowAsync(int memberId, CancellationToken ct)
    {
        if (!Allows(Trigger.Follow)) return false;
        if (await _turn.Db.ReportFollowers.AnyAsync(f => f.ReportId == Report.Id && f.MemberId == memberId, ct)) return true;
        _turn.Db.ReportFollowers.Add(new ReportFollower { ReportId = Report.Id, MemberId = memberId, Since = _turn.Now });
        Record(ReportEventKind.Followed, MemberActor, null);
        return true;
    }

    /// <summary>
    /// The reporter's answer to «was it resolved?»: yes is kept; no reopens the report in follow-up with a new deadline.
    /// False, and nothing changed, unless the report is closed as resolved and the question not yet answered.
    /// </summary>
    public bool ReporterAnswers(bool resolved)
    {
        var trigger = resolved ? Trigger.ReporterConfirms : Trigger.ReporterDisputes;
        if (!Allows(trigger)) return false;
        Lifecycle.Fire(trigger);
        Report.ConfirmedResolved = resolved;
        if (resolved)
        {
            Record(ReportEventKind.ConfirmedResolved, MemberActor, null);
            return true;
        }

        Record(ReportEventKind.Reopened, MemberActor, Texts.ResolvedNo);
        NextFollowUpDue();
        return true;
    }

    /// <summary>For the moves the lifecycle allows everywhere: refusing one is a mistake in the code, not a user's.</summary>
    private void Require(Trigger trigger)
    {
        if (!Allows(trigger))
            throw new InvalidOperationException($"The report lifecycle does not allow {trigger} from {State}.");
    }

    private void Record(ReportEventKind kind, string by, string? text, string? detail = null)
    {
        Report.Events.Add(new ReportEvent { Kind = kind, At = _turn.Now, Actor = by, Text = text, Detail = detail });
        Report.UpdatedAt = _turn.Now;
        Report.Version++;
    }

    private SecretariatOptions SecretariatOf => Routing.Find(_context.Assembly, Report.Secretariat)
                                                ?? throw new InvalidOperationException($"Secretariat '{Report.Secretariat}' is not configured.");

    private string SecretariatName(string key) => Routing.Find(_context.Assembly, key)?.Name ?? key;

    // The secretariat's deadlines, kept on the report so a restart loses none; the scheduler reminds and escalates
    // from them (Staff.Deadlines). A new deadline has not been reminded of or escalated yet.
    private void SetDeadline(DeadlineKind kind, DateTime? due)
    {
        Report.DueKind = kind;
        Report.DueAt = due;
        Report.RemindedAt = null;
        Report.EscalatedAt = null;
    }

    // Staff deadlines count working days only (Staff.WorkingDays): a weekend or a holiday does not make a report late.
    private void FirstAnswerDue() =>
        SetDeadline(DeadlineKind.FirstAnswer, Staff.WorkingDays.Of(_context).AddWorkingHours(_turn.Now, SecretariatOf.FirstAnswerHours));

    private void NextFollowUpDue() =>
        SetDeadline(DeadlineKind.FollowUp, Staff.WorkingDays.Of(_context).AddWorkingDays(_turn.Now, SecretariatOf.FollowUpDays));
}
