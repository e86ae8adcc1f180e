using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;
using Assembly.Conversations.Reports;

namespace Assembly.Bot.Tests.Units;

/// <summary>The pages in <c>docs/flows/</c> are the flows (and a report's lifecycle) as the code has them, state for state.</summary>
public sealed class FlowDiagramTests
{
    private static readonly FlowContext Context = new(new AssemblyOptions { TimeZone = "Asia/Tehran" }, new ConversationOptions(), new DeadlineOptions(),
        new MeetingOptions(), new AccessOptions());

    /// <summary>Each flow with the enum of its states.</summary>
    public static TheoryData<string, Type> Flows => new()
    {
        { RegistrationFlow.Name, typeof(RegistrationFlow.State) },
        { ReportFlow.Name, typeof(ReportFlow.State) },
        { AddToReportFlow.Name, typeof(AddToReportFlow.State) },
        { AnnounceFlow.Name, typeof(AnnounceFlow.State) },
        { MeetingFlow.Name, typeof(MeetingFlow.State) },
        { OutcomeFlow.Name, typeof(OutcomeFlow.State) },
        { MeetingChangeFlow.Name, typeof(MeetingChangeFlow.State) },
        { ForgetFlow.Name, typeof(ForgetFlow.State) },
        { FreeTextFlow.Name, typeof(FreeTextFlow.State) },
        { ReportLifecycle.Name, typeof(ReportLifecycle.State) },
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_committed_page_matches_the_code(string flow, Type _)
    {
        var path = Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "docs", "flows", flow + ".md");
        var expected = FlowDiagrams.Markdown(flow, FlowDiagrams.All(Context)[flow]);

        Assert.True(File.Exists(path), $"docs/flows/{flow}.md is missing; run `{FlowDiagrams.Command}` and commit the result.");
        // A checkout may turn line ends into CRLF; the text is what must agree.
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == expected,
            $"docs/flows/{flow}.md does not match the code of the '{flow}' flow; run `{FlowDiagrams.Command}` and commit the result.\n"
            + $"--- expected ---\n{expected}--- committed ---\n{committed}");
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_diagram_draws_every_state(string flow, Type states)
    {
        var mermaid = FlowDiagrams.All(Context)[flow];
        var drawn = Nodes(mermaid);

        var missing = Enum.GetNames(states).Where(state => !drawn.Contains(state)).ToList();
        Assert.True(missing.Count == 0,
            $"The '{flow}' diagram does not show {string.Join(", ", missing)}: a state with no transition in or out is not drawn.\n{mermaid}");
    }

    [Fact]
    public void Every_flow_is_drawn_and_no_page_is_left_over()
    {
        var flows = Flows.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(flows, FlowDiagrams.All(Context).Keys.Order(StringComparer.Ordinal));

        var pages = Directory.GetFiles(Path.Combine(Cli.CliTestSupport.RepositoryRoot(), "docs", "flows"), "*.md")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.SequenceEqual(flows),
            $"docs/flows/ holds pages for {string.Join(", ", pages)} but the flows are {string.Join(", ", flows)}; run `{FlowDiagrams.Command}` and remove stale pages.");
    }

    [Fact]
    public void The_diagrams_are_the_same_on_every_run() =>
        Assert.Equal(FlowDiagrams.All(Context), FlowDiagrams.All(Context));

    /// <summary>The names standing at either end of an arrow (<c>A --> B : label</c>, <c>[*] --> A</c>).</summary>
    private static HashSet<string> Nodes(string mermaid)
    {
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in mermaid.Split('\n'))
        {
            var arrow = line.IndexOf("-->", StringComparison.Ordinal);
            if (arrow < 0) continue;
            var to = line[(arrow + 3)..];
            var colon = to.IndexOf(':', StringComparison.Ordinal);
            nodes.Add(line[..arrow].Trim());
            nodes.Add((colon < 0 ? to : to[..colon]).Trim());
        }

        return nodes;
    }
}
