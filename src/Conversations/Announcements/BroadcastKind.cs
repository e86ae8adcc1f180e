using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary>What made a broadcast, and so which command sends it again: <c>/announce</c>, <c>/meeting</c> or <c>/outcome</c>.</summary>
public enum BroadcastKind { Announcement, SessionInvitation, SessionOutcome }

public static class BroadcastKinds
{
    /// <summary>
    /// A broadcast's row does not say what made it. A session's invitation is written in the same turn as its session,
    /// by the same organizer, so at the same time to the tick; an outcome notice names its audience with the outcome
    /// conversation's own words, which no audience of <c>/announce</c> uses.
    /// </summary>
    public static async Task<BroadcastKind> OfAsync(BotDbContext db, Broadcast broadcast, CancellationToken ct)
    {
        if (broadcast.Audience is Texts.OutcomeToAudience or Texts.OutcomeToAttendees) return BroadcastKind.SessionOutcome;
        return await db.Meetings.AsNoTracking().AnyAsync(m => m.CreatedBy == broadcast.CreatedBy && m.CreatedAt == broadcast.CreatedAt, ct)
            ? BroadcastKind.SessionInvitation
            : BroadcastKind.Announcement;
    }
}
