using Assembly.Conversations.Announcements;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Meetings;

public enum MeetingChangeKind { Cancel, Reschedule, Move }

/// <summary>
/// A change to a published session: what its followers are told (the same text in the preview and in their chats),
/// how many people that is, and the change itself with its notices. Nothing here asks; the flow does.
/// </summary>
public static class MeetingChanges
{
    /// <summary>The message the session's followers get for this change.</summary>
    public static string Notice(Meeting meeting, MeetingChangeKind kind, DateTime? startsAt, string? place, TimeZoneInfo zone) => kind switch
    {
        MeetingChangeKind.Cancel => Texts.MeetingCancelled(meeting.Title, MeetingTime.Format(meeting.StartsAt, zone)),
        MeetingChangeKind.Reschedule => Texts.MeetingRescheduled(meeting.Title, MeetingTime.Format(meeting.StartsAt, zone), MeetingTime.Format(startsAt!.Value, zone), meeting.Place),
        _ => Texts.MeetingMoved(meeting.Title, MeetingTime.Format(meeting.StartsAt, zone), place!),
    };

    /// <summary>How many people the change would reach now.</summary>
    public static async Task<int> PeopleAsync(Turn turn, Meeting meeting, FlowContext context, CancellationToken ct) =>
        await People.CountAsync(turn.Db, await MeetingNotices.FollowersAsync(turn.Db, context, meeting, ct), ct);

    /// <summary>Makes the change, tells the followers and the organizer; the meeting is tracked, with its reminders.</summary>
    public static async Task ApplyAsync(Turn turn, Meeting meeting, MeetingChangeKind kind, DateTime? startsAt, string? place, FlowContext context, CancellationToken ct)
    {
        var followers = await MeetingNotices.FollowersAsync(turn.Db, context, meeting, ct);
        var people = await People.CountAsync(turn.Db, followers, ct);
        var text = Notice(meeting, kind, startsAt, place, context.Zone);
        var answers = kind == MeetingChangeKind.Reschedule ? await RsvpButtons.ByChatAsync(turn.Db, meeting.Id, ct) : null;
        switch (kind)
        {
            case MeetingChangeKind.Cancel:
                meeting.Status = MeetingStatus.Cancelled;
                turn.Db.MeetingReminders.RemoveRange(meeting.Reminders.Where(r => r.SentAt is null));
                turn.Reply(Texts.MeetingCancelDone(meeting.Id, people));
                break;
            case MeetingChangeKind.Reschedule:
                meeting.StartsAt = startsAt!.Value;
                MeetingNotices.ScheduleReminders(turn.Db, meeting, context.MeetingSettings, turn.Now);
                turn.Reply(Texts.MeetingRescheduleDone(meeting.Id, MeetingTime.Format(meeting.StartsAt, context.Zone), people));
                break;
            default:
                meeting.Place = place!;
                turn.Reply(Texts.MeetingMoveDone(meeting.Id, people));
                break;
        }

        foreach (var chat in followers)
        {
            // A new time may change an answer: the buttons come again, the member's own answer marked.
            var keyboard = answers is null ? null : RsvpButtons.For(meeting.Id, answers.TryGetValue(chat, out var a) ? a : null);
            turn.Send(chat, ChatKind.Private, new TextMessage(text, keyboard), OutboxPriority.Bulk);
        }
    }
}
