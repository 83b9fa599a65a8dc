using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Concurrency;

/// <summary>
/// Records changed by one action rather than a form of fields (revoking a conduct record) and the agent's own
/// social account, which Humas decides on: a save that lost the race says what is stored now and by whom, keeps what
/// the person typed, and never overwrites.
/// </summary>
public sealed class StaleActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_revoke_that_lost_to_another_officers_says_who_revoked_it_and_why_and_keeps_the_first()
    {
        var agent = await app.SeedAgentAsync("Dian Cabut Ganda " + Suffix());
        var record = await Features.ConductRecords.ConductRecordTests.SeedNeutralityRecordAsync(app, agent.AgentId);
        var (first, a) = await app.StaffAsync(Roles.Kepegawaian);
        var (_, b) = await app.StaffAsync(Roles.Kepegawaian);
        var url = $"/catatan-disiplin/{record.Id}/cabut";
        var formA = await LoadedForm.LoadAsync(a, url, url);
        var formB = await LoadedForm.LoadAsync(b, url, url);

        formA["Reason"] = "Putusan banding membatalkan sanksi";
        Assert.Equal(HttpStatusCode.Redirect, (await formA.PostAsync(a)).StatusCode);
        formB["Reason"] = "Salah input tanggal";
        var response = await formB.PostAsync(b);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Catatan ini sudah dicabut oleh {first.DisplayName} pada ", html, StringComparison.Ordinal);
        Assert.Contains("dengan alasan: Putusan banding membatalkan sanksi. Alasan yang Anda tulis tidak disimpan.", html, StringComparison.Ordinal);
        Assert.Contains("Salah input tanggal", html, StringComparison.Ordinal);
        var stored = await app.WithDb(db => db.ConductRecords.AsNoTracking().SingleAsync(c => c.Id == record.Id));
        Assert.Equal("Putusan banding membatalkan sanksi", stored.RevokeReason);
        Assert.Equal(first.Id, stored.RevokedByUserId);
    }

    [Fact]
    public async Task An_account_edit_after_Humas_rejected_the_account_says_so_keeps_the_entries_and_saves_when_sent_again()
    {
        var agent = await app.SeedAgentAsync("Agen Akun Bentrok " + Suffix());
        var handle = "bentrok" + Suffix();
        var account = await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, handle, VerificationState.Pending, followers: 100);
        var client = await app.SignInAsAsync(agent.Email);
        var url = $"/agen/akun-media-sosial/{account.Id}";
        var form = await LoadedForm.LoadAsync(client, url, url);

        // Humas rejects the account while the agent edits it.
        await app.WithDb(async db =>
        {
            var s = await db.SocialAccounts.SingleAsync(x => x.Id == account.Id);
            s.State = VerificationState.Rejected;
            s.RejectionReason = "Akun dikunci";
            return await db.SaveChangesAsync();
        });
        form["Followers"] = "250";
        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Akun @{handle} baru saja diubah di tempat lain: kini berstatus Ditolak dengan alasan \"Akun dikunci\".", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var again = LoadedForm.From(page, url);
        Assert.Equal("250", again["Followers"]);
        var stored = await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(x => x.Id == account.Id));
        Assert.Equal(100, stored.Followers);
        Assert.Equal(VerificationState.Rejected, stored.State);

        // Sent again from the page it got back: saved on top of Humas's decision (a changed rejected account goes back to the queue).
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync(client)).StatusCode);
        stored = await app.WithDb(db => db.SocialAccounts.AsNoTracking().SingleAsync(x => x.Id == account.Id));
        Assert.Equal(250, stored.Followers);
        Assert.Equal(VerificationState.Pending, stored.State);
    }
}
