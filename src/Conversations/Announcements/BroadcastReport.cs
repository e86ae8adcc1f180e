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

        var tally = await BroadcastTally.OfAsync(turn.Db, recent.Select(b => b.Id).ToList(), ct);
        var lines = recent.Select(b =>
        {
            var copies = tally(b.Id);
            var took = copies.Queued == 0 && copies.LastSent is { } end
                ? PersianText.ToPersianDigits((end - b.CreatedAt).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)) : null;
            return Texts.BroadcastLine(b.Id, PersianTime.Date(b.CreatedAt, context.Zone), b.Audience, b.Recipients,
                copies.Queued, copies.Sent, copies.GivenUp, copies.Refused, copies.Unreachable, took);
        });
        turn.Reply(string.Join("\n\n", lines));
    }
}
