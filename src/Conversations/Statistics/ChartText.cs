using System.Text;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// Text as the chart library needs it. With <c>LabelStyle.RTLSupport</c> ScottPlot shapes each label as one
/// right-to-left run through HarfBuzz: Persian letters join and words run right to left, but a number, which
/// the Unicode bidi algorithm would keep left to right inside Persian text, comes out reversed («۱۴۰۴» as
/// «۴۰۴۱»). So every run of digits (with the separators between them: ٫ ٬ / : . ,) is reversed beforehand,
/// and reads the right way round once drawn. Letters are left alone so HarfBuzz still joins them.
/// </summary>
public static class ChartText
{
    public static string Visual(string text)
    {
        var b = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                b.Append(text[i++]);
                continue;
            }

            var end = i;
            while (end + 1 < text.Length && (IsDigit(text[end + 1]) || (IsSeparator(text[end + 1]) && end + 2 < text.Length && IsDigit(text[end + 2]))))
                end++;
            for (var k = end; k >= i; k--) b.Append(text[k]);
            i = end + 1;
        }

        return b.ToString();
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '۰' and <= '۹' or >= '٠' and <= '٩';

    private static bool IsSeparator(char c) => c is '٫' or '٬' or '/' or ':' or '.' or ',';
}
