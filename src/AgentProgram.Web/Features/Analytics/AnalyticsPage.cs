using System.Linq.Expressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Features.Units;
using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Charts;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Analytics;

/// <summary>The key figures of the filtered range. <see cref="ActiveAgents"/> and the rate are null when they cannot be counted (see the page's note).</summary>
public sealed record AnalyticsFigures(
    int EnrolledAgents, int? ActiveAgents, int Reports, int Verified, long Reach, long Views, long Comments, long Reposts, long Saves,
    int Clicks, int Visitors, int Responses, int NeedingAnswer, int ClosedInWindow)
{
    public decimal? ParticipationRate => ActiveAgents is { } a ? SummaryModelHandler.Rate(a, EnrolledAgents) : null;

    public decimal? VerifiedRate => SummaryModelHandler.Rate(Verified, Reports);

    public decimal? DialogicRate => SummaryModelHandler.Rate(ClosedInWindow, NeedingAnswer);
}

/// <summary>One message's figures in the range (the per-message comparison).</summary>
public sealed record MessageComparison(int MessageId, string Title, MissionTag Mission, int Reports, int Verified, long Reach, long Views,
    int Clicks, int Visitors, int Responses)
{
    public decimal? VerifiedRate => SummaryModelHandler.Rate(Verified, Reports);
}

/// <summary>A heat-map row: a unit with its sub-units, agents enrolled and active agents per week (null: no agent enrolled, no rate).</summary>
public sealed record HeatMapRow(int UnitId, string UnitName, int Enrolled, IReadOnlyList<int> Active)
{
    /// <summary>
    /// Capped at 100 %: active agents are counted per unit of each report and summed over sub-units, while enrolment is
    /// today's, so an agent who moved (or reported under two units in one week) can push the count past the enrolled.
    /// </summary>
    public decimal? Rate(int week) => SummaryModelHandler.Rate(Math.Min(Active[week], Enrolled), Enrolled);
}

public sealed record HeatMap(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<HeatMapRow> Rows);

public sealed record Choice(string Value, string Label);

public sealed record AnalyticsPage(
    AnalyticsQuery Query,
    DateOnly From,
    DateOnly To,
    string? PeriodName,
    AnalyticsFigures Figures,
    IReadOnlyList<MessageComparison> Messages,
    ChartData MessageChart,
    HeatMap HeatMap,
    IReadOnlyList<Choice> Periods,
    IReadOnlyList<Choice> Units,
    IReadOnlyList<Choice> MessageChoices,
    DateTime? RefreshedUtc,
    bool RangeCut)
{
    public const int ChartMessages = 15;
}

