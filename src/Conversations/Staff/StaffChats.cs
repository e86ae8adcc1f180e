using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The groups configured as a secretariat's staff chats (<c>StaffChats</c>): the only groups where the bot works. A
/// configured group that the messenger upgraded to a supergroup is the supergroup, under the id the sender learned
/// (<see cref="Storage.Entities.ChatMigration"/>), until the configuration names that id itself.
/// </summary>
public static class StaffChats
{
    /// <summary>The secretariats whose staff chat this is; empty for any other group.</summary>
    public static async Task<IReadOnlyList<string>> SecretariatsOfAsync(BotDbContext db, AssemblyOptions assembly, ChatAddress chat, CancellationToken ct)
    {
        var direct = SecretariatsOf(assembly, chat);
        if (direct.Count > 0) return direct;
        var before = await db.ChatMigrations.AsNoTracking()
            .Where(m => m.Messenger == chat.Messenger && m.ToChatId == chat.ChatId)
            .Select(m => m.FromChatId).ToListAsync(ct);
        return before.SelectMany(id => SecretariatsOf(assembly, chat with { ChatId = id })).Distinct().ToList();
    }

    /// <summary>The secretariats whose configured staff chats name this chat.</summary>
    private static IReadOnlyList<string> SecretariatsOf(AssemblyOptions assembly, ChatAddress chat)
    {
        var written = new AccountRef(chat.Messenger, chat.ChatId);
        return assembly.Secretariats
            .Where(s => s.StaffChats.Any(c => AccountRef.TryParse(c, out var configured) && configured == written))
            .Select(s => s.Key).ToList();
    }

    /// <summary>Where these configured staff chats are now: each one's new id if it moved, else as configured.</summary>
    public static async Task<IReadOnlyList<ChatAddress>> WhereNowAsync(BotDbContext db, IEnumerable<string> configured, CancellationToken ct)
    {
        var chats = configured.Select(c => AccountRef.TryParse(c, out var account) ? account : (AccountRef?)null).OfType<AccountRef>()
            .Select(c => new ChatAddress(c.Messenger, c.Id)).ToList();
        if (chats.Count == 0) return chats;
        var ids = chats.Select(c => c.ChatId).ToList();
        var moves = await db.ChatMigrations.AsNoTracking().Where(m => ids.Contains(m.FromChatId)).ToListAsync(ct);
        return chats.Select(c => moves.FirstOrDefault(m => m.Messenger == c.Messenger && m.FromChatId == c.ChatId) is { } moved
            ? c with { ChatId = moved.ToChatId }
            : c).ToList();
    }
}
