using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AgentProgram.Web.Infrastructure.Hosting;

public enum DatabaseProvider { Sqlite, SqlServer }

public static class DatabaseServices
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file and private uploads; created on demand.</summary>
    public static string DataPath(IConfiguration config, string contentRoot)
    {
        var configured = config["Storage:DataPath"];
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(contentRoot, "App_Data") : Path.GetFullPath(configured, contentRoot);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var cs = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(cs)) return cs;
        if (Provider(config) == DatabaseProvider.SqlServer)
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is empty. See appsettings.sample.json.");
        return $"Data Source={Path.Combine(DataPath(config, contentRoot), "agentprogram.db")};Default Timeout=30";
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var cs = ConnectionString(config, env.ContentRootPath);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();
        if (Provider(config) == DatabaseProvider.SqlServer)
            services.AddDbContext<AppDbContext, SqlServerAppDbContext>(o => o.UseSqlServer(cs, s => s.EnableRetryOnFailure()));
        else
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmas()));
        return services;
    }
}

/// <summary>dotnet-ef builds each provider's context without the web host (STACK-NOTES).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    /// <summary>Never connected to: migrations and scripts are generated offline.</summary>
    public const string OfflineConnectionString = "Server=localhost;Database=AgentProgram;Trusted_Connection=True;TrustServerCertificate=True";

    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(OfflineConnectionString).Options);
}
