using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AgentProgram.Web.Infrastructure.Web;

/// <summary>
/// The one XLSX writer for every export: one worksheet, a bold header row that stays frozen and
/// carries an autofilter, column widths fitted to the contents. The rows are streamed with
/// <see cref="OpenXmlWriter"/> (no DOM of the sheet). Cell types:
/// <list type="bullet">
/// <item>text is an inline string (t="inlineStr"): Excel never evaluates it, so a value starting
/// with "=" stays text and needs no apostrophe (unlike <see cref="Csv"/>);</item>
/// <item>numbers are numeric cells (whole numbers as #,##0, others as #,##0.00), so they sum and sort;</item>
/// <item>dates and times are real Excel dates (serial numbers) in the institution's time zone,
/// formatted yyyy-mm-dd and yyyy-mm-dd hh:mm: the same text the CSV holds, and unambiguous in any locale.</item>
/// </list>
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel refuses longer cell texts.</summary>
    public const int MaxCellText = 32_767;

    // Cell formats (cellXfs), in the order Stylesheet() writes them.
    private const uint StyleHeader = 1;
    private const uint StyleDate = 2;
    private const uint StyleDateTime = 3;
    private const uint StyleWhole = 4;
    private const uint StyleDecimal = 5;

    public static byte[] Write(ExportTable table)
    {
        using var ms = new MemoryStream();
        Write(ms, table);
        return ms.ToArray();
    }

    public static void Write(Stream output, ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        var sheetName = SheetName(table.Title);
        var columnCount = table.Columns.Count;
        var lastCell = ColumnName(Math.Max(columnCount, 1) - 1) + (table.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }),
            new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:{Absolute(lastCell)}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));

        using var w = OpenXmlWriter.Create(sheetPart);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        {
            TabSelected = true, WorkbookViewId = 0,
        }));
        if (columnCount > 0) w.WriteElement(new Columns(Widths(table).Select((width, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true,
        })));

        w.WriteStartElement(new SheetData());
        var rowIndex = 1;
        WriteRow(w, rowIndex, table.Columns.Select(c => (object?)c.Header).ToArray(), table.Columns, header: true);
        foreach (var row in table.Rows)
            WriteRow(w, ++rowIndex, row, table.Columns, header: false);
        w.WriteEndElement();

        if (columnCount > 0) w.WriteElement(new AutoFilter { Reference = "A1:" + lastCell });
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, int rowIndex, IReadOnlyList<object?> values, IReadOnlyList<ExportColumn> columns, bool header)
    {
        var r = rowIndex.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var c = 0; c < columns.Count; c++)
        {
            var value = c < values.Count ? values[c] : null;
            if (value is null) continue;
            var reference = ColumnName(c) + r;
            if (header)
            {
                WriteText(w, reference, value.ToString() ?? "", StyleHeader);
                continue;
            }
            switch (columns[c].Kind, value)
            {
                case (CellKind.Number, decimal n):
                    WriteNumber(w, reference, ExportTable.Text(CellKind.Number, n), decimal.Truncate(n) == n ? StyleWhole : StyleDecimal);
                    break;
                case (CellKind.Date, DateOnly d):
                    WriteNumber(w, reference, d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture), StyleDate);
                    break;
                case (CellKind.DateTime, DateTime t):
                    // Whole minutes, as shown: the serial of 14:30 must not carry stray seconds.
                    var minutes = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Unspecified);
                    WriteNumber(w, reference, minutes.ToOADate().ToString("R", CultureInfo.InvariantCulture), StyleDateTime);
                    break;
                default:
                    WriteText(w, reference, ExportTable.Text(columns[c].Kind, value), null);
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static void WriteText(OpenXmlWriter w, string reference, string text, uint? style)
    {
        var clean = Clean(text);
        var attributes = new List<OpenXmlAttribute> { new("r", "", reference), new("t", "", "inlineStr") };
        if (style is { } s) attributes.Add(new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture)));
        w.WriteStartElement(new Cell(), attributes);
        w.WriteStartElement(new InlineString());
        w.WriteElement(clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))
            ? new Text(clean) { Space = SpaceProcessingModeValues.Preserve }
            : new Text(clean));
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteNumber(OpenXmlWriter w, string reference, string number, uint style)
    {
        w.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture))]);
        w.WriteElement(new CellValue(number));
        w.WriteEndElement();
    }

    /// <summary>Characters XML 1.0 cannot carry are dropped; text longer than Excel allows is cut.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var ok = ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok)
            {
                sb?.Append(ch);
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length);
        }
        var result = sb?.ToString() ?? text;
        if (result.Length <= MaxCellText) return result;
        var cut = MaxCellText;
        if (char.IsHighSurrogate(result[cut - 1])) cut--;
        return result[..cut];
    }

    /// <summary>Widths in characters: the longest value in the column (header included), between 8 and 60.</summary>
    private static IEnumerable<double> Widths(ExportTable table)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var longest = column.Header.Length + 2;   // room for the autofilter button
            var fixedWidth = column.Kind switch { CellKind.Date => 11, CellKind.DateTime => 17, CellKind.Number => 12, _ => 0 };
            if (fixedWidth > 0) longest = Math.Max(longest, fixedWidth);
            else
            {
                foreach (var row in table.Rows)
                {
                    if (c < row.Length && row[c] is { } v)
                        longest = Math.Max(longest, Math.Min(LongestLine(ExportTable.Text(column.Kind, v)), 60));
                    if (longest >= 60) break;
                }
            }
            yield return Math.Clamp(longest + 1, 8, 60);
        }
    }

    private static int LongestLine(string s)
    {
        var longest = 0;
        foreach (var line in s.Split('\n')) longest = Math.Max(longest, line.Length);
        return longest;
    }

    /// <summary>Excel's sheet name rules: at most 31 characters, none of : \ / ? * [ ], not empty, no leading or trailing apostrophe.</summary>
    internal static string SheetName(string? title)
    {
        var chars = (title ?? "").Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(ch) ? ' ' : ch).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length > 31) name = name[..31].TrimEnd();
        return name.Length == 0 ? "Data" : name;
    }

    /// <summary>A, B, … Z, AA, AB, … for a zero-based column index.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string Absolute(string cell)
    {
        var split = 0;
        while (split < cell.Length && !char.IsAsciiDigit(cell[split])) split++;
        return "$" + cell[..split] + "$" + cell[split..];
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
