using System.Globalization;
using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;

namespace AgentProgram.Tests.Features.RewardPeriods;

/// <summary>Pressing Hitung runs the real calculation service (its computation is tested with the service; here: the page's part).</summary>
public sealed class PeriodCalculateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<List<RewardRun>> RunsOf(int periodId) =>
        app.WithDb(db => db.RewardRuns.AsNoTracking().Where(r => r.PeriodId == periodId).OrderBy(r => r.Number).ToListAsync());

    [Fact]
    public async Task Humas_calculates_and_recalculates_and_a_stale_press_is_refused()
    {
        var scheme = await SchemeAsync(app);
        await app.SeedAgentAsync("Agen Hitung Satu");
        var period = await PeriodAsync(app, scheme.SchemeId);
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var page = $"/periode-penghargaan/{period.Id.ToString(CultureInfo.InvariantCulture)}";

        var first = await client.PostFormAsync(page, page + "/hitung", ("Version", V(period)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var calculated = await ReloadAsync(app, period.Id);
        Assert.Equal(PeriodState.Calculated, calculated.State);
        var run = Assert.Single(await RunsOf(period.Id));
        Assert.Equal(run.Id, calculated.CurrentRunId);
        Assert.Equal(scheme.VersionId, run.SchemeVersionId);

        var html = await client.GetHtmlAsync(page);
        Assert.Contains("Perhitungan selesai.", html);
        Assert.Contains("Hitung ulang", html);
        Assert.Contains("data-testid=\"run-row\"", html);
        Assert.Contains("data-testid=\"run-totals\"", html);

        // The same page pressed again (its version is now old): refused, nothing recalculated.
        var stale = await client.PostFormAsync(page, page + "/hitung", ("Version", V(period)));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Periode ini sudah diubah orang lain", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(run.Id, Assert.Single(await RunsOf(period.Id)).Id);

        // A recalculation replaces the unapproved run.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, page + "/hitung", ("Version", V(calculated)))).StatusCode);
        var second = Assert.Single(await RunsOf(period.Id));
        Assert.Equal(2, second.Number);
        Assert.Equal(second.Id, (await ReloadAsync(app, period.Id)).CurrentRunId);
        var key = period.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2, await app.WithDb(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(RewardPeriod) && a.EntityKey == key && a.Action == "RewardPeriod.Calculated")));
    }

    [Fact]
    public async Task Two_presses_at_once_give_one_result_set()
    {
        var scheme = await SchemeAsync(app);
        await app.SeedAgentAsync("Agen Hitung Dua");
        var period = await PeriodAsync(app, scheme.SchemeId);
        var (_, one) = await app.StaffAsync(Roles.Humas);
        var (_, two) = await app.StaffAsync(Roles.Humas);
        var page = $"/periode-penghargaan/{period.Id.ToString(CultureInfo.InvariantCulture)}";
        var t1 = AntiforgeryTokenAsync(one, page);
        var t2 = AntiforgeryTokenAsync(two, page);
        var tokens = await Task.WhenAll(t1, t2);

        var responses = await Task.WhenAll(
            one.PostAsync(page + "/hitung", new FormUrlEncodedContent([new("__af", tokens[0]), new("Version", V(period))])),
            two.PostAsync(page + "/hitung", new FormUrlEncodedContent([new("__af", tokens[1]), new("Version", V(period))])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("alert-danger", await refused.Content.ReadAsStringAsync());
        Assert.Single(await RunsOf(period.Id));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page) =>
        HttpClientExtensions.AntiforgeryToken(await client.GetHtmlAsync(page));
}
