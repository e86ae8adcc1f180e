using Assembly.Conversations.Announcements;
using Assembly.Conversations.Meetings;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>After a session: its outcome and achievements, sent to its audience or to those who said they would come.</summary>
public sealed class OutcomeFlow : Flow<OutcomeFlow.State, OutcomeFlow.Trigger, OutcomeFlow.Answers>
{
    public const string Name = "outcome";

    public enum State { Outcome, Achievements, Recipients, Preview }

    public enum Trigger { Next, Back }

    public sealed class Answers
    {
        public int MeetingId { get; set; }
        public string? Outcome { get; set; }
        public List<string> Achievements { get; set; } = [];
        public bool AttendeesOnly { get; set; }
    }

    private readonly FlowContext _context;

    public OutcomeFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.Outcome).Permit(Trigger.Next, State.Achievements);
        Machine.Configure(State.Achievements).Permit(Trigger.Next, State.Recipients).Permit(Trigger.Back, State.Outcome);
        Machine.Configure(State.Recipients).Permit(Trigger.Next, State.Preview).Permit(Trigger.Back, State.Achievements);
        Machine.Configure(State.Preview).Permit(Trigger.Back, State.Recipients);
        AskOnEntry(Enum.GetValues<State>());
    }

    public static string InitialState => nameof(State.Outcome);

    /// <summary>The session it is for; checked by the caller to exist and to have taken place.</summary>
    public void For(int meetingId) => Data.MeetingId = meetingId;

    protected override Trigger BackTrigger => Trigger.Back;

    protected override async Task AskAsync()
    {
        switch (Current)
        {
            case State.Outcome: Ask(Texts.AskOutcomeText, Navigation(back: false)); break;
            case State.Achievements: Ask(Texts.AskAchievements, Choices([(Texts.SkipAnswer, "skip")])); break;
            case State.Recipients: Ask(Texts.AskOutcomeRecipients, Choices([(Texts.OutcomeToAudience, "audience"), (Texts.OutcomeToAttendees, "attendees")])); break;
            case State.Preview:
                var (meeting, chats) = await RecipientsAsync(CancellationToken.None);
                Ask(chats.Count == 0 ? Texts.AudienceReachesNobody : Texts.OutcomePreview(Notice(meeting), await People.CountAsync(Turn.Db, chats, CancellationToken.None)),
                    chats.Count == 0 ? Navigation() : Choices([(Texts.SendOutcome, "send")]));
                break;
        }
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (Current)
        {
            case State.Outcome:
                if (!input.IsText) { await RefuseAsync(Texts.TextExpectedHere); return; }
                Data.Outcome = input.Text;
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Achievements:
                if (input.Choice == "skip") Data.Achievements = [];
                else if (input.IsText) Data.Achievements = input.Text.Split('\n').Select(l => l.Trim().TrimStart('-', '•', '*').Trim()).Where(l => l.Length > 0).ToList();
                else { await RefuseAsync(Texts.TextExpectedHere); return; }
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Recipients:
                if (input.Choice is not ("audience" or "attendees")) { await RefuseAsync(Texts.UseButtons); return; }
                Data.AttendeesOnly = input.Choice == "attendees";
                await Machine.FireAsync(Trigger.Next);
                return;
            case State.Preview:
                if (input.Choice != "send") { await RefuseAsync(Texts.UseButtons); return; }
                var (meeting, chats) = await RecipientsAsync(ct);
                if (chats.Count == 0) { await RefuseAsync(Texts.AudienceReachesNobody); return; }
                var broadcast = new Broadcast
                {
                    Text = Notice(meeting), Audience = Data.AttendeesOnly ? Texts.OutcomeToAttendees : Texts.OutcomeToAudience,
                    Recipients = chats.Count, CreatedAt = Turn.Now, CreatedBy = $"{Turn.In.Messenger}:{Turn.In.From!.UserId}",
                };
                Turn.Db.Broadcasts.Add(broadcast);
                await Turn.Db.SaveChangesAsync(ct);
                foreach (var chat in chats)
                    Turn.Send(chat, ChatKind.Private, new TextMessage(broadcast.Text) { BroadcastId = broadcast.Id }, OutboxPriority.Bulk);
                Turn.Reply(Texts.OutcomeQueued(await People.CountAsync(Turn.Db, chats, ct)));
                Finished = true;
                return;
        }
    }

    private string Notice(Meeting meeting) => Texts.OutcomeNotice(meeting.Title, Data.Outcome!, Data.Achievements);

    private async Task<(Meeting Meeting, IReadOnlyList<ChatAddress> Chats)> RecipientsAsync(CancellationToken ct)
    {
        var meeting = await Turn.Db.Meetings.SingleAsync(m => m.Id == Data.MeetingId, ct);
        if (!Data.AttendeesOnly) return (meeting, await MeetingNotices.FollowersAsync(Turn.Db, _context, meeting, ct));
        var coming = await Turn.Db.Rsvps.Where(r => r.MeetingId == meeting.Id && r.Answer == RsvpAnswer.Yes).Select(r => r.MemberId).ToListAsync(ct);
        return (meeting, await Staff.StaffDirectory.MemberChatsAsync(Turn.Db, coming, ct));
    }
}
