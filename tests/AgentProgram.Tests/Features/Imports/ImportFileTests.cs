using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>An app whose upload limit is 1 MB, so the limit can be tested with a small file.</summary>
public sealed class SmallUploadLimitApp : AppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Imports:MaxFileMegabytes"] = "1" };
}

/// <summary>
/// What files the upload accepts and how it reads them. These tests stop at the preview (nothing is
/// imported), so each sees an empty employee table.
/// </summary>
public sealed class ImportFileTests(SmallUploadLimitApp app) : IClassFixture<SmallUploadLimitApp>
{
    /// <summary>Sample rows whose units exist, so the rows carry no warning.</summary>
    private async Task<IReadOnlyList<SampleEmployee>> RowsAsync(int seed, int count = 12)
    {
        var g = new SiasnSampleGenerator(seed);
        var units = g.Units(5);
        await app.EnsureUnitsAsync(units);
        return g.Employees(count, units).ToList();
    }

    private static async Task<string> PreviewAsync(HttpClient client, byte[] file, string name, ImportKind kind = ImportKind.Employees) =>
        await client.GetHtmlAsync($"/impor/{await client.UploadOkAsync(file, name, kind)}");

    [Fact]
    public async Task Headers_match_ignoring_case_spaces_and_underscores()
    {
        var client = await app.HrAsync();
        var headers = SiasnSampleGenerator.Headers.Select((h, i) => i % 2 == 0 ? h.ToLowerInvariant().Replace(' ', '_') : h.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.Contains("pns_id", headers);
        Assert.Contains("NIPBARU", headers);
        var preview = await PreviewAsync(client, SiasnSampleGenerator.EmployeesCsv(await RowsAsync(1), headers: headers), "huruf-kecil.csv");
        Assert.DoesNotContain("data-testid=\"header-errors\"", preview);
        Assert.Equal(new ImportCounts(12, 0, 0, 0, 0), ImportTestKit.Counts(preview));
        Assert.Contains("Mulai impor", preview);
    }

    [Fact]
    public async Task A_semicolon_csv_with_a_byte_order_mark_reads_like_a_comma_csv()
    {
        var client = await app.HrAsync();
        var rows = await RowsAsync(2);
        var file = SiasnSampleGenerator.EmployeesCsv(rows, separator: ';', byteOrderMark: true);
        Assert.True(file.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var preview = await PreviewAsync(client, file, "titik-koma.csv");
        Assert.Equal(new ImportCounts(12, 0, 0, 0, 0), ImportTestKit.Counts(preview));
        Assert.Contains(AgentProgram.Web.Domain.Employees.Nip.FormatForDisplay(rows[0].Nip), preview);
    }

    [Fact]
    public async Task A_regional_export_is_mapped_by_hand_and_cannot_start_before()
    {
        var client = await app.HrAsync();
        var rows = await RowsAsync(3);
        var file = ImportTestKit.Csv(rows, ("NO_INDUK_PEGAWAI", "NIP BARU"), ("NM", "NAMA"), ("TGL_LHR", "TANGGAL LAHIR"), ("JENIS PEGAWAI", "JENIS PEGAWAI NAMA"),
            ("STATUS CPNS PNS", "STATUS CPNS PNS"), ("KEDUDUKAN HUKUM", "KEDUDUKAN HUKUM NAMA"), ("GOLONGAN", "GOL AKHIR NAMA"), ("JABATAN", "JABATAN NAMA"),
            ("ID UNOR", "UNOR ID"), ("NIK", "NIK"), ("JENIS KELAMIN", "JENIS KELAMIN"));
        var id = await client.UploadOkAsync(file, "simpeg-daerah.csv");
        var before = await client.GetHtmlAsync($"/impor/{id}");
        Assert.Contains("Kolom wajib NIP BARU tidak ditemukan", ImportTestKit.Text(before));
        Assert.Contains("Kolom wajib NAMA tidak ditemukan", ImportTestKit.Text(before));
        Assert.DoesNotContain($"action=\"/impor/{id}/mulai\"", before);
        // NIK is offered nowhere in the mapping.
        Assert.DoesNotContain("<option value=\"NIK\"", before);

        // Confirming anyway is refused: the batch stays a preview.
        var refused = await client.PostFormAsync($"/impor/{id}", $"/impor/{id}/mulai");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ImportState.Previewed, await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.State).SingleAsync()));

