using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace AgentProgram.Web.Infrastructure.Imports;

public enum TabularFormat
{
    Csv = 1,
    Xlsx = 2,
}

/// <summary>
/// A table read row by row: the header row first (at open), then data rows. Only the cells a caller
/// asks for by index are turned into strings where the format allows it (CSV), so columns the import
/// drops (NIK, NPWP…) are never materialised beyond the parser's own buffer.
/// </summary>
public interface ITabularReader : IDisposable
{
    /// <summary>The header row as written in the file (trimmed; empty for a blank header cell).</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary>Moves to the next data row, skipping empty lines. False at the end.</summary>
    bool Read();

    /// <summary>The row number a person sees in Excel for the current row (the header is row 1 in a plain file).</summary>
    int RowNumber { get; }

    int FieldCount { get; }

    /// <summary>A cell of the current row; null beyond the row's end.</summary>
    string? this[int index] { get; }
}

/// <summary>The current row of a reader as a list, for <c>HeaderMap.ValueOf</c>. Cells are read when asked.</summary>
public sealed class RowView(ITabularReader reader) : IReadOnlyList<string?>
{
    public string? this[int index] => reader[index];

    public int Count => reader.FieldCount;

    public IEnumerator<string?> GetEnumerator()
    {
        for (var i = 0; i < reader.FieldCount; i++) yield return reader[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Recognises an uploaded or operator-supplied file by its content, never by its name: XLSX is a zip
/// (<c>PK\x03\x04</c>) holding <c>xl/workbook.xml</c>; CSV is UTF-8 text without NUL bytes. Everything
/// else is refused with a message saying what the file seems to be and what to upload instead.
/// </summary>
public static class TabularFiles
{
    /// <summary>Data rows a file may hold: a large ministry has about 80 000 ASN; this leaves room, and bounds zip bombs.</summary>
    public const int MaxDataRows = 250_000;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[][] ImagesAndPdf =
    [
        [0x89, 0x50, 0x4E, 0x47], // PNG
        [0xFF, 0xD8, 0xFF],       // JPEG
        [0x47, 0x49, 0x46, 0x38], // GIF
        [0x25, 0x50, 0x44, 0x46], // %PDF
        [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
    ];

    /// <summary>Decides the format of a seekable stream (left at position 0) or throws <see cref="ImportFileException"/>.</summary>
    public static TabularFormat Inspect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        stream.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        stream.Position = 0;
        if (n == 0) throw new ImportFileException(ImportTexts.FileEmpty);

        if (head.StartsWith(Zip))
        {
            var isWorkbook = false;
            try
            {
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                isWorkbook = zip.GetEntry("xl/workbook.xml") is not null;
            }
            // A truncated zip makes ZipArchive seek before the start: upload streams throw ArgumentOutOfRangeException or IOException for that.
            catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IOException)
            {
                throw new ImportFileException(ImportTexts.FileXlsxUnreadable);
            }
            finally
            {
                stream.Position = 0;
            }
            return isWorkbook ? TabularFormat.Xlsx : throw new ImportFileException(ImportTexts.FileZipNotXlsx);
        }
        if (head.StartsWith(Ole2)) throw new ImportFileException(ImportTexts.FileOldExcel);
        foreach (var signature in ImagesAndPdf)
            if (head.StartsWith(signature)) throw new ImportFileException(ImportTexts.FileImageOrPdf);

        EnsureUtf8Text(stream);
        return TabularFormat.Csv;
    }

    /// <summary>Opens a reader for an inspected stream. The reader owns the stream.</summary>
    public static ITabularReader Open(Stream stream, TabularFormat format) => format switch
    {
        TabularFormat.Xlsx => new XlsxTabularReader(stream),
        _ => new CsvTabularReader(stream),
    };

    /// <summary>One pass over the bytes: valid UTF-8 and no NUL (UTF-16 "Unicode text" from Excel has NULs).</summary>
    private static void EnsureUtf8Text(Stream stream)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (buffer.AsSpan(0, read).Contains((byte)0)) throw new ImportFileException(ImportTexts.FileNotUtf8Text);
                decoder.GetCharCount(buffer, 0, read, flush: false);
            }
            decoder.GetCharCount([], 0, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(ImportTexts.FileNotUtf8Text);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}

/// <summary>
/// CSV in UTF-8, with or without BOM, comma or semicolon (whichever the header line uses more
/// outside quotes; Indonesian Excel writes semicolons), RFC 4180 quoting. Row numbers count
/// records as Excel shows them: a blank line is a row, a quoted line break is not. Only the fields
/// asked for are decoded into strings (CsvHelper reads the others as spans of its buffer).
/// </summary>
public sealed class CsvTabularReader : ITabularReader
{
    private readonly CsvReader _csv;
    private int _row;

    public CsvTabularReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Separator = DetectSeparator(stream);
        _csv = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = Separator,
            HasHeader = false,
            SkipEmptyLines = false,
            PoolStrings = true,
            IncludeValuesInExceptions = false,
            MaxRecordSize = 4 * 1024 * 1024,
        }, leaveOpen: false);
        var headers = new List<string>();
        while (Next())
        {
            if (IsBlankLine()) continue;
            for (var i = 0; i < _csv.FieldCount; i++) headers.Add(_csv.GetString(i).Trim());
            break;
        }
        Headers = headers;
    }

    public char Separator { get; }

    public IReadOnlyList<string> Headers { get; }

    public int RowNumber => _row;

    public int FieldCount => _csv.FieldCount;

    public string? this[int index] => index < _csv.FieldCount && !_csv.IsEmpty(index) ? _csv.GetString(index) : null;

    public bool Read()
    {
        while (Next())
        {
            if (!IsBlankLine()) return true;
        }
        return false;
    }

    private bool Next()
    {
        try
        {
            if (!_csv.Read()) return false;
            _row++;
            return true;
        }
        catch (CsvFormatException)
        {
            throw new ImportFileException(ImportTexts.FileCsvMalformed, _row + 1);
        }
    }

    private bool IsBlankLine() => _csv.FieldCount == 0 || (_csv.FieldCount == 1 && string.IsNullOrWhiteSpace(_csv.GetString(0)));

    /// <summary>Counts commas and semicolons outside quotes on the first line; skips a UTF-8 BOM.</summary>
    private static char DetectSeparator(Stream stream)
    {
        var start = stream.Position;
        var buffer = new byte[64 * 1024];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bom = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = bom; i < n; i++)
        {
            var b = buffer[i];
            if (b == (byte)'"') quoted = !quoted;
            else if (!quoted && b is (byte)'\n' or (byte)'\r') break;
            else if (!quoted && b == (byte)',') commas++;
            else if (!quoted && b == (byte)';') semicolons++;
        }
        stream.Position = start + bom;
        return semicolons > commas ? ';' : ',';
    }

    public void Dispose() => _csv.Dispose();
}

