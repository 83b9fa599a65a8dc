using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Data.Seed;

/// <summary>
/// The demo data set a newcomer clicks through in Development. Runs once: it does nothing when
/// the demo institution already exists. Accounts take their password from Seed:DemoPassword.
/// Later features extend it with their own data.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, IConfiguration config, TimeProvider clock)
{
    public const string Domain = "demo.test";

    public static readonly (string Email, string Name, string Role)[] Staff =
    [
        ($"admin@{Domain}", "Admin Sistem", Roles.Administrator),
        ($"kepegawaian@{Domain}", "Rina Kusumawati, S.E.", Roles.Kepegawaian),
        ($"humas@{Domain}", "Dimas Prasetyo, S.I.Kom.", Roles.Humas),
        ($"pimpinan@{Domain}", "Dr. Hendra Wijaya, M.Si.", Roles.Pimpinan),
    ];

    public static readonly (string Email, string Name)[] Agents =
    [
        ($"agen1@{Domain}", "Siti Rahmawati, S.Sos."),
        ($"agen2@{Domain}", "Budi Santoso, S.T."),
        ($"agen3@{Domain}", "Ayu Lestari, A.Md."),
        ($"agen4@{Domain}", "Fajar Nugroho, S.H."),
        ($"agen5@{Domain}", "Maria Ulfa, S.Kom."),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Institutions.AnyAsync(ct)) return false;
        var password = config["Seed:DemoPassword"];
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Seed:DemoPassword is not set: the demo accounts need a password (see appsettings.sample.json).");

        db.Institutions.Add(new Institution
        {
            Name = config["Institution:Name"] ?? "Dinas Komunikasi dan Informatika Kota Contoh",
            ShortName = config["Institution:ShortName"] ?? "Diskominfo",
            Address = "Jl. Merdeka No. 1",
            City = "Kota Contoh",
            Phone = "(021) 555-0100",
            Website = "https://contoh.go.id",
        });
        SeedUnits();
        await db.SaveChangesAsync(ct);

        foreach (var (email, name, role) in Staff) await CreateAsync(email, name, role, password);
        foreach (var (email, name) in Agents) await CreateAsync(email, name, Roles.Agen, password);
        return true;
    }

    private void SeedUnits()
    {
        Unit U(string name, string code, string? eselon, string head, params Unit[] children)
        {
            var u = new Unit { Name = name, Code = code, Eselon = eselon, HeadTitle = head };
            u.Children.AddRange(children);
            return u;
        }
        db.Units.Add(U("Sekretariat Daerah", "SETDA", "II.a", "Sekretaris Daerah",
            U("Bagian Organisasi", "ORG", "III.a", "Kepala Bagian Organisasi"),
            U("Bagian Protokol dan Komunikasi Pimpinan", "PROKOPIM", "III.a", "Kepala Bagian Protokol",
                U("Subbagian Dokumentasi", "DOK", "IV.a", "Kepala Subbagian Dokumentasi"))));
        db.Units.Add(U("Dinas Komunikasi dan Informatika", "DISKOMINFO", "II.b", "Kepala Dinas",
            U("Bidang Informasi dan Komunikasi Publik", "IKP", "III.b", "Kepala Bidang IKP",
                U("Tim Kerja Media Sosial", "MEDSOS", null, "Ketua Tim Kerja")),
            U("Bidang Aplikasi Informatika", "APTIKA", "III.b", "Kepala Bidang Aptika")));
        db.Units.Add(U("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", "II.b", "Kepala Badan",
            U("Bidang Mutasi dan Promosi", "MUTASI", "III.b", "Kepala Bidang Mutasi")));
        db.Units.Add(U("Dinas Kesehatan", "DINKES", "II.b", "Kepala Dinas",
            U("Puskesmas Kecamatan Tengah", "PKM-TENGAH", null, "Kepala Puskesmas")));
    }

    private async Task CreateAsync(string email, string name, string role, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
    }
}
