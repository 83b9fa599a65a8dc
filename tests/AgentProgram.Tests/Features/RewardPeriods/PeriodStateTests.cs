using System.Globalization;
using System.Net;
using AgentProgram.Tests.Security;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;

namespace AgentProgram.Tests.Features.RewardPeriods;

public sealed class PeriodStateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Page(int id) => $"/periode-penghargaan/{id.ToString(CultureInfo.InvariantCulture)}";

    private Task<List<AuditEntry>> StepsOf(int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(RewardPeriod) && a.EntityKey == key && a.Action.StartsWith("RewardPeriod")).OrderBy(a => a.Id).ToListAsync());
    }

    /// <summary>A period calculated once (seeded run with one result), ready for approval.</summary>
    private async Task<(SeededScheme Scheme, RewardPeriod Period, RewardRun Run)> CalculatedAsync()
    {
        var scheme = await SchemeAsync(app);
        var agent = await app.SeedAgentAsync("Agen Periode " + Guid.NewGuid().ToString("N")[..6]);
        var period = await PeriodAsync(app, scheme.SchemeId);
        var run = await RunAsync(app, period.Id, scheme.VersionId, [Result(agent.AgentId, 1, 40m, outcomes: RewardOutcomes.Recognition | RewardOutcomes.Incentive, incentive: 750_000)]);
        return (scheme, await ReloadAsync(app, period.Id), run);
    }

    [Fact]
    public async Task Humas_cannot_approve()
    {
        var (_, period, _) = await CalculatedAsync();
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var page = Page(period.Id);

        var html = await client.GetHtmlAsync(page);
        Assert.DoesNotContain("data-testid=\"approve\"", html);
        Assert.Contains("Hitung ulang", html);
        var response = await client.PostFormAsync(page, page + "/setujui", ("Version", V(period)));
        Assert.True(AuthorizationMatrixTests.IsRefused(response, anonymous: false), $"answered {(int)response.StatusCode}");
        Assert.True(AuthorizationMatrixTests.IsRefused(await client.GetAsync(page + "/setujui"), anonymous: false));
        Assert.Equal(PeriodState.Calculated, (await ReloadAsync(app, period.Id)).State);
    }

    [Fact]
    public async Task Pimpinan_approves_after_a_confirmation_which_freezes_results_and_scheme_version()
    {
        var (scheme, period, run) = await CalculatedAsync();
        var (pimpinan, client) = await app.StaffAsync(Roles.Pimpinan);
        var page = Page(period.Id);

        var detail = await client.GetHtmlAsync(page);
        Assert.Contains($"href=\"{page}/setujui\"", detail);
        Assert.DoesNotContain("data-testid=\"calculate\"", detail);
        var confirm = await client.GetHtmlAsync(page + "/setujui");
        Assert.Contains("data-testid=\"freeze-warning\"", confirm);
        Assert.Contains("dibekukan", confirm);
        Assert.Contains("Rp 750.000", confirm);

        var response = await client.PostFormAsync(page + "/setujui", page + "/setujui", ("Version", V(period)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, LocationOf(response));
        var saved = await ReloadAsync(app, period.Id);
        Assert.Equal(PeriodState.Approved, saved.State);
        Assert.Equal(pimpinan.Id, saved.ApprovedByUserId);
        Assert.NotNull(saved.ApprovedUtc);
        Assert.Equal(scheme.VersionId, saved.SchemeVersionId);
        var savedRun = await app.WithDb(db => db.RewardRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.Equal(pimpinan.Id, savedRun.ApprovedByUserId);
        Assert.NotNull(savedRun.ApprovedUtc);

        var step = Assert.Single(await StepsOf(period.Id));
        Assert.Equal("RewardPeriod.Approved", step.Action);
        Assert.Equal(pimpinan.Id, step.UserId);
        Assert.Contains("\"to\":\"Approved\"", step.Changes);

        var after = await client.GetHtmlAsync(page);
        Assert.Contains("Periode disetujui. Hasil dan versi skema kini dibekukan.", after);
        Assert.Contains("data-testid=\"frozen\"", after);
        Assert.DoesNotContain($"href=\"{page}/setujui\"", after);
    }

    [Fact]
    public async Task After_approval_calculating_and_editing_notes_are_refused()
    {
        var (_, period, _) = await CalculatedAsync();
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var page = Page(period.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(page, page + "/catatan", ("Version", V(period)), ("Notes", "Partisipasi naik di unit kesehatan."))).StatusCode);
        period = await ReloadAsync(app, period.Id);
        Assert.Equal("Partisipasi naik di unit kesehatan.", period.Notes);

        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.PostFormAsync(page + "/setujui", page + "/setujui", ("Version", V(period)))).StatusCode);
        var approved = await ReloadAsync(app, period.Id);

        var html = await humas.GetHtmlAsync(page);
        Assert.DoesNotContain("data-testid=\"calculate\"", html);
        Assert.DoesNotContain("data-testid=\"notes-form\"", html);
        Assert.Contains("Partisipasi naik di unit kesehatan.", html);

        var calculate = await humas.PostFormAsync(page, page + "/hitung", ("Version", V(approved)));
        Assert.Equal(HttpStatusCode.OK, calculate.StatusCode);
        Assert.Contains("hasilnya dibekukan dan tidak dapat dihitung ulang", WebUtility.HtmlDecode(await calculate.Content.ReadAsStringAsync()));

        var notes = await humas.PostFormAsync(page, page + "/catatan", ("Version", V(approved)), ("Notes", "Diubah setelah disetujui"));
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Contains("Catatan tidak dapat diubah lagi", WebUtility.HtmlDecode(await notes.Content.ReadAsStringAsync()));
        var still = await ReloadAsync(app, period.Id);
        Assert.Equal("Partisipasi naik di unit kesehatan.", still.Notes);
        Assert.Equal(1, await app.WithDb(db => db.RewardRuns.CountAsync(r => r.PeriodId == period.Id)));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_clear_message()
    {
        var (_, period, _) = await CalculatedAsync();
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var page = Page(period.Id);
        var seen = V(period);
        // Someone saves notes meanwhile: the period's version moves on.
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(page, page + "/catatan", ("Version", seen), ("Notes", "Catatan awal"))).StatusCode);

        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        var response = await pimpinan.PostFormAsync(page, page + "/setujui", ("Version", seen));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Periode ini sudah diubah orang lain setelah halaman Anda dimuat", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(PeriodState.Calculated, (await ReloadAsync(app, period.Id)).State);
        Assert.Empty(await StepsOf(period.Id));

        var staleCalc = await humas.PostFormAsync(page, page + "/hitung", ("Version", seen));
        Assert.Contains("Periode ini sudah diubah orang lain", WebUtility.HtmlDecode(await staleCalc.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Closed_periods_are_reopened_only_by_an_administrator_with_a_reason_and_history_stays()
    {
        var (_, period, run) = await CalculatedAsync();
        var page = Page(period.Id);
        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        Assert.Equal(HttpStatusCode.Redirect, (await pimpinan.PostFormAsync(page, page + "/setujui", ("Version", V(period)))).StatusCode);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var approved = await ReloadAsync(app, period.Id);
        var closeHtml = await humas.GetHtmlAsync(page);
        Assert.Contains("data-testid=\"close\"", closeHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(page, page + "/tutup", ("Version", V(approved)))).StatusCode);
        var closed = await ReloadAsync(app, period.Id);
        Assert.Equal(PeriodState.Closed, closed.State);
        Assert.NotNull(closed.ClosedUtc);

        // Humas and Pimpinan cannot reopen.
        Assert.True(AuthorizationMatrixTests.IsRefused(await humas.PostFormAsync(page, page + "/buka-kembali", ("Version", V(closed)), ("Reason", "Alasan yang cukup panjang")), anonymous: false));
        Assert.True(AuthorizationMatrixTests.IsRefused(await pimpinan.GetAsync(page + "/buka-kembali"), anonymous: false));

        var (admin, adminClient) = await app.StaffAsync(Roles.Administrator);
        Assert.Contains($"href=\"{page}/buka-kembali\"", await adminClient.GetHtmlAsync(page));
        var form = page + "/buka-kembali";
        Assert.Contains("data-testid=\"reopen-form\"", await adminClient.GetHtmlAsync(form));

        var noReason = await adminClient.PostFormAsync(form, form, ("Version", V(closed)), ("Reason", "salah"));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var noReasonHtml = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("Tuliskan alasan membuka kembali periode ini (minimal 10 karakter).", noReasonHtml);
        Assert.Contains("data-testid=\"error-Reason\"", noReasonHtml);
        Assert.Contains(">salah</textarea>", noReasonHtml);
        Assert.Equal(PeriodState.Closed, (await ReloadAsync(app, period.Id)).State);

        const string reason = "Dua laporan unit kesehatan salah diverifikasi";
        var reopened = await adminClient.PostFormAsync(form, form, ("Version", V(closed)), ("Reason", reason));
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var open = await ReloadAsync(app, period.Id);
        Assert.Equal(PeriodState.Open, open.State);
        Assert.Equal(reason, open.ReopenReason);
        Assert.Equal(admin.Id, open.ReopenedByUserId);
        Assert.Equal(run.Id, open.CurrentRunId); // stays until a new calculation
        var oldRun = await app.WithDb(db => db.RewardRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        Assert.NotNull(oldRun.ApprovedUtc);

        Assert.Equal(["RewardPeriod.Approved", "RewardPeriod.Closed", "RewardPeriod.Reopened"], (await StepsOf(period.Id)).Select(s => s.Action).ToList());
        Assert.Contains(reason, (await StepsOf(period.Id))[^1].Changes);

        var html = WebUtility.HtmlDecode(await humas.GetHtmlAsync(page));
        Assert.Contains(reason, html);
        Assert.Contains("data-testid=\"calculate\"", html); // Humas may calculate again
        Assert.Contains("data-testid=\"run-row\"", html);
    }

    [Fact]
    public async Task HR_reads_a_period_without_any_action_and_agents_are_refused()
    {
        var (_, period, _) = await CalculatedAsync();
        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        var html = await hr.GetHtmlAsync(Page(period.Id));
        Assert.Contains("data-testid=\"result-row\"", html);
        Assert.Contains("data-testid=\"no-actions\"", html);
        Assert.DoesNotContain("data-testid=\"calculate\"", html);
        Assert.True(AuthorizationMatrixTests.IsRefused(await hr.PostFormAsync(Page(period.Id), Page(period.Id) + "/hitung", ("Version", V(period))), anonymous: false));

        var agent = await app.SeedAgentAsync("Agen Ingin Tahu");
        var agentClient = await app.SignInAsAsync(agent.Email);
        Assert.True(AuthorizationMatrixTests.IsRefused(await agentClient.GetAsync(Page(period.Id)), anonymous: false));
    }
}
