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

    /// <summary>A list of names: none empty, none twice, and at least one when <paramref name="required"/>.</summary>
    public static IEnumerable<string> ListProblems(List<string> items, string key, bool required)
    {
        if (required && items.Count == 0)
            yield return $"{key} is empty; list at least one.";
        for (var i = 0; i < items.Count; i++)
            if (string.IsNullOrWhiteSpace(items[i]))
                yield return $"{key}:{i} is empty.";
        var duplicate = items.GroupBy(x => x.Trim()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            yield return $"{key} names '{duplicate.Key}' twice.";
    }
}
