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
