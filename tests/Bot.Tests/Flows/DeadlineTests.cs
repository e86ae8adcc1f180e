using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>Deadlines: reminder, escalation, follow-up cadence, the resolved check, with a clock the test moves.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Reporter = 501, Organizer = 401;
    private static readonly string Head = NoticeTexts.Head("RJ-1001", "آب و برق و گاز", "کاشان");

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:FirstAnswerHours", "24"),
        ("Assembly:Secretariats:1:FollowUpDays", "7"),
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

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کارشناس");
        return _chat.Say(text);
    }

    [Fact]
    public async Task An_unanswered_report_reminds_its_staff_once_then_tells_the_organizers_once()
    {
        var start = _chat.Now;
        _chat.Now = start.AddHours(23);
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.Now = start.AddHours(25);
        var reminder = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal((Rajaei, Texts.DeadlineReminder(Head, DeadlineKind.FirstAnswer)), (reminder.To.ChatId, reminder.Text));
        Assert.Empty(await _chat.DeadlinesDueAsync()); // never twice

        _chat.Now = start.AddHours(38); // 05:30 in Tehran: the night holds the escalation until 07:00
        Assert.Empty(await _chat.DeadlinesDueAsync());
        _chat.Now = start.AddHours(40);
        var escalation = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal((Organizer, Texts.DeadlineEscalation(Head, "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer)), (escalation.To.ChatId, escalation.Text));
        _chat.Now = start.AddDays(10);
        Assert.Empty(await _chat.DeadlinesDueAsync());
    }

    [Fact]
    public async Task A_first_answer_in_time_stops_the_clock_and_follow_up_has_its_own_cadence()
    {
        var start = _chat.Now;
        await As(Rajaei, "/reply RJ-1001 بررسی می‌کنیم");
        _chat.Now = start.AddDays(5);
        Assert.Empty(await _chat.DeadlinesDueAsync());

        await As(Rajaei, "/stage RJ-1001 followup"); // due in 7 working days from Thursday: two Fridays off, so on Saturday
        _chat.Now = start.AddDays(13);
        Assert.Empty(await _chat.DeadlinesDueAsync());
        _chat.Now = start.AddDays(14).AddHours(1);
        Assert.Equal(Texts.DeadlineReminder(Head, DeadlineKind.FollowUp), Assert.Single(await _chat.DeadlinesDueAsync()).Text);

        // Recording an action sets the next date and starts a fresh reminder cycle.
        await As(Rajaei, "/followup RJ-1001 1405/10/01 جلسه با فرماندار");
        Assert.Empty(await _chat.DeadlinesDueAsync());
        await using var db = _chat.Db();
        var report = await db.Reports.SingleAsync();
        Assert.Equal((DeadlineKind.FollowUp, (DateTime?)null), (report.DueKind, report.RemindedAt));
        Assert.Equal(new DateTime(2026, 12, 21, 20, 30, 0, DateTimeKind.Utc), report.DueAt); // 1405/10/01 00:00 in Tehran
    }

    [Fact]
    public async Task Days_after_resolved_the_reporter_is_asked_and_no_reopens_it_in_follow_up_and_tells_the_staff()
    {
        var start = _chat.Now;
        await As(Rajaei, "/close RJ-1001 resolved آب وصل شد");
        _chat.Now = start.AddDays(2);
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.Now = start.AddDays(3).AddMinutes(1);
        var question = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal((Reporter, Texts.AskResolved("RJ-1001", "دبیرخانه شهید رجایی")), (question.To.ChatId, question.Text));
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.As = ("telegram", Reporter, "زهرا");
        var no = await _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false));
        Assert.Equal([Texts.Reopened("RJ-1001")], no.Texts);
        Assert.Equal(Texts.ToStaffReopened(Head), no.To(Rajaei).Single().Text);
        Assert.Equal(Texts.AlreadyAnswered, (await _chat.PressData(Satisfaction.Data("RJ-1001", resolved: true))).Answer!.Notice);

        await using var db = _chat.Db();
        var report = await db.Reports.Include(r => r.Events).SingleAsync();
        Assert.Equal((ReportStage.FollowUp, (ReportOutcome?)null, false, DeadlineKind.FollowUp), (report.Stage, report.Outcome, report.ConfirmedResolved, report.DueKind));
        Assert.Equal(ReportEventKind.Reopened, report.Events.OrderBy(e => e.Id).Last().Kind);
    }

    [Fact]
    public async Task A_yes_is_thanked_and_somebody_elses_answer_button_does_nothing()
    {
        await As(Rajaei, "/close RJ-1001 resolved");
        _chat.Now = _chat.Now.AddDays(4);
        await _chat.DeadlinesDueAsync();

        _chat.As = ("telegram", Admin, "مدیر");
        Assert.Equal(Texts.StaleButton, (await _chat.PressData(Satisfaction.Data("RJ-1001", resolved: false))).Answer!.Notice);

        _chat.As = ("telegram", Reporter, "زهرا");
        Assert.Equal([Texts.ThanksResolved], (await _chat.PressData(Satisfaction.Data("RJ-1001", resolved: true))).Texts);
        await using var db = _chat.Db();
        Assert.Equal((ReportStage.Closed, true), ((await db.Reports.SingleAsync()).Stage, (await db.Reports.SingleAsync()).ConfirmedResolved));
    }
}
