using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
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
/// <see cref="FiguresAsOfUtc"/>: when the figures were brought up to date (the stored aggregates' last refresh).
/// </summary>
public sealed record PimpinanHome(
    ReportingPeriod? Period,
    SummaryFigures? Summary,
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

    public DateTime? FiguresAsOfUtc { get; init; }

    /// <summary>The key figures shown as tiles (labels of <see cref="SummaryModel.KeyFigures"/>); the table has all.</summary>
    public static readonly IReadOnlyList<string> TileLabels =
        ["Agen aktif", "Tingkat partisipasi", "Sebaran terverifikasi", "Jangkauan kumulatif", "Klik tautan terlacak", "Tanggapan publik"];
}

/// <summary>
/// The Pimpinan dashboard's figures: the reporting period with the aggregates' refresh time (one statement); the
/// Ringkasan Pimpinan's period figures (<see cref="SummaryModelHandler.FiguresAsync"/>, the same reader as the PDF's,
/// from the stored aggregates: five or six statements) and the trend (the last twelve periods with their run totals:
/// one, plus one the first time a run is seen), kept for a minute or until the aggregates are refreshed (<see cref="HomeCache"/>);
/// the open assignments for the recap (one, shared with Humas for a minute). At most ten statements, whatever the data size.
/// </summary>
public sealed class PimpinanHomeHandler(AppDbContext db, Display display, RecapHandler recaps, SummaryModelHandler summaries)
{
    /// <summary>How long the period figures are kept when the aggregates are not refreshed meanwhile.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Computed(SummaryFigures? Summary, IReadOnlyList<TrendPoint> Trend, DateTime AtUtc);

    public async Task<PimpinanHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var now = recaps.Now;
        var today = recaps.Today;
        var head = await HomeFigures.HeadAsync(db, today, ct);
        var period = head.Period;
        var window = HomeFigures.WindowOf(period, today, display.Zone);
        var open = await HomeFigures.OpenAssignmentsAsync(db, now, ct: ct);
        var computed = period is null ? null : await HomeCache.GetAsync(db, $"pimpinan:{period.Id}", head.RefreshedUtc, now, MaxAge, () => ComputeAsync(period, now, ct));
        if (period is null || computed?.Summary is not { } summary)
        {
            // No period: the recap still tells the last 30 days.
            var units = await HomeFigures.ParticipationAsync(db, window, ct: ct);
            return new PimpinanHome(null, null, units, [], null, null, [], null, null, [], recaps.View(new RecapData(null, window, now, units, open)))
            {
                FiguresAsOfUtc = head.RefreshedUtc,
            };
        }

