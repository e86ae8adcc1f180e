using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Staff;

/// <summary>
/// An account's role as it stands now, read afresh from configuration and grants: what was allowed when a card was
/// sent or a statistic asked for may have been revoked since, so whatever keeps serving someone asks again here.
/// </summary>
public static class StaffStanding
{
    /// <summary>The account's <see cref="Actor"/> now, with the member behind it (a phone grant counts only for a proven number).</summary>
    public static async Task<Actor> ActorAsync(BotDbContext db, FlowContext context, AccountRef account, CancellationToken ct)
    {
        var member = await db.Accounts.AsNoTracking().Where(a => a.Messenger == account.Messenger && a.UserId == account.Id)
            .Select(a => a.Member).FirstOrDefaultAsync(ct);
        return await Actor.ResolveAsync(db, context.Assembly, context.Access, account.Messenger, account.Id, member, ct);
    }

    /// <summary>Whether the account may see and act on this secretariat's reports now (its staff, or an admin).</summary>
    public static async Task<bool> WorksAsync(BotDbContext db, FlowContext context, AccountRef account, string secretariat, CancellationToken ct) =>
        (await ActorAsync(db, context, account, ct)).Works(secretariat);
}
