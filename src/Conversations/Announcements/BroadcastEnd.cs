using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>
/// A broadcast's end, seen by the scheduler once no copy of it is waiting or on its way: it is marked finished, and
/// when the messenger refused copies (a 400) or they were given up, its organizer is told once, in counts (delivered,
/// refused, given up, blocked), instead of a line per copy. A broadcast where only members who blocked the bot were
/// missed says nothing: <c>/broadcasts</c> counts them, and nobody can do anything about them.
/// </summary>
public static class BroadcastEnd
{
    public static async Task<IReadOnlyList<OutgoingMessage>> DueAsync(BotDbContext db, DateTime now, CancellationToken ct)
    {
        var open = await db.Broadcasts.Where(b => b.FinishedAt == null).ToListAsync(ct);
        if (open.Count == 0) return [];
        var tally = await BroadcastTally.OfAsync(db, open.Select(b => b.Id).ToList(), ct);
        var outgoing = new List<OutgoingMessage>();
        foreach (var broadcast in open)
        {
            var copies = tally(broadcast.Id);
            if (copies.Queued > 0) continue;
            broadcast.FinishedAt = now;
            if (copies.Refused + copies.GivenUp == 0 || !AccountRef.TryParse(broadcast.CreatedBy, out var organizer)) continue;
            var kind = copies.Refused > 0 ? await BroadcastKinds.OfAsync(db, broadcast, ct) : BroadcastKind.Announcement;
            outgoing.Add(new TextMessage(Texts.BroadcastMissed(broadcast.Id, broadcast.Audience, copies.Sent, copies.Refused, copies.GivenUp, copies.Unreachable, kind))
            {
                To = new ChatAddress(organizer.Messenger, organizer.Id), ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk,
            });
        }

        return outgoing;
    }
}
