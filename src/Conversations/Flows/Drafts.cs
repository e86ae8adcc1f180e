using System.Text.Json.Nodes;
using Assembly.Storage.Entities;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A half-written report kept after its conversation went idle. It stays in the chat's conversation row, so no table is
/// needed: nothing is under way (<see cref="Conversation.Flow"/> empty), the state names the step it stopped at behind
/// a marker, the answers stay, and <see cref="Conversation.ExpiresAt"/> is when the draft goes.
/// While another conversation runs in that row, the draft rides along in its answers (<see cref="CarriedKey"/>), and
/// comes back as the row's draft when that conversation ends, however it ends: starting something else never drops it.
/// </summary>
public static class Drafts
{
    private const string Marker = "draft:";

    /// <summary>Where a draft rides in the answers of another conversation; no flow's answers have a property of this name.</summary>
    public const string CarriedKey = "KeptDraft";

    /// <summary>A draft: the step it stopped at, its answers (JSON), and when it goes.</summary>
    public sealed record Kept(string State, string Answers, DateTime? Until);

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

    /// <summary>The draft the row holds, kept or carried by the conversation under way, if any.</summary>
    public static Kept? Find(Conversation row)
    {
        if (TryRead(row, out var state)) return new Kept(state, row.Data, row.ExpiresAt);
        return Carried(row.Data);
    }

    /// <summary>The draft's answers with the step to continue at and when it goes, for the report flow's first question.</summary>
    public static string ForResume(Kept draft)
    {
        var answers = JsonNode.Parse(draft.Answers) as JsonObject ?? [];
        answers["DraftState"] = draft.State;
        answers["DraftUntil"] = draft.Until;
        return answers.ToJsonString();
    }

    /// <summary>
    /// The member left the question whether to continue a draft unanswered (cancelled, went elsewhere, went idle): the
    /// draft is kept as it was. True when the row was at that question.
    /// </summary>
    public static bool Unresume(Conversation row)
    {
        if (row is not { Flow: ReportFlow.Name, State: ReportFlow.ResumeState } || JsonNode.Parse(row.Data) is not JsonObject answers
            || answers["DraftState"]?.GetValue<string>() is not { Length: > 0 } state) return false;
        DateTime? until = answers["DraftUntil"] is JsonValue value && value.TryGetValue<DateTime>(out var at) ? at : null;
        answers.Remove("DraftState");
        answers.Remove("DraftUntil");
        (row.Flow, row.State, row.Data, row.ExpiresAt) = ("", Marker + state, answers.ToJsonString(), until);
        row.Step++;
        return true;
    }

    /// <summary>The answers of a conversation starting over a draft, carrying it.</summary>
    public static string Carry(string answers, Kept? draft)
    {
        if (draft is null) return answers;
        var json = JsonNode.Parse(answers) as JsonObject ?? [];
        json[CarriedKey] = new JsonObject { ["State"] = draft.State, ["Answers"] = draft.Answers, ["Until"] = draft.Until };
        return json.ToJsonString();
    }

    /// <summary>
    /// A flow's answers as it writes them, with the draft its row carried put back: a flow knows only its own answers.
    /// </summary>
    public static string CarryOver(string before, string after) =>
        before.Contains(CarriedKey, StringComparison.Ordinal) ? Carry(after, Carried(before)) : after;

    /// <summary>The row goes back to the draft a finished conversation carried, if it did; true when one came back.</summary>
    public static bool Restore(Conversation row, Kept? draft)
    {
        if (draft is null) return false;
        (row.State, row.Data, row.ExpiresAt) = (Marker + draft.State, draft.Answers, draft.Until);
        return true;
    }

    /// <summary>The draft carried in a conversation's answers.</summary>
    public static Kept? Carried(string answers)
    {
        if (!answers.Contains(CarriedKey, StringComparison.Ordinal)) return null;
        return JsonNode.Parse(answers) is JsonObject json && json[CarriedKey] is JsonObject draft
                                                        && draft["State"]?.GetValue<string>() is { Length: > 0 } state
            ? new Kept(state, draft["Answers"]?.GetValue<string>() ?? "{}", draft["Until"] is JsonValue until && until.TryGetValue<DateTime>(out var at) ? at : null)
            : null;
    }
}
