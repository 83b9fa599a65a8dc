using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Agents;

public sealed partial class EnrolmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Sepeda-Biru-Melintasi-Jembatan";

    [GeneratedRegex("name=\"Credentials\" value=\"([^\"]*)\"")]
    private static partial Regex CredentialsField();

    private static IEnumerable<KeyValuePair<string, string>> Ids(params Employee[] employees) =>
        employees.Select(e => new KeyValuePair<string, string>("Ids", e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Eligible_employees_are_enrolled_and_the_others_are_skipped_with_their_reason()
    {
        var (hr, client) = await app.StaffAsync();
        var taken = await app.CreateUserAsync(Roles.Humas);
        var ok = await app.SeedEmployeeAsync("Ayu Lestari", e => e.TitleSuffix = "S.Kom.");
        var pppk = await app.SeedEmployeeAsync("Bayu Pratama", e => { e.EmploymentType = EmploymentType.Pppk; e.ContractStart = new DateOnly(2024, 1, 1); e.ContractEnd = new DateOnly(2099, 12, 31); });
        var leave = await app.SeedEmployeeAsync("Citra Dewi", e => e.LegalStatus = LegalStatus.Cltn);
        var expired = await app.SeedEmployeeAsync("Dimas Saputra", e => { e.EmploymentType = EmploymentType.Pppk; e.ContractStart = new DateOnly(2023, 1, 1); e.ContractEnd = new DateOnly(2025, 1, 1); });
        var sanctioned = await app.SeedEmployeeAsync("Eka Wijaya", e => e.HasDisciplinarySanction = true);
        var noEmail = await app.SeedEmployeeAsync("Fajar Nugroho", e => e.GovEmail = null);
        var usedEmail = await app.SeedEmployeeAsync("Gita Anggraini", e => e.GovEmail = taken.Email!.ToUpperInvariant());
        var already = await app.SeedAgentAsync("Hadi Kusuma");

        var response = await client.PostFormAsync("/agen/daftarkan", "/agen/daftarkan",
            Ids(ok, pppk, leave, expired, sanctioned, noEmail, usedEmail).Append(new("Ids", already.EmployeeId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Rendered from the POST: no redirect could carry the passwords, and nothing caches them.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("2 pegawai didaftarkan sebagai agen, 6 dilewati.", html);
        Assert.Equal([ok.GovEmail!, pppk.GovEmail!], TextsOf(html, "enrolled-email"));
        var passwords = TextsOf(html, "enrolled-password");
        Assert.Equal(2, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.Matches("^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$", p));
        Assert.Contains(Nip.FormatForDisplay(ok.Nip), html);

        var skipped = WebUtility.HtmlDecode(html[html.IndexOf("Dilewati", StringComparison.Ordinal)..]);
        Assert.Contains("Citra Dewi", skipped);
        Assert.Contains(EmployeeRules.NotActive, skipped);
        Assert.Contains(EmployeeRules.ContractNotCurrent, skipped);
        Assert.Contains(EmployeeRules.Sanctioned, skipped);
        Assert.Contains("Email dinas belum tercatat.", skipped);
        Assert.Contains($"Email {taken.Email!.ToUpperInvariant()} sudah dipakai akun lain.", skipped);
        Assert.Contains("Sudah terdaftar sebagai agen.", skipped);

        var agents = await app.WithDb(db => db.Agents.Include(a => a.User).Where(a => a.EmployeeId == ok.Id || a.EmployeeId == pppk.Id).ToListAsync());
        Assert.Equal(2, agents.Count);
        Assert.All(agents, a =>
        {
            Assert.Equal(AgentStatus.Active, a.Status);
            Assert.Equal(hr.Id, a.EnrolledByUserId);
            Assert.True(a.User.MustChangePassword);
            Assert.True(a.User.LockoutEnabled);
            Assert.Null(a.CodeOfConductAcceptedUtc);
        });
        Assert.Equal("Ayu Lestari, S.Kom.", agents.Single(a => a.EmployeeId == ok.Id).User.DisplayName);
        var agentRole = await app.WithDb(db => db.UserRoles.CountAsync(ur => ur.RoleId == "role-agen" && agents.Select(a => a.UserId).Contains(ur.UserId)));
        Assert.Equal(2, agentRole);
        var skippedIds = new[] { leave.Id, expired.Id, sanctioned.Id, noEmail.Id, usedEmail.Id };
        Assert.False(await app.WithDb(db => db.Agents.AnyAsync(a => skippedIds.Contains(a.EmployeeId))));
        var normalized = taken.Email!.ToUpperInvariant();
        Assert.Equal(1, await app.WithDb(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));

        // Each agent row is audited, with one summary entry for the action; no password is ever written down.
        var agentKeys = agents.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Agent) && a.Action == AuditActions.Created && agentKeys.Contains(a.EntityKey!))));
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AgentEnrolment" && a.UserId == hr.Id)));
        foreach (var p in passwords)
            Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains(p))));
    }

    [Fact]
    public async Task The_temporary_password_signs_in_and_the_agent_must_change_it_then_accept_the_terms()
    {
        var (_, hr) = await app.StaffAsync();
        var employee = await app.SeedEmployeeAsync("Indah Permata");
        var html = await (await hr.PostFormAsync("/agen/daftarkan", "/agen/daftarkan", Ids(employee))).Content.ReadAsStringAsync();
        var password = Assert.Single(TextsOf(html, "enrolled-password"));

        var agent = await app.SignInAsAsync(employee.GovEmail!, password);
        Assert.Equal("/akun/kata-sandi", LocationOf(await agent.GetAsync("/")));
        // The consent page itself waits for the password change too.
        Assert.Equal("/akun/kata-sandi", LocationOf(await agent.GetAsync("/agen/persetujuan")));
        Assert.Equal("/akun/kata-sandi", LocationOf(await agent.GetAsync("/agen/data-saya")));

        var changed = await agent.PostFormAsync("/akun/kata-sandi", "/akun/kata-sandi",
            ("CurrentPassword", password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Now every page leads to the code of conduct and consent until both are accepted.
        Assert.Equal("/agen/persetujuan", LocationOf(await agent.GetAsync("/")));
        Assert.Equal("/agen/persetujuan", LocationOf(await agent.GetAsync("/agen/akun-media-sosial")));
        var terms = await agent.GetHtmlAsync("/agen/persetujuan");
        Assert.Contains("Tidak menyebarkan ujaran kebencian berdasarkan suku, agama, ras, dan antargolongan (SARA).", terms);
        Assert.Equal(8, Regex.Count(terms[terms.IndexOf("data-testid=\"code-of-conduct\"", StringComparison.Ordinal)..terms.IndexOf("</ol>", StringComparison.Ordinal)], "<li>"));
        Assert.Contains("Saya tidak mengikuti (follow) akun media sosial calon atau partai politik.", terms);
        Assert.Contains("Pemerintah Kota Uji adalah pengendali data pribadi Anda dalam program ini.", terms);

        var oneBox = await agent.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"));
        Assert.Equal(HttpStatusCode.OK, oneBox.StatusCode);
        Assert.Contains("Centang kotak persetujuan pemrosesan data.", await oneBox.Content.ReadAsStringAsync());
        Assert.Equal("/agen/persetujuan", LocationOf(await agent.GetAsync("/")));
        Assert.Null(await app.WithDb(db => db.Agents.Where(a => a.EmployeeId == employee.Id).Select(a => a.CodeOfConductAcceptedUtc).SingleAsync()));

        var both = await agent.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        Assert.Equal("/", LocationOf(both));
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/agen/akun-media-sosial")).StatusCode);
        var saved = await app.WithDb(db => db.Agents.SingleAsync(a => a.EmployeeId == employee.Id));
        Assert.NotNull(saved.CodeOfConductAcceptedUtc);
        Assert.NotNull(saved.DataConsentUtc);
        Assert.Equal(AgentStatus.Active, saved.Status);
    }

    [Fact]
    public async Task Enrol_all_matching_a_filter_includes_sub_units_and_respects_the_type()
    {
        var (_, client) = await app.StaffAsync();
        var parent = await app.SeedUnitAsync("Dinas Komunikasi");
        var child = await app.SeedUnitAsync("Bidang Humas", parent.Id);
        var other = await app.SeedUnitAsync("Dinas Pendidikan");
        var p1 = await app.SeedEmployeeAsync("Joko Santoso", e => e.UnitId = parent.Id);
        var c1 = await app.SeedEmployeeAsync("Kartika Sari", e => { e.UnitId = child.Id; e.EmploymentType = EmploymentType.PppkParuhWaktu; e.ContractStart = new DateOnly(2025, 1, 1); e.ContractEnd = new DateOnly(2099, 1, 1); });
        var c2 = await app.SeedEmployeeAsync("Lukman Hakim", e => { e.UnitId = child.Id; e.LegalStatus = LegalStatus.TugasBelajar; });
        var o1 = await app.SeedEmployeeAsync("Maya Putri", e => e.UnitId = other.Id);
        var o2 = await app.SeedEmployeeAsync("Nanda Pertiwi", e => { e.UnitId = other.Id; e.EmploymentType = EmploymentType.Pppk; e.ContractStart = new DateOnly(2025, 1, 1); e.ContractEnd = new DateOnly(2099, 1, 1); });

        var form = await client.GetHtmlAsync($"/agen/daftarkan?unit={parent.Id}");
        Assert.Contains("3 pegawai belum menjadi agen", form);
        Assert.Contains("Daftarkan semua 3 pegawai yang cocok dengan filter ini", form);

        var response = await client.PostFormAsync($"/agen/daftarkan?unit={parent.Id}", "/agen/daftarkan",
            ("AllMatching", "true"), ("Unit", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Q", ""), ("Jenis", ""));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("2 pegawai didaftarkan sebagai agen, 1 dilewati.", html);
        Assert.Equal([p1.GovEmail!, c1.GovEmail!], TextsOf(html, "enrolled-email"));
        Assert.Contains("Lukman Hakim", html);
        var enrolled = await app.WithDb(db => db.Agents.Select(a => a.EmployeeId).ToListAsync());
        Assert.Contains(p1.Id, enrolled);
        Assert.Contains(c1.Id, enrolled);
        Assert.DoesNotContain(c2.Id, enrolled);
        Assert.DoesNotContain(o1.Id, enrolled);

        // Only the one not enrolled is left in the unit; other units and types are untouched by a typed filter.
        Assert.Contains("1 pegawai belum menjadi agen", await client.GetHtmlAsync($"/agen/daftarkan?unit={parent.Id}"));
        var typed = await client.PostFormAsync($"/agen/daftarkan?unit={other.Id}&jenis=pppk", "/agen/daftarkan",
            ("AllMatching", "true"), ("Unit", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Jenis", "pppk"));
        Assert.Equal([o2.GovEmail!], TextsOf(await typed.Content.ReadAsStringAsync(), "enrolled-email"));
        Assert.False(await app.WithDb(db => db.Agents.AnyAsync(a => a.EmployeeId == o1.Id)));
    }

    [Fact]
    public async Task Nothing_selected_and_too_many_selected_are_refused_with_what_to_do()
    {
        var (_, client) = await app.StaffAsync();
        var before = await app.WithDb(db => db.Agents.CountAsync());

        var none = await client.PostFormAsync("/agen/daftarkan", "/agen/daftarkan", ("Q", ""));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Pilih minimal satu pegawai", await none.Content.ReadAsStringAsync());

        var tooMany = await client.PostFormAsync("/agen/daftarkan", "/agen/daftarkan",
            Enumerable.Range(1, 501).Select(i => new KeyValuePair<string, string>("Ids", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("Anda memilih 501 pegawai, padahal paling banyak 500 pegawai dapat didaftarkan sekali proses.", await tooMany.Content.ReadAsStringAsync());

        var nothingMatches = await client.PostFormAsync("/agen/daftarkan", "/agen/daftarkan", ("AllMatching", "true"), ("Q", "tidak-ada-pegawai-bernama-ini"));
        Assert.Contains("Tidak ada pegawai yang cocok dengan filter ini", await nothingMatches.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.WithDb(db => db.Agents.CountAsync()));
    }

    [Fact]
    public async Task The_credentials_csv_is_built_from_the_posted_list_and_kept_nowhere()
    {
        var (_, client) = await app.StaffAsync();
        var unit = await app.SeedUnitAsync("Sekretariat Daerah");
        var employee = await app.SeedEmployeeAsync("Oki Firmansyah", e => e.UnitId = unit.Id);
        var html = await (await client.PostFormAsync("/agen/daftarkan", "/agen/daftarkan", Ids(employee))).Content.ReadAsStringAsync();
        var password = Assert.Single(TextsOf(html, "enrolled-password"));
        var credentials = WebUtility.HtmlDecode(CredentialsField().Match(html).Groups[1].Value);
        Assert.Contains(password, credentials);

        var token = HttpClientExtensions.AntiforgeryToken(html);
        var response = await client.PostAsync("/agen/daftarkan/unduh", new FormUrlEncodedContent([new("Credentials", credentials), new("__af", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nama,NIP,Unit Kerja,Email,Kata sandi sementara,Alamat masuk", lines[0]);
        Assert.Equal($"Oki Firmansyah,{Nip.FormatForDisplay(employee.Nip)},Sekretariat Daerah,{employee.GovEmail},{password},https://localhost/akun/masuk", lines[1]);

        // The server kept no readable copy: the account holds only a hash, and the trail never saw the password.
        var hash = await app.WithDb(db => db.Users.Where(u => u.Email == employee.GovEmail).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(password, hash);
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains(password))));

        var empty = await client.PostAsync("/agen/daftarkan/unduh", new FormUrlEncodedContent([new("Credentials", "not json"), new("__af", token)]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task The_candidate_list_shows_only_employees_not_yet_agents_with_their_eligibility()
    {
        var (_, client) = await app.StaffAsync();
        var unit = await app.SeedUnitAsync("Badan Perencanaan");
        var free = await app.SeedEmployeeAsync("Putri Ramadhani", e => e.UnitId = unit.Id);
        var frozen = await app.SeedEmployeeAsync("Qori Amalia", e => { e.UnitId = unit.Id; e.LegalStatus = LegalStatus.MasaPersiapanPensiun; });
        var agent = await app.SeedAgentAsync("Rudi Hartono", employee: e => e.UnitId = unit.Id);

        var html = await client.GetHtmlAsync($"/agen/daftarkan?unit={unit.Id}");
        Assert.Contains("2 pegawai belum menjadi agen", html);
        Assert.Contains("Putri Ramadhani", html);
        Assert.Contains("Qori Amalia", html);
        Assert.DoesNotContain("Rudi Hartono", html);
        Assert.Contains(EmployeeRules.NotActive, WebUtility.HtmlDecode(html));
        Assert.Contains(Nip.FormatForDisplay(free.Nip), html);
        Assert.DoesNotContain("checked=\"checked\" />", html[html.IndexOf("<tbody>", StringComparison.Ordinal)..]);

        // A NIP typed with its spaces finds the person; the NIP is never part of a link.
        var byNip = await client.GetHtmlAsync("/agen/daftarkan?q=" + Uri.EscapeDataString(Nip.FormatForDisplay(frozen.Nip)));
        Assert.Contains("1 pegawai belum menjadi agen", byNip);
        Assert.Contains("Qori Amalia", byNip);
        Assert.DoesNotMatch("href=\"[^\"]*" + free.Nip, html);

        // Select all on this page, without script.
        var all = await client.GetHtmlAsync($"/agen/daftarkan?unit={unit.Id}&pilih=semua");
        Assert.Equal(2, Regex.Count(all, "name=\"Ids\" value=\"\\d+\" id=\"emp-\\d+\" checked=\"checked\""));
        _ = agent;
    }

    [Fact]
    public async Task Enrolling_fifty_at_once_is_one_quick_transaction()
    {
        var (_, client) = await app.StaffAsync();
        var unit = await app.SeedUnitAsync("Dinas Besar");
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 50; i++)
            {
                db.Employees.Add(new Employee
                {
                    Nip = NextNip(), Name = $"Pegawai Massal {i:000}", EmploymentType = EmploymentType.Pns, LegalStatus = LegalStatus.Aktif,
                    GovEmail = NextEmail("massal"), UnitId = unit.Id, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });

        var watch = Stopwatch.StartNew();
        var response = await client.PostFormAsync($"/agen/daftarkan?unit={unit.Id}", "/agen/daftarkan",
            ("AllMatching", "true"), ("Unit", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        watch.Stop();
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("50 pegawai didaftarkan sebagai agen, 0 dilewati.", html);
        Assert.Equal(50, TextsOf(html, "enrolled-password").Distinct().Count());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Enrolling 50 took {watch.Elapsed.TotalSeconds:0.0} s.");
        Assert.Equal(50, await app.WithDb(db => db.Agents.CountAsync(a => a.Employee.UnitId == unit.Id)));
    }
}
