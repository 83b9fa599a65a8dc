using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an XLSX, read as a stream of rows (OpenXmlReader; only one row's cells in
/// memory at a time, plus the shared string table). Cells come back as the text a person sees:
/// text as typed; numbers as Excel keeps them, with at most 15 significant digits
/// (<c>198609262015051001</c> typed as a number comes back as <c>1.98609262015051E+17</c>, which the
/// NIP rules recognise as Excel damage); cells formatted as dates as <c>yyyy-MM-dd</c>.
/// </summary>
public sealed class XlsxTabularReader : ITabularReader
{
    private readonly Stream _stream;
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;
    private string?[] _cells = new string?[64];
    private int _count;

    public XlsxTabularReader(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        try
        {
            _document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = 1_000_000_000 });
            var workbook = _document.WorkbookPart ?? throw new ImportFileException(ImportTexts.FileXlsxUnreadable);
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible)
                        ?? throw new ImportFileException(ImportTexts.FileXlsxNoSheet);
            if (sheet.Id?.Value is not { } relId || workbook.GetPartById(relId) is not WorksheetPart worksheet)
                throw new ImportFileException(ImportTexts.FileXlsxNoSheet);
            _date1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
            _sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
            _dateStyles = ReadDateStyles(workbook.WorkbookStylesPart);
            _reader = OpenXmlReader.Create(worksheet);
            Headers = NextRow() ? [.. Enumerable.Range(0, _count).Select(i => _cells[i]?.Trim() ?? "")] : [];
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            Dispose();
            throw new ImportFileException(ImportTexts.FileXlsxUnreadable);
        }
    }

    public IReadOnlyList<string> Headers { get; } = [];

    public int RowNumber { get; private set; }

    public int FieldCount => _count;

    public string? this[int index] => index < _count ? _cells[index] : null;

    public bool Read()
    {
        try
        {
            return NextRow();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException)
        {
            throw new ImportFileException(ImportTexts.FileXlsxUnreadable);
        }
    }

    /// <summary>Advances to the next row that has at least one non-blank cell.</summary>
    private bool NextRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
            var row = (Row)_reader.LoadCurrentElement()!;
            RowNumber = row.RowIndex?.Value is { } r ? (int)r : RowNumber + 1;
            Array.Clear(_cells, 0, _count);
            _count = 0;
            var next = 0;
            var any = false;
            foreach (var cell in row.Elements<Cell>())
            {
                var col = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                next = col + 1;
                if (col >= 16_384) continue;
                if (col >= _cells.Length) Array.Resize(ref _cells, Math.Max(col + 1, _cells.Length * 2));
                var text = CellText(cell);
                _cells[col] = text;
                if (col + 1 > _count) _count = col + 1;
                any |= !string.IsNullOrWhiteSpace(text);
            }
            if (any) return true;
        }
        return false;
    }

    private string? CellText(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? ItemText(inline) : null;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length ? _sharedStrings[i] : null;
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Boolean) return raw;
        if (type == CellValues.Date) return raw.Length >= 10 ? raw[..10] : raw;

        // A number. What Excel holds is a double: at most 15 significant digits survive.
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        var style = cell.StyleIndex?.Value is { } s ? (int)s : 0;
        if (style < _dateStyles.Length && _dateStyles[style] && number is >= 1 and < 2_958_466)
        {
            var date = new DateTime(1899, 12, 30).AddDays(Math.Floor(number) + (_date1904 ? 1462 : 0));
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }

    private static string ItemText(OpenXmlElement item)
    {
        // Plain text, or rich-text runs; phonetic hints (rPh) are not part of the value.
        if (item.GetFirstChild<Text>() is { } text) return text.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null) return [];
        var list = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(ItemText(reader.LoadCurrentElement()!));
        }
        return [.. list];
    }

    /// <summary>Which cell styles show a number as a date (built-in formats 14–17, 22, 27–36, 50–58, or a custom format with y or d).</summary>
    private static bool[] ReadDateStyles(WorkbookStylesPart? part)
    {
        var stylesheet = part?.Stylesheet;
        if (stylesheet?.CellFormats is null) return [];
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        return [.. stylesheet.CellFormats.Elements<CellFormat>().Select(f =>
        {
            var id = f.NumberFormatId?.Value ?? 0;
            if (custom.TryGetValue(id, out var code)) return IsDateFormatCode(code);
            return id is >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58;
        })];
    }

    internal static bool IsDateFormatCode(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && c is 'y' or 'Y' or 'd' or 'D') return true;
        }
        return false;
    }

    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') index = (index * 26) + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') index = (index * 26) + (c - 'a' + 1);
            else break;
        }
        return index - 1;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _document?.Dispose();
        _stream.Dispose();
    }
}
