using System.Text;
using System.Text.RegularExpressions;
using Assembly.Bot.Cli;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assembly.Bot.Tests.Cli;

/// <summary><c>claim-code</c>: a one-time code on the operator's screen, and only its hash in the database.</summary>
public sealed partial class ClaimCodeCommandTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _database = TestDatabase.OnSqlite();
    private readonly TestConsole _console = new();
    private readonly LogCollector _logs = new();

    public void Dispose() => _database.Dispose();

    private Task<int> ClaimCodeAsync(params string[] args) =>
        ClaimCodeCommand.RunAsync(args, _console.Console, CliTestSupport.Settings(_database), services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            // Every level of every category, EF's commands included: none may carry the code.
            services.AddLogging(logging => logging.AddProvider(_logs).AddFilter<LogCollector>(null, LogLevel.Trace));
        });

    [Fact]
    public async Task It_prints_a_code_and_the_database_file_holds_only_its_hash()
    {
        await CliTestSupport.MigrateAsync(_database);

        var exit = await ClaimCodeAsync();

        Assert.True(exit == ExitCodes.Ok, _console.Error.ToString());
        var output = _console.Out.ToString();
        var code = Code().Match(output).Value;
        Assert.Matches(@"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", code);
        Assert.Contains("/claim " + code, output);
        Assert.Contains("until 2026-11-29 12:00 UTC", output);
        Assert.Equal("", _console.Error.ToString());

        await using (var db = _database.Open())
        {
            var row = await db.ClaimCodes.SingleAsync();
            Assert.Equal(ClaimCodes.Hash(code), row.Hash);
            Assert.Equal((_clock.GetUtcNow().UtcDateTime, _clock.GetUtcNow().UtcDateTime.AddHours(24), (DateTime?)null), (row.CreatedAt, row.ExpiresAt, row.UsedAt));
        }

        // Every byte the database keeps (its file and its write-ahead log): the hash is there, the code in no form.
        var stored = Encoding.Latin1.GetString(Directory.GetFiles(Path.GetDirectoryName(_database.File)!, "bot.db*").SelectMany(File.ReadAllBytes).ToArray());
        Assert.Contains(ClaimCodes.Hash(code), stored);
        foreach (var form in new[] { code, code.Replace("-", ""), code.ToLowerInvariant(), code.Replace("-", "").ToLowerInvariant() })
            Assert.DoesNotContain(form, stored);
        foreach (var group in code.Split('-'))
            Assert.DoesNotContain(group, stored);
        Assert.Contains(_logs.Lines, l => l.Contains("INSERT INTO \"ClaimCodes\"", StringComparison.Ordinal)); // the write was logged, the code never
        Assert.DoesNotContain(code.Split('-')[0], _logs.All);
    }

    [Fact]
    public async Task Every_run_makes_another_code()
    {
        await CliTestSupport.MigrateAsync(_database);

        await ClaimCodeAsync();
        await ClaimCodeAsync();

        var codes = Code().Matches(_console.Out.ToString()).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, codes.Count);
        await using var db = _database.Open();
        Assert.Equal(codes.Select(ClaimCodes.Hash).Order(), (await db.ClaimCodes.Select(c => c.Hash).ToListAsync()).Order());
    }

    [Fact]
    public async Task Without_a_database_it_says_what_to_do_and_makes_none()
    {
        Assert.Equal(ExitCodes.Failed, await ClaimCodeAsync());

        Assert.Equal($"There is no database at {_database.File}; start the bot once (or run the migrate command), then make the code.", _console.Error.ToString().Trim());
        Assert.Equal("", _console.Out.ToString());
        Assert.False(File.Exists(_database.File));
    }

    [Fact]
    public async Task It_takes_no_arguments()
    {
        Assert.Equal(ExitCodes.Usage, await ClaimCodeAsync("telegram:1"));
        Assert.Equal(ClaimCodeCommand.UsageText, _console.Error.ToString().Trim());
    }

    [GeneratedRegex(@"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b")]
    private static partial Regex Code();
}
