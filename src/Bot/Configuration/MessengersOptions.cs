namespace Assembly.Bot.Configuration;

/// <summary>
/// <c>Messengers</c>: each messenger's settings under its configuration key (<c>Telegram</c>, <c>Bale</c>). Keys are
/// compared without case, so the name used in data (<c>telegram</c>) finds its settings too.
/// </summary>
public sealed class MessengersOptions() : Dictionary<string, MessengerOptions>(StringComparer.OrdinalIgnoreCase)
{
    /// <summary>The messengers the bot knows, by their configuration key and the name used in data (<c>telegram:123</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Known =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Telegram"] = "telegram", ["Bale"] = "bale" };

    /// <summary>The messengers that have a token, by the name used in data.</summary>
    public IEnumerable<KeyValuePair<string, MessengerOptions>> Enabled =>
        this.Where(m => m.Value.Enabled && Known.ContainsKey(m.Key)).Select(m => KeyValuePair.Create(Known[m.Key], m.Value));

    /// <summary>The configuration key of a messenger named as in data (<c>bale</c> → <c>Bale</c>).</summary>
    public static string KeyOf(string name) => Known.First(k => k.Value == name).Key;
}
