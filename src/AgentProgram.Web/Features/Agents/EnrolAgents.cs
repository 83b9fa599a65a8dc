using AgentProgram.Web.Infrastructure.Web;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

/// <summary>The filters of the "employees not yet agents" list, as they sit in the URL: q, unit, jenis, hal, pilih.</summary>
public sealed record EnrolQuery(string? Search, int? UnitId, EmploymentType? Type, int Page, bool SelectPage = false)
{
    public const int PageSize = 25;

    public static EnrolQuery From(string? q, int? unit, string? jenis, int hal, string? pilih = null) =>
        new(AgentListQuery.CleanSearch(q), unit is > 0 ? unit : null, TypeFromSlug(jenis), Math.Max(1, hal), pilih == "semua");

    public bool HasFilters => Search is not null || UnitId is not null || Type is not null;

    public string Url(int? page = null, bool selectPage = false)
    {
        var qb = new QueryBuilder();
        if (Search is not null) qb.Add("q", Search);
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        if (Type is { } t) qb.Add("jenis", TypeSlug(t));
        var p = page ?? Page;
        if (p > 1) qb.Add("hal", p.ToString(CultureInfo.InvariantCulture));
        if (selectPage) qb.Add("pilih", "semua");
        return "/agen/daftarkan" + qb.ToQueryString();
    }

    public static string TypeSlug(EmploymentType type) => type switch
    {
        EmploymentType.Cpns => "cpns",
        EmploymentType.Pns => "pns",
        EmploymentType.Pppk => "pppk",
        _ => "pppk-paruh-waktu",
    };

    public static EmploymentType? TypeFromSlug(string? slug) =>
        Enum.GetValues<EmploymentType>().Cast<EmploymentType?>().FirstOrDefault(t => TypeSlug(t!.Value) == slug);
}

/// <summary>What HR posts: chosen employees (Ids), or every employee the filter matches (AllMatching with q/unit/jenis).</summary>
public sealed class EnrolForm
{
    public List<int> Ids { get; set; } = [];
    public bool AllMatching { get; set; }
    public string? Q { get; set; }
    public int? Unit { get; set; }
    public string? Jenis { get; set; }

    public EnrolQuery Filter => EnrolQuery.From(Q, Unit, Jenis, 1);
}

public sealed record CandidateRow(int EmployeeId, string Name, string Nip, string? Unit, EmploymentType Type, string? Email, string? Problem)
{
    public string NipDisplay => Domain.Employees.Nip.FormatForDisplay(Nip);
}

public sealed record EnrolPage(EnrolQuery Query, IReadOnlyList<CandidateRow> Rows, int Total, int PageCount, UnitTree Units);

/// <summary>One enrolled agent with the temporary password, shown once.</summary>
public sealed record EnrolledAgent(int AgentId, string Name, string Nip, string? Unit, string Email, string Password);

public sealed record SkippedEmployee(string Name, string Nip, string Reason);

public sealed record EnrolResult(IReadOnlyList<EnrolledAgent> Enrolled, IReadOnlyList<SkippedEmployee> Skipped)
{
    /// <summary>The enrolled list for the "download as CSV" form: posted back, so no password is ever stored on the server.</summary>
    public string CredentialsJson => JsonSerializer.Serialize(Enrolled.Select(e => new CredentialRow(e.Name, e.Nip, e.Unit, e.Email, e.Password)));
}

public sealed record CredentialRow(string Name, string Nip, string? Unit, string Email, string Password);

public sealed class CredentialsForm
{
    [Required(ErrorMessage = "Daftar agen untuk diunduh tidak ada. Ulangi pendaftaran atau setel ulang kata sandi dari halaman pengguna.")]
    public string Credentials { get; set; } = "";
}

