using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>Messages about a report: posts to its secretariat's staff, and notices to its reporter and followers.</summary>
public static class StaffNotices
{
    public const string PostAction = "post";

    /// <summary>
    /// Posts a report's card (<see cref="ReportCard"/>) to the report's audience (<see cref="ReportAudience"/>): per
    /// messenger, the secretariat's staff chats there, or its staff privately where it has none there; and its assignee.
    /// A post names the reporter but never gives their number: a staff group is a wider audience than a private chat,
    /// and the number is shown only by <c>/show</c> in private.
    /// </summary>
    public static async Task PostReportAsync(Turn turn, Report report, Member reporter, FlowContext context, CancellationToken ct)
    {
        var audience = await ReportPosts.AudienceAsync(turn, context, report, ct);
        if (audience.Count == 0) return; // a card for nobody is not worth its reads, made on the filing's path
        var facts = await ReportCard.ReadAsync(turn.Db, context, report, turn.Now, ct);
        foreach (var (chat, kind) in audience)
        {
            ForumTopics.Open(turn, report, chat, kind);
            await ReportPosts.SendAsync(turn, context, facts, chat, kind, OutboxPriority.Bulk, ct, audience: true);
            SendLocation(turn, chat, kind, report);
            SendFiles(turn, chat, kind, report.Code, report.Attachments);
        }
    }

    /// <summary>The member's fields in full, to the chat that asked (in parts when they are long: see MessageLimits).</summary>
    public static void FullText(Turn turn, Report report) =>
        turn.Reply(Texts.FullText(report.Code, report.Description, report.ProposedSolution, report.Place), monospace: [report.Code]);

    /// <summary>The place the member pinned, as the messenger's own map, right under the post.</summary>
    private static void SendLocation(Turn turn, ChatAddress chat, ChatKind kind, Report report)
    {
        if (report is { Latitude: { } latitude, Longitude: { } longitude })
            turn.Send(chat, kind, new LocationMessage(latitude, longitude) { Subject = report.Code, SubjectAction = PostAction }, OutboxPriority.Bulk);
    }

    /// <summary>
    /// The member's files, to staff on the same messenger: a file id means nothing on another one, so there
    /// the post says where the files are instead. Into a report's forum topic they are carried from the other
    /// messenger too (downloaded there and uploaded here by the sender), so the topic holds them all.
    /// </summary>
    private static void SendFiles(Turn turn, ChatAddress chat, ChatKind kind, string code, IReadOnlyList<ReportAttachment> attachments,
        OutboxPriority priority = OutboxPriority.Bulk)
    {
        for (var i = 0; i < attachments.Count; i++)
        {
            var file = attachments[i];
            if (!Enum.TryParse<AttachmentKind>(file.Kind, ignoreCase: true, out var fileKind)) continue;
            var carried = file.Messenger != chat.Messenger;
            if (carried && kind != ChatKind.Group) continue;
            turn.Send(chat, kind, new FileMessage(fileKind, file.FileId, Texts.AttachmentCaption(code, i + 1, attachments.Count))
            {
                Subject = code, SubjectAction = PostAction,
                FromMessenger = carried ? file.Messenger : null, FileName = carried ? file.FileName : null, OnlyInTopic = carried,
            }, priority);
        }
    }

