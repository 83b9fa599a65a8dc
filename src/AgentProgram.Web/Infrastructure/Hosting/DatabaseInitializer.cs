using AgentProgram.Web.Data;
using AgentProgram.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Hosting;

public static class DatabaseInitializer
{
    public static IServiceCollection AddAppStartup(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>
    /// SQLite is the embedded default, so it is always migrated. SQL Server is migrated here only
    /// when Database:MigrateOnStartup is true; otherwise the operator applies database/sqlserver/.
    /// In Development the demo data set is seeded once.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var migrate = DatabaseServices.Provider(config) == DatabaseProvider.Sqlite || config.GetValue("Database:MigrateOnStartup", false);
        await using var scope = app.Services.CreateAsyncScope();
        if (migrate) await MigrateAsync(scope.ServiceProvider);
        if (app.Environment.IsDevelopment() && config.GetValue("Seed:DemoOnStartup", true))
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
