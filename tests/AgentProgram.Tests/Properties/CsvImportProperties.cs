using System.Globalization;
using System.Text;
using AgentProgram.Web.Features.InsightsImport;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Web;
using CsCheck;

namespace AgentProgram.Tests.Properties;

/// <summary>
/// Property-based tests of the file reading shared by the employee import and the insights import
/// (<see cref="TabularFiles"/>, <see cref="CsvTabularReader"/>) and of the insights count parser: any table
/// written as RFC 4180 CSV (comma or semicolon, with or without BOM) reads back cell for cell; any bytes at
/// all are either read or refused with an <see cref="ImportFileException"/> (a message for the officer),
/// never another exception; a count is read back exactly however it is grouped.
/// </summary>
public sealed class CsvImportProperties
{
    /// <summary>Cell text: separators, quotes, line breaks, spaces, accents, emoji (valid UTF-16 only; lone surrogates are a separate test).</summary>
    private static readonly Gen<string> Cell = Gen.Frequency(
        (4, Gen.Char["abcXYZ019 ,;\"'\r\n\t=+-@éÉñ\u00A0"].Array[0, 12].Select(a => new string(a))),
        (2, Gen.Char['\u0020', '\uD7FF'].Array[0, 8].Select(a => new string(a))),
        (1, Gen.Const("😀 Ibu Siti Aminah, S.Sos.")),
        (1, Gen.Const("")));

    private static readonly Gen<string> Header = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ _0123456789"].Array[1, 14]
        .Select(a => new string(a).Trim()).Where(h => h.Length > 0);

    /// <summary>A header row and 0–8 data rows of the same width; no data row is wholly empty (blank lines are skipped by design).</summary>
    private static readonly Gen<List<string[]>> Table = Gen.Int[1, 5].SelectMany(width =>
        Gen.Select(Header.Array[width], Cell.Array[width].Where(r => r.Any(c => c.Trim().Length > 0)).List[0, 8],
            (header, rows) => new List<string[]> { header }.Concat(rows).ToList()));

