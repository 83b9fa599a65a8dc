using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace AgentProgram.Web.Infrastructure.Privacy;

/// <summary>What a backup wrote: the database file and the copy of the media folder beside it.</summary>
public sealed record BackupResult(string DatabaseFile, long Bytes, DatabaseFingerprint Fingerprint, string? MediaFolder, int MediaFiles, long MediaBytes)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"backup {DatabaseFile}: bytes {Bytes}, tables {Fingerprint.Tables.Count}, rows {Fingerprint.Rows}; media {MediaFiles} files, bytes {MediaBytes}{(MediaFolder is null ? "" : " in " + MediaFolder)}");
}

/// <summary>
/// Online backup of the SQLite database with SQLite's own backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// all pages are copied in one step inside one read transaction, so the copy is the database as of one commit, while
/// the app keeps writing (WAL: readers never block the writer). The private media folder (Storage:DataPath/media:
/// screenshots, message media, finalised uploads) is copied after the database into <c>&lt;out&gt;.media/</c>: a file
/// uploaded meanwhile is an unreferenced extra in the copy, never a row without its file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>The folder the media copy goes to, beside the database file.</summary>
    public static string MediaFolderFor(string databaseFile) => databaseFile + ".media";

    public static async Task<BackupResult> BackupAsync(string sourceConnectionString, string outFile, string? mediaRoot, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outFile);
        var target = Path.GetFullPath(outFile);
        var mediaTarget = MediaFolderFor(target);
        if (File.Exists(target) || Directory.Exists(target)) throw new BackupException($"{target} already exists: a backup never overwrites a file. Choose a new name.");
        if (mediaRoot is not null && Directory.Exists(mediaRoot) && Directory.Exists(mediaTarget))
            throw new BackupException($"{mediaTarget} already exists: a backup never overwrites a folder. Choose a new name.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Written under a temporary name and moved into place without overwriting: a crash leaves no half file under the real name.
        var partial = target + ".partial-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        try
        {
            await using (var source = new SqliteConnection(sourceConnectionString))
            await using (var destination = new SqliteConnection(Private(partial)))
            {
                await source.OpenAsync(ct);
                await destination.OpenAsync(ct);
                source.BackupDatabase(destination);
            }
            OwnerOnly(partial);
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            throw new BackupException($"{target} appeared while the backup ran: it was not overwritten.");
        }
        finally
        {
            DeletePartial(partial);
        }

        var fingerprint = Fingerprint(target);
        var (files, bytes) = mediaRoot is not null && Directory.Exists(mediaRoot) ? CopyTree(mediaRoot, mediaTarget, overwrite: false) : (0, 0L);
        if (Directory.Exists(mediaTarget)) OwnerOnly(mediaTarget);
        return new BackupResult(target, new FileInfo(target).Length, fingerprint, files > 0 || Directory.Exists(mediaTarget) ? mediaTarget : null, files, bytes);
    }

    /// <summary>
    /// Restores a backup into <paramref name="targetFile"/> (the configured database file, with the app stopped): refuses
    /// when that file, or its WAL, exists, so a live database is never replaced by accident. The media copy beside the
    /// backup is copied into <paramref name="mediaRoot"/> without overwriting. The restored file is then compared with the
    /// backup, table by table (rows and checksums): any difference is an error.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(string backupFile, string targetFile, string? mediaRoot, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(backupFile);
        var target = Path.GetFullPath(targetFile);
        if (!File.Exists(source)) throw new BackupException($"{source} does not exist.");
        if (File.Exists(target) || File.Exists(target + "-wal"))
            throw new BackupException($"{target} already exists: stop the app and move the current database (and its -wal and -shm files) aside first; restore never overwrites it.");
        var expected = Fingerprint(source);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        try
        {
            await using (var from = new SqliteConnection(ReadOnly(source)))
            await using (var to = new SqliteConnection(Private(partial)))
            {
                await from.OpenAsync(ct);
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
            }
            File.Move(partial, target, overwrite: false);
        }
        finally
        {
            DeletePartial(partial);
        }
        var restored = Fingerprint(target);
        var differences = expected.Differences(restored);
        if (differences.Count > 0) throw new BackupException("the restored database differs from the backup: " + string.Join("; ", differences));

        var mediaFrom = MediaFolderFor(source);
        var (files, bytes) = mediaRoot is not null && Directory.Exists(mediaFrom) ? CopyTree(mediaFrom, mediaRoot, overwrite: false) : (0, 0L);
        return new RestoreResult(target, restored, files, bytes);
    }

    /// <summary>A read-only, unpooled connection string for a file (the handle is released when the connection closes).</summary>
    public static string ReadOnly(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static string Private(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();

    /// <summary>Row counts and checksums of every table of a database file, and <c>PRAGMA integrity_check</c>.</summary>
    public static DatabaseFingerprint Fingerprint(string file)
    {
        if (!File.Exists(file)) throw new BackupException($"{file} does not exist.");
        using var c = new SqliteConnection(ReadOnly(file));
        c.Open();
        using (var check = c.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            var result = check.ExecuteScalar() as string;
            if (!string.Equals(result, "ok", StringComparison.Ordinal)) throw new BackupException($"{file} fails SQLite's integrity check: {result}");
        }
        return DatabaseFingerprint.Compute(c);
    }

    /// <summary>A backup holds every agent's personal data: readable by the app's own account only (0600 files, 0700 folders).</summary>
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return; // NTFS rights come from the folder's ACL: put backups in a protected folder.
        File.SetUnixFileMode(path, Directory.Exists(path)
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The temporary copy and the journal files SQLite may have left beside it.</summary>
    private static void DeletePartial(string partial)
    {
        foreach (var file in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            if (File.Exists(file)) File.Delete(file);
    }

    /// <summary>Copies every file of a folder tree; an existing file is kept when <paramref name="overwrite"/> is false.</summary>
    public static (int Files, long Bytes) CopyTree(string from, string to, bool overwrite)
    {
        var files = 0;
        long bytes = 0;
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var destination = Path.Combine(to, relative);
            if (!overwrite && File.Exists(destination)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                File.Copy(file, destination, overwrite);
            }
            catch (FileNotFoundException)
            {
                continue; // deleted meanwhile (a purge, an expired preview): the database copy does not reference it either way
            }
            files++;
            bytes += new FileInfo(destination).Length;
        }
        return (files, bytes);
    }
}

public sealed record RestoreResult(string DatabaseFile, DatabaseFingerprint Fingerprint, int MediaFiles, long MediaBytes)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"restored {DatabaseFile}: tables {Fingerprint.Tables.Count}, rows {Fingerprint.Rows}, every table's rows and checksum equal to the backup; media {MediaFiles} files, bytes {MediaBytes}");
}

