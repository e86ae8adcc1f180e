using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>Registration, every state and every bad answer, through the brain with no network.</summary>
public sealed class RegistrationFlowTests : IDisposable
{
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task A_new_member_gives_name_typed_number_county_and_group_and_gets_the_main_menu()
    {
        Assert.Equal(Texts.RegistrationStart(Assembly), (await _chat.Say("/start")).Last.Text);

        var phone = await _chat.Say("زهرا احمدی");
        Assert.Equal(Texts.AskPhoneAndWhoSees, phone.Last.Text);
        var contactKeyboard = Assert.IsType<ReplyKeyboard>(phone.Last.Keyboard);
        Assert.True(contactKeyboard.RequestContactOnFirst);
        Assert.Equal(Texts.ShareMyNumber, contactKeyboard.Rows[0][0]);

        var county = await _chat.Say("۰۹۱۲ ۱۲۳ ۴۵۶۷");
        Assert.Equal([Texts.PhoneAccepted("۰۹۱۲۱۲۳۴۵۶۷"), Texts.AskCounty], county.Texts);
        Assert.Contains("کاشان", county.ButtonLabels);

        var group = await _chat.Press("1");
        Assert.Equal(Texts.AskWorkingGroup, group.Last.Text);
        Assert.Contains(Texts.NoWorkingGroup, group.ButtonLabels);

        var done = await _chat.Press("4"); // «جوانان»
        Assert.Equal(Texts.Registered("زهرا احمدی"), done.Last.Text);
        Assert.Equal(MainMenu.Keyboard, done.Last.Keyboard);
        Assert.Equal(["ثبت مسئله", "مسئله‌های من", "جلسات", "راهنما"], ((ReplyKeyboard)done.Last.Keyboard!).Rows.SelectMany(r => r));

        await using var db = _chat.Db();
        var member = await db.Members.Include(m => m.Accounts).SingleAsync();
        Assert.Equal(("زهرا احمدی", "+989121234567", false, "آران و بیدگل", "جوانان"),
            (member.Name, member.Phone, member.PhoneVerified, member.County, member.WorkingGroup));
        Assert.Equal(("telegram", 501L), (member.Accounts.Single().Messenger, member.Accounts.Single().UserId));
        Assert.False((await db.Conversations.SingleAsync()).Active);
    }

    [Fact]
    public async Task Start_for_a_registered_member_shows_the_menu_not_the_questions()
    {
        await _chat.RegisterAsync();
        var again = await _chat.Say("/start");
        Assert.Equal([Texts.WelcomeBack("زهرا احمدی")], again.Texts);
        Assert.Equal(MainMenu.Keyboard, again.Last.Keyboard);
    }

