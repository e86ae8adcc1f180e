using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The staff side of the bot: the commands on reports, the buttons under reports, and replies (the messenger's
/// reply-to) to the bot's posts. Who may use them is declared in <see cref="Commands"/> and <see cref="Buttons"/>
/// and checked by the <see cref="CommandDispatcher"/>; a report of a secretariat the actor does not work for is
/// treated here as if it did not exist.
/// </summary>
public sealed partial class StaffDesk(FlowContext context, AccessOptions access)
{
    /// <summary>Staff work: in a private chat, and in a secretariat's staff chat on that secretariat's reports.</summary>
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("inbox", Need.Staff, Places.Both, Texts.InboxUsage, Texts.InboxHelp, (c, ct) => c.Staff.InboxAsync(c, ct)),
        new("show", Need.Staff, Places.Both, Texts.ShowUsage, Texts.ShowHelp, (c, ct) => c.Staff.ShowAsync(c, ct)),
        new("reply", Need.Staff, Places.Both, Texts.ReplyUsage, Texts.ReplyHelp, (c, ct) => c.Staff.ReplyOrNoteAsync(c, ct)),
        new("note", Need.Staff, Places.Both, Texts.NoteUsage, Texts.NoteHelp, (c, ct) => c.Staff.ReplyOrNoteAsync(c, ct)),
        new("stage", Need.Staff, Places.Both, Texts.StageUsage, Texts.StageHelp, (c, ct) => c.Staff.StageAsync(c, ct)),
        new("route", Need.Staff, Places.Both, Texts.RouteUsage, Texts.RouteHelp, (c, ct) => c.Staff.RouteAsync(c, ct)),
        new("close", Need.Staff, Places.Both, Texts.CloseUsage, Texts.CloseHelp, (c, ct) => c.Staff.CloseAsync(c, ct)),
        new("followup", Need.Staff, Places.Both, Texts.FollowUpUsage, Texts.FollowUpHelp, (c, ct) => c.Staff.FollowUpAsync(c, ct)),
    ];

    /// <summary>The buttons under a report (<see cref="StaffButtons"/>): an old one, once its presser is staff no more, is stale.</summary>
    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(StaffButtons.Prefix, Need.Staff, Places.Both, (c, ct) => c.Staff.ButtonAsync(c, ct)),
        new(HeldButtons.Prefix, Need.Staff, Places.Both, (c, ct) => c.Staff.HeldButtonAsync(c, ct)),
    ];

    public AccessOptions Access => access;

    /// <summary>
    /// A staff member's message (text, or a file with its caption) written as a reply to the bot's message about a
    /// report: the answer to a «پاسخ» or «یادداشت» prompt acts at once, an answer to a post is held and asked about
    /// (<see cref="HoldAsync"/>), an answer to a reason prompt asks to confirm the closing. False when it is not one
    /// (or the writer is not, or no longer, staff), to be read otherwise.
    /// </summary>
    /// <param name="staffChatOf">In a secretariat's staff chat, the secretariats it serves; null in a private chat.</param>
    public async Task<bool> TryReplyToPostAsync(Turn turn, IReadOnlyList<string>? staffChatOf, CancellationToken ct)
    {
        var message = turn.In;
        if (message is not { Kind: IncomingKind.Text or IncomingKind.Media, From: not null, ReplyToMessageId: { } replyTo }
            || await RepliedPostAsync(turn, replyTo, ct) is not { } target)
            return false;

        var actor = await ActorAsync(turn, turn.Sender, ct);
        if (staffChatOf is not null) actor = actor.Within(staffChatOf);
        if (!actor.IsStaff) return false;
        await ReplyToPostAsync(turn, actor, new ReportWork(turn, actor, context), target.Code, target.Action, ct);
        return true;
    }

    public Task<Actor> ActorAsync(Turn turn, Member? member, CancellationToken ct) =>
        Actor.ResolveAsync(turn.Db, context.Assembly, access, turn.In.Messenger, turn.In.From!.UserId, member, ct);

    /// <summary>
    /// The one gate for a report: parsed, existing, and of a secretariat this actor works for. Got from the report
    /// itself (<see cref="ReportAggregate.LoadAsync"/>), locked before it is read.
    /// </summary>
    private async Task<ReportAggregate?> ReportAsync(Turn turn, Actor actor, string codeText, CancellationToken ct, bool tell = true)
    {
        var report = TrackingCode.TryParse(codeText, out var code)
            ? await ReportAggregate.LoadAsync(turn, context, code, ct, withTimeline: true)
            : null;
        if (report is not null && actor.Works(report.Secretariat)) return report;
        if (tell) turn.Reply(Texts.UnknownCode);
        return null;
    }

    /// <summary>The acting staff member and their hands on reports, for one command or press.</summary>
    private async Task<(Actor Actor, ReportWork Work)> WorkAsync(CommandCall call, CancellationToken ct)
    {
        var actor = await call.ActorAsync(ct);
        return (actor, new ReportWork(call.Turn, actor, context));
    }

    private async Task ShowAsync(CommandCall call, CancellationToken ct)
    {
        var actor = await call.ActorAsync(ct);
        if (await ReportAsync(call.Turn, actor, Split(call.Arguments).Head, ct) is { } shown) await ShowAsync(call.Turn, shown.Report, ct);
    }

    private async Task ReplyOrNoteAsync(CommandCall call, CancellationToken ct)
    {
        var (actor, work) = await WorkAsync(call, ct);
        var (first, rest) = Split(call.Arguments);
        if (await ReportAsync(call.Turn, actor, first, ct) is not { } report) return;
        if (rest.Length == 0) { call.Turn.Reply(Texts.StaffTextMissing); return; }
        if (call.Name == "reply") await work.ReplyAsync(report, rest, ct);
        else work.Note(report, rest);
    }

    private async Task StageAsync(CommandCall call, CancellationToken ct)
    {
        var (actor, work) = await WorkAsync(call, ct);
        var (first, rest) = Split(call.Arguments);
        if (await ReportAsync(call.Turn, actor, first, ct) is not { } staged) return;
        if (DeskWords.Stage(rest) is not { } stage) { call.Turn.Reply(Texts.UnknownStage(rest)); return; }
        await work.StageAsync(staged, stage, ct);
    }

    private async Task RouteAsync(CommandCall call, CancellationToken ct)
    {
        var (actor, work) = await WorkAsync(call, ct);
        var (first, rest) = Split(call.Arguments);
        if (await ReportAsync(call.Turn, actor, first, ct) is not { } routed) return;
        var words = new DeskWords(context.Assembly);
        if (words.Secretariat(rest) is not { } to)
        {
            call.Turn.Reply(Texts.UnknownSecretariat(rest, words.SecretariatNames));
            return;
        }

        await work.RouteAsync(routed, to.Key, ct);
    }

    private async Task CloseAsync(CommandCall call, CancellationToken ct)
    {
        var (actor, work) = await WorkAsync(call, ct);
        var (first, rest) = Split(call.Arguments);
        await CloseAsync(call.Turn, actor, work, first, rest, ct);
    }

    private async Task FollowUpAsync(CommandCall call, CancellationToken ct)
    {
        var (actor, work) = await WorkAsync(call, ct);
        var (first, rest) = Split(call.Arguments);
        await FollowUpAsync(call.Turn, actor, work, first, rest, ct);
    }

    private async Task InboxAsync(CommandCall call, CancellationToken ct) =>
        await InboxAsync(call.Turn, await call.ActorAsync(ct), call.Arguments.Trim(), ct);

    private async Task CloseAsync(Turn turn, Actor actor, ReportWork work, string codeText, string rest, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, codeText, ct) is not { } report) return;
        if (!DeskWords.TryOutcome(rest, out var outcome, out var more)) { turn.Reply(Texts.UnknownOutcome(DeskWords.FirstWord(rest))); return; }
        if (!report.CanClose(outcome)) { turn.Reply(Texts.AlreadyClosed); return; }
        string? original = null;
        if (outcome == ReportOutcome.Duplicate)
        {
            var (originalText, text) = Split(more);
            if (!TrackingCode.TryParse(originalText, out var originalCode) || originalCode == report.Code
                || !await turn.Db.Reports.AnyAsync(r => r.Code == originalCode, ct))
            {
                turn.Reply(Texts.DuplicateNeedsOriginal);
                return;
            }

            (original, more) = (originalCode, text);
        }

        if (NeedsReason(outcome))
        {
            // Nothing reaches the reporter before the reason is written and the closing confirmed.
            if (more.Length == 0) AskReason(turn, report.Code, outcome);
            else Hold(turn, report.Code, new HeldWords(turn.In.From!.UserId, CloseHeld(outcome), more));
            return;
        }

        await work.CloseAsync(report, outcome, original, more.Length == 0 ? null : more, ct);
    }

    private async Task FollowUpAsync(Turn turn, Actor actor, ReportWork work, string codeText, string rest, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, codeText, ct) is not { } report) return;
        var today = TimeZoneInfo.ConvertTimeFromUtc(turn.Now, context.Zone).Date;
        if (!NextFollowUp.TryLead(rest, today, out var date, out var text)) { turn.Reply(Texts.BadDate); return; }
        if (date <= today) { turn.Reply(Texts.PastDate); return; }
        if (text.Length == 0) { turn.Reply(Texts.Usage("/followup " + Texts.FollowUpUsage)); return; }
        await work.FollowUpAsync(report, date, text, ct);
    }

    private async Task InboxAsync(Turn turn, Actor actor, string stageText, CancellationToken ct)
    {
        ReportStage? stage = null;
        if (stageText.Length > 0)
        {
            if (DeskWords.Stage(stageText) is not { } parsed) { turn.Reply(Texts.UnknownStage(stageText)); return; }
            stage = parsed;
        }

        await new Inbox(turn, actor, context).ShowAsync(new Inbox.View(stage, Mine: false, Page: 0), ct);
    }

    private async Task ShowAsync(Turn turn, Report report, CancellationToken ct)
    {
        var reporter = await turn.Db.Members.AsNoTracking().SingleAsync(m => m.Id == report.MemberId, ct);
        var attachments = await turn.Db.ReportAttachments.CountAsync(a => a.ReportId == report.Id, ct);
        var names = await StaffNames.OfAsync(turn.Db, report.Events.Select(e => (string?)e.Actor)
            .Concat(report.Events.Where(e => e.Kind is ReportEventKind.Assigned or ReportEventKind.Unassigned).Select(e => e.Detail ?? "")), ct);
        var timeline = report.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e =>
            Texts.StaffEventLine(e.Kind, PersianTime.Date(e.At, context.Zone), names.GetValueOrDefault(e.Actor, e.Actor), e.Text,
                e.Kind is ReportEventKind.Assigned or ReportEventKind.Unassigned ? names.GetValueOrDefault(e.Detail ?? "", Texts.SomeStaff) : e.Detail));
        turn.Reply(Texts.StaffDetails(report.Code, Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat,
                Texts.StageName(report.Stage, report.Outcome), report.Topic ?? Texts.NoTopic, report.County,
                Texts.PlaceWithMap(report.Place ?? "—", report.Latitude, report.Longitude),
                report.Anonymous ? Texts.Anonymous
                    : Texts.ReporterLine(reporter.Name, turn.In.ChatKind == ChatKind.Private && reporter.Phone is { } phone ? PhoneNumber.Display(phone) : null),
                report.Description, report.ProposedSolution, attachments, timeline),
            ReportCard.Keyboard(report, cut: false), [report.Code]);
    }

    /// <summary>Staff accounts by the name their private chat goes by, for the internal timeline.</summary>
    private async Task ButtonAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        if (!StaffButtons.TryRead(turn.In.ButtonData, out var action, out var codeText, out var value))
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        var (actor, work) = await WorkAsync(call, ct);
        if (await ReportAsync(turn, actor, codeText, ct, tell: false) is not { } report)
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        turn.AnswerButton();
        var code = report.Code;
        switch (action, value)
        {
            case ("reply", _):
                await OfferReadyRepliesAsync(turn, report, ct);
                Prompt(turn, code, Texts.AskStaffReply(code), ReplyAction);
                break;
            case ("note", _):
                Prompt(turn, code, Texts.AskStaffNote(code), NoteAction);
                break;
            case ("stage", null):
                turn.Reply(Texts.ChooseStage(code), StaffButtons.Choices("stage", code,
                    new[] { ReportStage.Identification, ReportStage.Solution, ReportStage.FollowUp }.Select(s => (Texts.StageLabel(s), StageKey(s)))));
                break;
            case ("route", null):
                turn.Reply(Texts.ChooseRoute(code), StaffButtons.Choices("route", code,
                    context.Assembly.Secretariats.Where(s => s.Key != report.Secretariat).Select(s => (s.Name, s.Key))));
                break;
            case ("full", _):
                StaffNotices.FullText(turn, report.Report);
                break;
            case ("close", null):
                turn.Reply(Texts.ChooseOutcome(code), new InlineKeyboard([.. StaffButtons.Choices("close", code,
                    new[] { ReportOutcome.Resolved, ReportOutcome.Unresolved, ReportOutcome.Rejected }.Select(o => (Texts.OutcomeLabel(o), o.ToString().ToLowerInvariant()))).Rows,
                    [new InlineButton(Texts.OutcomeLabel(ReportOutcome.Duplicate), DeskSteps.DuplicateData(code))]]));
                break;
            case ("stage", { } stageValue) when ParseStage(stageValue) is { } stage:
                await work.StageAsync(report, stage, ct);
                break;
            case ("route", { } key) when Routing.Find(context.Assembly, key) is { } to:
                await work.RouteAsync(report, to.Key, ct);
                break;
            case ("open", _):
                await new Assignment(turn, actor, context).OpenAsync(report, ct);
                break;
            case ("take", _):
                await new Assignment(turn, actor, context).TakeAsync(report, ct);
                break;
            case ("hand", null):
                await new Assignment(turn, actor, context).ChooseAsync(report, ct);
                break;
            case ("hand", { } to):
                await new Assignment(turn, actor, context).HandAsync(report, to, ct);
                break;
            case ("close", { } outcomeValue) when ParseOutcome(outcomeValue) is { } outcome and not ReportOutcome.Duplicate:
                if (!report.CanClose(outcome)) turn.Reply(Texts.AlreadyClosed);
                else if (NeedsReason(outcome)) AskReason(turn, code, outcome);
                else await work.CloseAsync(report, outcome, null, null, ct);
                break;
        }
    }

    /// <summary>The report behind the bot's message a staff member replied to, if it was about one.</summary>
    private static async Task<(string Code, string Action)?> RepliedPostAsync(Turn turn, long messageId, CancellationToken ct)
    {
        var post = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SentMessageId == messageId && o.Subject != null
                && o.SubjectAction != null && o.SubjectAction != HeldAction && o.SubjectAction != HeardAction)
            .Select(o => new { o.Subject, o.SubjectAction })
            .FirstOrDefaultAsync(ct);
        return post is null ? null : (post.Subject!, post.SubjectAction!);
    }

    private static (string Head, string Tail) Split(string text)
    {
        text = text.Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static string StageKey(ReportStage stage) => stage switch
    {
        ReportStage.Identification => "identification",
        ReportStage.Solution => "solution",
        _ => "followup",
    };

    /// <summary>A stage typed or carried by a button (<see cref="DeskWords"/>).</summary>
    public static ReportStage? ParseStage(string text) => DeskWords.Stage(text);

    /// <summary>An outcome typed or carried by a button (<see cref="DeskWords"/>).</summary>
    public static ReportOutcome? ParseOutcome(string text) => DeskWords.Outcome(text);
}
