using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// <c>/forget</c>: what forgetting removes and what stays, then a confirm and a cancel button; the confirm does it
/// (<see cref="Forgetting"/>). A member asks for themselves; an admin asks for a member found by number or account.
/// The buttons belong to the question's step, so a second press, or one after cancelling, acts no more.
/// </summary>
public sealed class ForgetFlow : Flow<ForgetFlow.State, ForgetFlow.Trigger, ForgetFlow.Answers>
{
    public const string Name = "forget";

    private const string ForgetValue = "forget", KeepValue = "keep";

    public enum State { Confirm }

    public enum Trigger { Back }

    public sealed class Answers
    {
        public int MemberId { get; set; }

        /// <summary>The member as the admin who asked reads them; null when members ask for themselves.</summary>
        public string? Described { get; set; }
    }

    public ForgetFlow(Conversation row) : base(row) => AskOnEntry(State.Confirm);

    public static string InitialState => nameof(State.Confirm);

    /// <summary>Whom to forget: the member asking (<paramref name="described"/> null), or one an admin named.</summary>
    /// <summary>An admin's, for somebody else: the role is checked again before it is done.</summary>
    public bool ForAnother => Data.Described is not null;

    public void For(int memberId, string? described) => (Data.MemberId, Data.Described) = (memberId, described);

    private bool Self => !ForAnother;

    protected override Trigger BackTrigger => Trigger.Back;

    protected override Task AskAsync()
    {
        var buttons = new InlineKeyboard(
        [
            [new InlineButton(Self ? Texts.ForgetMeButton : Texts.ForgetMemberButton, FlowButtons.Data(Row.Step, ForgetValue))],
            [new InlineButton(Texts.ForgetKeepButton, FlowButtons.Data(Row.Step, KeepValue))],
        ]);
        Ask(Self ? Texts.ForgetAsk : Texts.ForgetAskAdmin(Data.Described!), buttons);
        return Task.CompletedTask;
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (input.Choice)
        {
            case KeepValue:
                Turn.Reply(Texts.ForgetKept, await MemberDirectory.SenderAsync(Turn, ct) is null ? new RemoveKeyboard() : MainMenu.Keyboard);
                Finished = true;
                return;
            case ForgetValue:
                await ForgetAsync(ct);
                return;
            default:
                await RefuseAsync(Texts.ChooseOneOfTwo);
                return;
        }
    }

    private async Task ForgetAsync(CancellationToken ct)
    {
        Finished = true;
        var member = await Turn.Db.Members.FindAsync([Data.MemberId], ct);
        // Forgotten meanwhile (by an admin, or from the member's other messenger): there is nothing left to do.
        if (member is null || member.ForgottenAt is not null || (Self && (await MemberDirectory.SenderAsync(Turn, ct))?.Id != member.Id))
        {
            Turn.Reply(Texts.ForgetAlready);
            return;
        }

        await Forgetting.ForgetAsync(Turn.Db, member, Turn.Now, ct);
        if (Self)
        {
            Turn.Reply(Texts.Forgotten, new RemoveKeyboard());
            return;
        }

        // The menu stays for an admin who is a member, unless they just forgot themselves by their own number.
        Turn.Reply(Texts.MemberForgotten(Data.Described!), Turn.Sender is { } admin && admin.Id != member.Id ? MainMenu.Keyboard : new RemoveKeyboard());
    }
}
