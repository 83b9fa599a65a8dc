using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>The reward period the home pages report on.</summary>
/// <param name="ContainsToday">Today falls inside it (its figures are still growing).</param>
public sealed record ReportingPeriod(int Id, string Name, DateOnly Start, DateOnly End, PeriodState State, int SchemeId, bool ContainsToday)
{
    public PeriodWindow Window(TimeZoneInfo zone) => new(Start, End, zone);
}

/// <summary>The window participation is counted in: a reward period, or the last 30 days when there is none.</summary>
/// <param name="Period">Null for the last 30 days.</param>
public sealed record ParticipationWindow(ReportingPeriod? Period, DateOnly Start, DateOnly End, DateTime StartUtc, DateTime EndUtc)
{
    public const int RollingDays = 30;
}

/// <summary>One unit's participation: agents enrolled during the window (by the employee's unit) and agents with a verified share posted in it (by the unit on the report), as the Ringkasan Pimpinan counts them.</summary>
/// <param name="UnitName">"Tanpa unit" for agents or reports without one.</param>
public sealed record UnitParticipation(int? UnitId, string UnitName, int Enrolled, int Active)
{
    /// <summary>Active ÷ enrolled × 100, two decimals; null when nobody is enrolled (the summary's rounding).</summary>
    public decimal? Rate => SummaryModelHandler.Rate(Active, Enrolled);
}

/// <summary>A message agents are sharing now (published, inside its active window) with its assignments to active agents.</summary>
/// <param name="DueUtc">The latest due date of its assignments.</param>
/// <param name="NotReported">Assignments without any share report yet.</param>
public sealed record OpenMessage(int MessageId, string Title, DateTime DueUtc, DateTime ActiveUntilUtc, int Assigned, int NotReported);

/// <summary>
/// The set-based queries the home dashboards and the recap share, one statement each. Definitions follow the Ringkasan
/// Pimpinan (<see cref="SummaryModelHandler"/>): enrolled = enrolled before the window's end and not ended before its
/// start; active = at least one verified share posted inside the window (read from the stored aggregates, so up to a
/// refresh old).
/// </summary>
public static class HomeFigures
{
    /// <summary>
    /// The period whose dates contain <paramref name="today"/> (the latest starting, if several schemes overlap),
    /// else the latest calculated, approved or closed one; null when there is neither.
    /// </summary>
    public static Task<ReportingPeriod?> CurrentPeriodAsync(AppDbContext db, DateOnly today, CancellationToken ct = default) =>
        CurrentPeriodQuery(db, today).FirstOrDefaultAsync(ct);

    internal static IQueryable<ReportingPeriod> CurrentPeriodQuery(AppDbContext db, DateOnly today) =>
        Reportable(db, today)
            .Select(p => new ReportingPeriod(p.Id, p.Name, p.StartDate, p.EndDate, p.State, p.SchemeId, p.StartDate <= today && p.EndDate >= today));

    private static IQueryable<RewardPeriod> Reportable(AppDbContext db, DateOnly today) =>
        db.RewardPeriods.AsNoTracking()
            .Where(p => (p.StartDate <= today && p.EndDate >= today) || p.State != PeriodState.Open)
            .OrderByDescending(p => p.StartDate <= today && p.EndDate >= today)
            .ThenByDescending(p => p.StartDate <= today && p.EndDate >= today ? p.StartDate : p.EndDate)
            .ThenByDescending(p => p.Id);

    /// <summary>The reporting period (<see cref="CurrentPeriodAsync"/>) and when the stored aggregates were last refreshed.</summary>
    public sealed record Head(ReportingPeriod? Period, DateTime? RefreshedUtc);

    internal sealed class HeadRow
    {
        public int? Id { get; init; }
        public string? Name { get; init; }
        public DateOnly? Start { get; init; }
        public DateOnly? End { get; init; }
        public PeriodState? State { get; init; }
        public int? SchemeId { get; init; }
        public DateTime? RefreshedUtc { get; init; }
    }

