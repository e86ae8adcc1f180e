using Assembly.Conversations.Announcements;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Text;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>What a session sends: the announcement with RSVP buttons, reminders, and notices of changes.</summary>
public static class MeetingNotices
{
    public const string RsvpPrefix = "rsvp:";

    public static Audience AudienceOf(Meeting meeting) => Audience.Parse(meeting.Audience);

    /// <summary>The RSVP buttons of someone who has not answered (see <see cref="RsvpButtons"/> for one who has).</summary>
    public static InlineKeyboard RsvpKeyboard(int meetingId) => RsvpButtons.For(meetingId, null);

    public static string Announcement(Meeting meeting, TimeZoneInfo zone) =>
        Texts.MeetingAnnouncement(meeting.Title, MeetingTime.Format(meeting.StartsAt, zone), meeting.Place, meeting.Agenda);

    /// <summary>
    /// Who hears about a session after its announcement: its audience (less those who muted announcements
    /// and those who said they will not come), and everyone who said yes or maybe even if they muted since.
    /// </summary>
    public static async Task<IReadOnlyList<ChatAddress>> FollowersAsync(BotDbContext db, FlowContext context, Meeting meeting, CancellationToken ct)
    {
        var answers = await db.Rsvps.AsNoTracking().Where(r => r.MeetingId == meeting.Id).Select(r => new { r.MemberId, r.Answer }).ToListAsync(ct);
        var declined = answers.Where(a => a.Answer == RsvpAnswer.No).Select(a => a.MemberId).ToHashSet();
        var coming = answers.Where(a => a.Answer != RsvpAnswer.No).Select(a => a.MemberId).ToList();
        var declinedChats = (await db.Accounts.AsNoTracking().Where(a => declined.Contains(a.MemberId)).Select(a => new { a.Messenger, a.ChatId }).ToListAsync(ct))
            .Select(a => new ChatAddress(a.Messenger, a.ChatId)).ToHashSet();
        var chats = (await AudienceOf(meeting).ChatsAsync(db, context, ct)).Where(c => !declinedChats.Contains(c)).ToList();
        chats.AddRange(await Staff.StaffDirectory.MemberChatsAsync(db, coming, ct));
        return chats.Distinct().ToList();
    }

    /// <summary>Reminders at the configured offsets that are still ahead, replacing any not yet sent.</summary>
    public static void ScheduleReminders(BotDbContext db, Meeting meeting, MeetingOptions options, DateTime now)
    {
        db.MeetingReminders.RemoveRange(meeting.Reminders.Where(r => r.SentAt is null));
        foreach (var before in options.ReminderOffsets.Distinct())
            if (meeting.StartsAt - before > now)
                meeting.Reminders.Add(new MeetingReminder { DueAt = meeting.StartsAt - before, Before = before });
    }

    /// <summary>Reminders due now, as messages; each is marked sent in the same transaction, so none goes twice.</summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> DueRemindersAsync(BotDbContext db, FlowContext context, DateTime now, CancellationToken ct)
    {
        var due = await db.MeetingReminders.Where(r => r.SentAt == null && r.DueAt <= now).ToListAsync(ct);
        var ids = due.Select(r => r.MeetingId).Distinct().ToList();
        var meetings = await db.Meetings.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var outgoing = new List<OutgoingMessage>();
        foreach (var reminder in due)
        {
            reminder.SentAt = now;
            var meeting = meetings[reminder.MeetingId];
            // A reminder that came due too late (the bot was down past the start) is dropped, not sent.
            if (meeting.Status != MeetingStatus.Published || meeting.StartsAt <= now) continue;
            var text = Texts.MeetingReminder(meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone), meeting.Place, MeetingTime.Span(reminder.Before));
            var answers = await RsvpButtons.ByChatAsync(db, meeting.Id, ct);
            foreach (var chat in await FollowersAsync(db, context, meeting, ct))
                outgoing.Add(new TextMessage(text, RsvpButtons.For(meeting.Id, answers.TryGetValue(chat, out var a) ? a : null))
                    { To = chat, ToKind = ChatKind.Private, Priority = OutboxPriority.Bulk });
        }

        return outgoing;
    }
}
