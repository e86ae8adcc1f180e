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
    private static readonly Func<Facts, IReadOnlyList<InlineButton>?>[] RowMakers = [Speak, Move, Take, FollowUp, FullText];

    public static InlineKeyboard Keyboard(Facts facts) =>
        new(RowMakers.Select(make => make(facts)).OfType<IReadOnlyList<InlineButton>>().Where(row => row.Count > 0).ToList());

    /// <summary>The buttons of a report read elsewhere (a notice, <c>/show</c>): the card's, as for an open report nobody took yet.</summary>
    /// <param name="stage">The report's stage when known: in follow-up the card offers «ثبت پیگیری».</param>
    public static IReadOnlyList<IReadOnlyList<InlineButton>> ActionRows(string code, bool fullText, ReportStage? stage = null) =>
    [
        Speak(code), Move(code), TakeRow(code),
        .. stage == ReportStage.FollowUp ? [FollowUpRow(code)] : Array.Empty<IReadOnlyList<InlineButton>>(),
        .. fullText ? [FullTextRow(code)] : Array.Empty<IReadOnlyList<InlineButton>>(),
    ];

    private static IReadOnlyList<InlineButton> Speak(Facts f) => Speak(f.Report.Code);
    private static IReadOnlyList<InlineButton> Move(Facts f) => Move(f.Report.Code);
    private static IReadOnlyList<InlineButton>? Take(Facts f) => f.Report.Stage == ReportStage.Closed ? null : TakeRow(f.Report.Code);
    private static IReadOnlyList<InlineButton>? FollowUp(Facts f) => f.Report.Stage == ReportStage.FollowUp ? FollowUpRow(f.Report.Code) : null;
    private static IReadOnlyList<InlineButton>? FullText(Facts f) => f.Cut ? FullTextRow(f.Report.Code) : null;

    private static IReadOnlyList<InlineButton> Speak(string code) =>
        [new(Texts.StaffReplyButton, Data("reply", code)), new(Texts.StaffNoteButton, Data("note", code))];

    private static IReadOnlyList<InlineButton> Move(string code) =>
        [new(Texts.StaffStageButton, Data("stage", code)), new(Texts.StaffRouteButton, Data("route", code)), new(Texts.StaffCloseButton, Data("close", code))];

    private static IReadOnlyList<InlineButton> TakeRow(string code) =>
        [new(Texts.TakeButton, Data("take", code)), new(Texts.HandButton, Data("hand", code))];

    private static IReadOnlyList<InlineButton> FollowUpRow(string code) => [new(Texts.StaffFollowUpButton, DeskSteps.FollowUpData(code))];

    private static IReadOnlyList<InlineButton> FullTextRow(string code) => [new(Texts.StaffFullTextButton, Data("full", code))];

    /// <summary>The button that sends a report's card to the chat it is pressed in.</summary>
    public static InlineButton OpenButton(string code) => new(Texts.OpenButton(code), Data("open", code));

    private static string Data(string action, string code) => $"{StaffButtons.Prefix}{action}:{code}";

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
