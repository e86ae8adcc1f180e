using System.Globalization;

namespace Assembly.Bench;

/// <summary>
/// What a soak run did and what came of it, and the check that nothing was lost: every update answered at least once,
/// every report stored exactly once with the code its member was given, every staff answer delivered, every copy of the
/// announcement delivered; and how many second copies the at-least-once sending cost.
/// </summary>
internal sealed class SoakLedger
{
    public TimeSpan Elapsed { get; set; }
    public int Kills { get; set; }
    public int Outages { get; set; }
    public int OutageRefusals { get; set; }
    public int Hung { get; set; }
    public int TooManyRequests { get; set; }
    public Dictionary<string, int> Faults { get; } = [];

    /// <summary>Members' updates (texts and presses), those answered, and members still waiting at the end.</summary>
    public int Updates { get; set; }
    public int Answered { get; set; }
    public int Unanswered { get; set; }

    /// <summary>Reports members finished (their «submit» answered with a code), the codes given, and those stored.</summary>
    public int ReportsFiled { get; set; }
    public IReadOnlyList<string> CodesGiven { get; set; } = [];
    public IReadOnlyList<string> StoredCodes { get; set; } = [];

    /// <summary>«/reply» updates the staff sent, and how often each answer (by its number) reached its reporter.</summary>
    public int StaffUpdates { get; set; }
    public IReadOnlyDictionary<int, int> StaffAnswers { get; set; } = new Dictionary<int, int>();

    public int Recipients { get; set; }

    /// <summary>Copies of the announcement each recipient received.</summary>
    public IReadOnlyList<int> Copies { get; set; } = [];

    public int MemberSecondCopies { get; set; }
    public int OutboxFailed { get; set; }
    public List<string> Notes { get; } = [];

    public int StaffUnanswered => Enumerable.Range(1, StaffUpdates).Count(n => !StaffAnswers.ContainsKey(n));
    public int StaffSecondCopies => StaffAnswers.Values.Sum(n => Math.Max(0, n - 1));
    public int RecipientsWithout => Copies.Count(c => c == 0);
    public int BroadcastSecondCopies => Copies.Sum(c => Math.Max(0, c - 1));
    public int SecondCopies => MemberSecondCopies + StaffSecondCopies + BroadcastSecondCopies;

    /// <summary>Codes given that are not stored: a report lost after its member was told it was filed.</summary>
    public int ReportsLost => CodesGiven.Distinct().Count(c => !StoredCodes.Contains(c));

    /// <summary>Reports stored beyond those filed: a «submit» made into two reports.</summary>
    public int ReportsDoubled => Math.Max(0, StoredCodes.Count - ReportsFiled);

    /// <summary>What the run got wrong; empty when nothing was lost or doubled.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Unanswered > 0) problems.Add($"{Unanswered} members' updates never answered");
        if (StaffUnanswered > 0) problems.Add($"{StaffUnanswered} of {StaffUpdates} staff answers never reached their reporter");
        if (ReportsLost > 0) problems.Add($"{ReportsLost} reports whose code was given are not stored");
        if (ReportsDoubled > 0) problems.Add($"{ReportsDoubled} reports stored twice ({StoredCodes.Count} stored, {ReportsFiled} filed)");
        if (CodesGiven.Distinct().Count() != ReportsFiled) problems.Add($"{ReportsFiled} reports filed, {CodesGiven.Distinct().Count()} distinct codes given");
        if (RecipientsWithout > 0) problems.Add($"{RecipientsWithout} of {Recipients} recipients never got the announcement");
        if (OutboxFailed > 0) problems.Add($"{OutboxFailed} outbox messages given up");
        problems.AddRange(Notes);
        return problems;
    }

    /// <summary>The ledger as a Markdown table, then the verdict.</summary>
    public void Print(TextWriter to, string command)
    {
        var i = CultureInfo.InvariantCulture;
        to.WriteLine();
        to.WriteLine($"Command: `{command}`");
        to.WriteLine();
        to.WriteLine("| ledger | count |");
        to.WriteLine("| --- | ---: |");
        void Row(string name, object value) => to.WriteLine(string.Format(i, "| {0} | {1} |", name, value));
        Row("run, faults and drain (s)", Elapsed.TotalSeconds.ToString("0", i));
        Row("kill -9 of the bot, each followed by a restart on the same database", Kills);
        Row("outages (every send answered 502)", Outages);
        Row("sends refused by the outage", OutageRefusals);
        foreach (var (fault, count) in Faults.OrderBy(f => f.Key, StringComparer.Ordinal)) Row("injected: " + fault, count);
        Row("429s answered (injected and the fake's flood limits)", TooManyRequests);
        Row("members' updates sent", Updates);
        Row("members' updates answered", Answered);
        Row("members' updates never answered", Unanswered);
        Row("reports filed (code given)", ReportsFiled);
        Row("reports stored", StoredCodes.Count);
        Row("reports lost", ReportsLost);
        Row("reports doubled", ReportsDoubled);
        Row("staff answers sent (/reply)", StaffUpdates);
        Row("staff answers never delivered", StaffUnanswered);
        Row("announcement recipients", Recipients);
        Row("recipients without a copy", RecipientsWithout);
        Row("second copies: announcement", BroadcastSecondCopies);
        Row("second copies: staff answers", StaffSecondCopies);
        Row("second copies: members' conversation", MemberSecondCopies);
        Row("second copies, all", SecondCopies);
        Row("outbox messages given up", OutboxFailed);
        to.WriteLine();
        var problems = Problems();
        to.WriteLine(problems.Count == 0 ? "Ledger: nothing lost, nothing doubled." : "Ledger FAILED: " + string.Join("; ", problems));
    }
}
