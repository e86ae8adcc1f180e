namespace Assembly.Bot.Configuration.Validation;

/// <summary>A configured list of names (counties, topics, keywords).</summary>
internal static class NameLists
{
    /// <summary>A list of names: none empty, none twice, and at least one when <paramref name="required"/>.</summary>
    public static IEnumerable<string> Problems(List<string> items, string key, bool required)
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
