using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Cli;
using AgentProgram.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AgentProgram.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add <Name> --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServer_migrations_cover_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerAppDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var lite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var server = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(Names(lite), Names(server));
    }

    [Fact]
    public void Committed_SqlServer_script_matches_a_fresh_generation()
    {
        var path = Path.Combine(RepoPaths.Root, "database", "sqlserver", "migrate.sql");
        Assert.True(File.Exists(path), "database/sqlserver/migrate.sql is missing: dotnet run --project src/AgentProgram.Web -- script-sqlserver");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == SqlServerScript.Generate(),
            "database/sqlserver/migrate.sql is out of date: dotnet run --project src/AgentProgram.Web -- script-sqlserver");
    }

    [Fact]
    public void SqlServer_script_is_idempotent()
    {
        var script = SqlServerScript.Generate();
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("__EFMigrationsHistory", script);
    }

    [Fact]
    public void The_model_keeps_SqlServer_rules()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var violations = SqlServerModelRules.Check(db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
