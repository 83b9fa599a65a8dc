using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>A reward period as the summary needs it, with its current run's totals.</summary>
public sealed record SummaryPeriodRow(int Id, string Name, DateOnly StartDate, DateOnly EndDate, PeriodState State, int? RunId,
    int? Recognised, int? Recommendations, long? IncentiveTotal, DateTime? RunApprovedUtc);

/// <summary>The period, the previous one of its scheme, its rules and notes, and whether the stored aggregates can be read.</summary>
/// <param name="AggregatesBuilt">The aggregates had their first full build (before it they are incomplete).</param>
/// <param name="RefreshedUtc">When the aggregates were last brought up to date.</param>
public sealed record SummaryPeriods(SummaryPeriodRow Current, SummaryPeriodRow? Previous, RewardRules Rules, string? Notes,
    bool AggregatesBuilt, DateTime? RefreshedUtc);

/// <summary>
/// The period figures of the Ringkasan Pimpinan that the Pimpinan dashboard shows too: key figures of the period and
/// the previous one, per mission tag and per unit. <see cref="AggregatesAsOfUtc"/> is when the stored aggregates they
/// were read from were last refreshed (null: summed from the raw rows).
/// </summary>
public sealed record SummaryFigures(
    SummaryPeriod Period,
    SummaryPeriod? PreviousPeriod,
    SummaryKeyFigures Current,
    SummaryKeyFigures? Previous,
    IReadOnlyList<KeyFigureRow> KeyFigures,
    IReadOnlyList<MissionFigures> Missions,
    IReadOnlyList<UnitFigures> Units,
    DialogicLoopFigure DialogicLoop,
    string? Notes,
    DateTime? AggregatesAsOfUtc);

