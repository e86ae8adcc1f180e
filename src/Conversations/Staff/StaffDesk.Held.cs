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
/// Staff speak to the reporter only when they mean to. A reply to the bot's post about a report may be a remark to
/// colleagues, so it is held and its writer asked (<see cref="HeldButtons"/>); the answer to a «پاسخ» prompt, which
/// exists only to be sent, goes at once. The same holds in a private chat: one rule wherever staff work, and a post
/// forwarded or pasted there is no more clearly meant for the reporter than in a group. Closing as «رد شد» or
/// «حل نشد» sends the reporter a reason, so it too waits for the reason and a confirmation.
/// </summary>
public sealed partial class StaffDesk
{
    /// <summary>What a reply to the bot's message means (OutboxMessage.SubjectAction): the two prompts.</summary>
    private const string ReplyAction = "reply", NoteAction = "note";

    /// <summary>A reason prompt: <c>why-rejected</c>, <c>why-unresolved</c>.</summary>
    private const string ReasonAction = "why-";

    /// <summary>The bot's question about held words, until it is answered; then <see cref="HeardAction"/>, so a second press does nothing.</summary>
    private const string HeldAction = "held", HeardAction = "heard";

    private const string PostHeld = "post";

    private static bool NeedsReason(ReportOutcome outcome) => outcome is ReportOutcome.Rejected or ReportOutcome.Unresolved;

    private static string OutcomeKey(ReportOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string CloseHeld(ReportOutcome outcome) => HeldWords.ClosePrefix + OutcomeKey(outcome);

    /// <summary>A question whose answer is written as a reply to it: the phone opens that reply at once where the messenger can.</summary>
    private static void Prompt(Turn turn, string code, string text, string action) =>
        turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(text, new ForceReply(), Monospace: [code]) { Subject = code, SubjectAction = action },
            OutboxPriority.Interactive);

    private static void AskReason(Turn turn, string code, ReportOutcome outcome) =>
        Prompt(turn, code, Texts.AskCloseReason(code, outcome), ReasonAction + OutcomeKey(outcome));

    /// <summary>
    /// Keeps the words (and file) with the bot's question about them, in the question's own outbox row, and asks the
    /// writer what they are for. Nothing else holds them: a press reads them back from the question pressed.
    /// </summary>
    private static void Hold(Turn turn, string code, HeldWords held)
    {
        var (text, keyboard) = held.Closing is { } outcome
            ? (Texts.ConfirmClose(code, outcome, held.Text), HeldButtons.ToClose)
            : (Texts.HeldAsk(code), HeldButtons.ToPost);
        turn.Send(turn.In.Chat, turn.In.ChatKind, new TextMessage(text, keyboard, turn.In.MessageId, [code])
            { Subject = code, SubjectAction = HeldAction, Memo = JsonSerializer.Serialize(held) }, OutboxPriority.Interactive);
    }

    private async Task ReplyToPostAsync(Turn turn, Actor actor, ReportWork work, string code, string action, CancellationToken ct)
    {
        if (await ReportAsync(turn, actor, code, ct) is not { } report) return;
        var text = PersianText.CleanInput(turn.In.Text);
        HeldFile? file = null;
        if (turn.In.Kind == IncomingKind.Media)
        {
            if (turn.In.Attachment is not { Kind: not (AttachmentKind.Sticker or AttachmentKind.VideoNote) } attachment)
            {
                turn.Reply(Texts.StaffFileUnsupported);
                return;
            }

            file = new HeldFile(attachment.Kind, attachment.FileId, turn.In.Messenger, attachment.FileName, attachment.FileSize);
        }

        switch (action)
        {
            case ReplyAction:
                await SendAsync(work, report, text, file, ct);
                break;
            case NoteAction when file is not null:
                turn.Reply(Texts.NoteIsText);
                break;
            case NoteAction:
                work.Note(report, text);
                break;
            case StaffNotices.PostAction or ReportCard.Action or AdditionPosts.Action:
                Hold(turn, report.Code, new HeldWords(turn.In.From!.UserId, PostHeld, text, file));
                break;
            case { } reason when reason.StartsWith(ReasonAction, StringComparison.Ordinal) && ParseOutcome(reason[ReasonAction.Length..]) is { } outcome:
                if (file is not null || text.Length == 0) { turn.Reply(Texts.ReasonMissing); return; }
                if (!report.CanClose(outcome)) { turn.Reply(Texts.AlreadyClosed); return; }
                Hold(turn, report.Code, new HeldWords(turn.In.From!.UserId, CloseHeld(outcome), text));
                break;
            default:
                await StepReplyAsync(turn, work, report, action, text, file, ct);
                break;
        }
    }

