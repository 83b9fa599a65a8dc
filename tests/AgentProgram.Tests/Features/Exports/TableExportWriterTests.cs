using System.Globalization;
using System.Text;
using AgentProgram.Tests.Features.Employees;
using AgentProgram.Web.Infrastructure.Web;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using static AgentProgram.Tests.Features.Exports.ExportKit;

namespace AgentProgram.Tests.Features.Exports;

/// <summary>The export writers on hand-built rows: the CSV's bytes and quoting, the XLSX read back cell by cell.</summary>
public sealed class TableExportWriterTests
{
    private sealed record Row(string Name, string? Note, decimal? Amount, DateOnly? Day, DateTime? At);

    private static readonly Row[] Rows =
    [
        new("Sari, S.Kom.", "Kata \"kunci\"\nbaris dua", 1_500_000m, new DateOnly(2026, 11, 22), new DateTime(2026, 11, 22, 14, 30, 0)),
        new("=HYPERLINK(\"http://jahat.example\")", "+62 812", 12.5m, null, null),
        new("@SUM(A1:A9)", "-1", 0m, new DateOnly(2026, 1, 2), new DateTime(2026, 1, 2, 0, 5, 0)),
    ];

    private static ExportTable Table(int limit = int.MaxValue) => new ExportColumns<Row>()
        .Text("Nama", r => r.Name)
        .Text("Catatan", r => r.Note)
        .Number("Jumlah", r => r.Amount)
        .Date("Tanggal", r => r.Day)
        .DateTime("Waktu", r => r.At)
        .Table("Daftar: Uji [1]", Rows, limit);

    [Fact]
    public void Csv_is_utf8_with_a_bom_crlf_rows_rfc4180_quoting_typed_values_and_the_injection_guard()
    {
        var bytes = Table().ToCsv();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Nama,Catatan,Jumlah,Tanggal,Waktu\r\n", text, StringComparison.Ordinal);
        // The comma and the quotes and line break inside a cell are quoted; quotes doubled.
        Assert.Contains("\"Sari, S.Kom.\",\"Kata \"\"kunci\"\"\nbaris dua\",1500000,2026-11-22,2026-11-22 14:30\r\n", text, StringComparison.Ordinal);

        var rows = OrgTestKit.ParseCsv(text);
        Assert.Equal(4, rows.Count);
        // Values a spreadsheet would run as formulas start with an apostrophe.
        Assert.Equal("'=HYPERLINK(\"http://jahat.example\")", rows[2][0]);
        Assert.Equal("'+62 812", rows[2][1]);
        Assert.Equal("12.5", rows[2][2]);
        Assert.Equal(["", ""], rows[2][3..]);
        Assert.Equal("'@SUM(A1:A9)", rows[3][0]);
        Assert.Equal("'-1", rows[3][1]);
        Assert.Equal(["0", "2026-01-02", "2026-01-02 00:05"], rows[3][2..]);
    }

