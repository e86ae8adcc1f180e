using Assembly.Conversations.Organisation;

namespace Assembly.Bot.Configuration.Validation;

/// <summary>An account or chat in settings, such as <c>telegram:123456</c>, on a messenger the bot knows.</summary>
internal static class Accounts
{
    public static IEnumerable<string> Problems(IReadOnlyList<string> values, string key)
    {
        for (var i = 0; i < values.Count; i++)
            if (!AccountRef.TryParse(values[i], out var account) || !MessengersOptions.Known.Values.Contains(account.Messenger))
                yield return $"{key}:{i} must look like 'telegram:123456' or 'bale:987654' (it is '{values[i]}').";
    }
}
