using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Builds the Ringkasan Pimpinan of a reward period. Everything is summed in the database in a fixed number of
/// statements (the current and the previous period side by side in the same ones), whatever the number of
/// agents or reports: period, previous period, report figures, active agents (three), clicks, responses,
/// enrolled agents, top agents, top messages, letterhead and signature.
/// </summary>
public sealed class SummaryModelHandler(AppDbContext db, Display display, OfficialPartsHandler parts, IServiceScopeFactory scopes)
{
    public const string NoUnit = "Tanpa unit";

    private sealed record PeriodRow(int Id, string Name, DateOnly StartDate, DateOnly EndDate, PeriodState State, int? RunId,
        int? Recognised, int? Recommendations, long? IncentiveTotal, DateTime? RunApprovedUtc);

    public async Task<SummaryModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        // 1. The period, its current run's totals, its rules and notes.
        var p = await db.RewardPeriods.AsNoTracking().Where(x => x.Id == periodId).Select(x => new
        {
            Row = new PeriodRow(x.Id, x.Name, x.StartDate, x.EndDate, x.State, x.CurrentRunId,
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault()),
            x.SchemeId,
            x.Notes,
            Rules = db.RewardSchemeVersions
                .Where(v => x.SchemeVersionId != null ? v.Id == x.SchemeVersionId : v.SchemeId == x.SchemeId && v.State == SchemeVersionState.Approved)
                .OrderByDescending(v => v.Number).Select(v => v.RulesJson).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var period = p.Row;
        var rules = p.Rules is null ? RewardRules.Default : RewardRules.FromJson(p.Rules);

        // 2. The previous period: the latest of the same scheme ending before this one starts.
        var previous = await db.RewardPeriods.AsNoTracking()
            .Where(x => x.SchemeId == p.SchemeId && x.Id != periodId && x.EndDate < period.StartDate)
            .OrderByDescending(x => x.EndDate).ThenByDescending(x => x.Id)
            .Select(x => new PeriodRow(x.Id, x.Name, x.StartDate, x.EndDate, x.State, x.CurrentRunId,
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

        var cur = new PeriodWindow(period.StartDate, period.EndDate, display.Zone);
        var prev = previous is null ? null : new PeriodWindow(previous.StartDate, previous.EndDate, display.Zone);
        DateTime cs = cur.StartUtc, ce = cur.EndUtc, cu = cur.EvidenceUntilUtc;
        // No previous period: an empty window before the current one.
        DateTime ps = prev?.StartUtc ?? cs, pe = prev?.EndUtc ?? cs, pu = prev?.EvidenceUntilUtc ?? cs;

        IQueryable<ShareReport> Reports(AppDbContext context) => context.ShareReports.AsNoTracking()
            .Where(r => (r.PostedUtc >= cs && r.PostedUtc < ce) || (r.PostedUtc >= ps && r.PostedUtc < pe));

        // 3–6. One row per report with its strongest readings, streamed on a connection of its own while the other
        // queries run on this one, and summed here: report figures per (period, mission, unit, message) and the active
        // agents (distinct, so counted per grouping: per period, per mission and per unit of the current one).
        var missionOf = await db.PolicyMessages.AsNoTracking().Select(m => new { m.Id, m.Mission }).ToDictionaryAsync(m => m.Id, m => m.Mission, ct);
        var unitNames = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var figuresTask = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var other = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sums = new Dictionary<(bool Current, int MessageId, int? UnitId), ShareFigures.Group>();
            var active = new HashSet<(bool Current, MissionTag Mission, int? UnitId, int AgentId)>();
            await foreach (var f in ShareFigures.PerReport(other, rules, Reports(other), cs, cu, pu).AsAsyncEnumerable().WithCancellation(ct))
            {
                var isCurrent = f.PostedUtc >= cs;
                var mission = missionOf[f.MessageId];
                if (!sums.TryGetValue((isCurrent, f.MessageId, f.UnitId), out var g))
                {
                    g = new ShareFigures.Group
                    {
                        Current = isCurrent, Mission = mission, MessageId = f.MessageId, UnitId = f.UnitId,
                        UnitName = f.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null,
                    };
                    sums.Add((isCurrent, f.MessageId, f.UnitId), g);
                }
                g.Add(f);
                if (f.State == ReportState.Verified) active.Add((isCurrent, mission, f.UnitId, f.AgentId));
            }
            return (Groups: sums.Values.ToList(), Active: active);
        }, ct);

        // 7. Tracked-link clicks and unique visitors per link, summed per (period, mission).
        var clicks = await ShareFigures.Clicks(db, cs, ce, ps, pe).ToListAsync(ct);

        // 8. Public responses per (period, mission, kind), with the dialogic-loop counts.
        var responses = await ShareFigures.Responses(db, db.PublicResponses.Where(x => (x.RecordedUtc >= cs && x.RecordedUtc < ce) || (x.RecordedUtc >= ps && x.RecordedUtc < pe)), cs)
            .ToListAsync(ct);

        // 9. Enrolled agents per unit, for both periods.
        var enrolled = await db.Agents.AsNoTracking()
            .Where(a => (a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs))
                        || (a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)))
            .GroupBy(a => new { a.Employee.UnitId, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null })
            .Select(g => new
            {
                g.Key.UnitId, g.Key.Name,
                Current = g.Count(a => a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs)),
                Previous = g.Count(a => a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)),
            }).ToListAsync(ct);

        // 10. Top agents by the current run's rank (names and units; never NIPs).
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

        var (groups, activeRows) = await figuresTask;
        var activeTotal = activeRows.GroupBy(a => a.Current)
            .Select(g => new { Current = g.Key, Agents = g.Select(a => a.AgentId).Distinct().Count() }).ToList();
        var activeByMission = activeRows.Where(a => a.Current).GroupBy(a => a.Mission)
            .ToDictionary(g => g.Key, g => g.Select(a => a.AgentId).Distinct().Count());
        var activeByUnit = activeRows.Where(a => a.Current).GroupBy(a => a.UnitId)
            .Select(g => new { UnitId = g.Key, Agents = g.Select(a => a.AgentId).Distinct().Count() }).ToList();

        // 11. Top messages of the period: most verified shares, then most reach (from the groups above).
        var topTen = groups.Where(g => g.Current).GroupBy(g => g.MessageId)
            .Select(g => new { MessageId = g.Key, Verified = g.Sum(x => x.Verified), Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views) })
            .OrderByDescending(t => t.Verified).ThenByDescending(t => t.Reach).ThenBy(t => t.MessageId).Take(10).ToList();
        var topIds = topTen.Select(t => t.MessageId).ToList();
        var topTitles = await db.PolicyMessages.AsNoTracking().Where(m => topIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Title, m.Mission }).ToDictionaryAsync(m => m.Id, ct);
        var topMessages = topTen.Select(t => new { topTitles[t.MessageId].Title, topTitles[t.MessageId].Mission, t.Verified, t.Reach, t.Views }).ToList();

        // 12–13. Letterhead and signature.
        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);

        // Assemble (in memory, over small grouped rows).
        var missions = Enum.GetValues<MissionTag>();
        SummaryKeyFigures Figures(bool current, PeriodRow row)
        {
            var g = groups.Where(x => x.Current == current).ToList();
            var enrolledCount = enrolled.Sum(e => current ? e.Current : e.Previous);
            var active = activeTotal.Where(a => a.Current == current).Sum(a => a.Agents);
            var reportCount = g.Sum(x => x.Reports);
            var verifiedCount = g.Sum(x => x.Verified);
            var hasRun = row.RunId is not null;
            return new SummaryKeyFigures(enrolledCount, active, Rate(active, enrolledCount), reportCount, verifiedCount, Rate(verifiedCount, reportCount),
                g.Sum(x => x.Reach), g.Sum(x => x.Views),
                clicks.Where(c => c.Current == current).Sum(c => c.Clicks), clicks.Where(c => c.Current == current).Sum(c => c.Visitors),
                responses.Where(r => r.Current == current).Sum(r => r.Count),
                hasRun, hasRun && (row.RunApprovedUtc is null || row.State is not (PeriodState.Approved or PeriodState.Closed)),
                hasRun ? row.Recognised ?? 0 : null, hasRun ? row.Recommendations ?? 0 : null, hasRun ? row.IncentiveTotal ?? 0 : null);
        }

        var currentFigures = Figures(true, period);
        var previousFigures = previous is null ? null : Figures(false, previous);

        var missionFigures = missions.Select(tag =>
        {
            var g = groups.Where(x => x.Current && x.Mission == tag).ToList();
            var c = clicks.Where(x => x.Current && x.Mission == tag).ToList();
            var r = responses.Where(x => x.Current && x.Mission == tag).ToList();
            return new MissionFigures(tag, tag.Label(), [.. tag.Kpis().Select(k => k.Label())],
                g.Sum(x => x.Reports), g.Sum(x => x.Verified), activeByMission.GetValueOrDefault(tag),
                g.Sum(x => x.Reach), g.Sum(x => x.Views), g.Sum(x => x.Comments), g.Sum(x => x.Reposts), g.Sum(x => x.Saves),
                c.Sum(x => x.Clicks), c.Sum(x => x.Visitors), r.Sum(x => x.Count), ShareFigures.Dialogic(r.Select(x => (x.Kind, x.Count, x.Closed, x.Open))));
        }).ToList();

        var unitIds = enrolled.Where(e => e.Current > 0).Select(e => e.UnitId)
            .Concat(groups.Where(x => x.Current).Select(x => x.UnitId)).Distinct().ToList();
        var names = enrolled.Where(e => e.UnitId is not null).GroupBy(e => e.UnitId!.Value).ToDictionary(x => x.Key, x => x.First().Name ?? "");
        foreach (var x in groups.Where(x => x.UnitId is not null)) names.TryAdd(x.UnitId!.Value, x.UnitName ?? "");
        var units = unitIds.Select(id =>
        {
            var g = groups.Where(x => x.Current && x.UnitId == id).ToList();
            var enrolledCount = enrolled.Where(e => e.UnitId == id).Sum(e => e.Current);
            var active = activeByUnit.Where(a => a.UnitId == id).Sum(a => a.Agents);
            return new UnitFigures(id, id is { } u ? names.GetValueOrDefault(u, "") : NoUnit, enrolledCount, active, Rate(active, enrolledCount),
                g.Sum(x => x.Reports), g.Sum(x => x.Verified), g.Sum(x => x.Reach));
        })
        .OrderByDescending(u => u.CumulativeReach).ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();

        var charted = units.Take(MaxChartUnits).ToList();
        var reachChart = new ChartModel("Jangkauan kumulatif per unit", "Jangkauan kumulatif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Jangkauan kumulatif", [.. charted.Select(u => (double)u.CumulativeReach)])]);
        var participationChart = new ChartModel("Tingkat partisipasi per unit", "Persen agen aktif", [.. charted.Select(u => u.UnitName)],
            [new ChartSeries("Tingkat partisipasi (%)", [.. charted.Select(u => (double)(u.ParticipationRate ?? 0))])]);

        var current = groups.Where(x => x.Current).ToList();
        var verification = new VerificationStats(current.Sum(x => x.Reports), current.Sum(x => x.Verified), current.Sum(x => x.Rejected),
            current.Sum(x => x.Pending), current.Sum(x => x.Flagged), current.Sum(x => x.Corrected));
        var dialogic = ShareFigures.Dialogic(responses.Where(r => r.Current).Select(x => (x.Kind, x.Count, x.Closed, x.Open)));

        return new SummaryModel(
            $"Ringkasan Pimpinan Periode {period.Name}",
            issuedOn,
            letterhead,
            Describe(period),
            previous is null ? null : Describe(previous),
            currentFigures,
            previousFigures,
            KeyFigureRows(currentFigures, previousFigures),
            missionFigures,
            units,
            reachChart,
            participationChart,
            [.. topAgents.Select(a => new TopAgent(a.Rank, FullName(a.TitlePrefix, a.Name, a.TitleSuffix), a.Unit, a.Score, a.CountedShares))],
            [.. topMessages.Select((m, i) => new TopMessage(i + 1, m.Title, m.Mission, m.Mission.Label(), m.Verified, m.Reach, m.Views))],
            dialogic,
            verification,
            string.IsNullOrWhiteSpace(p.Notes) ? null : p.Notes.Trim(),
            signature);
    }

    /// <summary>The per-unit charts show the units with the most reach, at most this many.</summary>
    public const int MaxChartUnits = 15;

    private static SummaryPeriod Describe(PeriodRow p) => new(p.Name, p.StartDate, p.EndDate,
        $"{OfficialPartsHandler.FormatDate(p.StartDate)} – {OfficialPartsHandler.FormatDate(p.EndDate)}",
        p.State, PeriodWorkflow.Label(p.State), p.State is not (PeriodState.Approved or PeriodState.Closed));

    /// <summary>part ÷ whole × 100, two decimals (half away from zero); null when whole is 0.</summary>
    public static decimal? Rate(long part, long whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    internal static string FullName(string? prefix, string name, string? suffix) =>
        string.Join(" ", new[] { prefix, name }.Where(s => !string.IsNullOrWhiteSpace(s)))
        + (string.IsNullOrWhiteSpace(suffix) ? "" : ", " + suffix);

    private static IReadOnlyList<KeyFigureRow> KeyFigureRows(SummaryKeyFigures c, SummaryKeyFigures? p)
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
