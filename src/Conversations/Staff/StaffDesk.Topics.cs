using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>What staff write in a report's forum topic (<see cref="ForumTopics"/>).</summary>
public sealed partial class StaffDesk
{
    /// <summary>
    /// A staff member's own message in a report's topic is an internal note on that report, acknowledged with a quiet
    /// reaction: in a topic everyone reads the report's whole story, so a remark there is plainly meant for colleagues,
    /// and what goes to the reporter goes only through «پاسخ». A reply to one of the bot's messages keeps its meaning
    /// (an answer to a «پاسخ» prompt goes to the reporter; one to the card asks first, as the card says), as does any
    /// command. False when this is not such a message: the main thread and any other group keep their meaning.
    /// </summary>
    public async Task<bool> TryTopicNoteAsync(Turn turn, IReadOnlyList<string> staffChatOf, CancellationToken ct)
    {
        var message = turn.In;
        if (message is not { Kind: IncomingKind.Text or IncomingKind.Media, From: not null, ThreadId: not null, MessageId: { } messageId }) return false;
        var text = PersianText.CleanInput(message.Text);
        if (text.StartsWith('/')) return false;
        if (message.ReplyToMessageId is { } replyTo && await AboutReportAsync(turn, replyTo, ct)) return false;
        if (await ForumTopics.ReportOfAsync(turn, ct) is not { } code) return false;

        var actor = (await ActorAsync(turn, turn.Sender, ct)).Within(staffChatOf);
        if (!actor.IsStaff) return false;
        if (await ReportAsync(turn, actor, code, ct, tell: false) is not { } report) return false;
        report.Note(actor.Account, text.Length > 0 ? text : Texts.TopicFileNote);
        turn.Effect(new Reaction(messageId, Texts.TopicNoted)
        {
            To = message.Chat, ToKind = message.ChatKind, Priority = OutboxPriority.Interactive, Topic = message.ThreadId,
        });
        return true;
    }

    /// <summary>Whether the message replied to is one of the bot's messages about a report, whose reply means what it says.</summary>
    private static Task<bool> AboutReportAsync(Turn turn, long messageId, CancellationToken ct) =>
        turn.Db.Outbox.AsNoTracking()
            .AnyAsync(o => o.Messenger == turn.In.Messenger && o.ChatId == turn.In.Chat.ChatId && o.SentMessageId == messageId && o.Subject != null
                           && o.SubjectAction != null && o.SubjectAction != ForumTopics.Action, ct);
}
