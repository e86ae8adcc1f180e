using Assembly.Conversations.Text;

namespace Assembly.Conversations.Flows;

/// <summary>
/// A county chosen at a county step: by its button, or typed the way people write it. A member who types «کاشان»
/// with an Arabic kaf, «آران‌و‌بیدگل» with half-spaces, «آرانوبیدگل» with none, «شهرستان نطنز» or «نطنز.» means one
/// county of the list as plainly as the button does.
/// </summary>
public static class TypedCounty
{
    /// <summary>The county pressed or typed; null when the answer names none, or more than one, of <paramref name="counties"/>.</summary>
    public static string? Pick(FlowInput input, IReadOnlyList<string> counties) =>
        input.Pick(counties) ?? (input.IsText ? Match(counties, input.Text) : null);

    /// <summary>The one county whose name <paramref name="typed"/> is, letters and digits compared loosely; or null.</summary>
    public static string? Match(IReadOnlyList<string> counties, string typed)
    {
        var key = Key(typed);
        if (key.Length == 0) return null;
        string? found = null;
        foreach (var county in counties)
        {
            if (Key(county) != key) continue;
            if (found is not null) return null; // two counties written alike: only a button tells them apart
            found = county;
        }

        return found;
    }

    private static readonly string CountyWord = Letters("شهرستان");
    private static readonly string OwnCountyMark = Letters(Texts.SameCounty);

    // The folded letters and digits alone (PersianMatch.Fold: Arabic letters, digits, diacritics): spaces, half-spaces
    // and punctuation are where people differ most, and no two county names differ only there. The mark of the
    // member's own county after the name (copied from its button) and the word «شهرستان» before it are not the name.
    private static string Key(string text)
    {
        var key = Letters(text);
        if (key.Length > OwnCountyMark.Length && key.EndsWith(OwnCountyMark, StringComparison.Ordinal)) key = key[..^OwnCountyMark.Length];
        if (key.Length > CountyWord.Length && key.StartsWith(CountyWord, StringComparison.Ordinal)) key = key[CountyWord.Length..];
        return key;
    }

    private static string Letters(string text) => string.Concat(PersianMatch.Fold(text).Where(char.IsLetterOrDigit));
}
