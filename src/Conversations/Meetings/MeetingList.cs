using Assembly.Conversations.Announcements;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>
/// An organizer's <c>/meetings</c>: the sessions ahead and the last ten held, each with its number, its answers
/// counted in people, and buttons for what can be done with it, so no number needs typing.
/// </summary>
public static class MeetingList
{
    /// <summary>Few enough that the buttons stay within what a messenger shows under one message.</summary>
    private const int Upcoming = 10, Past = 10;

    public static async Task ForOrganizerAsync(Turn turn, FlowContext context, CancellationToken ct)
    {
        var published = turn.Db.Meetings.AsNoTracking().Include(m => m.Rsvps).Where(m => m.Status == MeetingStatus.Published);
        var ahead = await published.Where(m => m.StartsAt > turn.Now).OrderBy(m => m.StartsAt).Take(Upcoming).ToListAsync(ct);
        var held = await published.Where(m => m.StartsAt <= turn.Now).OrderByDescending(m => m.StartsAt).Take(Past).ToListAsync(ct);
        if (ahead.Count == 0 && held.Count == 0)
        {
            turn.Reply(Texts.MeetingsNoneForOrganizer);
            return;
        }

        var parts = new List<string>();
        var rows = new List<IReadOnlyList<InlineButton>>();
        if (ahead.Count > 0)
        {
            var lines = new List<string> { Texts.MeetingsUpcoming };
            foreach (var meeting in ahead)
            {
                int Count(RsvpAnswer a) => meeting.Rsvps.Count(r => r.Answer == a);
                var invited = await People.CountAsync(turn.Db, await MeetingNotices.AudienceOf(meeting).ChatsAsync(turn.Db, context, ct), ct);
                lines.Add(Texts.MeetingLineForOrganizer(meeting.Id, meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone),
                    Count(RsvpAnswer.Yes), Count(RsvpAnswer.Maybe), Count(RsvpAnswer.No), invited));
                rows.Add([Button(Texts.MeetingRescheduleButton(meeting.Id), MeetingDesk.RescheduleAction, meeting.Id),
                    Button(Texts.MeetingPlaceButton(meeting.Id), MeetingDesk.PlaceAction, meeting.Id)]);
                rows.Add([Button(Texts.MeetingCancelButton(meeting.Id), MeetingDesk.CancelAction, meeting.Id),
                    Button(Texts.MeetingNamesButton(meeting.Id), MeetingDesk.NamesAction, meeting.Id)]);
            }

            parts.Add(string.Join("\n\n", lines));
        }

        if (held.Count > 0)
        {
            var lines = new List<string> { Texts.MeetingsPast };
            foreach (var meeting in held)
            {
                lines.Add(Texts.PastMeetingLine(meeting.Id, meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone),
                    meeting.Rsvps.Count(r => r.Answer == RsvpAnswer.Yes)));
                rows.Add([Button(Texts.MeetingOutcomeButton(meeting.Id), MeetingDesk.OutcomeAction, meeting.Id),
                    Button(Texts.MeetingNamesButton(meeting.Id), MeetingDesk.NamesAction, meeting.Id)]);
            }

            parts.Add(string.Join("\n\n", lines));
        }

        parts.Add(Texts.MeetingsButtonsHint);
        turn.Reply(string.Join("\n\n", parts), new InlineKeyboard(rows));
    }

    private static InlineButton Button(string label, string action, int id) =>
        new(label, $"{MeetingDesk.ButtonPrefix}{action}:{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
