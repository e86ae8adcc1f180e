using System.Globalization;
using System.Text;

namespace Assembly.Conversations.Text;

/// <summary>Digits and invisible characters: what every input passes through and every output is shown in.</summary>
public static class PersianText
{
    private const string PersianDigits = "۰۱۲۳۴۵۶۷۸۹";

    /// <summary>Writes Latin (and Arabic-Indic) digits as Persian digits, for display.</summary>
    public static string ToPersianDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                >= '0' and <= '9' => PersianDigits[c - '0'],
                >= '٠' and <= '٩' => PersianDigits[c - '٠'],
                _ => c,
            });
        return sb.ToString();
    }

    public static string ToPersianDigits(long number) => ToPersianDigits(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads Persian (۰-۹) and Arabic (٠-٩) digits as Latin ones, for parsing.</summary>
    public static string ToLatinDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                _ => c,
            });
        return sb.ToString();
    }

    /// <summary>
    /// Removes characters that are invisible and carry no meaning in a member's text: zero-width space,
    /// joiner, word joiner, byte-order mark, and the bidi marks, embeddings, overrides and isolates that can
    /// make text display in a misleading order. Keeps the zero-width non-joiner (نیم‌فاصله), which is part of
    /// Persian spelling, except at the ends. Then trims white space.
    /// </summary>
    public static string CleanInput(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsMeaninglessInvisible(c))
                sb.Append(c);
        return sb.ToString().Trim().Trim('\u200C').Trim();
    }

    private static bool IsMeaninglessInvisible(char c) => c switch
    {
        '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
