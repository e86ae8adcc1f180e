using System.Collections.Concurrent;

namespace Assembly.Bot.ConsoleChat;

/// <summary>
/// The people one plays in the console chat. A name always maps to the same user id (a hash of the
/// name), so a member's state survives a restart of the chat.
/// </summary>
public static class ConsoleUsers
{
    private static readonly ConcurrentDictionary<long, string> Names = new();

    public static long IdOf(string name)
    {
        // FNV-1a: stable across runs, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in name.ToLowerInvariant())
            hash = (hash ^ c) * 16777619u;
        var id = 1_000_000L + (hash % 1_000_000_000u);
        Names[id] = name;
        return id;
    }

    public static string NameOf(long id) => Names.GetValueOrDefault(id) ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
