using Assembly.Conversations.Flows;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Announcements;

/// <summary>The two steps by which an organizer picks an audience (kind, then which one), shared by announcements and sessions.</summary>
public static class AudienceChoice
{
    public static IEnumerable<(string Label, string Value)> Kinds =>
    [
        (Texts.AudienceAll, Audience.All), (Texts.AudienceCounty, Audience.County),
        (Texts.AudienceGroup, Audience.Group), (Texts.AudienceStaff, Audience.Staff),
    ];

    public static bool IsKind(string? value) => value is Audience.All or Audience.County or Audience.Group or Audience.Staff;

    public static IReadOnlyList<string> Values(FlowContext context, string? kind) => kind switch
    {
        Audience.County => context.Assembly.Counties,
        Audience.Group => context.Assembly.WorkingGroups,
        _ => context.Assembly.Secretariats.Select(s => s.Name).ToList(),
    };

    public static string Question(string? kind) => kind switch
    {
        Audience.County => Texts.AskAudienceCounty,
        Audience.Group => Texts.AskAudienceGroup,
        _ => Texts.AskAudienceSecretariat,
    };

    /// <summary>The stored value for a picked label: a secretariat is kept by its key, the rest by name.</summary>
    public static string Stored(FlowContext context, string? kind, string picked) =>
        kind == Audience.Staff ? context.Assembly.Secretariats.First(s => s.Name == picked).Key : picked;
}

/// <summary>
/// The audience being chosen in a conversation (stored with its answers): what is chosen so far, the kind
/// being picked now, and whether the next pick adds to the audience or replaces it.
/// </summary>
public sealed class AudienceDraft
{
    public string? Spec { get; set; }
    public string? Kind { get; set; }
    public bool Adding { get; set; }

    public bool Chosen => Spec is not null;

    public Audience Audience => Audience.Parse(Spec);

    /// <summary>Takes the kind pressed: null if it is not one, true when the audience is complete («all»), false when a value must follow.</summary>
    public bool? TakeKind(string? choice)
    {
        if (!AudienceChoice.IsKind(choice)) return null;
        Kind = choice;
        if (choice != Audience.All) return false;
        Take(Audience.All, null);
        return true;
    }

    /// <summary>Takes the county, group or secretariat picked for the current kind; false if the answer is not one of them.</summary>
    public bool TakeValue(Flows.FlowInput input, Flows.FlowContext context)
    {
        if (input.Pick(AudienceChoice.Values(context, Kind)) is not { } value) return false;
        Take(Kind!, AudienceChoice.Stored(context, Kind, value));
        return true;
    }

    private void Take(string kind, string? value) =>
        Spec = (Adding && Spec is not null ? Audience.With(kind, value) : Audience.Of(kind, value)).Spec;
}
