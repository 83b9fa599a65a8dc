using AgentProgram.Tests.Features.Admin;
using AgentProgram.Tests.Features.Employees;
using AgentProgram.Tests.Features.Messages;
using AgentProgram.Tests.Features.RewardSchemes;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Concurrency.ConflictPage;

namespace AgentProgram.Tests.Concurrency;

/// <summary>
/// Two officers load the same edit page; the first saves; the second's save must not overwrite: it comes back
/// (200) with what changed, per field (started from, stored now, theirs), the database keeps the first save,
/// and posting the page they got applies their edit on top of the first. Without the version check the
/// second save would redirect and the stored value would be theirs, so every test here fails.
/// </summary>
public sealed class EditConflictTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Empty = "(kosong)";

    [Fact]
    public async Task Employee_edit_shows_what_changed_keeps_the_entry_and_saves_it_on_top_of_the_first()
    {
        var e = await app.AddEmployeeAsync("Konflik Pegawai");
        var (first, second) = (await app.HrAsync(), await app.HrAsync());
        var page = $"/pegawai/{e.Id}/ubah";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);

        a["PositionName"] = "Analis Petugas Pertama";
        AssertSaved(await a.PostAsync(first));
        b["Phone"] = "0812-1111-2222";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal((Empty, "Analis Petugas Pertama", Empty), Row(html, "PositionName"));
        Assert.Equal((Empty, Empty, "0812-1111-2222"), Row(html, "Phone"));
        Assert.False(HasRow(html, "Name"));
        var stored = await app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(x => x.Id == e.Id));
        Assert.Equal("Analis Petugas Pertama", stored.PositionName);
        Assert.Null(stored.Phone);

        // The page now carries the stored version; the field only the first officer changed holds their value.
        var again = LoadedForm.From(html, page);
        Assert.Equal("Analis Petugas Pertama", again["PositionName"]);
        Assert.Equal("0812-1111-2222", again["Phone"]);
        Assert.Equal(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), again["Version"]);
        AssertSaved(await again.PostAsync(second));
        stored = await app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(x => x.Id == e.Id));
        Assert.Equal("Analis Petugas Pertama", stored.PositionName);
        Assert.Equal("0812-1111-2222", stored.Phone);
    }

    [Fact]
    public async Task Employee_edit_of_the_same_field_by_both_keeps_the_second_entry_for_them_to_decide()
    {
        var e = await app.AddEmployeeAsync("Konflik Sama");
        var (first, second) = (await app.HrAsync(), await app.HrAsync());
        var page = $"/pegawai/{e.Id}/ubah";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);

        a["PositionName"] = "Jabatan Pertama";
        AssertSaved(await a.PostAsync(first));
        b["PositionName"] = "Jabatan Kedua";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal((Empty, "Jabatan Pertama", "Jabatan Kedua"), Row(html, "PositionName"));
        Assert.Contains("table-danger", html[html.IndexOf("data-field=\"PositionName\"", StringComparison.Ordinal)..][..200]);
        Assert.Equal("Jabatan Pertama", (await app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(x => x.Id == e.Id))).PositionName);

        var again = LoadedForm.From(html, page);
        Assert.Equal("Jabatan Kedua", again["PositionName"]);
        AssertSaved(await again.PostAsync(second));
        Assert.Equal("Jabatan Kedua", (await app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(x => x.Id == e.Id))).PositionName);
    }

    [Fact]
    public async Task Unit_edit_shows_what_changed_and_the_redo_keeps_both_changes()
    {
        var id = await app.AddUnitAsync("Bidang Konflik", code: "BK1");
        var (first, second) = (await app.HrAsync(), await app.HrAsync());
        var page = $"/unit-kerja/{id}";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);

        a["Name"] = "Bidang Konflik Baru";
        AssertSaved(await a.PostAsync(first));
        b["Code"] = "BK2";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal(("Bidang Konflik", "Bidang Konflik Baru", "Bidang Konflik"), Row(html, "Name"));
        Assert.Equal(("BK1", "BK1", "BK2"), Row(html, "Code"));
        var unit = await app.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("Bidang Konflik Baru", "BK1"), (unit.Name, unit.Code));

        AssertSaved(await LoadedForm.From(html, page).PostAsync(second));
        unit = await app.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(("Bidang Konflik Baru", "BK2"), (unit.Name, unit.Code));
    }

    [Fact]
    public async Task Institution_profile_and_signatory_edits_show_what_changed()
    {
        const string page = "/admin/instansi";
        var (_, first) = await app.AdminAsync();
        var (_, second) = await app.AdminAsync();
        var create = await LoadedForm.LoadAsync(first, page, page);
        create["City"] = "Kota Awal";
        AssertSaved(await create.PostAsync(first));

        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);
        a["City"] = "Kota Pertama";
        AssertSaved(await a.PostAsync(first));
        b["Phone"] = "(021) 555-0101";
        var html = await AssertConflictAsync(await b.PostAsync(second));
        Assert.Equal(("Kota Awal", "Kota Pertama", "Kota Awal"), Row(html, "City"));
        Assert.Equal((Empty, Empty, "(021) 555-0101"), Row(html, "Phone"));
        var row = await app.WithDb(db => db.Institutions.AsNoTracking().SingleAsync());
        Assert.Equal(("Kota Pertama", (string?)null), (row.City, row.Phone));
        AssertSaved(await LoadedForm.From(html, page).PostAsync(second));
        row = await app.WithDb(db => db.Institutions.AsNoTracking().SingleAsync());
        Assert.Equal(("Kota Pertama", "(021) 555-0101"), (row.City, row.Phone));

        var signatory = await app.WithDb(async db =>
        {
            var s = new Signatory { Role = SignatoryRole.HeadOfInstitution, Name = "Dr. Penanda Awal", PositionTitle = "Wali Kota Uji", OmitRankAndNip = true };
            db.Signatories.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var signPage = $"/admin/instansi/penandatangan/{signatory}";
        var sa = await LoadedForm.LoadAsync(first, signPage, signPage);
        var sb = await LoadedForm.LoadAsync(second, signPage, signPage);
        sa["Name"] = "Dr. Penanda Pertama";
        AssertSaved(await sa.PostAsync(first));
        sb["PositionTitle"] = "Pj. Wali Kota Uji";
        html = await AssertConflictAsync(await sb.PostAsync(second));
        Assert.Equal(("Dr. Penanda Awal", "Dr. Penanda Pertama", "Dr. Penanda Awal"), Row(html, "Name"));
        Assert.Equal("Wali Kota Uji", (await app.WithDb(db => db.Signatories.AsNoTracking().SingleAsync(s => s.Id == signatory))).PositionTitle);
        AssertSaved(await LoadedForm.From(html, signPage).PostAsync(second));
        var saved = await app.WithDb(db => db.Signatories.AsNoTracking().SingleAsync(s => s.Id == signatory));
        Assert.Equal(("Dr. Penanda Pertama", "Pj. Wali Kota Uji"), (saved.Name, saved.PositionTitle));
    }

    [Fact]
    public async Task Message_draft_edit_of_the_text_alone_is_guarded_too()
    {
        var (_, first) = await app.UserAsync(false, Roles.Humas);
        var (_, second) = await app.UserAsync(false, Roles.Humas);
        var id = await first.CreateDraftAsync("Pesan Konflik", ("ActiveFrom", "2027-03-01T08:00"), ("ActiveUntil", "2027-03-20T17:00"));
        var page = $"/pesan/{id}/ubah";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);

        // Only the revision's text changes here: the message row itself is otherwise untouched.
        a["KeyMessage"] = "Pesan utama dari petugas pertama.";
        AssertSaved(await a.PostAsync(first));
        b["Title"] = "Pesan Konflik Judul Kedua";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal("Pesan utama dari petugas pertama.", Row(html, "KeyMessage").Stored);
        Assert.Equal(("Pesan Konflik", "Pesan Konflik", "Pesan Konflik Judul Kedua"), Row(html, "Title"));
        var stored = await app.MessageAsync(id);
        Assert.Equal("Pesan Konflik", stored.Title);

        AssertSaved(await LoadedForm.From(html, page).PostAsync(second));
        var (title, keyMessage) = await app.WithDb(async db =>
        {
            var m = await db.PolicyMessages.AsNoTracking().SingleAsync(x => x.Id == id);
            var r = await db.MessageRevisions.AsNoTracking().SingleAsync(x => x.Id == m.CurrentRevisionId);
            return (m.Title, r.KeyMessage);
        });
        Assert.Equal(("Pesan Konflik Judul Kedua", "Pesan utama dari petugas pertama."), (title, keyMessage));
    }

    [Fact]
    public async Task Reward_rules_edit_shows_what_changed_and_the_redo_keeps_both_changes()
    {
        var (_, first) = await app.UserAsync(false, Roles.Humas);
        var (_, second) = await app.UserAsync(false, Roles.Humas);
        var scheme = await first.CreateSchemeAsync("Skema Konflik");
        var page = $"/skema-penghargaan/{scheme}/versi/1/ubah";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);
        var startPoints = a["PointsPerShare"];

        a["PointsPerShare"] = "25";
        AssertSaved(await a.PostAsync(first));
        b["CapPerDay"] = "7";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal((startPoints, "25", startPoints), Row(html, "PointsPerShare"));
        Assert.Equal("7", Row(html, "CapPerDay").Yours);
        var rules = (await app.VersionAsync(scheme, 1)).Rules;
        Assert.Equal(25m, rules.PointsPerShare);
        Assert.NotEqual(7, rules.CapPerDay);

        AssertSaved(await LoadedForm.From(html, page).PostAsync(second));
        rules = (await app.VersionAsync(scheme, 1)).Rules;
        Assert.Equal((25m, (int?)7), (rules.PointsPerShare, rules.CapPerDay));
    }

    [Fact]
    public async Task User_account_edit_by_two_administrators_shows_what_changed()
    {
        var (_, first) = await app.AdminAsync();
        var (_, second) = await app.AdminAsync();
        var user = await app.CreateNamedAsync("Akun Konflik", "akun.konflik@uji.test", roles: [Roles.Humas]);
        var page = AdminTestKit.DetailUrl(user);
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);

        a["DisplayName"] = "Akun Konflik Pertama";
        AssertSaved(await a.PostAsync(first));
        b["CanApproveMessages"] = "true";
        var html = await AssertConflictAsync(await b.PostAsync(second));

        Assert.Equal(("Akun Konflik", "Akun Konflik Pertama", "Akun Konflik"), Row(html, "DisplayName"));
        Assert.Equal(("Tidak", "Tidak", "Ya"), Row(html, "CanApproveMessages"));
        var stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Akun Konflik Pertama", false), (stored.DisplayName, stored.CanApproveMessages));

        AssertSaved(await LoadedForm.From(html, page).PostAsync(second));
        stored = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(("Akun Konflik Pertama", true), (stored.DisplayName, stored.CanApproveMessages));
    }

    [Fact]
    public async Task A_user_account_save_without_its_starting_values_is_refused_with_what_is_stored_and_goes_through_when_sent_again()
    {
        // The user form has no version column: the sealed starting values are its only check, so a post without them
        // (an old page, a hand-made request) could overwrite another administrator's change unseen.
        var (_, admin) = await app.AdminAsync();
        var user = await app.CreateNamedAsync("Akun Tanpa Segel", "akun.tanpa.segel@uji.test", roles: [Roles.Humas]);
        var page = AdminTestKit.DetailUrl(user);
        var form = await LoadedForm.LoadAsync(admin, page, page);
        form.Remove("Snapshot");
        form["DisplayName"] = "Akun Tanpa Segel Baru";
        var html = await AssertConflictAsync(await form.PostAsync(admin));

        Assert.Equal((null, "Akun Tanpa Segel", "Akun Tanpa Segel Baru"), Row(html, "DisplayName"));
        Assert.Equal("Akun Tanpa Segel", (await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).DisplayName);
        AssertSaved(await LoadedForm.From(html, page).PostAsync(admin));
        Assert.Equal("Akun Tanpa Segel Baru", (await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).DisplayName);
    }

    [Fact]
    public async Task A_tampered_snapshot_is_ignored_and_the_save_is_still_refused()
    {
        var e = await app.AddEmployeeAsync("Konflik Segel");
        var (first, second) = (await app.HrAsync(), await app.HrAsync());
        var page = $"/pegawai/{e.Id}/ubah";
        var a = await LoadedForm.LoadAsync(first, page, page);
        var b = await LoadedForm.LoadAsync(second, page, page);
        a["PositionName"] = "Jabatan Asli";
        AssertSaved(await a.PostAsync(first));

        b["Snapshot"] = "bukan-segel";
        b["PositionName"] = "Jabatan Lain";
        var html = await AssertConflictAsync(await b.PostAsync(second));
        Assert.Equal((null, "Jabatan Asli", "Jabatan Lain"), Row(html, "PositionName"));
        Assert.Equal("Jabatan Asli", (await app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(x => x.Id == e.Id))).PositionName);
    }
}
