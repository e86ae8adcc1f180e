using Assembly.Conversations.Flows;
using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Reports;

/// <summary>
/// The reporter's side of a report's thread. Every message about a report in its reporter's chat is marked with the
/// report (its outbox row's subject, with <see cref="SubjectAction"/>), and the secretariat's carry the
/// «پاسخ به دبیرخانه» button; the messenger's reply to any of them, or what follows a press of the button, is added to
/// the report and posted to its staff. A closed report still takes it: what the reporter says is never dropped, and
/// staff decide whether it reopens the report.
/// </summary>
public static class ReporterThread
{
    /// <summary>The data of the answer button: <c>ans:CODE</c>.</summary>
    public const string AnswerPrefix = "ans:";

    /// <summary>What a reply to a message marked so means: the reporter answers about that report.</summary>
    public const string SubjectAction = "answer";

    public static string AnswerData(string code) => AnswerPrefix + code;

    /// <summary>The button under every message the secretariat sends the reporter.</summary>
    public static InlineKeyboard AnswerButton(string code) => new([[new InlineButton(Texts.AnswerSecretariat, AnswerData(code))]]);

    /// <summary>Marks a message to the reporter as about this report, so that their messenger reply to it reaches the report.</summary>
    public static T About<T>(T message, string code) where T : OutgoingMessage => message with { Subject = code, SubjectAction = SubjectAction };

    /// <summary>Answers in the reporter's chat with a message about the report (a reply to it reaches the report too).</summary>
    public static void ReplyAbout(Turn turn, string code, string text, Keyboard? keyboard = null) =>
        turn.Send(turn.In.Chat, turn.In.ChatKind, About(new TextMessage(text, keyboard, Monospace: [code]), code), OutboxPriority.Interactive);

    /// <summary>Whether the member filed the report with this code, read without taking its lock.</summary>
    public static Task<bool> IsReporterAsync(Turn turn, Member member, string code, CancellationToken ct) =>
        turn.Db.Reports.AnyAsync(r => r.Code == code && r.MemberId == member.Id, ct);

    /// <summary>
    /// The report with this code, locked, if the member is its reporter; null otherwise (another's report is as if it did not exist).
    /// </summary>
    public static async Task<ReportAggregate?> OwnAsync(Turn turn, Member? member, string code, FlowContext context, CancellationToken ct)
    {
        // Checked before the lock: somebody else's code must not make this turn wait on that report's lock.
        if (member is null || !await IsReporterAsync(turn, member, code, ct)) return null;
        // The reporter of a report never changes, so what was checked still holds once it is locked.
        return await ReportAggregate.LoadAsync(turn, context, code, ct);
    }

    /// <summary>
    /// The messenger's reply to a bot message about one of the member's reports: what it carries is added to that report.
    /// False when it is no such reply, for the message to be read otherwise.
    /// </summary>
    public static async Task<bool> TryReplyAsync(Turn turn, string text, FlowContext context, CancellationToken ct)
    {
        var message = turn.In;
        if (message is not { ReplyToMessageId: { } repliedTo, Kind: IncomingKind.Text or IncomingKind.Media or IncomingKind.Location }) return false;
        var code = await turn.Db.Outbox.AsNoTracking()
            .Where(o => o.Messenger == message.Messenger && o.ChatId == message.Chat.ChatId && o.SentMessageId == repliedTo && o.SubjectAction == SubjectAction)
            .Select(o => o.Subject)
            .FirstOrDefaultAsync(ct);
        if (code is null || await OwnAsync(turn, await MemberDirectory.SenderAsync(turn, ct), code, context, ct) is not { } report) return false;
        if (await AddAsync(turn, report, new FlowInput(message, text, Choice: null), context, ct) is { } refused) turn.Reply(refused);
        return true;
    }

    /// <summary>
    /// Adds what the reporter sent (text, a file, a location) to the report, posts it to the secretariat's staff and
    /// acknowledges it in one line. Returns why it was refused, having changed nothing, or null when it was added.
    /// </summary>
    public static async Task<string?> AddAsync(Turn turn, ReportAggregate report, FlowInput input, FlowContext context, CancellationToken ct)
    {
        if (await RefuseAsync(turn, report, input, context, ct) is { } limited) return limited;
        string? text;
        ReportAttachment? file = null;
        if (input.IsText)
        {
            text = input.Text;
            report.AddMessage(text);
        }
        else if (input.Kind == IncomingKind.Location && input.Message.Location is { } point)
        {
            text = Texts.LocationAdded(point.Latitude, point.Longitude);
            report.AddMessage(text);
        }
        else if (input.Kind == IncomingKind.Media && input.Message.Attachment is { Kind: not AttachmentKind.Sticker } attachment)
        {
            if (attachment.FileSize > context.Conversations.MaxFileBytes) return Texts.FileTooLarge(context.Conversations.MaxFileMegabytes);
            text = input.Caption.Length > 0 ? input.Caption : null;
            file = Kept(turn, attachment);
            report.AddFile(file, text, input.Message.MediaGroupId);
        }
        else
        {
            return Texts.AnswerKindRefused;
        }

        await TellAsync(turn, report, text, file, context, ct);
        return null;
    }

    /// <summary>A file the member sent, as the report keeps it: by its id on the messenger it came from.</summary>
    public static ReportAttachment Kept(Turn turn, Attachment file) => new()
    {
        Kind = file.Kind.ToString().ToLowerInvariant(), Messenger = turn.In.Messenger, FileId = file.FileId, FileName = file.FileName, AddedAt = turn.Now,
    };

    /// <summary>
    /// Adds a text the member wrote earlier (and that was kept for them) to the report, as <see cref="AddAsync"/> does.
    /// Returns why it was refused (the member's limit), having changed nothing, or null when it was added.
    /// </summary>
    public static async Task<string?> AddTextAsync(Turn turn, ReportAggregate report, string text, FlowContext context, CancellationToken ct)
    {
        if (await MemberLimits.RefuseAdditionAsync(turn, report.Report.MemberId, null, context.Conversations, context.Zone, ct) is { } limited) return limited;
        report.AddMessage(text);
        await TellAsync(turn, report, text, file: null, context, ct);
        return null;
    }

    /// <summary>
    /// Whether the member may add this now: within their hourly limit, and a file within the report's attachments.
    /// Null when they may, otherwise what they are told.
    /// </summary>
    public static async Task<string?> RefuseAsync(Turn turn, ReportAggregate report, FlowInput input, FlowContext context, CancellationToken ct)
    {
        var file = input.Kind == IncomingKind.Media;
        if (await MemberLimits.RefuseAdditionAsync(turn, report.Report.MemberId, file ? input.Message.MediaGroupId : null, context.Conversations, context.Zone, ct)
            is { } limited)
            return limited;
        var max = context.Conversations.MaxAttachments;
        return file && await turn.Db.ReportAttachments.CountAsync(a => a.ReportId == report.Report.Id, ct) >= max ? Texts.AttachmentsFull(max) : null;
    }

    /// <summary>The secretariat's staff get the addition; the member, one line saying it arrived.</summary>
    private static async Task TellAsync(Turn turn, ReportAggregate report, string? text, ReportAttachment? file, FlowContext context, CancellationToken ct)
    {
        await Staff.StaffNotices.MemberAddedAsync(turn, report.Report, text, file, context, ct);
        ReplyAbout(turn, report.Code, report.Report.Stage == ReportStage.Closed ? Texts.AnswerToClosedReceived(report.Code) : Texts.Added(report.Code),
            MainMenu.Keyboard);
    }
}
