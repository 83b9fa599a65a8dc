using System.Globalization;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;

namespace AgentProgram.Tests.Features.RewardPeriods;

public sealed class PeriodResultsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Results_are_sorted_by_rank_then_name_and_filter_by_name_unit_eligibility_outcome_and_employment()
    {
        var scheme = await SchemeAsync(app);
        var dinas = await app.SeedUnitAsync("Dinas Kesehatan Uji");
        var puskesmas = await app.SeedUnitAsync("Puskesmas Sukamaju Uji", dinas.Id);
        var kominfo = await app.SeedUnitAsync("Diskominfo Uji");
        var citra = await app.SeedAgentAsync("Citra Lestari");
        var bayu = await app.SeedAgentAsync("Bayu Pratama");
        var andi = await app.SeedAgentAsync("Andi Wijaya");
        var dewi = await app.SeedAgentAsync("Dewi Anggraini");
        var period = await PeriodAsync(app, scheme.SchemeId);
        await RunAsync(app, period.Id, scheme.VersionId,
        [
            Result(citra.AgentId, 2, 30m, puskesmas.Id, EmploymentType.Pppk, RewardOutcomes.Recognition),
            Result(bayu.AgentId, 1, 55.5m, dinas.Id, EmploymentType.Pns, RewardOutcomes.Recognition | RewardOutcomes.Incentive | RewardOutcomes.PromotionRecommendation, incentive: 1_000_000),
            Result(andi.AgentId, 2, 30m, kominfo.Id, EmploymentType.Cpns),
            Result(dewi.AgentId, null, 60m, kominfo.Id, EmploymentType.PppkParuhWaktu, ineligible: IneligibleReasons.DisciplinarySanction),
        ]);
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var page = $"/periode-penghargaan/{period.Id.ToString(CultureInfo.InvariantCulture)}";

        var html = await client.GetHtmlAsync(page);
        Assert.Equal(["Bayu Pratama", "Andi Wijaya", "Citra Lestari", "Dewi Anggraini"], TextsOf(html, "result-name"));
        Assert.Equal(["1", "2", "2", "–"], TextsOf(html, "result-rank"));
        Assert.Contains($"href=\"/penghargaan/{period.Id}/agen/{bayu.AgentId}\"", html);
        Assert.DoesNotContain(bayu.Nip, html); // no NIP in the table
        Assert.Contains("Rp 1.000.000", html);
        Assert.Equal("4", TextsOf(html, "total-agents").Single());
        Assert.Equal("3", TextsOf(html, "total-eligible").Single());
        Assert.Contains("Direkomendasikan untuk dipertimbangkan: kenaikan pangkat/jabatan", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(1, Count(html, "ineligible"));

        Assert.Equal(["Citra Lestari"], TextsOf(await client.GetHtmlAsync(page + "?cari=citra"), "result-name"));
        // A unit includes its sub-units.
        Assert.Equal(["Bayu Pratama", "Citra Lestari"], TextsOf(await client.GetHtmlAsync($"{page}?unit={dinas.Id}"), "result-name"));
        Assert.Equal(["Dewi Anggraini"], TextsOf(await client.GetHtmlAsync(page + "?layak=tidak"), "result-name"));
        Assert.Equal(["Bayu Pratama", "Andi Wijaya", "Citra Lestari"], TextsOf(await client.GetHtmlAsync(page + "?layak=ya"), "result-name"));
        Assert.Equal(["Bayu Pratama", "Citra Lestari"], TextsOf(await client.GetHtmlAsync(page + "?hasil=penghargaan"), "result-name"));
        Assert.Equal(["Bayu Pratama"], TextsOf(await client.GetHtmlAsync(page + "?hasil=insentif"), "result-name"));
        Assert.Equal(["Bayu Pratama", "Andi Wijaya"], TextsOf(await client.GetHtmlAsync(page + "?jenis=pns"), "result-name"));
        Assert.Equal(["Citra Lestari", "Dewi Anggraini"], TextsOf(await client.GetHtmlAsync(page + "?jenis=pppk"), "result-name"));
        Assert.Equal(["Andi Wijaya"], TextsOf(await client.GetHtmlAsync($"{page}?unit={kominfo.Id}&layak=ya&jenis=pns"), "result-name"));
        Assert.Contains("data-testid=\"no-result-match\"", await client.GetHtmlAsync(page + "?cari=zzz-tidak-ada"));
    }

    [Fact]
    public async Task Results_page_through_fifty_at_a_time()
    {
        var scheme = await SchemeAsync(app);
        var period = await PeriodAsync(app, scheme.SchemeId);
        var results = new List<RewardResult>();
        for (var i = 0; i < 52; i++)
        {
            var a = await app.SeedAgentAsync("Halaman " + i.ToString("D2", CultureInfo.InvariantCulture));
            results.Add(Result(a.AgentId, i + 1, 100m - i));
        }
        await RunAsync(app, period.Id, scheme.VersionId, results);
        var (_, client) = await app.StaffAsync(Roles.Pimpinan);
        var page = $"/periode-penghargaan/{period.Id.ToString(CultureInfo.InvariantCulture)}";

        var first = await client.GetHtmlAsync(page);
        Assert.Equal(50, Count(first, "result-row"));
        Assert.Contains("?hal=2", first);
        var second = await client.GetHtmlAsync(page + "?hal=2");
        Assert.Equal(["Halaman 50", "Halaman 51"], TextsOf(second, "result-name"));
    }
}
