using System.Globalization;
using System.Net;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.AccountVerification;

public sealed class AccountVerificationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Item(SocialAccount s) => $"{s.Id.ToString(CultureInfo.InvariantCulture)}:{s.Version.ToString(CultureInfo.InvariantCulture)}";

    private Task<SocialAccount> Reload(int id) => app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task The_queue_shows_pending_accounts_oldest_first_with_the_count_and_safe_links()
    {
        var unit = await app.SeedUnitAsync("Kecamatan Timur");
        var sub = await app.SeedUnitAsync("Kelurahan Fajar", unit.Id);
        var a = await app.SeedAgentAsync("Sinta Maharani", employee: e => e.UnitId = sub.Id);
        var b = await app.SeedAgentAsync("Teguh Wibowo", employee: e => e.UnitId = unit.Id);
        var c = await app.SeedAgentAsync("Umar Said");
        var newest = await app.SeedAccountAsync(a.AgentId, Platform.YouTube, "sintamaharani", createdUtc: new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc));
        var oldest = await app.SeedAccountAsync(b.AgentId, Platform.YouTube, "teguhwibowo", createdUtc: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), followers: 45200);
        await app.SeedAccountAsync(c.AgentId, Platform.YouTube, "umarsaid", createdUtc: new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        await app.SeedAccountAsync(c.AgentId, Platform.LinkedIn, "umar-said", VerificationState.Verified);

        var (_, client) = await app.StaffAsync(Roles.Humas);
        var pendingAll = await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.State == VerificationState.Pending));
        var html = await client.GetHtmlAsync("/verifikasi-akun?platform=YouTube");
        Assert.Contains($"<title>Verifikasi Akun ({pendingAll})", html);
        Assert.Contains("3 akun menunggu verifikasi", html);
        var body = TableBody(html);
        Assert.True(body.IndexOf("Teguh Wibowo", StringComparison.Ordinal) < body.IndexOf("Umar Said", StringComparison.Ordinal));
        Assert.True(body.IndexOf("Umar Said", StringComparison.Ordinal) < body.IndexOf("Sinta Maharani", StringComparison.Ordinal));
        Assert.Contains("href=\"https://www.youtube.com/@teguhwibowo\" target=\"_blank\" rel=\"noopener noreferrer\"", body);
        Assert.Contains("45.200", body);
        Assert.Contains("Kelurahan Fajar", body);
        Assert.DoesNotContain("umar-said", body);
        Assert.Contains($"value=\"{Item(oldest)}\"", body);

        // The unit filter includes sub-units.
        var byUnit = await client.GetHtmlAsync($"/verifikasi-akun?platform=YouTube&unit={unit.Id}");
        Assert.Contains("2 akun menunggu verifikasi", byUnit);
        Assert.DoesNotContain("Umar Said", TableBody(byUnit));
        _ = newest;
    }

    [Fact]
    public async Task Humas_verifies_one_account_and_the_decision_is_recorded_and_audited()
    {
        var agent = await app.SeedAgentAsync("Vina Oktavia");
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.Threads, "vina.oktavia");
        var (humas, client) = await app.StaffAsync(Roles.Humas);

        var response = await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/verifikasi", ("Items", Item(account)), ("Platform", "Threads"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/verifikasi-akun?platform=Threads", LocationOf(response));
        var saved = await Reload(account.Id);
        Assert.Equal(VerificationState.Verified, saved.State);
        Assert.Equal(humas.Id, saved.ReviewedByUserId);
        Assert.NotNull(saved.ReviewedUtc);
        var key = account.Id.ToString(CultureInfo.InvariantCulture);
        var entry = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(SocialAccount) && a.EntityKey == key && a.Action == AuditActions.Updated));
        Assert.Equal(humas.Id, entry.UserId);
        Assert.Contains("\"State\"", entry.Changes);

        Assert.Contains("1 akun diverifikasi.", await client.GetHtmlAsync("/verifikasi-akun?platform=Threads"));
        var mine = await (await app.SignInAsAsync(agent.Email)).GetHtmlAsync("/agen/akun-media-sosial");
        Assert.Contains("Terverifikasi", mine);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_which_the_agent_then_sees()
    {
        var agent = await app.SeedAgentAsync("Wahyu Hidayat");
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.Facebook, "wahyu.hidayat");
        var (_, client) = await app.StaffAsync(Roles.Humas);

        var noReason = await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/tolak", ("Items", Item(account)), ("Reason", " "));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Alasan penolakan wajib diisi, agar agen tahu apa yang harus diperbaiki.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(VerificationState.Pending, (await Reload(account.Id)).State);

        var rejected = await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/tolak", ("Items", Item(account)), ("Reason", "Akun dikunci (privat); buka untuk umum lalu ajukan lagi."));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var saved = await Reload(account.Id);
        Assert.Equal(VerificationState.Rejected, saved.State);
        Assert.Equal("Akun dikunci (privat); buka untuk umum lalu ajukan lagi.", saved.RejectionReason);

        var agentClient = await app.SignInAsAsync(agent.Email);
        var mine = await agentClient.GetHtmlAsync("/agen/akun-media-sosial");
        Assert.Contains("Ditolak", mine);
        Assert.Contains("Akun dikunci (privat); buka untuk umum lalu ajukan lagi.", mine);

        // Any change by the agent puts a rejected account back in the queue.
        var url = $"/agen/akun-media-sosial/{account.Id}";
        var resubmitted = await agentClient.PostFormAsync(url, url, ("Platform", "Facebook"), ("Handle", "wahyu.hidayat"), ("ProfileUrl", "https://www.facebook.com/wahyu.hidayat"),
            ("Kind", "Professional"), ("Consent", "true"), ("Version", saved.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        saved = await Reload(account.Id);
        Assert.Equal(VerificationState.Pending, saved.State);
        Assert.Null(saved.RejectionReason);
    }

    [Fact]
    public async Task Bulk_review_changes_only_accounts_still_as_Humas_saw_them()
    {
        var agent = await app.SeedAgentAsync("Xena Paramitha");
        var first = await app.SeedAccountAsync(agent.AgentId, Platform.Telegram, "xena_satu");
        var second = await app.SeedAccountAsync(agent.AgentId, Platform.Telegram, "xena_dua");
        var changed = await app.SeedAccountAsync(agent.AgentId, Platform.Telegram, "xena_tiga");
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var seen = Item(changed);
        await app.WithDb(async db =>
        {
            var s = await db.SocialAccounts.SingleAsync(x => x.Id == changed.Id);
            s.Handle = "xena_tiga_baru"; // the agent changed it after Humas loaded the queue
            return await db.SaveChangesAsync();
        });

        var response = await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/verifikasi", ("Items", Item(first)), ("Items", Item(second)), ("Items", seen));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(VerificationState.Verified, (await Reload(first.Id)).State);
        Assert.Equal(VerificationState.Verified, (await Reload(second.Id)).State);
        Assert.Equal(VerificationState.Pending, (await Reload(changed.Id)).State);
        var flash = await client.GetHtmlAsync("/verifikasi-akun");
        Assert.Contains("2 akun diverifikasi.", flash);
        Assert.Contains("1 akun dilewati karena sudah ditinjau atau diubah pemiliknya setelah halaman dimuat: @xena_tiga_baru (Telegram): diubah pemiliknya.", flash);

        // Another Humas officer verifies the account the agent changed; this officer rejects it from the page they loaded
        // before that: skipped, and the message says it is already verified.
        var before = Item(await Reload(changed.Id));
        await app.WithDb(async db =>
        {
            var s = await db.SocialAccounts.SingleAsync(x => x.Id == changed.Id);
            s.State = VerificationState.Verified;
            return await db.SaveChangesAsync();
        });
        await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/tolak", ("Items", before), ("Reason", "Profil tidak cocok"));
        Assert.Equal(VerificationState.Verified, (await Reload(changed.Id)).State);
        Assert.Contains("@xena_tiga_baru (Telegram): sudah terverifikasi.", await client.GetHtmlAsync("/verifikasi-akun"));

        var none = await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/verifikasi", ("Platform", ""));
        Assert.Contains("Pilih minimal satu akun.", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Humas_officer_who_is_also_an_agent_cannot_verify_their_own_account()
    {
        var agent = await app.SeedAgentAsync("Yohana Simanjuntak");
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(agent.UserId))!, Roles.Humas);
        });
        var own = await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "yohana.simanjuntak");
        var client = await app.SignInAsAsync(agent.Email);

        var queue = await client.GetHtmlAsync("/verifikasi-akun?platform=Instagram");
        Assert.Contains("Akun Anda sendiri: diverifikasi petugas lain.", queue);
        Assert.Contains($"value=\"{Item(own)}\" form=\"bulk\" id=\"acc-{own.Id}\" disabled=\"disabled\"", queue);

        await client.PostFormAsync("/verifikasi-akun", "/verifikasi-akun/verifikasi", ("Items", Item(own)));
        Assert.Equal(VerificationState.Pending, (await Reload(own.Id)).State);
        Assert.Contains("1 akun milik Anda sendiri dilewati", await client.GetHtmlAsync("/verifikasi-akun"));
    }
}
