using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Data.Seed;

/// <summary>
/// The demo data set a newcomer clicks through in Development. Runs once: it does nothing when
/// the demo institution already exists. Accounts take their password from Seed:DemoPassword.
/// Units and employees arrive the way a real installation gets them: through the SIASN import
/// (a generated export with a few damaged rows, so the import history shows warnings and
/// rejections). Later features extend it with their own data.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, ImportRunner imports, IConfiguration config, TimeProvider clock, Features.Rewards.RewardCalculationService calculator)
{
    public const string Domain = "demo.test";
    public const int UnitCount = 40;
    public const int EmployeeCount = 320;
    public const int ExtraAgents = 25;

    public static readonly (string Email, string Name, string Role)[] Staff =
    [
        ($"admin@{Domain}", "Admin Sistem", Roles.Administrator),
        ($"kepegawaian@{Domain}", "Rina Kusumawati, S.E.", Roles.Kepegawaian),
        ($"humas@{Domain}", "Dimas Prasetyo, S.I.Kom.", Roles.Humas),
        ($"pimpinan@{Domain}", "Dr. Hendra Wijaya, M.Si.", Roles.Pimpinan),
    ];

    /// <summary>agen1..agen5; agen5 has not yet accepted the code of conduct, to show the first sign-in.</summary>
    public static readonly string[] AgentEmails = [.. Enumerable.Range(1, 5).Select(i => $"agen{i}@{Domain}")];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Institutions.AnyAsync(ct)) return false;
        var password = config["Seed:DemoPassword"];
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Seed:DemoPassword is not set: the demo accounts need a password (see appsettings.sample.json).");
        var now = clock.GetUtcNow().UtcDateTime;
        var name = config["Institution:Name"] is { Length: > 0 } n ? n : "Pemerintah Kota Contoh";

        db.Institutions.Add(new Institution
        {
            Name = name,
            ShortName = config["Institution:ShortName"] is { Length: > 0 } s ? s : "Pemkot Contoh",
            Address = "Jl. Merdeka No. 1",
            City = "Kota Contoh",
            Phone = "(021) 555-0100",
            Email = "humas@contohkota.go.id",
            Website = "https://contohkota.go.id",
            LetterheadLines = "PEMERINTAH KOTA CONTOH",
        });
        db.Signatories.AddRange(
            new Signatory { Role = SignatoryRole.HeadOfInstitution, Name = "Dr. Hendra Wijaya, M.Si.", PositionTitle = "Wali Kota Contoh", OmitRankAndNip = true },
            new Signatory { Role = SignatoryRole.HeadOfPublicRelations, Name = "Dimas Prasetyo, S.I.Kom., M.A.", PositionTitle = "Kepala Bagian Protokol dan Komunikasi Pimpinan", Nip = "198203152006041002", GolonganCode = "41" },
            new Signatory { Role = SignatoryRole.HeadOfHumanResources, Name = "Rina Kusumawati, S.E., M.M.", PositionTitle = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Nip = "197805202003122001", GolonganCode = "42" });
        await db.SaveChangesAsync(ct);

        foreach (var (email, displayName, role) in Staff) await CreateUserAsync(email, displayName, role, password);
        await ImportSampleExportAsync(name, ct);
        await EnrolAgentsAsync(password, now, ct);
        var author = await users.FindByEmailAsync(Staff[2].Email);
        var approver = await users.FindByEmailAsync(Staff[3].Email);
        await new DemoCampaigns(db, clock).SeedAsync(author!.Id, approver!.Id, ct);
        await new DemoRewards(db, calculator, clock).SeedAsync(author.Id, approver.Id, ct);
        // The demo rows were written without day marks: the next aggregate refresh rebuilds everything.
        await db.AggRefreshState.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastFullRebuildUtc, (DateTime?)null), ct);
        return true;
    }

    /// <summary>Runs a generated SIASN export (units, then employees) through the real importer.</summary>
    private async Task ImportSampleExportAsync(string institution, CancellationToken ct)
    {
        var generator = new SiasnSampleGenerator(institution: institution, referenceDate: DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var units = generator.Units(UnitCount);
        var dir = Directory.CreateTempSubdirectory("agentprogram-demo");
        try
        {
            var unitFile = Path.Combine(dir.FullName, "unor-demo.csv");
            var employeeFile = Path.Combine(dir.FullName, "export-data-asn-demo.csv");
            await File.WriteAllBytesAsync(unitFile, SiasnSampleGenerator.UnitsCsv(units), ct);
            await File.WriteAllBytesAsync(employeeFile, SiasnSampleGenerator.EmployeesCsv(generator.Employees(EmployeeCount, units, defectRate: 0.03)), ct);
            await imports.RunFileAsync(unitFile, ImportKind.Units, ct);
            await imports.RunFileAsync(employeeFile, ImportKind.Employees, ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The five demo agent accounts and a few more agents, linked to eligible imported employees.</summary>
    private async Task EnrolAgentsAsync(string password, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var candidates = (await db.Employees.Where(e => e.UnitId != null && e.GovEmail != null).OrderBy(e => e.Id).ToListAsync(ct))
            .Where(e => e.IsEligible(today)).Take(AgentEmails.Length + ExtraAgents).ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var employee = candidates[i];
            var demo = i < AgentEmails.Length;
            if (demo) employee.GovEmail = AgentEmails[i];
            var user = await CreateUserAsync(employee.GovEmail!, employee.FullName, Roles.Agen, password);
            var agent = new Agent
            {
                EmployeeId = employee.Id,
                UserId = user.Id,
                EnrolledUtc = now.AddDays(-75 + i % 20),
                // agen5 meets the code of conduct and consent page at first sign-in.
                CodeOfConductAcceptedUtc = i == 4 ? null : now.AddDays(-74 + i % 20),
                DataConsentUtc = i == 4 ? null : now.AddDays(-74 + i % 20),
            };
            if (i == 0)
            {
                agent.SocialAccounts.Add(new SocialAccount { Platform = Platform.Instagram, Handle = "siti.rahma.asn", ProfileUrl = "https://www.instagram.com/siti.rahma.asn", Kind = AccountKind.Professional, Followers = 1840, FollowersAsOf = today.AddDays(-3), State = VerificationState.Verified, ReviewedUtc = now.AddDays(-2), CreatedUtc = now.AddDays(-5) });
                agent.SocialAccounts.Add(new SocialAccount { Platform = Platform.X, Handle = "sitirahma_asn", ProfileUrl = "https://x.com/sitirahma_asn", Kind = AccountKind.Personal, Followers = 420, FollowersAsOf = today.AddDays(-1), State = VerificationState.Pending, CreatedUtc = now.AddDays(-1) });
            }
            if (i == ExtraAgents) { agent.Status = AgentStatus.Suspended; agent.StatusReason = "Sedang cuti di luar tanggungan negara."; agent.StatusChangedUtc = now.AddDays(-3); }
            db.Agents.Add(agent);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string role, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
