using Assembly.Conversations.Messages;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>
/// How many people a list of chats reaches: a member on both messengers has two chats and is one person. The counts
/// organizers read are of people; what is sent and counted for delivery stays one copy per chat.
/// </summary>
public static class People
{
    public static async Task<int> CountAsync(BotDbContext db, IReadOnlyCollection<ChatAddress> chats, CancellationToken ct)
    {
        if (chats.Count == 0) return 0;
        var ids = chats.Select(c => c.ChatId).Distinct().ToList();
        var owners = (await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.ChatId)).Select(a => new { a.Messenger, a.ChatId, a.MemberId }).ToListAsync(ct))
            .GroupBy(a => new ChatAddress(a.Messenger, a.ChatId)).ToDictionary(g => g.Key, g => g.First().MemberId);
        // A chat of nobody's account (a staff member who never registered) is a person of its own.
        return chats.Distinct().Select(c => owners.TryGetValue(c, out var member) ? $"m{member}" : $"c{c}").Distinct().Count();
    }
}
