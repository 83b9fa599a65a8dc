using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Charts;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>
/// One period of the trend, from its current calculation (the run): agents in the calculation (enrolled during the
/// period), agents with at least one counted share, counted shares, recognised agents. Null figures: not calculated yet.
/// </summary>
public sealed record TrendPoint(int PeriodId, string Name, DateOnly Start, DateOnly End, PeriodState State,
    int? Enrolled, int? Active, int? CountedShares, int? Recognised)
{
    public bool HasRun => Enrolled is not null;

    public decimal? Rate => Enrolled is { } e && Active is { } a ? SummaryModelHandler.Rate(a, e) : null;
}

/// <summary>A link to one of the period's documents.</summary>
public sealed record PeriodDocumentLink(string Label, string Href);

/// <summary>
/// The Pimpinan dashboard: the reporting period's Ringkasan Pimpinan figures (key figures against the previous
/// period, per mission tag, units by participation), the trend over the last twelve periods, links to the period's
/// documents and the WhatsApp recap. <see cref="Period"/> is null when there is no period yet (the page says what to do).
/// </summary>
public sealed record PimpinanHome(
    ReportingPeriod? Period,
    SummaryModel? Summary,
    IReadOnlyList<UnitParticipation> UnitsRanked,
    IReadOnlyList<UnitFigures> UnitFigures,
    ChartData? ParticipationChart,
    ChartData? MissionChart,
    IReadOnlyList<TrendPoint> Trend,
    ChartData? TrendChart,
    ChartData? TrendRateChart,
    IReadOnlyList<PeriodDocumentLink> Documents,
    RecapView Recap)
{
    public const int TrendPeriods = 12;

    /// <summary>The key figures shown as tiles (labels of <see cref="SummaryModel.KeyFigures"/>); the table has all.</summary>
    public static readonly IReadOnlyList<string> TileLabels =
        ["Agen aktif", "Tingkat partisipasi", "Sebaran terverifikasi", "Jangkauan kumulatif", "Klik tautan terlacak", "Tanggapan publik"];
}

/// <summary>
/// The Pimpinan dashboard's figures: the reporting period (one statement), the Ringkasan Pimpinan model of
/// <see cref="SummaryModelHandler"/> (its own statements, shared with the PDF so the page and the PDF agree), the
/// trend (one statement: the last twelve periods of the period's scheme with their run totals) and the open
/// assignments for the recap (one).
/// </summary>
public sealed class PimpinanHomeHandler(AppDbContext db, Display display, RecapHandler recaps, SummaryModelHandler summaries)
{
    public async Task<PimpinanHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var now = recaps.Now;
        var today = recaps.Today;
        var period = await HomeFigures.CurrentPeriodAsync(db, today, ct);
        var window = HomeFigures.WindowOf(period, today, display.Zone);
        var open = await HomeFigures.OpenAssignmentsAsync(db, now, ct: ct);
        if (period is null || await summaries.BuildAsync(period.Id, today, ct) is not { } summary)
        {
            // No period: the recap still tells the last 30 days.
            var units = await HomeFigures.ParticipationAsync(db, window.StartUtc, window.EndUtc, ct: ct);
            return new PimpinanHome(null, null, units, [], null, null, [], null, null, [], recaps.View(new RecapData(null, window, now, units, open)));
        }

