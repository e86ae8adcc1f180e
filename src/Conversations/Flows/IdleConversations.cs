using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Conversations nobody answered for <c>Conversations:IdleMinutes</c>: the half-made answers go, and the
/// member is told. The due time is a column, so a restart loses none.
/// </summary>
public static class IdleConversations
{
    /// <summary>Ends every conversation whose time is up; returns the notices to send.</summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> ExpireDueAsync(BotDbContext db, ConversationOptions options, DateTime now, CancellationToken ct)
    {
        var due = await db.Conversations.Where(c => c.ExpiresAt != null && c.ExpiresAt <= now).ToListAsync(ct);
        foreach (var conversation in due) PrivateChat.End(conversation);
        // Not an answer to anything the member just sent: a notice, paced like the rest of bulk.
        return due.Select(c => (OutgoingMessage)new TextMessage(Texts.Expired(options.IdleMinutes))
        {
            To = new ChatAddress(c.Messenger, c.ChatId), ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk,
        }).ToList();
    }
}
