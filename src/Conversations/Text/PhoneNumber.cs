using System.Text;

namespace Assembly.Conversations.Text;

/// <summary>
/// Phone numbers as members type them and as messengers share them, normalised to E.164
/// (<c>+989123456789</c>) for storage and comparison, and written back in the local Persian form for display.
/// </summary>
/// <remarks>
/// An Iranian mobile number is the country code 98 followed by ten digits starting with 9. People write it
/// as <c>09123456789</c>, <c>9123456789</c>, <c>+989123456789</c>, <c>00989123456789</c> or
/// <c>989123456789</c>, in Persian, Arabic or Latin digits, grouped with spaces, dashes, dots or parentheses.
/// </remarks>
public static class PhoneNumber
{
    private const string IranCountryCode = "98";

    /// <summary>
    /// Reads an Iranian mobile number typed by a person. Accepts Persian, Arabic and Latin digits; an optional
    /// <c>+98</c>, <c>0098</c> or <c>98</c> prefix, or a leading trunk <c>0</c> (also after the country code, as
    /// in <c>+98 (0) 912…</c>); and spaces, dashes, dots and parentheses between the digits. Refuses anything
    /// containing letters or other symbols, landlines, other countries, and numbers of the wrong length.
    /// </summary>
    /// <param name="input">What the member typed.</param>
    /// <param name="normalized">The number as <c>+989XXXXXXXXX</c>, or empty when refused.</param>
    public static bool TryNormalizeTyped(string? input, out string normalized)
    {
        normalized = "";
        if (!TrySplit(input, out var hasPlus, out var digits)) return false;

        string national;
        if (hasPlus)
        {
            // With a plus sign the country code must be written, and it must be Iran's.
            if (!digits.StartsWith(IranCountryCode, StringComparison.Ordinal)) return false;
            national = digits[IranCountryCode.Length..];
        }
        else if (digits.StartsWith("00" + IranCountryCode, StringComparison.Ordinal))
            national = digits[4..];
        else if (digits.Length == 12 && digits.StartsWith(IranCountryCode, StringComparison.Ordinal))
            national = digits[2..]; // 98 + ten digits; a bare ten-digit 98… is a local number, handled below
        else
            national = digits;

        // The trunk prefix: 0912…, and the occasional +98 0912….
        if (national.Length == 11 && national[0] == '0')
            national = national[1..];

        if (!IsIranianMobile(national)) return false;
        normalized = "+" + IranCountryCode + national;
        return true;
    }

    /// <summary>
    /// Reads the number of a contact shared through a messenger. Those come in international form, with or
    /// without the <c>+</c> (Telegram sends <c>989123456789</c>), and may belong to any country.
    /// Iranian mobiles are recognised in every form <see cref="TryNormalizeTyped"/> accepts; any other number
    /// becomes <c>+</c> followed by its 7–15 digits (an optional <c>00</c> international prefix is dropped).
    /// </summary>
    /// <remarks>
    /// Because a typed form is tried first, a ten-digit number starting with 9 and no <c>+</c> is read as an
    /// Iranian mobile without its 0 (<c>9123456789</c> → <c>+989123456789</c>), never as a short foreign number.
    /// A number starting with a single 0 is a local form, not an international one, so only an Iranian mobile
    /// is accepted from it.
    /// </remarks>
    /// <param name="input">The <c>phone_number</c> of the shared contact.</param>
    /// <param name="normalized">The number in E.164, or empty when refused.</param>
    public static bool TryNormalizeShared(string? input, out string normalized)
    {
        if (TryNormalizeTyped(input, out normalized)) return true;

        normalized = "";
        if (!TrySplit(input, out var hasPlus, out var digits)) return false;
        if (!hasPlus && digits.StartsWith("00", StringComparison.Ordinal))
            digits = digits[2..];

        // E.164: a country code never starts with 0, and the whole number is at most 15 digits.
        if (digits.Length is < 7 or > 15 || digits[0] == '0') return false;
        normalized = "+" + digits;
        return true;
    }

    /// <summary>
    /// Writes an E.164 number for people to read, in Persian digits: Iranian numbers in the local form
    /// (<c>+989123456789</c> → <c>۰۹۱۲۳۴۵۶۷۸۹</c>), other countries with their <c>+</c>
    /// (<c>+447700900123</c> → <c>+۴۴۷۷۰۰۹۰۰۱۲۳</c>). Anything else is returned with its digits made Persian.
    /// </summary>
    /// <remarks>
    /// In a right-to-left paragraph the <c>+</c> of a foreign number may be drawn on the right of the digits;
    /// callers that care can wrap the result in a left-to-right isolate (U+2066 … U+2069).
    /// </remarks>
    public static string Display(string e164)
    {
        if (e164.StartsWith("+" + IranCountryCode, StringComparison.Ordinal) && e164.Length > 3)
            return PersianText.ToPersianDigits("0" + e164[3..]);
        return PersianText.ToPersianDigits(e164);
    }

    private static bool IsIranianMobile(string national) =>
        national.Length == 10 && national[0] == '9' && national.All(char.IsAsciiDigit);

    /// <summary>
    /// Cleans the input, reads its digits as Latin and drops the separators people put between groups.
    /// Fails on empty input, on anything that is not a digit, separator or a single leading <c>+</c>.
    /// </summary>
    private static bool TrySplit(string? input, out bool hasPlus, out string digits)
    {
        hasPlus = false;
        digits = "";
        var text = PersianText.ToLatinDigits(PersianText.CleanInput(input));
        if (text.Length == 0) return false;

        if (text[0] == '+')
        {
            hasPlus = true;
            text = text[1..];
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) sb.Append(c);
            else if (!IsSeparator(c)) return false; // letters, a second '+', other symbols
        }

        digits = sb.ToString();
        return digits.Length > 0;
    }

    /// <summary>Space (any kind, including the non-joiner), dashes of every width, dot, parentheses.</summary>
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '\u200C' or '-' or '.' or '(' or ')' or (>= '\u2010' and <= '\u2015') or '\u2212';
}
