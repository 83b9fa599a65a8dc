using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.MyRewards;

/// <summary>One period on the agent's list of statements.</summary>
public sealed record MyRewardRow(StatementPeriod Period, decimal Score, decimal? TopPercent, bool Eligible, IReadOnlyList<string> Reached)
{
    public string? RankBand => TopPercent is { } top ? OutcomeExplanations.RankBand(top) : null;
}

/// <param name="Enrolled">False when the signed-in Agen has no agent record (nothing to show).</param>
public sealed record MyRewardsPage(bool Enrolled, IReadOnlyList<MyRewardRow> Rows);

/// <summary>A name on the leaderboard: name with titles and unit, never the NIP.</summary>
public sealed record LeaderRow(int Rank, string Name, string? Unit, decimal Score);

/// <param name="Enabled">The institution shows names to agents; when off, Rows is empty.</param>
public sealed record LeaderboardPage(StatementPeriod Period, bool Enabled, IReadOnlyList<LeaderRow> Rows);

/// <summary>
/// The agent's reward pages, always scoped to the signed-in agent: the list of periods with a
/// current run, the statement, and the leaderboard when the institution turns names on.
/// </summary>
public sealed class MyRewardsHandler(AppDbContext db, RewardStatementHandler statements)
{
    public const int LeaderboardSize = 10;

    public async Task<int?> AgentIdAsync(string userId, CancellationToken ct = default) =>
        await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    public async Task<MyRewardsPage> ListAsync(string userId, CancellationToken ct = default)
    {
        if (await AgentIdAsync(userId, ct) is not { } agentId) return new MyRewardsPage(false, []);
        var rows = await (from p in db.RewardPeriods.AsNoTracking()
                          where p.CurrentRunId != null
                          join r in db.RewardResults.AsNoTracking() on p.CurrentRunId equals r.RunId
                          where r.AgentId == agentId
                          join run in db.RewardRuns.AsNoTracking() on r.RunId equals run.Id
                          join v in db.RewardSchemeVersions.AsNoTracking() on run.SchemeVersionId equals v.Id
                          orderby p.StartDate descending, p.Id descending
                          select new { p.Id, p.Name, p.StartDate, p.EndDate, p.State, r.Score, r.TopPercent, r.Ineligible, r.Outcomes, v.RulesJson })
                         .ToListAsync(ct);
        return new MyRewardsPage(true, [.. rows.Select(r => new MyRewardRow(
            new StatementPeriod(r.Id, r.Name, r.StartDate, r.EndDate, r.State), r.Score, r.TopPercent, r.Ineligible == IneligibleReasons.None,
            ReachedLabels(r.Outcomes, r.RulesJson)))]);
    }

    public async Task<StatementPage?> StatementAsync(string userId, int periodId, CancellationToken ct = default) =>
        await AgentIdAsync(userId, ct) is { } agentId ? await statements.LoadAsync(periodId, agentId, ct) : null;

    /// <summary>The period's top agents by rank; null when the period has no current run.</summary>
    public async Task<LeaderboardPage?> LeaderboardAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId && p.CurrentRunId != null)
            .Select(p => new { Period = new StatementPeriod(p.Id, p.Name, p.StartDate, p.EndDate, p.State), RunId = p.CurrentRunId!.Value })
            .SingleOrDefaultAsync(ct);
        if (period is null) return null;
        var enabled = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.ShowLeaderboardNames).FirstOrDefaultAsync(ct);
        if (!enabled) return new LeaderboardPage(period.Period, false, []);
        var rows = await (from r in db.RewardResults.AsNoTracking()
                          where r.RunId == period.RunId && r.Rank != null && r.Rank <= LeaderboardSize
                          join a in db.Agents.AsNoTracking() on r.AgentId equals a.Id
                          orderby r.Rank, r.AgentId
                          select new { Rank = r.Rank!.Value, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, Unit = a.Employee.Unit!.Name, r.Score })
                         .Take(LeaderboardSize).ToListAsync(ct);
        return new LeaderboardPage(period.Period, true, [.. rows.Select(r => new LeaderRow(r.Rank,
            new Domain.Employees.Employee { TitlePrefix = r.TitlePrefix, Name = r.Name, TitleSuffix = r.TitleSuffix }.FullName, r.Unit, r.Score))]);
    }

    /// <summary>The officer's view of any agent's statement, with the agent's name.</summary>
    public async Task<OfficerStatementPage?> OfficerStatementAsync(int periodId, int agentId, CancellationToken ct = default)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, Unit = a.Employee.Unit!.Name })
            .SingleOrDefaultAsync(ct);
        if (agent is null || await statements.LoadAsync(periodId, agentId, ct) is not { } statement) return null;
        var name = new Domain.Employees.Employee { TitlePrefix = agent.TitlePrefix, Name = agent.Name, TitleSuffix = agent.TitleSuffix }.FullName;
        return new OfficerStatementPage(name, agent.Unit, statement);
    }

    /// <summary>The labels (localizer keys) of the outcomes reached, in menu order.</summary>
    internal static IReadOnlyList<string> ReachedLabels(RewardOutcomes outcomes, string rulesJson)
    {
        if (outcomes == RewardOutcomes.None) return [];
        var list = new List<string>();
        if (outcomes.HasFlag(RewardOutcomes.Recognition)) list.Add(OutcomeExplanations.Recognition);
        if (outcomes.HasFlag(RewardOutcomes.Incentive)) list.Add(OutcomeExplanations.Incentive);
        if (outcomes.HasFlag(RewardOutcomes.PromotionRecommendation)) list.Add(OutcomeExplanations.Promotion);
        if (outcomes.HasFlag(RewardOutcomes.StudyRecommendation))
            list.Add(RewardRules.FromJson(rulesJson).Study.Kind == StudyKind.TugasBelajar ? OutcomeExplanations.StudyTugas : OutcomeExplanations.StudyIzin);
        if (outcomes.HasFlag(RewardOutcomes.DevelopmentRecommendation)) list.Add(OutcomeExplanations.Development);
        return list;
    }
}
