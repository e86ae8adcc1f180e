using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Conversations.Flows;

/// <summary>A new member's registration: name, mobile number (shared or typed), county, working group.</summary>
public sealed class RegistrationFlow : Flow<RegistrationFlow.State, RegistrationFlow.Trigger, RegistrationFlow.Answers>
{
    public const string Name = "registration";

    public enum State { AskName, AskPhone, AskCounty, AskWorkingGroup }

    public enum Trigger { Next, Back }

    public sealed class Answers
    {
        public bool Greeted { get; set; }
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public bool PhoneVerified { get; set; }
        public string? County { get; set; }
    }

    private readonly FlowContext _context;

    public RegistrationFlow(Conversation row, FlowContext context) : base(row)
    {
        _context = context;
        Machine.Configure(State.AskName).Permit(Trigger.Next, State.AskPhone);
        Machine.Configure(State.AskPhone).Permit(Trigger.Next, State.AskCounty).Permit(Trigger.Back, State.AskName);
        Machine.Configure(State.AskCounty).Permit(Trigger.Next, State.AskWorkingGroup).Permit(Trigger.Back, State.AskPhone);
        Machine.Configure(State.AskWorkingGroup).Permit(Trigger.Back, State.AskCounty);
        AskOnEntry(State.AskName, State.AskPhone, State.AskCounty, State.AskWorkingGroup);
    }

    public static string InitialState => nameof(State.AskName);

    protected override Trigger BackTrigger => Trigger.Back;

    protected override Task AskAsync()
    {
        switch (Current)
        {
            case State.AskName:
                Ask(Data.Greeted ? Texts.AskName : Texts.RegistrationStart(_context.Assembly.Name), new RemoveKeyboard());
                Data.Greeted = true;
                break;
            case State.AskPhone:
                // A contact can only be shared from a reply keyboard; «بازگشت» and «لغو» come back as text.
                Ask(Texts.AskPhoneAndWhoSees, new ReplyKeyboard([[Texts.ShareMyNumber], [Texts.Back, Texts.Cancel]], RequestContactOnFirst: true));
                break;
            case State.AskCounty:
                Ask(Texts.AskCounty, Choices(FlowInput.Indexed(_context.Assembly.Counties), perRow: 2));
                break;
            case State.AskWorkingGroup:
                Ask(Texts.AskWorkingGroup, Choices(FlowInput.Indexed(_context.Assembly.WorkingGroups).Append((Texts.NoWorkingGroup, "none")), perRow: 2));
                break;
        }

        return Task.CompletedTask;
    }

    protected override async Task AnswerAsync(FlowInput input, CancellationToken ct)
    {
        switch (Current)
        {
            case State.AskName:
                if (!input.IsText) { await RefuseAsync(Texts.TextExpectedHere); return; }
                var name = PersianText.SingleLine(input.Text);
                if (!IsName(name)) { await RefuseAsync(Texts.NameInvalid); return; }
                Data.Name = name;
                await Machine.FireAsync(Trigger.Next);
                break;

            case State.AskPhone:
                await AnswerPhoneAsync(input, ct);
                break;

            case State.AskCounty:
                var county = TypedCounty.Pick(input, _context.Assembly.Counties);
                if (county is null) { await RefuseAsync(Texts.CountyInvalid); return; }
                Data.County = county;
                await Machine.FireAsync(Trigger.Next);
                break;

            case State.AskWorkingGroup:
                if (input.Choice == "none" || input.Text == Texts.NoWorkingGroup)
                {
                    await FinishAsync(null, ct);
                    return;
                }

                var group = input.Pick(_context.Assembly.WorkingGroups);
                if (group is null) { await RefuseAsync(Texts.UseButtons); return; }
                await FinishAsync(group, ct);
                break;
        }
    }

