using System.Diagnostics;
using Assembly.Bot.Hosting;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;
using Assembly.Storage;
using Assembly.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The bot as an operator runs it: its own process, configured by environment variables only.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class ProcessTests
{
    private static ProcessStartInfo BotProcess(string workingDirectory, IDictionary<string, string> environment, params string[] command)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(BotHost).Assembly.Location, .. command])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return info;
    }

    [Fact]
    public async Task Started_with_a_token_and_base_url_in_the_environment_it_answers_start_and_keeps_its_data_where_it_runs()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        using var folder = TestDatabase.OnSqlite(); // an empty temporary folder to run in
        var workingDirectory = Path.GetDirectoryName(folder.File)!;

        using var bot = Process.Start(BotProcess(workingDirectory, new Dictionary<string, string>
        {
            ["Messengers__Telegram__Token"] = telegram.Token,
            ["Messengers__Telegram__BaseUrl"] = telegram.BaseUrl,
            ["Messengers__Bale__Token"] = "",
        }))!;
        try
        {
            telegram.EnqueueText(6001, "/start", "رضا");
            await telegram.WaitUntilAsync(t => t.SentTo(6001).Count >= 1, TimeSpan.FromSeconds(30));
            Assert.Equal(Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان"), telegram.SentTo(6001)[0].Text);
            Assert.True(File.Exists(Path.Combine(workingDirectory, "data", "bot.db")));
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }

        var output = await bot.StandardOutput.ReadToEndAsync() + await bot.StandardError.ReadToEndAsync();
        Assert.DoesNotContain(telegram.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_with_replies_on_the_wire_and_started_again_it_answers_every_member_at_least_once()
    {
        const int members = 60, first = 6100;
        await using var telegram = await FakeBotApiServer.StartAsync();
        using var folder = TestDatabase.OnSqlite();
        var workingDirectory = Path.GetDirectoryName(folder.File)!;
        var dataFile = Path.Combine(workingDirectory, "data", "bot.db");
        // Each run under its own host name, so the fake can hold the answers to the first one only.
        Dictionary<string, string> Environment(string via) => new()
        {
            ["Messengers__Telegram__Token"] = telegram.Token,
            ["Messengers__Telegram__BaseUrl"] = telegram.BaseUrl.Replace("127.0.0.1", via, StringComparison.Ordinal),
            ["Messengers__Bale__Token"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var welcome = Texts.RegistrationStart("مجمع بسیجیان شهرستان کاشان");

        using (var bot = Process.Start(BotProcess(workingDirectory, Environment("localhost")))!)
        {
            try
            {
                for (var i = 0; i < members / 2; i++) telegram.EnqueueText(first + i, "/start", "رضا");
                await telegram.WaitUntilAsync(t => t.Sent.Count >= members / 2, TimeSpan.FromSeconds(30));
                // The fake records a send before the bot records its answer: the first half must be settled first.
                await Eventually.TrueAsync(async () =>
                {
                    await using var db = Open(dataFile);
                    return await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent) >= members / 2;
                }, seconds: 30);

                // The second half's replies reach the fake but their answers never come back: the process dies with
                // them on the wire, claimed and never recorded.
                telegram.HoldAnswersTo("localhost");
                for (var i = members / 2; i < members; i++) telegram.EnqueueText(first + i, "/start", "رضا");
                await telegram.WaitUntilAsync(t => t.HeldAnswers("localhost") >= members / 2, TimeSpan.FromSeconds(30));
            }
            finally
            {
                bot.Kill(entireProcessTree: true); // SIGKILL: nothing of the process's stop runs
                await bot.WaitForExitAsync();
            }
        }

        await using (var db = Open(dataFile))
            Assert.Equal(members / 2, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sending));

        using var again = Process.Start(BotProcess(workingDirectory, Environment("127.0.0.1")))!;
        try
        {
            await telegram.WaitUntilAsync(t => t.Sent.Count >= members + members / 2, TimeSpan.FromSeconds(30));
            await Quiet.UntilAsync(() => Open(dataFile), TimeSpan.FromSeconds(30), telegram);
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }

        // Every member answered; those whose reply was on the wire at the kill got it twice, and nobody else did.
        for (var i = 0; i < members; i++)
            Assert.Equal(Enumerable.Repeat(welcome, i < members / 2 ? 1 : 2), telegram.SentTo(first + i).Select(m => m.Text));
        await using (var db = Open(dataFile))
            Assert.Equal(members, await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent));
    }

    private static BotDbContext Open(string dataFile) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={dataFile};Pooling=False").Options);

    [Fact]
    public async Task Help_run_as_its_own_process_lists_the_commands_and_starts_nothing_even_with_a_token_set()
    {
        using var folder = TestDatabase.OnSqlite();
        var workingDirectory = Path.GetDirectoryName(folder.File)!;
        // With a token the bot would serve (and keep its data in data/ here) until stopped.
        using var run = Process.Start(BotProcess(workingDirectory, new Dictionary<string, string>
        {
            ["Messengers__Telegram__Token"] = "123456:process-help-token",
            ["Messengers__Telegram__BaseUrl"] = "http://127.0.0.1:9",
        }, "--help"))!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        try
        {
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
        }

        Assert.True(run.ExitCode == 0, await error);
        Assert.Contains("  export [PERIOD] [--out FILE]  ", await output);
        Assert.Contains("--Messengers:Telegram:Token=...", await output);
        Assert.Equal("", await error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory));
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_start_with_one_sentence_naming_the_key()
    {
        using var folder = TestDatabase.OnSqlite();
        using var bot = Process.Start(BotProcess(Path.GetDirectoryName(folder.File)!, new Dictionary<string, string>
        {
            ["Messengers__Telegram__BaseUrl"] = "ftp://api.telegram.org",
        }))!;
        await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, bot.ExitCode);
        var error = (await bot.StandardError.ReadToEndAsync()).Trim();
        Assert.StartsWith("Configuration error: Messengers:Telegram:BaseUrl must be an absolute http or https address", error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task Backup_run_as_its_own_process_copies_the_database_where_it_runs_prints_what_it_wrote_and_refuses_to_overwrite()
    {
        using var folder = TestDatabase.OnSqlite();
        var workingDirectory = Path.GetDirectoryName(folder.File)!;
        var dataFile = Path.Combine(workingDirectory, "data", "bot.db");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = $"Data Source={dataFile}", ["Messengers:Telegram:Token"] = "", ["Messengers:Bale:Token"] = "" };
        using (var host = BotHost.CreateBuilder([], BotMode.Serve, settings).Build())
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            db.Members.Add(new Member { Name = "مریم نطنزی", Phone = "+989121110000", County = "نطنز" });
            await db.SaveChangesAsync();
        }

        const string token = "123456:process-backup-token-never-printed";
        var environment = new Dictionary<string, string> { ["Messengers__Telegram__Token"] = token, ["Messengers__Bale__Token"] = "" };
        async Task<(int Exit, string Out, string Error)> BackupAsync()
        {
            using var run = Process.Start(BotProcess(workingDirectory, environment, "backup", "copy.db"))!;
            var output = run.StandardOutput.ReadToEndAsync();
            var error = run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return (run.ExitCode, await output, await error);
        }

        var first = await BackupAsync();
        Assert.True(first.Exit == 0, first.Error);
        Assert.StartsWith($"Backed up {dataFile} to copy.db: ", first.Out);
        Assert.Contains("; 1 members, 0 reports, 0 meetings, 0 outbox messages.", first.Out);
        await using (var copy = new BotDbContext(new DbContextOptionsBuilder<BotDbContext>().UseSqlite($"Data Source={Path.Combine(workingDirectory, "copy.db")};Pooling=False").Options))
            Assert.Equal("مریم نطنزی", (await copy.Members.SingleAsync()).Name);

        var second = await BackupAsync();
        Assert.Equal(1, second.Exit);
        Assert.Equal("copy.db already exists; a backup never overwrites a file, so give a new name.", second.Error.Trim());
        Assert.DoesNotContain(token, first.Out + first.Error + second.Out + second.Error, StringComparison.Ordinal);
    }
}
