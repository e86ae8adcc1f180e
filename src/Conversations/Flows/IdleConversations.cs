using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Conversations nobody answered for <c>Conversations:IdleMinutes</c>: the half-made answers go (a report's are kept
/// as a draft), and the member is told. The due time is a column, so a restart loses none.
/// </summary>
public static class IdleConversations
{
    /// <summary>
    /// Ends every conversation whose time is up; returns the notices to send. A half-written report is kept as a draft
    /// instead (<see cref="Drafts"/>); a draft whose days are up goes without a word, as the member was told when.
    /// </summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> ExpireDueAsync(BotDbContext db, ConversationOptions options, DateTime now, CancellationToken ct)
    {
        var due = await db.Conversations.Where(c => c.ExpiresAt != null && c.ExpiresAt <= now).ToListAsync(ct);
        var notices = new List<OutgoingMessage>();
        foreach (var conversation in due)
        {
            string text;
            // A report left past its place step has no keyboard under it (ReportFlow): the notice brings the menu back.
            var menu = conversation.Flow == ReportFlow.Name ? MainMenu.Keyboard : null;
            if (Drafts.TryRead(conversation, out _))
            {
                PrivateChat.End(conversation);
                continue;
            }

            if (Drafts.Unresume(conversation))
            {
                // Asked whether to continue the draft and never answered: it stays as it was, and says so again.
                text = Texts.DraftStillKept;
            }
            else if (Drafts.Worth(conversation))
            {
                Drafts.Keep(conversation, now.AddDays(options.DraftDays));
                text = Texts.DraftKept(options.IdleMinutes, options.DraftDays);
            }
            else
            {
                text = PrivateChat.End(conversation) ? Texts.Expired(options.IdleMinutes) + "\n" + Texts.DraftStillKept : Texts.Expired(options.IdleMinutes);
            }

            // Not an answer to anything the member just sent: a notice, paced like the rest of bulk.
            notices.Add(new TextMessage(text, menu)
            {
                To = new ChatAddress(conversation.Messenger, conversation.ChatId), ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk,
            });
        }

        return notices;
    }
}
