using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AgentProgram.Tests.Infrastructure.Cli;

/// <summary>The verbs run as an operator would run them: the real executable, a fresh database, Production.</summary>
public sealed class OperatorVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-cli", Guid.NewGuid().ToString("N"));

    public OperatorVerbTests() => Directory.CreateDirectory(_dir);

    private string Db => Path.Combine(_dir, "cli.db");

    private readonly Dictionary<string, string> _env = [];

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AgentProgram.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Default"] = $"Data Source={Db}";
        psi.Environment["Storage__DataPath"] = _dir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in _env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await stdout).Trim(), (await stderr).Trim());
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
    public async Task Migrate_creates_the_schema_and_prints_one_line()
    {
        var (code, output, _) = await Run("migrate");
        Assert.Equal(0, code);
        Assert.Matches(@"^migrated: \d+ migrations applied \(Microsoft.EntityFrameworkCore.Sqlite\)$", output);
        Assert.Single(output.Split('\n'));
        Assert.Equal(5, Scalar("SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Create_admin_makes_the_first_administrator_and_refuses_weak_or_duplicate()
    {
        var ok = await Run("create-admin", "--email", "admin@instansi.go.id", "--password", "kalimat rahasia operator");
        Assert.Equal(0, ok.Code);
        Assert.Equal("created administrator admin@instansi.go.id", ok.Out);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Administrator'"));

        var again = await Run("create-admin", "--email", "admin@instansi.go.id", "--password", "kalimat rahasia operator");
        Assert.NotEqual(0, again.Code);
        Assert.Contains("already exists", again.Err);

        var weak = await Run("create-admin", "--email", "kedua@instansi.go.id", "--password", "pendek");
        Assert.NotEqual(0, weak.Code);
        Assert.Contains("minimal 12 karakter", weak.Err);

        var missing = await Run("create-admin", "--email", "ketiga@instansi.go.id");
        Assert.NotEqual(0, missing.Code);
        Assert.Contains("missing --password", missing.Err);
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_the_list_of_verbs()
    {
        var (code, _, err) = await Run("launch-rockets");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command 'launch-rockets'", err);
        Assert.Contains("create-admin", err);
    }

    [Fact]
    public async Task Seed_demo_needs_a_password_and_runs_once()
    {
        var refused = await Run("seed-demo");
        Assert.Equal(1, refused.Code);
        Assert.Contains("Seed:DemoPassword is not set", refused.Err);

        _env["Seed__DemoPassword"] = "kalimat demo untuk uji";
        var first = await Run("seed-demo");
        Assert.Equal(0, first.Code);
        Assert.Equal("demo data seeded", first.Out);
        var second = await Run("seed-demo");
        Assert.Equal("demo data already present: nothing changed", second.Out);
        Assert.Equal(9, Scalar("SELECT COUNT(*) FROM AspNetUsers WHERE Email LIKE '%@demo.test'"));

        // The campaigns: messages in every state, assignments with clicks, reports in every state with flags, responses.
        Assert.Equal(Enum.GetValues<AgentProgram.Web.Domain.Messages.MessageStatus>().Length, Scalar("SELECT COUNT(DISTINCT Status) FROM PolicyMessages"));
        Assert.True(Scalar("SELECT COUNT(*) FROM Assignments") > 50);
        Assert.True(Scalar("SELECT COUNT(*) FROM LinkClicks") > 50);
        Assert.Equal(3, Scalar("SELECT COUNT(DISTINCT State) FROM ShareReports"));
        Assert.True(Scalar("SELECT COUNT(*) FROM ShareReports WHERE Flags <> 0") > 0);
        Assert.True(Scalar("SELECT COUNT(*) FROM ReportSnapshots") > Scalar("SELECT COUNT(*) FROM ShareReports"));
        Assert.True(Scalar("SELECT COUNT(*) FROM PublicResponses") > 0);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM (SELECT ClaimKey FROM ShareReports WHERE ClaimKey IS NOT NULL GROUP BY ClaimKey HAVING COUNT(*) > 1)"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
