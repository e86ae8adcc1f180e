using Assembly.Conversations.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assembly.Conversations.Statistics;

/// <summary>
/// The export as an Excel workbook (.xlsx), written with the Open XML SDK: one sheet, read right to left,
/// Persian column titles in bold, the header row frozen and filterable, columns wide enough to read. Every cell
/// is an inline string but the two columns of counted numbers: nothing a member wrote is ever a formula or a
/// number (a description «=HYPERLINK(…)» is that text), and a phone is text in the local form with Latin digits,
/// its leading zero kept.
/// (ClosedXML 0.95.4, the version served here, measures text through System.Drawing and fails on Linux
/// without libgdiplus; the SDK needs nothing of the machine.)
/// </summary>
public static class ReportSpreadsheet
{
    public static byte[] Write(IReadOnlyList<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Texts.ExportColumns, header: true));
            for (var i = 0; i < rows.Count; i++) data.Append(Row((uint)i + 2, rows[i], header: false));

            var columns = new Columns(Texts.ExportColumns.Select((title, i) =>
            {
                var widest = rows.Select(r => r[i].Length).Append(title.Length).Max();
                return new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(widest * 1.1 + 2, 8, 60), CustomWidth = true };
            }));
            var view = new SheetView { RightToLeft = true, WorkbookViewId = 0 };
            view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            sheetPart.Worksheet = new Worksheet(new SheetViews(view), columns, data,
                new AutoFilter { Reference = $"A1:{ColumnName(Texts.ExportColumns.Length - 1)}{rows.Count + 1}" });
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = Texts.ExportSheetName });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, string[] values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ColumnName(i) + index;
            var value = ExportText.Clean(values[i]);
            if (!header && i == ExportRows.PhoneColumn) value = PersianText.ToLatinDigits(value);
            if (!header && ExportRows.NumberColumns.Contains(i) && value.Length > 0
                && double.TryParse(PersianText.ToLatinDigits(value).Replace('٫', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number), DataType = CellValues.Number });
                continue;
            }

            row.Append(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                StyleIndex = header ? 1u : 0u,
            });
        }

        return row;
    }

    /// <summary>A, B, … Z, AA, …</summary>
    public static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Style 0: plain; style 1: bold (the header).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
