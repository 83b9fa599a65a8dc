using System.Globalization;
using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Home;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue 8, done when: the Agen and Kepegawaian home pages show the demo data's figures as the database holds
/// them, at phone and desktop widths. Other journeys may have changed the shared demo database before this one
/// runs, so every expected figure is read from the database at the moment the page is checked.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AgentHrHomeJourney(BrowserApp app)
{
    private const string Test = "home";
    private const int PhoneWidth = 360;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [ChromiumFact]
    public async Task An_agent_sees_their_tasks_latest_reports_and_standing_on_a_phone_and_a_desk()
    {
        const string email = "agen1@demo.test";
        await app.RefreshFiguresAsync();
        foreach (var (width, height, mobile, step) in new[] { (PhoneWidth, 740, true, "agent-phone"), (1280, 800, false, "agent-desktop") })
        {
            var page = await app.NewPageAsync(width, height, mobile);
            await page.SignInAsync(email, BrowserApp.DemoPassword);
            await Expect(page.Heading1()).ToHaveTextAsync("Tugas Saya");
            var expected = AgentFigures(email);

            // The latest five reports, newest first, each linking to its page with its state.
            var reports = page.GetByTestId("recent-report");
            await Expect(reports).ToHaveCountAsync(expected.Reports.Count);
            for (var i = 0; i < expected.Reports.Count; i++)
            {
                var (id, label) = expected.Reports[i];
                await Expect(reports.Nth(i).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/laporan-saya/{id}");
                await Expect(reports.Nth(i).GetByTestId("recent-report-state")).ToHaveTextAsync(label);
            }

            // The current period with the agent's own score and band, provisional until approved.
            var standing = page.GetByTestId("agent-standing");
            if (expected.PeriodName is null)
                await Expect(standing.GetByTestId("standing-empty")).ToBeVisibleAsync();
            else
            {
                await Expect(standing.GetByTestId("standing-period")).ToHaveTextAsync(expected.PeriodName);
                if (expected.Score is { } score)
                {
                    await Expect(standing.GetByTestId("standing-score")).ToHaveTextAsync(score);
                    await Expect(standing.GetByTestId("standing-band")).ToHaveTextAsync(expected.Band!);
                    await Expect(standing.GetByTestId(expected.Provisional ? "standing-provisional" : "standing-final")).ToBeVisibleAsync();
                }
                else await Expect(standing.GetByTestId("standing-empty")).ToBeVisibleAsync();
            }
            await Expect(page.GetByTestId("kepegawaian-home")).ToHaveCountAsync(0);

            if (mobile)
            {
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scroll <= PhoneWidth, $"The agent's home page is {scroll} px wide at a {PhoneWidth} px viewport.");
            }
            await BrowserApp.ScreenshotAsync(page, Test, step);
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task Kepegawaian_sees_enrolment_by_unit_unverified_agents_and_imports_on_a_desk_and_a_phone()
    {
        await app.RefreshFiguresAsync();
        foreach (var (width, height, mobile, step) in new[] { (1280, 800, false, "kepegawaian-desktop"), (PhoneWidth, 740, true, "kepegawaian-phone") })
        {
            var page = await app.NewPageAsync(width, height, mobile);
            await page.SignInAsync("kepegawaian@demo.test", BrowserApp.DemoPassword);
            await Expect(page.Heading1()).ToHaveTextAsync("Beranda");
            var expected = HrFigures();

            await Expect(page.GetByTestId("total-employees")).ToHaveTextAsync(Number(expected.Employees));
            await Expect(page.GetByTestId("total-agents")).ToHaveTextAsync(Number(expected.Agents));
            await Expect(page.GetByTestId("total-active")).ToHaveTextAsync(Number(expected.Active));
            await Expect(page.GetByTestId("total-withdrawn")).ToHaveTextAsync(Number(expected.Withdrawn));
            await Expect(page.GetByTestId("without-verified")).ToHaveTextAsync(Number(expected.WithoutVerified));

            // The total row is the sum of the unit rows, and each unit row holds the people recorded in that unit.
            var total = page.GetByTestId("enrolment-total");
            await Expect(total.GetByTestId("row-employees")).ToHaveTextAsync(Number(expected.Employees));
            await Expect(total.GetByTestId("row-agents")).ToHaveTextAsync(Number(expected.Agents));
            // The table is paged (KepegawaianHome.UnitsPerPage units a page): walk every page and collect its rows.
            var pages = (expected.PerUnit.Count + KepegawaianHome.UnitsPerPage - 1) / KepegawaianHome.UnitsPerPage;
            var shown = new List<string>();
            for (var n = 1; n <= pages; n++)
            {
                if (n > 1)
                {
                    await page.GotoAsync($"/?{KepegawaianHome.UnitPageParameter}={n}#{KepegawaianHome.UnitTableAnchor}");
                    await Expect(page.GetByTestId("enrolment-total").GetByTestId("row-employees")).ToHaveTextAsync(Number(expected.Employees));
                }
                var onPage = await page.GetByTestId("enrolment-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
                Assert.InRange(onPage.Length, 1, KepegawaianHome.UnitsPerPage);
                foreach (var unit in onPage)
                {
                    Assert.True(expected.PerUnit.TryGetValue(unit, out var figures), $"Unit {unit} is shown but has no one recorded in the database.");
                    var row = page.Locator($"[data-testid=enrolment-row][data-unit=\"{unit}\"]");
                    await Expect(row.GetByTestId("row-employees")).ToHaveTextAsync(Number(figures.Item1));
                    await Expect(row.GetByTestId("row-agents")).ToHaveTextAsync(Number(figures.Item2));
                }
                shown.AddRange(onPage);
            }
            Assert.Equal(expected.PerUnit.Keys.Order(), shown.Order());
            if (pages > 1) await page.GotoAsync("/");

            // The latest imports, newest first, each linking to its result.
            var imports = page.GetByTestId("recent-import");
            await Expect(imports).ToHaveCountAsync(expected.Imports.Count);
            for (var i = 0; i < expected.Imports.Count; i++)
            {
                var (id, added, rejected) = expected.Imports[i];
                await Expect(imports.Nth(i).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/impor/{id}");
                await Expect(imports.Nth(i).GetByTestId("import-new")).ToHaveTextAsync(Number(added));
                await Expect(imports.Nth(i).GetByTestId("import-rejected")).ToHaveTextAsync(Number(rejected));
            }

            if (mobile)
            {
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scroll <= PhoneWidth, $"The Kepegawaian home page is {scroll} px wide at a {PhoneWidth} px viewport.");
            }
            await BrowserApp.ScreenshotAsync(page, Test, step);

            if (!mobile && expected.WithoutVerified > 0)
            {
                // The count leads to the agent list showing exactly those agents.
                await page.GetByTestId("without-verified-link").ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/agen\?status=aktif&terverifikasi=tidak$"));
                await Expect(page.GetByTestId("agent-count")).ToContainTextAsync(Number(expected.WithoutVerified) + " agen");
                await BrowserApp.ScreenshotAsync(page, Test, "kepegawaian-unverified-list");
            }
            await page.Context.CloseAsync();
        }
    }

    private sealed record AgentExpectation(IReadOnlyList<(long Id, string Label)> Reports, string? PeriodName, string? Score, string? Band, bool Provisional);

    /// <summary>What the agent's home must show, read straight from the tables.</summary>
    private AgentExpectation AgentFigures(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agentId = db.Agents.Where(a => a.User.Email == email).Select(a => a.Id).Single();
        var reports = db.ShareReports.AsNoTracking().Where(r => r.AgentId == agentId)
            .OrderByDescending(r => r.SubmittedUtc).ThenByDescending(r => r.Id).Take(5)
            .Select(r => new { r.Id, r.State }).ToList()
            .Select(r => (r.Id, r.State switch
            {
                Web.Domain.Reports.ReportState.Verified => "Terverifikasi",
                Web.Domain.Reports.ReportState.Rejected => "Ditolak",
                _ => "Menunggu",
            })).ToList();

        // The current period: one containing today (calculated first, then the latest start), else the latest calculated.
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<Display>().ToLocal(DateTime.UtcNow));
        var periods = db.RewardPeriods.AsNoTracking().ToList();
        var period = periods.Where(p => p.StartDate <= today && p.EndDate >= today)
                .OrderByDescending(p => p.CurrentRunId != null).ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id).FirstOrDefault()
            ?? periods.Where(p => p.CurrentRunId != null).OrderByDescending(p => p.EndDate).ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id).FirstOrDefault();
        if (period is null) return new AgentExpectation(reports, null, null, null, false);
        var result = period.CurrentRunId is { } runId ? db.RewardResults.AsNoTracking().SingleOrDefault(r => r.RunId == runId && r.AgentId == agentId) : null;
        if (result is null) return new AgentExpectation(reports, period.Name, null, null, false);
        var band = result.Ineligible != IneligibleReasons.None || result.TopPercent is not { } top ? "Tidak diperingkat"
            : top <= 10 ? "10% teratas" : top <= 25 ? "25% teratas" : top <= 50 ? "50% teratas" : "50% terbawah";
        return new AgentExpectation(reports, period.Name, result.Score.ToString("0.##", Indonesian), band,
            period.State is not (PeriodState.Approved or PeriodState.Closed));
    }

    private sealed record HrExpectation(int Employees, int Agents, int Active, int Withdrawn, int WithoutVerified,
        IReadOnlyDictionary<string, (int Employees, int Agents)> PerUnit, IReadOnlyList<(int Id, int New, int Rejected)> Imports);

    /// <summary>What the Kepegawaian home must show, counted row by row in memory from the tables.</summary>
    private HrExpectation HrFigures()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parents = db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionary(u => u.Id, u => u.ParentId);
        var unitIds = parents.Keys.ToHashSet();
        var employees = db.Employees.AsNoTracking().Select(e => new { e.Id, e.UnitId }).ToList();
        var agents = db.Agents.AsNoTracking().Select(a => new
        {
            a.EmployeeId, a.Status, a.ConsentWithdrawnUtc,
            Verified = a.SocialAccounts.Any(s => s.State == VerificationState.Verified),
        }).ToList();
        var unitOf = employees.ToDictionary(e => e.Id, e => e.UnitId is { } u && unitIds.Contains(u) ? u.ToString(CultureInfo.InvariantCulture) : "none");
        var current = agents.Where(a => a.Status != AgentStatus.Ended).ToList();
        var perUnit = employees.GroupBy(e => unitOf[e.Id]).ToDictionary(g => g.Key, g => (g.Count(), current.Count(a => unitOf[a.EmployeeId] == g.Key)));
        // A unit with nobody of its own still has a row when someone sits under it (zeros: nobody counted twice).
        foreach (var id in employees.Where(e => e.UnitId is { } u && unitIds.Contains(u)).Select(e => e.UnitId!.Value).Distinct().ToList())
        {
            var seen = new HashSet<int>();
            for (var p = parents[id]; p is { } parent && parents.ContainsKey(parent) && seen.Add(parent); p = parents[parent])
                perUnit.TryAdd(parent.ToString(CultureInfo.InvariantCulture), (0, 0));
        }
        var imports = db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(5).Select(b => new { b.Id, b.NewCount, b.RejectedCount }).ToList()
            .Select(b => (b.Id, b.NewCount, b.RejectedCount)).ToList();
        return new HrExpectation(employees.Count, current.Count, agents.Count(a => a.Status == AgentStatus.Active),
            current.Count(a => a.ConsentWithdrawnUtc != null), agents.Count(a => a.Status == AgentStatus.Active && !a.Verified), perUnit, imports);
    }

    private static string Number(long value) => value.ToString("#,0", Indonesian);
}
