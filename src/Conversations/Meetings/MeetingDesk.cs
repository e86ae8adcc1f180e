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
    /// <summary>The buttons under an organizer's <c>/meetings</c>: <c>mt:ACTION:ID</c>.</summary>
    public const string ButtonPrefix = "mt:";

    public const string RescheduleAction = "time", PlaceAction = "place", CancelAction = "cancel", NamesAction = "names", OutcomeAction = "outcome";

    public static IReadOnlyList<Command> Commands { get; } =
    [
        new("meeting", Need.Organizer, Places.Private, "", Texts.MeetingHelp,
            (c, ct) => c.Chat.StartAsync(c.Turn, c.Conversation, MeetingFlow.Name, MeetingFlow.InitialState, ct)) { Flow = MeetingFlow.Name },
        new("reschedule", Need.Organizer, Places.Private, Texts.RescheduleUsage, Texts.RescheduleHelp, RescheduleAsync) { Flow = MeetingChangeFlow.Name },
        new("place", Need.Organizer, Places.Private, Texts.PlaceUsage, Texts.PlaceHelp, MoveAsync),
        new("cancelmeeting", Need.Organizer, Places.Private, Texts.CancelMeetingUsage, Texts.CancelMeetingHelp, CancelAsync),
        new("outcome", Need.Organizer, Places.Private, Texts.OutcomeUsage, Texts.OutcomeHelp, OutcomeAsync) { Flow = OutcomeFlow.Name },
    ];

    public static IReadOnlyList<ButtonRoute> Buttons { get; } =
    [
        new(MeetingNotices.RsvpPrefix, Need.Anyone, Places.Private, (c, ct) => RsvpAsync(c.Turn, c.Member, c.Arguments, c.Context, ct)),
        new(ButtonPrefix, Need.Organizer, Places.Private, PressAsync),
        // «عدم دریافت اطلاعیه‌ها» under an announcement: the same as /mute, which says what it stops.
        new(RsvpButtons.MutePrefix, Need.Member, Places.Private, (c, _) =>
        {
            c.Turn.AnswerButton();
            return MemberCommands.Mute(c, muted: true);
        }),
    ];

    /// <summary><c>/outcome N</c>: the notice of a session that was held, written in a conversation.</summary>
    private static async Task OutcomeAsync(CommandCall c, CancellationToken ct)
    {
        if (await HeldAsync(c.Turn, c.Arguments, ct) is { } held)
            await c.Chat.StartAsync(c.Turn, c.Conversation, OutcomeFlow.Name, OutcomeFlow.InitialState, ct, flow => ((OutcomeFlow)flow).For(held.Id));
    }

    /// <summary>A button under <c>/meetings</c>: the same as the command with the session's number.</summary>
    private static async Task PressAsync(CommandCall c, CancellationToken ct)
    {
        var parts = c.Arguments[ButtonPrefix.Length..].Split(':');
        c.Turn.AnswerButton();
        if (parts.Length != 2) { c.Turn.Reply(Texts.UnknownMeeting); return; }
        var id = parts[1];
        switch (parts[0])
        {
            case RescheduleAction: await ChangeAsync(c, MeetingChangeKind.Reschedule, id, null, ct); break;
            case PlaceAction: await ChangeAsync(c, MeetingChangeKind.Move, id, null, ct); break;
            case CancelAction: await ChangeAsync(c, MeetingChangeKind.Cancel, id, null, ct); break;
            case OutcomeAction:
                if (await HeldAsync(c.Turn, id, ct) is { } held)
                    await c.Chat.StartAsync(c.Turn, c.Conversation, OutcomeFlow.Name, OutcomeFlow.InitialState, ct, flow => ((OutcomeFlow)flow).For(held.Id));
                break;
            case NamesAction:
                if (await FindAsync(c.Turn, id, ct) is { } meeting) await MeetingNames.SendAsync(c.Turn, meeting, c.Context, ct);
                break;
            default: c.Turn.Reply(Texts.UnknownMeeting); break;
        }
    }

    /// <summary>
    /// A press of «می‌آیم», «شاید» or «نمی‌آیم»: recorded until the session starts, for members of its audience only.
    /// The pressed message's buttons are redrawn with the answer marked, and a message confirms it.
    /// </summary>
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

        var marked = RsvpButtons.For(meeting.Id, answer.Value);
        var pressed = turn.In.MessageId is { } messageId ? await RsvpButtons.PressedTextAsync(turn.Db, turn.In.Chat, messageId, ct) : null;
        if (pressed is not null)
        {
            // The announcement keeps its mute button; the answer is marked where it was given.
            var keyboard = RsvpButtons.For(meeting.Id, answer.Value, withMute: pressed == MeetingNotices.Announcement(meeting, context.Zone));
            turn.Send(turn.In.Chat, turn.In.ChatKind, new Messages.TextEdit(turn.In.MessageId!.Value, pressed, keyboard), OutboxPriority.Interactive);
        }

        // Where the pressed message could not be redrawn, the confirmation carries the marked buttons instead.
        turn.Reply(Texts.RsvpConfirmed(meeting.Title, MeetingTime.Format(meeting.StartsAt, context.Zone), answer.Value), pressed is null ? marked : null);
    }

    /// <summary><c>/meetings</c>: a member's upcoming sessions with their answer; an organizer's desk (<see cref="MeetingList"/>).</summary>
    public static async Task ListAsync(Turn turn, Member? member, Actor actor, FlowContext context, CancellationToken ct)
    {
        if (CommandCatalog.Allows(actor, Need.Organizer))
        {
            await MeetingList.ForOrganizerAsync(turn, context, ct);
            return;
        }

        await MemberMeetings.ShowAsync(turn, member, context, ct);
    }

    /// <summary><c>/cancelmeeting N</c>: the preview of the notice, then the confirmation.</summary>
    private static Task CancelAsync(CommandCall c, CancellationToken ct) => ChangeAsync(c, MeetingChangeKind.Cancel, c.Arguments.Trim(), null, ct);

    /// <summary><c>/reschedule N [time]</c>: without a time, it is asked.</summary>
    private static Task RescheduleAsync(CommandCall c, CancellationToken ct) => ChangeWithArgumentAsync(c, MeetingChangeKind.Reschedule, Texts.RescheduleUsage, ct);

    /// <summary><c>/place N [place]</c>: without a place, it is asked.</summary>
    private static Task MoveAsync(CommandCall c, CancellationToken ct) => ChangeWithArgumentAsync(c, MeetingChangeKind.Move, Texts.PlaceUsage, ct);

    private static Task ChangeWithArgumentAsync(CommandCall c, MeetingChangeKind kind, string usage, CancellationToken ct)
    {
        var args = c.Arguments.Trim();
        if (args.Length == 0) { c.Turn.Reply(Texts.Usage($"/{c.Name} {usage}")); return Task.CompletedTask; }
        var space = args.IndexOf(' ');
        return space < 0 ? ChangeAsync(c, kind, args, null, ct) : ChangeAsync(c, kind, args[..space], args[(space + 1)..].Trim(), ct);
    }

    /// <summary>Checks the session and what was given with the command, then starts the change's conversation.</summary>
    private static async Task ChangeAsync(CommandCall c, MeetingChangeKind kind, string idText, string? given, CancellationToken ct)
    {
        if (await FindAsync(c.Turn, idText, ct) is not { } meeting) return;
        if (meeting.Status == MeetingStatus.Cancelled) { c.Turn.Reply(Texts.MeetingAlreadyCancelled); return; }
        DateTime? startsAt = null;
        string? place = null;
        if (given is not null && kind == MeetingChangeKind.Reschedule)
        {
            if (!MeetingTime.TryParse(given, c.Context.Zone, c.Turn.Now, out var at)) { c.Turn.Reply(Texts.MeetingTimeInvalid); return; }
            if (at <= c.Turn.Now) { c.Turn.Reply(Texts.MeetingTimePast); return; }
            startsAt = at;
        }
        else if (given is not null && kind == MeetingChangeKind.Move)
        {
            place = PersianText.SingleLine(PersianText.CleanInput(given));
            if (place.Count(PersianText.IsVisibleLetterOrDigit) < 2) { c.Turn.Reply(Texts.MeetingTooShort); return; }
        }

        await c.Chat.StartAsync(c.Turn, c.Conversation, MeetingChangeFlow.Name, MeetingChangeFlow.StateFor(kind, given is not null), ct,
            flow => ((MeetingChangeFlow)flow).For(meeting.Id, kind, startsAt, place));
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
