using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The first admin without knowing an account id: <c>/claim CODE</c> with a code of <c>claim-code</c>, the wait earned by
/// wrong codes, <c>/whoami</c>, and the admin grant it stores (listed by <c>/staff</c>, revoked, never the last one).
/// No admin is configured here.
/// </summary>
public sealed class AdminClaimTests : IDisposable
{
    private const string Assembly = "مجمع بسیجیان شهرستان کاشان";
    private readonly ChatHarness _chat = new();

    public void Dispose() => _chat.Dispose();

    /// <summary>A code as the command makes it (the same call), valid from now.</summary>
    private async Task<string> IssueAsync()
    {
        await using var db = _chat.Db();
        return (await ClaimCodes.IssueAsync(db, _chat.Now, CancellationToken.None)).Code;
    }

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "مریم");
        return _chat.Say(text);
    }

    private async Task<bool> IsAdminAsync(long user) => (await As(user, "/staff")).Texts.Single() != Texts.UnknownCommand("/staff");

    private string At(DateTime utc) => PersianTime.Date(utc, _chat.Context.Zone);

    [Fact]
    public async Task A_claim_in_a_private_chat_makes_the_sender_an_admin_stored_and_listed_by_staff()
    {
        var code = await IssueAsync();
        Assert.False(await IsAdminAsync(900));

        // Typed on a phone: small letters, spaces for dashes, Persian digits.
        var typed = PersianText.ToPersianDigits(code.ToLowerInvariant().Replace('-', ' '));
        Assert.Equal([Texts.Claimed(Assembly)], (await As(900, "/claim " + typed)).Texts);

        var staff = (await As(900, "/staff")).Last.Text;
        Assert.Equal($"{Texts.AdminsLabel}: telegram:900", staff.Split('\n')[0]);
        var help = (await As(900, "/help")).Last.Text;
        Assert.All(Conversations.Commands.CommandHelp.Lines(Conversations.Commands.Need.Admin), line => Assert.Contains(line, help));
        await using var db = _chat.Db();
        var used = await db.ClaimCodes.SingleAsync();
        Assert.Equal(("telegram:900", _chat.Now), (used.UsedBy, used.UsedAt));
        var grant = await db.RoleGrants.SingleAsync();
        Assert.Equal(("telegram:900", Role.Admin, (DateTime?)null), (grant.Who, grant.Role, grant.RevokedAt));
    }

    [Fact]
    public async Task A_second_claim_with_the_same_code_does_nothing_and_is_told_so()
    {
        var code = await IssueAsync();
        await As(900, "/claim " + code);

        Assert.Equal([Texts.ClaimCodeUsed], (await As(901, "/claim " + code)).Texts);
        Assert.False(await IsAdminAsync(901));
        Assert.Equal([Texts.AlreadyAdmin], (await As(900, "/claim " + code)).Texts);
        await using var db = _chat.Db();
        Assert.Equal("telegram:900", (await db.ClaimCodes.SingleAsync()).UsedBy);
        Assert.Single(await db.RoleGrants.ToListAsync());
        Assert.Empty(await db.ClaimAttempts.ToListAsync()); // whoever typed a real code typed no wrong one
    }

    [Fact]
    public async Task An_expired_code_does_nothing()
    {
        var code = await IssueAsync();
        _chat.Now = _chat.Now.AddHours(24).AddMinutes(1);

        Assert.Equal([Texts.ClaimCodeExpired], (await As(900, "/claim " + code)).Texts);
        Assert.False(await IsAdminAsync(900));
        await using var db = _chat.Db();
        Assert.Null((await db.ClaimCodes.SingleAsync()).UsedAt);
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_one_waits_and_after_the_wait_it_works()
    {
        var code = await IssueAsync();
        for (var i = 1; i < AdminClaim.FreeWrongTries; i++)
            Assert.Equal([Texts.ClaimWrong(null)], (await As(900, "/claim AAAA-BBBB-CCC" + i)).Texts);

        // 12:00 UTC is 15:30 in Tehran; the fifth wrong code earns five minutes.
        var fifth = (await As(900, "/claim AAAA-BBBB-CCCC")).Texts.Single();
        Assert.Equal(Texts.ClaimWrong(At(_chat.Now.AddMinutes(5))), fifth);
        Assert.Contains("۱۴۰۵/۰۹/۰۷ ساعت ۱۵:۳۵", fifth);

        var refused = (await As(900, "/claim " + code)).Texts.Single();
        Assert.Equal(Texts.ClaimBlocked(At(_chat.Now.AddMinutes(5))), refused);
        Assert.False(await IsAdminAsync(900));
        // The wait is the account's own.
        Assert.Equal([Texts.ClaimWrong(null)], (await As(901, "/claim AAAA-BBBB-CCCC")).Texts);

        _chat.Now = _chat.Now.AddMinutes(4);
        Assert.Equal([Texts.ClaimBlocked(At(_chat.Now.AddMinutes(1)))], (await As(900, "/claim " + code)).Texts);
        _chat.Now = _chat.Now.AddMinutes(1);
        Assert.Equal([Texts.Claimed(Assembly)], (await As(900, "/claim " + code)).Texts);
        Assert.True(await IsAdminAsync(900));
        await using var db = _chat.Db();
        Assert.Equal(["telegram:901"], await db.ClaimAttempts.Select(a => a.Account).ToListAsync()); // the claimant's count is cleared
    }

    [Fact]
    public async Task Every_wrong_code_after_the_fifth_doubles_the_wait_up_to_a_day()
    {
        for (var i = 0; i < AdminClaim.FreeWrongTries; i++) await As(900, "/claim WRONG");
        _chat.Now = _chat.Now.AddMinutes(5);
        Assert.Equal([Texts.ClaimWrong(At(_chat.Now.AddMinutes(10)))], (await As(900, "/claim WRONG")).Texts);
        _chat.Now = _chat.Now.AddMinutes(10);
        Assert.Equal([Texts.ClaimWrong(At(_chat.Now.AddMinutes(20)))], (await As(900, "/claim WRONG")).Texts);

        Assert.Equal(TimeSpan.FromMinutes(5), AdminClaim.Wait(5));
        Assert.Equal(TimeSpan.FromMinutes(40), AdminClaim.Wait(8));
        Assert.Equal(TimeSpan.FromHours(24), AdminClaim.Wait(14));
        Assert.Equal(TimeSpan.FromHours(24), AdminClaim.Wait(1000));
    }

    [Fact]
    public async Task A_wrong_code_is_answered_alike_whether_or_not_any_code_exists()
    {
        var withoutAny = (await As(900, "/claim ABCD-EFGH-JKMN")).Texts;
        await IssueAsync();
        var withOne = (await As(901, "/claim ABCD-EFGH-JKMN")).Texts;

        Assert.Equal([Texts.ClaimWrong(null)], withoutAny);
        Assert.Equal(withoutAny, withOne);
    }

    [Fact]
    public async Task A_claim_without_a_code_says_how_and_counts_as_no_try()
    {
        Assert.Equal([Texts.ClaimUsage], (await As(900, "/claim")).Texts);
        await using var db = _chat.Db();
        Assert.Empty(await db.ClaimAttempts.ToListAsync());
    }

    [Fact]
    public async Task A_claim_in_a_group_does_nothing_visible_there_and_takes_no_code()
    {
        var code = await IssueAsync();
        Task<Reply> InGroup(string text) => _chat.Send(IncomingKind.Text, m => m with
        {
            Chat = new ChatAddress("telegram", -100500), ChatKind = ChatKind.Group, From = new Sender(900, "مریم", null, null), Text = text,
        });

        _chat.As = ("telegram", 900, "مریم");
        await _chat.Say("/whoami"); // she has started the bot, so a line can reach her in private
        var claimed = await InGroup("/claim " + code);

        Assert.Empty(claimed.To(-100500));
        Assert.Equal([Texts.UsePrivateChat], claimed.To(900).Select(m => m.Text)); // as for any command said in a group
        Assert.False(await IsAdminAsync(900));
        await using var db = _chat.Db();
        Assert.Null((await db.ClaimCodes.SingleAsync()).UsedAt);
        Assert.Empty(await db.ClaimAttempts.ToListAsync());
    }

    [Fact]
    public async Task Whoami_shows_a_non_member_and_a_member_their_account_as_grant_takes_it()
    {
        var stranger = (await As(904, "/whoami")).Last;
        Assert.Equal(Texts.WhoAmI("telegram:904"), stranger.Text);
        Assert.Equal(["telegram:904"], stranger.Monospace);
        Assert.StartsWith("شناسه حساب شما: telegram:904\n", stranger.Text);

        _chat.As = ("bale", 905, "علی");
        await _chat.RegisterAsync(phone: "09131112233");
        var member = (await _chat.Say("/whoami")).Last;
        Assert.Equal(Texts.WhoAmI("bale:905"), member.Text);
        Assert.Equal(["bale:905"], member.Monospace);
        Assert.Same(MainMenu.Keyboard, member.Keyboard);

        // What it shows is what an admin gives a role to.
        await As(900, "/claim " + await IssueAsync());
        Assert.Equal([Texts.Granted("telegram:904", Texts.RoleOrganizer)], (await As(900, "/grant telegram:904 organizer")).Texts);
    }

    [Fact]
    public async Task An_admin_revokes_a_stored_admin_grant_but_never_the_last_admin()
    {
        await As(900, "/claim " + await IssueAsync());
        await As(901, "/claim " + await IssueAsync());
        Assert.Equal($"{Texts.AdminsLabel}: telegram:900، telegram:901", (await As(900, "/staff")).Last.Text.Split('\n')[0]);

        Assert.Equal([Texts.Revoked("telegram:901", Texts.RoleAdmin)], (await As(900, "/revoke telegram:901 admin")).Texts);
        Assert.False(await IsAdminAsync(901));

        Assert.Equal([Texts.LastAdmin], (await As(900, "/revoke telegram:900 admin")).Texts);
        Assert.True(await IsAdminAsync(900));
        // The admin role comes from the server (configuration or a code), never from /grant.
        Assert.NotEqual([Texts.Granted("telegram:901", Texts.RoleAdmin)], (await As(900, "/grant telegram:901 admin")).Texts);
        Assert.False(await IsAdminAsync(901));
    }

    [Fact]
    public async Task With_an_admin_in_configuration_a_stored_admin_may_give_up_their_role()
    {
        using var chat = new ChatHarness(("Access:Admins:0", "telegram:1"));
        string code;
        await using (var db = chat.Db()) code = (await ClaimCodes.IssueAsync(db, chat.Now, CancellationToken.None)).Code;
        chat.As = ("telegram", 900, "مریم");
        await chat.Say("/claim " + code);

        Assert.Equal([Texts.Revoked("telegram:900", Texts.RoleAdmin)], (await chat.Say("/revoke telegram:900 admin")).Texts);
        Assert.Equal([Texts.UnknownCommand("/staff")], (await chat.Say("/staff")).Texts);
    }

    [Fact]
    public async Task A_number_taken_over_by_its_verified_owner_is_told_to_the_admin_who_claimed_the_role()
    {
        await As(900, "/claim " + await IssueAsync());
        _chat.As = ("telegram", 800, "علی");
        await _chat.RegisterAsync(phone: "09131234567");

        _chat.As = ("telegram", 801, "حسن");
        await _chat.Say("/start");
        await _chat.Say("حسن موسوی");
        await _chat.ShareContact("+989131234567");
        await _chat.Press("0");
        var registered = await _chat.Press("none");

        Assert.Equal(Texts.NumberTakenOver("۰۹۱۳۱۲۳۴۵۶۷", ["علی احمدی"]), registered.To(900).Single().Text);
    }

    [Fact]
    public async Task An_escalation_with_no_organizer_reaches_the_admin_who_claimed_the_role()
    {
        await As(900, "/claim " + await IssueAsync());
        _chat.As = ("telegram", 501, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        var filed = _chat.Now;

        _chat.Now = filed.AddHours(49); // past the first answer's 48 hours: the (absent) staff are reminded
        await _chat.DeadlinesDueAsync();
        _chat.Now = filed.AddHours(74); // and a day later the organizers, of whom there are none, so the admins
        var escalation = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal((900L, Texts.DeadlineEscalation(NoticeTexts.Head("RJ-1001", "آب و برق و گاز", "کاشان"), "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer)), (escalation.To.ChatId, escalation.Text));
    }
}
