using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>Where a secretariat's staff read the bot: each staff member's private chat and the secretariat's staff groups.</summary>
public static class StaffDirectory
{
    /// <summary>Asked at every report filed, so compiled (<see cref="PerModel{TSet}"/>).</summary>
    private sealed class Queries
    {
        public readonly Func<BotDbContext, string, IAsyncEnumerable<string>> StaffGrants = EF.CompileAsyncQuery(
            (BotDbContext db, string secretariat) => db.RoleGrants.AsNoTracking()
                .Where(g => g.RevokedAt == null && g.Role == Role.Staff && g.Secretariat == secretariat)
                .Select(g => g.Who));
    }

    public static async Task<IReadOnlyList<(ChatAddress Chat, ChatKind Kind)>> ChatsAsync(BotDbContext db, AssemblyOptions assembly, string secretariat, CancellationToken ct)
    {
        var options = Routing.Find(assembly, secretariat);
        if (options is null) return [];
        var grants = await PerModel<Queries>.For(db).StaffGrants(db, secretariat).ToListAsync(ct);
        var accounts = await GrantHolders.AccountsAsync(db, options.Staff.Concat(grants), ct);

        // A person's private chat has their user id on both messengers.
        var chats = accounts.Select(a => (new ChatAddress(a.Messenger, a.Id), ChatKind.Private)).ToList();
        chats.AddRange((await StaffChats.WhereNowAsync(db, options.StaffChats, ct)).Select(c => (c, ChatKind.Group)));
        return chats;
    }

    /// <summary>The admins' private chats (the configured <paramref name="admins"/> and those who claimed the role): where news that needs an admin's eye goes.</summary>
    public static async Task<IReadOnlyList<ChatAddress>> AdminChatsAsync(BotDbContext db, IReadOnlyList<string> admins, CancellationToken ct) =>
        (await Admins.AccountsAsync(db, admins, ct)).Select(a => new ChatAddress(a.Messenger, a.Id)).ToList();

    /// <summary>The private chats of a member on every messenger they use: where their notices go.</summary>
    public static async Task<IReadOnlyList<ChatAddress>> MemberChatsAsync(BotDbContext db, IEnumerable<int> memberIds, CancellationToken ct)
    {
        var ids = memberIds.Distinct().ToList();
        return (await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.MemberId)).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct))
            .Select(a => new ChatAddress(a.Messenger, a.ChatId)).ToList();
    }
}
