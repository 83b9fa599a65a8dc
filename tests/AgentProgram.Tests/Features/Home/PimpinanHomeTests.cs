using System.Net;
using System.Security.Claims;
using AgentProgram.Tests.Aggregates;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Features.Home;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Home;

/// <summary>A class fixture holding the <see cref="DocumentDataSet"/> (seeded once).</summary>
public sealed class PimpinanDataApp : AppFactory, IAsyncLifetime
{
    public DocumentDataSet Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = await DocumentDataSet.SeedAsync(this);
        // The dashboard reads the stored aggregates: build them from the seeded rows (as the refresher does on a fresh database).
        await AggregateOracle.RefreshAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// The Pimpinan dashboard on <see cref="DocumentDataSet"/>. Its periods are August (closed, no run), September (approved)
/// and October 2026 (calculated) of one scheme, plus an open September period of another scheme; today (December 2026
/// or later) is in none of them, so the dashboard reports the latest calculated or approved one: October, compared
/// with September (the figures are worked out in the data set's comments).
/// </summary>
public sealed class PimpinanHomeTests(PimpinanDataApp app) : IClassFixture<PimpinanDataApp>
{
    private DocumentDataSet D => app.Data;

    private async Task<(PimpinanHome Model, int Statements)> LoadAsync()
    {
        var counter = new SummaryModelTests.StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using var db = SummaryModelTests.CountingDb(sp, counter);
        var display = sp.GetRequiredService<Display>();
        var recaps = new RecapHandler(db, display, TimeProvider.System, sp.GetRequiredService<IConfiguration>());
        var summaries = new SummaryModelHandler(db, display, new OfficialPartsHandler(db), sp.GetRequiredService<IServiceScopeFactory>());
        var model = await new PimpinanHomeHandler(db, display, recaps, summaries)
            .LoadAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Pimpinan)], "test")));
        return (model, counter.Count);
    }

    [Fact]
    public async Task The_dashboard_reports_the_latest_calculated_period_against_the_previous_one()
    {
        var (m, statements) = await LoadAsync();

        // Period and refresh time (1), the trend with the summary's period rows (1), the period figures from the aggregates (share
        // sums, response sums, enrolled and active agents, late readings: 4), the runs' active agents (1), open assignments (1).
        Assert.True(statements <= 10, $"{statements} statements");
        Assert.NotNull(m.FiguresAsOfUtc);

        Assert.NotNull(m.Period);
        Assert.Equal((D.PeriodId, "Oktober 2026", false), (m.Period.Id, m.Period.Name, m.Period.ContainsToday));
        var s = Assert.IsType<SummaryFigures>(m.Summary);
        Assert.NotNull(s.AggregatesAsOfUtc);
        Assert.Equal("September 2026", s.PreviousPeriod!.Name);

        // Units ranked by participation: Kesehatan 1/2 and Kominfo 1/2 tie at 50% (one active each: by name), agents without a unit 0/1 last.
        Assert.Equal([("Dinas Kesehatan Uji", 2, 1, 50m), ("Dinas Kominfo Uji", 2, 1, 50m), ("Tanpa unit", 1, 0, 0m)],
            m.UnitsRanked.Select(u => (u.UnitName, u.Enrolled, u.Active, u.Rate ?? -1)));
        Assert.Equal(["Dinas Kesehatan Uji", "Dinas Kominfo Uji", "Tanpa unit"], m.UnitFigures.Select(u => u.UnitName));

        // Per mission tag: verified shares 2, 2, 0 (Transparansi R1, R2; Partisipasi R5, R6), active agents 1, 2, 0.
        var missions = Assert.IsType<AgentProgram.Web.Infrastructure.Charts.ChartData>(m.MissionChart);
        Assert.Equal(["Transparansi", "Partisipasi", "Kolaborasi"], missions.Categories);
        Assert.Equal([4d, 2d, 0d], missions.Series[0].Values.Select(v => v!.Value));
        Assert.Equal([2d, 2d, 0d], missions.Series[1].Values.Select(v => v!.Value));
        Assert.Equal([1d, 2d, 0d], missions.Series[2].Values.Select(v => v!.Value));

        // Trend: the scheme's periods up to October (not the other scheme's), oldest first. August has no run; September's run
        // counts 5 agents, none with a counted share; October's 5 agents, A1 with 2 counted shares (the run's total is 0 as stored).
        Assert.Equal(["Agustus 2026", "September 2026", "Oktober 2026"], m.Trend.Select(t => t.Name));
        Assert.False(m.Trend[0].HasRun);
        Assert.Null(m.Trend[0].Rate);
        Assert.Equal((5, 0, 0, 0m, 1), (m.Trend[1].Enrolled, m.Trend[1].Active, m.Trend[1].CountedShares, m.Trend[1].Rate, m.Trend[1].Recognised));
        Assert.Equal((5, 1, 0, 20m, 2), (m.Trend[2].Enrolled, m.Trend[2].Active, m.Trend[2].CountedShares, m.Trend[2].Rate, m.Trend[2].Recognised));
        Assert.Equal([null, 0d, 20d], m.TrendRateChart!.Series[0].Values);
        Assert.Equal([null, 0d, 1d], m.TrendChart!.Series[1].Values);

        // Documents of the period.
        Assert.Equal([$"/dokumen/periode/{D.PeriodId}", $"/dokumen/periode/{D.PeriodId}/ringkasan", $"/dokumen/periode/{D.PeriodId}/lampiran"],
            m.Documents.Select(x => x.Href));

        // The recap: October, its participation per unit, no message open now (the data set's messages ended in October).
        Assert.Contains("Periode: *Oktober 2026* (1 Oktober 2026 – 31 Oktober 2026)", m.Recap.Text, StringComparison.Ordinal);
        Assert.Contains("1. Dinas Kesehatan Uji: 50% (1/2)\n2. Dinas Kominfo Uji: 50% (1/2)\n3. Tanpa unit: 0% (0/1)\nJumlah: 40% (2/5)", m.Recap.Text, StringComparison.Ordinal);
        Assert.Contains("*Paling aktif:* Dinas Kesehatan Uji (50%), Dinas Kominfo Uji (50%)", m.Recap.Text, StringComparison.Ordinal);
        Assert.Contains("tidak ada pesan yang sedang dibagikan", m.Recap.Text, StringComparison.Ordinal);
        Assert.All(D.Nips, nip => Assert.DoesNotContain(nip, m.Recap.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recaps_participation_query_agrees_with_the_summary_it_stands_beside()
    {
        // Humas and the unit pages count participation with HomeFigures; Pimpinan takes it from the summary. Same window, same numbers.
        var (m, _) = await LoadAsync();
        var window = HomeFigures.WindowOf(m.Period, DateOnly.FromDateTime(DateTime.UtcNow), RewardSeed.Wib);
        var own = await app.WithDb(db => HomeFigures.ParticipationAsync(db, window));
        Assert.Equal(m.UnitsRanked, own);
    }

    [Fact]
    public async Task Pimpinan_sees_the_key_figures_missions_units_trend_and_documents()
    {
        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        var raw = await pimpinan.GetHtmlAsync("/");
        var html = WebUtility.HtmlDecode(raw);

        Assert.Equal(1, AgentTestKit.Count(raw, "pimpinan-dashboard"));
        Assert.Equal(0, AgentTestKit.Count(raw, "humas-dashboard"));
        Assert.Equal(["Oktober 2026"], AgentTestKit.TextsOf(raw, "pimpinan-period-name"));
        Assert.Contains("belum disetujui", html, StringComparison.Ordinal); // October's run is provisional

        // Tiles, in order: active agents 2 (±0), participation 40% (±0 points), verified shares 4 (+2, +100%),
        // cumulative reach 1.600 (+1.500, +1.500%), clicks 5 (+4, +400%), public responses 4 (+3, +300%).
        Assert.Equal(["2", "40%", "4", "1.600", "5", "4"], AgentTestKit.TextsOf(raw, "tile-value"));
        Assert.Equal(["±0", "±0 poin", "+2 (+100%)", "+1.500 (+1.500%)", "+4 (+400%)", "+3 (+300%)"], AgentTestKit.TextsOf(raw, "tile-change"));
        Assert.Equal(14, AgentTestKit.Count(raw, "key-figure"));
        Assert.Contains("Rp 750.000", html, StringComparison.Ordinal);

        Assert.Equal(["2", "2", "0"], AgentTestKit.TextsOf(raw, "mission-verified"));
        Assert.Equal(["1", "2", "0"], AgentTestKit.TextsOf(raw, "mission-active"));
        Assert.Equal(["600", "1.000", "0"], AgentTestKit.TextsOf(raw, "mission-reach"));
        Assert.Equal(["3", "2", "0"], AgentTestKit.TextsOf(raw, "mission-clicks"));
        Assert.Equal(["50%", "0%", "–"], AgentTestKit.TextsOf(raw, "mission-dialogic"));

        Assert.Equal(["Dinas Kesehatan Uji", "Dinas Kominfo Uji", "Tanpa unit"], AgentTestKit.TextsOf(raw, "unit-name"));
        Assert.Equal(["50%", "50%", "0%"], AgentTestKit.TextsOf(raw, "unit-rate"));

        Assert.Equal(["–", "0", "1"], AgentTestKit.TextsOf(raw, "trend-active"));
        Assert.Equal(["–", "0%", "20%"], AgentTestKit.TextsOf(raw, "trend-rate"));

        Assert.Contains($"href=\"/dokumen/periode/{D.PeriodId}/ringkasan\"", raw, StringComparison.Ordinal);
        // Four charts (missions, units, two trends), each with its table; the recap; no NIP anywhere.
        Assert.Equal(4, AgentTestKit.Count(raw, "chart"));
        Assert.Equal(4, AgentTestKit.Count(raw, "chart-table"));
        Assert.Equal(1, AgentTestKit.Count(raw, "recap"));
        Assert.All(D.Nips, nip => Assert.DoesNotContain(nip, html, StringComparison.Ordinal));
        Assert.Contains("Angka diperbarui ", Assert.Single(AgentTestKit.TextsOf(raw, "figures-as-of")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_Pimpinan_page_stays_within_ten_statements()
    {
        var (officer, _) = await app.StaffAsync(Roles.Pimpinan);
        Assert.InRange(await AgentHomeTests.HomeStatementLog.StatementsOfHomeAsync(app, officer.Email!), 1, 10);
    }

    [Fact]
    public async Task The_dashboard_shows_the_same_figures_as_the_summary_PDF()
    {
        // The page and the PDF read the same period figures: equal, figure for figure.
        var (m, _) = await LoadAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var pdf = await scope.ServiceProvider.GetRequiredService<SummaryModelHandler>().BuildAsync(D.PeriodId, DocumentDataSet.IssuedOn);
        Assert.NotNull(pdf);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(pdf.KeyFigures), System.Text.Json.JsonSerializer.Serialize(m.Summary!.KeyFigures));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(pdf.Missions), System.Text.Json.JsonSerializer.Serialize(m.Summary.Missions));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(pdf.Units), System.Text.Json.JsonSerializer.Serialize(m.Summary.Units));
    }

    [Fact]
    public async Task Without_any_period_the_dashboard_says_what_to_do_and_still_offers_the_recap()
    {
        await using var empty = new AppFactory();
        await TrackedLinks.TrackedLinkSeed.MessageAsync(empty, "Pesan tanpa periode", MessageStatus.Published);
        var (_, pimpinan) = await empty.StaffAsync(Roles.Pimpinan);
        var raw = await pimpinan.GetHtmlAsync("/");
        Assert.Equal(1, AgentTestKit.Count(raw, "pimpinan-no-period"));
        Assert.Contains("href=\"/periode-penghargaan\"", raw, StringComparison.Ordinal);
        Assert.Equal(0, AgentTestKit.Count(raw, "pimpinan-tiles"));
        var recap = WebUtility.HtmlDecode(Assert.Single(AgentTestKit.TextsOf(raw, "recap-text")));
        Assert.Contains("*30 hari terakhir*", recap, StringComparison.Ordinal);
        Assert.Contains("*Penugasan terbuka:* tidak ada pesan yang sedang dibagikan.", recap, StringComparison.Ordinal); // published, but nobody is assigned
    }
}
