using System.Globalization;
using System.Text.RegularExpressions;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Staff;

/// <summary>
/// The day of the next follow-up as staff write it: a Solar date (۱۴۰۵/۱۰/۰۱, in any digits) or a span from today
/// («یک هفته دیگر», «۱۰ روز دیگر», «دو ماه دیگر», «فردا»).
/// </summary>
public static partial class NextFollowUp
{
    private static readonly PersianCalendar Solar = new();

    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["یک"] = 1, ["یه"] = 1, ["دو"] = 2, ["سه"] = 3, ["چهار"] = 4, ["پنج"] = 5, ["شش"] = 6, ["شیش"] = 6, ["هفت"] = 7,
        ["هشت"] = 8, ["نه"] = 9, ["ده"] = 10, ["یازده"] = 11, ["دوازده"] = 12, ["پانزده"] = 15, ["پونزده"] = 15, ["بیست"] = 20, ["سی"] = 30,
    };

    /// <summary>Reads the day (its start, unspecified kind, like <see cref="SolarDate.TryParse"/>); past days are the caller's to refuse.</summary>
    /// <param name="today">Today in the assembly's time zone.</param>
    public static bool TryParse(string? text, DateTime today, out DateTime day)
    {
        if (SolarDate.TryParse(text, out day)) return true;
        var folded = PersianMatch.Fold(text ?? "");
        switch (folded)
        {
            case "فردا":
                day = today.Date.AddDays(1);
                return true;
            case "پس فردا":
                day = today.Date.AddDays(2);
                return true;
        }

        var match = Span().Match(folded);
        if (!match.Success) return false;
        var countText = match.Groups["count"].Value;
        if (!Numbers.TryGetValue(countText, out var count)
            && !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count)) return false;
        if (count is < 1 or > 365) return false;
        day = match.Groups["unit"].Value switch
        {
            "روز" => today.Date.AddDays(count),
            "هفته" => today.Date.AddDays(7 * count),
            _ => count > 12 ? default : Solar.AddMonths(today.Date, count),
        };
        return day != default;
    }

    /// <summary>
    /// The day a text starts with, as <c>/followup</c> is typed («۱۴۰۵/۱۰/۰۱ شرح», «۱۰ روز دیگر شرح», «فردا شرح»), and
    /// what follows it. The longest run of leading words that is a day wins.
    /// </summary>
    public static bool TryLead(string text, DateTime today, out DateTime day, out string rest)
    {
        var words = text.Trim().Split([' ', '\n', '\t'], 4, StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(3, words.Length); count > 0; count--)
            if (TryParse(string.Join(' ', words[..count]), today, out day))
            {
                rest = string.Join(' ', words[count..]).Trim();
                return true;
            }

        day = default;
        rest = text.Trim();
        return false;
    }

    [GeneratedRegex(@"^(?<count>\S+) ?(?<unit>روز|هفته|ماه) (?:دیگر|دیگه|بعد)$")]
    private static partial Regex Span();
}
