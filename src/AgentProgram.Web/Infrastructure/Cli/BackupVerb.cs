using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>backup --out &lt;file&gt;</c>: an online backup of the SQLite database (safe while the app runs) plus a copy of the
/// private media folder into <c>&lt;file&gt;.media/</c>; never overwrites. <c>restore --from &lt;file&gt;</c>: puts a backup
/// back as the configured database (app stopped, no database file there yet) and checks every table against the backup.
/// <c>backup-verify &lt;file&gt; [--against &lt;file&gt;]</c>: integrity check and the fingerprint, or the comparison of two files.
/// On SQL Server all three refuse: the DBA's BACKUP/RESTORE procedure is in database/README.md.
/// </summary>
public static class BackupVerb
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string Verify = "backup-verify";

    private const string SqlServerRefusal =
        "the database is SQL Server: use BACKUP DATABASE / RESTORE with CHECKSUM as described in database/README.md (section Backups); this command backs up SQLite only.";

    public static async Task<string> BackupAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var output = args.Optional("--out") ?? throw new CliException($"usage: {Backup} --out <file.db>");
        var (connectionString, mediaRoot) = Sqlite(services);
        // Never migrates or creates anything: a backup only reads.
        if (!File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource)) throw new CliException("there is no database file to back up yet.");
        return (await Run(() => SqliteBackup.BackupAsync(connectionString, output, mediaRoot))).Line();
    }

    public static async Task<string> RestoreAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var from = args.Optional("--from") ?? throw new CliException($"usage: {Restore} --from <backup.db>");
        var (connectionString, mediaRoot) = Sqlite(services);
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return (await Run(() => SqliteBackup.RestoreAsync(from, target, mediaRoot))).Line();
    }

    public static Task<string> VerifyAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var file = args.Positional.FirstOrDefault() ?? throw new CliException($"usage: {Verify} <backup.db> [--against <other.db>]");
        return Run(() =>
        {
            var mine = SqliteBackup.Fingerprint(file);
            if (args.Optional("--against") is not { } other)
                return Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"{file}: integrity ok, tables {mine.Tables.Count}, rows {mine.Rows}"));
            var differences = mine.Differences(SqliteBackup.Fingerprint(other));
            if (differences.Count > 0) throw new CliException("the databases differ: " + string.Join("; ", differences));
            return Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"equal: tables {mine.Tables.Count}, rows {mine.Rows}, every table's rows and checksum match"));
        });
    }

    private static (string ConnectionString, string MediaRoot) Sqlite(IServiceProvider services)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var db = services.GetRequiredService<AppDbContext>();
        if (DatabaseServices.Provider(config) == DatabaseProvider.SqlServer || !db.Database.IsSqlite()) throw new CliException(SqlServerRefusal);
        var env = services.GetRequiredService<IWebHostEnvironment>();
        var media = Path.Combine(DatabaseServices.DataPath(config, env.ContentRootPath), "media");
        return (db.Database.GetConnectionString() ?? throw new CliException("no connection string is configured."), media);
    }

    private static async Task<T> Run<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (BackupException e)
        {
            throw new CliException(e.Message);
        }
        catch (SqliteException e)
        {
            throw new CliException("SQLite: " + e.Message);
        }
    }
}
