using System.Net;
using AgentProgram.Tests.Security;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.RewardSchemes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.RewardSchemes.SchemeTestKit;

namespace AgentProgram.Tests.Features.RewardSchemes;

public sealed class RewardSchemeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(AppUser User, HttpClient Client)> UserAsync(string role)
    {
        var user = await app.CreateUserAsync(role);
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, AppFactory.Password)).StatusCode);
        return (user, client);
    }

    private static string Url(int scheme, int number, string? step = null) =>
        $"/skema-penghargaan/{scheme}/versi/{number}" + (step is null ? "" : "/" + step);

    private static async Task SubmitAsync(HttpClient humas, int scheme, int number, string note)
    {
        var html = await humas.GetHtmlAsync(Url(scheme, number));
        var version = System.Text.RegularExpressions.Regex.Match(html, "action=\"[^\"]*/ajukan\"[^>]*>\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var response = await humas.PostFormAsync(Url(scheme, number), Url(scheme, number, "ajukan"), ("ChangeNote", note), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task ApproveAsync(HttpClient leader, int scheme, int number)
    {
        var v = await app.VersionAsync(scheme, number);
        var response = await leader.PostFormAsync(Url(scheme, number, "setujui"), Url(scheme, number, "setujui"), ("Version", v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Create_makes_version_1_a_draft_with_the_default_rules_and_the_list_shows_it_waiting()
    {
        var (humas, client) = await UserAsync(Roles.Humas);

        var id = await client.CreateSchemeAsync("Skema Agen 2027", "Untuk seluruh agen.");

        var scheme = await app.WithDb(db => db.RewardSchemes.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(humas.Id, scheme.CreatedByUserId);
        var v = await app.VersionAsync(id, 1);
        Assert.Equal(SchemeVersionState.Draft, v.State);
        Assert.Equal(RewardRules.Default.ToJson(), v.RulesJson);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RewardSchemeVersion) && a.EntityKey == v.Id.ToString())));

        var page = await client.GetHtmlAsync(Url(id, 1));
        var html = WebUtility.HtmlDecode(page);
        Assert.Contains("Skema dibuat dengan versi 1 sebagai draf", html);
        Assert.Contains("Insentif uang hanya jika ada dasar hukum dan pagu anggaran.", html);
        Assert.Contains("Tidak aktif: skema ini tidak memberikan uang.", html);
        Assert.Contains("Bobot per platform: WhatsApp ×0,5; platform lain ×1.", System.Text.RegularExpressions.Regex.Replace(html, @"\s+", " "));
        Assert.Contains("Paling banyak 3 bagikan dihitung untuk setiap pesan.", html);

        var list = WebUtility.HtmlDecode(await client.GetHtmlAsync("/skema-penghargaan?q=Agen%202027"));
        Assert.Contains($"href=\"/skema-penghargaan/{id}\">Skema Agen 2027</a>", list);
        Assert.Contains("Belum ada yang disetujui", list);
        Assert.Contains("Versi 1: Draf", list);
        Assert.DoesNotContain("Skema Agen 2027", WebUtility.HtmlDecode(await client.GetHtmlAsync("/skema-penghargaan?q=tidak-ada-yang-cocok")));
    }

    [Fact]
    public async Task Create_refuses_a_duplicate_or_empty_name_keeping_the_input()
    {
        var (_, client) = await UserAsync(Roles.Humas);
        await client.CreateSchemeAsync("Skema Ganda");

        var again = await client.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru", ("Name", "Skema Ganda"), ("Description", "Keterangan yang diketik"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await HtmlOf(again);
        Assert.Contains("Sudah ada skema dengan nama ini.", html);
        Assert.Contains("Keterangan yang diketik</textarea>", html);

        var empty = await client.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru", ("Name", ""));
        Assert.Contains("Nama skema wajib diisi.", await HtmlOf(empty));
        Assert.Equal(1, await app.WithDb(db => db.RewardSchemes.CountAsync(s => s.Name == "Skema Ganda")));
    }

    [Fact]
    public async Task Edit_saves_every_kind_of_rule_from_the_form()
    {
        var (_, client) = await UserAsync(Roles.Humas);
        var id = await client.CreateSchemeAsync("Skema Ubah Lengkap");
        var edit = Url(id, 1, "ubah");
        var fields = await client.EditFieldsAsync(edit);
        Assert.Equal("10", fields["PointsPerShare"]);
        Assert.Equal(Enum.GetValues<Platform>().Length, fields.Keys.Count(k => k.StartsWith("PlatformWeights[", StringComparison.Ordinal) && k.EndsWith(".Weight", StringComparison.Ordinal)));
        Assert.Equal(RulesForm.TierRows, fields.Keys.Count(k => k.StartsWith("Incentive.Tiers[", StringComparison.Ordinal) && k.EndsWith(".Amount", StringComparison.Ordinal)));

        fields["PointsPerShare"] = "12,5";
        fields["CapPerDay"] = "";
        var whatsApp = Array.IndexOf(Enum.GetValues<Platform>(), Platform.WhatsApp);
        fields[$"PlatformWeights[{whatsApp}].Weight"] = "0.25";
        fields["Incentive.Enabled"] = "true";
        fields["Incentive.LegalBasis"] = "Peraturan Wali Kota Uji Nomor 12 Tahun 2026";
        fields["Incentive.BudgetLine"] = "DPA Diskominfo 2.16.01";
        fields["Incentive.Budget"] = "Rp 10.000.000";
        fields["Incentive.Tiers[0].FromRank"] = "1";
        fields["Incentive.Tiers[0].ToRank"] = "1";
        fields["Incentive.Tiers[0].Amount"] = "1.000.000";
        fields["Incentive.Tiers[2].FromRank"] = "2";
        fields["Incentive.Tiers[2].ToRank"] = "5";
        fields["Incentive.Tiers[2].Amount"] = "500000";
        fields["Study.Kind"] = nameof(StudyKind.TugasBelajar);
        fields.Remove("Development.Enabled");

        var response = await client.PostEditAsync(edit, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url(id, 1), LocationOf(response));
        var rules = (await app.VersionAsync(id, 1)).Rules;
        Assert.Equal(12.5m, rules.PointsPerShare);
        Assert.Null(rules.CapPerDay);
        Assert.Equal(3, rules.CapPerMessage);
        Assert.Equal(0.25m, rules.PlatformWeightOf(Platform.WhatsApp));
        Assert.Equal(0.01m, rules.PointsPer(AgentProgram.Web.Domain.Messages.MissionTag.Transparansi, EngagementMetric.Views));
        Assert.True(rules.Incentive.IsLawful);
        Assert.Equal(10_000_000, rules.Incentive.Budget);
        Assert.Equal([new IncentiveTier(1, 1, 1_000_000), new IncentiveTier(2, 5, 500_000)], rules.Incentive.TierList);
        Assert.Equal(StudyKind.TugasBelajar, rules.Study.Kind);
        Assert.False(rules.Development.Enabled);
        Assert.Empty(RewardRulesCheck.Check(rules));

        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync(Url(id, 1)));
        Assert.Contains("Aturan draf disimpan.", html);
        Assert.Contains("12,5 poin untuk setiap bagikan yang terverifikasi.", html);
        Assert.Contains("Peraturan Wali Kota Uji Nomor 12 Tahun 2026", html);
        Assert.Contains("Peringkat 2–5: Rp 500.000", html);
        Assert.Contains("Tanpa batas jumlah bagikan per hari.", html);
        Assert.Contains("Pengembangan kompetensi: tidak aktif.", html);
    }

    [Fact]
    public async Task Edit_with_invalid_rules_shows_each_message_beside_its_field_keeps_the_input_and_saves_nothing()
    {
        var (_, client) = await UserAsync(Roles.Humas);
        var id = await client.CreateSchemeAsync("Skema Salah Isi");
        var edit = Url(id, 1, "ubah");
        var before = (await app.VersionAsync(id, 1)).RulesJson;
        var fields = await client.EditFieldsAsync(edit);
        fields["PointsPerShare"] = "-1";
        fields["CapPerDay"] = "lima";
        fields["ParticipationWeightPercent"] = "120";
        fields["Incentive.Enabled"] = "true";
        fields["Incentive.LegalBasis"] = "";
        fields["Incentive.BudgetLine"] = "";
        fields["Incentive.Tiers[1].FromRank"] = "5";
        fields["Incentive.Tiers[1].ToRank"] = "3";
        fields["Incentive.Tiers[1].Amount"] = "250000";
        fields["Promotion.ConsecutivePeriods"] = "0";

        // A word where a number belongs is reported first; the rules are checked once every field is a number.
        var first = await client.PostEditAsync(edit, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await HtmlOf(first);
        Assert.Contains("data-testid=\"error-CapPerDay\">Isi bilangan bulat, misalnya 10.</div>", html);
        Assert.Contains("value=\"lima\"", html);

        fields["CapPerDay"] = "5";
        var second = await client.PostEditAsync(edit, fields);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        html = await HtmlOf(second);
        Assert.Contains("data-testid=\"error-PointsPerShare\">Tidak boleh negatif.</div>", html);
        Assert.Contains("data-testid=\"error-ParticipationWeightPercent\">Persen harus antara 0 dan 100.</div>", html);
        Assert.Contains("data-testid=\"error-Incentive.LegalBasis\">Insentif uang hanya boleh aktif bila dasar hukumnya diisi.</div>", html);
        Assert.Contains("data-testid=\"error-Incentive.BudgetLine\">Insentif uang hanya boleh aktif bila mata anggaran (DIPA/DPA) diisi.</div>", html);
        Assert.Contains("data-testid=\"error-Incentive.Budget\">Pagu anggaran harus lebih dari Rp0 bila insentif uang aktif.</div>", html);
        // The tier typed in the second row is reported on the second row, though it is the first filled one.
        Assert.Contains("data-testid=\"error-Incentive.Tiers[1].ToRank\">Peringkat awal (5) tidak boleh lebih besar dari peringkat akhir (3).</div>", html);
        Assert.Contains("data-testid=\"error-Promotion.ConsecutivePeriods\">Jumlah periode berturut-turut harus antara 1 dan 12.</div>", html);
        Assert.Contains("name=\"PointsPerShare\" class=\"form-control is-invalid\" value=\"-1\"", html);
        Assert.Contains("name=\"Incentive.Tiers[1].Amount\" class=\"form-control\" value=\"250000\"", html);
        Assert.Contains("name=\"Incentive.Enabled\" value=\"true\" checked=\"checked\"", html);
        Assert.Equal(before, (await app.VersionAsync(id, 1)).RulesJson);
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_with_a_clear_message_and_keeps_the_first_save()
    {
        var (_, alice) = await UserAsync(Roles.Humas);
        var (_, bob) = await UserAsync(Roles.Humas);
        var id = await alice.CreateSchemeAsync("Skema Bersamaan");
        var edit = Url(id, 1, "ubah");
        var aliceFields = await alice.EditFieldsAsync(edit);
        var bobFields = await bob.EditFieldsAsync(edit);

        aliceFields["PointsPerShare"] = "20";
        Assert.Equal(HttpStatusCode.Redirect, (await alice.PostEditAsync(edit, aliceFields)).StatusCode);
        bobFields["PointsPerShare"] = "30";
        var stale = await bob.PostEditAsync(edit, bobFields);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await HtmlOf(stale);
        Assert.Contains("Data ini baru saja diubah orang lain.", html);
        Assert.Contains("name=\"PointsPerShare\" class=\"form-control\" value=\"30\"", html);
        Assert.Equal(20m, (await app.VersionAsync(id, 1)).Rules.PointsPerShare);
    }

    [Fact]
    public async Task Submit_needs_a_change_note_and_sound_rules_and_then_the_draft_is_no_longer_editable()
    {
        var (_, client) = await UserAsync(Roles.Humas);
        var id = await client.CreateSchemeAsync("Skema Ajukan");
        var version = (await app.VersionAsync(id, 1)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noNote = await client.PostFormAsync(Url(id, 1), Url(id, 1, "ajukan"), ("ChangeNote", " "), ("Version", version));
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("Catatan perubahan wajib diisi: apa yang berubah dan mengapa.", await HtmlOf(noNote));

        // Rules that became wrong (here written directly) block the submission.
        var bad = RewardRules.Default with { Incentive = new IncentiveRule(true) };
        await app.WithDb(async db =>
        {
            var v = await db.RewardSchemeVersions.SingleAsync(x => x.SchemeId == id && x.Number == 1);
            v.RulesJson = bad.ToJson();
            return await db.SaveChangesAsync();
        });
        var current = (await app.VersionAsync(id, 1)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = WebUtility.HtmlDecode(await client.GetHtmlAsync(Url(id, 1)));
        Assert.Contains("Insentif uang: Insentif uang hanya boleh aktif bila dasar hukumnya diisi.", page);
        var refused = await client.PostFormAsync(Url(id, 1), Url(id, 1, "ajukan"), ("ChangeNote", "Catatan"), ("Version", current));
        Assert.Contains("Aturan versi ini masih ada yang salah.", await HtmlOf(refused));
        Assert.Equal(SchemeVersionState.Draft, (await app.VersionAsync(id, 1)).State);

        await app.WithDb(async db =>
        {
            var v = await db.RewardSchemeVersions.SingleAsync(x => x.SchemeId == id && x.Number == 1);
            v.RulesJson = RewardRules.Default.ToJson();
            return await db.SaveChangesAsync();
        });
        await SubmitAsync(client, id, 1, "Aturan awal untuk uji coba 2027.");

        var submitted = await app.VersionAsync(id, 1);
        Assert.Equal(SchemeVersionState.Submitted, submitted.State);
        Assert.Equal("Aturan awal untuk uji coba 2027.", submitted.ChangeNote);
        Assert.NotNull(submitted.SubmittedUtc);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Action == SchemeAuditActions.Submitted && a.EntityKey == submitted.Id.ToString())));

        var edit = await client.GetAsync(Url(id, 1, "ubah"));
        Assert.Contains("Hanya versi berstatus draf yang dapat diubah.", await HtmlOf(edit));
        var list = WebUtility.HtmlDecode(await client.GetHtmlAsync("/skema-penghargaan?q=Skema%20Ajukan"));
        Assert.Contains("Versi 1: Menunggu persetujuan", list);
    }

    [Fact]
    public async Task Only_a_Pimpinan_approves_after_a_confirmation_page_and_the_approval_is_audited()
    {
        var (_, humas) = await UserAsync(Roles.Humas);
        var (leader, pimpinan) = await UserAsync(Roles.Pimpinan);
        var id = await humas.CreateSchemeAsync("Skema Setujui");
        await SubmitAsync(humas, id, 1, "Versi pertama.");

        Assert.True(AuthorizationMatrixTests.IsRefused(await humas.GetAsync(Url(id, 1, "setujui")), anonymous: false));
        var version = (await app.VersionAsync(id, 1)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var byHumas = await humas.PostFormAsync(Url(id, 1), Url(id, 1, "setujui"), ("Version", version));
        Assert.True(AuthorizationMatrixTests.IsRefused(byHumas, anonymous: false), $"{(int)byHumas.StatusCode}");
        Assert.Equal(SchemeVersionState.Submitted, (await app.VersionAsync(id, 1)).State);

        var versionPage = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync(Url(id, 1)));
        Assert.Contains($"href=\"{Url(id, 1, "setujui")}\"", versionPage);
        var confirm = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync(Url(id, 1, "setujui")));
        Assert.Contains("Setujui versi 1 skema Skema Setujui?", confirm);
        Assert.Contains("Ya, setujui versi ini", confirm);
        Assert.Contains("Versi pertama.", confirm);
        Assert.Equal(SchemeVersionState.Submitted, (await app.VersionAsync(id, 1)).State);

        await ApproveAsync(pimpinan, id, 1);

        var v = await app.VersionAsync(id, 1);
        Assert.Equal(SchemeVersionState.Approved, v.State);
        Assert.Equal(leader.Id, v.ApprovedByUserId);
        Assert.NotNull(v.ApprovedUtc);
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == SchemeAuditActions.Approved && a.EntityKey == v.Id.ToString()));
        Assert.Equal(leader.Id, audit.UserId);
        var page = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Url(id, 1)));
        Assert.Contains("Versi ini sudah disetujui dan tidak akan berubah lagi.", page);
        Assert.Contains(leader.DisplayName, page);

        await app.WithServices(async sp =>
        {
            var newest = await sp.GetRequiredService<SchemeVersionsService>().NewestApprovedAsync(id, CancellationToken.None);
            Assert.Equal(1, newest?.Number);
        });
    }

    [Fact]
    public async Task A_Pimpinan_returns_a_submitted_version_with_a_reason_and_Humas_sees_it()
    {
        var (_, humas) = await UserAsync(Roles.Humas);
        var (_, pimpinan) = await UserAsync(Roles.Pimpinan);
        var id = await humas.CreateSchemeAsync("Skema Kembalikan");
        await SubmitAsync(humas, id, 1, "Mohon disetujui.");
        var version = (await app.VersionAsync(id, 1)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noReason = await pimpinan.PostFormAsync(Url(id, 1), Url(id, 1, "kembalikan"), ("Reason", ""), ("Version", version));
        Assert.Contains("Alasan pengembalian wajib diisi.", await HtmlOf(noReason));
        Assert.Equal(SchemeVersionState.Submitted, (await app.VersionAsync(id, 1)).State);

        var back = await pimpinan.PostFormAsync(Url(id, 1), Url(id, 1, "kembalikan"), ("Reason", "Bobot WhatsApp terlalu rendah."), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        var v = await app.VersionAsync(id, 1);
        Assert.Equal(SchemeVersionState.Draft, v.State);
        Assert.Null(v.SubmittedUtc);
        var page = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Url(id, 1)));
        Assert.Contains("Dikembalikan oleh Pimpinan dengan alasan: Bobot WhatsApp terlalu rendah.", page);
        Assert.Equal(HttpStatusCode.OK, (await humas.GetAsync(Url(id, 1, "ubah"))).StatusCode);
        Assert.Contains("name=\"PointsPerShare\"", await humas.GetHtmlAsync(Url(id, 1, "ubah")));
    }

    [Fact]
    public async Task An_approved_version_is_read_only_forever()
    {
        var (_, humas) = await UserAsync(Roles.Humas);
        var (_, pimpinan) = await UserAsync(Roles.Pimpinan);
        var id = await humas.CreateSchemeAsync("Skema Beku");
        var fields = await humas.EditFieldsAsync(Url(id, 1, "ubah"));
        await SubmitAsync(humas, id, 1, "Siap.");
        await ApproveAsync(pimpinan, id, 1);
        var approved = await app.VersionAsync(id, 1);

        var getEdit = await humas.GetAsync(Url(id, 1, "ubah"));
        Assert.DoesNotContain("name=\"PointsPerShare\"", await getEdit.Content.ReadAsStringAsync());
        fields["PointsPerShare"] = "99";
        fields["Version"] = approved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var postEdit = await humas.PostFormAsync(Url(id, 1), Url(id, 1, "ubah"), fields);
        Assert.Contains("Versi ini sudah disetujui dan tidak dapat diubah lagi. Buat versi baru untuk perubahan.", await HtmlOf(postEdit));
        var resubmit = await humas.PostFormAsync(Url(id, 1), Url(id, 1, "ajukan"), ("ChangeNote", "Lagi"), ("Version", fields["Version"]));
        Assert.Contains("Versi ini sudah disetujui dan tidak dapat diubah lagi.", await HtmlOf(resubmit));
        var giveBack = await pimpinan.PostFormAsync(Url(id, 1), Url(id, 1, "kembalikan"), ("Reason", "Ubah"), ("Version", fields["Version"]));
        Assert.Contains("Versi ini sudah disetujui dan tidak dapat diubah lagi.", await HtmlOf(giveBack));

        var after = await app.VersionAsync(id, 1);
        Assert.Equal(approved.RulesJson, after.RulesJson);
        Assert.Equal(SchemeVersionState.Approved, after.State);
        Assert.Equal(approved.Version, after.Version);
    }

    [Fact]
    public async Task A_new_version_copies_the_approved_rules_numbers_up_one_and_only_one_may_wait()
    {
        var (humasUser, humas) = await UserAsync(Roles.Humas);
        var (leader, pimpinan) = await UserAsync(Roles.Pimpinan);
        var id = await humas.CreateSchemeAsync("Skema Bertingkat");

        // While version 1 is a draft, no new version can be started (and the button is not offered).
        Assert.DoesNotContain("/versi-baru", await humas.GetHtmlAsync($"/skema-penghargaan/{id}"));
        var early = await humas.PostFormAsync($"/skema-penghargaan/{id}", $"/skema-penghargaan/{id}/versi-baru");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Versi 1 masih berstatus Draf.", await HtmlOf(early));

        var fields = await humas.EditFieldsAsync(Url(id, 1, "ubah"));
        fields["PointsPerShare"] = "15";
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostEditAsync(Url(id, 1, "ubah"), fields)).StatusCode);
        await SubmitAsync(humas, id, 1, "Aturan awal.");
        await ApproveAsync(pimpinan, id, 1);

        var started = await humas.PostFormAsync($"/skema-penghargaan/{id}", $"/skema-penghargaan/{id}/versi-baru");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(Url(id, 2), LocationOf(started));
        var v1 = await app.VersionAsync(id, 1);
        var v2 = await app.VersionAsync(id, 2);
        Assert.Equal(SchemeVersionState.Draft, v2.State);
        Assert.Equal(v1.RulesJson, v2.RulesJson);
        Assert.Equal(15m, v2.Rules.PointsPerShare);
        Assert.Equal(humasUser.Id, v2.CreatedByUserId);
        Assert.Null(v2.ChangeNote);

        var second = await humas.PostFormAsync($"/skema-penghargaan/{id}", $"/skema-penghargaan/{id}/versi-baru");
        Assert.Contains("Versi 2 masih berstatus Draf.", await HtmlOf(second));
        Assert.Equal(2, await app.WithDb(db => db.RewardSchemeVersions.CountAsync(v => v.SchemeId == id)));

        await app.WithServices(async sp =>
            Assert.Equal(1, (await sp.GetRequiredService<SchemeVersionsService>().NewestApprovedAsync(id, CancellationToken.None))?.Number));

        var edit2 = await humas.EditFieldsAsync(Url(id, 2, "ubah"));
        edit2["PointsPerShare"] = "18";
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostEditAsync(Url(id, 2, "ubah"), edit2)).StatusCode);
        Assert.Equal(15m, (await app.VersionAsync(id, 1)).Rules.PointsPerShare);
        await SubmitAsync(humas, id, 2, "Poin per bagikan naik menjadi 18.");

        var history = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync($"/skema-penghargaan/{id}"));
        Assert.Contains("Riwayat versi", history);
        var rows = System.Text.RegularExpressions.Regex.Matches(history, "data-testid=\"version-row\" data-number=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2", "1"], rows);
        Assert.Contains("Poin per bagikan naik menjadi 18.", history);
        Assert.Contains("Aturan awal.", history);
        Assert.Contains(leader.DisplayName, history);
        Assert.Contains(humasUser.DisplayName, history);
        Assert.Contains("Menunggu persetujuan", history);

        await ApproveAsync(pimpinan, id, 2);
        await app.WithServices(async sp =>
        {
            var newest = await sp.GetRequiredService<SchemeVersionsService>().NewestApprovedAsync(id, CancellationToken.None);
            Assert.Equal(2, newest?.Number);
            Assert.Equal(18m, newest?.Rules.PointsPerShare);
        });
        var list = WebUtility.HtmlDecode(await humas.GetHtmlAsync("/skema-penghargaan?q=Bertingkat"));
        Assert.Contains("data-testid=\"approved-version\">Versi 2</td>", list);
        Assert.Contains($"/skema-penghargaan/{id}/versi-baru", await humas.GetHtmlAsync($"/skema-penghargaan/{id}"));
    }
}

/// <summary>On a fresh database the list teaches what to do.</summary>
public sealed class RewardSchemeEmptyStateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_empty_list_tells_Humas_how_to_start_and_Pimpinan_what_will_appear()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var pimpinan = await app.SignedInClientAsync(Roles.Pimpinan);

        var forHumas = WebUtility.HtmlDecode(await humas.GetHtmlAsync("/skema-penghargaan"));
        Assert.Contains("Belum ada skema penghargaan", forHumas);
        Assert.Contains("Buat skema pertama dengan tombol Buat skema baru.", forHumas);
        Assert.Contains("href=\"/skema-penghargaan/baru\"", forHumas);

        var forLeader = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync("/skema-penghargaan"));
        Assert.Contains("Humas membuat skema dan mengajukannya untuk persetujuan Anda.", forLeader);
        Assert.DoesNotContain("href=\"/skema-penghargaan/baru\"", forLeader);
    }
}
