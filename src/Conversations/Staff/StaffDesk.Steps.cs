using System.Globalization;
using System.Text.Json;
using Assembly.Conversations.Commands;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Two desk actions that need more than one answer, asked one question at a time under the report's card, so nobody
/// types a command: «ثبت پیگیری» (what was done, then the day of the next follow-up) and closing as «تکراری» (the
/// original, by its code or by words of its description). Each question is a message whose answer is written as a
/// reply to it (its outbox row says which question, as the «پاسخ» prompt's does); what an earlier answer said rides
/// with the next question's row, so no table holds a half-given answer.
/// </summary>
public sealed partial class StaffDesk
{
    /// <summary>The questions: what was done, the next day (its row's memo holds what was done), the original of a duplicate.</summary>
    private const string FollowUpWhatAction = "fu-what", FollowUpWhenAction = "fu-when", DuplicateOfAction = "dup-of";

    private const string FollowUpHeld = "followup";

    private const int DuplicateCandidates = 300, DuplicatesShown = 5;

    /// <summary>«ثبت پیگیری» (<c>fu:CODE</c>, and <c>fu:CODE:DAYS</c> under the question of the next day) and «تکراری» (<c>dup:CODE</c>, <c>dup:CODE:ORIGINAL</c>).</summary>
    public static IReadOnlyList<ButtonRoute> StepButtons { get; } =
    [
        new(DeskSteps.FollowUpPrefix, Need.Staff, Places.Both, (c, ct) => c.Staff.FollowUpButtonAsync(c, ct)),
        new(DeskSteps.DuplicatePrefix, Need.Staff, Places.Both, (c, ct) => c.Staff.DuplicateButtonAsync(c, ct)),
    ];

    private async Task FollowUpButtonAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var parts = (turn.In.ButtonData ?? "")[DeskSteps.FollowUpPrefix.Length..].Split(':');
        var (actor, work) = await WorkAsync(call, ct);
        if (await ReportAsync(turn, actor, parts[0], ct, tell: false) is not { } report)
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        if (parts.Length == 1)
        {
            turn.AnswerButton();
            if (report.Report.Stage != ReportStage.FollowUp) turn.Reply(Texts.FollowUpOnlyInFollowUp(report.Code, report.Report.Stage), monospace: [report.Code]);
            else Prompt(turn, report.Code, Texts.AskFollowUpWhat(report.Code), FollowUpWhatAction);
            return;
        }

