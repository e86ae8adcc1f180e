using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Every staff notice names its report (code, topic, county, a line of the description) and carries «پاسخ» and
/// «نمایش مسئله»; an escalation opens a read-only card for organizers, who cannot act from it.
/// </summary>
public sealed class NoticeTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Reporter = 501, Organizer = 401, Group = -1001;
    private const string Code = "RJ-1001";
    private static readonly string Head = NoticeTexts.Head(Code, "آب و برق و گاز", "کاشان");
    private static readonly string[] NoticeButtons = [$"st:reply:{Code}", $"st:open:{Code}"];

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:StaffChats:0", "telegram:-1001"),
        ("Assembly:Secretariats:1:FirstAnswerHours", "24"),
        ("Deadlines:EscalateAfterHours", "12"),
        ("Deadlines:ResolvedCheckDays", "3"));

    public async Task InitializeAsync()
    {
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        _chat.As = ("telegram", Admin, "مدیر");
        await _chat.Say("/grant telegram:401 organizer");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, Func<Task<Reply>> act)
    {
        _chat.As = ("telegram", user, user == Reporter ? "زهرا" : "کارشناس");
        return act();
    }

    /// <summary>Read on a phone: no right-to-left line starts with the Latin code.</summary>
    private static void FitsAPhone(string text) =>
        Assert.All(text.Split('\n'), line => Assert.False(line.TrimStart().StartsWith(Code, StringComparison.Ordinal), line));

    [Fact]
    public async Task A_reminder_names_the_report_and_carries_the_answer_and_open_buttons()
    {
        _chat.Now = _chat.Now.AddHours(25);
        var reminders = await _chat.DeadlinesDueAsync();

        // Telegram has the staff chat: the reminder goes there, not to each staff member on Telegram as well.
        Assert.Equal([Group], reminders.Select(r => r.To.ChatId));
        Assert.All(reminders, r =>
        {
            Assert.Equal(Texts.DeadlineReminder(Head, DeadlineKind.FirstAnswer), r.Text);
            Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(r));
            Assert.Equal(StaffNotices.PostAction, r.SubjectAction);
            FitsAPhone(r.Text);
        });
        Assert.Contains("«آب آشامیدنی محله فین سه روز است قطع شده»", reminders[0].Text);
    }

    [Fact]
    public async Task Open_under_a_notice_shows_the_report_with_its_actions()
    {
        var opened = await As(Rajaei, () => _chat.PressData($"st:open:{Code}"));

        var card = opened.To(Rajaei).Single();
        Assert.Contains($"{Code} برای دبیرخانه شهید رجایی", card.Text);
        Assert.Contains("آب آشامیدنی محله فین سه روز است قطع شده", card.Text);
        Assert.Contains($"st:close:{Code}", NoticeTexts.ButtonData(card));
    }

    [Fact]
    public async Task An_escalation_opens_a_read_only_card_and_the_organizer_cannot_act_on_the_report()
    {
        var filed = _chat.Now;
        _chat.Now = filed.AddHours(25);
        await _chat.DeadlinesDueAsync();
        // The escalation comes once the reminder is old enough and the night's quiet window is over.
        IReadOnlyList<TextMessage> due = [];
        for (var hours = 38; hours < 72 && due.Count == 0; hours++)
        {
            _chat.Now = filed.AddHours(hours);
            due = await _chat.DeadlinesDueAsync();
        }

        var escalation = Assert.Single(due);
        Assert.Equal((Organizer, Texts.DeadlineEscalation(Head, "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer)), (escalation.To.ChatId, escalation.Text));
        Assert.Equal([ReportView.Prefix + Code], NoticeTexts.ButtonData(escalation));
        FitsAPhone(escalation.Text);

        var card = (await As(Organizer, () => _chat.PressData(ReportView.Prefix + Code))).To(Organizer).Single();
        Assert.Equal(Texts.ReadOnlyCard(Code, "دبیرخانه شهید رجایی", Texts.StageLabel(ReportStage.Identification), "آب و برق و گاز", "کاشان",
            "خیابان امیرکبیر", "آب آشامیدنی محله فین سه روز است قطع شده", null, 0), card.Text);
        Assert.Null(card.Keyboard);
        Assert.DoesNotContain("زهرا", card.Text); // who reported it stays with the secretariat
        FitsAPhone(card.Text);

        // Nothing the staff press or type works for them.
        foreach (var data in new[] { $"st:reply:{Code}", $"st:open:{Code}", $"st:close:{Code}:resolved", $"st:stage:{Code}:solution" })
            Assert.Equal(Texts.StaleButton, (await As(Organizer, () => _chat.PressData(data))).Answer!.Notice);
        var typed = await As(Organizer, () => _chat.Say($"/close {Code} resolved"));
        Assert.DoesNotContain(typed.Messages, m => m.To.ChatId == Reporter);
        await using var db = _chat.Db();
        Assert.Equal((ReportStage.Identification, (ReportOutcome?)null), db.Reports.Select(r => new { r.Stage, r.Outcome }).AsEnumerable().Select(r => (r.Stage, r.Outcome)).Single());
    }

    [Fact]
    public async Task A_forged_read_only_button_shows_an_organizer_nothing_of_a_report_not_escalated()
    {
        var pressed = await As(Organizer, () => _chat.PressData(ReportView.Prefix + Code));

        Assert.Equal(Texts.UnknownCode, pressed.Answer!.Notice);
        Assert.Empty(pressed.To(Organizer));
    }

    [Fact]
    public async Task The_read_only_card_is_for_organizers_only_and_their_staff_get_the_buttons()
    {
        Assert.Equal(Texts.StaleButton, (await As(Reporter, () => _chat.PressData(ReportView.Prefix + Code))).Answer!.Notice);
        Assert.Equal(Texts.StaleButton, (await As(Rajaei, () => _chat.PressData(ReportView.Prefix + Code))).Answer!.Notice);

        // An admin works every secretariat: the card comes with the notice buttons.
        var card = (await As(Admin, () => _chat.PressData(ReportView.Prefix + Code))).To(Admin).Single();
        Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(card));
    }

    [Fact]
    public async Task The_reporters_answer_to_was_it_resolved_reaches_the_staff_either_way()
    {
        await As(Rajaei, () => _chat.Say($"/close {Code} resolved آب وصل شد"));
        _chat.Now = _chat.Now.AddDays(3).AddMinutes(1);
        await _chat.DeadlinesDueAsync();

        var yes = await As(Reporter, () => _chat.PressData(Satisfaction.Data(Code, resolved: true)));
        // The staff chat hears it; nobody has taken the report, so no private copy goes.
        Assert.Empty(yes.To(Rajaei));
        foreach (var chat in new[] { Group })
        {
            var notice = yes.To(chat).Single();
            Assert.Equal(Texts.ToStaffConfirmedResolved(Head), notice.Text);
            Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(notice));
            FitsAPhone(notice.Text);
        }
    }

    [Fact]
    public async Task A_reopening_by_the_reporter_names_the_report_with_its_buttons()
    {
        await As(Rajaei, () => _chat.Say($"/close {Code} resolved آب وصل شد"));
        _chat.Now = _chat.Now.AddDays(3).AddMinutes(1);
        await _chat.DeadlinesDueAsync();

        var no = await As(Reporter, () => _chat.PressData(Satisfaction.Data(Code, resolved: false)));
        var notice = no.To(Group).Single();
        Assert.Equal(Texts.ToStaffReopened(Head), notice.Text);
        Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(notice));
        FitsAPhone(notice.Text);
    }

    [Fact]
    public async Task Additions_within_ten_minutes_grow_one_post_and_a_later_one_starts_another()
    {
        await As(Reporter, () => _chat.PressData(MyReports.AddPrefix + Code));
        var first = await _chat.Say("امروز هم آب نیامد");
        var post = first.To(Group).Single();
        Assert.Equal(NoticeTexts.Added(Code, "آب و برق و گاز", "کاشان", ["امروز هم آب نیامد"]), post.Text);
        Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(post));
        FitsAPhone(post.Text);

        _chat.Now = _chat.Now.AddMinutes(9);
        var second = await _chat.Say("مخزن محله هم خالی است");
        var edit = Assert.IsType<TextEdit>(Assert.Single(second.Messages, m => m.To.ChatId == Group && m.SubjectAction != ReportCard.Action));
        Assert.Equal(first.IdOfLastSentTo(Group), edit.MessageId);
        Assert.Equal(NoticeTexts.Added(Code, "آب و برق و گاز", "کاشان", ["امروز هم آب نیامد", "مخزن محله هم خالی است"]), edit.Text);
        Assert.Equal(NoticeButtons, NoticeTexts.ButtonData(edit));

        // A reply to the grown post is read as a reply to any post about the report: held and asked about.
        _chat.As = ("telegram", Rajaei, "کارشناس");
        var held = await _chat.Send(IncomingKind.Text, m => m with
        {
            Text = "پیگیری می‌کنیم", Chat = new ChatAddress("telegram", Group), ChatKind = ChatKind.Group, ReplyToMessageId = edit.MessageId,
        });
        Assert.Equal(Texts.HeldAsk(Code), held.To(Group).Single().Text);

        _chat.As = ("telegram", Reporter, "زهرا");
        _chat.Now = _chat.Now.AddMinutes(2); // eleven minutes after the first post
        var third = await _chat.Say("هنوز خبری نشده");
        Assert.Equal(NoticeTexts.Added(Code, "آب و برق و گاز", "کاشان", ["هنوز خبری نشده"]), third.To(Group).Single().Text);
    }
}