        var ranked = HomeFigures.Rank(summary.Units.Select(u => new UnitParticipation(u.UnitId, u.UnitName, u.EnrolledAgents, u.ActiveAgents)));
        var unitFigures = summary.Units
            .OrderBy(u => u.ParticipationRate is null).ThenByDescending(u => u.ParticipationRate).ThenByDescending(u => u.ActiveAgents)
            .ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();
        var trend = await TrendAsync(period, ct);
        var slug = DocumentPagesHandler.Slug;
        var documents = new List<PeriodDocumentLink>
        {
            new(I18n.Key("Semua dokumen periode"), $"/dokumen/periode/{period.Id}"),
            new(I18n.Key("Ringkasan Pimpinan (PDF)"), $"/dokumen/periode/{period.Id}/{slug(Domain.Documents.DocumentKind.Summary)}"),
            new(I18n.Key("Lampiran (PDF)"), $"/dokumen/periode/{period.Id}/{slug(Domain.Documents.DocumentKind.Appendix)}"),
        };
        return new PimpinanHome(period, summary, ranked, unitFigures,
            HumasHomeHandler.ParticipationChart(ranked, window), MissionChart(summary), trend, TrendChart(trend), TrendRateChart(trend), documents,
            recaps.View(new RecapData(null, window, now, ranked, open)));
    }

    /// <summary>The last <see cref="PimpinanHome.TrendPeriods"/> periods of the period's scheme up to it, oldest first, with their run totals.</summary>
    private async Task<IReadOnlyList<TrendPoint>> TrendAsync(ReportingPeriod period, CancellationToken ct)
    {
        var rows = await TrendQuery(db, period).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.EndDate).ThenBy(r => r.Id).Select(r => new TrendPoint(r.Id, r.Name, r.StartDate, r.EndDate, r.State,
            r.Agents, r.Agents is null ? null : r.Active, r.CountedShares, r.Recognised))];
    }

    internal sealed class TrendRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public PeriodState State { get; init; }
        public int? Agents { get; init; }
        public int? CountedShares { get; init; }
        public int? Recognised { get; init; }
        public int Active { get; init; }
    }

    /// <summary>The periods of the trend with their current run's totals and the run's agents with a counted share (correlated subqueries).</summary>
    internal static IQueryable<TrendRow> TrendQuery(AppDbContext db, ReportingPeriod period) =>
        db.RewardPeriods.AsNoTracking()
            .Where(p => p.SchemeId == period.SchemeId && p.EndDate <= period.End)
            .OrderByDescending(p => p.EndDate).ThenByDescending(p => p.Id)
            .Take(PimpinanHome.TrendPeriods)
            .Select(p => new TrendRow
            {
                Id = p.Id, Name = p.Name, StartDate = p.StartDate, EndDate = p.EndDate, State = p.State,
                Agents = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Agents).FirstOrDefault(),
                CountedShares = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.CountedShares).FirstOrDefault(),
                Recognised = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                Active = db.RewardResults.Count(r => r.RunId == p.CurrentRunId && r.CountedShares > 0),
            });

    public static ChartData MissionChart(SummaryModel summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var m = summary.Missions;
        // The tag's short name on the axis (the table under the chart has the tactic too).
        return new ChartData(ChartKind.GroupedBar, I18n.Key("Angka per tag misi"), [.. m.Select(x => ShortTag(x.Tag))],
        [
            new ChartSeriesData(I18n.Key("Laporan sebaran"), [.. m.Select(x => (double?)x.ShareReports)]),
            new ChartSeriesData(I18n.Key("Sebaran terverifikasi"), [.. m.Select(x => (double?)x.VerifiedShares)]),
            new ChartSeriesData(I18n.Key("Agen aktif"), [.. m.Select(x => (double?)x.ActiveAgents)]),
        ])
        {
            TranslateCategories = true,
            ValueLabel = I18n.Key("jumlah"),
            CategoryLabel = I18n.Key("Tag misi"),
        };
    }

    private static string ShortTag(Domain.Messages.MissionTag tag) => tag switch
    {
        Domain.Messages.MissionTag.Transparansi => I18n.Key("Transparansi"),
        Domain.Messages.MissionTag.Partisipasi => I18n.Key("Partisipasi"),
        _ => I18n.Key("Kolaborasi"),
    };

    public static ChartData TrendChart(IReadOnlyList<TrendPoint> trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return new ChartData(ChartKind.Line, I18n.Key("Tren sebaran dan agen aktif"), [.. trend.Select(t => t.Name)],
        [
            new ChartSeriesData(I18n.Key("Sebaran terhitung"), [.. trend.Select(t => (double?)t.CountedShares)]),
            new ChartSeriesData(I18n.Key("Agen aktif"), [.. trend.Select(t => (double?)t.Active)]),
            new ChartSeriesData(I18n.Key("Agen terdaftar"), [.. trend.Select(t => (double?)t.Enrolled)]),
        ])
        {
            ValueLabel = I18n.Key("jumlah"),
            CategoryLabel = I18n.Key("Periode"),
            Note = I18n.Key("Dari perhitungan penghargaan terakhir tiap periode: sebaran terhitung setelah batas per pesan dan per hari; agen aktif punya sedikitnya satu sebaran terhitung. Periode yang belum dihitung tidak punya angka."),
        };
    }

    public static ChartData TrendRateChart(IReadOnlyList<TrendPoint> trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        return new ChartData(ChartKind.Line, I18n.Key("Tren tingkat partisipasi"), [.. trend.Select(t => t.Name)],
            [new ChartSeriesData(I18n.Key("Tingkat partisipasi"), [.. trend.Select(t => (double?)t.Rate)])])
        {
            Format = ChartValueFormat.Percent,
            ValueLabel = I18n.Key("persen agen aktif"),
            CategoryLabel = I18n.Key("Periode"),
            Note = I18n.Key("Agen aktif ÷ agen terdaftar dalam perhitungan periode itu."),
        };
    }
}
