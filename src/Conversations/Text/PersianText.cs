using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assembly.Conversations.Text;

/// <summary>Digits and invisible characters: what every input passes through and every output is shown in.</summary>
public static partial class PersianText
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
    /// joiner, word joiner, byte-order mark, the bidi marks, embeddings, overrides and isolates that can
    /// make text display in a misleading order, control characters (all but the tab and the line feed),
    /// the noncharacters U+FFFE and U+FFFF and halves of broken surrogate pairs. Every kind of line break
    /// (CR LF, CR, vertical tab, form feed, U+0085, U+2028, U+2029) becomes one line feed, so a later
    /// check sees a line break as a line break. Keeps the zero-width non-joiner (نیم‌فاصله), which is part
    /// of Persian spelling, except at the ends. Then trims white space.
    /// </summary>
    public static string CleanInput(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (IsLineBreak(c))
            {
                sb.Append('\n');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !IsMeaninglessInvisible(c) && !IsForbiddenControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim().Trim('\u200C').Trim();
    }

    /// <summary>
    /// A field that is one line where people read it (a name, a place): every line break, with the white space
    /// around it, becomes one space. A member who could put a line break in their name could make a staff post
    /// seem to hold a line of ours («گزارش‌دهنده: …») under it.
    /// </summary>
    public static string SingleLine(string text) => LineBreaks().Replace(text, " ").Trim();

    /// <summary>
    /// A letter a reader sees: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters to Unicode but
    /// draw nothing, and the Arabic tatweel (ـ) only stretches the letters beside it. A name made of them would
    /// pass for a name and show as blank.
    /// </summary>
    public static bool IsVisibleLetter(char c) =>
        char.IsLetter(c) && c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u0640');

    /// <summary>A visible letter (<see cref="IsVisibleLetter"/>) or a digit of any script.</summary>
    public static bool IsVisibleLetterOrDigit(char c) => IsVisibleLetter(c) || char.IsDigit(c);

    private static bool IsMeaninglessInvisible(char c) => c switch
    {
        '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C' or '\u180E' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2061' and <= '\u2064' => true, // invisible operators
        >= '\u2066' and <= '\u206F' => true, // isolates and the deprecated shaping controls
        _ => false,
    };

    private static bool IsLineBreak(char c) => c is '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>C0 and C1 controls and DEL, but the tab and line feed; the two noncharacters no text may hold.</summary>
    private static bool IsForbiddenControl(char c) => (char.IsControl(c) && c is not ('\t' or '\n')) || c is '\uFFFE' or '\uFFFF';

    [GeneratedRegex(@"\s*[\r\n\v\f\u0085\u2028\u2029]+\s*")]
    private static partial Regex LineBreaks();
}
