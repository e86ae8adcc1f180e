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
/// The staff side of the bot: commands, the buttons under reports, and replies (the messenger's reply-to)
/// to the bot's posts. Authorisation is decided here, in one place, for all of them: who is not staff is
/// not told staff commands exist (the caller answers as to anybody), and a report of a secretariat the
/// actor does not work for is treated as if it did not exist.
/// </summary>
public sealed class StaffDesk(FlowContext context, AccessOptions access)
{

    /// <summary>True when the update was staff work (handled here); false to let the caller treat it as a member's.</summary>
    /// <param name="staffChatOf">In a secretariat's staff chat, the secretariats it serves; null in a private chat.</param>
    public async Task<bool> TryHandleAsync(Turn turn, Member? member, IReadOnlyList<string>? staffChatOf, CancellationToken ct)
    {
        var message = turn.In;
        if (message.From is null) return false;
        CommandText command = default;
        (string Code, string Action)? replyTarget = null;
        var isButton = message.Kind == IncomingKind.ButtonPress && StaffButtons.TryRead(message.ButtonData, out _, out _, out _);
        if (message.Kind == IncomingKind.Text)
        {
            var text = PersianText.CleanInput(message.Text);
            if (CommandText.TryParse(text, out command) && IsHandledHere(command.Name, staffChatOf is not null)) { }
            else if (message.ReplyToMessageId is { } replyTo && await RepliedPostAsync(turn, replyTo, ct) is { } target) replyTarget = target;
            else return false;
        }
        else if (!isButton)
        {
            return false;
        }

        var actor = await ActorAsync(turn, member, ct);
        if (staffChatOf is not null) actor = actor.Within(staffChatOf);
        var allowed = isButton || replyTarget is not null ? actor.IsStaff
            : command.Name == "help" ? actor.HasRole
            : Permissions.Allows(actor, command.Name);
        if (!allowed)
        {
            // Not allowed (or no longer): an old staff button does nothing; commands are answered as to any member.
            if (isButton) turn.AnswerButton(Texts.StaleButton);
            return isButton;
        }

        var work = new ReportWork(turn, actor, context);
        if (isButton) await ButtonAsync(turn, actor, work, ct);
        else if (replyTarget is { } reply) await ReplyToPostAsync(turn, actor, work, reply.Code, reply.Action, ct);
        else await CommandAsync(turn, actor, work, command, ct);
        return true;
    }

    /// <summary>Help and the commands the staff desk runs; in a staff chat, only those that work there.</summary>
    private static bool IsHandledHere(string command, bool inStaffChat) =>
        command == "help" || (Permissions.RunsAtStaffDesk(command) && (!inStaffChat || Permissions.WorksInStaffChat(command)));

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

    private async Task CommandAsync(Turn turn, Actor actor, ReportWork work, CommandText command, CancellationToken ct)
    {
        var args = command.Arguments;
        var (first, rest) = Split(args);
        switch (command.Name)
        {
            case "help":
                // Staff see their commands beside the members' help; nobody else learns they exist.
                turn.Reply(Texts.Help(context.Assembly.Name) + (actor.IsStaff ? Texts.StaffHelp : "")
                    + (actor.IsAdmin || actor.IsOrganizer ? Texts.OrganizerHelp : "") + (actor.HasRole ? Texts.StatsHelp : "") + (actor.IsAdmin ? Texts.AdminHelp : ""),
                    actor.Member is null ? null : MainMenu.Keyboard);
                return;
            case "inbox":
                await InboxAsync(turn, actor, first, ct);
                return;
            case "show":
                if (await ReportAsync(turn, actor, first, ct) is { } shown) await ShowAsync(turn, shown.Report, ct);
                return;
            case "reply" or "note":
                if (await ReportAsync(turn, actor, first, ct) is not { } report) return;
                if (rest.Length == 0) { turn.Reply(Texts.StaffTextMissing); return; }
                if (command.Name == "reply") await work.ReplyAsync(report, rest, ct);
                else work.Note(report, rest);
                return;
            case "stage":
                if (await ReportAsync(turn, actor, first, ct) is not { } staged) return;
                if (ParseStage(rest) is not { } stage) { turn.Reply(Texts.UnknownStage(rest)); return; }
                await work.StageAsync(staged, stage, ct);
                return;
            case "route":
                if (await ReportAsync(turn, actor, first, ct) is not { } routed) return;
                if (Routing.Find(context.Assembly, rest.Trim().ToLowerInvariant()) is not { } to)
                {
                    turn.Reply(Texts.UnknownSecretariat(rest, context.Assembly.Secretariats.Select(s => s.Key)));
                    return;
                }

                await work.RouteAsync(routed, to.Key, ct);
                return;
            case "close":
                await CloseAsync(turn, actor, work, first, rest, ct);
                return;
            case "followup":
                await FollowUpAsync(turn, actor, work, first, rest, ct);
                return;
            case "stats" or "export" or "summary":
                await new Statistics.StatisticsDesk(turn, actor, context).HandleAsync(command.Name, args, ct);
                return;
            default:
                await new RoleCommands(turn, actor, context, access).HandleAsync(command.Name, args, ct);
                return;
        }
    }