/// <summary>
/// /analitik from the stored aggregates (Domain/Aggregates), in eight statements whatever the range: units, reward
/// periods and messages (the filter lists), the share and response rows summed per message (monthly rows for whole
/// months, daily rows for the edge days), active agents (distinct, from the agents' day bits), enrolled agents per unit, the heat-map weeks. With a
/// message filter, active agents are counted on the message's verified reports instead (the agents' rows carry the
/// mission, not the message): bounded by the (MessageId, State) index. The eighth is the aggregates' refresh time.
/// </summary>
public sealed class AnalyticsHandler(AppDbContext db, Display display, TimeProvider clock)
{
    private sealed class MessageRow
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public MissionTag Mission { get; init; }
    }

    internal sealed class MessageSums
    {
        public int MessageId { get; init; }
        public int Reports { get; init; }
        public int Verified { get; init; }
        public long Reach { get; init; }
        public long Views { get; init; }
        public long Comments { get; init; }
        public long Reposts { get; init; }
        public long Saves { get; init; }
        public int Clicks { get; init; }
        public int Visitors { get; init; }

        /// <summary>Public responses recorded.</summary>
        public int Responses { get; init; }

        /// <summary>Questions and complaints (the dialogic loop's denominator) and those closed within its window.</summary>
        public int Needing { get; init; }
        public int Closed { get; init; }
    }

    public async Task<AnalyticsPage> HandleAsync(AnalyticsQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // 1–3. The filter lists.
        var tree = await UnitTree.LoadAsync(db, ct);
        var periods = await db.RewardPeriods.AsNoTracking().OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate }).ToListAsync(ct);
        var messages = await db.PolicyMessages.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Published || m.Status == MessageStatus.Closed || m.Status == MessageStatus.Withdrawn)
            .OrderByDescending(m => m.ActiveFromUtc).ThenByDescending(m => m.Id)
            .Select(m => new MessageRow { Id = m.Id, Title = m.Title, Mission = m.Mission }).ToListAsync(ct);

        var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
        var period = query.PeriodId is { } pid ? periods.FirstOrDefault(p => p.Id == pid) : null;
        var q = period is null ? query with { PeriodId = null } : query;
        var to = period?.EndDate ?? q.To ?? today;
        var from = period?.StartDate ?? q.From ?? to.AddDays(1 - AnalyticsQuery.DefaultDays);
        if (from > to) (from, to) = (to, from);
        var cut = to.DayNumber - from.DayNumber + 1 > AnalyticsQuery.MaxDays;
        if (cut) from = to.AddDays(1 - AnalyticsQuery.MaxDays);
        var window = new PeriodWindow(from, to, display.Zone);

        IReadOnlyCollection<int>? units = q.UnitId is { } unitId && tree.Find(unitId) is not null ? [.. tree.SelfAndDescendants(unitId)] : null;
        if (units is null) q = q with { UnitId = null };
        var byId = messages.ToDictionary(m => m.Id);
        if (q.MessageId is { } mid && !byId.ContainsKey(mid)) q = q with { MessageId = null };
        // The mission filter as the messages of that mission (the aggregates carry message ids).
        IReadOnlyCollection<int>? ofMission = q.Mission is { } mission ? [.. messages.Where(m => m.Mission == mission).Select(m => m.Id)] : null;

        // 4. Share, click and response rows summed per message: whole calendar months of the range from the monthly
        // rows, the days outside them from the daily rows, in one statement.
        var sums = await MessageSumsQuery(db, from, to, units, q.MessageId, ofMission, q.Platform).ToListAsync(ct);

        // 5. Active agents: distinct over the agents' day bits (or the message's verified reports).
        int active;
        if (q.MessageId is { } one)
        {
            var reports = db.ShareReports.AsNoTracking()
                .Where(r => r.MessageId == one && r.State == ReportState.Verified && r.PostedUtc >= window.StartUtc && r.PostedUtc < window.EndUtc);
            if (units is not null) reports = reports.Where(r => r.UnitId != null && units.Contains(r.UnitId.Value));
            if (q.Platform is { } p) reports = reports.Where(r => r.Platform == p);
            active = await reports.Select(r => r.AgentId).Distinct().CountAsync(ct);
        }
        else
        {
            active = await ActiveAgentsQuery(db, from, to, units, q.Mission, q.Platform).CountAsync(ct);
        }

        // 6. Agents enrolled during the range, per unit (the participation denominator, as the Ringkasan Pimpinan counts it).
        var enrolledByUnit = await EnrolledQuery(db, window.StartUtc, window.EndUtc, units).ToListAsync(ct);

        // 7. The heat map's weeks.
        var firstWeek = DayBits.WeekStart(from);
        var weekQuery = db.AggUnitWeeks.AsNoTracking().Where(w => w.WeekStart >= firstWeek && w.WeekStart <= to);
        if (units is not null) weekQuery = weekQuery.Where(w => units.Contains(w.UnitId));
        var weekRows = await weekQuery.ToListAsync(ct);

        var figures = new AnalyticsFigures(enrolledByUnit.Sum(e => e.Count), active,
            sums.Sum(s => s.Reports), sums.Sum(s => s.Verified), sums.Sum(s => s.Reach), sums.Sum(s => s.Views), sums.Sum(s => s.Comments),
            sums.Sum(s => s.Reposts), sums.Sum(s => s.Saves), sums.Sum(s => s.Clicks), sums.Sum(s => s.Visitors),
            sums.Sum(s => s.Responses), sums.Sum(s => s.Needing), sums.Sum(s => s.Closed));

        var compared = sums.Where(s => byId.ContainsKey(s.MessageId))
            .Select(s =>
            {
                var m = byId[s.MessageId];
                return new MessageComparison(s.MessageId, m.Title, m.Mission, s.Reports, s.Verified, s.Reach, s.Views, s.Clicks, s.Visitors, s.Responses);
            })
            .OrderByDescending(m => m.Verified).ThenByDescending(m => m.Reach).ThenBy(m => m.MessageId).ToList();

        var heat = HeatMapOf(tree, q.UnitId, firstWeek, to, weekRows, enrolledByUnit.ToDictionary(e => e.UnitId, e => e.Count));
        var refreshed = await db.AggRefreshState.AsNoTracking().Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => s.LastRefreshedUtc).SingleOrDefaultAsync(ct);

        return new AnalyticsPage(q, from, to, period?.Name, figures, compared, MessageChart(compared), heat,
            [.. periods.Select(p => new Choice(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))],
            [.. tree.Ordered.Where(u => !u.Unit.IsClosed).Select(u => new Choice(u.Unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('\u00a0', u.Depth * 2) + u.Unit.Name))],
            [.. messages.Select(m => new Choice(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Title))],
            refreshed, cut);
    }

    /// <summary>The calendar months lying wholly inside [from, to] (first day of the first, last day of the last), or null when none does.</summary>
    internal static (DateOnly First, DateOnly Last)? WholeMonths(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : AggregateRefresher.MonthStart(from).AddMonths(1);
        var last = to.AddDays(1).Day == 1 ? to : AggregateRefresher.MonthStart(to).AddDays(-1);
        return first <= last ? (first, last) : null;
    }

    /// <summary>
    /// The rows covering [from, to]: rows of its whole calendar months from <paramref name="months"/>, and the days
    /// before and after them from the daily rows, each as its own date range (one range with a hole in it would read
    /// every daily row between the edges).
    /// </summary>
    private static IQueryable<TSum> Cells<TDaily, TSum>(IQueryable<TDaily> daily, DateOnly from, DateOnly to, IReadOnlyCollection<int>? units,
        int? message, IReadOnlyCollection<int>? messages, Platform? platform, Expression<Func<TDaily, TSum>> fromDaily,
        Func<DateOnly, DateOnly, IQueryable<TSum>> months)
        where TDaily : IDailyCell
    {
        if (WholeMonths(from, to) is not { } whole) return Filter(daily, from, to, units, message, messages, platform).Select(fromDaily);
        var rows = months(whole.First, whole.Last);
        if (from < whole.First) rows = Filter(daily, from, whole.First.AddDays(-1), units, message, messages, platform).Select(fromDaily).Concat(rows);
        if (whole.Last < to) rows = rows.Concat(Filter(daily, whole.Last.AddDays(1), to, units, message, messages, platform).Select(fromDaily));
        return rows;
    }

    /// <summary>
    /// Share, click and response figures summed per message over [from, to], in one statement: a UNION ALL of the
    /// share rows and the response rows (each side's other columns 0), grouped by message. Whole months come from the
    /// monthly rows: per message over all units without a unit filter (a few rows per message), per unit with one.
    /// </summary>
    internal static IQueryable<MessageSums> MessageSumsQuery(AppDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<int>? units,
        int? message, IReadOnlyCollection<int>? messages, Platform? platform)
    {
        Func<DateOnly, DateOnly, IQueryable<MessageSums>> shareMonths = units is null
            ? (f, l) => Filter(db.AggMonthlyMessageShares.AsNoTracking(), f, l, null, message, messages, platform).Select(ShareRow<MonthlyMessageShareFigure>())
            : (f, l) => Filter(db.AggMonthlyShares.AsNoTracking(), f, l, units, message, messages, platform).Select(ShareRow<MonthlyShareFigure>());
        Func<DateOnly, DateOnly, IQueryable<MessageSums>> responseMonths = units is null
            ? (f, l) => Filter(db.AggMonthlyMessageResponses.AsNoTracking(), f, l, null, message, messages, platform).Select(ResponseRow<MonthlyMessageResponseFigure>())
            : (f, l) => Filter(db.AggMonthlyResponses.AsNoTracking(), f, l, units, message, messages, platform).Select(ResponseRow<MonthlyResponseFigure>());
        return Cells(db.AggDailyShares.AsNoTracking(), from, to, units, message, messages, platform, ShareRow<DailyShareFigure>(), shareMonths)
            .Concat(Cells(db.AggDailyResponses.AsNoTracking(), from, to, units, message, messages, platform, ResponseRow<DailyResponseFigure>(), responseMonths))
            .GroupBy(x => x.MessageId).Select(g => new MessageSums
            {
                MessageId = g.Key, Reports = g.Sum(x => x.Reports), Verified = g.Sum(x => x.Verified),
                Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views), Comments = g.Sum(x => x.Comments), Reposts = g.Sum(x => x.Reposts), Saves = g.Sum(x => x.Saves),
                Clicks = g.Sum(x => x.Clicks), Visitors = g.Sum(x => x.Visitors),
                Responses = g.Sum(x => x.Responses), Needing = g.Sum(x => x.Needing), Closed = g.Sum(x => x.Closed),
            });
    }

    private static Expression<Func<T, MessageSums>> ShareRow<T>() where T : ShareCell => x => new MessageSums
    {
        MessageId = x.MessageId, Reports = x.Reports, Verified = x.Verified, Reach = x.Reach, Views = x.Views, Comments = x.Comments,
        Reposts = x.Reposts, Saves = x.Saves, Clicks = x.Clicks, Visitors = x.Visitors,
        Responses = 0, Needing = 0, Closed = 0,
    };

    /// <summary>A response row in the shape of a share row: the dialogic loop counts questions and complaints only.</summary>
    private static Expression<Func<T, MessageSums>> ResponseRow<T>() where T : ResponseCell => x => new MessageSums
    {
        MessageId = x.MessageId, Reports = 0, Verified = 0, Reach = 0L, Views = 0L, Comments = 0L,
        Reposts = 0L, Saves = 0L, Clicks = 0, Visitors = 0,
        Responses = x.Count,
        Needing = x.Kind == ResponseKind.Question || x.Kind == ResponseKind.Complaint ? x.Count : 0,
        Closed = x.Kind == ResponseKind.Question || x.Kind == ResponseKind.Complaint ? x.Closed : 0,
    };

    internal static IQueryable<T> Filter<T>(IQueryable<T> rows, DateOnly from, DateOnly to, IReadOnlyCollection<int>? units,
        int? message, IReadOnlyCollection<int>? messages, Platform? platform)
        where T : IDailyCell
    {
        rows = rows.Where(x => x.Day >= from && x.Day <= to);
        if (units is not null) rows = rows.Where(x => units.Contains(x.UnitId));
        if (message is { } m) rows = rows.Where(x => x.MessageId == m);
        if (messages is not null) rows = rows.Where(x => messages.Contains(x.MessageId));
        if (platform is { } p) rows = rows.Where(x => x.Platform == p);
        return rows;
    }

    /// <summary>
    /// The distinct agents whose day bits meet the range, in the units, mission and platform: one COUNT(DISTINCT) over
    /// a few rows per agent. Without those filters, the agents' year rows (one per agent and year) are counted instead,
    /// distinct only when the range spans two years.
    /// </summary>
    internal static IQueryable<int> ActiveAgentsQuery(AppDbContext db, DateOnly from, DateOnly to, IReadOnlyCollection<int>? units, MissionTag? mission, Platform? platform)
    {
        if (units is null && mission is null && platform is null)
        {
            var years = db.AggAgentYears.AsNoTracking().Where(DayBitsQuery.InRange<AgentYearActivity>(from, to)).Select(a => a.AgentId);
            return from.Year == to.Year ? years : years.Distinct();
        }
        var rows = db.AggAgentActivity.AsNoTracking().Where(DayBitsQuery.InRange(from, to));
        if (units is not null) rows = rows.Where(a => units.Contains(a.UnitId));
        if (mission is { } m) rows = rows.Where(a => a.Mission == m);
        if (platform is { } p) rows = rows.Where(a => a.Platform == p);
        return rows.Select(a => a.AgentId).Distinct();
    }

    internal sealed class UnitCount
    {
        public int UnitId { get; init; }
        public int Count { get; init; }
    }

    /// <summary>Agents enrolled before the range ends and not ended before it starts, per unit (0: none).</summary>
    internal static IQueryable<UnitCount> EnrolledQuery(AppDbContext db, DateTime startUtc, DateTime endUtc, IReadOnlyCollection<int>? units)
    {
        var agents = db.Agents.AsNoTracking()
            .Where(a => a.EnrolledUtc < endUtc && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= startUtc));
        if (units is not null) agents = agents.Where(a => a.Employee.UnitId != null && units.Contains(a.Employee.UnitId.Value));
        return agents.GroupBy(a => a.Employee.UnitId ?? 0).Select(g => new UnitCount { UnitId = g.Key, Count = g.Count() });
    }

    /// <summary>
    /// Rows: the selected unit and each of its sub-units with everything under it, or the top-level units and
    /// "Tanpa unit" without a unit filter. A row's active agents are its units' cells summed.
    /// </summary>
    private static HeatMap HeatMapOf(UnitTree tree, int? unitId, DateOnly firstWeek, DateOnly to, List<UnitWeekActivity> cells, Dictionary<int, int> enrolled)
    {
        var weeks = new List<DateOnly>();
        for (var w = firstWeek; w <= to; w = w.AddDays(7)) weeks.Add(w);
        var index = weeks.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i);
        var groups = new List<(int Id, string Name, IReadOnlySet<int> Units)>();
        if (unitId is { } selected && tree.Find(selected) is { } node)
        {
            groups.Add((node.Id, node.Name, new HashSet<int> { node.Id }));
            foreach (var child in tree.ChildrenOf(selected)) groups.Add((child.Id, child.Name, tree.SelfAndDescendants(child.Id)));
        }
        else
        {
            foreach (var top in tree.Ordered.Where(u => u.Depth == 0)) groups.Add((top.Unit.Id, top.Unit.Name, tree.SelfAndDescendants(top.Unit.Id)));
            groups.Add((0, SummaryModelHandler.NoUnit, new HashSet<int> { 0 }));
        }
        var rows = groups.Select(g =>
        {
            var active = new int[weeks.Count];
            foreach (var c in cells.Where(c => g.Units.Contains(c.UnitId)))
                if (index.TryGetValue(c.WeekStart, out var i)) active[i] += c.ActiveAgents;
            return new HeatMapRow(g.Id, g.Name, g.Units.Sum(u => enrolled.GetValueOrDefault(u)), active);
        }).Where(r => r.Enrolled > 0 || r.Active.Any(a => a > 0)).ToList();
        return new HeatMap(weeks, rows);
    }

    private static ChartData MessageChart(IReadOnlyList<MessageComparison> messages)
    {
        var shown = messages.Take(AnalyticsPage.ChartMessages).ToList();
        return new ChartData(ChartKind.GroupedBar, I18n.Key("Perbandingan pesan"), [.. shown.Select(m => m.Title)],
        [
            new ChartSeriesData(I18n.Key("Laporan sebaran"), [.. shown.Select(m => (double?)m.Reports)]),
            new ChartSeriesData(I18n.Key("Sebaran terverifikasi"), [.. shown.Select(m => (double?)m.Verified)]),
            new ChartSeriesData(I18n.Key("Klik"), [.. shown.Select(m => (double?)m.Clicks)]),
        ])
        {
            Horizontal = true,
            ValueLabel = I18n.Key("jumlah"),
            CategoryLabel = I18n.Key("Pesan"),
            Note = messages.Count > AnalyticsPage.ChartMessages
                ? I18n.Key("Ditampilkan 15 pesan dengan sebaran terverifikasi terbanyak; semua pesan ada di tabel.")
                : null,
        };
    }
}
