using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Announcements;

/// <summary><c>/broadcasts</c>: each recent announcement's delivery, counted from its outbox rows.</summary>
public static class BroadcastReport
{
    public static async Task ShowAsync(Turn turn, FlowContext context, CancellationToken ct)
    {
        var recent = await turn.Db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Take(10).ToListAsync(ct);
        if (recent.Count == 0) { turn.Reply(Texts.NoBroadcasts); return; }

        var ids = recent.Select(b => b.Id).ToList();
        var counts = await turn.Db.Outbox.AsNoTracking().Where(o => o.BroadcastId != null && ids.Contains(o.BroadcastId.Value))
            .GroupBy(o => new { o.BroadcastId, o.Status })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count(), LastSent = g.Max(o => o.SentAt) })
            .ToListAsync(ct);
        var lines = recent.Select(b =>
        {
            var mine = counts.Where(c => c.BroadcastId == b.Id).ToList();
            int Of(params OutboxStatus[] statuses) => mine.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            var queued = Of(OutboxStatus.Pending, OutboxStatus.Sending);
            var last = mine.Max(c => c.LastSent);
            var took = queued == 0 && last is { } end ? PersianText.ToPersianDigits((end - b.CreatedAt).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)) : null;
            return Texts.BroadcastLine(b.Id, PersianTime.Date(b.CreatedAt, context.Zone), b.Audience, b.Recipients,
                queued, Of(OutboxStatus.Sent), Of(OutboxStatus.Failed, OutboxStatus.Uncertain), Of(OutboxStatus.Refused), Of(OutboxStatus.Unreachable), took);
        });
        turn.Reply(string.Join("\n\n", lines));
    }
}
