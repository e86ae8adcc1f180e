using Assembly.Conversations.Reports;
using Assembly.Storage.Entities;
using Stateless.Graph;

namespace Assembly.Conversations.Flows;

/// <summary>
/// Every flow drawn as a Mermaid state diagram from its own machine (<see cref="IFlow.Describe"/>), and a report's
/// lifecycle from its machine (<see cref="ReportLifecycle"/>), so the
/// pictures in <c>docs/flows/</c> are made from the code and a test notices when they no longer match it.
/// </summary>
public static class FlowDiagrams
{
    /// <summary>The command that writes the pages, as the pages and the test name it.</summary>
    public const string Command = "dotnet run --project src/Bot -- graph";

    /// <summary>Each flow's name with its Mermaid text: the same text on every run and machine, <c>\n</c> line ends.</summary>
    public static IReadOnlyDictionary<string, string> All(FlowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [RegistrationFlow.Name] = Draw(new RegistrationFlow(Row(RegistrationFlow.Name, RegistrationFlow.InitialState), context)),
            [ReportFlow.Name] = Draw(new ReportFlow(Row(ReportFlow.Name, ReportFlow.InitialState), context)),
            [AddToReportFlow.Name] = Draw(new AddToReportFlow(Row(AddToReportFlow.Name, AddToReportFlow.InitialState), context)),
            [AnnounceFlow.Name] = Draw(new AnnounceFlow(Row(AnnounceFlow.Name, AnnounceFlow.InitialState), context)),
            [MeetingFlow.Name] = Draw(new MeetingFlow(Row(MeetingFlow.Name, MeetingFlow.InitialState), context)),
            [OutcomeFlow.Name] = Draw(new OutcomeFlow(Row(OutcomeFlow.Name, OutcomeFlow.InitialState), context)),
            [MeetingChangeFlow.Name] = Draw(new MeetingChangeFlow(Row(MeetingChangeFlow.Name, nameof(MeetingChangeFlow.State.Preview)), context)),
            [ForgetFlow.Name] = Draw(new ForgetFlow(Row(ForgetFlow.Name, ForgetFlow.InitialState))),
            [FreeTextFlow.Name] = Draw(new FreeTextFlow(Row(FreeTextFlow.Name, FreeTextFlow.InitialState), context)),
            [ReportLifecycle.Name] = Normalise(MermaidGraph.Format(ReportLifecycle.Describe())),
        };
    }

    /// <summary>The page of one flow in <c>docs/flows/</c>: a title, where it comes from, and the diagram.</summary>
    public static string Markdown(string flowName, string mermaid) => Normalise(
        $"""
         # {(flowName == ReportLifecycle.Name ? "A report's lifecycle" : $"The `{flowName}` flow")}

         Generated from the code by `{Command}` and checked by a test (`FlowDiagramTests`): do not edit by hand.

         ```mermaid
         {Normalise(mermaid).TrimEnd('\n')}
         ```
         """);

    /// <summary>A row that is never saved: the machine only needs a state to stand on.</summary>
    private static Conversation Row(string flow, string state) =>
        new() { Messenger = "diagram", ChatId = 0, Flow = flow, State = state };

    private static string Draw(IFlow flow) => Normalise(MermaidGraph.Format(flow.Describe()));

    /// <summary>One kind of line end, no trailing spaces, and exactly one final newline.</summary>
    private static string Normalise(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }
}