    private async Task AnswerPhoneAsync(FlowInput input, CancellationToken ct)
    {
        string phone;
        bool verified;
        if (input.Kind == IncomingKind.Contact)
        {
            switch (PhoneOwnership.Read(input.Message, out phone))
            {
                case PhoneOwnership.Proof.OfAnother: await RefuseAsync(Texts.ContactOfAnother); return;
                case PhoneOwnership.Proof.Invalid: await RefuseAsync(Texts.PhoneInvalid); return;
                case var proof: verified = proof == PhoneOwnership.Proof.Verified; break;
            }
        }
        else if (input.IsText)
        {
            if (!PhoneNumber.TryNormalizeTyped(input.Text, out phone)) { await RefuseAsync(Texts.PhoneInvalid); return; }
            verified = false;
        }
        else
        {
            await RefuseAsync(Texts.PhoneInvalid);
            return;
        }

        // The same person on the other messenger: one member, two accounts. Only a proved number links, and only to
        // the member who proved it too; a typed number is not even looked up, so typing tells nobody who is registered.
        if (verified && await PhoneOwnership.VerifiedOwnerAsync(Turn, phone, ct) is { } owner)
        {
            await LinkOrRefuseAsync(owner, ct);
            return;
        }

        Data.Phone = phone;
        Data.PhoneVerified = verified;
        Turn.Reply(Texts.PhoneAccepted(PhoneNumber.Display(phone)), new RemoveKeyboard());
        await Machine.FireAsync(Trigger.Next);
    }

    private async Task FinishAsync(string? workingGroup, CancellationToken ct)
    {
        var member = new Member
        {
            Name = Data.Name!,
            Phone = Data.Phone,
            PhoneVerified = Data.PhoneVerified,
            County = Data.County!,
            WorkingGroup = workingGroup,
            CreatedAt = Turn.Now,
        };
        if (member.PhoneVerified)
        {
            // Somebody may have proved the same number in the steps since: then this account is theirs, or nobody's.
            await PhoneOwnership.LockAsync(Turn, member.Phone!, ct);
            if (await PhoneOwnership.VerifiedOwnerAsync(Turn, member.Phone!, ct) is { } owner)
            {
                await LinkOrRefuseAsync(owner, ct);
                return;
            }
        }

        Turn.Db.Members.Add(member);
        Link(member);
        if (member.PhoneVerified) await PhoneOwnership.TakeAsync(Turn, member, member.Phone!, _context.Admins, ct);
        await Commands.RoleMenus.RefreshIfGrantedAsync(Turn, _context, member, ct);
        Turn.Reply(Texts.Registered(member.Name), MainMenu.Keyboard);
        Finished = true;
    }

    /// <summary>
    /// A second account of the member who proved this number, on the other messenger, joins them. A second account on
    /// the same messenger is somebody else holding that number now (numbers are given out again), and joins nobody.
    /// </summary>
    private async Task LinkOrRefuseAsync(Member owner, CancellationToken ct)
    {
        if (await Turn.Db.Accounts.AnyAsync(a => a.MemberId == owner.Id && a.Messenger == Turn.In.Messenger, ct))
        {
            await RefuseAsync(Texts.NumberVerifiedElsewhere);
            return;
        }

        Link(owner);
        await Commands.RoleMenus.RefreshIfGrantedAsync(Turn, _context, owner, ct);
        Turn.Reply(Texts.AccountLinked(owner.Name), MainMenu.Keyboard);
        Finished = true;
    }

    private void Link(Member member) => Turn.Db.Accounts.Add(new Account
    {
        Messenger = Turn.In.Messenger,
        UserId = Turn.In.From!.UserId,
        Member = member,
        ChatId = Turn.In.Chat.ChatId,
        LinkedAt = Turn.Now,
    });

    /// <summary>Two letters a reader sees at least (fillers and invisible characters are not a name), on one line.</summary>
    private static bool IsName(string text) =>
        text.Length is >= 2 and <= 64 && text.Count(PersianText.IsVisibleLetter) >= 2 && !text.StartsWith('/');
}