    /// <summary>
    /// What the reporter added reaches the secretariat's staff, named by code, topic, county and a line of the report,
    /// with the buttons to open it and to answer; on a closed report, saying so, since nobody is waiting on it any more.
    /// Words are gathered into one post per report and chat for a while (<see cref="AdditionPosts"/>); files go as they come.
    /// Into a report's forum topic on the member's messenger, the member's message is copied as it is instead
    /// (<see cref="ForumTopics.CopyTargetsAsync"/>). Every copy of the card shows it came.
    /// </summary>
    /// <param name="post">False for a later file of an album: only the file goes, the post already says files came.</param>
    public static async Task MemberAddedAsync(Turn turn, Report report, string? text, ReportAttachment? file, FlowContext context, CancellationToken ct,
        bool post = true)
    {
        var closedAs = report.Stage == ReportStage.Closed ? report.Outcome : null;
        var topics = await ForumTopics.CopyTargetsAsync(turn, report, ct);
        foreach (var (chat, kind) in await ReportPosts.AudienceAsync(turn, context, report, ct))
        {
            if (topics.TryGetValue(chat, out var topic))
            {
                // Into the report's topic, the member's message itself, file and all; should the copy be refused, the post instead.
                var instead = AdditionPosts.Alone(report, Texts.AddedNotCopied(text, file is not null), closedAs);
                turn.Send(chat, kind, new CopyMessage(turn.In.Chat.ChatId, turn.In.MessageId!.Value)
                    { Topic = topic, Subject = report.Code, SubjectAction = PostAction, Otherwise = instead }, OutboxPriority.Additions);
                continue;
            }

            if (post)
            {
                var item = Texts.AddedItem(text, file is not null, file is not null && file.Messenger != chat.Messenger ? file.Messenger : null);
                await AdditionPosts.AddAsync(turn, report, chat, kind, item, closedAs, ct);
            }

            if (file is not null) SendFiles(turn, chat, kind, report.Code, [file], OutboxPriority.Additions);
        }

        await ReportPosts.RefreshAsync(turn, context, report, ct, OutboxPriority.Additions);
    }

    /// <summary>
    /// Tells the reporter, on every messenger they use, with the button to answer; a reply to the notice reaches the
    /// report too (<see cref="ReporterThread"/>). Followers are another audience (<see cref="ToFollowersAsync"/>).
    /// </summary>
    public static async Task ToReporterAsync(Turn turn, Report report, string text, CancellationToken ct)
    {
        foreach (var chat in await StaffDirectory.MemberChatsAsync(turn.Db, [report.MemberId], ct))
            turn.Send(chat, ChatKind.Private, ReporterThread.About(new TextMessage(text, ReporterThread.AnswerButton(report.Code), Monospace: [report.Code]), report.Code),
                OutboxPriority.Bulk);
    }

    /// <summary>
    /// Tells those who follow the report: only of its stage and outcome, so <paramref name="text"/> never carries what
    /// the reporter wrote or what the secretariat wrote to them. A reporter who also follows their own report (two
    /// accounts merged into one member) is told once, as the reporter.
    /// </summary>
    public static async Task ToFollowersAsync(Turn turn, Report report, string text, CancellationToken ct)
    {
        var followers = await turn.Db.ReportFollowers.Where(f => f.ReportId == report.Id && f.MemberId != report.MemberId).Select(f => f.MemberId).ToListAsync(ct);
        if (followers.Count == 0) return;
        // No button: a follower reads, only the reporter answers.
        foreach (var chat in await StaffDirectory.MemberChatsAsync(turn.Db, followers, ct))
            turn.Send(chat, ChatKind.Private, new TextMessage(text, Monospace: [report.Code]) { Subject = report.Code }, OutboxPriority.Bulk);
    }
}

/// <summary>
/// The buttons under a report in a staff chat: data <c>st:ACTION:CODE[:VALUE]</c>. <c>st:open:CODE</c> sends the
/// report's card to the chat it is pressed in (<see cref="ReportCard.OpenButton"/>).
/// </summary>
public static class StaffButtons
{
    public const string Prefix = "st:";

    /// <summary>A button's data: every button about a report is made here, and read by <see cref="TryRead"/>.</summary>
    public static string Data(string action, string code, string? value = null) =>
        value is null ? $"{Prefix}{action}:{code}" : $"{Prefix}{action}:{code}:{value}";

    public static InlineKeyboard Choices(string action, string code, IEnumerable<(string Label, string Value)> values) =>
        new(values.Select(v => (IReadOnlyList<InlineButton>)[new InlineButton(v.Label, Data(action, code, v.Value))]).ToList());

    public static bool TryRead(string? data, out string action, out string code, out string? value)
    {
        (action, code, value) = ("", "", null);
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = data[Prefix.Length..].Split(':');
        if (parts.Length is < 2 or > 3) return false;
        (action, code, value) = (parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        return true;
    }
}
