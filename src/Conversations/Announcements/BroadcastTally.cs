using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>
/// A broadcast's copies counted by what became of them, from its outbox rows: the one reading of a status as
/// "waiting", "given up" and so on, shared by <c>/broadcasts</c> and the organizer's notice at a broadcast's end.
/// </summary>
public sealed record BroadcastTally(int Queued, int Sent, int GivenUp, int Refused, int Unreachable, DateTime? LastSent)
{
    private static readonly BroadcastTally None = new(0, 0, 0, 0, 0, null);

    /// <summary>The tallies of these broadcasts, in one query; a broadcast with no rows has none of anything.</summary>
    public static async Task<Func<int, BroadcastTally>> OfAsync(BotDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var counts = await db.Outbox.AsNoTracking().Where(o => o.BroadcastId != null && ids.Contains(o.BroadcastId.Value))
            .GroupBy(o => new { o.BroadcastId, o.Status })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count(), LastSent = g.Max(o => o.SentAt) })
            .ToListAsync(ct);
        var tallies = counts.GroupBy(c => c.BroadcastId!.Value).ToDictionary(g => g.Key, g =>
        {
            int Of(params OutboxStatus[] statuses) => g.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            return new BroadcastTally(Of(OutboxStatus.Pending, OutboxStatus.Sending), Of(OutboxStatus.Sent),
                Of(OutboxStatus.Failed, OutboxStatus.Uncertain), Of(OutboxStatus.Refused), Of(OutboxStatus.Unreachable), g.Max(c => c.LastSent));
        });
        return id => tallies.GetValueOrDefault(id, None);
    }
}
