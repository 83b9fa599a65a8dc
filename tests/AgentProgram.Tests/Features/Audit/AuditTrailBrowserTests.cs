using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Admin;
using AgentProgram.Tests.Security;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Audit;

public sealed partial class AuditTrailBrowserTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("data-testid=\"audit-row\"")]
    private static partial Regex RowPattern();

    private static int Rows(string html) => RowPattern().Count(html);

    /// <summary>The table only: filter options also carry action labels.</summary>
    private static string Table(string html) => html.Contains("<tbody>", StringComparison.Ordinal) ? html[html.IndexOf("<tbody>", StringComparison.Ordinal)..] : "";

    private Task AddAsync(params AuditEntry[] entries) => app.WithDb(async db =>
    {
        db.AuditEntries.AddRange(entries);
        return await db.SaveChangesAsync();
    });

    private static AuditEntry Entry(string user, DateTime utc, string action, string? changes, string? type = null, string? key = null, string? ip = null) => new()
    {
        OccurredUtc = utc, UserName = user, Action = action, Changes = changes, EntityType = type, EntityKey = key, IpAddress = ip,
    };

    [Fact]
    public async Task Shows_entries_newest_first_with_labels_times_in_WIB_and_readable_changes()
    {
        const string user = "penelusur-a@uji.test";
        await AddAsync(
            Entry(user, new DateTime(2026, 2, 1, 1, 0, 0, DateTimeKind.Utc), AuditActions.Updated,
                """{"DisplayName":{"old":"Nama Lama","new":"Nama Baru"},"IsActive":{"old":true,"new":false}}""", "AppUser", "kunci-a1", "10.1.2.3"),
            Entry(user, new DateTime(2026, 2, 2, 1, 0, 0, DateTimeKind.Utc), AuditActions.SignInFailed, "wrong password"));

        var (_, client) = await app.AdminAsync();
        var html = await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-a");
        Assert.Contains("2 entri", html);
        var table = Table(html);
        Assert.Equal(2, Rows(table));
        Assert.True(table.IndexOf("Gagal masuk", StringComparison.Ordinal) < table.IndexOf("Data diubah", StringComparison.Ordinal), "newest first");
        Assert.Contains("01/02/2026 08.00 WIB", table);
        Assert.Contains("10.1.2.3", table);
        Assert.Contains("Akun pengguna", table);
        Assert.Contains("href=\"/admin/pengguna/kunci-a1\"", table);
        Assert.Matches(@"Nama tampilan:</span>\s*<span>Nama Lama</span>\s*<span aria-hidden=""true"">&rarr;</span>\s*<span class=""visually-hidden"">menjadi</span>\s*<span>Nama Baru</span>", table);
        Assert.Matches(@"Akun aktif:</span>\s*<span>Ya</span>[\s\S]*?<span>Tidak</span>", table);
        Assert.Contains("wrong password", table);
        Assert.DoesNotContain("{&quot;DisplayName&quot;", table);
    }

    [Fact]
    public async Task Filters_by_action_user_entity_key_and_WIB_dates()
    {
        const string user = "penelusur-b@uji.test";
        await AddAsync(
            Entry(user, new DateTime(2026, 1, 10, 16, 59, 0, DateTimeKind.Utc), AuditActions.SignInFailed, "detail-b1"),              // 10 Jan 23.59 WIB
            Entry(user, new DateTime(2026, 1, 10, 17, 30, 0, DateTimeKind.Utc), AuditActions.Updated, "detail-b2", "AppUser", "kunci-b2"), // 11 Jan 00.30 WIB
            Entry(user, new DateTime(2026, 1, 12, 3, 0, 0, DateTimeKind.Utc), AuditActions.PasswordReset, "detail-b3", "AppUser", "kunci-b3"),
            Entry("orang-lain@uji.test", new DateTime(2026, 1, 10, 18, 0, 0, DateTimeKind.Utc), AuditActions.SignInFailed, "detail-lain"));
        var (_, client) = await app.AdminAsync();

        var byAction = Table(await client.GetHtmlAsync("/admin/jejak-audit?aksi=SignInFailed&pengguna=penelusur-b"));
        Assert.Equal(1, Rows(byAction));
        Assert.Contains("detail-b1", byAction);

        var byUser = Table(await client.GetHtmlAsync("/admin/jejak-audit?pengguna=PENELUSUR-B"));
        Assert.Equal(3, Rows(byUser));
        Assert.DoesNotContain("detail-lain", byUser);

        var byKey = Table(await client.GetHtmlAsync("/admin/jejak-audit?entitas=AppUser&kunci=kunci-b2"));
        Assert.Equal(1, Rows(byKey));
        Assert.Contains("detail-b2", byKey);

        // Dates are days in WIB: 17.30 UTC on the 10th is already the 11th.
        var eleventh = Table(await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-b&dari=2026-01-11&sampai=2026-01-11"));
        Assert.Equal(1, Rows(eleventh));
        Assert.Contains("detail-b2", eleventh);
        var tenth = Table(await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-b&dari=2026-01-10&sampai=2026-01-10"));
        Assert.Equal(1, Rows(tenth));
        Assert.Contains("detail-b1", tenth);
        var fromEleventh = await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-b&dari=2026-01-11");
        Assert.Contains("2 entri", fromEleventh);
        Assert.Contains("value=\"2026-01-11\"", fromEleventh);

        var none = await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-b&aksi=TwoFactorEnabled");
        Assert.Contains("0 entri", none);
        Assert.Contains("Tidak ada entri yang cocok", none);
    }

    [Fact]
    public async Task A_date_it_cannot_read_is_explained_not_a_crash()
    {
        var (_, client) = await app.AdminAsync();
        var response = await client.GetAsync("/admin/jejak-audit?dari=11-01-2026&sampai=2026-01-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tanggal &quot;11-01-2026&quot; tidak dikenali.", html);

        var reversed = await client.GetHtmlAsync("/admin/jejak-audit?dari=2026-02-01&sampai=2026-01-01");
        Assert.Contains("Tanggal akhir tidak boleh sebelum tanggal awal.", reversed);
    }

    [Fact]
    public async Task Pages_of_fifty_newest_first()
    {
        const string user = "penelusur-c@uji.test";
        var start = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddAsync([.. Enumerable.Range(1, 55).Select(i => Entry(user, start.AddMinutes(i), AuditActions.SignIn, $"detail-c-{i:00}"))]);
        var (_, client) = await app.AdminAsync();

        var page1 = await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-c");
        Assert.Contains("55 entri", page1);
        Assert.Equal(50, Rows(page1));
        Assert.Contains("detail-c-55", page1);
        Assert.DoesNotContain("detail-c-05", page1);
        Assert.Contains("href=\"/admin/jejak-audit?pengguna=penelusur-c&amp;hal=2\"", page1);

        var page2 = await client.GetHtmlAsync("/admin/jejak-audit?pengguna=penelusur-c&hal=2");
        Assert.Equal(5, Rows(page2));
        Assert.Contains("detail-c-05", page2);
        Assert.Contains("detail-c-01", page2);
        Assert.DoesNotContain("detail-c-06", page2);
    }

    [Fact]
    public async Task User_management_actions_appear_in_the_trail_of_that_account()
    {
        var (admin, client) = await app.AdminAsync();
        var target = await app.CreateUserAsync(Roles.Agen);
        await client.PostFormAsync(AdminTestKit.DetailUrl(target), AdminTestKit.DetailUrl(target) + "/nonaktifkan", ("Reason", "Cuti di luar tanggungan negara"));

        var html = Table(await client.GetHtmlAsync($"/admin/jejak-audit?entitas=AppUser&kunci={target.Id}"));
        Assert.Equal(1, Rows(html));
        Assert.Contains("Data diubah", html);
        Assert.Contains(admin.Email!, html);
        Assert.Matches(@"Alasan:</span>\s*<span>Cuti di luar tanggungan negara</span>", html);
        Assert.Matches(@"Akun aktif:</span>\s*<span>Ya</span>", html);
        Assert.Contains($"/admin/pengguna/{target.Id}/nonaktifkan", html);
    }

    [Fact]
    public void The_trail_is_read_only_no_endpoint_writes_to_it()
    {
        // The page and its CSV/XLSX download: both only read (the download adds its own "Exported" entry, as any export of people does).
        var endpoints = AuthorizationMatrixTests.MappedEndpoints(app.Services).Where(e => e.Route.StartsWith("admin/jejak-audit", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal([("GET", "admin/jejak-audit"), ("GET", "admin/jejak-audit/ekspor")], endpoints);
    }

    [Fact]
    public async Task Other_roles_and_anonymous_visitors_are_refused()
    {
        foreach (var role in new[] { Roles.Kepegawaian, Roles.Humas, Roles.Pimpinan, Roles.Agen })
        {
            var response = await (await app.SignedInClientAsync(role)).GetAsync("/admin/jejak-audit");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akun/akses-ditolak", AdminTestKit.LocationOf(response));
        }
        var anonymous = await app.Client().GetAsync("/admin/jejak-audit");
        Assert.StartsWith("/akun/masuk?kembali=", AdminTestKit.LocationOf(anonymous));
    }
}
