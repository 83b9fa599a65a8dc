using System.Globalization;
using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.EndToEnd.Journeys;

/// <summary>
/// Issue "Rewards", done when: Humas calculates a period, an agent reads their statement, a Pimpinan
/// approves, the period is frozen. The demo data has verified share reports from the demo campaigns of
/// the last weeks, so a custom period over the last 60 days has results for the demo agents. The demo
/// scheme "Skema Agen Komunikasi 2026" already has monthly periods in that window and periods of one
/// scheme never overlap, so the journey first has Humas write a scheme (default rules) that a Pimpinan approves.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RewardJourney(BrowserApp app)
{
    private const string Test = "reward";
    private const int PhoneWidth = 360;
    private const string Agent = "agen1@demo.test";
    /// <summary>The demo's approved scheme, whose monthly periods cover this month and an earlier one.</summary>
    private const string SchemeName = "Skema Agen Komunikasi 2026";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly string[] RankBands = ["10% teratas", "25% teratas", "50% teratas", "50% terbawah"];

    [ChromiumFact]
    public async Task Humas_calculates_a_period_an_agent_reads_the_statement_a_Pimpinan_approves_and_the_period_is_frozen()
    {
        var run6 = Guid.NewGuid().ToString("N")[..6];
        var periodName = "Uji Jalur Penghargaan " + run6;
        var schemeName = "Skema Uji Jalur " + run6;
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<Display>().ToLocal(DateTime.UtcNow));
        var start = today.AddDays(-59);

        var humas = await app.NewPageAsync();
        await humas.SignInAsync("humas@demo.test", BrowserApp.DemoPassword);
        var pimpinan = await app.NewPageAsync();
        await pimpinan.SignInAsync("pimpinan@demo.test", BrowserApp.DemoPassword);

        // 0. The demo scheme's periods already cover this and last month, and periods of one scheme never overlap:
        //    Humas writes a scheme of its own (version 1 holds the default rules) and a Pimpinan approves it.
        await humas.GotoAsync("/skema-penghargaan/baru");
        await humas.GetByLabel("Nama skema").FillAsync(schemeName);
        await humas.GetByLabel("Keterangan").FillAsync("Skema untuk uji jalur penghargaan di peramban.");
        await humas.GetByRole(AriaRole.Button, new() { Name = "Buat skema" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex(@"/skema-penghargaan/\d+/versi/1$"));
        var schemeVersionPath = new Uri(humas.Url).AbsolutePath;
        await humas.GetByLabel("Catatan perubahan").FillAsync("Versi pertama dengan aturan awal.");
        await humas.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk persetujuan" }).ClickAsync();
        await ExpectFlashAsync(humas, "Versi 1 diajukan untuk persetujuan Pimpinan.");
        await pimpinan.GotoAsync(schemeVersionPath);
        await pimpinan.GetByRole(AriaRole.Link, new() { Name = "Setujui versi ini…" }).ClickAsync();
        await Expect(pimpinan).ToHaveURLAsync(new Regex(Regex.Escape(schemeVersionPath) + "/setujui$"));
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Ya, setujui versi ini" }).ClickAsync();
        await Expect(pimpinan).ToHaveURLAsync(new Regex(Regex.Escape(schemeVersionPath) + "$"));
        await Expect(pimpinan.GetByTestId("approved-note")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(pimpinan, Test, "00-scheme-approved");

        // 1. Humas creates a custom period over the last 60 days and calculates it. On the demo scheme the
        //    dates overlap its monthly periods and are refused; on the new scheme the period is made.
        await humas.GotoAsync("/periode-penghargaan");
        await Expect(humas.Heading1()).ToHaveTextAsync("Periode Penghargaan");
        await humas.GetByRole(AriaRole.Link, new() { Name = "Buat periode" }).ClickAsync();
        await Expect(humas).ToHaveURLAsync(new Regex("/periode-penghargaan/baru$"));
        await Expect(humas.Heading1()).ToHaveTextAsync("Buat periode penghargaan");
        await humas.GetByRole(AriaRole.Radio, new() { Name = "Rentang khusus" }).CheckAsync();
        await humas.GetByLabel("Tanggal mulai (rentang khusus)").FillAsync(Iso(start));
        await humas.GetByLabel("Tanggal selesai (rentang khusus)").FillAsync(Iso(today));
        await humas.GetByLabel("Nama periode (opsional)").FillAsync(periodName);
        await humas.GetByLabel("Skema penghargaan").SelectOptionAsync(new SelectOptionValue { Label = SchemeName });
        await humas.GetByRole(AriaRole.Button, new() { Name = "Buat periode" }).ClickAsync();
        await Expect(humas.GetByTestId("error-StartDate")).ToContainTextAsync("tumpang tindih");
        await Expect(humas.GetByLabel("Nama periode (opsional)")).ToHaveValueAsync(periodName); // what was typed is kept
        await Expect(humas.GetByLabel("Tanggal mulai (rentang khusus)")).ToHaveValueAsync(Iso(start));
        await BrowserApp.ScreenshotAsync(humas, Test, "01a-overlap-refused");
        await humas.GetByLabel("Skema penghargaan").SelectOptionAsync(new SelectOptionValue { Label = schemeName });
        await BrowserApp.ScreenshotAsync(humas, Test, "01-create-period");
        await humas.GetByRole(AriaRole.Button, new() { Name = "Buat periode" }).ClickAsync();

        await Expect(humas).ToHaveURLAsync(new Regex(@"/periode-penghargaan/\d+$"));
        var periodPath = new Uri(humas.Url).AbsolutePath;
        var periodId = int.Parse(periodPath[(periodPath.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await ExpectFlashAsync(humas, "Periode penghargaan dibuat. Tekan Hitung untuk menghitung hasilnya.");
        await Expect(humas.GetByTestId("period-name")).ToHaveTextAsync(periodName);
        await Expect(humas.GetByTestId("period-state")).ToHaveTextAsync("Terbuka");
        await Expect(humas.GetByTestId("period-scheme")).ToContainTextAsync(schemeName);
        await Expect(humas.GetByTestId("no-results")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(humas, Test, "02-period-open");

        await humas.GetByRole(AriaRole.Button, new() { Name = "Hitung", Exact = true }).ClickAsync();
        await ExpectFlashAsync(humas, "Perhitungan selesai. Hasil di bawah ini adalah hasil terbaru.", 60_000);
        await Expect(humas).ToHaveURLAsync(new Regex(Regex.Escape(periodPath) + "$"));
        await Expect(humas.GetByTestId("period-state")).ToHaveTextAsync("Sudah dihitung");
        await Expect(humas.GetByTestId("run-totals")).ToBeVisibleAsync();
        await Expect(humas.GetByRole(AriaRole.Button, new() { Name = "Hitung ulang", Exact = true })).ToBeVisibleAsync();
        await Expect(humas.GetByTestId("run-row")).ToHaveCountAsync(1);

        // The totals are the stored run's; the results table is ranked from 1 and lists the run's agents.
        var run = Db(db =>
        {
            var period = db.RewardPeriods.AsNoTracking().Single(p => p.Id == periodId);
            var r = db.RewardRuns.AsNoTracking().Single(x => x.Id == period.CurrentRunId);
            return new { r.Id, r.Agents, r.Eligible, r.Recognised, r.IncentiveTotal, Results = db.RewardResults.Count(x => x.RunId == r.Id) };
        });
        Assert.True(run.Agents > 0, "The calculation over the last 60 days of demo data gave no agent a result.");
        Assert.Equal(run.Agents, run.Results);
        await Expect(humas.GetByTestId("total-agents")).ToHaveTextAsync(Number(run.Agents));
        await Expect(humas.GetByTestId("total-eligible")).ToHaveTextAsync(Number(run.Eligible));
        await Expect(humas.GetByTestId("total-recognised")).ToHaveTextAsync(Number(run.Recognised));
        await Expect(humas.GetByTestId("total-incentive")).ToHaveTextAsync("Rp " + Number(run.IncentiveTotal));
        await Expect(humas.GetByTestId("result-count")).ToHaveTextAsync($"{Number(run.Agents)} agen");
        var rows = humas.GetByTestId("result-row");
        Assert.InRange(await rows.CountAsync(), 1, run.Agents); // one page of the results
        await Expect(rows.First.GetByTestId("result-rank")).ToHaveTextAsync("1");
        var ranks = (await humas.GetByTestId("result-rank").AllInnerTextsAsync()).Select(t => t.Trim()).Where(t => t != "–")
            .Select(t => int.Parse(t, NumberStyles.AllowThousands, Indonesian)).ToList();
        Assert.True(ranks.Count > 0 && ranks.SequenceEqual(ranks.Order()), $"The results are not listed by rank: [{string.Join(", ", ranks)}].");
        await BrowserApp.ScreenshotAsync(humas, Test, "03-calculated");
        // Kept open: this tab still shows the "Hitung ulang" form of the calculated period (step 3 submits it).

        // 2. agen1 opens Penghargaan Saya on a phone: the new period is provisional; the statement explains the score.
        var agentInfo = Db(db =>
        {
            var a = db.Agents.AsNoTracking().Where(x => x.User.Email == Agent).Select(x => new { x.Id, x.Employee.Nip, x.Employee.NipLama }).Single();
            var result = db.RewardResults.AsNoTracking().Single(x => x.RunId == run.Id && x.AgentId == a.Id);
            return new { a.Nip, a.NipLama, result.Score, result.Rank, result.TopPercent, result.EmploymentType, result.CountedShares };
        });
        Assert.True(agentInfo.Rank is not null, $"{Agent} is not ranked in the new period (ineligible in the demo data?).");
        Assert.True(agentInfo.CountedShares > 0, $"{Agent} has no counted share in the last 60 days of demo data.");

        var agent = await app.NewPageAsync(PhoneWidth, 740, mobile: true);
        await agent.SignInAsync(Agent, BrowserApp.DemoPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Buka menu" }).ClickAsync();
        await agent.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Penghargaan Saya", Exact = true }).ClickAsync();
        await Expect(agent).ToHaveURLAsync(new Regex("/penghargaan-saya$"));
        await Expect(agent.Heading1()).ToHaveTextAsync("Penghargaan Saya");
        var card = agent.GetByTestId("reward-row").Filter(new() { HasTextString = periodName });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.GetByTestId("provisional")).ToHaveTextAsync("Sementara");
        await AssertFitsPhoneAsync(agent, "Penghargaan Saya");
        await BrowserApp.ScreenshotAsync(agent, Test, "04-my-rewards-provisional-phone");

        await card.GetByRole(AriaRole.Link, new() { Name = periodName }).ClickAsync();
        var statementPath = $"/penghargaan-saya/{periodId}";
        await Expect(agent).ToHaveURLAsync(new Regex(Regex.Escape(statementPath) + "$"));
        await Expect(agent.Heading1()).ToContainTextAsync(periodName);
        await Expect(agent.GetByTestId("provisional")).ToContainTextAsync("Sementara");
        await Expect(agent.GetByTestId("score")).ToHaveTextAsync(agentInfo.Score.ToString("0.##", Indonesian));
        var band = (await agent.GetByTestId("rank-band").InnerTextAsync()).Trim();
        Assert.Contains(band, RankBands);
        Assert.Equal(OutcomeExplanations.RankBand(agentInfo.TopPercent!.Value), band);
        await Expect(agent.GetByTestId("subscores")).ToBeVisibleAsync();

        var counted = agent.GetByTestId("line").Filter(new() { Has = agent.GetByTestId("line-status").GetByText("Dihitung", new() { Exact = true }) });
        Assert.Equal(agentInfo.CountedShares, await counted.CountAsync());
        var sharePoints = decimal.Parse((await counted.First.Locator("td").Nth(4).InnerTextAsync()).Trim(), Indonesian);
        Assert.True(sharePoints > 0, "A counted share shows no share points.");

        var outcomes = agent.GetByTestId("outcomes").GetByTestId("outcome");
        Assert.True(await outcomes.CountAsync() >= 1, "The statement lists no outcome.");
        foreach (var outcome in await outcomes.AllAsync())
        {
            var text = await outcome.InnerTextAsync();
            var reached = await outcome.GetByText("Tercapai", new() { Exact = true }).CountAsync() > 0;
            Assert.True(reached || await outcome.GetByTestId("missing").Locator("li").CountAsync() > 0,
                $"The outcome '{text.Trim()}' is neither reached nor says what was missing.");
            if (text.Contains("Direkomendasikan", StringComparison.Ordinal))
                Assert.Contains("Direkomendasikan untuk dipertimbangkan", text, StringComparison.Ordinal);
        }
        if (agentInfo.EmploymentType is EmploymentType.Pns or EmploymentType.Pppk)
            await Expect(agent.GetByTestId("outcomes")).ToContainTextAsync("dipertimbangkan");
        var body = await agent.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(agentInfo.Nip, body, StringComparison.Ordinal);
        if (agentInfo.NipLama is { Length: > 0 } old) Assert.DoesNotContain(old, body, StringComparison.Ordinal);
        Assert.DoesNotContain("NIP", body, StringComparison.Ordinal);
        await AssertFitsPhoneAsync(agent, "The reward statement");
        await BrowserApp.ScreenshotAsync(agent, Test, "05-statement-provisional-phone");

        // A second Humas tab on the calculated period, whose form will be forged at step 3 to the period's current version.
        var humasSecondTab = await humas.Context.NewPageAsync();
        await humasSecondTab.GotoAsync(periodPath);
        await Expect(humasSecondTab.GetByRole(AriaRole.Button, new() { Name = "Hitung ulang", Exact = true })).ToBeVisibleAsync();

        // 3. A Pimpinan opens the period, reads the confirmation page and approves: results and scheme version are frozen.
        await pimpinan.GotoAsync("/periode-penghargaan");
        await pimpinan.GetByTestId("period-row").Filter(new() { HasTextString = periodName }).GetByRole(AriaRole.Link, new() { Name = periodName }).ClickAsync();
        await Expect(pimpinan).ToHaveURLAsync(new Regex(Regex.Escape(periodPath) + "$"));
        await Expect(pimpinan.GetByTestId("period-state")).ToHaveTextAsync("Sudah dihitung");
        await Expect(pimpinan.GetByTestId("calculate")).ToHaveCountAsync(0); // calculating is Humas's
        await pimpinan.GetByRole(AriaRole.Link, new() { Name = "Setujui", Exact = true }).ClickAsync();
        await Expect(pimpinan).ToHaveURLAsync(new Regex(Regex.Escape(periodPath) + "/setujui$"));
        await Expect(pimpinan.Heading1()).ToHaveTextAsync($"Setujui {periodName}");
        await Expect(pimpinan.GetByTestId("approve-summary")).ToContainTextAsync(Number(run.Agents));
        await Expect(pimpinan.GetByTestId("freeze-warning")).ToContainTextAsync("dibekukan");
        await BrowserApp.ScreenshotAsync(pimpinan, Test, "06-approve-confirmation");
        await pimpinan.GetByRole(AriaRole.Button, new() { Name = "Ya, setujui dan bekukan hasil" }).ClickAsync();
        await Expect(pimpinan).ToHaveURLAsync(new Regex(Regex.Escape(periodPath) + "$"));
        await ExpectFlashAsync(pimpinan, "Periode disetujui. Hasil dan versi skema kini dibekukan.");
        await Expect(pimpinan.GetByTestId("period-state")).ToHaveTextAsync("Disetujui");
        await Expect(pimpinan.GetByTestId("frozen")).ToBeVisibleAsync();
        await Expect(pimpinan.GetByTestId("approved-by")).ToContainTextAsync(app.DisplayNameOf("pimpinan@demo.test"));
        await Expect(pimpinan.GetByTestId("approve")).ToHaveCountAsync(0);
        await Expect(pimpinan.GetByTestId("total-agents")).ToHaveTextAsync(Number(run.Agents));
        await BrowserApp.ScreenshotAsync(pimpinan, Test, "07-approved");
        await pimpinan.Context.CloseAsync();

        // Humas's first tab still shows "Hitung ulang": pressing it (and confirming) is refused now (the period changed since), nothing is calculated.
        var confirmations = new List<string>();
        humas.Context.Dialog += async (_, dialog) =>
        {
            confirmations.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.AcceptAsync();
        };
        await humas.GetByRole(AriaRole.Button, new() { Name = "Hitung ulang", Exact = true }).ClickAsync();
        await Expect(humas.GetByRole(AriaRole.Alert)).ToContainTextAsync("Periode ini sudah diubah orang lain setelah halaman Anda dimuat");
        await Expect(humas.GetByTestId("period-state")).ToHaveTextAsync("Disetujui");
        await Expect(humas.GetByTestId("calculate")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(humas, Test, "08-stale-recalculate-refused");

        // The second tab's form, given the period's current version, is refused because the period is frozen.
        var version = Db(db => db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => p.Version).Single());
        await humasSecondTab.Locator($"form[action='{periodPath}/hitung'] input[name='Version']")
            .EvaluateAsync("(input, v) => input.value = v", version.ToString(CultureInfo.InvariantCulture));
        await humasSecondTab.GetByRole(AriaRole.Button, new() { Name = "Hitung ulang", Exact = true }).ClickAsync();
        await Expect(humasSecondTab.GetByRole(AriaRole.Alert)).ToContainTextAsync("Periode ini sudah disetujui atau ditutup: hasilnya dibekukan dan tidak dapat dihitung ulang.");
        await Expect(humasSecondTab.GetByTestId("period-state")).ToHaveTextAsync("Disetujui");
        await BrowserApp.ScreenshotAsync(humasSecondTab, Test, "09-frozen-recalculate-refused");
        Assert.True(confirmations.Count == 2 && confirmations.All(c => c.StartsWith("confirm: Hitung ulang periode ini?", StringComparison.Ordinal)),
            $"Recalculating asked [{string.Join(" | ", confirmations)}]; expected one confirmation per press.");
        await humas.Context.CloseAsync();

        var after = Db(db =>
        {
            var p = db.RewardPeriods.AsNoTracking().Single(x => x.Id == periodId);
            return new { p.State, p.CurrentRunId, Runs = db.RewardRuns.Count(r => r.PeriodId == periodId), RunApproved = db.RewardRuns.Where(r => r.Id == run.Id).Select(r => r.ApprovedUtc).Single() };
        });
        Assert.Equal(PeriodState.Approved, after.State);
        Assert.Equal(run.Id, after.CurrentRunId);
        Assert.Equal(1, after.Runs);
        Assert.NotNull(after.RunApproved);

        // Humas signs in again: the approved period offers no calculation any more.
        var humasAgain = await app.NewPageAsync();
        await humasAgain.SignInAsync("humas@demo.test", BrowserApp.DemoPassword);
        await humasAgain.GotoAsync(periodPath);
        await Expect(humasAgain.GetByTestId("period-state")).ToHaveTextAsync("Disetujui");
        await Expect(humasAgain.GetByTestId("frozen")).ToBeVisibleAsync();
        await Expect(humasAgain.GetByTestId("calculate")).ToHaveCountAsync(0);
        await Expect(humasAgain.GetByRole(AriaRole.Button, new() { Name = "Hitung" })).ToHaveCountAsync(0);
        await Expect(humasAgain.GetByTestId("notes-form")).ToHaveCountAsync(0);
        await Expect(humasAgain.GetByTestId("run-row")).ToHaveCountAsync(1);
        await Expect(humasAgain.GetByTestId("run-row")).ToContainTextAsync("Disetujui");
        await BrowserApp.ScreenshotAsync(humasAgain, Test, "10-humas-sees-frozen");
        await humasAgain.Context.CloseAsync();

        // 4. agen1 reloads the statement: final now, the same score.
        await agent.ReloadAsync();
        await Expect(agent.Heading1()).ToContainTextAsync(periodName);
        await Expect(agent.GetByTestId("provisional")).ToHaveCountAsync(0);
        await Expect(agent.GetByTestId("score")).ToHaveTextAsync(agentInfo.Score.ToString("0.##", Indonesian));
        await AssertFitsPhoneAsync(agent, "The final reward statement");
        await BrowserApp.ScreenshotAsync(agent, Test, "11-statement-final-phone");
        await agent.GotoAsync("/penghargaan-saya");
        await Expect(card.GetByTestId("provisional")).ToHaveCountAsync(0);
        await Expect(card).ToContainTextAsync("Final");
        await BrowserApp.ScreenshotAsync(agent, Test, "12-my-rewards-final-phone");
        await agent.Context.CloseAsync();
    }

    private T Db<T>(Func<AppDbContext, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("#,0", Indonesian);

    /// <summary>The one-off confirmation the layout shows after a redirect.</summary>
    private static Task ExpectFlashAsync(IPage page, string text, float? timeout = null) =>
        Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = text })).ToBeVisibleAsync(new() { Timeout = timeout });

    private static async Task AssertFitsPhoneAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{what} is {width} px wide at a {PhoneWidth} px viewport (it scrolls sideways).");
    }
}
