using System.Text;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>The unit hierarchy file: the tree built parents first, cycles and missing parents rejected, re-imports idempotent.</summary>
public sealed class UnitImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static byte[] File(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Prepend("ID,NAMA_UNOR,ID_ATASAN,NAMA_JABATAN")) + "\r\n");

    [Fact]
    public async Task The_tree_is_built_parents_first_and_bad_rows_are_reported()
    {
        var client = await app.HrAsync();
        var first = File(
            "root,Pemerintah Kota Uji,,Wali Kota",
            "s1,Seksi Media Sosial,b1,Kepala Seksi",               // before its parent in the file
            "b1,Bidang Informasi Publik,d1,Kepala Bidang",
            "d1,Dinas Komunikasi dan Informatika,root,Kepala Dinas",
            "c1,Lingkar Satu,c2,",
            "c2,Lingkar Dua,c1,",
            "x1,Unit Yatim,tidak-ada,",
            "x2,Anak Unit Yatim,x1,",
            "root,Pemerintah Kota Ganda,,");

        var id = await client.UploadOkAsync(first, "unor.csv", ImportKind.Units);
        var preview = await client.GetHtmlAsync($"/impor/{id}");
        Assert.Equal(new ImportCounts(4, 0, 0, 0, 5), ImportTestKit.Counts(preview));
        Assert.Contains("ID UNOR", preview);
        await client.ConfirmAsync(id);
        var result = await client.WaitUntilDoneAsync(id);
        Assert.Equal(new ImportCounts(4, 0, 0, 0, 5), ImportTestKit.Counts(result));

        var units = await app.WithDb(db => db.Units.AsNoTracking().Where(u => u.SiasnUnorId != null)
            .Select(u => new { u.SiasnUnorId, u.Name, u.HeadTitle, Parent = u.Parent!.SiasnUnorId }).ToDictionaryAsync(u => u.SiasnUnorId!));
        Assert.Equal(["b1", "d1", "root", "s1"], units.Keys.Order());
        Assert.Null(units["root"].Parent);
        Assert.Equal("root", units["d1"].Parent);
        Assert.Equal("d1", units["b1"].Parent);
        Assert.Equal("b1", units["s1"].Parent);
        Assert.Equal("Kepala Seksi", units["s1"].HeadTitle);
        Assert.Equal("Pemerintah Kota Uji", units["root"].Name);

        var issues = await app.WithDb(db => db.ImportRowIssues.AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.RowNumber).ToListAsync());
        Assert.Equal([6, 7, 8, 9, 10], issues.Select(i => i.RowNumber));
        Assert.All(issues, i => Assert.True(i.IsError));
        Assert.Contains("lingkaran atasan", issues[0].Message);
        Assert.Contains("Lingkar Satu → Lingkar Dua → Lingkar Satu", issues[0].Message);
        Assert.Equal("c1", issues[0].Nip);
        Assert.Contains("tidak ada di berkas maupun di aplikasi", issues[2].Message);
        Assert.Contains("unit atasannya (ID `x1`) bermasalah", issues[3].Message);
        Assert.Contains("muncul lebih dari sekali", issues[4].Message);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/impor/{id}/masalah.csv"));
        Assert.StartsWith("\uFEFFBaris,ID UNOR,Nama,Jenis masalah,Alasan", csv);

        // The same file again: nothing changes.
        var (_, again) = await client.ImportAsync(first, "unor.csv", ImportKind.Units);
        Assert.Equal(new ImportCounts(0, 0, 4, 0, 5), ImportTestKit.Counts(again));

        // A newer file moves a section and renames a field; only those two change.
        var (_, moved) = await client.ImportAsync(File(
            "root,Pemerintah Kota Uji,,Wali Kota",
            "d1,Dinas Komunikasi dan Informatika,root,Kepala Dinas",
            "b1,Bidang Informasi dan Komunikasi Publik,d1,Kepala Bidang",
            "s1,Seksi Media Sosial,d1,Kepala Seksi"), "unor-2.csv", ImportKind.Units);
        Assert.Equal(new ImportCounts(0, 2, 2, 0, 0), ImportTestKit.Counts(moved));
        Assert.Equal("d1", await app.WithDb(db => db.Units.Where(u => u.SiasnUnorId == "s1").Select(u => u.Parent!.SiasnUnorId).SingleAsync()));

        // Putting the service under its own section would close a loop through stored units: refused.
        var (loopId, loop) = await client.ImportAsync(File("d1,Dinas Komunikasi dan Informatika,s1,Kepala Dinas"), "unor-3.csv", ImportKind.Units);
        Assert.Equal(new ImportCounts(0, 0, 0, 0, 1), ImportTestKit.Counts(loop));
        Assert.Equal("root", await app.WithDb(db => db.Units.Where(u => u.SiasnUnorId == "d1").Select(u => u.Parent!.SiasnUnorId).SingleAsync()));
        Assert.Contains("berada di bawah unit", await app.WithDb(db => db.ImportRowIssues.Where(i => i.BatchId == loopId).Select(i => i.Message).SingleAsync()));

        // One audit entry per batch, none per unit.
        Assert.Equal(0, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == "Unit")));
        Assert.Equal(4, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.Action == ImportRunner.AuditAction)));
    }

    [Fact]
    public async Task An_employee_export_uploaded_as_a_unit_file_cannot_be_started()
    {
        var client = await app.HrAsync();
        var g = new SiasnSampleGenerator(seed: 9);
        var file = SiasnSampleGenerator.EmployeesCsv(g.Employees(5, g.Units(3)));
        var id = await client.UploadOkAsync(file, "salah-jenis.csv", ImportKind.Units);
        var preview = await client.GetHtmlAsync($"/impor/{id}");
        Assert.Contains("bukan berkas unit kerja", ImportTestKit.Text(preview));
        Assert.DoesNotContain($"action=\"/impor/{id}/mulai\"", preview);
        await client.PostFormAsync($"/impor/{id}", $"/impor/{id}/mulai");
        Assert.Equal(ImportState.Previewed, await app.WithDb(db => db.ImportBatches.Where(b => b.Id == id).Select(b => b.State).SingleAsync()));
    }
}
