using System.Globalization;
using System.Net;
using System.Text.Json;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Agents;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Agents;

public sealed class AgentStatusTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<int> VersionOf(int agentId) => app.WithDb(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.Version).SingleAsync());

    private async Task<HttpResponseMessage> ChangeAsync(HttpClient client, int agentId, string verb, params (string, string)[] fields)
    {
        var version = (await VersionOf(agentId)).ToString(CultureInfo.InvariantCulture);
        return await client.PostFormAsync($"/agen/{agentId}", $"/agen/{agentId}/{verb}", [.. fields, ("Version", version)]);
    }

    private Task<Agent> Reload(int agentId) => app.WithDb(db => db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId));

    [Fact]
    public async Task Suspend_and_reactivate_need_a_reason_which_is_kept_audited_and_shown_as_history()
    {
        var (hr, client) = await app.StaffAsync();
        var agent = await app.SeedAgentAsync("Wulan Sari");
        await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "wulan.sari", VerificationState.Verified);

        var noReason = await ChangeAsync(client, agent.AgentId, "tangguhkan", ("Reason", "  "));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Alasan wajib diisi.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(AgentStatus.Active, (await Reload(agent.AgentId)).Status);

        var suspended = await ChangeAsync(client, agent.AgentId, "tangguhkan", ("Reason", "Sedang menjalani pemeriksaan internal"));
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Equal($"/agen/{agent.AgentId}", LocationOf(suspended));
        var saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal("Sedang menjalani pemeriksaan internal", saved.StatusReason);
        Assert.NotNull(saved.StatusChangedUtc);

        var key = agent.AgentId.ToString(CultureInfo.InvariantCulture);
        var entry = await app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == nameof(Agent) && a.EntityKey == key && a.Action == AuditActions.Updated).SingleAsync());
        Assert.Equal(hr.Id, entry.UserId);
        using (var doc = JsonDocument.Parse(entry.Changes!))
        {
            Assert.Equal((int)AgentStatus.Active, doc.RootElement.GetProperty("Status").GetProperty("old").GetInt32());
            Assert.Equal((int)AgentStatus.Suspended, doc.RootElement.GetProperty("Status").GetProperty("new").GetInt32());
            Assert.Equal("Sedang menjalani pemeriksaan internal", doc.RootElement.GetProperty("StatusReason").GetProperty("new").GetString());
        }

        var detail = await client.GetHtmlAsync($"/agen/{agent.AgentId}");
        Assert.Contains("Keikutsertaan agen ditangguhkan.", detail);
        Assert.Contains("Status diubah", detail);
        Assert.Contains("Aktif &#x2192; Ditangguhkan", detail.Replace("&rarr;", "&#x2192;", StringComparison.Ordinal));
        Assert.Contains("Alasan: Sedang menjalani pemeriksaan internal", detail);
        Assert.Contains("@wulan.sari", detail);
        Assert.Contains("Terverifikasi", detail);

        var reactivated = await ChangeAsync(client, agent.AgentId, "aktifkan", ("Reason", "Pemeriksaan selesai"));
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Active, saved.Status);
        Assert.Equal("Pemeriksaan selesai", saved.StatusReason);
        Assert.Equal(2, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Agent) && a.EntityKey == key && a.Action == AuditActions.Updated)));

        // Suspending twice is refused with a reason, not silently repeated.
        await ChangeAsync(client, agent.AgentId, "tangguhkan", ("Reason", "Lagi"));
        var twice = await ChangeAsync(client, agent.AgentId, "tangguhkan", ("Reason", "Lagi"));
        Assert.Contains("Agen ini sudah ditangguhkan.", await twice.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reactivation_is_refused_while_the_agent_has_withdrawn_consent()
    {
        var (_, client) = await app.StaffAsync();
        var agent = await app.SeedAgentAsync("Yusuf Maulana", agent: a =>
        {
            a.ConsentWithdrawnUtc = new DateTime(2026, 2, 3, 4, 5, 0, DateTimeKind.Utc);
            a.Status = AgentStatus.Suspended;
            a.StatusReason = AgentStatusReasons.ConsentWithdrawn;
        });

        var detail = await client.GetHtmlAsync($"/agen/{agent.AgentId}");
        Assert.Contains("Agen ini menarik persetujuan pemrosesan data pada 03/02/2026 11.05 WIB.", detail);
        Assert.DoesNotContain($"action=\"/agen/{agent.AgentId}/aktifkan\"", detail);

        var response = await ChangeAsync(client, agent.AgentId, "aktifkan", ("Reason", "Diminta atasan"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Keikutsertaannya hanya dapat aktif kembali setelah agen sendiri memberikan persetujuan lagi", await response.Content.ReadAsStringAsync());
        var saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal(AgentStatusReasons.ConsentWithdrawn, saved.StatusReason);
    }

    [Fact]
    public async Task Ending_needs_a_reason_and_a_confirmation_and_cannot_be_undone()
    {
        var (_, client) = await app.StaffAsync();
        var agent = await app.SeedAgentAsync("Zainal Abidin");

        var unconfirmed = await ChangeAsync(client, agent.AgentId, "akhiri", ("Reason", "Pensiun"));
        Assert.Contains("Centang pernyataan bahwa Anda memahami pengakhiran tidak dapat dibatalkan.", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(AgentStatus.Active, (await Reload(agent.AgentId)).Status);

        var ended = await ChangeAsync(client, agent.AgentId, "akhiri", ("Reason", "Pensiun"), ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Ended, saved.Status);
        Assert.Equal("Pensiun", saved.StatusReason);

        foreach (var verb in new[] { "aktifkan", "tangguhkan" })
        {
            var again = await ChangeAsync(client, agent.AgentId, verb, ("Reason", "Coba lagi"), ("Confirm", "true"));
            Assert.Contains("Bila pegawai ini perlu menjadi agen lagi, hubungi administrator.", await again.Content.ReadAsStringAsync());
        }
        Assert.Equal(AgentStatus.Ended, (await Reload(agent.AgentId)).Status);
        var detail = await client.GetHtmlAsync($"/agen/{agent.AgentId}");
        Assert.DoesNotContain($"action=\"/agen/{agent.AgentId}/akhiri\"", detail);

        // The ended agent can still sign in and is told where they stand.
        var self = await app.SignInAsAsync(agent.Email);
        var page = await self.GetHtmlAsync("/agen/data-saya");
        Assert.Contains("Keikutsertaan Anda sebagai agen telah berakhir", page);
        Assert.Contains("Pensiun", page);
    }

    [Fact]
    public async Task A_change_made_meanwhile_by_someone_else_is_not_overwritten()
    {
        var (_, client) = await app.StaffAsync();
        var agent = await app.SeedAgentAsync("Agus Salim");
        var stale = (await VersionOf(agent.AgentId)).ToString(CultureInfo.InvariantCulture);
        await ChangeAsync(client, agent.AgentId, "tangguhkan", ("Reason", "Pertama"));

        var response = await client.PostFormAsync($"/agen/{agent.AgentId}", $"/agen/{agent.AgentId}/akhiri", ("Reason", "Kedua"), ("Confirm", "true"), ("Version", stale));
        Assert.Contains("Data ini baru saja diubah orang lain.", await response.Content.ReadAsStringAsync());
        var saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal("Pertama", saved.StatusReason);
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found()
    {
        var (_, client) = await app.StaffAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agen/987654")).StatusCode);
        var post = await client.PostFormAsync("/agen", "/agen/987654/tangguhkan", ("Reason", "x"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
