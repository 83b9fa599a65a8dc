using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Privacy;

/// <summary>HR handles an agent's erasure request from the agent's page: confirmation, reason, the same mechanism as the purge.</summary>
public sealed class ErasureRequestTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    private static string Page(int agentId) => "/agen/" + agentId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Hr_erases_an_active_agent_on_request_with_a_reason_and_the_figures_stay()
    {
        var unit = await PrivacyTestKit.UnitAsync(app, "Bagian Umum");
        var message = await PrivacyTestKit.MessageAsync(app, "Pajak daerah tepat waktu");
        var agent = await PrivacyTestKit.SeedFullAgentAsync(app, "Dewi Minta Hapus", unit, message);
        var other = await PrivacyTestKit.SeedFullAgentAsync(app, "Eko Tetap", unit, message);
        var agentClient = await app.SignInAsAsync(agent.Agent.Email);
        var before = await PrivacyTestKit.AggregatesAsync(app);
        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);

        var detail = await hr.GetHtmlAsync(Page(agent.Agent.AgentId));
        Assert.Contains($"href=\"{Page(agent.Agent.AgentId)}/hapus-data-pribadi\"", detail, StringComparison.Ordinal);

        var confirm = await hr.GetHtmlAsync(Page(agent.Agent.AgentId) + "/hapus-data-pribadi");
        var counts = AgentTestKit.TextsOf(confirm, "will-remove");
        Assert.Contains("Dewi Minta Hapus", confirm, StringComparison.Ordinal);
        Assert.Contains("Akun Media Sosial: 2", WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.Contains("Tangkapan layar: 1", WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.Contains("Teks Tanggapan Publik yang dicatat agen: 1", WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.NotEmpty(counts);
        var version = await app.WithDb(db => db.Agents.Where(a => a.Id == agent.Agent.AgentId).Select(a => a.Version).SingleAsync());
        var action = Page(agent.Agent.AgentId) + "/hapus-data-pribadi";

        // No reason, no confirmation: refused with both messages, nothing erased.
        var refused = await hr.PostFormAsync(action, action, ("Reason", "  "), ("Version", version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-Reason\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-Confirm\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.AgentId == agent.Agent.AgentId)));

        // A version someone else moved meanwhile: refused, nothing erased.
        var stale = await hr.PostFormAsync(action, action, ("Reason", "Surat permintaan 3 Maret"), ("Confirm", "true"), ("Version", (version - 1).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("baru saja diubah", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(AgentStatus.Active, await app.WithDb(db => db.Agents.Where(a => a.Id == agent.Agent.AgentId).Select(a => a.Status).SingleAsync()));

        var done = await hr.PostFormAsync(action, action, ("Reason", "Surat permintaan agen tanggal 3 Maret 2027"), ("Confirm", "true"), ("Version", version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(Page(agent.Agent.AgentId), AgentTestKit.LocationOf(done));
        var after = await hr.GetHtmlAsync(Page(agent.Agent.AgentId));
        Assert.Contains(ErasureTexts.RequestReason, WebUtility.HtmlDecode(after), StringComparison.Ordinal);

        await app.WithDb(async db =>
        {
            var a = await db.Agents.AsNoTracking().SingleAsync(x => x.Id == agent.Agent.AgentId);
            Assert.Equal(AgentStatus.Ended, a.Status);
            Assert.NotNull(a.StatusChangedUtc);
            Assert.Equal(0, await db.SocialAccounts.CountAsync(s => s.AgentId == agent.Agent.AgentId));
            Assert.Equal(0, await db.ShareReports.CountAsync(r => r.AgentId == agent.Agent.AgentId && (r.PostUrl != null || r.ScreenshotPath != null)));
            Assert.Equal(2, await db.SocialAccounts.CountAsync(s => s.AgentId == other.Agent.AgentId));
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == PrivacyAuditActions.PersonalDataErased && e.EntityKey == agent.Agent.AgentId.ToString(CultureInfo.InvariantCulture));
            Assert.Contains("\"mode\":\"request\"", entry.Changes, StringComparison.Ordinal);
            Assert.Contains("Surat permintaan agen tanggal 3 Maret 2027", entry.Changes, StringComparison.Ordinal);
            Assert.NotNull(entry.UserId);
            return 0;
        });
        Assert.False(File.Exists(PrivacyTestKit.MediaPath(app, agent.ScreenshotFile)));
        Assert.True(File.Exists(PrivacyTestKit.MediaPath(app, other.ScreenshotFile)));
        Assert.Equal(before, await PrivacyTestKit.AggregatesAsync(app));

        // The agent's own session is over and the account cannot sign in again.
        var own = await agentClient.GetAsync("/agen/data-saya");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.StartsWith("/akun/masuk", AgentTestKit.LocationOf(own), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await app.Client().SignInAsync(agent.Agent.Email, AppFactory.Password)).StatusCode);

        // Asking again: the page says it is done and offers no form; a post changes nothing.
        var again = await hr.GetHtmlAsync(action);
        Assert.Contains("data-testid=\"already-erased\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Reason\"", again, StringComparison.Ordinal);
        var key = agent.Agent.AgentId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == PrivacyAuditActions.PersonalDataErased && e.EntityKey == key)));
    }

    [Fact]
    public async Task An_agent_who_is_also_an_officer_keeps_the_officer_account_and_loses_only_the_agent_role()
    {
        var unit = await PrivacyTestKit.UnitAsync(app, "Bagian Protokol");
        var message = await PrivacyTestKit.MessageAsync(app, "Layanan terpadu");
        var agent = await PrivacyTestKit.SeedFullAgentAsync(app, "Rina Humas Juga", unit, message);
        var userId = await app.WithDb(db => db.Agents.Where(a => a.Id == agent.Agent.AgentId).Select(a => a.UserId).SingleAsync());
        await app.WithDb(async db =>
        {
            var humas = await db.Roles.Where(r => r.Name == Roles.Humas).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = humas });
            return await db.SaveChangesAsync();
        });
        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        var action = Page(agent.Agent.AgentId) + "/hapus-data-pribadi";
        var version = await app.WithDb(db => db.Agents.Where(a => a.Id == agent.Agent.AgentId).Select(a => a.Version).SingleAsync());

        var done = await hr.PostFormAsync(action, action, ("Reason", "Permintaan tertulis"), ("Confirm", "true"), ("Version", version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await app.WithDb(async db =>
        {
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync();
            Assert.Equal([Roles.Humas], roles);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            Assert.Equal(agent.Agent.Email, user.Email);
            Assert.True(user.IsActive);
            Assert.Equal(0, await db.SocialAccounts.CountAsync(s => s.AgentId == agent.Agent.AgentId));
            Assert.Equal(AgentStatus.Ended, await db.Agents.Where(a => a.Id == agent.Agent.AgentId).Select(a => a.Status).SingleAsync());
            return 0;
        });
        // Still signs in, as the officer.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().SignInAsync(agent.Agent.Email, AppFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found()
    {
        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/agen/987654/hapus-data-pribadi")).StatusCode);
    }
}
