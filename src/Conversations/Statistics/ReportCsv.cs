using System.Text;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The export as CSV (RFC 4180: commas, CRLF, fields quoted when they hold a comma, quote or line break),
/// UTF-8 with a byte-order mark: without it Excel reads the bytes as the local code page and Persian turns
/// into noise. A CSV holds no types, so the spreadsheet that opens it guesses: a field that begins like a formula
/// is written with a leading apostrophe, and phone numbers come as <see cref="ExportRows"/> writes them, in the
/// local form in Persian digits, which no spreadsheet takes for a number or a formula.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(IReadOnlyList<string[]> rows)
    {
        var b = new StringBuilder();
        foreach (var row in rows.Prepend(Texts.ExportColumns))
            b.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(b.ToString())];
    }

    /// <summary>One field as written: cleaned (<see cref="ExportText.Clean"/>), defused, quoted when it must be.</summary>
    public static string Field(string value)
    {
        value = ExportText.Clean(value);
        // A member's description «=HYPERLINK(…)» would otherwise run as a formula in the reader's spreadsheet; the
        // apostrophe makes it text there, and shows as what it is anywhere else.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
