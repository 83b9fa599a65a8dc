using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using static AgentProgram.Tests.Features.Messages.MessageTestKit;

namespace AgentProgram.Tests.Features.Messages;

public sealed class MessageElectionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task SeedAsync()
    {
        await app.WithDb(async db =>
        {
            if (db.ElectionPeriods.Any()) return 0;
            db.ElectionPeriods.Add(new ElectionPeriodSetting
            {
                Name = "Masa Kampanye Pilkada Uji", Kind = ElectionPeriodKind.Campaign,
                StartUtc = new DateTime(2026, 11, 25, 17, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc),
            });
            db.ElectionCandidates.Add(new ElectionCandidate { Name = "H. Budi Santoso, S.E." });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_message_in_an_election_period_is_flagged_and_needs_the_review_tick_to_be_approved()
    {
        await SeedAsync();
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Pesan Masa Kampanye");
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(id)).StatusCode);
        var (_, pimpinan) = await app.UserAsync(false, Roles.Pimpinan);

        var page = WebUtility.HtmlDecode(await pimpinan.GetHtmlAsync($"/pesan/{id}"));
        Assert.Contains("Masa aktif pesan ini beririsan dengan Masa Kampanye Pilkada Uji.", page);
        Assert.Contains("Saya sudah meninjau ulang pesan ini untuk masa pemilu.", page);

        var refused = await pimpinan.ActAsync(id, "setujui");
        Assert.Contains("Nyatakan bahwa Anda telah memeriksa ulang netralitas pesan ini", await HtmlOf(refused));
        Assert.Equal(MessageStatus.Submitted, (await app.MessageAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.ActAsync(id, "setujui", ("ElectionReviewed", "true"))).StatusCode);
        var m = await app.MessageAsync(id);
        Assert.Equal(MessageStatus.Approved, m.Status);
        Assert.Equal("Masa Kampanye Pilkada Uji", m.ElectionFlag);
    }

    [Fact]
    public async Task A_message_naming_a_candidate_cannot_be_submitted_and_the_refusal_names_the_candidate()
    {
        await SeedAsync();
        var (_, author) = await app.UserAsync(false, Roles.Humas);
        var id = await author.CreateDraftAsync("Pesan Nama Calon", ("Captions[1].Text", "Bersama #BudiSantoso membangun kota."));

        var refused = await author.SubmitAsync(id);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await HtmlOf(refused);
        Assert.Contains("Pesan ini menyebut nama calon peserta pemilihan (H. Budi Santoso, S.E.)", html);
        Assert.Contains("Keterangan Instagram menyebut nama calon", html);
        Assert.Equal(MessageStatus.Draft, (await app.MessageAsync(id)).Status);
    }
}
