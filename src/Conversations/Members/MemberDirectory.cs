using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Members;

/// <summary>Finds members by the account they write from, and by number.</summary>
public static class MemberDirectory
{
    public static Task<Member?> ByAccountAsync(BotDbContext db, string messenger, long userId, CancellationToken ct) =>
        HotQueries.MemberByAccount(db, messenger, userId, ct);

    public static Task<Member?> ByPhoneAsync(BotDbContext db, string phone, CancellationToken ct) =>
        db.Members.Where(m => m.Phone == phone).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
}
