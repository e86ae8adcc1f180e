namespace Assembly.Bench;

/// <summary>
/// <c>soak --minutes N</c>: a <see cref="Soak"/> run of N minutes of faults and kills, then its ledger. The figures are
/// the ledger's counts; a run whose ledger finds anything lost or doubled fails.
/// </summary>
internal static class SoakScenario
{
    public static async Task<IReadOnlyList<Measure>> RunAsync(BenchOptions options)
    {
        var plan = SoakPlan.ForMinutes(options.Minutes);
        var ledger = await Soak.RunAsync(plan, options.Settings, Console.Error.WriteLine);
        ledger.Print(Console.Out, options.Command);
        if (ledger.Problems() is { Count: > 0 } problems) throw new BenchFailure("The soak's ledger: " + string.Join("; ", problems));

        Measure One(string name, string unit, double value) => new("soak", name, unit, [value]);
        return
        [
            One("kill -9 and restart", "kills", ledger.Kills),
            One("members' updates answered", "updates", ledger.Answered),
            One("reports filed and stored once", "reports", ledger.ReportsFiled),
            One("staff answers delivered", "answers", ledger.StaffUpdates - ledger.StaffUnanswered),
            One("announcement copies delivered", "copies", ledger.Recipients - ledger.RecipientsWithout),
            One("second copies", "copies", ledger.SecondCopies),
        ];
    }
}