/// <summary>
/// Enrols employees as agents: for each one an Agen account with a one-time temporary password
/// (shown once, never stored readable) and an Agent record, all in one transaction.
/// Ineligible employees (<see cref="Employee.EligibilityProblem"/>), missing or taken email addresses
/// and existing agents are skipped with their reason.
/// <para>
/// Cost: hashing a password (PBKDF2, Identity's default work factor) dominates, so the hashes are
/// computed on all cores and the accounts are inserted in one save rather than one
/// <c>UserManager.CreateAsync</c> each. At most <see cref="MaxPerAction"/> employees per request keeps
/// one request well under a minute on a two-core server.
/// </para>
/// </summary>
public sealed class EnrolAgentsHandler(
    AppDbContext db, UserManager<AppUser> users, AuditLog audit, Display display, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxPerAction = 500;

    public async Task<EnrolPage> CandidatesAsync(EnrolQuery query, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var employees = Candidates(query, units).OrderBy(e => e.Name).ThenBy(e => e.Id);
        var total = await employees.CountAsync(ct);
        var pageCount = Math.Max(1, (total + EnrolQuery.PageSize - 1) / EnrolQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var found = await employees.Skip((page - 1) * EnrolQuery.PageSize).Take(EnrolQuery.PageSize)
            .Select(e => new { Employee = e, Unit = e.Unit != null ? e.Unit.Name : e.WorkUnitName ?? e.SiasnUnorName })
            .ToListAsync(ct);
        var today = Today();
        var rows = found.Select(x => new CandidateRow(x.Employee.Id, x.Employee.FullName, x.Employee.Nip, x.Unit, x.Employee.EmploymentType,
            x.Employee.GovEmail, x.Employee.EligibilityProblem(today))).ToList();
        return new EnrolPage(query with { Page = page }, rows, total, pageCount, units);
    }

    public async Task<(EnrolResult? Result, string? Error)> EnrolAsync(EnrolForm form, string actorId, CancellationToken ct = default)
    {
        List<Employee> employees;
        var skipped = new List<SkippedEmployee>();
        if (form.AllMatching)
        {
            var units = await UnitTree.LoadAsync(db, ct);
            var matching = Candidates(form.Filter, units);
            var count = await matching.CountAsync(ct);
            if (count == 0) return (null, l["Tidak ada pegawai yang cocok dengan filter ini, atau semuanya sudah terdaftar sebagai agen."]);
            if (count > MaxPerAction)
                return (null, l["Filter ini mencakup {0} pegawai, padahal paling banyak {1} pegawai dapat didaftarkan sekali proses. Persempit filter, misalnya per unit kerja, lalu ulangi.", Display.Number(count), Display.Number(MaxPerAction)]);
            employees = await matching.Include(e => e.Unit).OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
        }
        else
        {
            var ids = form.Ids.Distinct().ToList();
            if (ids.Count == 0) return (null, l["Pilih minimal satu pegawai, atau gunakan tombol untuk mendaftarkan semua pegawai yang cocok dengan filter."]);
            if (ids.Count > MaxPerAction)
                return (null, l["Anda memilih {0} pegawai, padahal paling banyak {1} pegawai dapat didaftarkan sekali proses.", Display.Number(ids.Count), Display.Number(MaxPerAction)]);
            var chosen = await db.Employees.Include(e => e.Unit).Where(e => ids.Contains(e.Id)).OrderBy(e => e.Name).ThenBy(e => e.Id).ToListAsync(ct);
            var already = (await db.Agents.Where(a => ids.Contains(a.EmployeeId)).Select(a => a.EmployeeId).ToListAsync(ct)).ToHashSet();
            foreach (var e in chosen.Where(e => already.Contains(e.Id)))
                skipped.Add(new SkippedEmployee(e.FullName, e.Nip, l["Sudah terdaftar sebagai agen."]));
            employees = chosen.Where(e => !already.Contains(e.Id)).ToList();
        }

        // 1. Rules: eligibility today (WIB), then a usable, unused government email.
        var today = Today();
        var accepted = new List<(Employee Employee, string Email)>();
        var emailsWanted = employees.Where(e => !string.IsNullOrWhiteSpace(e.GovEmail)).Select(e => users.NormalizeEmail(e.GovEmail!.Trim())!).Distinct().ToList();
        var taken = (await db.Users.Where(u => emailsWanted.Contains(u.NormalizedEmail!) || emailsWanted.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(ct))
            .SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var allowed = users.Options.User.AllowedUserNameCharacters;
        var emailCheck = new EmailAddressAttribute();
        foreach (var e in employees)
        {
            var problem = e.EligibilityProblem(today);
            var email = e.GovEmail?.Trim() ?? "";
            if (problem is not null)
                skipped.Add(new SkippedEmployee(e.FullName, e.Nip, l[problem]));
            else if (email.Length == 0)
                skipped.Add(new SkippedEmployee(e.FullName, e.Nip, l["Email dinas belum tercatat."]));
            else if (email.Length > 256 || !emailCheck.IsValid(email) || email.Any(c => !allowed.Contains(c)))
                skipped.Add(new SkippedEmployee(e.FullName, e.Nip, l["Email dinas {0} tidak valid.", email]));
            else if (!taken.Add(users.NormalizeEmail(email)!))
                skipped.Add(new SkippedEmployee(e.FullName, e.Nip, l["Email {0} sudah dipakai akun lain.", email]));
            else
                accepted.Add((e, email));
        }

        // 2. Accounts with temporary passwords; the hashing runs on all cores.
        var now = clock.GetUtcNow().UtcDateTime;
        var roleId = await db.Roles.Where(r => r.Name == Roles.Agen).Select(r => r.Id).SingleAsync(ct);
        var prepared = new List<(Employee Employee, AppUser User, string Password)>();
        foreach (var (e, email) in accepted)
        {
            var name = e.FullName;
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = users.NormalizeEmail(email),
                EmailConfirmed = true,
                DisplayName = name.Length <= 200 ? name : name[..200],
                MustChangePassword = true,
                CreatedUtc = now,
                LockoutEnabled = users.Options.Lockout.AllowedForNewUsers,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            };
            prepared.Add((e, user, await TemporaryPassword.GenerateValidAsync(users, user)));
        }
        var hasher = users.PasswordHasher;
        Parallel.ForEach(prepared, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            p => p.User.PasswordHash = hasher.HashPassword(p.User, p.Password));

        // 3. Accounts, roles and agents in one transaction with one summary audit entry; each Agent row is audited on its own too.
        var agents = prepared.Select(p => new Agent
        {
            EmployeeId = p.Employee.Id, UserId = p.User.Id, Status = AgentStatus.Active, StatusChangedUtc = now,
            EnrolledUtc = now, EnrolledByUserId = actorId,
        }).ToList();
        if (prepared.Count > 0)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Users.AddRange(prepared.Select(p => p.User));
                db.UserRoles.AddRange(prepared.Select(p => new IdentityUserRole<string> { UserId = p.User.Id, RoleId = roleId }));
                db.Agents.AddRange(agents);
                await db.SaveChangesAsync(ct);
                var summary = new UserChanges().Set("Enrolled", agents.Count).Set("Skipped", skipped.Count).ToJson();
                await audit.WriteAsync(AuditActions.Created, detail: summary, entityType: "AgentEnrolment", ct: ct);
                await tx.CommitAsync(ct);
            });
        }

        var enrolled = prepared.Select((p, i) => new EnrolledAgent(agents[i].Id, p.Employee.FullName, p.Employee.Nip, UnitName(p.Employee), p.User.Email!, p.Password)).ToList();
        return (new EnrolResult(enrolled, skipped), null);
    }

    /// <summary>The credentials CSV, built from what the result page posts back: nothing is read from or kept on the server.</summary>
    public FileDownload? CredentialsCsv(CredentialsForm form, string signInUrl)
    {
        List<CredentialRow>? rows;
        try
        {
            rows = JsonSerializer.Deserialize<List<CredentialRow>>(form.Credentials);
        }
        catch (JsonException)
        {
            return null;
        }
        if (rows is null || rows.Count == 0 || rows.Count > MaxPerAction) return null;
        static string Cut(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
        var lines = new List<IReadOnlyList<string?>>
        {
            new[] { l["Nama"].Value, "NIP", l["Unit Kerja"].Value, l["Email"].Value, l["Kata sandi sementara"].Value, l["Alamat masuk"].Value },
        };
        lines.AddRange(rows.Select(r => (IReadOnlyList<string?>)new[]
        {
            Cut(r.Name, 300), Nip.FormatForDisplay(Cut(r.Nip, 18)), Cut(r.Unit, 300), Cut(r.Email, 256), Cut(r.Password, 128), signInUrl,
        }));
        var today = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new FileDownload(Csv.Write(lines), Csv.ContentType, $"kata-sandi-sementara-agen-{today}.csv");
    }

    private IQueryable<Employee> Candidates(EnrolQuery query, UnitTree units)
    {
        var employees = db.Employees.Where(e => !db.Agents.Any(a => a.EmployeeId == e.Id));
        if (query.Search is { } search)
        {
            var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
            var digits = ListAgentsHandler.DigitsOf(search);
            employees = digits is null
                ? employees.Where(e => EF.Functions.Like(e.Name, pattern, "\\"))
                : employees.Where(e => EF.Functions.Like(e.Name, pattern, "\\") || e.Nip.Contains(digits));
        }
        if (query.UnitId is { } unitId)
        {
            var ids = units.WithDescendants(unitId);
            employees = employees.Where(e => e.UnitId != null && ids.Contains(e.UnitId.Value));
        }
        if (query.Type is { } type) employees = employees.Where(e => e.EmploymentType == type);
        return employees;
    }

    private static string? UnitName(Employee e) => e.Unit?.Name ?? e.WorkUnitName ?? e.SiasnUnorName;

    private DateOnly Today() => DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
}
