using System.Diagnostics;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// A throw-away SQLite database with the app's real schema (its own migrations), filled with
/// generated rows at scale. Rows go in through one prepared, parameterised statement per table in a
/// single transaction: EF's change tracker and Identity's per-user password hashing would make
/// 80 000 accounts take minutes instead of seconds. Later scenarios add their own Add…Async methods.
/// </summary>
public sealed class SyntheticDatabase : IAsyncDisposable
{
    public const string Password = "Sandi-Bench-Rahasia-2026";
    public const string EmailDomain = "bench.test";

    private static readonly string[] GivenNames = ["Siti", "Budi", "Ayu", "Fajar", "Maria", "Agus", "Dewi", "Rizki", "Putri", "Hendra", "Nur", "Eko", "Wahyu", "Intan", "Yusuf", "Ratna", "Dimas", "Lestari", "Bayu", "Sri"];
    private static readonly string[] FamilyNames = ["Rahmawati", "Santoso", "Lestari", "Nugroho", "Ulfa", "Pratama", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Setiawan", "Handayani", "Siregar", "Nasution", "Sihombing", "Wibowo"];
    private static readonly string[] Degrees = ["", ", S.Sos.", ", S.T.", ", A.Md.", ", S.H.", ", S.Kom.", ", S.E.", ", M.Si."];

    private SyntheticDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")};Default Timeout=60";
    }

    /// <summary>Folder for the database file; the app's Storage:DataPath points here too.</summary>
    public string Folder { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the folder and applies the app's SQLite migrations.</summary>
    public static async Task<SyntheticDatabase> CreateAsync(CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agentprogram-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = new SyntheticDatabase(folder);
        await using var context = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(db.ConnectionString).Options);
        await context.Database.MigrateAsync(ct);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return db;
    }

