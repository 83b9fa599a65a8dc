using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Employees;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AgentProgram.Tests.Features.Exports;

/// <summary>One XLSX cell as read back: its text (inline string or number as stored), whether it is a numeric cell, its style.</summary>
public sealed record XlsxCell(string Text, bool IsNumber, uint Style, bool HasFormula);

/// <summary>Reads the page tables and the CSV/XLSX downloads the export tests compare.</summary>
public static partial class ExportKit
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [GeneratedRegex("<th[^>]*>(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>
    /// The header texts of a page table (the first, or the one whose opening tag holds <paramref name="marker"/>),
    /// without the columns that hold only controls: a select-all checkbox (no text) and "Tindakan".
    /// </summary>
    public static List<string> PageHeaders(string html, string? marker = null)
    {
        var start = marker is null ? html.IndexOf("<table", StringComparison.Ordinal) : html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "No table on the page.");
        var head = html.IndexOf("<thead>", start, StringComparison.Ordinal);
        var end = html.IndexOf("</thead>", head, StringComparison.Ordinal);
        return [.. HeaderCell().Matches(html[head..end])
            .Select(m => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, "")), " ").Trim())
            .Where(t => t.Length > 0 && t != "Tindakan")];
    }

    /// <summary>Every page column is in the export, under the page's text, in the page's order (split-out columns may sit between).</summary>
    public static void AssertPageColumnsInOrder(IReadOnlyList<string> page, IReadOnlyList<string> export)
    {
        var at = -1;
        foreach (var header in page)
        {
            var next = export.ToList().FindIndex(at + 1, h => h == header);
            Assert.True(next > at, $"Page column \"{header}\" is missing from the export, or out of order. Export: {string.Join(" | ", export)}");
            at = next;
        }
    }

    public static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        return response;
    }

    /// <summary>The CSV download: checks the byte-order mark and returns the rows (header first).</summary>
    public static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        var response = await DownloadAsync(client, url, "text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return OrgTestKit.ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
    }

    public static async Task<List<List<XlsxCell?>>> XlsxAsync(HttpClient client, string url)
    {
        var response = await DownloadAsync(client, url, XlsxType);
        return ReadXlsx(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The first sheet's rows, each cell placed at its column (missing cells are null).</summary>
    public static List<List<XlsxCell?>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = new List<List<XlsxCell?>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new List<XlsxCell?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column) cells.Add(null);
                var isText = cell.DataType?.Value == CellValues.InlineString || cell.DataType?.Value == CellValues.String || cell.DataType?.Value == CellValues.SharedString;
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
                cells.Add(new XlsxCell(text, !isText, cell.StyleIndex?.Value ?? 0, cell.CellFormula is not null));
            }
            rows.Add(cells);
        }
        return rows;
    }

    /// <summary>The texts of one XLSX row, "" for a missing cell, padded to <paramref name="width"/> (empty trailing cells are not written).</summary>
    public static List<string> Texts(IReadOnlyList<XlsxCell?> row, int width) =>
        [.. row.Select(c => c?.Text ?? "").Concat(Enumerable.Repeat("", Math.Max(0, width - row.Count)))];

    public static List<string> Texts(IReadOnlyList<XlsxCell?> row) => Texts(row, 0);

    public static string SheetName(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        return doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First().Name!.Value!;
    }

    /// <summary>An XLSX date or date-time cell as the CSV writes it (yyyy-MM-dd or yyyy-MM-dd HH:mm).</summary>
    public static string DateText(XlsxCell cell, bool withTime)
    {
        Assert.True(cell.IsNumber, "A date cell is a number (an Excel serial date).");
        var date = DateTime.FromOADate(double.Parse(cell.Text, CultureInfo.InvariantCulture));
        return date.ToString(withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetterUpper)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }

    /// <summary>The column's values in the CSV rows (header row skipped).</summary>
    public static List<string> Column(List<List<string>> csv, string header)
    {
        var i = csv[0].IndexOf(header);
        Assert.True(i >= 0, $"No column \"{header}\" in {string.Join(" | ", csv[0])}");
        return [.. csv.Skip(1).Select(r => r[i])];
    }
}
