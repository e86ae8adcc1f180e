using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Storage;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The asker of a queued statistic, export or summary, as they stand when it is served: a request waits (behind
/// others, or across a restart), and a role revoked meanwhile must not still bring members' phones in an export.
/// </summary>
public static class ReadAsker
{
    /// <summary>
    /// What the request may still cover: what it asked for, narrowed to what the asker sees now
    /// (<see cref="StatsScope.For"/>); null when they have no team role any more or see none of it.
    /// </summary>
    public static async Task<StatsScope?> ScopeNowAsync(BotDbContext db, ReadRequest request, FlowContext context, CancellationToken ct)
    {
        var actor = await StaffStanding.ActorAsync(db, context, new AccountRef(request.Messenger, request.UserId), ct);
        if (!actor.HasRole) return null;
        var now = StatsScope.For(actor, context.Assembly);
        var asked = request.Secretariats.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var still = context.Assembly.Secretariats.Where(s => asked.Contains(s.Key) && now.Keys.Contains(s.Key)).ToList();
        return still.Count == 0 ? null : new StatsScope(still, request.Whole && now.Whole);
    }
}