    [Fact]
    public void Xlsx_reads_back_with_the_same_headers_and_values_numbers_and_dates_as_numeric_cells_and_text_never_a_formula()
    {
        var bytes = Table().ToXlsx();
        var rows = ReadXlsx(bytes);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Nama", "Catatan", "Jumlah", "Tanggal", "Waktu"], Texts(rows[0]));

        var first = rows[1];
        Assert.Equal("Sari, S.Kom.", first[0]!.Text);
        Assert.Equal("Kata \"kunci\"\nbaris dua", first[1]!.Text);
        Assert.True(first[2]!.IsNumber);
        Assert.Equal(1_500_000m, decimal.Parse(first[2]!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("2026-11-22", DateText(first[3]!, withTime: false));
        Assert.Equal("2026-11-22 14:30", DateText(first[4]!, withTime: true));

        // A text starting with "=" is an inline string as typed (no apostrophe needed), never a formula.
        var second = rows[2];
        Assert.Equal("=HYPERLINK(\"http://jahat.example\")", second[0]!.Text);
        Assert.False(second[0]!.IsNumber);
        Assert.False(second[0]!.HasFormula);
        Assert.Equal("+62 812", second[1]!.Text);
        Assert.Equal(12.5m, decimal.Parse(second[2]!.Text, CultureInfo.InvariantCulture));
        Assert.Null(second.ElementAtOrDefault(3));   // empty date: no cell
        Assert.Equal("-1", rows[3][1]!.Text);
        Assert.False(rows[3][1]!.IsNumber);
        Assert.True(rows[3][2]!.IsNumber);
        Assert.Equal("0", rows[3][2]!.Text);

        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        var sheet = doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Daftar  Uji  1", sheet.Name!.Value);   // Excel forbids : [ ] in sheet names
        var worksheet = doc.WorkbookPart.WorksheetParts.Single().Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Contains("ySplit=\"1\"", pane.OuterXml, StringComparison.Ordinal);   // the header row stays in view
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:E4", worksheet.Elements<AutoFilter>().Single().Reference!.Value);

        var styles = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        Assert.All(rows[0], c => Assert.NotNull(fonts[(int)formats[(int)c!.Style].FontId!.Value].Bold));
        string FormatOf(XlsxCell c)
        {
            var id = formats[(int)c.Style].NumberFormatId!.Value;
            return styles.NumberingFormats!.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value
                ?? id.ToString(CultureInfo.InvariantCulture);
        }
        Assert.Equal("yyyy-mm-dd", FormatOf(first[3]!));
        Assert.Equal("yyyy-mm-dd hh:mm", FormatOf(first[4]!));
        Assert.Equal("3", FormatOf(first[2]!));    // #,##0 for whole numbers
        Assert.Equal("4", FormatOf(second[2]!));   // #,##0.00 otherwise

        // Valid against the OOXML schema: Excel opens it without offering to repair it.
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => e.Description));
    }

    [Fact]
    public void A_table_given_more_rows_than_its_limit_is_marked_truncated()
    {
        var cut = Table(limit: 2);
        Assert.True(cut.Truncated);
        Assert.Equal(2, cut.Rows.Count);
        var whole = Table(limit: 3);
        Assert.False(whole.Truncated);
        Assert.Equal(3, whole.Rows.Count);
    }

    [Fact]
    public void Xlsx_drops_characters_xml_cannot_carry_and_names_columns_like_excel()
    {
        Assert.Equal("ab\tc\nd😀", Xlsx.Clean("a\u0001b\tc\nd\u0008😀\uFFFE"));
        Assert.Equal(Xlsx.MaxCellText, Xlsx.Clean(new string('x', 40_000)).Length);
        Assert.Equal(["A", "Z", "AA", "AZ", "ZZ", "AAA"], new[] { 0, 25, 26, 51, 701, 702 }.Select(Xlsx.ColumnName));
        Assert.Equal("Data", Xlsx.SheetName(" :/ "));
        Assert.Equal(31, Xlsx.SheetName(new string('P', 40)).Length);

        var bytes = new ExportColumns<string>().Text("Teks", s => s).Table("Uji", ["a\u0002b"]).ToXlsx();
        Assert.Equal("ab", ReadXlsx(bytes)[1][0]!.Text);
    }

    [Fact]
    public void Export_links_keep_the_filters_and_drop_the_page_number()
    {
        var links = new ExportLinks("/pesan?q=vaksin%20anak&status=Published&hal=3");
        Assert.Equal("/pesan/ekspor", links.Action);
        Assert.Equal("/pesan/ekspor?q=vaksin%20anak&status=Published", links.CsvUrl);
        Assert.Equal("/pesan/ekspor?q=vaksin%20anak&status=Published&format=xlsx", links.XlsxUrl);
        Assert.Equal("/periode-penghargaan/7/ekspor?format=xlsx", new ExportLinks("/periode-penghargaan/7").XlsxUrl);
        Assert.Equal(ExportFormat.Csv, TableExport.ParseFormat(null));
        Assert.Equal(ExportFormat.Xlsx, TableExport.ParseFormat("XLSX"));
        Assert.Null(TableExport.ParseFormat("pdf"));
    }
}