    /// <summary>The aggregates' one state row with the reporting period beside it (scalar subqueries): one statement.</summary>
    internal static IQueryable<HeadRow> HeadQuery(AppDbContext db, DateOnly today)
    {
        var first = Reportable(db, today).Take(1);
        return db.AggRefreshState.AsNoTracking().Where(s => s.Id == AggregateRefreshState.SingletonId).Select(s => new HeadRow
        {
            Id = first.Select(p => (int?)p.Id).FirstOrDefault(),
            Name = first.Select(p => p.Name).FirstOrDefault(),
            Start = first.Select(p => (DateOnly?)p.StartDate).FirstOrDefault(),
            End = first.Select(p => (DateOnly?)p.EndDate).FirstOrDefault(),
            State = first.Select(p => (PeriodState?)p.State).FirstOrDefault(),
            SchemeId = first.Select(p => (int?)p.SchemeId).FirstOrDefault(),
            RefreshedUtc = s.LastRefreshedUtc,
        });
    }

    public static async Task<Head> HeadAsync(AppDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await HeadQuery(db, today).FirstOrDefaultAsync(ct);
        if (row?.Id is not { } id) return new Head(null, row?.RefreshedUtc);
        var (start, end) = (row.Start!.Value, row.End!.Value);
        return new Head(new ReportingPeriod(id, row.Name!, start, end, row.State!.Value, row.SchemeId!.Value, start <= today && end >= today), row.RefreshedUtc);
    }

    /// <summary>The period's window, or the last <see cref="ParticipationWindow.RollingDays"/> local days up to today.</summary>
    public static ParticipationWindow WindowOf(ReportingPeriod? period, DateOnly today, TimeZoneInfo zone)
    {
        var start = period?.Start ?? today.AddDays(1 - ParticipationWindow.RollingDays);
        var end = period?.End ?? today;
        var window = new PeriodWindow(start, end, zone);
        return new ParticipationWindow(period, start, end, window.StartUtc, window.EndUtc);
    }

    internal sealed class UnitCount
    {
        public int Kind { get; init; }
        public int UnitId { get; init; }
        public string? UnitName { get; init; }
        public int Count { get; init; }
    }

    /// <summary>
    /// Enrolled and active agents per unit in one statement, ranked (<see cref="Rank"/>): enrolled from the agents,
    /// active from the stored aggregates (the agents' day bits). <paramref name="units"/> limits it to those units (a
    /// unit and its sub-units).
    /// </summary>
    public static async Task<IReadOnlyList<UnitParticipation>> ParticipationAsync(AppDbContext db, ParticipationWindow window,
        IReadOnlyCollection<int>? units = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var rows = await ParticipationQuery(db, window.Start, window.End, window.StartUtc, window.EndUtc, units).ToListAsync(ct);
        return Rank(rows.GroupBy(r => r.UnitId)
            .Select(g => new UnitParticipation(g.Key == 0 ? null : g.Key, g.Key == 0 ? SummaryModelHandler.NoUnit : g.Select(r => r.UnitName).FirstOrDefault(n => n is not null) ?? "",
                g.Where(r => r.Kind == 0).Sum(r => r.Count), g.Where(r => r.Kind == 1).Sum(r => r.Count))));
    }

