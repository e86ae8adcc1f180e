using System.Text.Json.Nodes;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A half-written report kept after its conversation went idle. It stays in the chat's conversation row, so no table is
/// needed: nothing is under way (<see cref="Conversation.Flow"/> empty), the state names the step it stopped at behind
/// a marker, the answers stay, and <see cref="Conversation.ExpiresAt"/> is when the draft goes.
/// </summary>
public static class Drafts
{
    private const string Marker = "draft:";

    /// <summary>Keeps the row's report answers as a draft until <paramref name="until"/>.</summary>
    public static void Keep(Conversation row, DateTime until)
    {
        row.State = Marker + row.State;
        row.Flow = "";
        row.Step++; // the buttons of the idle conversation act no more
        row.ExpiresAt = until;
    }

    /// <summary>The step a kept draft stopped at, if the row holds one.</summary>
    public static bool TryRead(Conversation row, out string state)
    {
        state = row is { Active: false } && row.State.StartsWith(Marker, StringComparison.Ordinal) ? row.State[Marker.Length..] : "";
        return state.Length > 0;
    }

    /// <summary>Whether a report's answers hold anything worth keeping.</summary>
    public static bool Worth(Conversation row) =>
        row.Flow == ReportFlow.Name && JsonNode.Parse(row.Data) is JsonObject answers
        && (answers["Description"] is not null || answers["Topic"] is not null || answers["Secretariat"] is not null);

    /// <summary>The draft's answers with the step to continue at, for the report flow's first question.</summary>
    public static string ForResume(Conversation row, string state)
    {
        var answers = JsonNode.Parse(row.Data) as JsonObject ?? [];
        answers["DraftState"] = state;
        return answers.ToJsonString();
    }
}
