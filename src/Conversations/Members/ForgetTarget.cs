using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Members;

/// <summary>
/// The member an admin's <c>/forget WHO</c> names: by account (<c>telegram:123</c>), or by mobile number. A typed
/// number is enough here, since an admin acts, not the number's claimant; but a number several members typed
/// names none of them, so those are listed with their accounts for the admin to choose by.
/// </summary>
public static class ForgetTarget
{
    /// <summary>The member and how the admin reads them, or null once the admin was told why there is none.</summary>
    public static async Task<(int Id, string Described)?> FindAsync(Turn turn, string who, CancellationToken ct)
    {
        who = PersianText.ToLatinDigits(who).Trim();
        List<Member> found;
        if (AccountRef.TryParse(who, out var account) && account.Messenger is "telegram" or "bale")
        {
            found = await Holders(turn).Where(m => m.Accounts.Any(a => a.Messenger == account.Messenger && a.UserId == account.Id)).ToListAsync(ct);
            if (found.Count == 0) { turn.Reply(Texts.ForgetNoAccount(account.ToString())); return null; }
        }
        else if (PhoneNumber.TryNormalizeTyped(who, out var phone))
        {
            found = await Holders(turn).Where(m => m.Phone == phone).ToListAsync(ct);
            var display = PhoneNumber.Display(phone);
            if (found.Count == 0) { turn.Reply(Texts.ForgetNoNumber(display)); return null; }
            if (found.Count > 1)
            {
                turn.Reply(Texts.ForgetSeveral(display, found.Select(Describe).ToList()));
                return null;
            }
        }
        else
        {
            turn.Reply(Texts.Usage(Texts.ForgetAdminUsage));
            return null;
        }

        return (found[0].Id, Describe(found[0]));
    }

    /// <summary>Members not yet forgotten, with their accounts, oldest first.</summary>
    private static IQueryable<Member> Holders(Turn turn) =>
        turn.Db.Members.AsNoTracking().Include(m => m.Accounts).Where(m => m.ForgottenAt == null).OrderBy(m => m.Id);

    private static string Describe(Member member) =>
        Texts.MemberDescribed(member.Name, member.Phone is { } phone ? PhoneNumber.Display(phone) : null, Accounts(member));

    private static List<string> Accounts(Member member) =>
        member.Accounts.OrderBy(a => a.LinkedAt).Select(a => new AccountRef(a.Messenger, a.UserId).ToString()).ToList();
}
