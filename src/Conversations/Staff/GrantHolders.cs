using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The accounts a grant names. <c>telegram:ID</c> and <c>bale:ID</c> name themselves; <c>phone:+98…</c> names the
/// accounts of the member who proved that number theirs by sharing their contact, and nobody while nobody has
/// (a typed number is a claim, not a proof: see <see cref="Members.PhoneOwnership"/>).
/// </summary>
public static class GrantHolders
{
    public const string PhonePrefix = "phone:";

    public static async Task<List<AccountRef>> AccountsAsync(BotDbContext db, IEnumerable<string> whos, CancellationToken ct)
    {
        var list = whos.ToList();
        var accounts = list.Select(w => AccountRef.TryParse(w, out var a) && a.Messenger != "phone" ? a : (AccountRef?)null).OfType<AccountRef>().ToList();
        var phones = list.Where(w => w.StartsWith(PhonePrefix, StringComparison.Ordinal)).Select(w => (string?)w[PhonePrefix.Length..]).ToList();
        if (phones.Count > 0)
            accounts.AddRange((await db.Accounts.AsNoTracking()
                    .Where(a => a.Member!.PhoneVerified && phones.Contains(a.Member.Phone))
                    .Select(a => new { a.Messenger, a.UserId }).ToListAsync(ct))
                .Select(a => new AccountRef(a.Messenger, a.UserId)));
        return accounts.Distinct().ToList();
    }
}
