using Assembly.Conversations.Organisation;
using Assembly.Conversations.Staff;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// Whose reports a statistic, export or summary covers. Organizers and admins see the whole assembly;
/// staff who are neither see only the secretariats they work for (the same <see cref="Actor"/> the rest of
/// the staff desk is authorised on). Who may ask at all is <see cref="Permissions"/>' business.
/// </summary>
public sealed record StatsScope(IReadOnlyList<SecretariatOptions> Secretariats, bool Whole)
{
    public static StatsScope For(Actor actor, AssemblyOptions assembly) =>
        actor.IsAdmin || actor.IsOrganizer
            ? new StatsScope(assembly.Secretariats, Whole: true)
            : new StatsScope(assembly.Secretariats.Where(s => actor.Works(s.Key)).ToList(), Whole: false);

    public IReadOnlyList<string> Keys => Secretariats.Select(s => s.Key).ToList();

    public string NameOf(string key) => Secretariats.FirstOrDefault(s => s.Key == key)?.Name ?? key;
}
