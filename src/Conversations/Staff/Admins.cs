using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>Who administers the bot: the accounts of <c>Access:Admins</c> and the admin grants stored by <c>/claim</c>.</summary>
public static class Admins
{
    /// <summary>
    /// Taken (<see cref="TransactionLocks"/>) by whatever adds or removes an admin grant, so that two instances never
    /// both hand out one claim code, nor both revoke the last two admins.
    /// </summary>
    public const string Lock = "admins";

    public static IEnumerable<string> Configured(AccessOptions access) =>
        access.Admins.Select(a => AccountRef.TryParse(a, out var account) ? account.ToString() : null).OfType<string>();

    public static Task<List<string>> StoredAsync(BotDbContext db, CancellationToken ct) =>
        db.RoleGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.Role == Role.Admin).OrderBy(g => g.Id).Select(g => g.Who).ToListAsync(ct);

    /// <summary>False when nobody can administer the bot: then the way in is a claim code.</summary>
    public static async Task<bool> AnyAsync(BotDbContext db, AccessOptions access, CancellationToken ct) =>
        Configured(access).Any() || await db.RoleGrants.AnyAsync(g => g.RevokedAt == null && g.Role == Role.Admin, ct);

    /// <summary>Every admin's account: those of <c>Access:Admins</c> (given as configured) and the stored admin grants.</summary>
    public static async Task<List<AccountRef>> AccountsAsync(BotDbContext db, IEnumerable<string> configured, CancellationToken ct) =>
        await GrantHolders.AccountsAsync(db, configured.Concat(await StoredAsync(db, ct)), ct);
}