    private static Task SendAsync(ReportWork work, ReportAggregate report, string text, HeldFile? file, CancellationToken ct) =>
        file is null ? work.ReplyAsync(report, text, ct) : work.ReplyWithFileAsync(report, text, file, ct);

    /// <summary>
    /// A press under the question about held words: only its writer's press counts, and only the first (the question
    /// is marked answered in the same transaction that acts).
    /// </summary>
    private async Task HeldButtonAsync(CommandCall call, CancellationToken ct)
    {
        var turn = call.Turn;
        var choice = (turn.In.ButtonData ?? "")[HeldButtons.Prefix.Length..];
        var question = turn.In.MessageId is { } pressed
            ? await turn.Db.Outbox.AsNoTracking()
                .Where(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SentMessageId == pressed && o.SubjectAction == HeldAction)
                .Select(o => new { o.Id, o.Subject, o.Payload }).FirstOrDefaultAsync(ct)
            : null;
        var held = question is not null && OutgoingJson.Read(question.Payload) is TextMessage { Memo: { } memo }
            ? JsonSerializer.Deserialize<HeldWords>(memo)
            : null;
        if (question is null)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        if (held is null)
        {
            await HeldGoneAsync(turn, question.Id, ct);
            return;
        }

        if (held.Writer != turn.In.From!.UserId)
        {
            turn.AnswerButton(Texts.HeldNotYours, asAlert: true);
            return;
        }

        var (actor, work) = await WorkAsync(call, ct);
        if (await ReportAsync(turn, actor, question.Subject!, ct, tell: false) is not { } report)
        {
            turn.AnswerButton(Texts.UnknownCode);
            return;
        }

        // Read before the report's lock was taken: a second press that waited on it finds the question answered here.
        if (await turn.Db.Outbox.Where(o => o.Id == question.Id && o.SubjectAction == HeldAction)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubjectAction, HeardAction), ct) == 0)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        turn.AnswerButton();
        switch (choice)
        {
            case HeldButtons.Send when held.Purpose == PostHeld:
                await SendAsync(work, report, held.Text, held.File, ct);
                break;
            case HeldButtons.Note when held.Purpose == PostHeld:
                work.Note(report, held.File is null ? held.Text : Texts.NotedWithFile(held.Text));
                break;
            case HeldButtons.Close when held.Closing is { } outcome:
                await work.CloseAsync(report, outcome, null, held.Text, ct);
                break;
            default:
                turn.Reply(Texts.HeldDropped);
                break;
        }
    }

    /// <summary>
    /// The question outlived its words: retention emptied its row (<c>Retention:OutboxPayloadDays</c>). The writer is told
    /// plainly, once (the question is answered from then on), rather than met with a silent stale press.
    /// </summary>
    private static async Task HeldGoneAsync(Turn turn, long questionId, CancellationToken ct)
    {
        if (await turn.Db.Outbox.Where(o => o.Id == questionId && o.SubjectAction == HeldAction)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubjectAction, HeardAction), ct) == 0)
        {
            turn.AnswerButton(Texts.StaleButton);
            return;
        }

        turn.AnswerButton();
        turn.Reply(Texts.HeldGone);
    }
}

/// <summary>A staff member's words the bot holds until they say what they are for; <paramref name="Writer"/> is their user id.</summary>
/// <param name="Purpose"><c>post</c> (to the reporter, or a note), or <c>close:OUTCOME</c> with the reason as <paramref name="Text"/>.</param>
public sealed record HeldWords(long Writer, string Purpose, string Text, HeldFile? File = null)
{
    public const string ClosePrefix = "close:";

    /// <summary>The outcome these words are the reason for, if they are one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportOutcome? Closing => Purpose.StartsWith(ClosePrefix, StringComparison.Ordinal) ? StaffDesk.ParseOutcome(Purpose[ClosePrefix.Length..]) : null;
}

/// <summary>A file a staff member sent, on the messenger that holds it.</summary>
public sealed record HeldFile(AttachmentKind Kind, string FileId, string Messenger, string? FileName, long? Size);

/// <summary>The buttons of the question about held words: data <c>sh:CHOICE</c>; the question pressed says whose words and which report.</summary>
public static class HeldButtons
{
    public const string Prefix = "sh:";
    public const string Send = "send", Note = "note", Close = "close", Drop = "drop";

    public static InlineKeyboard ToPost { get; } = new(
    [
        [new InlineButton(Texts.HeldSendButton, Prefix + Send)],
        [new InlineButton(Texts.HeldNoteButton, Prefix + Note), new InlineButton(Texts.HeldDropButton, Prefix + Drop)],
    ]);

    public static InlineKeyboard ToClose { get; } = new(
    [
        [new InlineButton(Texts.HeldCloseButton, Prefix + Close), new InlineButton(Texts.HeldDropButton, Prefix + Drop)],
    ]);
}