    [Fact]
    public async Task Start_in_the_middle_of_registration_asks_the_current_question_again()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        Assert.Equal(Texts.AskPhoneAndWhoSees, (await _chat.Say("/start")).Last.Text);
    }

    [Theory]
    [InlineData("😀😀")]
    [InlineData("ب")]
    [InlineData("۱۲۳")]
    public async Task A_name_without_letters_or_too_short_is_refused_and_asked_again(string name)
    {
        await _chat.Say("/start");
        Assert.Equal([Texts.NameInvalid, Texts.AskName], (await _chat.Say(name)).Texts);
    }

    [Fact]
    public async Task An_unknown_command_in_the_middle_is_named_and_the_step_stays()
    {
        await _chat.Say("/start");
        Assert.Equal([Texts.UnknownCommand("/name")], (await _chat.Say("/name")).Texts);
        Assert.Equal(Texts.AskPhoneAndWhoSees, (await _chat.Say("زهرا احمدی")).Last.Text);
    }

    [Fact]
    public async Task A_name_over_64_characters_is_refused()
    {
        await _chat.Say("/start");
        Assert.Equal([Texts.NameInvalid, Texts.AskName], (await _chat.Say(new string('ن', 65))).Texts);
    }

    [Theory]
    [InlineData("0912abc4567")]
    [InlineData("12345")]
    [InlineData("02133445566")]
    public async Task A_number_with_letters_or_of_the_wrong_shape_is_refused_and_asked_again(string number)
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        var reply = await _chat.Say(number);
        Assert.Equal([Texts.PhoneInvalid, Texts.AskPhoneAndWhoSees], reply.Texts);
        await using var db = _chat.Db();
        Assert.Equal("AskPhone", (await db.Conversations.SingleAsync()).State);
    }

    [Fact]
    public async Task A_contact_of_somebody_else_is_refused_and_the_own_one_counts_as_verified()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        Assert.Equal([Texts.ContactOfAnother, Texts.AskPhoneAndWhoSees], (await _chat.ShareContact("+989351112233", ownerId: 999)).Texts);
        Assert.Equal(Texts.AskCounty, (await _chat.ShareContact("989121234567")).Last.Text);
        await _chat.Press("0");
        await _chat.Press("none");

        await using var db = _chat.Db();
        var member = await db.Members.SingleAsync();
        Assert.Equal(("+989121234567", true, null), (member.Phone, member.PhoneVerified, member.WorkingGroup));
    }

    [Fact]
    public async Task A_county_is_chosen_by_button_or_by_its_exact_name_and_anything_else_is_refused()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.Say("09121234567");
        Assert.Equal([Texts.CountyInvalid, Texts.AskCounty], (await _chat.Say("تهران")).Texts);
        Assert.Equal([Texts.CountyInvalid, Texts.AskCounty], (await _chat.ShareLocation()).Texts);
        Assert.Equal(Texts.AskWorkingGroup, (await _chat.Say("نطنز")).Last.Text);
    }

    [Fact]
    public async Task Back_goes_one_step_back_and_the_first_step_says_so()
    {
        await _chat.Say("/start");
        Assert.Equal([Texts.CannotGoBack], (await _chat.Say(Texts.Back)).Texts);
        await _chat.Say("زهرا احمدی");
        await _chat.Say("09121234567");
        Assert.Equal(Texts.AskPhoneAndWhoSees, (await _chat.Press(FlowButtons.BackValue)).Last.Text);
        Assert.Equal(Texts.AskName, (await _chat.Say(Texts.Back)).Last.Text); // the reply keyboard's «بازگشت»
    }

    [Fact]
    public async Task Cancel_at_any_step_keeps_nothing()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.Say("09121234567");
        Assert.Equal([Texts.Cancelled], (await _chat.Press(FlowButtons.CancelValue)).Texts);
        Assert.Equal([Texts.NothingToCancel], (await _chat.Say("/cancel")).Texts);

        await using var db = _chat.Db();
        Assert.Empty(await db.Members.ToListAsync());
        Assert.False((await db.Conversations.SingleAsync()).Active);
    }

    [Fact]
    public async Task A_button_of_an_earlier_step_or_pressed_twice_is_answered_and_acts_once()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.Say("09121234567");
        var countyStep = await _chat.StepAsync();
        await _chat.PressData(FlowButtons.Data(countyStep, "0"));

        var twice = await _chat.PressData(FlowButtons.Data(countyStep, "2"));
        Assert.Equal(Texts.StaleButton, twice.Answer!.Notice);
        Assert.Empty(twice.Texts);

        await _chat.Press("none");
        await using var db = _chat.Db();
        Assert.Equal("کاشان", (await db.Members.SingleAsync()).County);
    }

    [Fact]
    public async Task The_same_person_on_Bale_with_the_same_shared_number_is_one_member_with_two_accounts()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.ShareContact("+989121234567");
        await _chat.Press("0");
        await _chat.Press("none");

        _chat.As = ("bale", 88001, "زهرا");
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        // Typing the number proves nothing, links nobody, and does not tell whether the number is registered.
        Assert.Equal([Texts.PhoneAccepted("۰۹۱۲۱۲۳۴۵۶۷"), Texts.AskCounty], (await _chat.Say("09121234567")).Texts);
        await _chat.Say(Texts.Back);
        var linked = await _chat.ShareContact("+98 912 123 4567");
        Assert.Equal([Texts.AccountLinked("زهرا احمدی")], linked.Texts);

        await using var db = _chat.Db();
        var member = await db.Members.Include(m => m.Accounts).SingleAsync();
        Assert.Equal(["bale", "telegram"], member.Accounts.Select(a => a.Messenger).Order());
        Assert.Equal([Texts.WelcomeBack("زهرا احمدی")], (await _chat.Say("/start")).Texts);
    }

    [Fact]
    public async Task Zero_width_and_bidi_marks_around_a_name_are_removed()
    {
        await _chat.Say("/start");
        await _chat.Say("\u202Bزهرا\u200C احمدی\u200F\u200B");
        await _chat.Say("09121234567");
        await _chat.Press("0");
        await _chat.Press("none");
        await using var db = _chat.Db();
        Assert.Equal("زهرا\u200C احمدی", (await db.Members.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_second_account_on_the_same_messenger_sharing_a_proved_number_joins_nobody()
    {
        await _chat.Say("/start");
        await _chat.Say("زهرا احمدی");
        await _chat.ShareContact("+989121234567");
        await _chat.Press("0");
        await _chat.Press("none");

        // The number was given to somebody else, who now shares it from another Telegram account.
        _chat.As = ("telegram", 88002, "رضا");
        await _chat.Say("/start");
        await _chat.Say("رضا کریمی");
        Assert.Equal([Texts.NumberVerifiedElsewhere, Texts.AskPhoneAndWhoSees], (await _chat.ShareContact("+989121234567")).Texts);

        await using var db = _chat.Db();
        Assert.Equal(["telegram:501"], (await db.Accounts.ToListAsync()).Select(a => $"{a.Messenger}:{a.UserId}"));
    }
}
