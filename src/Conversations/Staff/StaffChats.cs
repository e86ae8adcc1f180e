using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;

namespace Assembly.Conversations.Staff;

/// <summary>The groups configured as a secretariat's staff chats (<c>StaffChats</c>): the only groups where the bot works.</summary>
public static class StaffChats
{
    /// <summary>The secretariats whose staff chat this is; empty for any other group.</summary>
    public static IReadOnlyList<string> SecretariatsOf(AssemblyOptions assembly, ChatAddress chat)
    {
        var written = new AccountRef(chat.Messenger, chat.ChatId);
        return assembly.Secretariats
            .Where(s => s.StaffChats.Any(c => AccountRef.TryParse(c, out var configured) && configured == written))
            .Select(s => s.Key).ToList();
    }
}
