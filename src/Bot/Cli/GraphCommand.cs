using Assembly.Bot.Configuration;
using Assembly.Conversations.Flows;
using Assembly.Conversations.Organisation;

namespace Assembly.Bot.Cli;

/// <summary>
/// <c>graph</c>: draws every flow from its machine into <c>docs/flows/</c>, under the current folder (a test checks the
/// pages match the code). It reads the settings, for the flows' configured limits, and opens nothing else.
/// </summary>
public static class GraphCommand
{
    public static async Task<int> RunAsync(string[] configuration, CliConsole console)
    {
        await using var settings = BotOptions.Read(BotConfiguration.Read(configuration));
        var folder = Path.Combine("docs", "flows");
        Directory.CreateDirectory(folder);
        foreach (var (name, mermaid) in FlowDiagrams.All(new FlowContext(settings.Get<AssemblyOptions>(), settings.Get<ConversationOptions>(),
                     settings.Get<DeadlineOptions>(), settings.Get<MeetingOptions>(), settings.Get<AccessOptions>())))
        {
            var path = Path.Combine(folder, name + ".md");
            await File.WriteAllTextAsync(path, FlowDiagrams.Markdown(name, mermaid));
            await console.Out.WriteLineAsync($"Wrote {path}");
        }

        return ExitCodes.Ok;
    }
}
