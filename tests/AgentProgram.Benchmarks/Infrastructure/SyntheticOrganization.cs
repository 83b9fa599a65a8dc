using System.Diagnostics;
using System.Globalization;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Generators for the organisation around the agent accounts of <see cref="SyntheticDatabase"/>: a
/// nested unit tree, an employee and an agent enrolment for every Agen account, and staff accounts.
/// Same technique as <see cref="SyntheticDatabase.AddAgentsAsync"/>: prepared statements in one
/// transaction, values in the formats EF Core's SQLite provider writes (enums as their names).
/// </summary>
public static class SyntheticOrganization
{
    private static readonly string[] Offices = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Dinas Perhubungan", "Dinas Pekerjaan Umum", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Komunikasi dan Informatika", "Dinas Lingkungan Hidup", "Badan Perencanaan Pembangunan Daerah", "Badan Kepegawaian dan Pengembangan SDM", "Badan Pengelolaan Keuangan Daerah", "Inspektorat"];

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// One root (the Sekretariat Daerah) with <paramref name="offices"/> offices under it, each with
    /// <paramref name="bidangPerOffice"/> bidang, each with <paramref name="seksiPerBidang"/> seksi: four
    /// levels. Returns the ids of every unit below the root, offices first.
    /// </summary>
    public static async Task<int[]> AddUnitTreeAsync(this SyntheticDatabase database, int offices = 24, int bidangPerOffice = 4, int seksiPerBidang = 3, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO Units (ParentId, Name, Code, IsClosed, Version) VALUES ($parent, $name, $code, 0, 1) RETURNING Id";
        var pParent = insert.Parameters.Add("$parent", SqliteType.Integer);
        var pName = insert.Parameters.Add("$name", SqliteType.Text);
        var pCode = insert.Parameters.Add("$code", SqliteType.Text);
        await insert.PrepareAsync(ct);

        int Add(int? parent, string name, string code)
        {
            pParent.Value = parent is int p ? p : DBNull.Value;
            pName.Value = name;
            pCode.Value = code;
            return Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var root = Add(null, "Sekretariat Daerah Kota Uji", "BENCH");
        var officeIds = new List<int>(offices);
        var lower = new List<int>();
        for (var o = 0; o < offices; o++)
        {
            var office = Add(root, $"{Offices[o % Offices.Length]} {o + 1}", $"B{o + 1:D2}");
            officeIds.Add(office);
            for (var b = 0; b < bidangPerOffice; b++)
            {
                var bidang = Add(office, $"Bidang {b + 1} {Offices[o % Offices.Length]} {o + 1}", $"B{o + 1:D2}.{b + 1}");
                lower.Add(bidang);
                for (var s = 0; s < seksiPerBidang; s++)
                    lower.Add(Add(bidang, $"Seksi {s + 1} Bidang {b + 1} {Offices[o % Offices.Length]} {o + 1}", $"B{o + 1:D2}.{b + 1}.{s + 1}"));
            }
        }
        await tx.CommitAsync(ct);
        return [.. officeIds, .. lower];
    }

    /// <summary>
    /// For every Agen account without an agent record: an eligible employee (PNS, kedudukan hukum
    /// Aktif, no sanction) in one of <paramref name="unitIds"/> (round robin) with a unique 18-digit
    /// NIP, and an active agent enrolment linking the two.
    /// </summary>
    public static async Task<GeneratedRows> EnrolAgentsAsync(this SyntheticDatabase database, IReadOnlyList<int> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(unitIds);
        if (unitIds.Count == 0) throw new ArgumentException("At least one unit is needed.", nameof(unitIds));
        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        var users = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT u.Id FROM AspNetUsers u
                JOIN AspNetUserRoles ur ON ur.UserId = u.Id
                JOIN AspNetRoles r ON r.Id = ur.RoleId AND r.NormalizedName = 'AGEN'
                WHERE NOT EXISTS (SELECT 1 FROM Agents a WHERE a.UserId = u.Id)
                ORDER BY u.NormalizedEmail
                """;
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) users.Add(reader.GetString(0));
        }
        var start = 0L;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM Employees";
            start = (long)(await count.ExecuteScalarAsync(ct))!;
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var employee = connection.CreateCommand();
        employee.Transaction = tx;
        employee.CommandText = """
            INSERT INTO Employees (Nip, Name, EmploymentType, LegalStatus, HasDisciplinarySanction, UnitId, GolonganCode,
                CreatedUtc, UpdatedUtc, Version)
            VALUES ($nip, $name, 'Pns', 'Aktif', 0, $unit, '31', $now, $now, 1)
            RETURNING Id
            """;
        var pNip = employee.Parameters.Add("$nip", SqliteType.Text);
        var pName = employee.Parameters.Add("$name", SqliteType.Text);
        var pUnit = employee.Parameters.Add("$unit", SqliteType.Integer);
        employee.Parameters.AddWithValue("$now", Utc(now));
        await employee.PrepareAsync(ct);

        await using var agent = connection.CreateCommand();
        agent.Transaction = tx;
        agent.CommandText = """
            INSERT INTO Agents (EmployeeId, UserId, Status, EnrolledUtc, CodeOfConductAcceptedUtc, DataConsentUtc, Version)
            VALUES ($employee, $user, 'Active', $now, $now, $now, 1)
            """;
        var pEmployee = agent.Parameters.Add("$employee", SqliteType.Integer);
        var pUser = agent.Parameters.Add("$user", SqliteType.Text);
        agent.Parameters.AddWithValue("$now", Utc(now));
        await agent.PrepareAsync(ct);

        var born = new DateOnly(1975, 1, 1);
        for (var i = 0; i < users.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var n = start + i;
            // PNS layout: birth date, TMT (yyyyMM), sex, sequence 001–999; unique through (birth date, sequence).
            var birth = born.AddDays((int)(n / 999));
            pNip.Value = string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}200503{1 + (n % 2)}{1 + (n % 999):D3}");
            pName.Value = "Pegawai Bench " + n.ToString(CultureInfo.InvariantCulture);
            pUnit.Value = unitIds[i % unitIds.Count];
            // Synchronous on purpose, as in AddAgentsAsync.
            pEmployee.Value = employee.ExecuteScalar();
            pUser.Value = users[i];
            agent.ExecuteNonQuery();
        }
        await tx.CommitAsync(ct);
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "PRAGMA synchronous=NORMAL; ANALYZE;";
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new GeneratedRows(users.Count * 2L, clock.Elapsed);
    }

    /// <summary>An active staff account in <paramref name="role"/> (Humas, Pimpinan, …) with <see cref="SyntheticDatabase.Password"/>; returns its id.</summary>
    public static async Task<string> AddStaffUserAsync(this SyntheticDatabase database, string email, string role, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(role);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);

        string roleId;
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = tx;
            find.CommandText = "SELECT Id FROM AspNetRoles WHERE NormalizedName = $role";
            find.Parameters.AddWithValue("$role", role.ToUpperInvariant());
            roleId = (string?)await find.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"The role {role} is missing: did the migrations run?");
        }

        var id = Guid.NewGuid().ToString();
        await using (var user = connection.CreateCommand())
        {
            user.Transaction = tx;
            user.CommandText = """
                INSERT INTO AspNetUsers (Id, DisplayName, IsActive, MustChangePassword, CreatedUtc, LastSignInUtc,
                    UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                    ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnd, LockoutEnabled, AccessFailedCount)
                VALUES ($id, $name, 1, 0, $created, NULL, $email, $normalized, $email, $normalized, 1, $hash, $stamp,
                    $concurrency, NULL, 0, 0, NULL, 1, 0)
                """;
            user.Parameters.AddWithValue("$id", id);
            user.Parameters.AddWithValue("$name", $"{role} Bench");
            user.Parameters.AddWithValue("$created", Utc(DateTime.UtcNow));
            user.Parameters.AddWithValue("$email", email);
            user.Parameters.AddWithValue("$normalized", email.ToUpperInvariant());
            user.Parameters.AddWithValue("$hash", new PasswordHasher<AppUser>().HashPassword(new AppUser(), SyntheticDatabase.Password));
            user.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString("N").ToUpperInvariant());
            user.Parameters.AddWithValue("$concurrency", Guid.NewGuid().ToString());
            await user.ExecuteNonQueryAsync(ct);
        }
        await using (var link = connection.CreateCommand())
        {
            link.Transaction = tx;
            link.CommandText = "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)";
            link.Parameters.AddWithValue("$user", id);
            link.Parameters.AddWithValue("$role", roleId);
            await link.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return id;
    }
}
