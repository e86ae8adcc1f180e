using Assembly.Bench;
using Assembly.Bot.Tests.Support;

namespace Assembly.Bot.Tests.EndToEnd;

/// <summary>
/// The soak of the bench (<c>bench … soak</c>) in seconds: the bot's own process killed with SIGKILL and started again,
/// an outage, 429s, 5xx, dropped connections and sends that hang, while members file reports, staff answer them and an
/// announcement goes out; its ledger must find nothing lost or doubled. Run here so the soak and its check keep working.
/// </summary>
[Trait(Suites.Name, Suites.Slow)]
public sealed class SoakTests
{
    [Fact]
    public async Task A_short_soak_with_every_fault_and_kills_loses_nothing_by_its_ledger()
    {
        var output = new StringWriter();
        var ledger = await Soak.RunAsync(SoakPlan.Short, [], output.WriteLine);
        ledger.Print(output, "soak (tests)");

        Assert.True(ledger.Problems().Count == 0, output.ToString());
        Assert.True(ledger.Kills >= 1, output.ToString());
        Assert.Equal(1, ledger.Outages);
        Assert.True(ledger.OutageRefusals > 0 && ledger.ReportsFiled > 0 && ledger.StaffUpdates > 0, output.ToString());
        Assert.Equal(ledger.Updates, ledger.Answered);
    }

    [Fact]
    public void The_ledger_finds_a_missing_copy_an_unanswered_update_and_a_report_stored_twice()
    {
        var ledger = new SoakLedger
        {
            Recipients = 3, Copies = [1, 0, 2], Updates = 10, Answered = 9, Unanswered = 1, ReportsFiled = 1, CodesGiven = ["RJ-1001"],
            StoredCodes = ["RJ-1001", "RJ-1002"], StaffUpdates = 1, StaffAnswers = new Dictionary<int, int> { [1] = 2 },
        };

        var problems = ledger.Problems();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("1 members' updates never answered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("1 reports stored twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("1 of 3 recipients never got the announcement", StringComparison.Ordinal));
        Assert.Equal(1 + 1, ledger.SecondCopies);
    }
}