    /// <summary>What the export writer does to a cell a spreadsheet would run as a formula.</summary>
    private static string Expected(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private static List<string?[]> ReadAll(byte[] bytes, out IReadOnlyList<string> headers)
    {
        using var stream = new MemoryStream(bytes);
        var format = TabularFiles.Inspect(stream);
        Assert.Equal(TabularFormat.Csv, format);
        using var reader = TabularFiles.Open(stream, format);
        headers = reader.Headers;
        var rows = new List<string?[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i])]);
        return rows;
    }

    [Fact]
    public void A_table_written_as_csv_reads_back_cell_for_cell()
    {
        Table.Sample(table =>
        {
            var rows = ReadAll(Csv.Write(table), out var headers);
            Assert.Equal(table[0], headers);
            Assert.Equal(table.Count - 1, rows.Count);
            for (var r = 1; r < table.Count; r++)
                for (var c = 0; c < table[r].Length; c++)
                {
                    var expected = Expected(table[r][c]);
                    Assert.Equal(expected.Length == 0 ? null : expected, rows[r - 1][c]);
                }
        }, iter: 1500);
    }

    [Fact]
    public void A_semicolon_csv_from_indonesian_excel_reads_the_same_as_a_comma_csv()
    {
        Gen.Select(Table, Gen.Bool).Sample((table, bom) =>
        {
            var text = new StringBuilder();
            foreach (var row in table)
                text.Append(string.Join(';', row.Select(c => c.IndexOfAny([';', ',', '"', '\r', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c))).Append("\r\n");
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (bom) bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
            var rows = ReadAll(bytes, out var headers);
            Assert.Equal(table[0], headers);
            Assert.Equal(table.Count - 1, rows.Count);
            for (var r = 1; r < table.Count; r++)
                for (var c = 0; c < table[r].Length; c++)
                    Assert.Equal(table[r][c].Length == 0 ? null : table[r][c], rows[r - 1][c]);
        }, iter: 1000);
    }

    /// <summary>Bytes an officer might upload by mistake or an attacker on purpose.</summary>
    private static readonly Gen<byte[]> AnyFile = Gen.Frequency(
        (3, Gen.Byte.Array[0, 300]),
        (2, Gen.String.Select(s => Encoding.UTF8.GetBytes(s))),
        (2, Gen.Select(Gen.OneOf(Gen.Const("PK\u0003\u0004"), Gen.Const("\u00D0\u00CF\u0011\u00E0"), Gen.Const("%PDF-1.7"), Gen.Const("\"a\",\"b"), Gen.Const("MZ"), Gen.Const("<script>")),
            Gen.Byte.Array[0, 200], (head, rest) => Encoding.Latin1.GetBytes(head).Concat(rest).ToArray())),
        (1, Gen.Char['\uD800', '\uDFFF'].Array[1, 5].Select(a => Encoding.Unicode.GetBytes(new string(a)))));

    /// <summary>Seeks like ASP.NET's upload stream (ReferenceReadStream): outside 0…Length is an ArgumentOutOfRangeException.</summary>
    private sealed class UploadLikeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override long Position
        {
            get => base.Position;
            set => base.Position = value >= 0 && value <= Length ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override long Seek(long offset, SeekOrigin loc)
        {
            var target = loc switch { SeekOrigin.Begin => offset, SeekOrigin.Current => base.Position + offset, _ => Length + offset };
            Position = target;
            return target;
        }
    }

    [Fact]
    public void Any_bytes_are_read_or_refused_with_a_message_never_an_unexpected_exception()
    {
        Gen.Select(AnyFile, Gen.Bool).Sample((bytes, uploadLike) =>
        {
            try
            {
                using var stream = uploadLike ? new UploadLikeStream(bytes) : new MemoryStream(bytes);
                var format = TabularFiles.Inspect(stream);
                using var reader = TabularFiles.Open(stream, format);
                var cells = 0;
                while (reader.Read())
                    for (var i = 0; i < reader.FieldCount; i++) cells += reader[i]?.Length ?? 0;
                Assert.True(cells >= 0);
            }
            catch (ImportFileException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }, iter: 3000);
    }

    [Fact]
    public void Malformed_utf8_such_as_an_encoded_lone_surrogate_is_refused_as_not_utf8_text()
    {
        // CESU-style bytes of a lone surrogate (ED A0 80) are not UTF-8: the reader must not turn them into text.
        Gen.Select(Table, Gen.Int[0, 0xFFF]).Sample((table, low) =>
        {
            var good = Csv.Write(table);
            byte[] lone = [0xED, (byte)(0xA0 | (low >> 6 & 0x1F)), (byte)(0x80 | (low & 0x3F))];
            var bytes = good.Take(good.Length / 2).Concat(lone).Concat(good.Skip(good.Length / 2)).ToArray();
            var e = Assert.Throws<ImportFileException>(() => TabularFiles.Inspect(new MemoryStream(bytes)));
            Assert.Equal(ImportTexts.FileNotUtf8Text, e.Format);
        }, iter: 300);
    }

    [Fact]
    public void A_count_reads_back_exactly_however_it_is_grouped()
    {
        Gen.Select(Gen.Long[0, 999_999_999_999_999_999], Gen.Int[0, 4]).Sample((n, how) =>
        {
            var plain = n.ToString(CultureInfo.InvariantCulture);
            var written = how switch
            {
                0 => plain,
                1 => n.ToString("#,0", CultureInfo.InvariantCulture),                              // 1,234,567
                2 => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.'),             // 1.234.567
                3 => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' '),             // 1 234 567
                _ => " " + n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '\u00A0') + " ",
            };
            Assert.Equal(CountParse.Ok, InsightsColumns.ParseCount(written, out var value));
            Assert.Equal(n, value);
            if (n > 0) Assert.Equal(CountParse.Negative, InsightsColumns.ParseCount("-" + written.Trim(), out _));
        }, iter: 3000);
    }

    [Fact]
    public void A_count_parser_never_throws_and_only_accepts_digits_and_consistent_group_separators()
    {
        Gen.OneOf(Gen.String, Gen.Char["0123456789.,- \u00A0kKe+"].Array[0, 30].Select(a => new string(a))).Sample(s =>
        {
            var result = InsightsColumns.ParseCount(s, out var value);
            if (result != CountParse.Ok) return;
            Assert.True(value >= 0);
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            Assert.Equal(value, long.Parse(digits, CultureInfo.InvariantCulture));
            Assert.DoesNotContain(s.Trim(), c => char.IsLetter(c));
        }, iter: 3000);
    }
}
