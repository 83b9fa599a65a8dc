using System.Diagnostics;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Data.Sqlite;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>`import-employees` run as an operator runs it: the real executable, a fresh database, Production.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-import-cli", Guid.NewGuid().ToString("N"));

    public ImportVerbTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    private Task<(int Code, string Out, string Err)> Run(params string[] args) => CliProcess.RunAsync(_dir, Db, args);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private long Scalar(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Db}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Imports_units_then_employees_and_prints_one_line_of_counts()
    {
        var g = new SiasnSampleGenerator(seed: 808);
        var units = g.Units(20);
        var rows = g.Employees(150, units, defectRate: 0.08).ToList();
        var rejected = rows.Count(r => r.Defect.Rejects());
        var warned = rows.Count(r => r.Defect.Warns());
        Assert.True(rejected > 0 && warned > 0);
        var unitFile = Write("unor.csv", SiasnSampleGenerator.UnitsCsv(units));
        var employeeFile = Write("Export Data ASN.csv", SiasnSampleGenerator.EmployeesCsv(rows));

        var first = await Run("import-employees", employeeFile, "--units", unitFile);
        Assert.True(first.Code == 0, first.Err);
        Assert.Equal($"imported {150 - rejected}, updated 0, unchanged 0, warned {warned}, rejected {rejected}", first.Out);
        Assert.Single(first.Out.Split('\n'));
        Assert.Contains("units: imported 20, updated 0, unchanged 0, rejected 0", first.Err);
        Assert.Equal(150 - rejected, Scalar("SELECT COUNT(*) FROM Employees"));
        Assert.Equal(20, Scalar("SELECT COUNT(*) FROM Units WHERE SiasnUnorId IS NOT NULL"));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM ImportBatches WHERE State = 'Completed'"));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM AuditEntries WHERE Action = 'Imported'"));

        var again = await Run("import-employees", employeeFile);
        Assert.Equal(0, again.Code);
        Assert.Equal($"imported 0, updated 0, unchanged {150 - rejected}, warned {warned}, rejected {rejected}", again.Out);

        var personal = rows.SelectMany(r => new[] { r["NIK"], r["NPWP NOMOR"], r["BPJS"], r["ALAMAT"] }).ToList();
        Assert.Empty(ImportTestKit.FindAnywhere($"Data Source={Db}", personal));
    }

    [Fact]
    public async Task An_unreadable_or_unusable_file_ends_with_exit_code_1_and_the_reason()
    {
        var png = Write("foto.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        var refused = await Run("import-employees", png);
        Assert.Equal(1, refused.Code);
        Assert.Equal("", refused.Out);
        Assert.Contains("import-employees: This file is an image or a PDF", refused.Err);

        var missing = await Run("import-employees", Path.Combine(_dir, "tidak-ada.csv"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("tidak-ada.csv does not exist or cannot be opened", missing.Err);

        var noNip = Write("tanpa-nip.csv", "NAMA,UNOR ID\r\nSITI,abc\r\n"u8.ToArray());
        var unusable = await Run("import-employees", noNip);
        Assert.Equal(1, unusable.Code);
        Assert.Contains("NIP BARU", unusable.Err);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM ImportBatches"));

        var usage = await Run("import-employees");
        Assert.Equal(1, usage.Code);
        Assert.Contains("usage: import-employees", usage.Err);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
