using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// A topic per report, where a staff chat is a forum (Telegram's supergroups with topics): the report's post, the
/// member's additions and files, the notices and the staff's work on it all go into its topic, so its whole story is
/// one scroll. Whether the chat is a forum is the messenger's to say, asked when the topic would be opened
/// (<see cref="TopicOpen"/>): it is always current (topics can be turned on or off at any time) and needs nothing
/// stored. The topic's id is kept with the report's post in that chat (<see cref="ReportPost.ThreadId"/>), written by
/// the outbox in the same transaction that records the topic as opened, before the chat's next message is sent; a
/// second <see cref="TopicOpen"/> for the same report and chat finds it and opens nothing.
/// </summary>
public static class ForumTopics
{
    /// <summary>The outbox action of the messages that open, close and reopen a report's topic.</summary>
    public const string Action = "topic";

    /// <summary>Queues the topic's opening, ahead of the post it will hold. Only a group can be a forum.</summary>
    public static void Open(Turn turn, Report report, ChatAddress chat, ChatKind kind)
    {
        if (kind != ChatKind.Group) return;
        // An effect: nobody is told when it is not opened; the report's messages then stay in the chat itself.
        turn.Effect(new TopicOpen(Texts.TopicName(report.Topic, report.Code))
        {
            To = chat, ToKind = kind, Priority = OutboxPriority.Bulk, Subject = report.Code, SubjectAction = Action,
        });
    }

    /// <summary>
    /// After a change to the report: closing it closes its topics, reopening it reopens them. Read from the stage as
    /// loaded and as it is now, so whichever way the report was closed or reopened, the topics follow.
    /// </summary>
    public static void AfterChange(Turn turn, Report report, IReadOnlyList<ReportPost> posts)
    {
        var entry = turn.Db.Entry(report);
        if (entry.State is EntityState.Detached or EntityState.Added) return;
        var wasClosed = entry.Property(r => r.Stage).OriginalValue == ReportStage.Closed;
        var isClosed = report.Stage == ReportStage.Closed;
        if (wasClosed == isClosed) return;
        foreach (var post in posts)
        {
            if (post.ThreadId is not { } thread) continue;
            var chat = new ChatAddress(post.Messenger, post.ChatId);
            if (turn.Outgoing.Any(m => m is TopicState && m.To == chat && m.Subject == report.Code)) continue;
            turn.Effect(new TopicState(Open: !isClosed)
            {
                To = chat, ToKind = ChatKind.Group, Priority = OutboxPriority.Bulk, Topic = thread, Subject = report.Code, SubjectAction = Action,
            });
        }
    }

    /// <summary>
    /// The report was routed away from the secretariat of this post's chat: nothing more of it goes into its topic there,
    /// so the topic is closed after the last word about where the report went. Should it come back, it gets a new topic.
    /// </summary>
    public static void CloseRoutedAway(Turn turn, ReportPost post, string code)
    {
        if (post.ThreadId is not { } thread) return;
        turn.Effect(new TopicState(Open: false)
        {
            To = new ChatAddress(post.Messenger, post.ChatId), ToKind = ChatKind.Group, Priority = OutboxPriority.Bulk, Topic = thread, Subject = code,
            SubjectAction = Action,
        });
    }

    /// <summary>
    /// The report's topics, by chat, where the member's own message can be copied into them as it is (the support
    /// bots' way: what the member sent, as they sent it): the message this turn is about, written in the member's
    /// private chat, to a topic on the same messenger. Empty otherwise (an addition chosen later from a kept text, a
    /// chat without topic, another messenger): those chats get the post of before.
    /// </summary>
    public static async Task<IReadOnlyDictionary<ChatAddress, int>> CopyTargetsAsync(Turn turn, Report report, CancellationToken ct)
    {
        if (turn.In is not { ChatKind: ChatKind.Private, MessageId: not null, Kind: IncomingKind.Text or IncomingKind.Media or IncomingKind.Location }
            || report.Id == 0)
            return new Dictionary<ChatAddress, int>();
        var messenger = turn.In.Messenger;
        var topics = await turn.Db.ReportPosts.AsNoTracking()
            .Where(p => p.ReportId == report.Id && p.Messenger == messenger && p.ThreadId != null)
            .Select(p => new { p.ChatId, p.ThreadId })
            .ToListAsync(ct);
        return topics.ToDictionary(t => new ChatAddress(messenger, t.ChatId), t => t.ThreadId!.Value);
    }

    /// <summary>The report whose topic this is, by the topic's id in this chat; null for the main thread or another topic.</summary>
    public static async Task<string?> ReportOfAsync(Turn turn, CancellationToken ct)
    {
        if (turn.In is not { ChatKind: ChatKind.Group, ThreadId: { } thread }) return null;
        var chat = turn.In.Chat;
        return await turn.Db.ReportPosts.AsNoTracking()
            .Where(p => p.Messenger == chat.Messenger && p.ChatId == chat.ChatId && p.ThreadId == thread)
            .Join(turn.Db.Reports, p => p.ReportId, r => r.Id, (_, r) => r.Code)
            .FirstOrDefaultAsync(ct);
    }
}
