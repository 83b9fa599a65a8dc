using System.Net;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.Admin.AdminTestKit;

namespace AgentProgram.Tests.Features.Admin;

public sealed class UserManagementTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string NewPassword = "Sepeda-Biru-Melintasi-Jembatan";

    [Fact]
    public async Task List_searches_filters_sorts_and_pages_with_the_filters_in_the_url()
    {
        var (_, client) = await app.AdminAsync();
        for (var i = 1; i <= 27; i++)
        {
            DateTime? last = i switch { 3 => new DateTime(2026, 3, 1, 3, 4, 0, DateTimeKind.Utc), 20 => new DateTime(2026, 3, 2, 3, 4, 0, DateTimeKind.Utc), _ => null };
            await app.CreateNamedAsync($"Cendana {i:00}", $"cendana{i:00}@uji.test", active: i % 9 != 0, lastSignInUtc: last, roles: i <= 5 ? Roles.Humas : Roles.Agen);
        }

        var page1 = await client.GetHtmlAsync("/admin/pengguna?q=cendana");
        Assert.Contains("27 pengguna", page1);
        Assert.Equal(25, UserRows(page1));
        Assert.Contains("Cendana 01", page1);
        Assert.DoesNotContain("Cendana 26", page1);
        Assert.Contains("href=\"/admin/pengguna?q=cendana&amp;hal=2\"", page1);
        Assert.Contains("01/03/2026 10.04 WIB", page1); // last sign-in, in WIB
        Assert.Contains("Belum pernah", page1);

        var page2 = await client.GetHtmlAsync("/admin/pengguna?q=cendana&hal=2");
        Assert.Equal(2, UserRows(page2));
        Assert.Contains("Cendana 26", page2);
        Assert.Contains("Cendana 27", page2);
        Assert.DoesNotContain("Cendana 01", page2);

        // Name search is case-insensitive and separate from email search.
        Assert.Contains("10 pengguna", await client.GetHtmlAsync("/admin/pengguna?q=CENDANA%201"));
        var byEmail = await client.GetHtmlAsync("/admin/pengguna?q=cendana05%40");
        Assert.Contains("1 pengguna", byEmail);
        Assert.Contains("Cendana 05", byEmail);

        var humas = await client.GetHtmlAsync("/admin/pengguna?q=cendana&peran=Humas");
        Assert.Contains("5 pengguna", humas);
        Assert.DoesNotContain("Cendana 06", humas);
        Assert.Contains("<option value=\"Humas\" selected=\"selected\">", humas);

        var inactive = await client.GetHtmlAsync("/admin/pengguna?q=cendana&status=nonaktif");
        Assert.Contains("3 pengguna", inactive);
        Assert.Contains("Cendana 09", inactive);
        Assert.Contains("Cendana 18", inactive);
        Assert.Contains("Cendana 27", inactive);
        Assert.Contains("24 pengguna", await client.GetHtmlAsync("/admin/pengguna?q=cendana&status=aktif"));

        var byLastSignIn = await client.GetHtmlAsync("/admin/pengguna?q=cendana&urut=masuk-terakhir");
        var body = byLastSignIn[byLastSignIn.IndexOf("<tbody>", StringComparison.Ordinal)..];
        Assert.True(body.IndexOf("Cendana 20", StringComparison.Ordinal) < body.IndexOf("Cendana 03", StringComparison.Ordinal));
        Assert.True(body.IndexOf("Cendana 03", StringComparison.Ordinal) < body.IndexOf("Cendana 01", StringComparison.Ordinal));

        var newestFirst = await client.GetHtmlAsync("/admin/pengguna?q=cendana&urut=dibuat");
        Assert.Contains("Cendana 27", newestFirst);
        Assert.DoesNotContain("Cendana 01", newestFirst);
        Assert.Contains("href=\"/admin/pengguna?q=cendana&amp;urut=dibuat&amp;hal=2\"", newestFirst);

        var none = await client.GetHtmlAsync("/admin/pengguna?q=tidak-ada-orang-ini");
        Assert.Contains("0 pengguna", none);
        Assert.Contains("Tidak ada pengguna yang cocok", none);
        Assert.Equal(0, UserRows(none));
    }

    [Fact]
    public async Task Create_shows_the_temporary_password_once_and_the_new_user_must_change_it()
    {
        var (_, client) = await app.AdminAsync();
        var response = await client.PostFormAsync("/admin/pengguna/baru", "/admin/pengguna/baru",
            ("Email", "nadia.baru@uji.test"), ("DisplayName", "Nadia Baru"), ("Roles", Roles.Humas), ("Roles", Roles.Agen));

        // Rendered from the POST: no redirect that could carry it, and not cached.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Akun dibuat", html);
        var password = TemporaryPasswordIn(html);
        Assert.Matches("^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$", password);

        var user = await app.WithDb(db => db.Users.SingleAsync(u => u.Email == "nadia.baru@uji.test"));
        Assert.True(user.MustChangePassword);
        Assert.True(user.IsActive);
        Assert.Equal("Nadia Baru", user.DisplayName);
        var roles = await app.WithDb(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.Agen, Roles.Humas], roles.Order());

        var created = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Created && a.EntityType == nameof(AppUser) && a.EntityKey == user.Id));
        Assert.Contains("Nadia Baru", created.Changes);
        Assert.Contains("Humas, Agen", created.Changes);
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains(password))));

        // Shown once: the user's page never shows it again.
        var detail = await client.GetHtmlAsync(DetailUrl(user));
        Assert.Contains("Nadia Baru", detail);
        Assert.DoesNotContain(password, detail);

        // The new user signs in with it and is sent to change it on every page until they do.
        var newcomer = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync("nadia.baru@uji.test", password)).StatusCode);
        var home = await newcomer.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/akun/kata-sandi", LocationOf(home));
        var changed = await newcomer.PostFormAsync("/akun/kata-sandi", "/akun/kata-sandi",
            ("CurrentPassword", password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/")).StatusCode);
        Assert.False(await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.MustChangePassword).SingleAsync()));
    }

    [Fact]
    public async Task Duplicate_email_is_a_field_error_and_keeps_what_was_typed()
    {
        var (_, client) = await app.AdminAsync();
        var existing = await app.CreateUserAsync(Roles.Agen);
        var response = await client.PostFormAsync("/admin/pengguna/baru", "/admin/pengguna/baru",
            ("Email", existing.Email!.ToUpperInvariant()), ("DisplayName", "Nama Yang Diketik"), ("Roles", Roles.Pimpinan));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Email {existing.Email!.ToUpperInvariant()} sudah dipakai akun lain.", html);
        Assert.Contains("value=\"Nama Yang Diketik\"", html);
        Assert.Contains("id=\"role-pimpinan\" checked=\"checked\"", html);
        Assert.DoesNotContain("id=\"role-humas\" checked", html);
        Assert.DoesNotContain("temp-password", html);
        var normalized = existing.Email!.ToUpperInvariant();
        Assert.Equal(1, await app.WithDb(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task Create_refuses_an_incomplete_form_in_Indonesian()
    {
        var (_, client) = await app.AdminAsync();
        var before = await app.WithDb(db => db.Users.CountAsync());
        var response = await client.PostFormAsync("/admin/pengguna/baru", "/admin/pengguna/baru", ("Email", "bukan-email"), ("DisplayName", ""));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alamat email tidak valid.", html);
        Assert.Contains("Nama tampilan wajib diisi.", html);
        Assert.Contains("Pilih minimal satu peran.", html);
        Assert.Contains("value=\"bukan-email\"", html);
        Assert.Equal(before, await app.WithDb(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in_and_reactivation_restores_access()
    {
        var (_, client) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        var stampBefore = await StampAsync(target);

        var page = await client.GetHtmlAsync(DetailUrl(target));
        Assert.Contains($"action=\"{DetailUrl(target)}/nonaktifkan\"", page);
        Assert.Contains("data-confirm=\"Nonaktifkan akun", page);
        Assert.Matches("<textarea id=\"Reason\" name=\"Reason\"[^>]*required", page);

        var response = await client.PostFormAsync(DetailUrl(target), DetailUrl(target) + "/nonaktifkan", ("Reason", "Pindah tugas ke instansi lain"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DetailUrl(target), LocationOf(response));
        var after = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.False(after.IsActive);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        var entry = await app.WithDb(db => db.AuditEntries.Where(a => a.EntityKey == target.Id && a.Action == AuditActions.Updated).SingleAsync());
        Assert.Contains("Pindah tugas ke instansi lain", entry.Changes);
        Assert.Contains("\"IsActive\":{\"old\":true,\"new\":false}", entry.Changes);
        Assert.Contains("Akun dinonaktifkan.", await client.GetHtmlAsync(DetailUrl(target)));

        var refused = await app.Client().SignInAsync(target.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Email atau kata sandi salah.", await refused.Content.ReadAsStringAsync());

        var reactivated = await client.PostFormAsync(DetailUrl(target), DetailUrl(target) + "/aktifkan", ("Reason", "Kembali bertugas"));
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync(target.Email!, AppFactory.Password)).StatusCode);
        Assert.Equal(2, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityKey == target.Id && a.Action == AuditActions.Updated)));
    }

    [Fact]
    public async Task Deactivation_needs_a_reason()
    {
        var (_, client) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        var response = await client.PostFormAsync(DetailUrl(target), DetailUrl(target) + "/nonaktifkan", ("Reason", "  "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alasan wajib diisi.", await response.Content.ReadAsStringAsync());
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Reset_issues_a_working_temporary_password_and_the_old_one_stops_working()
    {
        var (_, client) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByIdAsync(target.Id);
            await users.SetLockoutEndDateAsync(u!, DateTimeOffset.UtcNow.AddMinutes(10));
        });
        var stampBefore = await StampAsync(target);

        var page = await client.GetHtmlAsync(DetailUrl(target));
        Assert.Contains("Terkunci", page);
        Assert.Contains("data-confirm=\"Terbitkan kata sandi sementara baru", page);

        var response = await client.PostFormAsync(DetailUrl(target), DetailUrl(target) + "/setel-ulang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kata sandi sementara diterbitkan", html);
        var password = TemporaryPasswordIn(html);
        Assert.True(password.Length >= 16);

        var after = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.True(after.MustChangePassword);
        Assert.Null(after.LockoutEnd);
        Assert.NotEqual(stampBefore, after.SecurityStamp);
        var entry = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PasswordReset && a.EntityKey == target.Id));
        Assert.DoesNotContain(password, entry.Changes ?? "");

        var old = await app.Client().SignInAsync(target.Email!, AppFactory.Password);
        Assert.Contains("Email atau kata sandi salah.", await old.Content.ReadAsStringAsync());

        var person = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync(target.Email!, password)).StatusCode);
        var home = await person.GetAsync("/");
        Assert.Equal("/akun/kata-sandi", LocationOf(home));
    }

    [Fact]
    public async Task Administrator_cannot_deactivate_themself_reset_their_own_password_or_drop_their_own_admin_role()
    {
        var (admin, client) = await app.AdminAsync();
        var own = DetailUrl(admin);
        var page = await client.GetHtmlAsync(own);
        Assert.Contains("Ini akun Anda sendiri.", page);
        Assert.DoesNotContain("/nonaktifkan\"", page);

        var deactivate = await client.PostFormAsync(own, own + "/nonaktifkan", ("Reason", "Uji coba"));
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Contains("Anda tidak dapat menonaktifkan akun Anda sendiri.", await deactivate.Content.ReadAsStringAsync());

        var reset = await client.PostFormAsync(own, own + "/setel-ulang");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var resetHtml = await reset.Content.ReadAsStringAsync();
        Assert.Contains("Untuk kata sandi Anda sendiri, gunakan halaman Ubah kata sandi.", resetHtml);
        Assert.DoesNotContain("temp-password", resetHtml);

        var drop = await client.PostFormAsync(own, own, ("DisplayName", "Nama Diketik Admin"), ("Roles", Roles.Humas), ("Snapshot", await client.UserFormSnapshotAsync(own)));
        Assert.Equal(HttpStatusCode.OK, drop.StatusCode);
        var dropHtml = await drop.Content.ReadAsStringAsync();
        Assert.Contains("Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri.", dropHtml);
        Assert.Contains("value=\"Nama Diketik Admin\"", dropHtml);

        var after = await app.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id));
        Assert.True(after.IsActive);
        Assert.False(after.MustChangePassword);
        Assert.Equal(admin.DisplayName, after.DisplayName);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(admin));
        Assert.False(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityKey == admin.Id && (a.Action == AuditActions.Updated || a.Action == AuditActions.PasswordReset))));
    }

    [Fact]
    public async Task Editing_another_user_changes_name_and_roles_and_audits_old_and_new()
    {
        var (_, client) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        var response = await client.PostFormAsync(DetailUrl(target), DetailUrl(target),
            ("DisplayName", "Nama Baru Sekali"), ("Roles", Roles.Humas), ("Roles", Roles.Pimpinan), ("Snapshot", await client.UserFormSnapshotAsync(DetailUrl(target))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("Nama Baru Sekali", await app.WithDb(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal([Roles.Humas, Roles.Pimpinan], await RolesOfAsync(target));
        var entry = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.Updated && a.EntityKey == target.Id));
        Assert.Contains("\"Roles\":{\"old\":\"Agen\",\"new\":\"Humas, Pimpinan\"}", entry.Changes);
        Assert.Contains($"\"DisplayName\":{{\"old\":\"{target.DisplayName}\",\"new\":\"Nama Baru Sekali\"}}", entry.Changes);
        Assert.Contains("Perubahan data pengguna disimpan.", await client.GetHtmlAsync(DetailUrl(target)));
    }

    [Fact]
    public async Task Unknown_user_id_answers_not_found()
    {
        var (_, client) = await app.AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/pengguna/" + Guid.NewGuid())).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Kepegawaian)]
    [InlineData(Roles.Humas)]
    [InlineData(Roles.Pimpinan)]
    [InlineData(Roles.Agen)]
    public async Task Other_roles_are_refused(string role)
    {
        var target = await app.CreateUserAsync(Roles.Agen);
        var client = await app.SignedInClientAsync(role);
        foreach (var url in new[] { "/admin/pengguna", "/admin/pengguna/baru", DetailUrl(target) })
        {
            var get = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/akun/akses-ditolak", LocationOf(get));
        }
        // A valid token from a page this user may open, so only authorization can refuse.
        var post = await client.PostFormAsync("/akun/kata-sandi", DetailUrl(target) + "/nonaktifkan", ("Reason", "Tidak berhak"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/akun/akses-ditolak", LocationOf(post));
        Assert.True(await app.WithDb(db => db.Users.Where(u => u.Id == target.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.Client().GetAsync("/admin/pengguna");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk?kembali=", LocationOf(response));
    }

    private Task<string?> StampAsync(AppUser user) =>
        app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync());

    private async Task<List<string>> RolesOfAsync(AppUser user) =>
        (await app.WithDb(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync()))
        .Order(StringComparer.Ordinal).ToList();
}
