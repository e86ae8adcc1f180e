using System.Text.RegularExpressions;
using Assembly.Bot.Cli;
using Assembly.Bot.Tests.Cli;
using Assembly.Bot.Tests.Support;
using Assembly.Conversations.Text;
using Assembly.FakeBotApi;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>The first admin on a real host: the start-up log names <c>claim-code</c>, the command runs beside the bot, <c>/claim</c> works.</summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed partial class FirstAdminTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private const long Organizer = 3001;

    private static bool SaysRunClaimCode(string line) => line.Contains("no admin", StringComparison.Ordinal) && line.Contains("claim-code", StringComparison.Ordinal);

    [Fact]
    public async Task With_no_admin_the_log_says_to_run_claim_code_whose_code_sent_as_claim_makes_an_admin_who_then_has_staff()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using (var bot = await BotTestHost.StartAsync(database, telegram, logs: logs))
        {
            // Said once the host has started, beside the first polls.
            await logs.WaitForAsync(SaysRunClaimCode, Wait);
            var line = Assert.Single(logs.Lines, SaysRunClaimCode);
            Assert.DoesNotContain('\n', line);

            // The command, run while the bot runs, on the bot's database.
            var console = new TestConsole();
            Assert.Equal(ExitCodes.Ok, await ClaimCodeCommand.RunAsync([], console.Console, CliTestSupport.Settings(database)));
            var code = Code().Match(console.Out.ToString()).Value;

            telegram.EnqueueText(Organizer, "/staff");
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Any(m => m.Text == Texts.UnknownCommand("/staff")), Wait);
            telegram.EnqueueText(Organizer, "/claim " + code);
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Any(m => m.Text == Texts.Claimed("مجمع بسیجیان شهرستان کاشان")), Wait);
            telegram.EnqueueText(Organizer, "/staff");
            await telegram.WaitUntilAsync(t => t.SentTo(Organizer).Any(m => m.Text!.StartsWith($"{Texts.AdminsLabel}: telegram:3001\n", StringComparison.Ordinal)), Wait);
            Assert.DoesNotContain(code.Split('-')[0], logs.All);
        }

        // Started again, it has an admin and says nothing of the kind (a stop waits for the start-up checks to be done).
        var again = new LogCollector();
        await using (await BotTestHost.StartAsync(database, telegram, logs: again))
            Assert.Contains(again.Lines, l => l.Contains("started", StringComparison.Ordinal)); // it did log at start
        Assert.DoesNotContain(again.Lines, SaysRunClaimCode);
    }

    [Fact]
    public async Task With_an_admin_in_configuration_the_start_up_log_does_not_ask_for_one()
    {
        using var database = new TestDatabase();
        await using var telegram = await FakeBotApiServer.StartAsync();
        var logs = new LogCollector();
        await using (await BotTestHost.StartAsync(database, telegram, logs: logs, settings: new Dictionary<string, string?> { ["Access:Admins:0"] = "telegram:1" }))
            Assert.Contains(logs.Lines, l => l.Contains("started", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, SaysRunClaimCode);
    }

    [GeneratedRegex(@"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b")]
    private static partial Regex Code();
}
