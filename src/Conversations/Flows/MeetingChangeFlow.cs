using Assembly.Conversations.Meetings;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>
/// An organizer changes a published session: a new time or place (asked, unless the command gave it), or its
/// cancellation. Every change is shown first as the very message members will get, with how many people, and goes
/// out only when confirmed.
/// </summary>
public sealed class MeetingChangeFlow : Flow<MeetingChangeFlow.State, MeetingChangeFlow.Trigger, MeetingChangeFlow.Answers>
{
    public const string Name = "meeting-change";

    public enum State { Time, Place, Preview }

    public enum Trigger { Next, Back }

    public sealed class Answers
    {
        public int MeetingId { get; set; }
        public MeetingChangeKind Kind { get; set; }
        public DateTime? StartsAt { get; set; }
        public string? Place { get; set; }
    }

    private readonly FlowContext _context;

    public MeetingChangeFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.Time).Permit(Trigger.Next, State.Preview);
        Machine.Configure(State.Place).Permit(Trigger.Next, State.Preview);
        Machine.Configure(State.Preview)
            .PermitIf(Trigger.Back, State.Time, () => Data.Kind == MeetingChangeKind.Reschedule, "a new time")
            .PermitIf(Trigger.Back, State.Place, () => Data.Kind == MeetingChangeKind.Move, "a new place");
        AskOnEntry(Enum.GetValues<State>());
    }

    /// <summary>Where a change starts: asking what is missing, or at once at the preview.</summary>
    public static string StateFor(MeetingChangeKind kind, bool given) =>
        given || kind == MeetingChangeKind.Cancel ? nameof(State.Preview) : kind == MeetingChangeKind.Reschedule ? nameof(State.Time) : nameof(State.Place);

    /// <summary>The session and the change; checked by the caller to exist and not to be cancelled.</summary>
    public void For(int meetingId, MeetingChangeKind kind, DateTime? startsAt = null, string? place = null)
    {
        (Data.MeetingId, Data.Kind, Data.StartsAt, Data.Place) = (meetingId, kind, startsAt, place);
    }

    protected override Trigger BackTrigger => Trigger.Back;

    private Task<Meeting> MeetingAsync(CancellationToken ct) =>
        Turn.Db.Meetings.Include(m => m.Reminders).SingleAsync(m => m.Id == Data.MeetingId, ct);

    protected override async Task AskAsync()
    {
        var meeting = await MeetingAsync(CancellationToken.None);
        switch (Current)
        {
            case State.Time: Ask(Texts.AskNewMeetingTime(meeting.Title, MeetingTime.Format(meeting.StartsAt, _context.Zone)), Navigation(back: false)); break;
            case State.Place: Ask(Texts.AskNewMeetingPlace(meeting.Title, meeting.Place), Navigation(back: false)); break;
            case State.Preview:
                var people = await MeetingChanges.PeopleAsync(Turn, meeting, _context, CancellationToken.None);
                var preview = Texts.MeetingChangePreview(MeetingChanges.Notice(meeting, Data.Kind, Data.StartsAt, Data.Place, _context.Zone), people);
                // Beside «لغو جلسه» a plain «لغو» (of this conversation) could be read as the same thing: the choice is spelled out.
                Ask(preview, Data.Kind == MeetingChangeKind.Cancel
                    ? new InlineKeyboard([
                        [new InlineButton(Texts.ConfirmMeetingCancel(people), FlowButtons.Data(Row.Step, "confirm"))],
                        [new InlineButton(Texts.KeepMeeting, FlowButtons.Data(Row.Step, FlowButtons.CancelValue))]])
                    : Choices([(Texts.ConfirmMeetingChange(people), "confirm")]));
                break;
        }
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (Current)
        {
            case State.Time:
                if (!MeetingTime.TryParse(input.Text, _context.Zone, Turn.Now, out var startsAt)) { await RefuseAsync(Texts.MeetingTimeInvalid); return; }
                if (startsAt <= Turn.Now) { await RefuseAsync(Texts.MeetingTimePast); return; }
                Data.StartsAt = startsAt;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Place:
                if (!input.IsText) { await RefuseAsync(Texts.TextExpectedHere); return; }
                var place = PersianText.SingleLine(input.Text);
                if (place.Count(PersianText.IsVisibleLetterOrDigit) < 2) { await RefuseAsync(Texts.MeetingTooShort); return; }
                Data.Place = place;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Preview:
                if (input.Choice != "confirm") { await RefuseAsync(Texts.UseButtons); return; }
                await ConfirmAsync(ct);
                return;
        }
    }

    private async Task ConfirmAsync(CancellationToken ct)
    {
        var meeting = await MeetingAsync(ct);
        // Another organizer may have cancelled it while this preview waited.
        if (meeting.Status == MeetingStatus.Cancelled) { Turn.Reply(Texts.MeetingAlreadyCancelled); Finished = true; return; }
        if (Data.Kind == MeetingChangeKind.Reschedule && Data.StartsAt <= Turn.Now) { Turn.Reply(Texts.MeetingTimePast); await Machine.FireAsync(Trigger.Back); return; }
        await MeetingChanges.ApplyAsync(Turn, meeting, Data.Kind, Data.StartsAt, Data.Place, _context, ct);
        Finished = true;
    }
}
