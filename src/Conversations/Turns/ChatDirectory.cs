using Assembly.Conversations.Messages;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Turns;

/// <summary>Keeps the row of every chat that writes to the bot up to date.</summary>
public static class ChatDirectory
{
    /// <summary>Records the chat; returns true when the bot has just arrived in it (new, or back after being removed).</summary>
    public static async Task<bool> TouchAsync(BotDbContext db, IncomingMessage message, DateTime now, CancellationToken ct) =>
        Touch(db, message, now, await HotQueries.Chat(db, message.Chat.Messenger, message.Chat.ChatId, ct));

    /// <summary>The same with the chat's row already read (null: it has none yet).</summary>
    public static bool Touch(BotDbContext db, IncomingMessage message, DateTime now, ChatRecord? chat)
    {
        var arrived = chat is null || chat.UnreachableSince is not null;
        if (chat is null)
        {
            chat = new ChatRecord { Messenger = message.Chat.Messenger, ChatId = message.Chat.ChatId, FirstSeenAt = now };
            db.Chats.Add(chat);
        }

        chat.Kind = message.ChatKind;
        // To the minute: a row rewritten on every update would cost a write per message for no reader's gain.
        if (now - chat.LastSeenAt >= TimeSpan.FromMinutes(1)) chat.LastSeenAt = now;
        var title = message.ChatKind == ChatKind.Private ? message.From?.DisplayName : message.ChatTitle;
        if (!string.IsNullOrWhiteSpace(title)) chat.Title = title.Length > 256 ? title[..256] : title;
        if (message.ChatKind == ChatKind.Private && message.From?.Username is { } username) chat.Username = username;

        if (message.Kind == IncomingKind.Membership)
            // Blocked by a member or removed from a group: stop writing there until they come back.
            chat.UnreachableSince = message.BotJoined ? null : now;
        else if (message.ChatKind == ChatKind.Private)
            // Somebody who writes to us has evidently unblocked us.
            chat.UnreachableSince = null;
        return arrived && message is { Kind: IncomingKind.Membership, BotJoined: true };
    }

    /// <summary>
    /// The private chat with this person, if they started the bot and have not blocked it since: the only place a
    /// message to them alone can go.
    /// </summary>
    public static async Task<ChatAddress?> PrivateChatAsync(BotDbContext db, string messenger, long userId, CancellationToken ct) =>
        await db.Chats.AsNoTracking().AnyAsync(c => c.Messenger == messenger && c.ChatId == userId && c.Kind == ChatKind.Private && c.UnreachableSince == null, ct)
            ? new ChatAddress(messenger, userId)
            : null;
}
