using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Institution;

public sealed class SignatoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string New = "/admin/instansi/penandatangan/baru";

    private Task<Signatory?> FindAsync(string name) => app.WithDb(db => db.Signatories.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name));

    /// <summary>The signatory's card on the profile page.</summary>
    private static string CardOf(string html, string name)
    {
        var at = html.IndexOf(">" + name + "<", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No signatory card for {name}.");
        var start = html.LastIndexOf("data-testid=\"signatory\"", at, StringComparison.Ordinal);
        var end = html.IndexOf("data-testid=\"signatory\"", at, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [Fact]
    public async Task Nip_and_grade_are_read_however_written_stored_as_codes_and_printed_8_6_1_3_with_the_pangkat()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        var response = await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfPublicRelations)), ("Name", "Dimas Prasetyo, S.I.Kom., M.Si."), ("PositionTitle", "Kepala Bidang IKP"),
            ("Nip", " 19860926 201505 1 001 "), ("Golongan", "Penata Tk. I"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/instansi", LocationOf(response));
        var saved = await FindAsync("Dimas Prasetyo, S.I.Kom., M.Si.");
        Assert.Equal("198609262015051001", saved!.Nip);
        Assert.Equal("34", saved.GolonganCode);
        Assert.Equal(SignatoryRole.HeadOfPublicRelations, saved.Role);

        var card = CardOf(Decode(await admin.GetHtmlAsync("/admin/instansi")), "Dimas Prasetyo, S.I.Kom., M.Si.");
        Assert.Contains("Kepala Humas", card);
        Assert.Contains("Kepala Bidang IKP", card);
        Assert.Contains("Penata Tingkat I (III/d)", card);
        Assert.Contains("NIP 19860926 201505 1 001", card);

        // The edit form shows the NIP grouped and the grade by its name.
        var edit = await admin.GetHtmlAsync("/admin/instansi/penandatangan/" + saved.Id);
        Assert.Contains("value=\"19860926 201505 1 001\"", edit);
        Assert.Contains("value=\"III/d\"", edit);
    }

    [Fact]
    public async Task An_invalid_nip_is_refused_with_the_nip_rule_and_the_input_is_kept()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        var response = await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfHumanResources)), ("Name", "Rina Salah Nip"), ("PositionTitle", "Kepala BKPSDM"),
            ("Nip", "198609262015053001"), ("Golongan", "IV/a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Digit ke-15 NIP `198609262015053001` (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tetapi berisi 3.", html);
        Assert.Contains("value=\"Rina Salah Nip\"", html);
        Assert.Contains("value=\"198609262015053001\"", html);
        Assert.Null(await FindAsync("Rina Salah Nip"));

        var shortNip = await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfHumanResources)), ("Name", "Rina Salah Nip"), ("PositionTitle", "Kepala BKPSDM"),
            ("Nip", "1986092620150510"), ("Golongan", "golongan lima"));
        var html2 = Decode(await shortNip.Content.ReadAsStringAsync());
        Assert.Contains("berisi 16 digit", html2);
        Assert.Contains("Golongan `golongan lima` tidak dikenali.", html2);

        var missing = await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfHumanResources)), ("Name", "Rina Tanpa Nip"), ("PositionTitle", "Kepala BKPSDM"));
        var html3 = Decode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("NIP wajib diisi, kecuali untuk pejabat yang tidak mencantumkan pangkat dan NIP (eselon I).", html3);
        Assert.Null(await FindAsync("Rina Tanpa Nip"));
    }

    [Fact]
    public async Task An_eselon_i_signer_may_omit_rank_and_nip_and_a_pppk_signer_shows_golongan_without_pangkat()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfInstitution)), ("Name", "Prof. Dr. Eselon Satu"), ("PositionTitle", "Sekretaris Jenderal"),
            ("OmitRankAndNip", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfPublicRelations)), ("Name", "Putri Pppk, S.Kom."), ("PositionTitle", "Ketua Tim Humas"),
            ("Nip", "200012312024211001"), ("Golongan", "IX"))).StatusCode);

        var html = Decode(await admin.GetHtmlAsync("/admin/instansi"));
        var eselonOne = CardOf(html, "Prof. Dr. Eselon Satu");
        Assert.Contains("Sekretaris Jenderal", eselonOne);
        Assert.DoesNotContain("NIP ", eselonOne);
        Assert.True((await FindAsync("Prof. Dr. Eselon Satu"))!.OmitRankAndNip);

        var pppk = CardOf(html, "Putri Pppk, S.Kom.");
        Assert.Contains("Golongan IX", pppk);
        Assert.Contains("NIP 20001231 202421 1 001", pppk);
        Assert.Equal("IX", (await FindAsync("Putri Pppk, S.Kom."))!.GolonganCode);
    }

    [Fact]
    public async Task Edit_changes_a_signatory_and_delete_asks_for_confirmation_and_removes_it()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        await admin.PostFormAsync(New, New,
            ("Role", nameof(SignatoryRole.HeadOfHumanResources)), ("Name", "Hapus Saya"), ("PositionTitle", "Kepala BKPSDM"),
            ("Nip", "197501012000031002"), ("Golongan", "IV/b"));
        var s = await FindAsync("Hapus Saya");
        var editUrl = "/admin/instansi/penandatangan/" + s!.Id;

        var edited = await admin.PostFormAsync(editUrl, editUrl,
            ("Role", nameof(SignatoryRole.HeadOfHumanResources)), ("Name", "Hapus Saya"), ("PositionTitle", "Kepala BKPSDM Baru"),
            ("Nip", "197501012000031002"), ("Golongan", "IV/c"), ("Version", s.Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await FindAsync("Hapus Saya");
        Assert.Equal("Kepala BKPSDM Baru", after!.PositionTitle);
        Assert.Equal("43", after.GolonganCode);

        var page = await admin.GetHtmlAsync("/admin/instansi");
        Assert.Contains($"action=\"/admin/instansi/penandatangan/{s.Id}/hapus\" data-confirm=\"Hapus penandatangan Hapus Saya?", page);

        var deleted = await admin.PostFormAsync("/admin/instansi", $"/admin/instansi/penandatangan/{s.Id}/hapus");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync("Hapus Saya"));
        Assert.Contains("Penandatangan Hapus Saya dihapus.", await admin.GetHtmlAsync("/admin/instansi"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(editUrl)).StatusCode);
    }
}
