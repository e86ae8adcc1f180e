using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// A report's card through the brain: who gets it, «برمی‌دارم» and «واگذاری», every copy written again after each
/// action, reminders to the assignee first, and the queue with its buttons.
/// </summary>
public sealed class ReportCardTests : IAsyncLifetime
{
    private const long Zahra = 201, Reza = 202, Reporter = 501, Group = -100200, ModarresGroup = -100100;
    private const string Code = "RJ-1001";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:0:Staff:0", "telegram:101"),
        ("Assembly:Secretariats:0:StaffChats:0", "telegram:-100100"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:Staff:1", "telegram:202"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-100200"));

    private Reply _submitted = null!;

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        _submitted = await _chat.FileReportAsync();
        // Each staff member has written to the bot once, so the bot knows their name.
        await As(Zahra, "زهرا کاظمی", "/help");
        await As(Reza, "رضا نوری", "/help");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, string name, string text)
    {
        _chat.As = ("telegram", user, name);
        return _chat.Say(text);
    }

    private Task<Reply> Press(long user, string name, string data)
    {
        _chat.As = ("telegram", user, name);
        return _chat.PressData(data);
    }

    private Task<Reply> PressIn(long group, long user, string name, string data)
    {
        _chat.As = ("telegram", user, name);
        return _chat.Send(IncomingKind.ButtonPress, m => m with
        {
            ButtonData = data, ButtonPressId = Guid.NewGuid().ToString("N"), Chat = new ChatAddress("telegram", group), ChatKind = ChatKind.Group, ChatTitle = "گروه",
        });
    }

    private async Task<Report> ReportAsync()
    {
        await using var db = _chat.Db();
        return await db.Reports.AsNoTracking().SingleAsync(r => r.Code == Code);
    }

    private static TextEdit EditTo(Reply reply, long chat) => reply.Messages.OfType<TextEdit>().Single(m => m.To.ChatId == chat);

    [Fact]
    public async Task A_new_card_shows_stage_nobody_yet_and_the_filing_and_is_remembered_where_it_went()
    {
        var card = _submitted.To(Group).Single();
        Assert.StartsWith(Texts.CardHeader(Code, "دبیرخانه شهید رجایی", fresh: true) + "\nمرحله: مسئله‌یابی\nکارشناس مسئول: " + Texts.NobodyYet + "\nآخرین اقدام: ثبت مسئله",
            card.Text);
        Assert.EndsWith(Texts.CardTakeHint, card.Text);
        Assert.Equal(ReportCard.Action, card.SubjectAction);
        await using var db = _chat.Db();
        var post = await db.ReportPosts.SingleAsync();
        Assert.Equal(("telegram", Group), (post.Messenger, post.ChatId));
    }

    [Fact]
    public async Task Taking_a_report_makes_the_presser_its_assignee_says_so_in_the_group_edits_the_card_and_sends_a_private_copy()
    {
        var taken = await PressIn(Group, Zahra, "زهرا کاظمی", "st:take:" + Code);

        Assert.Equal([Texts.Taken(Code, "زهرا کاظمی")], taken.To(Group).Select(m => m.Text));
        var edit = EditTo(taken, Group);
        Assert.Equal(_submitted.IdOfLastTo(Group), edit.MessageId);
        Assert.Contains("کارشناس مسئول: زهرا کاظمی", edit.Text);
        Assert.Contains("آخرین اقدام: " + Texts.LastAction(ReportEventKind.Assigned, "زهرا کاظمی"), edit.Text);
        Assert.True(edit.ResendIfGone);
        var privately = taken.To(Zahra).Single();
        Assert.Equal(ReportCard.Action, privately.SubjectAction);
        Assert.Contains("کارشناس مسئول: زهرا کاظمی", privately.Text);
        Assert.Empty(taken.To(Reza));

        var report = await ReportAsync();
        Assert.Equal("telegram:201", report.Assignee);
        await using var db = _chat.Db();
        Assert.Equal(ReportEventKind.Assigned, (await db.ReportEvents.OrderBy(e => e.Id).LastAsync()).Kind);
        Assert.Equal(2, await db.ReportPosts.CountAsync());
        Assert.Contains("کارشناس مسئول (زهرا کاظمی): زهرا کاظمی", (await As(Zahra, "زهرا کاظمی", "/show " + Code)).Last.Text);
    }

    [Fact]
    public async Task Taking_a_report_someone_else_has_names_who_has_it_and_changes_nothing()
    {
        await Press(Zahra, "زهرا کاظمی", "st:take:" + Code);
        var refused = await Press(Reza, "رضا نوری", "st:take:" + Code);
        Assert.Equal([Texts.TakenByOther(Code, "زهرا کاظمی")], refused.Texts);
        Assert.DoesNotContain(refused.Messages, m => m is TextEdit);
        Assert.Equal("telegram:201", (await ReportAsync()).Assignee);
        Assert.Equal([Texts.AlreadyYours(Code)], (await Press(Zahra, "زهرا کاظمی", "st:take:" + Code)).Texts);
    }

    [Fact]
    public async Task A_report_is_handed_to_another_staff_member_of_its_secretariat_by_name()
    {
        await Press(Zahra, "زهرا کاظمی", "st:take:" + Code);
        var choose = await Press(Zahra, "زهرا کاظمی", "st:hand:" + Code);
        Assert.Equal(Texts.ChooseAssignee(Code), choose.Last.Text);
        var choice = Assert.Single(Assert.IsType<InlineKeyboard>(choose.Last.Keyboard).Rows.SelectMany(r => r));
        Assert.Equal(("رضا نوری", "st:hand:RJ-1001:telegram.202"), (choice.Label, choice.Data));

        var handed = await Press(Zahra, "زهرا کاظمی", choice.Data);
        Assert.Equal(Texts.HandedOver(Code, "زهرا کاظمی", "رضا نوری"), handed.Texts[0]);
        Assert.Equal([Texts.HandedOver(Code, "زهرا کاظمی", "رضا نوری")], handed.To(Group).Select(m => m.Text));
        Assert.Equal(Texts.HandedToYou(Code, "زهرا کاظمی"), handed.To(Reza)[0].Text);
        Assert.Contains("کارشناس مسئول: رضا نوری", handed.To(Reza)[1].Text);
        Assert.Contains("کارشناس مسئول: رضا نوری", EditTo(handed, Group).Text);
        Assert.Contains("کارشناس مسئول: رضا نوری", EditTo(handed, Zahra).Text);
        Assert.Equal("telegram:202", (await ReportAsync()).Assignee);
    }

    [Fact]
    public async Task Handing_over_to_someone_not_on_the_secretariats_staff_or_taking_a_closed_report_is_refused_in_persian()
    {
        Assert.Equal([Texts.NotStaffOfIt], (await Press(Zahra, "زهرا کاظمی", "st:hand:RJ-1001:telegram.101")).Texts);
        Assert.Equal([Texts.NotStaffOfIt], (await Press(Zahra, "زهرا کاظمی", "st:hand:RJ-1001:nonsense")).Texts);
        Assert.Null((await ReportAsync()).Assignee);

        await As(Zahra, "زهرا کاظمی", $"/close {Code} resolved");
        Assert.Equal([Texts.TakeClosed], (await Press(Zahra, "زهرا کاظمی", "st:take:" + Code)).Texts);
        Assert.Equal([Texts.TakeClosed], (await Press(Zahra, "زهرا کاظمی", "st:hand:" + Code)).Texts);
        Assert.Null((await ReportAsync()).Assignee);
    }

    [Fact]
    public async Task Every_copy_of_the_card_shows_each_action_a_reply_a_stage_and_the_members_message()
    {
        await PressIn(Group, Zahra, "زهرا کاظمی", "st:take:" + Code);

        var replied = await As(Reza, "رضا نوری", $"/reply {Code} پیگیری می‌کنیم");
        Assert.Contains("آخرین اقدام: " + Texts.LastAction(ReportEventKind.Replied, "رضا نوری"), EditTo(replied, Group).Text);
        Assert.Contains("آخرین اقدام: " + Texts.LastAction(ReportEventKind.Replied, "رضا نوری"), EditTo(replied, Zahra).Text);

        var staged = await As(Zahra, "زهرا کاظمی", $"/stage {Code} solution");
        Assert.Contains("مرحله: ارائه راهکار", EditTo(staged, Group).Text);

        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.PressData(Conversations.Reports.MyReports.AddPrefix + Code);
        var added = await _chat.Say("امروز هم آب نیامد");
        Assert.Contains("آخرین اقدام: " + Texts.LastAction(ReportEventKind.MemberMessage, Texts.TheReporter), EditTo(added, Group).Text);
        Assert.Equal(_submitted.IdOfLastTo(Group), EditTo(added, Group).MessageId);
    }

    [Fact]
    public async Task A_report_routed_away_leaves_its_old_copies_once_without_the_members_words_and_the_new_group_gets_a_card()
    {
        await PressIn(Group, Zahra, "زهرا کاظمی", "st:take:" + Code);
        var routed = await As(Zahra, "زهرا کاظمی", $"/route {Code} modarres");
        foreach (var chat in new[] { Group, Zahra })
        {
            var old = EditTo(routed, chat);
            Assert.Null(old.Keyboard);
            Assert.Equal(Texts.CardRoutedAway(Code, "دبیرخانه شهید مدرس"), old.Text);
        }

        Assert.StartsWith(Texts.CardHeader(Code, "دبیرخانه شهید مدرس", fresh: false), routed.To(ModarresGroup).Single().Text);

        // From then on the old secretariat's group and its staff member hear nothing more of it; the new group does.
        var staged = await As(101, "مریم مدرسی", $"/stage {Code} solution");
        Assert.Contains("مرحله: ارائه راهکار", EditTo(staged, ModarresGroup).Text);
        Assert.DoesNotContain(staged.Messages, m => m.To.ChatId is Group or Zahra);
        await using var db = _chat.Db();
        Assert.Equal([("telegram", ModarresGroup)], await db.ReportPosts.Select(p => new ValueTuple<string, long>(p.Messenger, p.ChatId)).ToListAsync());
    }

    [Fact]
    public async Task The_open_button_sends_the_card_to_the_chat_it_is_pressed_in()
    {
        var opened = await Press(Reza, "رضا نوری", "st:open:" + Code);
        var card = opened.To(Reza).Single();
        Assert.StartsWith(Texts.CardHeader(Code, "دبیرخانه شهید رجایی", fresh: true), card.Text);
        Assert.Contains(Assert.IsType<InlineKeyboard>(card.Keyboard).Rows.SelectMany(r => r), b => b.Data == "st:take:" + Code);
        Assert.Equal(Texts.StaleButton, (await Press(Reza, "رضا نوری", "st:open")).Answer!.Notice);
        Assert.Equal(Texts.UnknownCode, (await Press(Reza, "رضا نوری", "st:open:RJ-9999")).Answer!.Notice);
    }

    [Fact]
    public async Task A_passed_deadline_reminds_the_assignee_alone_first_and_the_secretariat_at_escalation_time()
    {
        await Press(Zahra, "زهرا کاظمی", "st:take:" + Code);
        _chat.Now = _chat.Now.AddHours(_chat.Context.Assembly.Secretariats[1].FirstAnswerHours + 1);
        var first = await _chat.DeadlinesDueAsync();
        Assert.Equal([Zahra], first.Select(m => m.To.ChatId));

        _chat.Now = _chat.Now.AddHours(_chat.Context.Deadlines.EscalateAfterHours + 1);
        var then = await _chat.DeadlinesDueAsync();
        Assert.Contains(then, m => m.To.ChatId == Group && m.Text == Texts.DeadlineReminder(HeadOf(Code), DeadlineKind.FirstAnswer));
        Assert.DoesNotContain(then, m => m.To.ChatId == Zahra && m.Text == Texts.DeadlineReminder(HeadOf(Code), DeadlineKind.FirstAnswer));
    }

    [Fact]
    public async Task Without_a_staff_chat_every_staff_member_gets_the_card_privately()
    {
        using var chat = new ChatHarness(("Assembly:Secretariats:1:Staff:0", "telegram:201"), ("Assembly:Secretariats:1:Staff:1", "telegram:202"));
        chat.As = ("telegram", Reporter, "زهرا");
        await chat.RegisterAsync();
        var submitted = await chat.FileReportAsync();
        Assert.Single(submitted.To(Zahra));
        Assert.Single(submitted.To(Reza));
    }

    [Fact]
    public async Task The_queue_shows_topic_county_code_age_assignee_and_marks_nearest_deadline_first()
    {
        await Press(Zahra, "زهرا کاظمی", "st:take:" + Code);
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.PressData(Conversations.Reports.MyReports.AddPrefix + Code);
        await _chat.Say("امروز هم آب نیامد");
        _chat.Now = _chat.Now.AddDays(3);

        var inbox = (await As(Reza, "رضا نوری", "/inbox")).Last;
        Assert.Equal(Texts.InboxTitle(1, Texts.InboxFilter(null, mine: false), 1, 1) + "\n\n" +
            Texts.InboxEntry(1, "آب و برق و گاز", "کاشان", Code, "مسئله‌یابی", "۳ روز پیش", "زهرا کاظمی", overdue: true, wrote: true) + "\n\n" + Texts.InboxOrder,
            inbox.Text);
        // Phone width: no line starts with the code.
        Assert.DoesNotContain(inbox.Text.Split('\n'), line => line.StartsWith("RJ-", StringComparison.Ordinal));
        var buttons = Assert.IsType<InlineKeyboard>(inbox.Keyboard).Rows.SelectMany(r => r).ToList();
        Assert.Equal("st:open:" + Code, buttons[0].Data);
        Assert.Contains(buttons, b => b.Label == Texts.InboxMine && b.Data == "ib:a:1:0");
        Assert.Contains(buttons, b => b.Label == "✓ " + Texts.InboxAllStages);

        // Answered: the mark goes; «فقط مسئله‌های من» for someone who took none shows none.
        await As(Zahra, "زهرا کاظمی", $"/reply {Code} پیگیری می‌کنیم");
        Assert.DoesNotContain("✉️", (await As(Reza, "رضا نوری", "/inbox")).Last.Text);
        var mine = await Press(Reza, "رضا نوری", "ib:a:1:0");
        Assert.StartsWith(Texts.InboxFilter(null, mine: true) + "\n\n" + Texts.InboxNothingHere, Assert.IsType<TextEdit>(mine.Messages.Last()).Text);
        var zahras = Assert.IsType<TextEdit>((await Press(Zahra, "زهرا کاظمی", "ib:a:1:0")).Messages.Last());
        Assert.Contains("مسئله " + Code, zahras.Text);
        Assert.Contains("مسئله " + Code, Assert.IsType<TextEdit>((await Press(Zahra, "زهرا کاظمی", "ib:i:0:0")).Messages.Last()).Text);
        Assert.StartsWith(Texts.InboxFilter("ارائه راهکار", mine: false) + "\n\n" + Texts.InboxNothingHere,
            Assert.IsType<TextEdit>((await Press(Zahra, "زهرا کاظمی", "ib:s:0:0")).Messages.Last()).Text);
        Assert.Equal(Texts.StaleButton, (await Press(Zahra, "زهرا کاظمی", "ib:x:0:0")).Answer!.Notice);
        Assert.Equal(Texts.StaleButton, (await Press(Zahra, "زهرا کاظمی", "ib:a:2:0")).Answer!.Notice);
    }

    [Fact]
    public async Task The_queue_pages_ten_at_a_time_with_buttons_and_edits_itself_in_place()
    {
        await using (var db = _chat.Db())
        {
            var member = (await db.Reports.SingleAsync()).MemberId;
            for (var i = 0; i < 11; i++)
                db.Reports.Add(new Report
                {
                    Code = $"RJ-{2001 + i}", Secretariat = "rajaei", MemberId = member, Topic = "آب و برق و گاز", County = "کاشان",
                    Description = "شرح " + i, CreatedAt = _chat.Now, UpdatedAt = _chat.Now,
                });
            await db.SaveChangesAsync();
        }

        var first = (await As(Reza, "رضا نوری", "/inbox")).Last;
        Assert.StartsWith(Texts.InboxTitle(12, Texts.InboxFilter(null, mine: false), 1, 2), first.Text);
        var buttons = Assert.IsType<InlineKeyboard>(first.Keyboard).Rows.SelectMany(r => r).ToList();
        Assert.Equal(10, buttons.Count(b => b.Data.StartsWith("st:open:", StringComparison.Ordinal)));
        var next = buttons.Single(b => b.Label == Texts.InboxNext);
        Assert.DoesNotContain(buttons, b => b.Label == Texts.InboxPrevious);

        var listed = await _chat.Send(IncomingKind.ButtonPress, m => m with { ButtonData = next.Data, ButtonPressId = "p1", MessageId = 4242 });
        var second = Assert.IsType<TextEdit>(listed.Messages.Last());
        Assert.Equal(4242, second.MessageId);
        Assert.StartsWith(Texts.InboxTitle(12, Texts.InboxFilter(null, mine: false), 2, 2), second.Text);
        Assert.Contains("۱۱. ", second.Text);
        Assert.Contains("۱۲. ", second.Text);
        var secondButtons = second.Keyboard!.Rows.SelectMany(r => r).ToList();
        Assert.Equal(2, secondButtons.Count(b => b.Data.StartsWith("st:open:", StringComparison.Ordinal)));
        Assert.Contains(secondButtons, b => b.Label == Texts.InboxPrevious && b.Data == "ib:a:0:0");
        Assert.DoesNotContain(secondButtons, b => b.Label == Texts.InboxNext);

        // A page past the end (the list shrank meanwhile) shows the last one.
        Assert.StartsWith(Texts.InboxTitle(12, Texts.InboxFilter(null, mine: false), 2, 2),
            Assert.IsType<TextEdit>((await Press(Reza, "رضا نوری", "ib:a:0:9")).Messages.Last()).Text);
    }

    /// <summary>How staff notices name the report (code, topic, county, a line of it), read from the stored report.</summary>
    private string HeadOf(string code)
    {
        using var db = _chat.Db();
        return NoticeHead.Of(db.Reports.Single(r => r.Code == code));
    }
}
