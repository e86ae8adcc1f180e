using System.Text;

namespace Assembly.Conversations.Statistics;

/// <summary>What every cell of an export passes through, whichever its format.</summary>
public static class ExportText
{
    /// <summary>
    /// Removes the characters XML 1.0 forbids, which is what a spreadsheet is made of: C0 controls other than tab,
    /// line feed and carriage return, the noncharacters U+FFFE and U+FFFF, and half of a surrogate pair without
    /// the other half. The writer refuses the whole workbook for one such character, so a single odd description
    /// would otherwise leave a whole period without an export; the CSV drops them too, so both files say the same.
    /// </summary>
    public static string Clean(string value)
    {
        var i = 0;
        while (i < value.Length && IsAllowed(value, i, out var width)) i += width;
        if (i == value.Length) return value;

        var sb = new StringBuilder(value.Length);
        sb.Append(value, 0, i);
        while (i < value.Length)
        {
            if (IsAllowed(value, i, out var width)) sb.Append(value, i, width);
            i += width;
        }

        return sb.ToString();
    }

    /// <summary>Whether the character at <paramref name="i"/> may stay; <paramref name="width"/> is 2 for a whole surrogate pair.</summary>
    private static bool IsAllowed(string value, int i, out int width)
    {
        var c = value[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            width = 2;
            return true;
        }

        return c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
    }
}
