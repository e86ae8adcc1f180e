using System.Globalization;
using System.Text.RegularExpressions;

namespace Assembly.Conversations.Text;

/// <summary>
/// A report's tracking code, such as <c>MD-1042</c>: a prefix of two or three Latin capital letters (one per
/// secretariat, from configuration), a hyphen, and a number of at least three digits.
/// </summary>
/// <remarks>
/// The canonical form always has Latin letters and digits, because members copy it and paste it back,
/// and a code in Persian digits would not match one in Latin digits in a search box or a database.
/// </remarks>
public static partial class TrackingCode
{
    /// <summary>The fewest digits a code has; smaller numbers are padded with zeros (<c>MD-007</c>).</summary>
    public const int MinDigits = 3;

    /// <summary>Writes the canonical code: <c>Format("MD", 1042)</c> is <c>"MD-1042"</c>, <c>Format("MD", 7)</c> is <c>"MD-007"</c>.</summary>
    /// <exception cref="ArgumentException">The prefix is not two or three capital Latin letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number is negative.</exception>
    public static string Format(string prefix, int number)
    {
        if (!IsValidPrefix(prefix))
            throw new ArgumentException($"A tracking-code prefix is 2–3 capital Latin letters, not '{prefix}'.", nameof(prefix));
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return prefix + "-" + number.ToString("D" + MinDigits, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a code as a member may type or paste it: in any letter case, with Persian or Arabic digits,
    /// surrounded by spaces and invisible bidi or zero-width marks, and with a hyphen, en dash, em dash, other
    /// Unicode dash, minus sign, tatweel (ـ, what a Persian keyboard gives for shift+minus), underscore, spaces,
    /// or nothing at all between the letters and the digits (<c>md۱۰۴۲</c>, <c>Md – 1042</c>).
    /// The whole input must be the code: a code inside a sentence is refused.
    /// </summary>
    /// <param name="input">The member's text.</param>
    /// <param name="code">The canonical code (<c>MD-1042</c>), digits kept as written (leading zeros too), or empty.</param>
    public static bool TryParse(string? input, out string code)
    {
        code = "";
        var text = PersianText.ToLatinDigits(PersianText.CleanInput(input));
        var match = Shape().Match(text);
        if (!match.Success) return false;

        code = match.Groups["prefix"].Value.ToUpperInvariant() + "-" + match.Groups["number"].Value;
        return true;
    }

    /// <summary>Whether <paramref name="prefix"/> is two or three capital Latin letters (A–Z).</summary>
    public static bool IsValidPrefix(string prefix) =>
        prefix.Length is >= 2 and <= 3 && prefix.All(char.IsAsciiLetterUpper);

    // Letters, then at most one separator with any white space (or non-joiner) around it, then the digits.
    // [0-9] rather than \d, which would also take digits of other scripts; the input's Persian and Arabic
    // digits are already Latin by then.
    [GeneratedRegex(@"^(?<prefix>[A-Za-z]{2,3})[\s\u200C]*[-_\u2010-\u2015\u2212\u0640\uFE58\uFE63\uFF0D]?[\s\u200C]*(?<number>[0-9]{3,})\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