/// <summary>
/// Reads the summary's period figures. From the stored aggregates (Domain/Aggregates) when they are built and the
/// period's rules rank the evidence sources as the aggregates do (the default order): the daily share rows summed per
/// (period, unit, message), the daily response rows per (period, message, kind), active agents as COUNT(DISTINCT) over
/// the agents' day bits, enrolled agents per unit; then readings taken after a period's evidence deadline (which the
/// aggregates count, the summary does not) are taken out for the few reports that have one. Otherwise from the raw
/// reports and their snapshots (every report of both periods). Both give the same figures.
/// </summary>
public sealed class SummaryFiguresReader(AppDbContext db, Display display, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly DateTime NoCutOff = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The period and the previous one of its scheme, with rules, notes and the aggregates' state: one statement. Null: no such period.</summary>
    public async Task<SummaryPeriods?> PeriodsAsync(int periodId, CancellationToken ct = default)
    {
        // The previous period: the latest of the same scheme ending before this one starts (a scalar subquery).
        var rows = await db.RewardPeriods.AsNoTracking()
            .Where(x => x.Id == periodId || (int?)x.Id == db.RewardPeriods.Where(p => p.Id == periodId)
                .Select(p => db.RewardPeriods
                    .Where(y => y.SchemeId == p.SchemeId && y.Id != p.Id && y.EndDate < p.StartDate)
                    .OrderByDescending(y => y.EndDate).ThenByDescending(y => y.Id).Select(y => (int?)y.Id).FirstOrDefault())
                .FirstOrDefault())
            .Select(x => new
            {
                Row = new SummaryPeriodRow(x.Id, x.Name, x.StartDate, x.EndDate, x.State, x.CurrentRunId,
                    db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recognised).FirstOrDefault(),
                    db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (int?)r.Recommendations).FirstOrDefault(),
                    db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => (long?)r.IncentiveTotal).FirstOrDefault(),
                    db.RewardRuns.Where(r => r.Id == x.CurrentRunId).Select(r => r.ApprovedUtc).FirstOrDefault()),
                Notes = x.Id == periodId ? x.Notes : null,
                Rules = x.Id == periodId
                    ? db.RewardSchemeVersions
                        .Where(v => x.SchemeVersionId != null ? v.Id == x.SchemeVersionId : v.SchemeId == x.SchemeId && v.State == SchemeVersionState.Approved)
                        .OrderByDescending(v => v.Number).Select(v => v.RulesJson).FirstOrDefault()
                    : null,
                Built = db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => s.LastFullRebuildUtc).FirstOrDefault(),
                Refreshed = db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => s.LastRefreshedUtc).FirstOrDefault(),
            }).ToListAsync(ct);
        var current = rows.FirstOrDefault(r => r.Row.Id == periodId);
        if (current is null) return null;
        var previous = rows.FirstOrDefault(r => r.Row.Id != periodId);
        return new SummaryPeriods(current.Row, previous?.Row, current.Rules is null ? RewardRules.Default : RewardRules.FromJson(current.Rules),
            string.IsNullOrWhiteSpace(current.Notes) ? null : current.Notes.Trim(), current.Built is not null, current.Refreshed);
    }

    /// <summary>The stored aggregates can stand for the raw rows: built, and the rules rank evidence sources as the aggregates do.</summary>
    public static bool CanUseAggregates(SummaryPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.AggregatesBuilt && SameEvidenceOrder(periods.Rules, RewardRules.Default);
    }

    /// <summary>Whether the strongest reading is the same under both rules: every pair of sources is ordered (or tied) alike.</summary>
    public static bool SameEvidenceOrder(RewardRules a, RewardRules b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sources = Enum.GetValues<MetricSource>();
        foreach (var x in sources)
            foreach (var y in sources)
                if (Math.Sign(a.EvidencePercent(x) - a.EvidencePercent(y)) != Math.Sign(b.EvidencePercent(x) - b.EvidencePercent(y))) return false;
        return true;
    }

    /// <summary>The figures (and, for the document, the per-message groups and report states).</summary>
    internal async Task<FigureSet> ReadAsync(SummaryPeriods periods, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var period = periods.Current;
        var previous = periods.Previous;
        var cur = new PeriodWindow(period.StartDate, period.EndDate, display.Zone);
        var prev = previous is null ? null : new PeriodWindow(previous.StartDate, previous.EndDate, display.Zone);
        var w = new Windows(cur.StartUtc, cur.EndUtc, cur.EvidenceUntilUtc,
            prev?.StartUtc ?? cur.StartUtc, prev?.EndUtc ?? cur.StartUtc, prev?.EvidenceUntilUtc ?? cur.StartUtc);
        var data = CanUseAggregates(periods)
            ? await FromAggregatesAsync(periods, w, ct)
            : await FromRawAsync(periods.Rules, w, ct);
        return Assemble(periods, data, CanUseAggregates(periods) ? periods.RefreshedUtc : null);
    }

    internal sealed record Windows(DateTime Cs, DateTime Ce, DateTime Cu, DateTime Ps, DateTime Pe, DateTime Pu);

    internal sealed record EnrolledRow(int? UnitId, string? Name, int Current, int Previous);

    internal sealed record ActiveCounts(int Current, int Previous, IReadOnlyDictionary<MissionTag, int> ByMission, IReadOnlyDictionary<int, int> ByUnit);

    /// <summary>What both sources give: report groups per (period, mission, unit, message), clicks, responses, enrolled and active agents.</summary>
    internal sealed record SourceData(List<ShareFigures.Group> Groups, List<ShareFigures.ClickRow> Clicks, List<ShareFigures.ResponseRow> Responses,
        List<EnrolledRow> Enrolled, ActiveCounts Active);

    internal sealed record FigureSet(SummaryFigures Figures, List<ShareFigures.Group> Groups);

    /// <summary>Agents enrolled by each window's end and not ended before its start, per unit, both windows in one statement.</summary>
    private Task<List<EnrolledRow>> EnrolledAsync(Windows w, CancellationToken ct) => EnrolledQuery(db, w).ToListAsync(ct);

    internal static IQueryable<EnrolledRow> EnrolledQuery(AppDbContext db, Windows w)
    {
        DateTime cs = w.Cs, ce = w.Ce, ps = w.Ps, pe = w.Pe;
        return db.Agents.AsNoTracking()
            .Where(a => (a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs))
                        || (a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)))
            .GroupBy(a => new { a.Employee.UnitId, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null })
            .Select(g => new EnrolledRow(g.Key.UnitId, g.Key.Name,
                g.Count(a => a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs)),
                g.Count(a => a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps))));
    }

    // ---- From the stored aggregates -------------------------------------------------------------------------------

    internal sealed class ShareSum
    {
        public bool Current { get; init; }
        public int UnitId { get; init; }
        public string? UnitName { get; init; }
        public int MessageId { get; init; }
        public MissionTag Mission { get; init; }
        public int Reports { get; init; }
        public int Verified { get; init; }
        public int Rejected { get; init; }
        public int Pending { get; init; }
        public int Flagged { get; init; }
        public int Corrected { get; init; }
        public long Reach { get; init; }
        public long Views { get; init; }
        public long Comments { get; init; }
        public long Reposts { get; init; }
        public long Saves { get; init; }
        public long Clicks { get; init; }
        public long Visitors { get; init; }
    }

    /// <summary>The daily share rows of both periods' days summed per (period, unit, message), with the message's mission and the unit's name.</summary>
    internal static IQueryable<ShareSum> ShareSumsQuery(AppDbContext db, DateOnly cFrom, DateOnly cTo, DateOnly pFrom, DateOnly pTo)
    {
        var sums =
            from x in db.AggDailyShares.AsNoTracking()
            where (x.Day >= cFrom && x.Day <= cTo) || (x.Day >= pFrom && x.Day <= pTo)
            group x by new { Current = x.Day >= cFrom, x.UnitId, x.MessageId } into g
            select new
            {
                g.Key.Current, g.Key.UnitId, g.Key.MessageId,
                Reports = g.Sum(x => x.Reports), Verified = g.Sum(x => x.Verified), Rejected = g.Sum(x => x.Rejected), Pending = g.Sum(x => x.Pending),
                Flagged = g.Sum(x => x.Flagged), Corrected = g.Sum(x => x.Corrected), Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views), Comments = g.Sum(x => x.Comments),
                Reposts = g.Sum(x => x.Reposts), Saves = g.Sum(x => x.Saves), Clicks = g.Sum(x => (long)x.Clicks), Visitors = g.Sum(x => (long)x.Visitors),
            };
        return
            from s in sums
            join m in db.PolicyMessages on s.MessageId equals m.Id
            join u in db.Units on s.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            select new ShareSum
            {
                Current = s.Current, UnitId = s.UnitId, UnitName = u == null ? null : u.Name, MessageId = s.MessageId, Mission = m.Mission,
                Reports = s.Reports, Verified = s.Verified, Rejected = s.Rejected, Pending = s.Pending, Flagged = s.Flagged, Corrected = s.Corrected,
                Reach = s.Reach, Views = s.Views, Comments = s.Comments, Reposts = s.Reposts, Saves = s.Saves, Clicks = s.Clicks, Visitors = s.Visitors,
            };
    }

    /// <summary>The daily response rows of both periods' days summed per (period, mission, kind).</summary>
    internal static IQueryable<ShareFigures.ResponseRow> ResponseSumsQuery(AppDbContext db, DateOnly cFrom, DateOnly cTo, DateOnly pFrom, DateOnly pTo)
    {
        var sums =
            from x in db.AggDailyResponses.AsNoTracking()
            where (x.Day >= cFrom && x.Day <= cTo) || (x.Day >= pFrom && x.Day <= pTo)
            join m in db.PolicyMessages on x.MessageId equals m.Id
            group x by new { Current = x.Day >= cFrom, m.Mission, x.Kind } into g
            select new { g.Key.Current, g.Key.Mission, g.Key.Kind, Count = g.Sum(x => x.Count), Closed = g.Sum(x => x.Closed), Open = g.Sum(x => x.Open) };
        return sums.Select(s => new ShareFigures.ResponseRow(s.Current, s.Mission, s.Kind, s.Count, s.Closed, s.Open));
    }

    internal sealed class ActiveRow
    {
        /// <summary>
        /// 0: enrolled agents per unit (Key = the unit, 0 none; Count = current, Previous = previous window; Name = the unit's name),
        /// 1: active in the current window, 2: active in the previous one, 3: current per mission (Key = the tag), 4: current per unit.
        /// </summary>
        public int Kind { get; init; }
        public int Key { get; init; }
        public string? Name { get; init; }
        public int Count { get; init; }
        public int Previous { get; init; }
    }

    /// <summary>
    /// Enrolled agents per unit for both windows (from the agents), and distinct agents with a verified share in each window
    /// (total, and for the current one per mission and per unit, from the day bits): one UNION ALL.
    /// </summary>
    internal static IQueryable<ActiveRow> AgentsQuery(AppDbContext db, Windows w, DateOnly cFrom, DateOnly cTo, DateOnly? pFrom, DateOnly? pTo)
    {
        DateTime cs = w.Cs, ce = w.Ce, ps = w.Ps, pe = w.Pe;
        var enrolled = db.Agents.AsNoTracking()
            .Where(a => (a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs))
                        || (a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)))
            .GroupBy(a => new { UnitId = a.Employee.UnitId ?? 0, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null })
            .Select(g => new ActiveRow
            {
                Kind = 0, Key = g.Key.UnitId, Name = g.Key.Name,
                Count = g.Count(a => a.EnrolledUtc < ce && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= cs)),
                Previous = g.Count(a => a.EnrolledUtc < pe && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= ps)),
            });
        var rows = db.AggAgentActivity.AsNoTracking();
        var current = rows.Where(DayBitsQuery.InRange(cFrom, cTo));
        var previous = pFrom is { } f && pTo is { } t ? rows.Where(DayBitsQuery.InRange(f, t)) : rows.Where(a => false);
        return enrolled
            .Concat(current.GroupBy(a => 0).Select(g => new ActiveRow { Kind = 1, Key = 0, Name = null, Count = g.Select(a => a.AgentId).Distinct().Count(), Previous = 0 }))
            .Concat(previous.GroupBy(a => 0).Select(g => new ActiveRow { Kind = 2, Key = 0, Name = null, Count = g.Select(a => a.AgentId).Distinct().Count(), Previous = 0 }))
            // The tag is stored as text: its number is spelled out so the key stays an integer in every part of the UNION.
            .Concat(current.GroupBy(a => a.Mission).Select(g => new ActiveRow
            {
                Kind = 3,
                Key = g.Key == MissionTag.Transparansi ? (int)MissionTag.Transparansi : g.Key == MissionTag.Partisipasi ? (int)MissionTag.Partisipasi : (int)MissionTag.Kolaborasi,
                Name = null,
                Count = g.Select(a => a.AgentId).Distinct().Count(),
                Previous = 0,
            }))
            .Concat(current.GroupBy(a => a.UnitId).Select(g => new ActiveRow { Kind = 4, Key = g.Key, Name = null, Count = g.Select(a => a.AgentId).Distinct().Count(), Previous = 0 }));
    }

    internal sealed class LateReading
    {
        public bool Current { get; init; }
        public int? UnitId { get; init; }
        public int MessageId { get; init; }
        public long? Reach { get; init; }
        public long? Views { get; init; }
        public long? Comments { get; init; }
        public long? Reposts { get; init; }
        public long? Saves { get; init; }
        public long? AllReach { get; init; }
        public long? AllViews { get; init; }
        public long? AllComments { get; init; }
        public long? AllReposts { get; init; }
        public long? AllSaves { get; init; }
    }

    /// <summary>
    /// The verified reports of the windows with a reading taken after their window's evidence deadline: per report the
    /// strongest reading before the deadline (the summary's) and over all readings (the aggregates'), so the difference
    /// can be taken out of the aggregates' sums. <paramref name="checkCurrent"/>/<paramref name="checkPrevious"/> leave
    /// out a window whose deadline has not come (no reading can be dated after it yet).
    /// </summary>
    internal static IQueryable<LateReading> LateReadingsQuery(AppDbContext db, RewardRules rules, Windows w, bool checkCurrent, bool checkPrevious)
    {
        long self = rules.EvidencePercent(MetricSource.SelfReported), shot = rules.EvidencePercent(MetricSource.Screenshot),
            csv = rules.EvidencePercent(MetricSource.CsvImport), counter = rules.EvidencePercent(MetricSource.PublicCounter),
            api = rules.EvidencePercent(MetricSource.ApiVerified);
        const long scale = EvidenceKey.Scale;
        DateTime cs = w.Cs, ce = w.Ce, cu = w.Cu, ps = w.Ps, pe = w.Pe, pu = w.Pu;
        var earliest = checkCurrent && checkPrevious ? (cu < pu ? cu : pu) : checkCurrent ? cu : pu;
        // Each report's latest reading time from one ordered pass over the (ReportId, TakenUtc) index, kept when it is
        // past a deadline, then joined to its report. Testing every verified report of the windows for a late reading
        // instead costs one index probe per report (1.5 s for 340,000 on SQLite).
        var latest = db.ReportSnapshots.AsNoTracking()
            .GroupBy(s => s.ReportId)
            .Select(g => new { ReportId = g.Key, Last = g.Max(s => s.TakenUtc) })
            .Where(x => x.Last >= earliest);
        var reports =
            from l in latest
            join r in db.ShareReports.AsNoTracking() on l.ReportId equals r.Id
            where r.State == ReportState.Verified
                && ((checkCurrent && r.PostedUtc >= cs && r.PostedUtc < ce && l.Last >= cu)
                    || (checkPrevious && r.PostedUtc >= ps && r.PostedUtc < pe && l.Last >= pu))
            select r;
        return
            from r in reports
            join s in db.ReportSnapshots on r.Id equals s.ReportId
            let counts = s.TakenUtc < (r.PostedUtc >= cs ? cu : pu)
            let pct = (s.Source == MetricSource.SelfReported ? self : s.Source == MetricSource.Screenshot ? shot
                : s.Source == MetricSource.CsvImport ? csv : s.Source == MetricSource.PublicCounter ? counter : api) * scale
            group new { s, pct, counts } by new { r.Id, r.MessageId, r.UnitId, r.PostedUtc } into g
            select new LateReading
            {
                Current = g.Key.PostedUtc >= cs,
                UnitId = g.Key.UnitId,
                MessageId = g.Key.MessageId,
                Reach = g.Max(x => !x.counts || x.s.Reach == null ? null : x.pct + x.s.Reach) % scale,
                Views = g.Max(x => !x.counts || x.s.Views == null ? null : x.pct + x.s.Views) % scale,
                Comments = g.Max(x => !x.counts || x.s.Comments == null ? null : x.pct + x.s.Comments) % scale,
                Reposts = g.Max(x => !x.counts || x.s.Reposts == null ? null : x.pct + x.s.Reposts) % scale,
                Saves = g.Max(x => !x.counts || x.s.Saves == null ? null : x.pct + x.s.Saves) % scale,
                AllReach = g.Max(x => x.s.Reach == null ? null : x.pct + x.s.Reach) % scale,
                AllViews = g.Max(x => x.s.Views == null ? null : x.pct + x.s.Views) % scale,
                AllComments = g.Max(x => x.s.Comments == null ? null : x.pct + x.s.Comments) % scale,
                AllReposts = g.Max(x => x.s.Reposts == null ? null : x.pct + x.s.Reposts) % scale,
                AllSaves = g.Max(x => x.s.Saves == null ? null : x.pct + x.s.Saves) % scale,
            };
    }

    /// <summary>A reading can be dated after <paramref name="deadlineUtc"/> only once it has (nearly) come: readings are never dated more than a day ahead.</summary>
    private bool Reached(DateTime deadlineUtc) => clock.GetUtcNow().UtcDateTime.AddDays(1) >= deadlineUtc;

    private async Task<SourceData> FromAggregatesAsync(SummaryPeriods periods, Windows w, CancellationToken ct)
    {
        var period = periods.Current;
        var previous = periods.Previous;
        // No previous period: an empty range of days before the current one.
        DateOnly cFrom = period.StartDate, cTo = period.EndDate;
        DateOnly pFrom = previous?.StartDate ?? cFrom, pTo = previous?.EndDate ?? cFrom.AddDays(-1);

        var sums = await ShareSumsQuery(db, cFrom, cTo, pFrom, pTo).ToListAsync(ct);
        var responses = await ResponseSumsQuery(db, cFrom, cTo, pFrom, pTo).ToListAsync(ct);
        var agentRows = await AgentsQuery(db, w, cFrom, cTo, previous?.StartDate, previous?.EndDate).ToListAsync(ct);
        var enrolled = agentRows.Where(a => a.Kind == 0).Select(a => new EnrolledRow(a.Key == 0 ? null : a.Key, a.Name, a.Count, a.Previous)).ToList();
        bool checkCurrent = Reached(w.Cu), checkPrevious = previous is not null && Reached(w.Pu);
        var late = checkCurrent || checkPrevious ? await LateReadingsQuery(db, periods.Rules, w, checkCurrent, checkPrevious).ToListAsync(ct) : [];

        var groups = new Dictionary<(bool, int, int), ShareFigures.Group>();
        // Clicks are filed under the clicking agent's unit, which may have no report: they count per mission only.
        var clicks = sums.GroupBy(s => (s.Current, s.Mission))
            .Select(g => new ShareFigures.ClickRow(g.Key.Current, g.Key.Mission, g.Sum(s => s.Clicks), g.Sum(s => s.Visitors))).ToList();
        foreach (var s in sums.Where(s => s.Reports > 0))
        {
            groups[(s.Current, s.UnitId, s.MessageId)] = new ShareFigures.Group
            {
                Current = s.Current, Mission = s.Mission, MessageId = s.MessageId, UnitId = s.UnitId == 0 ? null : s.UnitId, UnitName = s.UnitName,
                Reports = s.Reports, Verified = s.Verified, Rejected = s.Rejected, Pending = s.Pending, Flagged = s.Flagged, Corrected = s.Corrected,
                Reach = s.Reach, Views = s.Views, Comments = s.Comments, Reposts = s.Reposts, Saves = s.Saves,
            };
        }
        foreach (var l in late)
        {
            if (!groups.TryGetValue((l.Current, l.UnitId ?? 0, l.MessageId), out var g)) continue;
            g.Reach += (l.Reach ?? 0) - (l.AllReach ?? 0);
            g.Views += (l.Views ?? 0) - (l.AllViews ?? 0);
            g.Comments += (l.Comments ?? 0) - (l.AllComments ?? 0);
            g.Reposts += (l.Reposts ?? 0) - (l.AllReposts ?? 0);
            g.Saves += (l.Saves ?? 0) - (l.AllSaves ?? 0);
        }

        var active = new ActiveCounts(
            agentRows.Where(a => a.Kind == 1).Sum(a => a.Count),
            agentRows.Where(a => a.Kind == 2).Sum(a => a.Count),
            agentRows.Where(a => a.Kind == 3).ToDictionary(a => (MissionTag)a.Key, a => a.Count),
            agentRows.Where(a => a.Kind == 4).ToDictionary(a => a.Key, a => a.Count));
        return new SourceData([.. groups.Values], clicks, responses, enrolled, active);
    }

    // ---- From the raw rows ----------------------------------------------------------------------------------------

    /// <summary>
    /// One row per report with its strongest readings, streamed on a connection of its own while the other queries run
    /// on this one, and summed here: report figures per (period, mission, unit, message) and the active agents (distinct,
    /// so counted per grouping: per period, per mission and per unit of the current one).
    /// </summary>
    private async Task<SourceData> FromRawAsync(RewardRules rules, Windows w, CancellationToken ct)
    {
        DateTime cs = w.Cs, ce = w.Ce, cu = w.Cu, ps = w.Ps, pe = w.Pe, pu = w.Pu;
        IQueryable<ShareReport> Reports(AppDbContext context) => context.ShareReports.AsNoTracking()
            .Where(r => (r.PostedUtc >= cs && r.PostedUtc < ce) || (r.PostedUtc >= ps && r.PostedUtc < pe));

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

        // Tracked-link clicks and unique visitors per link, summed per (period, mission); public responses per (period, mission, kind).
        var clicks = await ShareFigures.Clicks(db, cs, ce, ps, pe).ToListAsync(ct);
        var responses = await ShareFigures.Responses(db, db.PublicResponses.Where(x => (x.RecordedUtc >= cs && x.RecordedUtc < ce) || (x.RecordedUtc >= ps && x.RecordedUtc < pe)), cs)
            .ToListAsync(ct);
        var enrolled = await EnrolledAsync(w, ct);

        var (groups, activeRows) = await figuresTask;
        var current = activeRows.Where(a => a.Current).ToList();
        var active = new ActiveCounts(
            current.Select(a => a.AgentId).Distinct().Count(),
            activeRows.Where(a => !a.Current).Select(a => a.AgentId).Distinct().Count(),
            current.GroupBy(a => a.Mission).ToDictionary(g => g.Key, g => g.Select(a => a.AgentId).Distinct().Count()),
            current.GroupBy(a => a.UnitId ?? 0).ToDictionary(g => g.Key, g => g.Select(a => a.AgentId).Distinct().Count()));
        return new SourceData(groups, clicks, responses, enrolled, active);
    }

    // ---- Assembly (in memory, over small grouped rows) ------------------------------------------------------------

    private static FigureSet Assemble(SummaryPeriods periods, SourceData d, DateTime? asOf)
    {
        var (groups, clicks, responses, enrolled) = (d.Groups, d.Clicks, d.Responses, d.Enrolled);
        var period = periods.Current;
        var previous = periods.Previous;

        SummaryKeyFigures Figures(bool current, SummaryPeriodRow row)
        {
            var g = groups.Where(x => x.Current == current).ToList();
            var enrolledCount = enrolled.Sum(e => current ? e.Current : e.Previous);
            var active = current ? d.Active.Current : d.Active.Previous;
            var reportCount = g.Sum(x => x.Reports);
            var verifiedCount = g.Sum(x => x.Verified);
            var hasRun = row.RunId is not null;
            return new SummaryKeyFigures(enrolledCount, active, SummaryModelHandler.Rate(active, enrolledCount), reportCount, verifiedCount,
                SummaryModelHandler.Rate(verifiedCount, reportCount), g.Sum(x => x.Reach), g.Sum(x => x.Views),
                clicks.Where(c => c.Current == current).Sum(c => c.Clicks), clicks.Where(c => c.Current == current).Sum(c => c.Visitors),
                responses.Where(r => r.Current == current).Sum(r => r.Count),
                hasRun, hasRun && (row.RunApprovedUtc is null || row.State is not (PeriodState.Approved or PeriodState.Closed)),
                hasRun ? row.Recognised ?? 0 : null, hasRun ? row.Recommendations ?? 0 : null, hasRun ? row.IncentiveTotal ?? 0 : null);
        }

        var currentFigures = Figures(true, period);
        var previousFigures = previous is null ? null : Figures(false, previous);

        var missionFigures = Enum.GetValues<MissionTag>().Select(tag =>
        {
            var g = groups.Where(x => x.Current && x.Mission == tag).ToList();
            var c = clicks.Where(x => x.Current && x.Mission == tag).ToList();
            var r = responses.Where(x => x.Current && x.Mission == tag).ToList();
            return new MissionFigures(tag, tag.Label(), [.. tag.Kpis().Select(k => k.Label())],
                g.Sum(x => x.Reports), g.Sum(x => x.Verified), d.Active.ByMission.GetValueOrDefault(tag),
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
            var active = d.Active.ByUnit.GetValueOrDefault(id ?? 0);
            return new UnitFigures(id, id is { } u ? names.GetValueOrDefault(u, "") : SummaryModelHandler.NoUnit, enrolledCount, active,
                SummaryModelHandler.Rate(active, enrolledCount), g.Sum(x => x.Reports), g.Sum(x => x.Verified), g.Sum(x => x.Reach));
        })
        .OrderByDescending(u => u.CumulativeReach).ThenBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();

        var dialogic = ShareFigures.Dialogic(responses.Where(r => r.Current).Select(x => (x.Kind, x.Count, x.Closed, x.Open)));
        var figures = new SummaryFigures(SummaryModelHandler.Describe(period), previous is null ? null : SummaryModelHandler.Describe(previous),
            currentFigures, previousFigures, SummaryModelHandler.KeyFigureRows(currentFigures, previousFigures), missionFigures, units, dialogic,
            periods.Notes, asOf);
        return new FigureSet(figures, groups);
    }
}