    private async Task CloseAsync(Turn turn, Actor actor, ReportWork work, string codeText, string rest, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, codeText, ct) is not { } report) return;
        var (outcomeText, more) = Split(rest);
        if (ParseOutcome(outcomeText) is not { } outcome) { turn.Reply(Texts.UnknownOutcome(outcomeText)); return; }
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

        await work.CloseAsync(report, outcome, original, more.Length == 0 ? null : more, ct);
    }

    private async Task FollowUpAsync(Turn turn, Actor actor, ReportWork work, string codeText, string rest, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, codeText, ct) is not { } report) return;
        var (dateText, text) = Split(rest);
        if (!SolarDate.TryParse(dateText, out var date)) { turn.Reply(Texts.BadDate); return; }
        var today = TimeZoneInfo.ConvertTimeFromUtc(turn.Now, context.Zone).Date;
        if (date <= today) { turn.Reply(Texts.PastDate); return; }
        if (text.Length == 0) { turn.Reply(Texts.Usage("/followup کد تاریخ شرح اقدام")); return; }
        await work.FollowUpAsync(report, date, text, ct);
    }

    private async Task InboxAsync(Turn turn, Actor actor, string stageText, CancellationToken ct)
    {
        ReportStage? stage = null;
        if (stageText.Length > 0)
        {
            if (ParseStage(stageText) is not { } parsed) { turn.Reply(Texts.UnknownStage(stageText)); return; }
            stage = parsed;
        }

        var keys = actor.IsAdmin ? context.Assembly.Secretariats.Select(s => s.Key).ToList() : actor.StaffOf.ToList();
        var open = await turn.Db.Reports.AsNoTracking()
            .Where(r => keys.Contains(r.Secretariat) && r.Stage != ReportStage.Closed && (stage == null || r.Stage == stage))
            .OrderBy(r => r.Id).Take(30)
            .Select(r => new { r.Code, r.Stage, r.County, r.CreatedAt })
            .ToListAsync(ct);
        turn.Reply(open.Count == 0
            ? Texts.InboxEmpty
            : Texts.InboxHeader(open.Count) + "\n\n" + string.Join('\n', open.Select(r =>
                Texts.InboxLine(r.Code, Texts.StageLabel(r.Stage), r.County, PersianTime.Relative(r.CreatedAt, turn.Now)))),
            monospace: open.Select(r => r.Code).ToList());
    }

    private async Task ShowAsync(Turn turn, Report report, CancellationToken ct)
    {
        var reporter = await turn.Db.Members.AsNoTracking().SingleAsync(m => m.Id == report.MemberId, ct);
        var attachments = await turn.Db.ReportAttachments.CountAsync(a => a.ReportId == report.Id, ct);
        var names = await ActorNamesAsync(turn, report.Events.Select(e => e.Actor), ct);
        var timeline = report.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e =>
            Texts.StaffEventLine(e.Kind, PersianTime.Date(e.At, context.Zone), names.GetValueOrDefault(e.Actor, e.Actor), e.Text, e.Detail));
        turn.Reply(Texts.StaffDetails(report.Code, Routing.Find(context.Assembly, report.Secretariat)?.Name ?? report.Secretariat,
                Texts.StageName(report.Stage, report.Outcome), report.Topic ?? Texts.NoTopic, report.County, report.Place ?? "—",
                report.Anonymous ? Texts.Anonymous
                    : Texts.ReporterLine(reporter.Name, turn.In.ChatKind == ChatKind.Private && reporter.Phone is { } phone ? PhoneNumber.Display(phone) : null),
                report.Description, report.ProposedSolution, attachments, timeline),
            StaffButtons.Actions(report.Code), [report.Code]);
    }

    /// <summary>Staff accounts by the name their private chat goes by, for the internal timeline.</summary>
    private static async Task<Dictionary<string, string>> ActorNamesAsync(Turn turn, IEnumerable<string> actors, CancellationToken ct)
    {
        var accounts = actors.Distinct().Select(a => AccountRef.TryParse(a, out var account) ? account : (AccountRef?)null).OfType<AccountRef>().ToList();
        var ids = accounts.Select(a => a.Id).ToList();
        var chats = await turn.Db.Chats.AsNoTracking().Where(c => ids.Contains(c.ChatId) && c.Title != null)
            .Select(c => new { c.Messenger, c.ChatId, c.Title }).ToListAsync(ct);
        return chats.Where(c => accounts.Contains(new AccountRef(c.Messenger, c.ChatId)))
            .ToDictionary(c => new AccountRef(c.Messenger, c.ChatId).ToString(), c => c.Title!);
    }

    private async Task ButtonAsync(Turn turn, Actor actor, ReportWork work, CancellationToken ct)
    {
        StaffButtons.TryRead(turn.In.ButtonData, out var action, out var codeText, out var value);
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
                turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(Texts.AskStaffReply(code)) { Subject = code, SubjectAction = "reply" }, OutboxPriority.Interactive);
                break;
            case ("note", _):
                turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(Texts.AskStaffNote(code)) { Subject = code, SubjectAction = "note" }, OutboxPriority.Interactive);
                break;
            case ("stage", null):
                turn.Reply(Texts.ChooseStage(code), StaffButtons.Choices("stage", code,
                    new[] { ReportStage.Identification, ReportStage.Solution, ReportStage.FollowUp }.Select(s => (Texts.StageLabel(s), StageKey(s)))));
                break;
            case ("route", null):
                turn.Reply(Texts.ChooseRoute(code), StaffButtons.Choices("route", code,
                    context.Assembly.Secretariats.Where(s => s.Key != report.Secretariat).Select(s => (s.Name, s.Key))));
                break;
            case ("close", null):
                turn.Reply(Texts.ChooseOutcome(code), StaffButtons.Choices("close", code,
                    new[] { ReportOutcome.Resolved, ReportOutcome.Unresolved, ReportOutcome.Rejected }.Select(o => (Texts.OutcomeLabel(o), o.ToString().ToLowerInvariant()))));
                break;
            case ("stage", { } stageValue) when ParseStage(stageValue) is { } stage:
                await work.StageAsync(report, stage, ct);
                break;
            case ("route", { } key) when Routing.Find(context.Assembly, key) is { } to:
                await work.RouteAsync(report, to.Key, ct);
                break;
            case ("close", { } outcomeValue) when ParseOutcome(outcomeValue) is { } outcome and not ReportOutcome.Duplicate:
                await work.CloseAsync(report, outcome, null, null, ct);
                break;
        }
    }

    private async Task ReplyToPostAsync(Turn turn, Actor actor, ReportWork work, string code, string action, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, code, ct) is not { } report) return;
        var text = PersianText.CleanInput(turn.In.Text);
        if (action == "note") work.Note(report, text);
        else await work.ReplyAsync(report, text, ct);
    }

    /// <summary>The report behind the bot's message a staff member replied to, if it was about one.</summary>
    private static async Task<(string Code, string Action)?> RepliedPostAsync(Turn turn, long messageId, CancellationToken ct)
    {
        var post = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SentMessageId == messageId && o.Subject != null && o.SubjectAction != null)
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

    public static ReportStage? ParseStage(string text) => PersianMatch.Fold(text) switch
    {
        "identification" or "مسئله یابی" or "مسیله یابی" => ReportStage.Identification,
        "solution" or "ارائه راهکار" => ReportStage.Solution,
        "followup" or "follow-up" or "مطالبه گری" => ReportStage.FollowUp,
        _ => null,
    };

    public static ReportOutcome? ParseOutcome(string text) => PersianMatch.Fold(text) switch
    {
        "resolved" or "حل شد" => ReportOutcome.Resolved,
        "unresolved" or "حل نشد" => ReportOutcome.Unresolved,
        "rejected" or "رد شد" => ReportOutcome.Rejected,
        "duplicate" or "تکراری" => ReportOutcome.Duplicate,
        _ => null,
    };
}
