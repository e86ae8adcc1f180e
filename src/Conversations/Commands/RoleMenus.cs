using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Turns;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Commands;

/// <summary>
/// The command menu of each team member's private chat (<see cref="CommandMenu.For"/>): what their roles open, queued
/// as a <see cref="CommandMenuMessage"/> whenever those roles change (a grant, a revocation, a number proved that a
/// grant waited for, a claim code), and made for everyone who holds a role when the bot starts. Somebody left with no
/// role gets the members' menu back.
/// </summary>
public static class RoleMenus
{
    /// <summary>
    /// Queues the menu of every private chat of the person a grant names (<c>telegram:ID</c>, <c>bale:ID</c> or a
    /// proved <c>phone:</c>), as their roles stand once this turn's changes are in.
    /// </summary>
    public static async Task RefreshAsync(Turn turn, AssemblyOptions assembly, AccessOptions access, string who, CancellationToken ct)
    {
        // The grant given or revoked in this turn must count: saved (not committed) so the queries below see it.
        await turn.Db.SaveChangesAsync(ct);
        foreach (var account in await GrantHolders.AccountsAsync(turn.Db, [who], ct))
            turn.Effect(await MenuAsync(turn.Db, assembly, access, account, ct));
    }

    /// <summary>The same for a member's own accounts (a number they just proved may carry a grant).</summary>
    public static async Task RefreshMemberAsync(Turn turn, AssemblyOptions assembly, AccessOptions access, Member member, CancellationToken ct)
    {
        await turn.Db.SaveChangesAsync(ct);
        var accounts = await turn.Db.Accounts.AsNoTracking().Where(a => a.MemberId == member.Id)
            .Select(a => new { a.Messenger, a.UserId }).ToListAsync(ct);
        foreach (var account in accounts)
            turn.Effect(await MenuAsync(turn.Db, assembly, access, new AccountRef(account.Messenger, account.UserId), ct));
    }

    /// <summary>
    /// After a member proved their number or linked an account to the member who did: their menus, if a live grant
    /// names that number (nobody else's menu changed).
    /// </summary>
    public static async Task RefreshIfGrantedAsync(Turn turn, Flows.FlowContext context, Member member, CancellationToken ct)
    {
        if (member is not { PhoneVerified: true, Phone: { } phone }) return;
        var who = GrantHolders.ForPhone(phone);
        if (await turn.Db.RoleGrants.AnyAsync(g => g.Who == who && g.RevokedAt == null, ct))
            await RefreshMemberAsync(turn, context.Assembly, context.Access, member, ct);
    }

    /// <summary>
    /// The menus of everyone on <paramref name="messenger"/> who holds a role now: configured admins and staff, and
    /// the accounts of live grants (a number's once proved). Published when the bot starts.
    /// </summary>
    public static async Task<IReadOnlyList<CommandMenuMessage>> HoldersAsync(BotDbContext db, AssemblyOptions assembly, AccessOptions access,
        string messenger, CancellationToken ct)
    {
        var granted = await db.RoleGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Who).Distinct().ToListAsync(ct);
        var named = access.Admins.Concat(assembly.Secretariats.SelectMany(s => s.Staff)).Concat(granted);
        var menus = new List<CommandMenuMessage>();
        foreach (var account in (await GrantHolders.AccountsAsync(db, named, ct)).Where(a => a.Messenger == messenger && a.Id > 0))
        {
            var menu = await MenuAsync(db, assembly, access, account, ct);
            if (menu.Commands.Count > 0) menus.Add(menu);
        }

        return menus;
    }

    private static async Task<CommandMenuMessage> MenuAsync(BotDbContext db, AssemblyOptions assembly, AccessOptions access, AccountRef account,
        CancellationToken ct)
    {
        var member = await db.Accounts.AsNoTracking().Where(a => a.Messenger == account.Messenger && a.UserId == account.Id)
            .Select(a => a.Member).SingleOrDefaultAsync(ct);
        var actor = await Actor.ResolveAsync(db, assembly, access, account.Messenger, account.Id, member, ct);
        // A person's private chat with the bot has their user id.
        return new CommandMenuMessage(actor.HasRole ? CommandMenu.For(actor) : [])
        {
            To = new ChatAddress(account.Messenger, account.Id), ToKind = ChatKind.Private,
        };
    }
}
