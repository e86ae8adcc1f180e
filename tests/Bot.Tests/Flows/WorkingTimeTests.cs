using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// Working hours and days, on the clock the test moves: staff are not reminded at night, and deadlines skip
/// Fridays, Nowruz and the configured holidays (the tests' organisation has 1405/10/02 as a one-off holiday).
/// </summary>
public sealed class WorkingTimeTests : IDisposable
{
    private const long Rajaei = 201, Reporter = 501;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:FirstAnswerHours", "24"),
        ("Assembly:Secretariats:1:FollowUpDays", "2"),
        ("Deadlines:EscalateAfterHours", "16"));

    public void Dispose() => _chat.Dispose();

    private async Task FileAtAsync(DateTime utc)
    {
        _chat.Now = utc;
        _chat.As = ("telegram", Reporter, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
    }

    private async Task<Report> ReportAsync()
    {
        await using var db = _chat.Db();
        return await db.Reports.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task A_reminder_due_at_night_waits_for_the_morning_and_so_does_the_escalation()
    {
        await FileAtAsync(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc)); // Saturday 15:30 in Tehran; due Sunday 15:30
        _chat.Now = new DateTime(2026, 11, 29, 18, 45, 0, DateTimeKind.Utc); // 22:15 in Tehran
        Assert.Empty(await _chat.DeadlinesDueAsync());
        _chat.Now = new DateTime(2026, 11, 30, 3, 15, 0, DateTimeKind.Utc); // 06:45
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.Now = new DateTime(2026, 11, 30, 3, 31, 0, DateTimeKind.Utc); // 07:01: held until now
        var reminder = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal((Rajaei, Texts.DeadlineReminder(HeadOf("RJ-1001"), DeadlineKind.FirstAnswer)), (reminder.To.ChatId, reminder.Text));

        _chat.Now = new DateTime(2026, 11, 30, 19, 32, 0, DateTimeKind.Utc); // due at 23:01 that night: it waits too
        Assert.Empty(await _chat.DeadlinesDueAsync());
        _chat.Now = new DateTime(2026, 12, 1, 3, 31, 0, DateTimeKind.Utc);
        Assert.Equal(Texts.DeadlineEscalation(HeadOf("RJ-1001"), "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer), Assert.Single(await _chat.DeadlinesDueAsync()).Text);
    }

    [Fact]
    public async Task At_night_a_members_session_reminder_keeps_its_time_while_the_staff_reminder_waits()
    {
        await FileAtAsync(new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc)); // due Sunday 15:30 in Tehran
        _chat.As = ("telegram", 1, "مدیر");
        await _chat.Say("/meeting");
        await _chat.Say("جلسه شبانه کارگروه");
        await _chat.Say("۱۴۰۵/۰۹/۰۹ ۰۱:۰۰"); // reminders at 01:00 on 1405/09/08 and at 23:00 that night
        await _chat.Say("اتاق جلسات فرمانداری");
        await _chat.Say("بررسی مسئله‌های آب");
        await _chat.Press("county");
        await _chat.Press("0");
        await _chat.Press("publish");

        _chat.Now = new DateTime(2026, 11, 28, 21, 31, 0, DateTimeKind.Utc); // 01:01 in Tehran
        Assert.Equal([Reporter], (await _chat.RemindersDueAsync()).Select(m => m.To.ChatId));
        _chat.Now = new DateTime(2026, 11, 29, 19, 31, 0, DateTimeKind.Utc); // 23:01
        Assert.Equal([Reporter], (await _chat.RemindersDueAsync()).Select(m => m.To.ChatId));
        Assert.Empty(await _chat.DeadlinesDueAsync()); // overdue since 15:30, held until the morning
    }

    [Fact]
    public async Task A_first_answer_asked_on_a_thursday_is_due_on_saturday_and_a_holiday_is_skipped_too()
    {
        await FileAtAsync(new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc)); // Thursday 11:30 in Tehran
        Assert.Equal(new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc), (await ReportAsync()).DueAt); // Friday is off

        _chat.Now = new DateTime(2026, 12, 22, 8, 0, 0, DateTimeKind.Utc); // Tuesday 1405/10/01
        _chat.As = ("telegram", Rajaei, "کارشناس");
        await _chat.Say("/stage RJ-1001 followup"); // two working days: not the holiday 1405/10/02, nor Friday
        Assert.Equal(new DateTime(2026, 12, 26, 8, 0, 0, DateTimeKind.Utc), (await ReportAsync()).DueAt);
        _chat.Now = new DateTime(2026, 12, 24, 9, 0, 0, DateTimeKind.Utc);
        Assert.Empty(await _chat.DeadlinesDueAsync());
    }

    [Fact]
    public void Nowruz_and_fridays_are_not_counted_and_the_clock_of_hours_stops_over_them()
    {
        var days = new WorkingDays(_chat.Context.Deadlines, _chat.Context.Zone);
        var thursday = new DateTime(2027, 3, 18, 10, 0, 0, DateTimeKind.Utc); // 1405/12/27
        // Friday 12/28 off, Saturday 12/29 counts, 1406/01/01 to 01/04 are Nowruz, Thursday 01/05 counts.
        Assert.Equal(new DateTime(2027, 3, 25, 10, 0, 0, DateTimeKind.Utc), days.AddWorkingDays(thursday, 2));
        // From 13:30 on Thursday in Tehran: 10.5 hours that day, 24 on Saturday, the last 13.5 on Thursday 01/05.
        Assert.Equal(new DateTime(2027, 3, 25, 10, 0, 0, DateTimeKind.Utc), days.AddWorkingHours(thursday, 48));
        Assert.False(days.IsWorkingDay(new DateTime(2027, 3, 23)));
        Assert.True(days.IsWorkingDay(new DateTime(2027, 3, 20)));
    }

    [Theory]
    [InlineData("22:00", "07:00", "2026-11-29T18:29:00", false)] // 21:59 in Tehran
    [InlineData("22:00", "07:00", "2026-11-29T18:30:00", true)]
    [InlineData("22:00", "07:00", "2026-11-30T03:29:00", true)]
    [InlineData("22:00", "07:00", "2026-11-30T03:30:00", false)]
    [InlineData("13:00", "14:00", "2026-11-30T09:45:00", true)] // a window within one day
    [InlineData("07:00", "07:00", "2026-11-30T00:00:00", false)] // equal ends: no window
    public void The_quiet_window_is_read_in_the_assemblys_time(string from, string until, string utc, bool quiet)
    {
        var options = new DeadlineOptions { QuietFrom = TimeSpan.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            QuietUntil = TimeSpan.Parse(until, System.Globalization.CultureInfo.InvariantCulture) };
        var at = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(quiet, QuietHours.IsQuiet(at, options, _chat.Context.Zone));
    }

    /// <summary>How staff notices name the report (code, topic, county, a line of it), read from the stored report.</summary>
    private string HeadOf(string code)
    {
        using var db = _chat.Db();
        return NoticeHead.Of(db.Reports.Single(r => r.Code == code));
    }
}
