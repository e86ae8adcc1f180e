using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// A report's card: the post staff work from, in a staff chat or a private chat. It shows the report's stage, who has
/// taken it on and the last thing done, above the member's fields, with the buttons to act. The same card is posted,
/// opened from the queue (<c>st:open:CODE</c>) and written again over every copy when the report changes
/// (<see cref="ReportPosts"/>).
/// </summary>
public static class ReportCard
{
    /// <summary>Marks the card's outbox rows (the card and its edits): a reply to it is read as a reply to a post.</summary>
    public const string Action = "card";

    /// <summary>What a card shows, read once for all the chats it goes to.</summary>
    /// <param name="FileMessengers">The messengers the member's files came from: a file id means nothing on another one.</param>
    public sealed record Facts(Report Report, string Secretariat, string Reporter, int Attachments, string? Assignee, string LastAction, string When,
        bool Fresh, bool Cut, IReadOnlyList<string> FileMessengers);

    /// <summary>The card as one chat reads it, with its buttons (only chats that may follow the report get it: <see cref="ReportPosts"/>).</summary>
    public static TextMessage Message(Facts facts, string messenger)
    {
        var text = Text(facts) + (facts.FileMessengers.FirstOrDefault(m => m != messenger) is { } elsewhere ? Texts.AttachmentsElsewhere(elsewhere) : "");
        return new TextMessage(text, Keyboard(facts), Monospace: [facts.Report.Code]) { Subject = facts.Report.Code, SubjectAction = Action };
    }

    /// <summary>
    /// The rows of buttons under a card, in order: each maker gives its row for the report as it stands, or null. A part
    /// that adds a button to the card adds one maker here.
    /// </summary>
    private static readonly Func<Report, bool, IReadOnlyList<InlineButton>?>[] RowMakers = [Speak, Move, Take, FollowUp, FullText];

    public static InlineKeyboard Keyboard(Facts facts) => Keyboard(facts.Report, facts.Cut);

    /// <summary>
    /// A report's buttons, from the report as it stands: the card's, and those of <c>/show</c>, which offers no
    /// «متن کامل» because it shows the fields whole.
    /// </summary>
    /// <param name="cut">The reader sees the member's fields cut: a button sends them whole.</param>
    public static InlineKeyboard Keyboard(Report report, bool cut) =>
        new(RowMakers.Select(make => make(report, cut)).OfType<IReadOnlyList<InlineButton>>().Where(row => row.Count > 0).ToList());

    private static IReadOnlyList<InlineButton> Speak(Report r, bool cut) =>
        [new(Texts.StaffReplyButton, StaffButtons.Data("reply", r.Code)), new(Texts.StaffNoteButton, StaffButtons.Data("note", r.Code))];

    private static IReadOnlyList<InlineButton> Move(Report r, bool cut) =>
    [
        new(Texts.StaffStageButton, StaffButtons.Data("stage", r.Code)), new(Texts.StaffRouteButton, StaffButtons.Data("route", r.Code)),
        new(Texts.StaffCloseButton, StaffButtons.Data("close", r.Code)),
    ];

    /// <summary>Only while open: a closed report has nobody to take it on.</summary>
    private static IReadOnlyList<InlineButton>? Take(Report r, bool cut) => r.Stage == ReportStage.Closed ? null :
        [new(Texts.TakeButton, StaffButtons.Data("take", r.Code)), new(Texts.HandButton, StaffButtons.Data("hand", r.Code))];

    private static IReadOnlyList<InlineButton>? FollowUp(Report r, bool cut) =>
        r.Stage == ReportStage.FollowUp ? [new(Texts.StaffFollowUpButton, DeskSteps.FollowUpData(r.Code))] : null;

    private static IReadOnlyList<InlineButton>? FullText(Report r, bool cut) => cut ? [new(Texts.StaffFullTextButton, StaffButtons.Data("full", r.Code))] : null;

    /// <summary>The button that sends a report's card to the chat it is pressed in.</summary>
    public static InlineButton OpenButton(string code) => new(Texts.OpenButton(code), StaffButtons.Data("open", code));

    public static string Text(Facts f)
    {
        var r = f.Report;
        return Texts.CardHeader(r.Code, f.Secretariat, f.Fresh) + "\n" +
               Texts.CardStatus(Texts.StageName(r.Stage, r.Outcome), f.Assignee, f.LastAction, f.When) + "\n\n" +
               Texts.CardBody(r.Topic ?? Texts.NoTopic, r.County, MessageLimits.Cut(r.Place ?? "—", QuotedLength.Place), f.Reporter, f.Attachments,
                   MessageLimits.Cut(r.Description, QuotedLength.Description),
                   r.ProposedSolution is { } solution ? MessageLimits.Cut(solution, QuotedLength.Solution) : null) + "\n\n" +
               Texts.CardHint + (r.Assignee is null && r.Stage != ReportStage.Closed ? "\n" + Texts.CardTakeHint : "");
    }

    /// <summary>Whether the card had to cut one of the member's fields, so its «متن کامل» button is needed.</summary>
    public static bool IsCut(Report report) =>
        report.Description.Length > QuotedLength.Description || report.ProposedSolution?.Length > QuotedLength.Solution
        || report.Place?.Length > QuotedLength.Place;

    /// <summary>Reads what the card shows: the reporter's name, the files, the assignee's name and the last event.</summary>
    public static async Task<Facts> ReadAsync(BotDbContext db, FlowContext context, Report report, DateTime now, CancellationToken ct)
    {
        var reporter = report.Anonymous
            ? Texts.Anonymous
            : Texts.ReporterLine(await db.Members.AsNoTracking().Where(m => m.Id == report.MemberId).Select(m => m.Name).SingleAsync(ct), phone: null);
        var files = report.Attachments.Where(a => a.Id == 0).Select(a => a.Messenger).ToList();
        if (report.Id != 0) files.AddRange(await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == report.Id).Select(a => a.Messenger).ToListAsync(ct));
        // The event written in this turn is not in the database yet: it is the last one.
        var last = report.Events.Count > 0 ? report.Events[^1]
            : await db.ReportEvents.AsNoTracking().Where(e => e.ReportId == report.Id).OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        var names = await StaffNames.OfAsync(db, [report.Assignee, last?.Actor], ct);
        string Name(string? account) => account is null ? Texts.SomeStaff : names.GetValueOrDefault(account, Texts.SomeStaff);
        var lastAction = last is null ? "—" : Texts.LastAction(last.Kind, last.Actor == ReportAggregate.MemberActor ? Texts.TheReporter : Name(last.Actor));
        return new Facts(report, Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat, reporter, files.Count,
            report.Assignee is null ? null : Name(report.Assignee), lastAction, PersianTime.LongDate(last?.At ?? now, context.Zone),
            Fresh: last is null || last.Kind == ReportEventKind.Created, IsCut(report), files.Distinct().ToList());
    }
}