    /// <summary>Enrolled (kind 0, by the employee's unit) and active (kind 1, by the unit on the report) agents per unit (0: none), as one UNION ALL.</summary>
    internal static IQueryable<UnitCount> ParticipationQuery(AppDbContext db, DateOnly from, DateOnly to, DateTime startUtc, DateTime endUtc, IReadOnlyCollection<int>? units)
    {
        var agents = db.Agents.AsNoTracking()
            .Where(a => a.EnrolledUtc < endUtc && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= startUtc));
        var activity = db.AggAgentActivity.AsNoTracking().Where(DayBitsQuery.InRange(from, to));
        if (units is not null)
        {
            agents = agents.Where(a => a.Employee.UnitId != null && units.Contains(a.Employee.UnitId.Value));
            activity = activity.Where(a => units.Contains(a.UnitId));
        }
        var enrolled =
            from a in agents
            group a by new { UnitId = a.Employee.UnitId ?? 0, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null } into g
            select new UnitCount { Kind = 0, UnitId = g.Key.UnitId, UnitName = g.Key.Name, Count = g.Count() };
        var active =
            from x in activity.GroupBy(a => a.UnitId).Select(g => new { UnitId = g.Key, Count = g.Select(a => a.AgentId).Distinct().Count() })
            join u in db.Units on x.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            select new UnitCount { Kind = 1, UnitId = x.UnitId, UnitName = u != null ? u.Name : null, Count = x.Count };
        return enrolled.Concat(active);
    }

    /// <summary>
    /// Units in ranking order: highest rate first (units with nobody enrolled last), then most active, then
    /// name, "Tanpa unit" after named units on a tie; units with neither enrolled nor active agents are left out.
    /// </summary>
    public static IReadOnlyList<UnitParticipation> Rank(IEnumerable<UnitParticipation> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. units.Where(u => u.Enrolled > 0 || u.Active > 0)
            .OrderBy(u => u.Rate is null)
            .ThenByDescending(u => u.Rate)
            .ThenByDescending(u => u.Active)
            .ThenBy(u => u.UnitId is null)
            .ThenBy(u => u.UnitName, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// The messages agents are sharing now, soonest due first, with their assignments to active agents and how many
    /// of those have no share report yet. <paramref name="units"/> limits it to agents of those units.
    /// </summary>
    public static async Task<IReadOnlyList<OpenMessage>> OpenAssignmentsAsync(AppDbContext db, DateTime nowUtc,
        IReadOnlyCollection<int>? units = null, CancellationToken ct = default)
    {
        // The institution-wide list is the same for every officer: read once per OpenMaxAge (every assignment of the
        // active messages is looked at, which grows with the number of agents).
        if (units is null) return await HomeCache.GetAsync(db, "open-assignments", null, nowUtc, OpenMaxAge, () => ReadOpenAsync(db, nowUtc, null, ct));
        return await ReadOpenAsync(db, nowUtc, units, ct);
    }

    /// <summary>How long the institution-wide open assignments are kept.</summary>
    public static readonly TimeSpan OpenMaxAge = TimeSpan.FromSeconds(30);

    private static async Task<IReadOnlyList<OpenMessage>> ReadOpenAsync(AppDbContext db, DateTime nowUtc, IReadOnlyCollection<int>? units, CancellationToken ct)
    {
        var rows = await OpenAssignmentsQuery(db, nowUtc, units).ToListAsync(ct);
        return [.. rows.Select(r => new OpenMessage(r.MessageId, r.Title, r.Due, r.ActiveUntilUtc, r.Assigned, r.NotReported))
            .OrderBy(r => r.DueUtc).ThenBy(r => r.MessageId)];
    }

    internal sealed class OpenRow
    {
        public int MessageId { get; init; }
        public string Title { get; init; } = "";
        public DateTime ActiveUntilUtc { get; init; }
        public DateTime Due { get; init; }
        public int Assigned { get; init; }
        public int NotReported { get; init; }
    }

    /// <summary>Assignments of the active messages to active agents, per message.</summary>
    internal static IQueryable<OpenRow> OpenAssignmentsQuery(AppDbContext db, DateTime nowUtc, IReadOnlyCollection<int>? units)
    {
        var assignments = db.Assignments.AsNoTracking()
            .Where(a => a.Message.Status == MessageStatus.Published && a.Message.ActiveFromUtc <= nowUtc && a.Message.ActiveUntilUtc > nowUtc
                        && a.Agent.Status == AgentStatus.Active);
        if (units is not null) assignments = assignments.Where(a => a.Agent.Employee.UnitId != null && units.Contains(a.Agent.Employee.UnitId.Value));
        return assignments
            .Select(a => new { a.MessageId, a.Message.Title, a.Message.ActiveUntilUtc, a.DueUtc, Missing = db.ShareReports.Any(r => r.AssignmentId == a.Id) ? 0 : 1 })
            .GroupBy(a => new { a.MessageId, a.Title, a.ActiveUntilUtc })
            .Select(g => new OpenRow { MessageId = g.Key.MessageId, Title = g.Key.Title, ActiveUntilUtc = g.Key.ActiveUntilUtc, Due = g.Max(a => a.DueUtc), Assigned = g.Count(), NotReported = g.Sum(a => a.Missing) });
    }
}