    /// <summary>
    /// A database kept between runs in a folder named by <paramref name="key"/> (what generated it) under the temp
    /// folder, for scenarios whose data take long to generate. Reused when a previous run finished it
    /// (<see cref="MarkComplete"/>; its migrations are applied again, a no-op unless the model changed); otherwise the
    /// folder is emptied and a fresh migrated database returned, unless an earlier run finished generating the rows
    /// (<see cref="MarkSeeded"/>, <see cref="IsSeeded"/>): then the caller resumes after them. Never deleted on dispose.
    /// </summary>
    public static async Task<(SyntheticDatabase Database, bool Reused)> OpenCachedAsync(string key, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')) throw new ArgumentException("A cache key is letters, digits, - and _.", nameof(key));
        var folder = Path.Combine(Path.GetTempPath(), "agentprogram-bench", "cache-" + key);
        var reused = File.Exists(Path.Combine(folder, CompleteMarker));
        var seeded = reused || File.Exists(Path.Combine(folder, SeededMarker));
        if (!seeded)
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
        }
        var db = new SyntheticDatabase(folder) { _keep = true, IsSeeded = seeded };
        await using var context = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(db.ConnectionString).Options);
        await context.Database.MigrateAsync(ct);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return (db, reused);
    }

    private const string CompleteMarker = "complete";
    private const string SeededMarker = "seeded";

    /// <summary>A cached database whose rows an earlier run generated (see <see cref="OpenCachedAsync"/>).</summary>
    public bool IsSeeded { get; private set; }

    /// <summary>Marks a cached database's rows as generated: a later run that finds it unfinished resumes after them.</summary>
    public void MarkSeeded()
    {
        File.WriteAllText(Path.Combine(Folder, SeededMarker), DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        IsSeeded = true;
    }

    private bool _keep;

    /// <summary>Marks a cached database as finished, so the next <see cref="OpenCachedAsync"/> with its key reuses it.</summary>
    public void MarkComplete() => File.WriteAllText(Path.Combine(Folder, CompleteMarker), DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The database's files (main, WAL, shared memory) in bytes.</summary>
    public long SizeBytes => Directory.EnumerateFiles(Folder, "bench.db*").Sum(f => new FileInfo(f).Length);

    public static string AgentEmail(int n) => $"agen{n:D6}@{EmailDomain}";

    /// <summary>
    /// Adds <paramref name="count"/> active agent accounts (role Agen) named agen000001@bench.test …,
    /// all with <see cref="Password"/>, hashed once and shared.
    /// </summary>
    public async Task<GeneratedRows> AddAgentsAsync(int count, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var random = new Random(20261124);
        var created = new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);

        await using var connection = await OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            // Throw-away data: no need to survive a power cut mid-load.
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var roleId = await ScalarAsync(connection, "SELECT Id FROM AspNetRoles WHERE NormalizedName = 'AGEN'", ct)
            ?? throw new InvalidOperationException("The Agen role is missing: did the migrations run?");

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var user = connection.CreateCommand();
        user.Transaction = tx;
        user.CommandText = """
            INSERT INTO AspNetUsers (Id, DisplayName, IsActive, MustChangePassword, CreatedUtc, LastSignInUtc,
                UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled, AccessFailedCount)
            VALUES ($id, $name, 1, 0, $created, NULL, $email, $normalized, $email, $normalized, 1, $hash, $stamp,
                $concurrency, NULL, 0, 0, NULL, 1, 0)
            """;
        var pId = user.Parameters.Add("$id", SqliteType.Text);
        var pName = user.Parameters.Add("$name", SqliteType.Text);
        var pCreated = user.Parameters.Add("$created", SqliteType.Text);
        var pEmail = user.Parameters.Add("$email", SqliteType.Text);
        var pNormalized = user.Parameters.Add("$normalized", SqliteType.Text);
        user.Parameters.AddWithValue("$hash", hash);
        var pStamp = user.Parameters.Add("$stamp", SqliteType.Text);
        var pConcurrency = user.Parameters.Add("$concurrency", SqliteType.Text);
        await user.PrepareAsync(ct);

        await using var role = connection.CreateCommand();
        role.Transaction = tx;
        role.CommandText = "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)";
        var pUser = role.Parameters.Add("$user", SqliteType.Text);
        role.Parameters.AddWithValue("$role", roleId);
        await role.PrepareAsync(ct);

        var start = await CountAsync(connection, "AspNetUsers", ct);
        for (var i = 1; i <= count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var id = Guid.NewGuid().ToString();
            var email = AgentEmail((int)start + i);
            pId.Value = id;
            pName.Value = $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}{Degrees[random.Next(Degrees.Length)]}";
            // The format EF Core's SQLite provider writes for DateTime.
            pCreated.Value = created.AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            pEmail.Value = email;
            pNormalized.Value = email.ToUpperInvariant();
            pStamp.Value = Guid.NewGuid().ToString("N").ToUpperInvariant();
            pConcurrency.Value = Guid.NewGuid().ToString();
            // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O, and the async
            // wrappers cost more than the insert itself at this volume.
            user.ExecuteNonQuery();
            pUser.Value = id;
            role.ExecuteNonQuery();
        }
        await tx.CommitAsync(ct);
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "PRAGMA synchronous=NORMAL; ANALYZE;";
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new GeneratedRows(count * 2, clock.Elapsed);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync(ct);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_keep)
        {
            Console.Error.WriteLine($"cached database kept: {Path.Combine(Folder, "bench.db")}");
            return ValueTask.CompletedTask;
        }
        // BENCH_KEEP_DB=1 keeps the database for inspection (EXPLAIN QUERY PLAN, sqlite3) and says where it is.
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_DB") == "1")
        {
            Console.Error.WriteLine($"kept database: {Path.Combine(Folder, "bench.db")}");
            return ValueTask.CompletedTask;
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>How many rows a generator wrote (all tables) and how long it took.</summary>
public sealed record GeneratedRows(long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