        // A span pressed under the question of the next day: what was done is read back from that question.
        // The buttons offer a week or two; forged data with any other span is stale, not a date overflow.
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366
            || await QuestionAsync(turn, turn.In.MessageId, FollowUpWhenAction, ct) is not { } question || question.Code != report.Code)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        if (question.Held.Writer != turn.In.From!.UserId)
        {
            turn.AnswerButton(Texts.HeldNotYours, asAlert: true);
            return;
        }

        turn.AnswerButton();
        await RecordFollowUpAsync(turn, work, report, question, Today(turn).AddDays(days), ct);
    }

    private async Task DuplicateButtonAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var parts = (turn.In.ButtonData ?? "")[DeskSteps.DuplicatePrefix.Length..].Split(':');
        var (actor, work) = await WorkAsync(call, ct);
        if (await ReportAsync(turn, actor, parts[0], ct, tell: false) is not { } report)
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        turn.AnswerButton();
        if (!report.CanClose(ReportOutcome.Duplicate)) { turn.Reply(Texts.AlreadyClosed); return; }
        if (parts.Length == 1) Prompt(turn, report.Code, Texts.AskDuplicateOf(report.Code), DuplicateOfAction);
        else await CloseAsDuplicateAsync(turn, work, report, parts[1], ct);
    }

    /// <summary>An answer to one of these questions, written as a reply to it; anything else is left alone.</summary>
    private async Task StepReplyAsync(Turn turn, ReportWork work, ReportAggregate report, string action, string text, HeldFile? file, CancellationToken ct)
    {
        switch (action)
        {
            case ReadyAction:
                await ReadyChangedAsync(turn, work, report, text, file, ct);
                return;
            case FollowUpWhatAction:
                if (file is not null || text.Length == 0) { turn.Reply(Texts.FollowUpWhatMissing); return; }
                if (report.Report.Stage != ReportStage.FollowUp) { turn.Reply(Texts.FollowUpOnlyInFollowUp(report.Code, report.Report.Stage), monospace: [report.Code]); return; }
                turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(Texts.AskFollowUpWhen(report.Code), DeskSteps.NextDays(report.Code), turn.In.MessageId, [report.Code])
                {
                    Subject = report.Code, SubjectAction = FollowUpWhenAction,
                    Memo = JsonSerializer.Serialize(new HeldWords(turn.In.From!.UserId, FollowUpHeld, text)),
                }, OutboxPriority.Interactive);
                return;
            case FollowUpWhenAction:
                if (await QuestionAsync(turn, turn.In.ReplyToMessageId, FollowUpWhenAction, ct) is not { } question) return;
                if (question.Held.Writer != turn.In.From!.UserId) { turn.Reply(Texts.HeldNotYours); return; }
                if (!NextFollowUp.TryParse(text, Today(turn), out var day)) { turn.Reply(Texts.FollowUpDateUnknown); return; }
                await RecordFollowUpAsync(turn, work, report, question, day, ct);
                return;
            case DuplicateOfAction:
                if (!report.CanClose(ReportOutcome.Duplicate)) { turn.Reply(Texts.AlreadyClosed); return; }
                if (TrackingCode.TryParse(text, out var original)) await CloseAsDuplicateAsync(turn, work, report, original, ct);
                else await OfferOriginalsAsync(turn, report, text, ct);
                return;
        }
    }

    private async Task RecordFollowUpAsync(Turn turn, ReportWork work, ReportAggregate report, StepQuestion question, DateTime day, CancellationToken ct)
    {
        if (day <= Today(turn)) { turn.Reply(Texts.FollowUpDatePast(PersianTime.Day(day))); return; }
        if (report.Report.Stage != ReportStage.FollowUp) { turn.Reply(Texts.FollowUpOnlyInFollowUp(report.Code, report.Report.Stage), monospace: [report.Code]); return; }
        if (!await AnsweredAsync(turn, question, FollowUpWhenAction, ct))
        {
            turn.Reply(Texts.StaleButton);
            return;
        }

        await work.FollowUpAsync(report, day, question.Held.Text, ct);
    }

    private async Task CloseAsDuplicateAsync(Turn turn, ReportWork work, ReportAggregate report, string original, CancellationToken ct)
    {
        if (original == report.Code) { turn.Reply(Texts.DuplicateOfItself); return; }
        if (!await turn.Db.Reports.AnyAsync(r => r.Code == original, ct)) { turn.Reply(Texts.DuplicateOriginalUnknown(original), monospace: [original]); return; }
        await work.CloseAsync(report, ReportOutcome.Duplicate, original, null, ct);
    }

    /// <summary>
    /// The open reports of the same secretariat whose description has the most of the typed words, as buttons; the
    /// answer is itself a question, so other words can be tried in reply to it.
    /// </summary>
    private static async Task OfferOriginalsAsync(Turn turn, ReportAggregate report, string words, CancellationToken ct)
    {
        var wanted = PersianMatch.LongWords(words);
        var candidates = await turn.Db.Reports.AsNoTracking()
            .Where(r => r.Secretariat == report.Secretariat && r.Stage != ReportStage.Closed && r.Id != report.Report.Id)
            .OrderByDescending(r => r.Id).Take(DuplicateCandidates)
            .Select(r => new { r.Code, r.Topic, r.County, r.MatchWords, r.Description })
            .ToListAsync(ct);
        var found = candidates
            .Select(c => (c.Code, c.Topic, c.County, Score: (c.MatchWords ?? SimilarReports.MatchWordsOf(c.Description)).Split(' ').Count(wanted.Contains)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .Take(DuplicatesShown)
            .ToList();
        var (text, keyboard) = found.Count == 0
            ? (Texts.DuplicateNoneFound, (Keyboard?)null)
            : (Texts.DuplicateFound, new InlineKeyboard(found.Select(f => (IReadOnlyList<InlineButton>)
                [new InlineButton(Texts.DuplicateChoice(f.Code, f.Topic, f.County), DeskSteps.DuplicateData(report.Code, f.Code))]).ToList()));
        turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(text, keyboard, turn.In.MessageId, [report.Code])
            { Subject = report.Code, SubjectAction = DuplicateOfAction }, OutboxPriority.Interactive);
    }

    /// <summary>The question a press or reply is under, with what it holds; null when it is not (or no longer) that question.</summary>
    private static async Task<StepQuestion?> QuestionAsync(Turn turn, long? messageId, string action, CancellationToken ct)
    {
        if (messageId is not { } id) return null;
        var row = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SentMessageId == id && o.SubjectAction == action)
            .Select(o => new { o.Id, o.Subject, o.Payload }).FirstOrDefaultAsync(ct);
        return row is not null && OutgoingJson.Read(row.Payload) is TextMessage { Memo: { } memo } && JsonSerializer.Deserialize<HeldWords>(memo) is { } held
            ? new StepQuestion(row.Id, row.Subject!, held)
            : null;
    }

    /// <summary>
    /// Marks the question answered; false when it was already (a second press or reply, which may have read it before
    /// the report's lock was taken, finds it answered here and does nothing).
    /// </summary>
    private static async Task<bool> AnsweredAsync(Turn turn, StepQuestion question, string action, CancellationToken ct) =>
        await turn.Db.Outbox.Where(o => o.Id == question.Id && o.SubjectAction == action)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubjectAction, HeardAction), ct) > 0;

    private DateTime Today(Turn turn) => TimeZoneInfo.ConvertTimeFromUtc(turn.Now, context.Zone).Date;

    private sealed record StepQuestion(long Id, string Code, HeldWords Held);
}

/// <summary>The data of the desk's step buttons.</summary>
public static class DeskSteps
{
    public const string FollowUpPrefix = "fu:", DuplicatePrefix = "dup:";

    public static string FollowUpData(string code) => FollowUpPrefix + code;

    public static string DuplicateData(string code, string? original = null) => DuplicatePrefix + code + (original is null ? "" : ":" + original);

    /// <summary>The quick answers to «when is the next follow-up?».</summary>
    public static InlineKeyboard NextDays(string code) => new(
    [
        [new InlineButton(Texts.FollowUpInOneWeek, $"{FollowUpPrefix}{code}:7"), new InlineButton(Texts.FollowUpInTwoWeeks, $"{FollowUpPrefix}{code}:14")],
    ]);
}
