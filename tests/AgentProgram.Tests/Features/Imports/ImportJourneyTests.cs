using System.Net;
using System.Text;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>
/// The officer's whole journey in the browser: unit file, then the SIASN export with some bad rows,
/// preview, confirm, the result and its download, the same file again, then a newer export.
/// </summary>
public sealed class ImportJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Units_then_employees_then_the_same_file_then_a_newer_export()
    {
        var client = await app.HrAsync();
        var g = new SiasnSampleGenerator(seed: 41);
        var units = g.Units(25);
        var rows = g.Employees(60, units).ToList();
        Assert.All(rows, r => Assert.Equal(SampleDefect.None, r.Defect));
        var excelNip = double.Parse(rows[5].Nip, System.Globalization.CultureInfo.InvariantCulture).ToString("0.#####E+00", System.Globalization.CultureInfo.InvariantCulture);
        rows[5] = rows[5].With("NIP BARU", excelNip, SampleDefect.ExcelNip);
        rows[9] = rows[9].With("JENIS KELAMIN", rows[9]["JENIS KELAMIN"] == "M" ? "F" : "M", SampleDefect.SexMismatch);
        rows[12] = rows[12].With("UNOR ID", "0000feedbeef0000feedbeef00000000", SampleDefect.UnknownUnor);
        rows[20] = rows[20].With("TANGGAL LAHIR", "31-02-1990", SampleDefect.BadBirthDate);
        rows[25] = rows[25].With("NAMA", "", SampleDefect.MissingName);
        rows.Add(rows[3].With("JABATAN NAMA", "Baris ganda", SampleDefect.DuplicateNip));
        var file = SiasnSampleGenerator.EmployeesCsv(rows);

        // 1. The unit file first.
        var (unitBatch, unitHtml) = await client.ImportAsync(SiasnSampleGenerator.UnitsCsv(units), "unor.csv", ImportKind.Units);
        Assert.Equal("Selesai", ImportTestKit.State(unitHtml));
        Assert.Equal(new ImportCounts(25, 0, 0, 0, 0), ImportTestKit.Counts(unitHtml));
        var unitParents = await app.WithDb(db => db.Units.AsNoTracking().Where(u => u.SiasnUnorId != null)
            .Select(u => new { u.SiasnUnorId, Parent = u.Parent!.SiasnUnorId }).ToDictionaryAsync(u => u.SiasnUnorId!, u => u.Parent));
        Assert.All(units, u => Assert.Equal(u.ParentId, unitParents[u.Id]));

        // 2. The employee file: the preview counts without writing.
        var id = await client.UploadOkAsync(file, "Export Data ASN.csv");
        var preview = await client.GetHtmlAsync($"/impor/{id}");
        Assert.Contains("Pratinjau impor", preview);
        Assert.Equal(new ImportCounts(New: 57, Updated: 0, Unchanged: 0, Warned: 2, Rejected: 4), ImportTestKit.Counts(preview));
        Assert.Equal(0, await app.WithDb(db => db.Employees.CountAsync()));
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(preview, "data-testid=\"preview-row\""));
        var previewText = ImportTestKit.Text(preview);
        Assert.Contains(Nip.FormatForDisplay(rows[0].Nip), previewText);
        Assert.Contains("Excel telah mengubah NIP menjadi angka", previewText);
        Assert.Contains("NIK", ImportTestKit.Text(System.Text.RegularExpressions.Regex.Match(preview, "data-testid=\"dropped-columns\">[^<]*<").Value));

        // 3. Confirm; the worker runs it; the result page follows it to the end.
        await client.ConfirmAsync(id);
        var result = await client.WaitUntilDoneAsync(id);
        Assert.Equal("Selesai", ImportTestKit.State(result));
        Assert.Equal(new ImportCounts(57, 0, 0, 2, 4), ImportTestKit.Counts(result));
        Assert.Contains($"/impor/{id}/masalah.csv", result);

        var stored = await app.WithDb(db => db.Employees.AsNoTracking().ToListAsync());
        Assert.Equal(57, stored.Count);
        Assert.DoesNotContain(stored, e => e.Nip == rows[20].Nip || e.Nip == rows[25].Nip);
        Assert.All(stored, e => Assert.NotNull(e.ImportHash));
        var lost = stored.Single(e => e.Nip == rows[12].Nip);
        Assert.Null(lost.UnitId);
        Assert.Equal("0000feedbeef0000feedbeef00000000", lost.SiasnUnorId);
        Assert.Contains("belum terdaftar sebagai unit kerja", lost.ImportWarnings);
        Assert.Contains("JENIS KELAMIN menyatakan", stored.Single(e => e.Nip == rows[9].Nip).ImportWarnings);
        Assert.All(stored.Where(e => e.Nip != rows[12].Nip), e => Assert.NotNull(e.UnitId));
        Assert.Equal(rows[3]["JABATAN NAMA"], stored.Single(e => e.Nip == rows[3].Nip).PositionName);
        var pppk = stored.First(e => e.EmploymentType == EmploymentType.Pppk);
        Assert.NotNull(pppk.ContractEnd);

        // One audit entry per batch, none per employee.
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == ImportRunner.AuditAction).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.EntityType == "ImportBatch" && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Changes!.Contains("\"new\":57", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == "Employee")));

        // 4. The download: every rejected and warned row with its reason, for Excel.
        var download = await client.GetAsync($"/impor/{id}/masalah.csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "The CSV starts with a UTF-8 BOM for Excel.");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Baris,NIP,Nama,Jenis masalah,Alasan", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"7,{excelNip},", StringComparison.Ordinal) && l.Contains(",Ditolak,", StringComparison.Ordinal)
            && l.Contains("Excel telah mengubah NIP menjadi angka", StringComparison.Ordinal) && l.Contains("Ekspor ulang dari SIASN dengan kolom NIP sebagai teks", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("62,", StringComparison.Ordinal) && l.Contains($"ganda di baris 5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("22,", StringComparison.Ordinal) && l.Contains("31-02-1990", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("27,", StringComparison.Ordinal) && l.Contains("NAMA kosong", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("14,", StringComparison.Ordinal) && l.Contains(",Peringatan,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"11,{Nip.FormatForDisplay(rows[9].Nip)},", StringComparison.Ordinal));

        // 5. Nothing the import must drop is stored anywhere, not even in the import's own tables.
        var personal = rows.SelectMany(r => new[] { r["NIK"], r["NPWP NOMOR"], r["BPJS"], r["ALAMAT"] }).Where(v => v.Length > 0).ToList();
        Assert.Empty(ImportTestKit.FindAnywhere(app.ConnectionString(), personal));
        Assert.Null(await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.Content).SingleAsync()));

        // 6. The same file again changes nothing.
        var again = await client.UploadOkAsync(file, "Export Data ASN.csv");
        Assert.Equal(new ImportCounts(0, 0, 57, 2, 4), ImportTestKit.Counts(await client.GetHtmlAsync($"/impor/{again}")));
        await client.ConfirmAsync(again);
        Assert.Equal(new ImportCounts(0, 0, 57, 2, 4), ImportTestKit.Counts(await client.WaitUntilDoneAsync(again)));
        var versionsBefore = stored.ToDictionary(e => e.Nip, e => e.Version);
        var afterSame = await app.WithDb(db => db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Nip, e => e.Version));
        Assert.Equal(versionsBefore, afterSame);

        // 7. A newer export updates by NIP.
        rows[0] = rows[0].With("JABATAN NAMA", "Analis Kebijakan Ahli Madya");
        var (statusText, status) = rows[1]["KEDUDUKAN HUKUM NAMA"] == "Tugas Belajar" ? ("CLTN", LegalStatus.Cltn) : ("Tugas Belajar", LegalStatus.TugasBelajar);
        rows[1] = rows[1].With("KEDUDUKAN HUKUM NAMA", statusText);
        var move = units.Skip(1).First(u => u.Id != rows[2]["UNOR ID"]);
        rows[2] = rows[2].With("UNOR ID", move.Id).With("UNOR NAMA", move.Name);
        var (newer, newerHtml) = await client.ImportAsync(SiasnSampleGenerator.EmployeesCsv(rows), "Export Data ASN (2).csv");
        Assert.Equal(new ImportCounts(0, 3, 54, 2, 4), ImportTestKit.Counts(newerHtml));
        var updated = await app.WithDb(db => db.Employees.AsNoTracking().Include(e => e.Unit).Where(e => e.Nip == rows[0].Nip || e.Nip == rows[1].Nip || e.Nip == rows[2].Nip).ToDictionaryAsync(e => e.Nip));
        Assert.Equal("Analis Kebijakan Ahli Madya", updated[rows[0].Nip].PositionName);
        Assert.Equal(status, updated[rows[1].Nip].LegalStatus);
        Assert.Equal(move.Id, updated[rows[2].Nip].Unit!.SiasnUnorId);
        Assert.All(updated.Values, e => Assert.Equal(versionsBefore[e.Nip] + 1, e.Version));

        // 8. The history lists every import, newest first.
        var history = await client.GetHtmlAsync("/impor");
        var order = new[] { newer, again, id, unitBatch }.Select(b => history.IndexOf($"href=\"/impor/{b}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
    }
}
