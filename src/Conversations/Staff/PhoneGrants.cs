using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// Grants given to a mobile number that nobody has proved theirs yet: they wait until the number's owner shares their
/// contact. Those a member only typed are named apart, since that member may believe they already have the role.
/// </summary>
public static class PhoneGrants
{
    public sealed record Pending(RoleGrant Grant, string Phone, bool Typed);

    public static async Task<IReadOnlyList<Pending>> PendingAsync(BotDbContext db, CancellationToken ct)
    {
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.RevokedAt == null && g.Who.StartsWith(GrantHolders.PhonePrefix)).OrderBy(g => g.Id).ToListAsync(ct);
        if (grants.Count == 0) return [];
        var named = grants.Select(g => (Grant: g, Phone: GrantHolders.TryPhone(g.Who, out var phone) ? phone : "")).ToList();
        var phones = named.Select(n => (string?)n.Phone).Distinct().ToList();
        var holders = await db.Members.AsNoTracking().Where(m => phones.Contains(m.Phone))
            .Select(m => new { m.Phone, m.PhoneVerified }).ToListAsync(ct);
        return named
            .Where(g => !holders.Any(h => h.Phone == g.Phone && h.PhoneVerified))
            .Select(g => new Pending(g.Grant, g.Phone, holders.Any(h => h.Phone == g.Phone)))
            .ToList();
    }
}
