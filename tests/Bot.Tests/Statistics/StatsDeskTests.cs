using System.Text;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>/stats, /export and /summary through the brain on a database of known reports (see <see cref="KnownReports"/>).</summary>
public sealed class StatsDeskTests : IAsyncLifetime
{
    private const long Admin = 1, Rajaei = 201, Organizer = 301, Member = 501, Stranger = 777;

    private readonly ChatHarness _chat = new(
        ("Access:Admins:0", "telegram:1"),
        ("Assembly:Secretariats:1:Staff:0", "telegram:201"));

    public async Task InitializeAsync()
    {
        await using (var db = _chat.Db()) await KnownReports.SeedAsync(db, _chat.Context.Zone, _chat.Now);
        _chat.As = ("telegram", Member, "زهرا");
        await _chat.RegisterAsync();
        await As(Admin, "/grant telegram:301 organizer");
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reply> As(long user, string text)
    {
        _chat.As = ("telegram", user, "کاربر");
        return _chat.Say(text);
    }

    private static List<UploadMessage> Uploads(Reply reply) => reply.Messages.OfType<UploadMessage>().ToList();

    private async Task<ReportStatistics> StatsAsync(StatsScope scope)
    {
        await using var db = _chat.Db();
        var period = StatsPeriod.OfMonths(KnownReports.Aban, KnownReports.Aban, _chat.Context.Zone);
        return await ReportStatistics.ComputeAsync(db, period, scope, _chat.Now, _chat.Context.Zone, CancellationToken.None);
    }

    [Fact]
    public async Task The_numbers_of_a_month_match_the_known_reports()
    {
        var s = await StatsAsync(new StatsScope(_chat.Context.Assembly.Secretariats, Whole: true));

        Assert.Equal(7, s.Received);
        Assert.Equal(2, s.Anonymous);
        Assert.Equal([("modarres", 2), ("rajaei", 3), ("beheshti", 2)], s.BySecretariat);
        Assert.Equal([("کاشان", 5), ("اردستان", 1), ("نطنز", 1)], s.ByCounty);
        Assert.Equal([(ReportStage.Identification, 1), (ReportStage.Solution, 1), (ReportStage.FollowUp, 1)], s.ByStage);
        Assert.Equal([(ReportOutcome.Resolved, 1), (ReportOutcome.Unresolved, 1), (ReportOutcome.Rejected, 1), (ReportOutcome.Duplicate, 1)], s.ByOutcome);
        Assert.Equal(25, s.MedianHoursToFirstAnswer);
        Assert.Equal(84, s.MedianHoursToOutcome);
        Assert.Equal(1, s.Overdue);
        Assert.NotNull(s.Previous);
        Assert.Equal("مهر ۱۴۰۵", s.Previous.Period.Label);
        Assert.Equal(2, s.Previous.Received);
        Assert.Equal(1, s.Previous.OutcomeCount(ReportOutcome.Resolved));
        Assert.Equal(5, s.Previous.MedianHoursToFirstAnswer);
    }

    [Fact]
    public async Task A_secretariats_numbers_are_its_own_reports_only()
    {
        var s = await StatsAsync(new StatsScope([_chat.Context.Assembly.Secretariats[1]], Whole: false));
        Assert.Equal(["RJ-1001", "RJ-1002", "RJ-1003"], s.Reports.Select(r => r.Code));
        Assert.Equal(20, s.MedianHoursToFirstAnswer); // 10, 20, 40
        Assert.Equal(180, s.MedianHoursToOutcome);    // 120, 240
        Assert.Equal(0, s.Overdue);
    }

    [Fact]
    public async Task An_organizer_sees_the_whole_assembly_with_charts()
    {
        var reply = await As(Organizer, "/stats ۱۴۰۵/۰۸");
        var text = Assert.Single(reply.Texts);
        Assert.StartsWith("آمار مسئله‌ها — آبان ۱۴۰۵", text);
        Assert.Contains("مسئله‌های رسیده: ۷ (۲ ناشناس)", text);
        Assert.Contains("• دبیرخانه شهید رجایی: ۳", text);
        Assert.Contains("• کاشان: ۵", text);
        Assert.Contains("• مطالبه‌گری: ۱", text);
        Assert.Contains("• تکراری: ۱", text);
        Assert.Contains("میانه زمان تا نخستین پاسخ: ۲۵ ساعت", text);
        Assert.Contains("میانه زمان تا نتیجه: ۳٫۵ روز", text);
        Assert.Contains("موعدهای گذشته (پاسخ یا پیگیری دیرکرده): ۱", text);
        Assert.Contains("در مقایسه با مهر ۱۴۰۵:", text);
        Assert.Contains("• رسیده: ۷ در برابر ۲ (۲۵۰٪ بیشتر)", text);
        var charts = Uploads(reply);
        Assert.Equal([UploadKind.Photo, UploadKind.Photo], charts.Select(c => c.Kind));
        Assert.All(charts, c => Assert.Equal(Organizer, c.To.ChatId));
        Assert.All(charts, c => Assert.True(c.Content.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG"));
    }

    [Fact]
    public async Task Staff_see_their_own_secretariat_only_and_an_admin_everything()
    {
        var staff = Assert.Single((await As(Rajaei, "/stats 1405/08")).Texts);
        Assert.Contains("(دبیرخانه شهید رجایی)", staff);
        Assert.Contains("مسئله‌های رسیده: ۳ (۱ ناشناس)", staff);
        Assert.DoesNotContain("مدرس", staff);

        var admin = Assert.Single((await As(Admin, "/stats 1405/08")).Texts);
        Assert.Contains("مسئله‌های رسیده: ۷", admin);
    }

    [Theory]
    [InlineData(Member, "/stats")]
    [InlineData(Member, "/export 1405/08")]
    [InlineData(Member, "/summary 1405")]
    [InlineData(Stranger, "/stats 1405/08")]
    public async Task Somebody_who_is_not_staff_is_answered_as_for_any_unknown_command(long who, string command)
    {
        var reply = await As(who, command);
        Assert.Equal([Texts.UnknownCommand(command.Split(' ')[0])], reply.Texts);
        Assert.Empty(Uploads(reply));
    }

    [Theory]
    [InlineData("/stats 1405/13")]
    [InlineData("/export 1406")]
    [InlineData("/summary 1405/00")]
    [InlineData("/stats دیروز")]
    public async Task A_bad_period_is_answered_clearly_and_nothing_is_made(string command)
    {
        var reply = await As(Admin, command);
        var text = Assert.Single(reply.Texts);
        Assert.True(text.StartsWith("ماه ", StringComparison.Ordinal) || text == Texts.StatsFuturePeriod || text.StartsWith("دوره «", StringComparison.Ordinal), text);
        Assert.Empty(Uploads(reply));
    }

    [Fact]
    public async Task The_export_is_a_spreadsheet_and_a_csv_with_persian_columns_solar_dates_and_anonymous_reporters_hidden()
    {
        var reply = await As(Organizer, "/export 1405/08");
        Assert.Empty(reply.Texts);
        var files = Uploads(reply);
        Assert.Equal(["reports-1405-08.xlsx", "reports-1405-08.csv"], files.Select(f => f.FileName));
        Assert.All(files, f => Assert.Equal(UploadKind.Document, f.Kind));
        Assert.Equal(Texts.ExportCaption("آبان ۱۴۰۵", 7, csv: false), files[0].Caption);

        var sheet = ReadSheet(files[0].Content);
        Assert.Equal(Texts.ExportColumns, sheet[0]);
        Assert.Equal(8, sheet.Count);
        var byCode = sheet.Skip(1).ToDictionary(r => r[0]);
        var rj = byCode["RJ-1001"];
        Assert.Equal("۱۴۰۵/۰۸/۰۲ ۰۰:۰۰", rj[1]); // a day after Aban 1st, Tehran time
        Assert.Equal("دبیرخانه شهید رجایی", rj[2]);
        Assert.Equal("حل شد", rj[9]);
        Assert.Equal("۱۴۰۵/۰۸/۰۷ ۰۰:۰۰", rj[11]); // closed 120 h later
        Assert.Equal("10", rj[12]);                // hours to first answer, a number cell
        Assert.Equal("رضا کاشانی", rj[13]);
        Assert.Equal("09131112233", rj[14]);       // a text cell, the local form, Latin digits
        foreach (var code in new[] { "RJ-1002", "BH-1001" })
        {
            Assert.Equal(Texts.StatsAnonymous, byCode[code][13]);
            Assert.Equal(Texts.StatsAnonymous, byCode[code][14]);
        }

        var csvBytes = files[1].Content;
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csv = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Texts.ExportColumns), lines[0]);
        Assert.Equal(8, lines.Length);
        Assert.DoesNotContain("رضا کاشانی", lines.Single(l => l.StartsWith("RJ-1002", StringComparison.Ordinal)));
        Assert.Contains(",ناشناس,ناشناس,", lines.Single(l => l.StartsWith("BH-1001", StringComparison.Ordinal)));

        // Stored with the outbox rows, in the same transaction, for the sender to upload.
        await using var db = _chat.Db();
        var stored = await db.OutboxFiles.Where(f => f.FileName.StartsWith("reports-1405-08")).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(files[0].Content, stored.Single(f => f.FileName.EndsWith(".xlsx", StringComparison.Ordinal)).Bytes);
    }

    [Fact]
    public async Task A_staff_export_holds_only_their_secretariats_reports()
    {
        var files = Uploads(await As(Rajaei, "/export 1405/08"));
        var sheet = ReadSheet(files[0].Content);
        Assert.Equal(["RJ-1001", "RJ-1002", "RJ-1003"], sheet.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task An_export_of_a_period_without_reports_is_a_message_not_an_empty_file()
    {
        var reply = await As(Admin, "/export 1404/01");
        Assert.Equal([Texts.StatsNothingToExport("فروردین ۱۴۰۴")], reply.Texts);
        Assert.Empty(Uploads(reply));
        var stats = await As(Admin, "/stats 1404/01");
        Assert.Equal([Texts.StatsNoReports("فروردین ۱۴۰۴")], stats.Texts);
        var azar = await As(Admin, "/stats 1405/09");
        Assert.Contains("مسئله‌های رسیده: ۱", Assert.Single(azar.Texts));
        Assert.Empty(Uploads(stats));
    }

    [Fact]
    public async Task A_session_summary_names_the_open_problems_and_what_was_resolved()
    {
        await using (var db = _chat.Db())
        {
            db.Meetings.Add(new Meeting { Title = "نهمین اجلاسیه مجمع", StartsAt = _chat.Now.AddDays(5), Place = "فرمانداری", Agenda = "گزارش کارگروه‌ها", Audience = "all", CreatedBy = "telegram:1", CreatedAt = _chat.Now });
            await db.SaveChangesAsync();
        }

        var text = Assert.Single((await As(Organizer, "/summary ۱")).Texts);
        Assert.StartsWith("خلاصه برای «نهمین اجلاسیه مجمع»", text);
        Assert.Contains("📊 ۱۰ مسئله رسید؛ ۲ حل شد، ۵ در جریان است", text); // the year up to now: Mehr, Aban and Azar
        Assert.Contains("✓ RJ-1001", text);
        Assert.Contains("• BH-1002", text);
        Assert.DoesNotContain("رضا کاشانی", text);
        Assert.True(text.Length <= Conversations.Flows.PrivateChat.MaxTextLength);

        var month = Assert.Single((await As(Rajaei, "/summary 1405/08")).Texts);
        Assert.StartsWith("خلاصه کار مجمع\nآبان ۱۴۰۵", month);
        Assert.DoesNotContain("MD-", month);
        Assert.Equal([Texts.StatsNoSuchMeeting("۹۹")], (await As(Organizer, "/summary 99")).Texts);
    }

    /// <summary>Every row of the first sheet as text (inline strings and numbers).</summary>
    private static List<string[]> ReadSheet(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal(Texts.ExportSheetName, sheet.Name!.Value);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        Assert.True(part.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.RightToLeft!.Value);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