        var mapped = await client.PostFormAsync($"/impor/{id}", $"/impor/{id}/pemetaan",
            ("Columns[1]", "NO_INDUK_PEGAWAI"), ("Columns[4]", "NM"), ("Columns[8]", "TGL_LHR"), ("Columns[2]", ""));
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var after = await client.GetHtmlAsync($"/impor/{id}");
        Assert.DoesNotContain("data-testid=\"header-errors\"", after);
        Assert.Equal(new ImportCounts(12, 0, 0, 0, 0), ImportTestKit.Counts(after));
        Assert.Contains($"action=\"/impor/{id}/mulai\"", after);
        Assert.Matches("<option value=\"NO_INDUK_PEGAWAI\" selected=\"selected\">", after);
        Assert.Equal("{\"1\":\"NO_INDUK_PEGAWAI\",\"4\":\"NM\",\"8\":\"TGL_LHR\"}", await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.MappingJson).SingleAsync()));

        // The NIK column was emptied as soon as the file arrived.
        Assert.Empty(ImportTestKit.FindAnywhere(app.ConnectionString(), rows.Select(r => r["NIK"]).ToList()));
    }

    public static TheoryData<string, byte[], string> Disguised => new()
    {
        { "foto.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "berisi gambar atau PDF" },
        { "surat.csv", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj"), "berisi gambar atau PDF" },
        { "arsip.xlsx", Zip(("data/pegawai.csv", "NIP BARU,NAMA\n")), "arsip ZIP, bukan lembar kerja XLSX" },
        { "lama.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "Excel lama (.xls)" },
        { "unicode.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("NIP BARU,NAMA\r\n198609262015051001,SITI\r\n")], "bukan teks CSV UTF-8" },
        { "latin1.csv", Encoding.Latin1.GetBytes("NIP BARU,NAMA\r\n198609262015051001,SITI ÄÖÜ\r\n"), "bukan teks CSV UTF-8" },
        { "kosong.csv", [], "Pilih berkas yang akan diimpor" },
        { "judul.csv", Encoding.UTF8.GetBytes("NIP BARU,NAMA\r\n"), "hanya berisi baris judul" },
        { "rusak.xlsx", [.. Zip(("xl/workbook.xml", "<bukan xml"))], "XLSX tidak dapat dibaca" },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task Files_that_are_not_a_table_are_refused_with_a_reason(string name, byte[] content, string reason)
    {
        var client = await app.HrAsync();
        var before = await app.WithDb(db => db.ImportBatches.CountAsync());
        var response = await client.UploadAsync(content, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, ImportTestKit.UploadError(html));
        Assert.Equal(before, await app.WithDb(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var client = await app.HrAsync();
        var file = SiasnSampleGenerator.EmployeesCsv(await RowsAsync(4, count: 1200));
        Assert.True(file.Length > 1024 * 1024);
        var response = await client.UploadAsync(file, "besar.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"melebihi batas 1 MB", ImportTestKit.UploadError(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Cancelling_a_preview_deletes_the_upload()
    {
        var client = await app.HrAsync();
        var id = await client.UploadOkAsync(SiasnSampleGenerator.EmployeesCsv(await RowsAsync(5)), "batal.csv");
        var response = await client.PostFormAsync($"/impor/{id}", $"/impor/{id}/batal");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/impor", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDb(db => db.ImportBatches.AnyAsync(b => b.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/impor/{id}")).StatusCode);
        Assert.Contains("Unggahan dibatalkan", await client.GetHtmlAsync("/impor"));
    }

    [Fact]
    public async Task The_preview_shows_the_first_ten_rows_as_stored_and_which_columns_are_dropped()
    {
        var client = await app.HrAsync();
        var rows = await RowsAsync(6, count: 14);
        var preview = await PreviewAsync(client, SiasnSampleGenerator.EmployeesCsv(rows), "pratinjau.csv");
        Assert.Equal(10, Regex.Count(preview, "data-testid=\"preview-row\""));
        var first = rows[0];
        var text = ImportTestKit.Text(preview);
        Assert.Contains(AgentProgram.Web.Domain.Employees.Nip.FormatForDisplay(first.Nip), text);
        Assert.Contains(first["JABATAN NAMA"], text);
        Assert.DoesNotContain(first["NIK"], text);
        Assert.DoesNotContain(first["ALAMAT"], text);
        var dropped = ImportTestKit.Text(Regex.Match(preview, "data-testid=\"dropped-columns\">[^<]*<").Value);
        foreach (var column in new[] { "NIK", "NPWP NOMOR", "BPJS", "ALAMAT", "AGAMA NAMA" }) Assert.Contains(column, dropped);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }
        return ms.ToArray();
    }
}
