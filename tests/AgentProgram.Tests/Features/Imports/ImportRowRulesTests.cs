using System.Net;
using System.Text;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>
/// Row rules through the real import: each test imports its own slice of one generated export, so
/// the tests share a database without sharing employees.
/// </summary>
public sealed class ImportRowRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly SiasnSampleGenerator Generator = new(seed: 77);
    private static readonly IReadOnlyList<SampleUnit> Units = Generator.Units(12);
    private static readonly IReadOnlyList<SampleEmployee> Pool = Generator.Employees(120, Units).ToList();

    [Fact]
    public async Task A_bad_row_never_loses_the_good_ones()
    {
        await app.EnsureUnitsAsync(Units);
        var client = await app.HrAsync();
        var rows = Pool.Take(20).ToList();
        rows[2] = rows[2].With("NIP BARU", "1.98609E+17");                  // Excel scientific notation
        rows[3] = rows[3].With("NIP BARU", rows[3].Nip[..15] + "000");      // Excel rounding to 15 digits
        rows[4] = rows[4].With("GOL AKHIR NAMA", "III/a").With("GOL AKHIR ID", "31").With("JENIS PEGAWAI NAMA", "PPPK").With("STATUS CPNS PNS", "");
        rows[5] = rows[5].With("UNOR ID", "ffffffffffffffffffffffffffffffff").With("UNOR NAMA", "Bagian yang sudah dihapus");
        rows[6] = rows[6].With("JENIS PEGAWAI NAMA", "Honorer").With("STATUS CPNS PNS", "");
        rows.Insert(10, rows[7]);                                          // the same NIP twice
        rows.Insert(11, rows[8].With("NAMA", "NAMA LAIN"));                // the same NIP, other data

        var (id, html) = await client.ImportAsync(SiasnSampleGenerator.EmployeesCsv(rows), "campur.csv");
        Assert.Equal(new ImportCounts(New: 16, Updated: 0, Unchanged: 0, Warned: 1, Rejected: 6), ImportTestKit.Counts(html));

        var nips = rows.Select(r => r.Nip).ToList();
        var stored = await app.WithDb(db => db.Employees.AsNoTracking().Where(e => nips.Contains(e.Nip)).ToDictionaryAsync(e => e.Nip));
        Assert.Equal(16, stored.Count);
        Assert.Equal(Pool[8].Name, stored[Pool[8].Nip].Name);               // the first occurrence wins
        Assert.Null(stored[rows[5].Nip].UnitId);
        Assert.Equal("ffffffffffffffffffffffffffffffff", stored[rows[5].Nip].SiasnUnorId);
        Assert.Equal("Bagian yang sudah dihapus", stored[rows[5].Nip].SiasnUnorName);

        var issues = await app.WithDb(db => db.ImportRowIssues.AsNoTracking().Where(i => i.BatchId == id).ToListAsync());
        string At(int row) => string.Join(" | ", issues.Where(i => i.RowNumber == row).Select(i => i.Message));
        Assert.Contains("Excel telah mengubah NIP menjadi angka", At(4));
        Assert.Contains("berakhiran 000", At(5));
        Assert.Contains("Ekspor ulang dari SIASN dengan kolom NIP sebagai teks", At(5));
        Assert.Contains("golongan PNS, tetapi jenis pegawainya PPPK", At(6));
        Assert.Contains("belum terdaftar sebagai unit kerja", At(7));
        Assert.Contains("Jenis pegawai `Honorer` tidak dikenali", At(8));
        Assert.Contains($"NIP `{Pool[7].Nip}` ganda di baris 9", At(12));
        Assert.Contains($"NIP `{Pool[8].Nip}` ganda di baris 10", At(13));
        Assert.All(issues.Where(i => i.RowNumber is 4 or 5 or 8 or 12 or 13), i => Assert.True(i.IsError));
        Assert.Contains(issues, i => i.RowNumber == 6 && i.IsError);
        Assert.False(issues.Single(i => i.RowNumber == 7).IsError);
        Assert.Equal([4, 5, 6, 7, 8, 12, 13], issues.Select(i => i.RowNumber).Distinct().Order());
    }

    [Fact]
    public async Task An_xlsx_export_imports_like_csv_and_a_numeric_nip_cell_is_excel_damage()
    {
        await app.EnsureUnitsAsync(Units);
        var client = await app.HrAsync();
        var rows = Pool.Skip(40).Take(8).ToList();
        var headers = SiasnSampleGenerator.Headers;
        object? Cell(SampleEmployee r, string h, int i) => (h, i) switch
        {
            ("NIP BARU", 1) => decimal.Parse(r.Nip, System.Globalization.CultureInfo.InvariantCulture),        // typed as a number
            ("TANGGAL LAHIR", 2) => DateOnly.ParseExact(r[h], "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), // a real date cell
            ("MK TAHUN", _) => decimal.Parse(r[h], System.Globalization.CultureInfo.InvariantCulture),
            _ => r[h].Length == 0 ? null : r[h],
        };
        var xlsx = XlsxBuilder.Build(headers, rows.Select((r, i) => (IReadOnlyList<object?>)headers.Select(h => Cell(r, h, i)).ToList()));

        var id = await client.UploadOkAsync(xlsx, "Export Data ASN.xlsx");
        var preview = await client.GetHtmlAsync($"/impor/{id}");
        Assert.Equal(new ImportCounts(7, 0, 0, 0, 1), ImportTestKit.Counts(preview));
        var asExcelKeepsIt = double.Parse(rows[1].Nip, System.Globalization.CultureInfo.InvariantCulture).ToString("G15", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(@"^\d\.\d+E\+17$", asExcelKeepsIt);
        Assert.Contains($"NIP berisi `{asExcelKeepsIt}`", ImportTestKit.Text(preview));
        await client.ConfirmAsync(id);
        Assert.Equal(new ImportCounts(7, 0, 0, 0, 1), ImportTestKit.Counts(await client.WaitUntilDoneAsync(id)));

        var stored = await app.WithDb(db => db.Employees.AsNoTracking().Where(e => e.Nip == rows[2].Nip || e.Nip == rows[1].Nip).ToListAsync());
        var dated = Assert.Single(stored);
        Assert.Equal(DateOnly.ParseExact(rows[2]["TANGGAL LAHIR"], "dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), dated.BirthDate);
        var issue = await app.WithDb(db => db.ImportRowIssues.AsNoTracking().SingleAsync(i => i.BatchId == id));
        Assert.Equal(3, issue.RowNumber);
        Assert.Equal((int)AgentProgram.Web.Domain.Employees.ImportIssueCode.NipExcelNumber, issue.Code);
        Assert.Contains("Excel telah mengubah NIP menjadi angka sehingga digit terakhirnya hilang. Ekspor ulang dari SIASN dengan kolom NIP sebagai teks.", issue.Message);
    }

    [Fact]
    public async Task The_download_speaks_the_readers_language()
    {
        await app.EnsureUnitsAsync(Units);
        var client = await app.HrAsync();
        var rows = Pool.Skip(80).Take(3).ToList();
        rows[1] = rows[1].With("NIP BARU", rows[1].Nip[..15] + "000");
        var (id, _) = await client.ImportAsync(SiasnSampleGenerator.EmployeesCsv(rows), "kecil.csv");

        var switched = await client.PostFormAsync("/impor", "/bahasa", ("budaya", "en-US"), ("kembali", "/impor"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/impor/{id}/masalah.csv"));
        Assert.Contains("Row,NIP,Name,Problem type,Reason", csv);
        Assert.Contains("Rejected", csv);
        Assert.Contains($"NIP `{rows[1].Nip}` ends in 000", csv.Replace("\"", "", StringComparison.Ordinal));
        Assert.DoesNotContain("Ekspor ulang", csv);
    }
}
