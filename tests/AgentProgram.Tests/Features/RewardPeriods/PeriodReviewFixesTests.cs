using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;

namespace AgentProgram.Tests.Features.RewardPeriods;

/// <summary>Review fixes on periods: overlapping dates, four eyes, pending reports on approval, recalculation wording and version choice, labels.</summary>
public sealed class PeriodReviewFixesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string New = "/periode-penghargaan/baru";

    private static string Page(int id) => $"/periode-penghargaan/{id.ToString(CultureInfo.InvariantCulture)}";

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_period_overlapping_another_of_the_same_scheme_is_refused_naming_it_beside_the_dates()
    {
        var scheme = await SchemeAsync(app);
        var other = await SchemeAsync(app);
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var s = scheme.SchemeId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2033"), ("Month", "10"), ("SchemeId", s))).StatusCode);

        var custom = await client.PostFormAsync(New, New, ("Kind", "Custom"), ("StartDate", "2033-10-20"), ("EndDate", "2033-11-10"), ("Name", "Bulan Bakti 2033"), ("SchemeId", s));
        Assert.Equal(HttpStatusCode.OK, custom.StatusCode);
        var html = await Html(custom);
        Assert.Equal(["Tanggal periode ini tumpang tindih dengan periode Oktober 2033 (1 Oktober 2033 – 31 Oktober 2033) pada skema yang sama. Sebaran yang sama akan dihargai dan dibayar dua kali; pilih tanggal lain."],
            TextsOf(html, "error-StartDate"));
        Assert.Contains("value=\"Bulan Bakti 2033\"", html);

        var quarter = await Html(await client.PostFormAsync(New, New, ("Kind", "Quarterly"), ("Year", "2033"), ("Quarter", "4"), ("SchemeId", s)));
        Assert.Contains("tumpang tindih dengan periode Oktober 2033", Assert.Single(TextsOf(quarter, "error-Quarter")));
        Assert.False(await app.WithDb(db => db.RewardPeriods.AnyAsync(p => p.Name == "Bulan Bakti 2033" || p.Name == "Triwulan IV 2033")));

        // The next month, and the same month on another scheme, are fine.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2033"), ("Month", "11"), ("SchemeId", s))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Custom"), ("StartDate", "2033-10-01"), ("EndDate", "2033-10-31"),
            ("Name", "Oktober 2033 skema lain"), ("SchemeId", other.SchemeId.ToString(CultureInfo.InvariantCulture)))).StatusCode);
    }

    [Fact]
    public async Task A_Pimpinan_who_computed_the_current_run_cannot_approve_it()
    {
        var scheme = await SchemeAsync(app);
        var agent = await app.SeedAgentAsync("Agen Empat Mata " + Guid.NewGuid().ToString("N")[..6]);
        var period = await PeriodAsync(app, scheme.SchemeId);
        var both = await app.CreateUserAsync(Roles.Humas, Roles.Pimpinan);
        var run = await RunAsync(app, period.Id, scheme.VersionId, [Result(agent.AgentId, 1, 40m, outcomes: RewardOutcomes.Recognition)]);
        await app.WithDb(async db =>
        {
            (await db.RewardRuns.SingleAsync(r => r.Id == run.Id)).ComputedByUserId = both.Id;
            return await db.SaveChangesAsync();
        });
        var version = V(await ReloadAsync(app, period.Id));
        var page = Page(period.Id);

        var client = await app.SignInAsAsync(both.Email!);
        var refused = await client.PostFormAsync(page + "/setujui", page + "/setujui", ("Version", version));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Anda yang menjalankan perhitungan ini, sehingga tidak dapat menyetujuinya sendiri.", await Html(refused));
        var after = await ReloadAsync(app, period.Id);
        Assert.Equal((PeriodState.Calculated, (string?)null), (after.State, after.ApprovedByUserId));

        var (pimpinan, other) = await app.StaffAsync(Roles.Pimpinan);
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync(page + "/setujui", page + "/setujui", ("Version", version))).StatusCode);
        Assert.Equal((PeriodState.Approved, pimpinan.Id), ((await ReloadAsync(app, period.Id)).State, (await ReloadAsync(app, period.Id)).ApprovedByUserId));
    }

    private async Task ReportAsync(int agentId, DateTime posted, ReportState state)
    {
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Tertunda " + Guid.NewGuid().ToString("N")[..8]);
        await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agentId, DueUtc = posted.AddDays(1), CreatedUtc = posted.AddDays(-1) };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            db.ShareReports.Add(new ShareReport
            {
                AssignmentId = a.Id, AgentId = agentId, MessageId = messageId, Platform = Platform.Instagram, PostedUtc = posted,
                SubmittedUtc = posted.AddHours(1), SubmissionKey = Guid.NewGuid(), State = state,
            });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_approval_page_counts_reports_still_pending_in_the_period_in_local_time_and_shows_the_totals()
    {
        var scheme = await SchemeAsync(app);
        var agent = await app.SeedAgentAsync("Agen Tertunda " + Guid.NewGuid().ToString("N")[..6]);
        var period = await PeriodAsync(app, scheme.SchemeId);
        await app.WithDb(async db =>
        {
            var p = await db.RewardPeriods.SingleAsync(x => x.Id == period.Id);
            (p.StartDate, p.EndDate) = (new DateOnly(2040, 3, 1), new DateOnly(2040, 3, 31));
            return await db.SaveChangesAsync();
        });
        await RunAsync(app, period.Id, scheme.VersionId,
            [Result(agent.AgentId, 1, 40m, outcomes: RewardOutcomes.Recognition | RewardOutcomes.Incentive | RewardOutcomes.PromotionRecommendation, incentive: 750_000)]);
        // 1 March 00:30 WIB and 31 March 23:30 WIB are inside; 1 April 00:30 WIB is not; a verified report does not count.
        await ReportAsync(agent.AgentId, new DateTime(2040, 2, 29, 17, 30, 0, DateTimeKind.Utc), ReportState.Pending);
        await ReportAsync(agent.AgentId, new DateTime(2040, 3, 31, 16, 30, 0, DateTimeKind.Utc), ReportState.Pending);
        await ReportAsync(agent.AgentId, new DateTime(2040, 3, 31, 17, 30, 0, DateTimeKind.Utc), ReportState.Pending);
        await ReportAsync(agent.AgentId, new DateTime(2040, 3, 10, 3, 0, 0, DateTimeKind.Utc), ReportState.Verified);

        var (_, client) = await app.StaffAsync(Roles.Pimpinan);
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync(Page(period.Id) + "/setujui"));
        Assert.Equal(["2 laporan masih menunggu verifikasi dan tidak akan dihitung setelah disetujui."], TextsOf(html, "pending-reports"));
        Assert.Contains("Rp 750.000", html);
        Assert.Equal(1, Count(html, "approve-summary"));
    }

    [Fact]
    public async Task Recalculating_asks_for_confirmation_and_the_labels_name_the_schemes_study_kind_as_a_recommendation()
    {
        var scheme = await SchemeAsync(app);
        await app.WithDb(async db =>
        {
            var v = await db.RewardSchemeVersions.SingleAsync(x => x.Id == scheme.VersionId);
            v.RulesJson = (RewardRules.Default with { Study = new StudyRule(true, StudyKind.TugasBelajar) }).ToJson();
            return await db.SaveChangesAsync();
        });
        var agent = await app.SeedAgentAsync("Agen Belajar " + Guid.NewGuid().ToString("N")[..6]);
        var open = await PeriodAsync(app, scheme.SchemeId);
        var (_, humas) = await app.StaffAsync(Roles.Humas);

        var first = await humas.GetHtmlAsync(Page(open.Id));
        Assert.Contains("data-testid=\"calculate\"", first);
        Assert.DoesNotContain("Hitung ulang periode ini?", first[first.IndexOf("/hitung\"", StringComparison.Ordinal)..first.IndexOf("data-testid=\"calculate\"", StringComparison.Ordinal)]);

        await RunAsync(app, open.Id, scheme.VersionId,
            [Result(agent.AgentId, 1, 40m, outcomes: RewardOutcomes.StudyRecommendation | RewardOutcomes.PromotionRecommendation)]);
        var html = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Page(open.Id)));
        var form = html[html.IndexOf("/hitung\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"calculate\"", StringComparison.Ordinal)];
        Assert.Contains("data-confirm=\"Hitung ulang periode ini? Hasil perhitungan sebelumnya yang belum disetujui akan diganti dengan hasil baru.\"", form);
        var outcomes = TextsOf(html, "outcome");
        Assert.Equal(["Direkomendasikan untuk dipertimbangkan: kenaikan pangkat/jabatan", "Direkomendasikan untuk dipertimbangkan: tugas belajar"], outcomes);
        Assert.All(outcomes, o => Assert.DoesNotContain("ditetapkan", o, StringComparison.Ordinal));
        Assert.All(outcomes, o => Assert.DoesNotContain("diberikan", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_newest_version_checkbox_appears_only_when_a_newer_approved_version_exists_and_is_passed_to_the_calculation()
    {
        var scheme = await SchemeAsync(app);
        var period = await PeriodAsync(app, scheme.SchemeId);
        await RunAsync(app, period.Id, scheme.VersionId, []);
        await app.WithDb(async db =>
        {
            (await db.RewardPeriods.SingleAsync(p => p.Id == period.Id)).SchemeVersionId = scheme.VersionId;
            return await db.SaveChangesAsync();
        });
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        Assert.Equal(0, Count(await humas.GetHtmlAsync(Page(period.Id)), "use-newest-version"));

        var v2 = await app.WithDb(async db =>
        {
            var v = new RewardSchemeVersion
            {
                SchemeId = scheme.SchemeId, Number = 2, State = SchemeVersionState.Approved, RulesJson = RewardRules.Default.ToJson(),
                CreatedUtc = DateTime.UtcNow, ApprovedUtc = DateTime.UtcNow,
            };
            db.RewardSchemeVersions.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        var html = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Page(period.Id)));
        Assert.Equal(1, Count(html, "use-newest-version"));
        Assert.Contains("Gunakan versi skema terbaru (versi 2)", html);

        // Without the tick the period keeps version 1; with it the run uses version 2.
        var page = Page(period.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(page, page + "/hitung", ("Version", V(await ReloadAsync(app, period.Id))))).StatusCode);
        Assert.Equal(scheme.VersionId, await app.WithDb(db => db.RewardRuns.Where(r => r.PeriodId == period.Id).OrderByDescending(r => r.Number).Select(r => r.SchemeVersionId).FirstAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(page, page + "/hitung", ("Version", V(await ReloadAsync(app, period.Id))), ("UseNewestVersion", "true"))).StatusCode);
        Assert.Equal(v2, await app.WithDb(db => db.RewardRuns.Where(r => r.PeriodId == period.Id).OrderByDescending(r => r.Number).Select(r => r.SchemeVersionId).FirstAsync()));
    }
}
