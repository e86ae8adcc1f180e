using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Reports;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Flows;

/// <summary>A member's additions per hour and reports per day are limited; past a limit they are told from when, and nothing kept is lost.</summary>
public sealed class FloodLimitTests : IDisposable
{
    private const long Rajaei = 201;
    private const string Code = "RJ-1001";

    private readonly ChatHarness _chat = new(
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"),
        ("Conversations:MaxAdditionsPerHour", "3"),
        ("Conversations:MaxReportsPerDay", "2"),
        ("Conversations:MaxAttachments", "2"));

    public void Dispose() => _chat.Dispose();

    private string When(DateTime utc) => PersianTime.LongDate(utc, _chat.Context.Zone);

    private async Task<int> EventsAsync(ReportEventKind kind)
    {
        await using var db = _chat.Db();
        return await db.ReportEvents.CountAsync(e => e.Kind == kind);
    }

    [Fact]
    public async Task Past_the_hourly_limit_an_addition_is_refused_with_the_time_and_an_album_counts_once()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync(); // with no files: the report may take two
        var start = _chat.Now;
        await _chat.PressData(MyReports.AddPrefix + Code);
        Assert.Equal([Texts.AddedAskMore(Code)], (await _chat.Say("امروز هم آب نیامد")).Texts);
        _chat.Now = start.AddMinutes(5);
        await _chat.SendFile(AttachmentKind.Photo, album: "album-1");
        await _chat.SendFile(AttachmentKind.Photo, album: "album-1"); // the same album: still one addition
        _chat.Now = start.AddMinutes(10);
        Assert.Equal([Texts.AddedAskMore(Code)], (await _chat.Say("مخزن هم خالی است")).Texts);

        _chat.Now = start.AddMinutes(20);
        var refused = await _chat.Say("باز هم آب نیامد");
        Assert.Equal(Texts.AdditionsLimit(3, When(start.AddHours(1))), refused.Texts[0]);
        Assert.Empty(refused.To(Rajaei));
        Assert.Equal(2, await EventsAsync(ReportEventKind.MemberMessage));

        // An hour after the first, one may go again.
        _chat.Now = start.AddHours(1).AddMinutes(1);
        var again = await _chat.Say("باز هم آب نیامد");
        Assert.Equal([Texts.AddedAskMore(Code)], again.Texts);
        Assert.Single(again.To(Rajaei));
        Assert.Equal(3, await EventsAsync(ReportEventKind.MemberMessage));
    }

    [Fact]
    public async Task The_limit_holds_for_answers_to_the_secretariat_too()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        for (var i = 0; i < 3; i++)
        {
            await _chat.PressData(ReporterThread.AnswerData(Code));
            Assert.Equal([Texts.Added(Code)], (await _chat.Say($"پاسخ شماره {i}")).Texts);
        }

        await _chat.PressData(ReporterThread.AnswerData(Code));
        var refused = await _chat.Say("پاسخ چهارم");
        Assert.Equal(Texts.AdditionsLimit(3, When(_chat.Now.AddHours(1))), refused.Texts[0]);
        Assert.Equal(3, await EventsAsync(ReportEventKind.MemberMessage));
    }

    [Fact]
    public async Task A_report_file_past_the_attachment_limit_is_refused()
    {
        await _chat.RegisterAsync();
        await _chat.FileReportAsync();
        await _chat.PressData(MyReports.AddPrefix + Code);
        await _chat.SendFile(AttachmentKind.Photo);
        _chat.Now = _chat.Now.AddHours(2);
        await _chat.SendFile(AttachmentKind.Photo);
        _chat.Now = _chat.Now.AddHours(2);

        var third = await _chat.SendFile(AttachmentKind.Document);
        Assert.Equal(Texts.AttachmentsFull(2), third.Texts[0]);
        Assert.DoesNotContain(third.Messages, m => m is FileMessage);
        await using var db = _chat.Db();
        Assert.Equal(2, await db.ReportAttachments.CountAsync());
    }

    [Fact]
    public async Task Past_the_daily_limit_a_report_waits_at_its_preview_and_goes_once_the_day_has_passed()
    {
        await _chat.RegisterAsync();
        var first = _chat.Now;
        await _chat.FileReportAsync();
        _chat.Now = first.AddHours(3);
        await _chat.FileReportAsync(description: "برق کوچه ما از دیروز قطع شده است");
        _chat.Now = first.AddHours(5);

        var refused = await _chat.FileReportAsync(description: "گاز محله فشار کافی ندارد و بخاری روشن نمی‌شود");
        Assert.Equal(Texts.ReportsLimit(2, When(first.AddDays(1))), refused.Texts[0]);
        Assert.StartsWith("پیش‌نمایش", refused.Last.Text);
        await using (var db = _chat.Db()) Assert.Equal(2, await db.Reports.CountAsync());

        // The same preview's button, a day after the first report: filed, nothing typed again.
        _chat.Now = first.AddDays(1).AddMinutes(1);
        var filed = await _chat.Press("submit");
        Assert.Equal([Texts.ThanksForReport], filed.Texts.SkipLast(1));
        Assert.Contains("RJ-1003", filed.Last.Text);
        await using var check = _chat.Db();
        Assert.Equal("گاز محله فشار کافی ندارد و بخاری روشن نمی‌شود", (await check.Reports.SingleAsync(r => r.Code == "RJ-1003")).Description);
    }
}