        var ranked = HomeFigures.Rank(summary.Units.Select(u => new UnitParticipation(u.UnitId, u.UnitName, u.EnrolledAgents, u.ActiveAgents)));
        var unitFigures = summary.Units
            .OrderBy(u => u.ParticipationRate is null).ThenByDescending(u => u.ParticipationRate).ThenByDescending(u => u.ActiveAgents)
            .ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();
        var trend = computed.Trend;
        var slug = DocumentPagesHandler.Slug;
        var documents = new List<PeriodDocumentLink>
        {
            new(I18n.Key("Semua dokumen periode"), $"/dokumen/periode/{period.Id}"),
            new(I18n.Key("Ringkasan Pimpinan (PDF)"), $"/dokumen/periode/{period.Id}/{slug(Domain.Documents.DocumentKind.Summary)}"),
            new(I18n.Key("Lampiran (PDF)"), $"/dokumen/periode/{period.Id}/{slug(Domain.Documents.DocumentKind.Appendix)}"),
        };
        return new PimpinanHome(period, summary, ranked, unitFigures,
            HumasHomeHandler.ParticipationChart(ranked, window), MissionChart(summary), trend, TrendChart(trend), TrendRateChart(trend), documents,
            recaps.View(new RecapData(null, window, now, ranked, open)))
        {
            FiguresAsOfUtc = summary.AggregatesAsOfUtc ?? computed.AtUtc,
        };
    }

    // A run's results never change once written (a new calculation is a new run), so the count is kept per run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Db, int RunId, DateTime ComputedUtc), int> ActiveOfRun = new();

    /// <summary>
    /// The trend rows (which hold the period and, nearly always, the previous one with their run totals, the period's rules
    /// and notes: one statement), the period figures, and the runs' active agents not counted before (one statement).
    /// </summary>
    private async Task<Computed> ComputeAsync(ReportingPeriod period, DateTime now, CancellationToken ct)
    {
        var rows = await TrendQuery(db, period).ToListAsync(ct);
        var figures = PeriodsOf(period, rows) is { } periods ? await summaries.FiguresAsync(periods, ct) : await summaries.FiguresAsync(period.Id, ct);

        var name = db.Database.GetConnectionString() ?? "";
        var missing = rows.Where(r => r.RunId is { } id && !ActiveOfRun.ContainsKey((name, id, r.ComputedUtc ?? default))).Select(r => r.RunId!.Value).ToList();
        if (missing.Count > 0)
        {
            var counts = await RunActiveQuery(db, missing).ToDictionaryAsync(x => x.RunId, x => x.Active, ct);
            foreach (var r in rows.Where(r => r.RunId is { } id && missing.Contains(id)))
                ActiveOfRun[(name, r.RunId!.Value, r.ComputedUtc ?? default)] = counts.GetValueOrDefault(r.RunId!.Value);
        }
        IReadOnlyList<TrendPoint> trend = [.. rows.OrderBy(r => r.EndDate).ThenBy(r => r.Id).Select(r => new TrendPoint(r.Id, r.Name, r.StartDate, r.EndDate, r.State,
            r.Agents, r.RunId is { } run ? ActiveOfRun.GetValueOrDefault((name, run, r.ComputedUtc ?? default)) : null, r.CountedShares, r.Recognised))];
        return new Computed(figures, trend, now);
    }

    /// <summary>
    /// The summary's period and previous period from the trend rows: the previous is the latest of the scheme ending before
    /// the period starts, as <see cref="SummaryFiguresReader.PeriodsAsync"/> picks it. Null when the rows cannot tell (the
    /// previous period lies beyond the twelve rows): the summary then reads the periods itself.
    /// </summary>
    internal static SummaryPeriods? PeriodsOf(ReportingPeriod period, IReadOnlyList<TrendRow> rows)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.FirstOrDefault(r => r.Id == period.Id) is not { } current) return null;
        var previous = rows.Where(r => r.Id != period.Id && r.EndDate < period.Start).OrderByDescending(r => r.EndDate).ThenByDescending(r => r.Id).FirstOrDefault();
        if (previous is null && rows.Count >= PimpinanHome.TrendPeriods) return null;
        static SummaryPeriodRow Row(TrendRow r) => new(r.Id, r.Name, r.StartDate, r.EndDate, r.State, r.RunId, r.Recognised, r.Recommendations, r.IncentiveTotal, r.RunApprovedUtc);
        return new SummaryPeriods(Row(current), previous is null ? null : Row(previous),
            current.Rules is null ? RewardRules.Default : RewardRules.FromJson(current.Rules),
            string.IsNullOrWhiteSpace(current.Notes) ? null : current.Notes.Trim(), current.Built is not null, current.Refreshed);
    }

    internal sealed class TrendRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public PeriodState State { get; init; }
        public int? RunId { get; init; }
        public DateTime? ComputedUtc { get; init; }
        public DateTime? RunApprovedUtc { get; init; }
        public int? Agents { get; init; }
        public int? CountedShares { get; init; }
        public int? Recognised { get; init; }
        public int? Recommendations { get; init; }
        public long? IncentiveTotal { get; init; }
        public string? Rules { get; init; }
        public string? Notes { get; init; }
        public DateTime? Built { get; init; }
        public DateTime? Refreshed { get; init; }
    }

    /// <summary>
    /// The periods of the trend with their current run's totals (scalar subqueries on the run's key); for the reporting
    /// period itself also its rules and notes, and the aggregates' state (the summary's period row, read in the same statement).
    /// </summary>
    internal static IQueryable<TrendRow> TrendQuery(AppDbContext db, ReportingPeriod period)
    {
        var id = period.Id;
        return db.RewardPeriods.AsNoTracking()
            .Where(p => p.SchemeId == period.SchemeId && p.EndDate <= period.End)
            .OrderByDescending(p => p.EndDate).ThenByDescending(p => p.Id)
            .Take(PimpinanHome.TrendPeriods)
            .Select(p => new TrendRow
            {
                Id = p.Id, Name = p.Name, StartDate = p.StartDate, EndDate = p.EndDate, State = p.State,
                RunId = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Id).FirstOrDefault(),
                ComputedUtc = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (DateTime?)r.ComputedUtc).FirstOrDefault(),
                RunApprovedUtc = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault(),
                Agents = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Agents).FirstOrDefault(),
                CountedShares = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.CountedShares).FirstOrDefault(),
                Recognised = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                Recommendations = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                IncentiveTotal = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                Rules = p.Id == id
                    ? db.RewardSchemeVersions
                        .Where(v => p.SchemeVersionId != null ? v.Id == p.SchemeVersionId : v.SchemeId == p.SchemeId && v.State == SchemeVersionState.Approved)
                        .OrderByDescending(v => v.Number).Select(v => v.RulesJson).FirstOrDefault()
                    : null,
                Notes = p.Id == id ? p.Notes : null,
                Built = db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => s.LastFullRebuildUtc).FirstOrDefault(),
                Refreshed = db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => s.LastRefreshedUtc).FirstOrDefault(),
            });
    }

    internal sealed class RunActive
    {
        public int RunId { get; init; }
        public int Active { get; init; }
    }

    /// <summary>Agents with at least one counted share, per run (read once per run: its results never change).</summary>
    internal static IQueryable<RunActive> RunActiveQuery(AppDbContext db, IReadOnlyCollection<int> runIds) =>
        db.RewardResults.AsNoTracking().Where(r => runIds.Contains(r.RunId) && r.CountedShares > 0)
            .GroupBy(r => r.RunId).Select(g => new RunActive { RunId = g.Key, Active = g.Count() });

    public static ChartData MissionChart(SummaryFigures summary)
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