/// <summary>
/// The copy of an upload kept in ImportBatch.Content until the import ends: CSV with a first
/// column <see cref="RowColumn"/> holding the original row number (so messages point at the row
/// the officer sees in the original file, also for XLSX), then the file's columns. Columns the
/// application must never hold (NIK, NPWP, BPJS, address, religion, marital status) are written
/// empty; on confirmation the copy is cut down to the mapped columns under their canonical names.
/// </summary>
public sealed class StoredTabularReader : ITabularReader
{
    public const string RowColumn = "#BARIS";

    private readonly CsvTabularReader _csv;

    public StoredTabularReader(Stream stream)
    {
        _csv = new CsvTabularReader(stream);
        if (_csv.Headers.Count == 0 || _csv.Headers[0] != RowColumn)
            throw new InvalidDataException("Not a stored import copy.");
        Headers = _csv.Headers.Skip(1).ToList();
    }

    public IReadOnlyList<string> Headers { get; }

    public int RowNumber { get; private set; }

    public int FieldCount => Math.Max(0, _csv.FieldCount - 1);

    public string? this[int index] => _csv[index + 1];

    public bool Read()
    {
        if (!_csv.Read()) return false;
        RowNumber = int.TryParse(_csv[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : _csv.RowNumber;
        return true;
    }

    public void Dispose() => _csv.Dispose();

    /// <summary>
    /// Writes a stored copy of <paramref name="source"/>: every column (cells of <paramref name="blank"/>
    /// columns left empty), or only <paramref name="columns"/> under new header names. Returns the bytes
    /// and the number of data rows. <paramref name="capacity"/>: the expected size, to spare the buffer's regrowth.
    /// </summary>
    public static (byte[] Content, int Rows) Write(ITabularReader source, IReadOnlyList<(int Index, string Header)>? columns = null,
        Func<string, bool>? blank = null, int maxRows = TabularFiles.MaxDataRows, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var cols = columns ?? source.Headers.Select((h, i) => (i, h)).ToList();
        var empty = cols.Select(c => blank?.Invoke(c.Header) == true).ToArray();
        using var output = new MemoryStream(capacity);
        var rows = 0;
        using (var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteField(RowColumn);
            foreach (var (_, header) in cols) csv.WriteField(header);
            csv.EndRecord();
            while (source.Read())
            {
                if (++rows > maxRows)
                    throw new ImportFileException(ImportTexts.FileTooManyRows, maxRows.ToString("#,0", CultureInfo.CurrentCulture));
                csv.WriteField(source.RowNumber.ToString(CultureInfo.InvariantCulture));
                for (var i = 0; i < cols.Count; i++) csv.WriteField(empty[i] ? "" : source[cols[i].Index] ?? "");
                csv.EndRecord();
            }
        }
        return (output.ToArray(), rows);
    }
}
