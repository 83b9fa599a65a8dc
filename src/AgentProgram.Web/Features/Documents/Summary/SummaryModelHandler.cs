using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Builds the Ringkasan Pimpinan of a reward period. The period figures come from <see cref="SummaryFiguresReader"/>
/// (the stored aggregates, brought up to date first, or the raw rows when the aggregates cannot stand for them), in a
/// fixed number of statements whatever the number of agents or reports; then the reports corrected, the top agents,
/// the top messages' titles, letterhead and signature.
/// </summary>
public sealed class SummaryModelHandler(AppDbContext db, Display display, OfficialPartsHandler parts, IServiceScopeFactory scopes, TimeProvider? clock = null)
{
    public const string NoUnit = "Tanpa unit";

    private readonly SummaryFiguresReader _reader = new(db, display, scopes, clock ?? TimeProvider.System);

    public async Task<SummaryModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        // 1. The period, the previous one, rules, notes and the aggregates' state.
        var periods = await _reader.PeriodsAsync(periodId, ct);
        if (periods is null) return null;
        if (SummaryFiguresReader.CanUseAggregates(periods)) await RefreshAsync(ct);
        var period = periods.Current;

        // 2–6. The period figures (aggregates: share sums, response sums, active agents, enrolled agents, late readings).
        var set = await _reader.ReadAsync(periods, ct);
        var f = set.Figures;
        var groups = set.Groups;

        // 7. Reports corrected at least once.
        var current = groups.Where(x => x.Current).ToList();
        var corrected = current.Sum(x => x.Corrected);

        // 8. Top agents by the current run's rank (names and units; never NIPs).
        var topAgents = period.RunId is not { } runId ? [] : await (
            from r in db.RewardResults.AsNoTracking()
            where r.RunId == runId && r.Rank != null
            join a in db.Agents on r.AgentId equals a.Id
            join e in db.Employees on a.EmployeeId equals e.Id
            join u in db.Units on r.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            orderby r.Rank, r.Score descending, r.AgentId
            select new { Rank = r.Rank!.Value, e.TitlePrefix, e.Name, e.TitleSuffix, Unit = u == null ? null : u.Name, r.Score, r.CountedShares })
            .Take(10).ToListAsync(ct);

