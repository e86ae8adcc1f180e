using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>Staff accounts by the name their private chat with the bot goes by: what colleagues read on a card or in the queue.</summary>
public static class StaffNames
{
    public static async Task<Dictionary<string, string>> OfAsync(BotDbContext db, IEnumerable<string?> accounts, CancellationToken ct)
    {
        var parsed = accounts.Select(a => AccountRef.TryParse(a, out var account) ? account : (AccountRef?)null).OfType<AccountRef>().Distinct().ToList();
        if (parsed.Count == 0) return [];
        var ids = parsed.Select(a => a.Id).ToList();
        var chats = await db.Chats.AsNoTracking().Where(c => ids.Contains(c.ChatId) && c.Title != null)
            .Select(c => new { c.Messenger, c.ChatId, c.Title }).ToListAsync(ct);
        var names = chats.Where(c => parsed.Contains(new AccountRef(c.Messenger, c.ChatId)))
            .ToDictionary(c => new AccountRef(c.Messenger, c.ChatId).ToString(), c => c.Title!);
        // Somebody who only ever pressed a button in a staff group has no private chat: their name as a member, if they are one.
        var missing = parsed.Where(a => !names.ContainsKey(a.ToString())).ToList();
        if (missing.Count == 0) return names;
        var users = missing.Select(a => a.Id).ToList();
        var members = await db.Accounts.AsNoTracking().Where(a => users.Contains(a.UserId))
            .Select(a => new { a.Messenger, a.UserId, a.Member!.Name }).ToListAsync(ct);
        foreach (var m in members.Where(m => !string.IsNullOrWhiteSpace(m.Name) && missing.Contains(new AccountRef(m.Messenger, m.UserId))))
            names.TryAdd(new AccountRef(m.Messenger, m.UserId).ToString(), m.Name);
        return names;
    }

    public static async Task<string> OfAsync(BotDbContext db, string account, CancellationToken ct) =>
        (await OfAsync(db, [account], ct)).GetValueOrDefault(account, Text.Texts.SomeStaff);
}
