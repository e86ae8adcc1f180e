using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;

namespace Assembly.Bot.Tests.Flows;

/// <summary>
/// The escalation after a reminder counts working hours, as the report's own deadlines do: a reminder on the eve of a
/// Friday or a holiday is not escalated on the day off, only once its hours have run on working days.
/// </summary>
public sealed class EscalationWorkingTimeTests : IDisposable
{
    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Assembly:Secretariats:1:FirstAnswerHours", "24"),
        ("Deadlines:EscalateAfterHours", "16"));

    public void Dispose() => _chat.Dispose();

    // Filed at 15:30 in Tehran, due a day later, reminded at 15:31: 8 h 29 min of that day count, the day off none,
    // so the escalation comes at 07:31 on the next working day (04:01 UTC), not 16 clock hours after the reminder.
    [Theory]
    [InlineData("2026-12-02T12:00:00Z", "2026-12-04T05:00:00Z", "2026-12-05T04:02:00Z")] // Wednesday; reminded Thursday; Friday off
    [InlineData("2026-12-21T12:00:00Z", "2026-12-23T05:00:00Z", "2026-12-24T04:02:00Z")] // Monday; reminded Tuesday; 1405/10/02 a holiday
    public async Task An_escalation_waits_out_a_day_off_counting_only_working_hours(string filed, string dayOff, string escalated)
    {
        _chat.Now = At(filed);
        _chat.As = ("telegram", 501, "زهرا");
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();

        _chat.Now = At(filed).AddDays(1).AddMinutes(1);
        var reminder = Assert.Single(await _chat.DeadlinesDueAsync());
        Assert.Equal(Texts.DeadlineReminder(HeadOf("RJ-1001"), DeadlineKind.FirstAnswer), reminder.Text);

        _chat.Now = At(dayOff); // 17 clock hours after the reminder, in the morning of the day off
        Assert.Empty(await _chat.DeadlinesDueAsync());
        _chat.Now = At(escalated).AddMinutes(-2); // a minute short of 16 working hours
        Assert.Empty(await _chat.DeadlinesDueAsync());

        _chat.Now = At(escalated);
        Assert.Equal(Texts.DeadlineEscalation(HeadOf("RJ-1001"), "دبیرخانه شهید رجایی", DeadlineKind.FirstAnswer),
            Assert.Single(await _chat.DeadlinesDueAsync()).Text);
        Assert.Empty(await _chat.DeadlinesDueAsync());
    }

    private static DateTime At(string utc) => DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private string HeadOf(string code)
    {
        using var db = _chat.Db();
        return NoticeHead.Of(db.Reports.Single(r => r.Code == code));
    }
}
