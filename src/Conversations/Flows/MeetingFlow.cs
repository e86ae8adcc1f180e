using Assembly.Conversations.Announcements;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// An organizer announces a session: title, date and time (Solar Hijri, Tehran), place, agenda, audience,
/// a preview, then publish: the announcement goes out with RSVP buttons and its reminders are scheduled.
/// </summary>
public sealed class MeetingFlow : Flow<MeetingFlow.State, MeetingFlow.Trigger, MeetingFlow.Answers>
{
    public const string Name = "meeting";

    public enum State { Title, Time, Place, Agenda, AudienceKind, AudienceValue, Preview }

    public enum Trigger { Next, Back, Choose, EditTime, EditAudience, AddAudience }

    public sealed class Answers
    {
        public string? Title { get; set; }
        public DateTime? StartsAt { get; set; }
        public string? Place { get; set; }
        public string? Agenda { get; set; }
        public AudienceDraft Audience { get; set; } = new();
    }

    private readonly FlowContext _context;

    public MeetingFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.Title).Permit(Trigger.Next, State.Time);
        Machine.Configure(State.Time).PermitDynamic(Trigger.Next, () => Data.Audience.Chosen ? State.Preview : State.Place,
            "editing from the preview?", new() { { State.Preview, "editing from the preview" }, { State.Place, "first time" } })
            .Permit(Trigger.Back, State.Title);
        Machine.Configure(State.Place).Permit(Trigger.Next, State.Agenda).Permit(Trigger.Back, State.Time);
        Machine.Configure(State.Agenda).Permit(Trigger.Next, State.AudienceKind).Permit(Trigger.Back, State.Place);
        Machine.Configure(State.AudienceKind).Permit(Trigger.Next, State.Preview).Permit(Trigger.Choose, State.AudienceValue).Permit(Trigger.Back, State.Agenda);
        Machine.Configure(State.AudienceValue).Permit(Trigger.Next, State.Preview).Permit(Trigger.Back, State.AudienceKind);
        Machine.Configure(State.Preview).Permit(Trigger.EditTime, State.Time).Permit(Trigger.EditAudience, State.AudienceKind)
            .Permit(Trigger.AddAudience, State.AudienceKind).Permit(Trigger.Back, State.AudienceKind);
        AskOnEntry(Enum.GetValues<State>());
    }

    public static string InitialState => nameof(State.Title);

    protected override Trigger BackTrigger => Trigger.Back;

    private Audience Audience => Data.Audience.Audience;

    private Meeting Draft() => new()
    {
        Title = Data.Title!, StartsAt = Data.StartsAt!.Value, Place = Data.Place!, Agenda = Data.Agenda!,
        Audience = Audience.Spec, CreatedBy = $"{Turn.In.Messenger}:{Turn.In.From!.UserId}", CreatedAt = Turn.Now,
    };

    protected override async Task AskAsync()
    {
        switch (Current)
        {
            case State.Title: Ask(Texts.AskMeetingTitle, Navigation(back: false)); break;
            case State.Time: Ask(Texts.AskMeetingTime, Navigation()); break;
            case State.Place: Ask(Texts.AskMeetingPlace, Navigation()); break;
            case State.Agenda: Ask(Texts.AskMeetingAgenda, Navigation()); break;
            case State.AudienceKind: Ask(Texts.AskMeetingAudience, Choices(AudienceChoice.Kinds)); break;
            case State.AudienceValue:
                Ask(AudienceChoice.Question(Data.Audience.Kind), Choices(FlowInput.Indexed(AudienceChoice.Values(_context, Data.Audience.Kind)), perRow: 2));
                break;
            case State.Preview:
                var chats = await Audience.ChatsAsync(Turn.Db, _context, CancellationToken.None);
                if (chats.Count == 0)
                    Ask(Texts.AudienceReachesNobody, Choices([(Texts.EditAudience, "e:audience"), (Texts.AddAudience, "e:add")]));
                else
                    Ask(Texts.MeetingPreview(MeetingNotices.Announcement(Draft(), _context.Zone), Audience.Describe(_context), await People.CountAsync(Turn.Db, chats, CancellationToken.None)),
                        Choices([(Texts.Publish, "publish"), (Texts.EditTime, "e:time"), (Texts.EditAudience, "e:audience"), (Texts.AddAudience, "e:add")], perRow: 2));
                break;
        }
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (Current)
        {
            case State.Title or State.Place or State.Agenda:
                if (!input.IsText) { await RefuseAsync(Texts.TextExpectedHere); return; }
                // The title and the place are one line in every notice; the agenda may have several.
                var text = Current == State.Agenda ? input.Text : PersianText.SingleLine(input.Text);
                if (text.Count(PersianText.IsVisibleLetterOrDigit) < 2) { await RefuseAsync(Texts.MeetingTooShort); return; }
                if (Current == State.Title) Data.Title = text;
                else if (Current == State.Place) Data.Place = text;
                else Data.Agenda = text;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Time:
                if (!MeetingTime.TryParse(input.Text, _context.Zone, Turn.Now, out var startsAt)) { await RefuseAsync(Texts.MeetingTimeInvalid); return; }
                if (startsAt <= Turn.Now) { await RefuseAsync(Texts.MeetingTimePast); return; }
                Data.StartsAt = startsAt;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.AudienceKind:
                if (Data.Audience.TakeKind(input.Choice) is not { } complete) { await RefuseAsync(Texts.UseButtons); return; }
                await Machine.FireAsync(complete ? Trigger.Next : Trigger.Choose);
                return;
            case State.AudienceValue:
                if (!Data.Audience.TakeValue(input, _context)) { await RefuseAsync(Texts.UseButtons); return; }
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Preview:
                if (input.Choice == "e:time") { await Machine.FireAsync(Trigger.EditTime); return; }
                if (input.Choice == "e:audience") { Data.Audience.Adding = false; await Machine.FireAsync(Trigger.EditAudience); return; }
                if (input.Choice == "e:add") { Data.Audience.Adding = true; await Machine.FireAsync(Trigger.AddAudience); return; }
                if (input.Choice != "publish") { await RefuseAsync(Texts.UseButtons); return; }
                await PublishAsync(ct);
                return;
        }
    }

    private async Task PublishAsync(CancellationToken ct)
    {
        // The time may have passed while the preview waited.
        if (Data.StartsAt <= Turn.Now) { Turn.Reply(Texts.MeetingTimePast); await Machine.FireAsync(Trigger.EditTime); return; }
        var chats = await Audience.ChatsAsync(Turn.Db, _context, ct);
        if (chats.Count == 0) { await RefuseAsync(Texts.AudienceReachesNobody); return; }

        var meeting = Draft();
        Turn.Db.Meetings.Add(meeting);
        MeetingNotices.ScheduleReminders(Turn.Db, meeting, _context.MeetingSettings, Turn.Now);
        var broadcast = new Broadcast
        {
            Text = MeetingNotices.Announcement(meeting, _context.Zone), Audience = Audience.Describe(_context),
            Recipients = chats.Count, CreatedAt = Turn.Now, CreatedBy = meeting.CreatedBy,
        };
        Turn.Db.Broadcasts.Add(broadcast);
        await Turn.Db.SaveChangesAsync(ct); // the buttons and rows below carry the ids

        foreach (var chat in chats)
            Turn.Send(chat, ChatKind.Private, new TextMessage(broadcast.Text, RsvpButtons.For(meeting.Id, null, withMute: true)) { BroadcastId = broadcast.Id }, OutboxPriority.Bulk);
        Turn.Reply(Texts.MeetingPublished(meeting.Id, await People.CountAsync(Turn.Db, chats, ct)));
        Finished = true;
    }
}
