using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>
/// A member's <c>/meetings</c>: the sessions ahead they are invited to, each its own message with the RSVP buttons
/// and their answer marked (✓), so they answer or change it where they read it. One message a session, because a
/// press redraws the buttons of the message it was pressed under (<see cref="MeetingDesk.RsvpAsync"/>); the text
/// carries no answer, which the redrawn buttons would leave stale.
/// </summary>
public static class MemberMeetings
{
    /// <summary>Few enough to read on a phone; the nearest come first.</summary>
    private const int Shown = 5;

    public static async Task ShowAsync(Turn turn, Member? member, FlowContext context, CancellationToken ct)
    {
        var upcoming = await turn.Db.Meetings.AsNoTracking().Include(m => m.Rsvps)
            .Where(m => m.Status == MeetingStatus.Published && m.StartsAt > turn.Now).OrderBy(m => m.StartsAt).Take(20).ToListAsync(ct);
        var mine = new List<Meeting>();
        foreach (var meeting in upcoming)
        {
            if (mine.Count == Shown) break;
            if (member is not null && await MeetingNotices.AudienceOf(meeting).IncludesAsync(turn.Db, context, member, ct)) mine.Add(meeting);
        }

        if (member is null || mine.Count == 0)
        {
            turn.Reply(Texts.NoMeetings, member is null ? null : MainMenu.Keyboard);
            return;
        }

        turn.Reply(Texts.MemberMeetingsHead(mine.Count), MainMenu.Keyboard);
        foreach (var meeting in mine)
            turn.Reply(Texts.MeetingForMember(meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone), meeting.Place),
                RsvpButtons.For(meeting.Id, meeting.Rsvps.FirstOrDefault(r => r.MemberId == member.Id)?.Answer));
    }
}
