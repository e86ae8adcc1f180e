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
    /// <summary>Kept public for queries (EF translates a constant prefix); in code, use <see cref="ForPhone"/> and <see cref="TryPhone"/>.</summary>
    public const string PhonePrefix = "phone:";

    /// <summary>How a grant names a number: <c>phone:+989121234567</c>.</summary>
    public static string ForPhone(string phone) => PhonePrefix + phone;

    /// <summary>The number a grant names, if it names one.</summary>
    public static bool TryPhone(string who, out string phone)
    {
        var names = who.StartsWith(PhonePrefix, StringComparison.Ordinal);
        phone = names ? who[PhonePrefix.Length..] : "";
        return names;
    }

    public static async Task<List<AccountRef>> AccountsAsync(BotDbContext db, IEnumerable<string> whos, CancellationToken ct)
    {
        var list = whos.ToList();
        var accounts = list.Select(w => AccountRef.TryParse(w, out var a) && a.Messenger != "phone" ? a : (AccountRef?)null).OfType<AccountRef>().ToList();
        var phones = list.Select(w => TryPhone(w, out var phone) ? phone : null).OfType<string>().Select(p => (string?)p).ToList();
        if (phones.Count > 0)
            accounts.AddRange((await db.Accounts.AsNoTracking()
                    .Where(a => a.Member!.PhoneVerified && phones.Contains(a.Member.Phone))
                    .Select(a => new { a.Messenger, a.UserId }).ToListAsync(ct))
                .Select(a => new AccountRef(a.Messenger, a.UserId)));
        return accounts.Distinct().ToList();
    }
}