/// <summary>The day-bit condition of <see cref="AgentActivity"/> or <see cref="AgentYearActivity"/> rows for a date range, as a query expression.</summary>
internal static class DayBitsQuery
{
    /// <summary>(Year = y AND (D0 &amp; m0 | … | D5 &amp; m5) &lt;&gt; 0) OR … for each year of the range.</summary>
    public static System.Linq.Expressions.Expression<Func<T, bool>> InRange<T>(DateOnly from, DateOnly to) where T : DayBitRow
    {
        System.Linq.Expressions.Expression<Func<T, bool>>? any = null;
        for (var y = from.Year; y <= to.Year; y++)
        {
            // A fresh variable per year: the lambda captures it.
            var year = y;
            var m = DayBits.Mask(year, from, to);
            long m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5];
            System.Linq.Expressions.Expression<Func<T, bool>> one = x => x.Year == year
                && ((x.D0 & m0) | (x.D1 & m1) | (x.D2 & m2) | (x.D3 & m3) | (x.D4 & m4) | (x.D5 & m5)) != 0;
            any = any is null ? one : Or(any, one);
        }
        return any ?? (x => false);
    }

    public static System.Linq.Expressions.Expression<Func<AgentActivity, bool>> InRange(DateOnly from, DateOnly to) => InRange<AgentActivity>(from, to);

    private static System.Linq.Expressions.Expression<Func<T, bool>> Or<T>(
        System.Linq.Expressions.Expression<Func<T, bool>> a, System.Linq.Expressions.Expression<Func<T, bool>> b)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.OrElse(a.Body, body), a.Parameters);
    }

    private sealed class Rebind(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
