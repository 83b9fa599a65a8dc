using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
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
/// The set-based queries the home dashboards and the recap share, one statement each, so that pre-computed
/// aggregates can later replace them in one place. Definitions follow the Ringkasan Pimpinan
/// (<see cref="SummaryModelHandler"/>): enrolled = enrolled before the window's end and not ended before its start;
/// active = at least one verified share posted inside the window.
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
        db.RewardPeriods.AsNoTracking()
            .Where(p => (p.StartDate <= today && p.EndDate >= today) || p.State != PeriodState.Open)
            .OrderByDescending(p => p.StartDate <= today && p.EndDate >= today)
            .ThenByDescending(p => p.StartDate <= today && p.EndDate >= today ? p.StartDate : p.EndDate)
            .ThenByDescending(p => p.Id)
            .Select(p => new ReportingPeriod(p.Id, p.Name, p.StartDate, p.EndDate, p.State, p.SchemeId, p.StartDate <= today && p.EndDate >= today));

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
        public int? UnitId { get; init; }
        public string? UnitName { get; init; }
        public int Count { get; init; }
    }

    /// <summary>
    /// Enrolled and active agents per unit in one statement, ranked (<see cref="Rank"/>). <paramref name="units"/>
    /// limits it to those units (a unit and its sub-units).
    /// </summary>
    public static async Task<IReadOnlyList<UnitParticipation>> ParticipationAsync(AppDbContext db, DateTime startUtc, DateTime endUtc,
        IReadOnlyCollection<int>? units = null, CancellationToken ct = default)
    {
        var rows = await ParticipationQuery(db, startUtc, endUtc, units).ToListAsync(ct);
        return Rank(rows.GroupBy(r => r.UnitId)
            .Select(g => new UnitParticipation(g.Key, g.Key is null ? SummaryModelHandler.NoUnit : g.Select(r => r.UnitName).FirstOrDefault(n => n is not null) ?? "",
                g.Where(r => r.Kind == 0).Sum(r => r.Count), g.Where(r => r.Kind == 1).Sum(r => r.Count))));
    }

    /// <summary>Enrolled (kind 0) and active (kind 1) agents per unit, as one UNION ALL.</summary>
    internal static IQueryable<UnitCount> ParticipationQuery(AppDbContext db, DateTime startUtc, DateTime endUtc, IReadOnlyCollection<int>? units)
    {
        var agents = db.Agents.AsNoTracking()
            .Where(a => a.EnrolledUtc < endUtc && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= startUtc));
        var reports = db.ShareReports.AsNoTracking()
            .Where(r => r.State == ReportState.Verified && r.PostedUtc >= startUtc && r.PostedUtc < endUtc);
        if (units is not null)
        {
            agents = agents.Where(a => a.Employee.UnitId != null && units.Contains(a.Employee.UnitId.Value));
            reports = reports.Where(r => r.UnitId != null && units.Contains(r.UnitId.Value));
        }
        var enrolled =
            from a in agents
            group a by new { a.Employee.UnitId, Name = a.Employee.Unit != null ? a.Employee.Unit.Name : null } into g
            select new UnitCount { Kind = 0, UnitId = g.Key.UnitId, UnitName = g.Key.Name, Count = g.Count() };
        var active =
            from x in reports.Select(r => new { r.UnitId, r.AgentId }).Distinct()
            join u in db.Units on x.UnitId equals u.Id into uj
            from u in uj.DefaultIfEmpty()
            group x by new { x.UnitId, Name = u != null ? u.Name : null } into g
            select new UnitCount { Kind = 1, UnitId = g.Key.UnitId, UnitName = g.Key.Name, Count = g.Count() };
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
