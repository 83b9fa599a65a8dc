using System.Net;
using System.Text.Json;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Agents;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Agents;

public sealed class ConsentAndMyDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Agent> Reload(int agentId) => app.WithDb(db => db.Agents.AsNoTracking().SingleAsync(a => a.Id == agentId));

    [Fact]
    public async Task Withdrawing_consent_suspends_the_enrolment_and_sends_the_agent_back_to_the_consent_page()
    {
        var agent = await app.SeedAgentAsync("Bunga Citra");
        var client = await app.SignInAsAsync(agent.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agen/akun-media-sosial")).StatusCode);

        var unconfirmed = await client.PostFormAsync("/agen/data-saya", "/agen/data-saya/tarik-persetujuan");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Centang pernyataan bahwa Anda memahami akibat penarikan persetujuan.", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Null((await Reload(agent.AgentId)).ConsentWithdrawnUtc);

        var withdrawn = await client.PostFormAsync("/agen/data-saya", "/agen/data-saya/tarik-persetujuan", ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("/agen/persetujuan", LocationOf(withdrawn));
        var saved = await Reload(agent.AgentId);
        Assert.NotNull(saved.ConsentWithdrawnUtc);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal(AgentStatusReasons.ConsentWithdrawn, saved.StatusReason);

        // The same session is gated at once; access to the agent's own data stays open.
        Assert.Equal("/agen/persetujuan", LocationOf(await client.GetAsync("/")));
        Assert.Equal("/agen/persetujuan", LocationOf(await client.GetAsync("/agen/akun-media-sosial")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agen/data-saya")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agen/data-saya/unduh")).StatusCode);
        var terms = await client.GetHtmlAsync("/agen/persetujuan");
        Assert.Contains("Anda menarik persetujuan pemrosesan data pada", terms);
        Assert.Contains("Setuju dan lanjutkan", terms);

        // Consenting again lifts the suspension it caused.
        var again = await client.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        Assert.Equal("/", LocationOf(again));
        saved = await Reload(agent.AgentId);
        Assert.Null(saved.ConsentWithdrawnUtc);
        Assert.Equal(AgentStatus.Active, saved.Status);
        Assert.Equal(AgentStatusReasons.ConsentRenewed, saved.StatusReason);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Consenting_does_not_lift_a_suspension_by_HR()
    {
        var agent = await app.SeedAgentAsync("Cahya Ningrum", acceptedTerms: false, agent: a =>
        {
            a.Status = AgentStatus.Suspended;
            a.StatusReason = "Sedang dalam proses mutasi";
        });
        var client = await app.SignInAsAsync(agent.Email);
        Assert.Equal("/agen/persetujuan", LocationOf(await client.GetAsync("/")));
        var page = await client.GetHtmlAsync("/agen/persetujuan");
        Assert.Contains("Keikutsertaan Anda sebagai agen sedang ditangguhkan", page);
        Assert.Contains("Sedang dalam proses mutasi", page);

        await client.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        var saved = await Reload(agent.AgentId);
        Assert.NotNull(saved.DataConsentUtc);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal("Sedang dalam proses mutasi", saved.StatusReason);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // Withdrawing and consenting again keeps HR's suspension too.
        await client.PostFormAsync("/agen/data-saya", "/agen/data-saya/tarik-persetujuan", ("Confirm", "true"));
        Assert.Equal("Sedang dalam proses mutasi", (await Reload(agent.AgentId)).StatusReason);
        await client.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal("Sedang dalam proses mutasi", saved.StatusReason);
    }

    [Fact]
    public async Task HR_can_take_over_a_suspension_from_withdrawal_so_that_consenting_again_does_not_lift_it()
    {
        var agent = await app.SeedAgentAsync("Dewi Kartika");
        var client = await app.SignInAsAsync(agent.Email);
        await client.PostFormAsync("/agen/data-saya", "/agen/data-saya/tarik-persetujuan", ("Confirm", "true"));

        var (_, hr) = await app.StaffAsync();
        var version = (await Reload(agent.AgentId)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var suspend = await hr.PostFormAsync($"/agen/{agent.AgentId}", $"/agen/{agent.AgentId}/tangguhkan", ("Reason", "Pelanggaran netralitas"), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);

        await client.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        var saved = await Reload(agent.AgentId);
        Assert.Equal(AgentStatus.Suspended, saved.Status);
        Assert.Equal("Pelanggaran netralitas", saved.StatusReason);
    }

    [Fact]
    public async Task An_ended_agent_who_never_consented_sees_a_clear_message_and_no_form()
    {
        var agent = await app.SeedAgentAsync("Eko Prasetyo", acceptedTerms: false, agent: a =>
        {
            a.Status = AgentStatus.Ended;
            a.StatusReason = "Mutasi ke instansi lain";
        });
        var client = await app.SignInAsAsync(agent.Email);
        Assert.Equal("/agen/persetujuan", LocationOf(await client.GetAsync("/")));
        var page = await client.GetHtmlAsync("/agen/persetujuan");
        Assert.Contains("Keikutsertaan Anda sebagai agen telah berakhir", page);
        Assert.Contains("Mutasi ke instansi lain", page);
        Assert.DoesNotContain("Setuju dan lanjutkan", page);

        await client.PostFormAsync("/agen/persetujuan", "/agen/persetujuan", ("AcceptCodeOfConduct", "true"), ("AcceptDataProcessing", "true"));
        Assert.Null((await Reload(agent.AgentId)).DataConsentUtc);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agen/data-saya")).StatusCode);
    }

    [Fact]
    public async Task My_data_shows_and_downloads_only_the_signed_in_agents_own_data()
    {
        var me = await app.SeedAgentAsync("Fitri Handayani", employee: e => { e.PositionName = "Pranata Humas Ahli Pertama"; e.Phone = "081298765432"; });
        var other = await app.SeedAgentAsync("Gilang Ramadhan");
        await app.SeedAccountAsync(me.AgentId, Platform.Instagram, "fitri.handayani", VerificationState.Verified);
        await app.SeedAccountAsync(other.AgentId, Platform.Instagram, "gilang.ramadhan");

        var client = await app.SignInAsAsync(me.Email);
        var page = await client.GetHtmlAsync("/agen/data-saya");
        Assert.Contains("Fitri Handayani", page);
        Assert.Contains(Nip.FormatForDisplay(me.Nip), page);
        Assert.Contains("Pranata Humas Ahli Pertama", page);
        Assert.Contains("@fitri.handayani", page);
        Assert.Contains("Pemerintah Kota Uji adalah pengendali data pribadi Anda.", page);
        Assert.DoesNotContain("Gilang", page);
        Assert.DoesNotContain("gilang.ramadhan", page);
        Assert.DoesNotContain(other.Nip, page);

        var response = await client.GetAsync("/agen/data-saya/unduh");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.DoesNotContain(me.Nip, response.Content.Headers.ContentDisposition.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var json = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(me.Nip, root.GetProperty("employee").GetProperty("nip").GetString());
        Assert.Equal("Fitri Handayani", root.GetProperty("employee").GetProperty("name").GetString());
        Assert.Equal("081298765432", root.GetProperty("employee").GetProperty("phone").GetString());
        Assert.Equal(me.Email, root.GetProperty("signInAccount").GetProperty("email").GetString());
        Assert.Equal("Active", root.GetProperty("agent").GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("agent").GetProperty("dataConsentUtc").ValueKind);
        var account = Assert.Single(root.GetProperty("socialAccounts").EnumerateArray());
        Assert.Equal("fitri.handayani", account.GetProperty("handle").GetString());
        Assert.Equal("Verified", account.GetProperty("verification").GetString());
        Assert.Equal("Pemerintah Kota Uji", root.GetProperty("dataController").GetString());
        Assert.DoesNotContain("gilang", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other.Nip, json);
    }

    [Fact]
    public async Task A_user_with_the_agent_role_but_no_enrolment_is_told_to_contact_HR()
    {
        var user = await app.CreateUserAsync(Roles.Agen);
        var client = await app.SignInAsAsync(user.Email!);
        foreach (var url in new[] { "/agen/persetujuan", "/agen/akun-media-sosial", "/agen/data-saya" })
        {
            var html = await client.GetHtmlAsync(url);
            Assert.Contains("Hubungi bagian Kepegawaian instansi Anda untuk didaftarkan.", html);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agen/data-saya/unduh")).StatusCode);
    }
}
