using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>
/// Builds a small XLSX as Excel would save it: text cells, number cells (as a NIP typed into Excel
/// without the text format becomes) and date cells (a number with a date format).
/// </summary>
public static class XlsxBuilder
{
    public static byte[] Build(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, bool sharedStrings = true)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var strings = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetData = new SheetData();
            var all = new List<IReadOnlyList<object?>> { headers.Cast<object?>().ToList() };
            all.AddRange(rows);
            for (var r = 0; r < all.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < all[r].Count; c++)
                {
                    var reference = Column(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (all[r][c])
                    {
                        case null:
                            break;
                        case string s when sharedStrings:
                            if (!index.TryGetValue(s, out var i))
                            {
                                i = strings.Count;
                                strings.Add(s);
                                index[s] = i;
                            }
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case string s:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) });
                            break;
                        case DateOnly d:
                            var serial = (d.ToDateTime(TimeOnly.MinValue) - new DateTime(1899, 12, 30)).TotalDays;
                            row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(serial.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case decimal n:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case var other:
                            throw new ArgumentException($"Unsupported cell value {other}.");
                    }
                }
                sheetData.Append(row);
            }
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(sheetData);
            if (sharedStrings)
            {
                var sst = workbook.AddNewPart<SharedStringTablePart>();
                sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Data ASN" }));
            workbook.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }
}
