using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.MyRewards;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>One of the agent's latest share reports, as the home page lists it (links to /laporan-saya/{Id}).</summary>
public sealed record AgentReportLine(long Id, string MessageTitle, Platform Platform, DateTime PostedUtc, ReportState State, string? Reason);

/// <summary>The agent's own result in the period's current run.</summary>
public sealed record AgentPeriodResult(decimal Score, decimal? TopPercent, IneligibleReasons Ineligible)
{
    /// <summary>"10% teratas" … "50% terbawah" (a localizer key), or null when the agent was not ranked.</summary>
    public string? RankBand => Ineligible == IneligibleReasons.None && TopPercent is { } top ? OutcomeExplanations.RankBand(top) : null;
}

/// <summary>
/// Where the agent stands in the current reward period. <see cref="Calculated"/> is false until Humas has
/// calculated the period; <see cref="Result"/> is null when the period is calculated but the agent has no
/// result in it (enrolled after the calculation, for instance).
/// </summary>
public sealed record AgentPeriodStanding(StatementPeriod Period, bool Calculated, AgentPeriodResult? Result);

/// <summary>
/// The Agen dashboard beside Tugas Saya: the latest reports with their verification state and the
/// agent's score and rank band for the current period (null Standing: no reward period exists yet).
/// Everything is read for the signed-in agent's own id only.
/// </summary>
public sealed record AgentHome(IReadOnlyList<AgentReportLine> RecentReports, AgentPeriodStanding? Standing);

/// <summary>One of the agent's open assignments, as the officer's compact "Tugas saya" lists it (links to /tugas/{AssignmentId}).</summary>
public sealed record OpenTaskLine(int AssignmentId, string Title, DateTime DueUtc);

/// <summary>
/// "Tugas saya" below an officer's dashboard when the officer is also an agent: their own open assignments (most
/// urgent first, at most <see cref="AgentHomeHandler.CompactTasks"/>, with the total) and the Agen home model's latest
/// reports (no standing: the compact section leaves it to /penghargaan-saya).
/// </summary>
public sealed record OfficerAgentWork(IReadOnlyList<OpenTaskLine> OpenTasks, int OpenCount, AgentHome Board)
{
    /// <summary>The user holds the Agen role, so the agent pages behind the links are open to them.</summary>
    public bool Links { get; init; } = true;
}

public sealed class AgentHomeHandler(AppDbContext db, Display display, TimeProvider clock)
{
    public const int RecentReportCount = 5;

    /// <summary>Open assignments the compact section lists.</summary>
    public const int CompactTasks = 5;

    /// <summary>The compact "Tugas saya" of an officer who is also an agent: two statements, both on the agent's own id.</summary>
    /// <param name="agent">The signed-in user's own agent record (found from the user id, never from the URL).</param>
    public async Task<OfficerAgentWork> LoadCompactAsync(MyAgent agent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = agent.Status == Domain.Agents.AgentStatus.Active ? await OpenTasksQuery(db, agent.Id, now).ToListAsync(ct) : [];
        var reports = await RecentReportsAsync(agent.Id, ct);
        return new OfficerAgentWork([.. open.Take(CompactTasks).Select(t => new OpenTaskLine(t.AssignmentId, t.Title, t.DueUtc))],
            open.FirstOrDefault()?.Total ?? 0, new AgentHome(reports, null));
    }

    internal sealed class OpenTaskRow
    {
        public int AssignmentId { get; init; }
        public string Title { get; init; } = "";
        public DateTime DueUtc { get; init; }
        public int Total { get; init; }
    }

    /// <summary>The agent's assignments of messages being shared now, most urgent first (as Tugas Saya orders them), each row with the total.</summary>
    internal static IQueryable<OpenTaskRow> OpenTasksQuery(AppDbContext db, int agentId, DateTime nowUtc)
    {
        var open = db.Assignments.AsNoTracking()
            .Where(a => a.AgentId == agentId && a.Message.Status == Domain.Messages.MessageStatus.Published
                && a.Message.ActiveFromUtc <= nowUtc && a.Message.ActiveUntilUtc > nowUtc);
        return open.OrderBy(a => a.DueUtc).ThenBy(a => a.Id).Take(CompactTasks)
            .Select(a => new OpenTaskRow { AssignmentId = a.Id, Title = a.Message.Title, DueUtc = a.DueUtc, Total = open.Count() });
    }

    /// <param name="userId">The signed-in user (the agent was found from it; kept for the caller's symmetry).</param>
    /// <param name="agent">The signed-in user's own agent record: every query below is scoped to its id.</param>
    public async Task<AgentHome> LoadAsync(string userId, MyAgent agent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var reports = await RecentReportsAsync(agent.Id, ct);
        var standing = await StandingAsync(agent.Id, ct);
        return new AgentHome(reports, standing);
    }

    /// <summary>The latest reports, newest submission first (as on Laporan Sebaran Saya), with the message title in the same query.</summary>
    private async Task<List<AgentReportLine>> RecentReportsAsync(int agentId, CancellationToken ct) =>
        await (from r in db.ShareReports.AsNoTracking()
               where r.AgentId == agentId
               join m in db.PolicyMessages.AsNoTracking() on r.MessageId equals m.Id
               orderby r.SubmittedUtc descending, r.Id descending
               select new AgentReportLine(r.Id, m.Title, r.Platform, r.PostedUtc, r.State, r.DecisionReason))
            .Take(RecentReportCount)
            .ToListAsync(ct);

    /// <summary>
    /// The current period: one whose dates contain today (in the institution's time zone), preferring a calculated one
    /// and then the latest start when several overlap; otherwise the latest calculated period. One statement: the
    /// agent's own row of the period's current run is read by scalar subqueries on the (run, agent) unique index.
    /// </summary>
    private async Task<AgentPeriodStanding?> StandingAsync(int agentId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
        var mine = db.RewardResults.AsNoTracking().Where(r => r.AgentId == agentId);
        var period = await db.RewardPeriods.AsNoTracking()
            .Where(p => (p.StartDate <= today && p.EndDate >= today) || p.CurrentRunId != null)
            .OrderByDescending(p => p.StartDate <= today && p.EndDate >= today)
            .ThenByDescending(p => p.CurrentRunId != null)
            .ThenByDescending(p => p.EndDate).ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Name, p.StartDate, p.EndDate, p.State, p.CurrentRunId,
                Score = mine.Where(r => r.RunId == p.CurrentRunId).Select(r => (decimal?)r.Score).FirstOrDefault(),
                TopPercent = mine.Where(r => r.RunId == p.CurrentRunId).Select(r => r.TopPercent).FirstOrDefault(),
                Ineligible = mine.Where(r => r.RunId == p.CurrentRunId).Select(r => (IneligibleReasons?)r.Ineligible).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (period is null) return null;
        var info = new StatementPeriod(period.Id, period.Name, period.StartDate, period.EndDate, period.State);
        var result = period.Score is { } score ? new AgentPeriodResult(score, period.TopPercent, period.Ineligible ?? IneligibleReasons.None) : null;
        return new AgentPeriodStanding(info, period.CurrentRunId is not null, result);
    }
}
