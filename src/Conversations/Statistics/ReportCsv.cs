using System.Text;
using Assembly.Conversations.Text;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The export as CSV (RFC 4180: commas, CRLF, fields quoted when they hold a comma, quote or line break),
/// UTF-8 with a byte-order mark: without it Excel reads the bytes as the local code page and Persian turns
/// into noise.
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

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
