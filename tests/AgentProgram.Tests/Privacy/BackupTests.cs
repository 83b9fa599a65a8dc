using System.Diagnostics;
using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Privacy;

/// <summary>
/// The online SQLite backup and the restore: a quiet database comes back table for table (rows and checksums); one
/// backed up while a writer commits pairs of rows comes back as one consistent moment; the verbs refuse to overwrite.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-backup", Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Live => Path.Combine(_dir, "live.db");

    private static string Cs(string file) => $"Data Source={file};Default Timeout=30";

    /// <summary>The app's schema (every migration, WAL), and hand-made rows: 3 units, 5 employees, 40 audit entries.</summary>
    private static async Task MigrateAndSeedAsync(string file)
    {
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(Cs(file)).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        Exec(file, """
            INSERT INTO Units (Name, IsClosed, Version) VALUES ('Dinas A', 0, 0), ('Dinas B', 0, 0), ('Dinas C', 0, 0);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
              INSERT INTO Employees (Nip, Name, EmploymentType, LegalStatus, HasDisciplinarySanction, CreatedUtc, UpdatedUtc, Version)
              SELECT printf('1986092620150310%02d', i), 'Pegawai ' || i, 'Pns', 'Aktif', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0 FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
              INSERT INTO AuditEntries (OccurredUtc, Action, EntityType, EntityKey, Changes) SELECT '2026-01-01 00:00:00', 'Seed', 'Unit', i, '{"x":' || i || '}' FROM n;
            """);
    }

    private static long Exec(string file, string sql)
    {
        using var c = new SqliteConnection(Cs(file));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() is long l ? l : 0;
    }

    [Fact]
    public async Task A_quiet_database_and_its_media_restore_with_equal_counts_and_checksums()
    {
        await MigrateAndSeedAsync(Live);
        var media = Path.Combine(_dir, "media");
        Directory.CreateDirectory(Path.Combine(media, "202611"));
        await File.WriteAllBytesAsync(Path.Combine(media, "202611", "a.png"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(media, "202611", "b.jpg"), [4, 5, 6, 7]);

        var backup = await SqliteBackup.BackupAsync(Cs(Live), Path.Combine(_dir, "out", "b.db"), media);
        Assert.Equal(2, backup.MediaFiles);
        Assert.Equal(7, backup.MediaBytes);
        Assert.Equal([4, 5, 6, 7], await File.ReadAllBytesAsync(Path.Combine(_dir, "out", "b.db.media", "202611", "b.jpg")));
        Assert.Equal(3, backup.Fingerprint.Tables.Single(t => t.Table == "Units").Rows);
        Assert.Equal(5, backup.Fingerprint.Tables.Single(t => t.Table == "Employees").Rows);
        Assert.Equal(40, backup.Fingerprint.Tables.Single(t => t.Table == "AuditEntries").Rows);
        Assert.Empty(SqliteBackup.Fingerprint(Live).Differences(backup.Fingerprint));
        // Personal data: only the app's own account may read the copy; no temporary file is left beside it.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup.DatabaseFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_dir, "out", "b.db.media")));
        }
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.Combine(_dir, "out")), p => p.Contains(".partial-", StringComparison.Ordinal));

        // Never overwrites: not the file, not the media folder.
        await Assert.ThrowsAsync<BackupException>(() => SqliteBackup.BackupAsync(Cs(Live), backup.DatabaseFile, media));

        var restoredMedia = Path.Combine(_dir, "restored-media");
        var restored = await SqliteBackup.RestoreAsync(backup.DatabaseFile, Path.Combine(_dir, "restored.db"), restoredMedia);
        Assert.Equal(backup.Fingerprint.Rows, restored.Fingerprint.Rows);
        Assert.Empty(restored.Fingerprint.Differences(backup.Fingerprint));
        Assert.Equal(3, Exec(restored.DatabaseFile, "SELECT COUNT(*) FROM Units"));
        Assert.Equal(5, Exec(restored.DatabaseFile, "SELECT COUNT(*) FROM Employees"));
        Assert.Equal(40, Exec(restored.DatabaseFile, "SELECT COUNT(*) FROM AuditEntries"));
        Assert.Equal(5, Exec(restored.DatabaseFile, "SELECT COUNT(*) FROM AspNetRoles"));
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(restoredMedia, "202611", "a.png")));
        await Assert.ThrowsAsync<BackupException>(() => SqliteBackup.RestoreAsync(backup.DatabaseFile, Path.Combine(_dir, "restored.db"), null));

        // The comparison can fail: one changed value in one table is named.
        Exec(Path.Combine(_dir, "restored.db"), "UPDATE Employees SET Name = 'Pegawai X' WHERE Nip = '198609262015031003'");
        Assert.Equal(["Employees: same row count, different content"], SqliteBackup.Fingerprint(Path.Combine(_dir, "restored.db")).Differences(backup.Fingerprint));
    }

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_is_one_consistent_moment()
    {
        await MigrateAndSeedAsync(Live);
        // Enough pages that the copy is not instantaneous.
        Exec(Live, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO AuditEntries (OccurredUtc, Action, Changes) SELECT '2026-01-01', 'Filler', hex(randomblob(64)) FROM n;");
        var before = SqliteBackup.Fingerprint(Live);

        // The writer commits pairs: an audit entry and a key row in one transaction, numbered 1, 2, 3…
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(() =>
        {
            using var c = new SqliteConnection(Cs(Live));
            c.Open();
            using (var pragma = c.CreateCommand()) { pragma.CommandText = "PRAGMA busy_timeout=30000;"; pragma.ExecuteNonQuery(); }
            var afterStop = 0;
            for (var i = 1; afterStop < 20; i++)
            {
                using var tx = c.BeginTransaction();
                using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO AuditEntries (OccurredUtc, Action, EntityKey) VALUES ('2026-02-01', 'Pair', $n); INSERT INTO DataProtectionKeys (FriendlyName, Xml) VALUES ($n, '<key/>');";
                cmd.Parameters.AddWithValue("$n", i.ToString(CultureInfo.InvariantCulture));
                cmd.ExecuteNonQuery();
                tx.Commit();
                written = i;
                if (i == 50) started.SetResult();
                if (stop.IsCancellationRequested) afterStop++;
            }
        });

        await started.Task;
        var backup = await SqliteBackup.BackupAsync(Cs(Live), Path.Combine(_dir, "busy.db"), null);
        await stop.CancelAsync();
        await writer;

        // In the copy: the same number of each half of a pair, numbered 1..k without a gap, k between the 50 written
        // before the backup began and everything written (20 more were written after it ended).
        var pairs = Exec(backup.DatabaseFile, "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'Pair'");
        Assert.Equal(pairs, Exec(backup.DatabaseFile, "SELECT COUNT(*) FROM DataProtectionKeys"));
        Assert.Equal(pairs, Exec(backup.DatabaseFile, "SELECT MAX(CAST(FriendlyName AS INTEGER)) FROM DataProtectionKeys"));
        Assert.InRange(pairs, 50, written - 20);
        Assert.Equal(written, Exec(Live, "SELECT COUNT(*) FROM DataProtectionKeys"));

        // Every table is the live table as of that moment: the untouched ones entirely, the growing ones up to the copy's last row.
        using (var live = new SqliteConnection(SqliteBackup.ReadOnly(Live)))
        {
            live.Open();
            foreach (var t in backup.Fingerprint.Tables)
            {
                if (t.Table is "AuditEntries" or "DataProtectionKeys")
                {
                    var last = Exec(backup.DatabaseFile, $"SELECT COALESCE(MAX(rowid), 0) FROM \"{t.Table}\"");
                    Assert.Equal(t, DatabaseFingerprint.Table(live, t.Table, last));
                }
                else
                {
                    Assert.Equal(before.Tables.Single(b => b.Table == t.Table), t);
                }
            }
        }

        // And it restores to exactly itself.
        var restored = await SqliteBackup.RestoreAsync(backup.DatabaseFile, Path.Combine(_dir, "busy-restored.db"), null);
        Assert.Empty(restored.Fingerprint.Differences(backup.Fingerprint));
    }

    [Fact]
    public async Task The_verbs_back_up_refuse_to_overwrite_restore_and_verify_as_an_operator_runs_them()
    {
        var site = Path.Combine(_dir, "site");
        Directory.CreateDirectory(site);
        var db = Path.Combine(site, "cli.db");
        Assert.Equal(0, (await CliProcess.RunAsync(site, db, "migrate")).Code);
        Assert.Equal(0, (await CliProcess.RunAsync(site, db, "create-admin", "--email", "admin@instansi.go.id", "--password", "kalimat rahasia operator")).Code);
        Directory.CreateDirectory(Path.Combine(site, "media", "202612"));
        await File.WriteAllBytesAsync(Path.Combine(site, "media", "202612", "bukti.png"), [1, 2, 3, 4, 5]);

        var output = Path.Combine(_dir, "nightly.db");
        var (code, line, err) = await CliProcess.RunAsync(site, db, "backup", "--out", output);
        Assert.True(code == 0, err);
        Assert.Matches(@"^backup .+nightly\.db: bytes \d+, tables \d+, rows \d+; media 1 files, bytes 5 in .+nightly\.db\.media$", line);
        var users = Exec(output, "SELECT COUNT(*) FROM AspNetUsers");
        Assert.Equal(1, users);

        var again = await CliProcess.RunAsync(site, db, "backup", "--out", output);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Err, StringComparison.Ordinal);

        // A new server: an empty data folder, then restore, then the restored file compared with the backup.
        var other = Path.Combine(_dir, "other");
        Directory.CreateDirectory(other);
        var otherDb = Path.Combine(other, "restored.db");
        var restore = await CliProcess.RunAsync(other, otherDb, "restore", "--from", output);
        Assert.True(restore.Code == 0, restore.Err);
        Assert.Matches(@"^restored .+restored\.db: tables \d+, rows \d+, every table's rows and checksum equal to the backup; media 1 files, bytes 5$", restore.Out);
        Assert.Equal([1, 2, 3, 4, 5], await File.ReadAllBytesAsync(Path.Combine(other, "media", "202612", "bukti.png")));
        var refused = await CliProcess.RunAsync(other, otherDb, "restore", "--from", output);
        Assert.Equal(1, refused.Code);
        Assert.Contains("already exists", refused.Err, StringComparison.Ordinal);

        var verify = await CliProcess.RunAsync(other, otherDb, "backup-verify", otherDb, "--against", output);
        Assert.True(verify.Code == 0, verify.Err);
        Assert.StartsWith("equal: tables ", verify.Out, StringComparison.Ordinal);

        var dryRun = await CliProcess.RunAsync(other, otherDb, "purge", "--dry-run");
        Assert.True(dryRun.Code == 0, dryRun.Err);
        Assert.StartsWith("dry run, would purge: agents 0 ", dryRun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_sql_server_the_backup_verb_points_at_the_database_readme()
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentProgram.Web.dll"));
        foreach (var a in new[] { "backup", "--out", Path.Combine(_dir, "x.db") }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = "SqlServer";
        psi.Environment["ConnectionStrings__Default"] = "Server=127.0.0.1,1;Database=Nope;User Id=x;Password=y;TrustServerCertificate=True;Connect Timeout=1";
        psi.Environment["Storage__DataPath"] = _dir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(1, p.ExitCode);
        Assert.Contains("database/README.md", await stderr, StringComparison.Ordinal);
        Assert.Equal("", (await stdout).Trim());
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }
}
