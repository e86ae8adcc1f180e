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
        /// <summary>The audience so far (<see cref="Announcements.Audience.Spec"/>), null until one is chosen.</summary>
        public string? Audience { get; set; }

        /// <summary>The kind being chosen now, and whether it adds to the audience or replaces it.</summary>
        public string? AudienceKind { get; set; }
        public bool AddingAudience { get; set; }
    }

    private readonly FlowContext _context;

    public MeetingFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.Title).Permit(Trigger.Next, State.Time);
        Machine.Configure(State.Time).PermitDynamic(Trigger.Next, () => Data.Audience is null ? State.Place : State.Preview,
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

    private Audience Audience => Audience.Parse(Data.Audience);

    /// <summary>Takes one part of the audience: a new audience, or one more part of the current one.</summary>
    private void TakeAudience(string kind, string? value) =>
        Data.Audience = (Data.AddingAudience && Data.Audience is not null ? Audience.With(kind, value) : Audience.Of(kind, value)).Spec;

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
                Ask(AudienceChoice.Question(Data.AudienceKind), Choices(FlowInput.Indexed(AudienceChoice.Values(_context, Data.AudienceKind)), perRow: 2));
                break;
            case State.Preview:
                var count = (await Audience.ChatsAsync(Turn.Db, _context, CancellationToken.None)).Count;
                if (count == 0)
                    Ask(Texts.AudienceReachesNobody, Choices([(Texts.EditAudience, "e:audience"), (Texts.AddAudience, "e:add")]));
                else
                    Ask(Texts.MeetingPreview(MeetingNotices.Announcement(Draft(), _context.Zone), Audience.Describe(_context), count),
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
                if (input.Text.Count(char.IsLetterOrDigit) < 2) { await RefuseAsync(Texts.MeetingTooShort); return; }
                if (Current == State.Title) Data.Title = input.Text;
                else if (Current == State.Place) Data.Place = input.Text;
                else Data.Agenda = input.Text;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Time:
                if (!MeetingTime.TryParse(input.Text, _context.Zone, out var startsAt)) { await RefuseAsync(Texts.MeetingTimeInvalid); return; }
                if (startsAt <= Turn.Now) { await RefuseAsync(Texts.MeetingTimePast); return; }
                Data.StartsAt = startsAt;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.AudienceKind:
                if (!AudienceChoice.IsKind(input.Choice)) { await RefuseAsync(Texts.UseButtons); return; }
                Data.AudienceKind = input.Choice;
                if (input.Choice == Audience.All) TakeAudience(Audience.All, null);
                await Machine.FireAsync(input.Choice == Audience.All ? Trigger.Next : Trigger.Choose);
                return;
            case State.AudienceValue:
                if (input.Pick(AudienceChoice.Values(_context, Data.AudienceKind)) is not { } value) { await RefuseAsync(Texts.UseButtons); return; }
                TakeAudience(Data.AudienceKind!, AudienceChoice.Stored(_context, Data.AudienceKind, value));
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Preview:
                if (input.Choice == "e:time") { await Machine.FireAsync(Trigger.EditTime); return; }
                if (input.Choice == "e:audience") { Data.AddingAudience = false; await Machine.FireAsync(Trigger.EditAudience); return; }
                if (input.Choice == "e:add") { Data.AddingAudience = true; await Machine.FireAsync(Trigger.AddAudience); return; }
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
            Turn.Send(chat, ChatKind.Private, new TextMessage(broadcast.Text, MeetingNotices.RsvpKeyboard(meeting.Id)) { BroadcastId = broadcast.Id }, OutboxPriority.Bulk);
        Turn.Reply(Texts.MeetingPublished(meeting.Id, chats.Count));
        Finished = true;
    }
}
