using Assembly.Conversations.Commands;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Conversations.Turns;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Meetings;

/// <summary>RSVPs, the list of sessions, and the organizers' changes to a published session.</summary>
public static class MeetingDesk
{
    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("meeting", Need.Organizer, Places.Private, "", Texts.MeetingHelp,
            (c, ct) => c.Chat.StartAsync(c.Turn, c.Conversation, MeetingFlow.Name, MeetingFlow.InitialState, ct)) { Flow = MeetingFlow.Name },
        new("reschedule", Need.Organizer, Places.Private, Texts.RescheduleUsage, Texts.RescheduleHelp, (c, ct) => RescheduleAsync(c.Turn, c.Arguments, c.Context, ct)),
        new("place", Need.Organizer, Places.Private, Texts.PlaceUsage, Texts.PlaceHelp, (c, ct) => MoveAsync(c.Turn, c.Arguments, c.Context, ct)),
        new("cancelmeeting", Need.Organizer, Places.Private, Texts.CancelMeetingUsage, Texts.CancelMeetingHelp, (c, ct) => CancelAsync(c.Turn, c.Arguments, c.Context, ct)),
        new("outcome", Need.Organizer, Places.Private, Texts.OutcomeUsage, Texts.OutcomeHelp, OutcomeAsync) { Flow = OutcomeFlow.Name },
    ];

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(MeetingNotices.RsvpPrefix, Need.Anyone, Places.Private, (c, ct) => RsvpAsync(c.Turn, c.Member, c.Arguments, c.Context, ct)),
    ];

    /// <summary><c>/outcome N</c>: the notice of a session that was held, written in a conversation.</summary>
    private static async Task OutcomeAsync(CommandCall c, CancellationToken ct)
    {
        if (await HeldAsync(c.Turn, c.Arguments, ct) is { } held)
            await c.Chat.StartAsync(c.Turn, c.Conversation, OutcomeFlow.Name, OutcomeFlow.InitialState, ct, flow => ((OutcomeFlow)flow).For(held.Id));
    }

    /// <summary>A press of «می‌آیم», «شاید» or «نمی‌آیم»: recorded until the session starts, for members of its audience only.</summary>
    public static async Task RsvpAsync(Turn turn, Member? member, string data, FlowContext context, CancellationToken ct)
    {
        var parts = data[MeetingNotices.RsvpPrefix.Length..].Split(':');
        var answer = parts.Length == 2 ? parts[1] switch { "yes" => RsvpAnswer.Yes, "maybe" => RsvpAnswer.Maybe, "no" => RsvpAnswer.No, _ => (RsvpAnswer?)null } : null;
        var meeting = answer is not null && int.TryParse(parts[0], out var id) ? await turn.Db.Meetings.SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (meeting is null || answer is null) { turn.AnswerButton(Texts.StaleButton); return; }
        if (member is null) { turn.AnswerButton(Texts.RegisterFirst, asAlert: true); return; }
        if (meeting.Status != MeetingStatus.Published || meeting.StartsAt <= turn.Now) { turn.AnswerButton(Texts.RsvpClosed, asAlert: true); return; }
        if (!await MeetingNotices.AudienceOf(meeting).IncludesAsync(turn.Db, context, member, ct)) { turn.AnswerButton(Texts.RsvpNotInvited, asAlert: true); return; }

        var rsvp = await turn.Db.Rsvps.FindAsync([meeting.Id, member.Id], ct);
        if (rsvp is null) turn.Db.Rsvps.Add(rsvp = new Rsvp { MeetingId = meeting.Id, MemberId = member.Id });
        rsvp.Answer = answer.Value;
        rsvp.At = turn.Now;
        turn.AnswerButton(Texts.RsvpRecorded(answer.Value));
    }

    /// <summary>Upcoming sessions: a member sees those meant for them with their answer; organizers see the counts.</summary>
    public static async Task ListAsync(Turn turn, Member? member, Actor actor, FlowContext context, CancellationToken ct)
    {
        var upcoming = await turn.Db.Meetings.AsNoTracking().Include(m => m.Rsvps)
            .Where(m => m.Status == MeetingStatus.Published && m.StartsAt > turn.Now).OrderBy(m => m.StartsAt).Take(20).ToListAsync(ct);
        var lines = new List<string>();
        foreach (var meeting in upcoming)
        {
            var when = MeetingTime.Format(meeting.StartsAt, context.Zone);
            if (CommandCatalog.Allows(actor, Need.Organizer))
            {
                int Count(RsvpAnswer a) => meeting.Rsvps.Count(r => r.Answer == a);
                var invited = (await MeetingNotices.AudienceOf(meeting).ChatsAsync(turn.Db, context, ct)).Count;
                lines.Add(Texts.MeetingLineForOrganizer(meeting.Id, meeting.Title, when, Count(RsvpAnswer.Yes), Count(RsvpAnswer.Maybe), Count(RsvpAnswer.No), invited));
            }
            else if (member is not null && await MeetingNotices.AudienceOf(meeting).IncludesAsync(turn.Db, context, member, ct))
            {
                var mine = meeting.Rsvps.FirstOrDefault(r => r.MemberId == member.Id);
                lines.Add(Texts.MeetingLineForMember(meeting.Title, when, meeting.Place, mine is null ? null : Texts.RsvpLabel(mine.Answer)));
            }
        }

        turn.Reply(lines.Count == 0 ? Texts.NoMeetings : string.Join("\n\n", lines), member is null ? null : MainMenu.Keyboard);
    }

    public static async Task CancelAsync(Turn turn, string args, FlowContext context, CancellationToken ct)
    {
        if (await FindAsync(turn, args.Trim(), ct) is not { } meeting) return;
        if (meeting.Status == MeetingStatus.Cancelled) { turn.Reply(Texts.MeetingAlreadyCancelled); return; }
        var followers = await MeetingNotices.FollowersAsync(turn.Db, context, meeting, ct);
        meeting.Status = MeetingStatus.Cancelled;
        turn.Db.MeetingReminders.RemoveRange(meeting.Reminders.Where(r => r.SentAt is null));
        var text = Texts.MeetingCancelled(meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone));
        foreach (var chat in followers) turn.Send(chat, ChatKind.Private, new Messages.TextMessage(text), OutboxPriority.Bulk);
        turn.Reply(Texts.MeetingCancelDone(meeting.Id));
    }

    public static async Task RescheduleAsync(Turn turn, string args, FlowContext context, CancellationToken ct)
    {
        var space = args.Trim().IndexOf(' ');
        if (space < 0) { turn.Reply(Texts.Usage("/reschedule شماره ۱۴۰۴/۰۹/۲۰ ۱۷:۳۰")); return; }
        if (await FindAsync(turn, args[..space].Trim(), ct) is not { } meeting) return;
        if (meeting.Status == MeetingStatus.Cancelled) { turn.Reply(Texts.MeetingAlreadyCancelled); return; }
        if (!MeetingTime.TryParse(args[(space + 1)..], context.Zone, out var startsAt)) { turn.Reply(Texts.MeetingTimeInvalid); return; }
        if (startsAt <= turn.Now) { turn.Reply(Texts.MeetingTimePast); return; }

        var before = MeetingTime.Format(meeting.StartsAt, context.Zone);
        meeting.StartsAt = startsAt;
        MeetingNotices.ScheduleReminders(turn.Db, meeting, context.MeetingSettings, turn.Now);
        var after = MeetingTime.Format(startsAt, context.Zone);
        var text = Texts.MeetingRescheduled(meeting.Title, before, after, meeting.Place);
        foreach (var chat in await MeetingNotices.FollowersAsync(turn.Db, context, meeting, ct))
            turn.Send(chat, ChatKind.Private, new Messages.TextMessage(text, MeetingNotices.RsvpKeyboard(meeting.Id)), OutboxPriority.Bulk);
        turn.Reply(Texts.MeetingRescheduleDone(meeting.Id, after));
    }

    public static async Task MoveAsync(Turn turn, string args, FlowContext context, CancellationToken ct)
    {
        var space = args.Trim().IndexOf(' ');
        if (space < 0) { turn.Reply(Texts.Usage("/place شماره محل تازه")); return; }
        if (await FindAsync(turn, args[..space].Trim(), ct) is not { } meeting) return;
        if (meeting.Status == MeetingStatus.Cancelled) { turn.Reply(Texts.MeetingAlreadyCancelled); return; }
        var place = PersianText.SingleLine(PersianText.CleanInput(args[(space + 1)..]));
        if (place.Count(PersianText.IsVisibleLetterOrDigit) < 2) { turn.Reply(Texts.MeetingTooShort); return; }
        meeting.Place = place;
        var text = Texts.MeetingMoved(meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone), place);
        foreach (var chat in await MeetingNotices.FollowersAsync(turn.Db, context, meeting, ct))
            turn.Send(chat, ChatKind.Private, new Messages.TextMessage(text), OutboxPriority.Bulk);
        turn.Reply(Texts.MeetingMoveDone(meeting.Id));
    }

    /// <summary>The session named in <c>/outcome</c>, if it exists, was not cancelled and has begun.</summary>
    public static async Task<Meeting?> HeldAsync(Turn turn, string args, CancellationToken ct)
    {
        if (await FindAsync(turn, args.Trim(), ct) is not { } meeting) return null;
        if (meeting.Status == MeetingStatus.Cancelled) { turn.Reply(Texts.MeetingAlreadyCancelled); return null; }
        if (meeting.StartsAt > turn.Now) { turn.Reply(Texts.MeetingNotHeld); return null; }
        return meeting;
    }

    private static async Task<Meeting?> FindAsync(Turn turn, string idText, CancellationToken ct)
    {
        var meeting = int.TryParse(PersianText.ToLatinDigits(idText).TrimStart('#'), out var id)
            ? await turn.Db.Meetings.Include(m => m.Reminders).SingleOrDefaultAsync(m => m.Id == id, ct)
            : null;
        if (meeting is null) turn.Reply(Texts.UnknownMeeting);
        return meeting;
    }
}