public sealed class BackupException(string message) : Exception(message);

/// <summary>One table: its rows and a SHA-256 over them in primary-key order.</summary>
public sealed record TableFingerprint(string Table, long Rows, string Sha256);

/// <summary>
/// Row counts and checksums per table, and a checksum of the schema. Two databases with the same fingerprint hold the
/// same rows, value for value (type included: 1 and '1' differ).
/// </summary>
public sealed record DatabaseFingerprint(string SchemaSha256, IReadOnlyList<TableFingerprint> Tables)
{
    public long Rows => Tables.Sum(t => t.Rows);

    /// <summary>Tables whose rows or checksum differ (or exist on one side only), and "schema" when the schemas differ.</summary>
    public IReadOnlyList<string> Differences(DatabaseFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var list = new List<string>();
        if (SchemaSha256 != other.SchemaSha256) list.Add("schema");
        var theirs = other.Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
        foreach (var t in Tables)
        {
            if (!theirs.Remove(t.Table, out var o)) list.Add($"{t.Table}: missing on the other side");
            else if (o.Rows != t.Rows) list.Add(string.Create(CultureInfo.InvariantCulture, $"{t.Table}: {t.Rows} rows against {o.Rows}"));
            else if (o.Sha256 != t.Sha256) list.Add($"{t.Table}: same row count, different content");
        }
        list.AddRange(theirs.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}: missing on this side"));
        return list;
    }

    public static DatabaseFingerprint Compute(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = new List<string>();
        using var schema = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                schema.AppendData(Encoding.UTF8.GetBytes(r.GetString(0) + "\0" + r.GetString(1) + "\0" + r.GetString(2) + "\n"));
                if (r.GetString(0) == "table") tables.Add(r.GetString(1));
            }
        }
        return new DatabaseFingerprint(Convert.ToHexStringLower(schema.GetHashAndReset()), tables.Select(t => Table(connection, t)).ToList());
    }

    /// <summary>
    /// One table's fingerprint; with <paramref name="maxRowId"/> only the rows up to that rowid (what a table that only
    /// grows looked like at a moment). Table names come from sqlite_master, never from input, and are quoted.
    /// </summary>
    public static TableFingerprint Table(SqliteConnection connection, string table, long? maxRowId = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var quoted = Quote(table);
        var keys = new List<string>();
        var withoutRowId = false;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM pragma_table_info($t) WHERE pk > 0 ORDER BY pk";
            cmd.Parameters.AddWithValue("$t", table);
            using var r = cmd.ExecuteReader();
            while (r.Read()) keys.Add(Quote(r.GetString(0)));
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $t";
            cmd.Parameters.AddWithValue("$t", table);
            withoutRowId = (cmd.ExecuteScalar() as string)?.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase) == true;
        }
        var order = keys.Count > 0 ? string.Join(", ", keys) : "rowid";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT * FROM {quoted}" + (maxRowId is null || withoutRowId ? "" : " WHERE rowid <= $max") + $" ORDER BY {order}";
            if (maxRowId is { } max && !withoutRowId) cmd.Parameters.AddWithValue("$max", max);
            using var r = cmd.ExecuteReader();
            Span<byte> number = stackalloc byte[8];
            while (r.Read())
            {
                rows++;
                for (var i = 0; i < r.FieldCount; i++)
                {
                    switch (r.IsDBNull(i) ? null : r.GetValue(i))
                    {
                        case null:
                            hash.AppendData("n"u8);
                            break;
                        case long l:
                            hash.AppendData("i"u8);
                            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(number, l);
                            hash.AppendData(number);
                            break;
                        case double d:
                            hash.AppendData("r"u8);
                            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(number, d);
                            hash.AppendData(number);
                            break;
                        case byte[] b:
                            hash.AppendData("b"u8);
                            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(number, b.Length);
                            hash.AppendData(number);
                            hash.AppendData(b);
                            break;
                        case var v:
                            var text = Encoding.UTF8.GetBytes(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
                            hash.AppendData("t"u8);
                            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(number, text.Length);
                            hash.AppendData(number);
                            hash.AppendData(text);
                            break;
                    }
                }
                hash.AppendData("\n"u8);
            }
        }
        return new TableFingerprint(table, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
