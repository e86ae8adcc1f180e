using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Members;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// <c>/forget</c> through the brain: a member's own, in two steps, and an admin's for a member by number or account.
/// Forgotten, a member's name, number and chat links are gone and their reports stay, anonymous.
/// </summary>
public sealed class ForgetTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Reporter = 501, Other = 502;
    private const string ReporterName = "زهرا احمدی";

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        As(Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // RJ-1001, named
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private void As(long user, string name) => _chat.As = ("telegram", user, name);

    private Task<Reply> Say(long user, string text)
    {
        As(user, user == Reporter ? "زهرا" : "کسی");
        return _chat.Say(text);
    }

    private async Task<Member> MemberAsync(int id)
    {
        await using var db = _chat.Db();
        return await db.Members.AsNoTracking().Include(m => m.Accounts).SingleAsync(m => m.Id == id);
    }

    private async Task<int> ReporterIdAsync()
    {
        await using var db = _chat.Db();
        return await db.Reports.Where(r => r.Code == "RJ-1001").Select(r => r.MemberId).SingleAsync();
    }

    private async Task AssertUntouchedAsync(int id)
    {
        var member = await MemberAsync(id);
        Assert.Equal((ReporterName, "+989121234567", (DateTime?)null), (member.Name, member.Phone, member.ForgottenAt));
        Assert.Single(member.Accounts);
        await using var db = _chat.Db();
        Assert.False(await db.Reports.Where(r => r.Code == "RJ-1001").Select(r => r.Anonymous).SingleAsync());
    }

    private async Task AssertForgottenAsync(int id)
    {
        var member = await MemberAsync(id);
        Assert.Equal(("", (string?)null, false, _chat.Now), (member.Name, member.Phone, member.PhoneVerified, member.ForgottenAt!.Value));
        Assert.Empty(member.Accounts);
        await using var db = _chat.Db();
        Assert.All(await db.Reports.Where(r => r.MemberId == id).ToListAsync(), r => Assert.True(r.Anonymous));
    }

    [Fact]
    public async Task A_member_forgets_themselves_in_two_steps_and_their_reports_stay_anonymous_for_staff()
    {
        var id = await ReporterIdAsync();
        // They follow another member's report, answered a session, and a notice to them is still waiting.
        As(Other, "علی");
        await _chat.RegisterAsync("09131112233");
        await _chat.FileReportAsync(description: "جاده روستای نیاسر هنوز خاکی مانده است"); // RJ-1002
        await using (var db = _chat.Db())
        {
            var meeting = new Meeting
            {
                Title = "نهمین اجلاسیه", Place = "فرمانداری", Agenda = "مسائل سال", Audience = "all", CreatedBy = "telegram:1",
                StartsAt = _chat.Now.AddDays(3), CreatedAt = _chat.Now,
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.Rsvps.Add(new Rsvp { MeetingId = meeting.Id, MemberId = id, Answer = RsvpAnswer.Yes, At = _chat.Now });
            db.ReportFollowers.Add(new ReportFollower { ReportId = (await db.Reports.SingleAsync(r => r.Code == "RJ-1002")).Id, MemberId = id, Since = _chat.Now });
            db.Outbox.Add(new OutboxMessage
            {
                Messenger = "telegram", ChatId = Reporter, Priority = OutboxPriority.Bulk, Status = OutboxStatus.Pending,
                Payload = OutgoingJson.Write(new TextMessage("یادآوری جلسه برای زهرا")), CreatedAt = _chat.Now, NotBefore = _chat.Now,
            });
            await db.SaveChangesAsync();
        }

        var ask = await Say(Reporter, "/forget");
        Assert.Equal(Texts.ForgetAsk, ask.Last.Text);
        Assert.Equal([Texts.ForgetMeButton, Texts.ForgetKeepButton], ask.ButtonLabels);
        await AssertUntouchedAsync(id); // asking changes nothing

        var step = await _chat.StepAsync();
        var done = await _chat.Press("forget");
        Assert.Equal(Texts.Forgotten, done.Last.Text);
        Assert.IsType<RemoveKeyboard>(done.Last.Keyboard);
        await AssertForgottenAsync(id);
        await using (var db = _chat.Db())
        {
            var member = await db.Members.SingleAsync(m => m.Id == id);
            Assert.Equal(("", (string?)null), (member.County, member.WorkingGroup));
            Assert.Empty(await db.Rsvps.Where(r => r.MemberId == id).ToListAsync());
            Assert.Empty(await db.ReportFollowers.Where(f => f.MemberId == id).ToListAsync());
            var chat = await db.Chats.SingleAsync(c => c.Messenger == "telegram" && c.ChatId == Reporter);
            Assert.Null(chat.Title);
            var conversation = await db.Conversations.SingleAsync(c => c.Messenger == "telegram" && c.ChatId == Reporter);
            Assert.Equal(("", "{}"), (conversation.Flow, conversation.Data));
            // Nothing to their chat keeps their name or number; what still waited is not sent.
            var rows = await db.Outbox.Where(o => o.Messenger == "telegram" && o.ChatId == Reporter).ToListAsync();
            Assert.DoesNotContain(rows, o => o.Payload.Contains("زهرا") || o.Payload.Contains("۰۹۱۲۱۲۳۴۵۶۷"));
            var waiting = Assert.Single(rows, o => o.Priority == OutboxPriority.Bulk && o.Status != OutboxStatus.Sent);
            Assert.Equal((OutboxStatus.Failed, Forgetting.UnsentReason, OutgoingJson.Emptied), (waiting.Status, waiting.LastError, waiting.Payload));
        }

        // The secretariat still has the report, with nobody's name on it.
        var shown = await Say(Rajaei, "/show RJ-1001");
        Assert.Contains(Texts.Anonymous, shown.Last.Text);
        Assert.DoesNotContain("زهرا", shown.Last.Text);
        Assert.Contains("آب آشامیدنی محله فین", shown.Last.Text);

        // The confirm pressed again acts no more.
        As(Reporter, "زهرا");
        var again = await _chat.PressData(FlowButtons.Data(step, "forget"));
        Assert.Equal(Texts.StaleButton, again.Answer!.Notice);

        // A stranger again: /start registers a new member, and the old report is not theirs.
        var start = await _chat.Say("/start");
        Assert.Equal(Texts.RegistrationStart(_chat.Context.Assembly.Name), start.Last.Text);
        await _chat.RegisterAsync();
        await using (var db = _chat.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.Messenger == "telegram" && a.UserId == Reporter);
            Assert.NotEqual(id, account.MemberId);
            Assert.Equal(id, await db.Reports.Where(r => r.Code == "RJ-1001").Select(r => r.MemberId).SingleAsync());
        }

        Assert.Equal(Texts.NoReports, (await _chat.Say("/myreports")).Last.Text);
    }

    [Fact]
    public async Task Cancelling_changes_nothing_and_the_confirm_button_acts_no_more()
    {
        var id = await ReporterIdAsync();
        await Say(Reporter, "/forget");
        var step = await _chat.StepAsync();

        var kept = await _chat.Press("keep");
        Assert.Equal(Texts.ForgetKept, kept.Last.Text);
        Assert.Same(MainMenu.Keyboard, kept.Last.Keyboard);
        await AssertUntouchedAsync(id);

        var stale = await _chat.PressData(FlowButtons.Data(step, "forget"));
        Assert.Equal(Texts.StaleButton, stale.Answer!.Notice);
        await AssertUntouchedAsync(id);
    }

    [Fact]
    public async Task An_admin_forgets_a_member_by_number_after_confirming()
    {
        var id = await ReporterIdAsync();
        var described = Texts.MemberDescribed(ReporterName, "۰۹۱۲۱۲۳۴۵۶۷", ["telegram:501"]);

        var ask = await Say(Admin, "/forget ۰۹۱۲ ۱۲۳ ۴۵۶۷");
        Assert.Equal(Texts.ForgetAskAdmin(described), ask.Last.Text);
        Assert.Equal([Texts.ForgetMemberButton, Texts.ForgetKeepButton], ask.ButtonLabels);
        await AssertUntouchedAsync(id);

        var step = await _chat.StepAsync();
        var done = await _chat.Press("forget");
        Assert.Equal(Texts.MemberForgotten(described), done.Last.Text);
        Assert.Empty(done.To(Reporter)); // the member's chat is a stranger's now
        await AssertForgottenAsync(id);

        var again = await _chat.PressData(FlowButtons.Data(step, "forget"));
        Assert.Equal(Texts.StaleButton, again.Answer!.Notice);
        Assert.Equal(Texts.ForgetNoNumber("۰۹۱۲۱۲۳۴۵۶۷"), (await Say(Admin, "/forget 09121234567")).Last.Text);
    }

    [Fact]
    public async Task An_admin_forgets_a_member_by_account_and_a_number_several_typed_names_none_of_them()
    {
        var reporter = await ReporterIdAsync();
        As(Other, "علی");
        await _chat.RegisterAsync("09121234567"); // typed: a claim, which anybody can make
        var several = await Say(Admin, "/forget 09121234567");
        Assert.Equal(Texts.ForgetSeveral("۰۹۱۲۱۲۳۴۵۶۷",
        [
            Texts.MemberDescribed(ReporterName, "۰۹۱۲۱۲۳۴۵۶۷", ["telegram:501"]),
            Texts.MemberDescribed("علی احمدی", "۰۹۱۲۱۲۳۴۵۶۷", ["telegram:502"]),
        ]), several.Last.Text);
        Assert.Null(several.Last.Keyboard); // nothing to confirm yet

        var ask = await Say(Admin, "/forget telegram:502");
        Assert.Equal(Texts.ForgetAskAdmin(Texts.MemberDescribed("علی احمدی", "۰۹۱۲۱۲۳۴۵۶۷", ["telegram:502"])), ask.Last.Text);
        await _chat.Press("forget");

        await using var db = _chat.Db();
        var other = await db.Members.SingleAsync(m => m.Id != reporter);
        await AssertForgottenAsync(other.Id);
        await AssertUntouchedAsync(reporter);
    }

    [Fact]
    public async Task Unknown_numbers_accounts_and_people_get_a_plain_answer_and_change_nothing()
    {
        var id = await ReporterIdAsync();
        Assert.Equal(Texts.ForgetNoNumber("۰۹۳۵۱۱۱۲۲۳۳"), (await Say(Admin, "/forget 09351112233")).Last.Text);
        Assert.Equal(Texts.ForgetNoAccount("bale:501"), (await Say(Admin, "/forget bale:501")).Last.Text);
        Assert.Equal(Texts.Usage(Texts.ForgetAdminUsage), (await Say(Admin, "/forget زهرا")).Last.Text);
        await AssertUntouchedAsync(id);
    }

    [Fact]
    public async Task Only_an_admin_names_somebody_else_and_only_a_member_forgets_themselves()
    {
        var id = await ReporterIdAsync();
        As(Other, "علی");
        await _chat.RegisterAsync("09131112233");
        Assert.Equal(Texts.ForgetSelfOnly, (await Say(Other, "/forget telegram:501")).Last.Text); // a member is told how to forget themselves
        Assert.Equal(Texts.UnknownCommand("/forget"), (await Say(Rajaei, "/forget 09121234567")).Last.Text);
        Assert.Equal(Texts.RegisterFirst, (await Say(777, "/forget")).Last.Text);
        await AssertUntouchedAsync(id);

        Assert.Contains(Conversations.Commands.CommandHelp.Line(Conversations.Commands.MemberCommands.Commands.Single(c => c.Name == "forget")), (await Say(Other, "/help")).Last.Text);
        Assert.DoesNotContain(Texts.ForgetAdminUsage, (await Say(Other, "/help")).Last.Text);
        Assert.Contains(Conversations.Commands.CommandHelp.Line(Conversations.Commands.MemberCommands.ForgetAnother), (await Say(Admin, "/help")).Last.Text);
    }
}