        // 9. Top messages of the period: most verified shares, then most reach (from the groups above).
        var topTen = current.GroupBy(g => g.MessageId)
            .Select(g => new { MessageId = g.Key, Verified = g.Sum(x => x.Verified), Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views) })
            .OrderByDescending(t => t.Verified).ThenByDescending(t => t.Reach).ThenBy(t => t.MessageId).Take(10).ToList();
        var topIds = topTen.Select(t => t.MessageId).ToList();
        var topTitles = topIds.Count == 0 ? [] : await db.PolicyMessages.AsNoTracking().Where(m => topIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Mission }).ToDictionaryAsync(m => m.Id, ct);
        var topMessages = topTen.Select(t => new { topTitles[t.MessageId].Title, topTitles[t.MessageId].Mission, t.Verified, t.Reach, t.Views }).ToList();

        // 10–11. Letterhead and signature.
        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);

        var charted = f.Units.Take(MaxChartUnits).ToList();
        var reachChart = new ChartModel("Jangkauan kumulatif per unit", "Jangkauan kumulatif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Jangkauan kumulatif", [.. charted.Select(u => (double)u.CumulativeReach)])]);
        var participationChart = new ChartModel("Tingkat partisipasi per unit", "Persen agen aktif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Tingkat partisipasi (%)", [.. charted.Select(u => (double)(u.ParticipationRate ?? 0))])]);
        var verification = new VerificationStats(current.Sum(x => x.Reports), current.Sum(x => x.Verified), current.Sum(x => x.Rejected),
            current.Sum(x => x.Pending), current.Sum(x => x.Flagged), corrected);

        return new SummaryModel(
            $"Ringkasan Pimpinan Periode {period.Name}",
            issuedOn,
            letterhead,
            f.Period,
            f.PreviousPeriod,
            f.Current,
            f.Previous,
            f.KeyFigures,
            f.Missions,
            f.Units,
            reachChart,
            participationChart,
            [.. topAgents.Select(a => new TopAgent(a.Rank, FullName(a.TitlePrefix, a.Name, a.TitleSuffix), a.Unit, a.Score, a.CountedShares))],
            [.. topMessages.Select((m, i) => new TopMessage(i + 1, m.Title, m.Mission, m.Mission.Label(), m.Verified, m.Reach, m.Views))],
            f.DialogicLoop,
            verification,
            f.Notes,
            signature);
    }

    /// <summary>
    /// The period figures alone (the Pimpinan dashboard): no refresh first (the dashboard says how old its figures are),
    /// no letterhead, signature or top lists. Null: no such period.
    /// </summary>
    public async Task<SummaryFigures?> FiguresAsync(int periodId, CancellationToken ct = default)
    {
        var periods = await _reader.PeriodsAsync(periodId, ct);
        return periods is null ? null : (await _reader.ReadAsync(periods, ct)).Figures;
    }

    /// <summary><see cref="FiguresAsync(int, CancellationToken)"/> for periods the caller has read already (the dashboard reads them with its trend).</summary>
    public async Task<SummaryFigures> FiguresAsync(SummaryPeriods periods, CancellationToken ct = default) => (await _reader.ReadAsync(periods, ct)).Figures;

    /// <summary>Brings the aggregates up to date before a document is drawn (claim-guarded: when another instance holds the run, the figures are at most a minute old).</summary>
    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<AggregateRefresher>() is { } refresher)
            await refresher.RefreshAsync($"summary-{Environment.ProcessId}-{Guid.NewGuid():N}", ct);
    }

    /// <summary>The per-unit charts show the units with the most reach, at most this many.</summary>
    public const int MaxChartUnits = 15;

    internal static SummaryPeriod Describe(SummaryPeriodRow p) => new(p.Name, p.StartDate, p.EndDate,
        $"{OfficialPartsHandler.FormatDate(p.StartDate)} – {OfficialPartsHandler.FormatDate(p.EndDate)}",
        p.State, PeriodWorkflow.Label(p.State), p.State is not (PeriodState.Approved or PeriodState.Closed));

    /// <summary>part ÷ whole × 100, two decimals (half away from zero); null when whole is 0.</summary>
    public static decimal? Rate(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    internal static string FullName(string? prefix, string name, string? suffix) =>
        string.Join(" ", new[] { prefix, name }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + (string.IsNullOrWhiteSpace(suffix) ? "" : ", " + suffix);

    internal static IReadOnlyList<KeyFigureRow> KeyFigureRows(SummaryKeyFigures c, SummaryKeyFigures? p)
    {
        var rows = new List<KeyFigureRow>
        {
            Row("Agen terdaftar", FigureKind.Count, c.EnrolledAgents, p?.EnrolledAgents),
            Row("Agen aktif", FigureKind.Count, c.ActiveAgents, p?.ActiveAgents),
            Row("Tingkat partisipasi", FigureKind.Percent, c.ParticipationRate, p?.ParticipationRate),
            Row("Laporan sebaran", FigureKind.Count, c.ShareReports, p?.ShareReports),
            Row("Sebaran terverifikasi", FigureKind.Count, c.VerifiedShares, p?.VerifiedShares),
            Row("Tingkat verifikasi", FigureKind.Percent, c.VerifiedShareRate, p?.VerifiedShareRate),
            Row("Jangkauan kumulatif", FigureKind.Count, c.CumulativeReach, p?.CumulativeReach),
            Row("Tayangan", FigureKind.Count, c.Views, p?.Views),
            Row("Klik tautan terlacak", FigureKind.Count, c.LinkClicks, p?.LinkClicks),
            Row("Pengunjung unik", FigureKind.Count, c.UniqueVisitors, p?.UniqueVisitors),
            Row("Tanggapan publik", FigureKind.Count, c.PublicResponses, p?.PublicResponses),
            Row("Agen penerima piagam", FigureKind.Count, c.RecognisedAgents, p?.RecognisedAgents),
            Row("Rekomendasi", FigureKind.Count, c.Recommendations, p?.Recommendations),
            Row("Total insentif", FigureKind.Rupiah, c.IncentiveTotal, p?.IncentiveTotal),
        };
        return rows;
    }

    private static KeyFigureRow Row(string label, FigureKind kind, decimal? current, decimal? previous)
    {
        decimal? change = current is { } a && previous is { } b ? a - b : null;
        decimal? relative = kind != FigureKind.Percent && current is { } x && previous is { } y && y != 0
            ? Math.Round((x - y) * 100m / y, 2, MidpointRounding.AwayFromZero) : null;
        return new KeyFigureRow(label, kind, current, previous, change, relative);
    }
}

/// <summary>
/// Set-based figures of share reports shared by the period summary and the message report: per report the
/// reading of the strongest evidence source for each number (the reward calculation's rule: highest evidence
/// percent, then largest value, via <see cref="EvidenceKey"/>), clicks and unique visitors per tracked link,
/// and public responses with the dialogic-loop counts.
/// </summary>
internal static class ShareFigures
{
    internal sealed class Fact
    {
        public bool Current { get; set; }
        public int AgentId { get; set; }
        public int MessageId { get; set; }
        public MissionTag Mission { get; set; }
        public int? UnitId { get; set; }
        public string? UnitName { get; set; }
        public Platform Platform { get; set; }
        public ReportState State { get; set; }
        public bool Flagged { get; set; }
        public bool Corrected { get; set; }
        public long? Reach { get; set; }
        public long? Views { get; set; }
        public long? Comments { get; set; }
        public long? Reposts { get; set; }
        public long? Saves { get; set; }
    }

    /// <summary>Report figures of one (period, mission, unit, message).</summary>
    internal sealed class Group
    {
        public bool Current { get; set; }
        public MissionTag Mission { get; set; }
        public int? UnitId { get; set; }
        public string? UnitName { get; set; }
        public int MessageId { get; set; }
        public int Reports { get; set; }
        public int Verified { get; set; }
        public int Rejected { get; set; }
        public int Pending { get; set; }
        public int Flagged { get; set; }
        public int Corrected { get; set; }
        public long Reach { get; set; }
        public long Views { get; set; }
        public long Comments { get; set; }
        public long Reposts { get; set; }
        public long Saves { get; set; }

        /// <summary>Counts one report in; its readings count only when it is verified.</summary>
        public void Add(ReportFact f)
        {
            Reports++;
            switch (f.State)
            {
                case ReportState.Verified:
                    Verified++;
                    Reach += f.Reach ?? 0;
                    Views += f.Views ?? 0;
                    Comments += f.Comments ?? 0;
                    Reposts += f.Reposts ?? 0;
                    Saves += f.Saves ?? 0;
                    break;
                case ReportState.Rejected: Rejected++; break;
                case ReportState.Pending: Pending++; break;
            }
            if (f.Flags != ReportFlagSet.None) Flagged++;
            if (f.CorrectionCount > 0) Corrected++;
        }
    }

    /// <summary>One report with the reading of its strongest evidence source for each number.</summary>
    internal sealed class ReportFact
    {
        public int AgentId { get; set; }
        public int MessageId { get; set; }
        public int? UnitId { get; set; }
        public Platform Platform { get; set; }
        public ReportState State { get; set; }
        public ReportFlagSet Flags { get; set; }
        public int CorrectionCount { get; set; }
        public DateTime PostedUtc { get; set; }
        public long? Reach { get; set; }
        public long? Views { get; set; }
        public long? Comments { get; set; }
        public long? Reposts { get; set; }
        public long? Saves { get; set; }
    }

    /// <summary>
    /// One row per report of <paramref name="reports"/>, with its readings taken before <paramref name="untilCurrent"/>
    /// (reports posted at or after <paramref name="split"/>) or <paramref name="untilPrevious"/> (the others). One pass:
    /// the reports in key order, each joined to its own snapshots through the (ReportId, TakenUtc) index and grouped by
    /// the report's key, so the database needs no sort or temporary index.
    /// </summary>
    internal static IQueryable<ReportFact> PerReport(AppDbContext db, RewardRules rules, IQueryable<ShareReport> reports, DateTime split, DateTime untilCurrent, DateTime untilPrevious)
    {
        long self = rules.EvidencePercent(MetricSource.SelfReported), shot = rules.EvidencePercent(MetricSource.Screenshot),
            csv = rules.EvidencePercent(MetricSource.CsvImport), counter = rules.EvidencePercent(MetricSource.PublicCounter),
            api = rules.EvidencePercent(MetricSource.ApiVerified);
        const long scale = EvidenceKey.Scale;
        return
            from r in reports
            join s in db.ReportSnapshots on r.Id equals s.ReportId into sj
            from s in sj.DefaultIfEmpty()
            // A reading taken too late counts as none (the cut-off is applied in the aggregate, not the join: a
            // join condition on the report's own date would need an APPLY, which SQLite lacks).
            let counts = s!.TakenUtc < (r.PostedUtc >= split ? untilCurrent : untilPrevious)
            let pct = (s.Source == MetricSource.SelfReported ? self : s.Source == MetricSource.Screenshot ? shot
                : s.Source == MetricSource.CsvImport ? csv : s.Source == MetricSource.PublicCounter ? counter : api) * scale
            group new { s, pct, counts } by new { r.Id, r.AgentId, r.MessageId, r.UnitId, r.Platform, r.State, r.Flags, r.CorrectionCount, r.PostedUtc } into g
            select new ReportFact
            {
                AgentId = g.Key.AgentId,
                MessageId = g.Key.MessageId,
                UnitId = g.Key.UnitId,
                Platform = g.Key.Platform,
                State = g.Key.State,
                Flags = g.Key.Flags,
                CorrectionCount = g.Key.CorrectionCount,
                PostedUtc = g.Key.PostedUtc,
                Views = g.Max(x => !x.counts || x.s!.Views == null ? null : x.pct + x.s.Views) % scale,
                Reach = g.Max(x => !x.counts || x.s!.Reach == null ? null : x.pct + x.s.Reach) % scale,
                Comments = g.Max(x => !x.counts || x.s!.Comments == null ? null : x.pct + x.s.Comments) % scale,
                Reposts = g.Max(x => !x.counts || x.s!.Reposts == null ? null : x.pct + x.s.Reposts) % scale,
                Saves = g.Max(x => !x.counts || x.s!.Saves == null ? null : x.pct + x.s.Saves) % scale,
            };
    }

    /// <summary>
    /// <see cref="PerReport"/> with the message's mission and the unit's name, for grouping in the database.
    /// <c>Current</c> is "posted at or after <paramref name="split"/>".
    /// </summary>
    internal static IQueryable<Fact> Facts(AppDbContext db, RewardRules rules, IQueryable<ShareReport> reports, DateTime split, DateTime untilCurrent, DateTime untilPrevious) =>
        from f in PerReport(db, rules, reports, split, untilCurrent, untilPrevious)
        join m in db.PolicyMessages on f.MessageId equals m.Id
        join u in db.Units on f.UnitId equals u.Id into uj
        from u in uj.DefaultIfEmpty()
        select new Fact
        {
            Current = f.PostedUtc >= split,
            AgentId = f.AgentId,
            MessageId = f.MessageId,
            Mission = m.Mission,
            UnitId = f.UnitId,
            UnitName = u!.Name,
            Platform = f.Platform,
            State = f.State,
            Flagged = f.Flags != ReportFlagSet.None,
            Corrected = f.CorrectionCount > 0,
            Reach = f.Reach,
            Views = f.Views,
            Comments = f.Comments,
            Reposts = f.Reposts,
            Saves = f.Saves,
        };

    internal sealed record ClickRow(bool Current, MissionTag Mission, long Clicks, long Visitors);

    /// <summary>Non-bot clicks and unique visitors per tracked link inside either window, summed per (window, mission).</summary>
    internal static IQueryable<ClickRow> Clicks(AppDbContext db, DateTime cs, DateTime ce, DateTime ps, DateTime pe)
    {
        var perLink =
            from c in db.LinkClicks.AsNoTracking()
            where !c.IsBot && ((c.OccurredUtc >= cs && c.OccurredUtc < ce) || (c.OccurredUtc >= ps && c.OccurredUtc < pe))
            group c by new { c.TrackedLinkId, Current = c.OccurredUtc >= cs } into g
            select new { g.Key.TrackedLinkId, g.Key.Current, Clicks = g.Count(), Visitors = g.Select(x => x.VisitorHash).Distinct().Count() };
        return
            from x in perLink
            join l in db.TrackedLinks on x.TrackedLinkId equals l.Id
            join a in db.Assignments on l.AssignmentId equals a.Id
            join m in db.PolicyMessages on a.MessageId equals m.Id
            group x by new { x.Current, m.Mission } into g
            select new ClickRow(g.Key.Current, g.Key.Mission, g.Sum(y => (long)y.Clicks), g.Sum(y => (long)y.Visitors));
    }

    internal sealed record ResponseRow(bool Current, MissionTag Mission, ResponseKind Kind, int Count, int Closed, int Open);

    /// <summary>Responses per (recorded at or after <paramref name="split"/>, mission, kind); Closed = answered or referred within the dialogic window.</summary>
    internal static IQueryable<ResponseRow> Responses(AppDbContext db, IQueryable<PublicResponse> responses, DateTime split)
    {
        var hours = DialogicLoop.Window.TotalHours;
        return
            from x in responses.AsNoTracking()
            join m in db.PolicyMessages on x.MessageId equals m.Id
            group x by new { Current = x.RecordedUtc >= split, m.Mission, x.Kind } into g
            select new ResponseRow(g.Key.Current, g.Key.Mission, g.Key.Kind, g.Count(),
                g.Count(y => y.ResolvedUtc != null && y.ResolvedUtc <= y.RecordedUtc.AddHours(hours)),
                g.Count(y => y.ResolvedUtc == null));
    }

    /// <summary>The dialogic-loop figure from counts per kind (<see cref="DialogicLoop.NeedsAnswer"/> decides which count).</summary>
    internal static DialogicLoopFigure Dialogic(IEnumerable<(ResponseKind Kind, int Count, int Closed, int Open)> rows)
    {
        int total = 0, needing = 0, closed = 0, open = 0;
        foreach (var (kind, count, c, o) in rows)
        {
            total += count;
            if (!DialogicLoop.NeedsAnswer(kind)) continue;
            needing += count;
            closed += c;
            open += o;
        }
        return new DialogicLoopFigure(total, needing, closed, open);
    }
}
