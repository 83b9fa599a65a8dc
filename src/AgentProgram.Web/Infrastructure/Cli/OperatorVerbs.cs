using AgentProgram.Web.Data;
using AgentProgram.Web.Data.Seed;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// Operator commands run by the same executable: `dotnet run --project src/AgentProgram.Web -- verb`.
/// Each prints one line and returns 0, or prints the reason on stderr and returns non-zero.
/// </summary>
public static class OperatorVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, CliArgs, Task<string>>> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = Migrate,
        ["create-admin"] = CreateAdmin,
        ["seed-demo"] = SeedDemo,
        ["script-sqlserver"] = ScriptSqlServer,
        ["import-employees"] = Imports.ImportVerb.RunAsync,
        [RewardsVerb.Name] = RewardsVerb.RunAsync,
        [RenderReportVerb.Name] = RenderReportVerb.RunAsync,
        [BackupVerb.Backup] = BackupVerb.BackupAsync,
        [BackupVerb.Restore] = BackupVerb.RestoreAsync,
        [BackupVerb.Verify] = BackupVerb.VerifyAsync,
        [PurgeVerb.Name] = PurgeVerb.RunAsync,
        [RefreshAggregatesVerb.Name] = RefreshAggregatesVerb.RunAsync,
        [FinaliseDocumentVerb.Name] = FinaliseDocumentVerb.RunAsync,
    };

    public static IEnumerable<string> Names => Verbs.Keys;

    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands: {string.Join(", ", Verbs.Keys)}.");
            return 2;
        }
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await verb(scope.ServiceProvider, new CliArgs(args.Skip(1).ToArray()));
            Console.WriteLine(result);
            return 0;
        }
        catch (Exception e) when (e is CliException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 1;
        }
    }

    private static async Task<string> Migrate(IServiceProvider sp, CliArgs _)
    {
        await DatabaseInitializer.MigrateAsync(sp);
        var db = sp.GetRequiredService<AppDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).Count();
        return $"migrated: {applied} migrations applied ({db.Database.ProviderName})";
    }

    private static async Task<string> CreateAdmin(IServiceProvider sp, CliArgs a)
    {
        var email = a.Required("--email");
        var password = a.Required("--password");
        await DatabaseInitializer.MigrateAsync(sp);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
            throw new CliException($"an account with email {email} already exists.");
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = a.Optional("--name") ?? "Administrator", CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new CliException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Administrator);
        return $"created administrator {email}";
    }

    private static async Task<string> SeedDemo(IServiceProvider sp, CliArgs _)
    {
        await DatabaseInitializer.MigrateAsync(sp);
        var seeded = await sp.GetRequiredService<DemoSeeder>().SeedAsync();
        return seeded ? "demo data seeded" : "demo data already present: nothing changed";
    }

    /// <summary>`dotnet run` starts in the project folder; repository paths are found from the solution file.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgentProgram.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Writes the idempotent SQL Server script for database/sqlserver/ (no server needed).</summary>
    private static async Task<string> ScriptSqlServer(IServiceProvider sp, CliArgs a)
    {
        var path = a.Optional("--out") ?? Path.Combine(RepositoryRoot(), "database", "sqlserver", "migrate.sql");
        var script = SqlServerScript.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, script);
        return $"wrote {path} ({script.Length} characters)";
    }
}

public static class SqlServerScript
{
    public static string Generate()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrator = db.GetService<IMigrator>();
        return migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent).ReplaceLineEndings("\n");
    }
}

public sealed class CliException(string message) : Exception(message);

public sealed class CliArgs(string[] args)
{
    public string[] Positional => args.Where((x, i) => !x.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToArray();

    public string? Optional(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public string Required(string name) => Optional(name) ?? throw new CliException($"missing {name} <value>.");

    public bool Flag(string name) => Array.IndexOf(args, name) >= 0;
}
