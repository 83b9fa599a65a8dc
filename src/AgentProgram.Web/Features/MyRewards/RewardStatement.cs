using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.MyRewards;

/// <summary>The period as a statement heads it. Not yet approved (or closed): the figures are provisional.</summary>
public sealed record StatementPeriod(int Id, string Name, DateOnly StartDate, DateOnly EndDate, PeriodState State)
{
    public bool IsProvisional => State is not (PeriodState.Approved or PeriodState.Closed);
}

/// <summary>One share on the statement with what the report says about it.</summary>
public sealed record StatementRow(StatementLine Line, string MessageTitle, Platform? Platform, DateTime? PostedUtc);

/// <param name="Position">The unit's place among units ranked by average score per ranked agent (ties share a place).</param>
public sealed record UnitStanding(string UnitName, int Position, int Units, decimal AverageScore, int RankedAgents);

/// <summary>Everything one agent's statement shows for one period.</summary>
public sealed record StatementPage(
    StatementPeriod Period, RewardResult Result, int Ranked, int RankedInUnit, decimal ParticipationPercent,
    IReadOnlyList<OutcomeExplanation> Outcomes, UnitStanding? Unit, IReadOnlyList<StatementRow> Rows, long IncentiveTotal, bool WithholdConduct = false)
{
    public string? RankBand => Result.TopPercent is { } top ? OutcomeExplanations.RankBand(top) : null;

    /// <summary>The reasons (localizer keys); disciplinary and neutrality ones become one generic reason when <see cref="WithholdConduct"/>.</summary>
    public IReadOnlyList<string> IneligibleReasons => WithholdConduct
        ? [.. OutcomeExplanations.ReasonsOf(Result.Ineligible)
            .Select(r => r is OutcomeExplanations.ReasonDisciplinary or OutcomeExplanations.ReasonNeutrality ? MyRewardsHandler.ConductReasonWithheld : r).Distinct()]
        : OutcomeExplanations.ReasonsOf(Result.Ineligible);
}

/// <summary>The agent's own statement (agent pages) or any agent's (officer page): the name is shown only on the officer page.</summary>
public sealed record OfficerStatementPage(int AgentId, string AgentName, string? UnitName, StatementPage Statement);

/// <summary>Status texts of the statement lines (localizer keys).</summary>
public static class StatementLabels
{
    public static string Status(LineStatus status) => status switch
    {
        LineStatus.Counted => I18n.Key("Dihitung"),
        LineStatus.NotVerified => I18n.Key("Belum diverifikasi"),
        LineStatus.Rejected => I18n.Key("Ditolak (masih bisa diperbaiki)"),
        LineStatus.RejectedFinal => I18n.Key("Ditolak — pengurangan poin"),
        LineStatus.CapPerMessage => I18n.Key("Batas per pesan tercapai"),
        LineStatus.CapPerDay => I18n.Key("Batas per hari tercapai"),
        LineStatus.CapPerPeriod => I18n.Key("Batas per periode tercapai"),
        LineStatus.OutsidePeriod => I18n.Key("Diunggah di luar periode"),
        _ => status.ToString(),
    };

    public static string Badge(LineStatus status) => status switch
    {
        LineStatus.Counted => "text-bg-success",
        LineStatus.NotVerified => "text-bg-secondary",
        LineStatus.RejectedFinal => "text-bg-danger",
        _ => "text-bg-warning",
    };
}

/// <summary>
/// Builds a statement from the stored run: the result row, its decoded lines with the reports'
/// details, the outcomes explained against the run's scheme version, and the unit's standing.
/// Always addressed by (period, agent): callers decide whose agent id that is.
/// </summary>
public sealed class RewardStatementHandler(AppDbContext db)
{
    public async Task<StatementPage?> LoadAsync(int periodId, int agentId, CancellationToken ct = default)
    {
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId && p.CurrentRunId != null)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate, p.State, RunId = p.CurrentRunId!.Value })
            .SingleOrDefaultAsync(ct);
        if (period is null) return null;
        var result = await db.RewardResults.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == period.RunId && r.AgentId == agentId, ct);
        if (result is null) return null;
        var run = await db.RewardRuns.AsNoTracking().Where(r => r.Id == period.RunId)
            .Select(r => new { r.Eligible, r.IncentiveTotal, Rules = db.RewardSchemeVersions.Where(v => v.Id == r.SchemeVersionId).Select(v => v.RulesJson).Single() })
            .SingleAsync(ct);
        var rules = RewardRules.FromJson(run.Rules);

        // Ranked results' units and scores: a small projection, averaged here so it works on either provider.
        var ranked = await db.RewardResults.AsNoTracking().Where(r => r.RunId == period.RunId && r.Rank != null)
            .Select(r => new { r.UnitId, r.Score }).ToListAsync(ct);
        var standing = await UnitStandingAsync(result.UnitId, [.. ranked.Select(r => (r.UnitId, r.Score))], ct);
        var rankedInUnit = result.UnitId is null ? 0 : ranked.Count(r => r.UnitId == result.UnitId);

        var lines = StatementLines.Decode(result.Lines);
        var ids = lines.Select(l => l.ReportId).Distinct().ToList();
        var reports = await (from r in db.ShareReports.AsNoTracking()
                             where ids.Contains(r.Id) && r.AgentId == agentId
                             join m in db.PolicyMessages.AsNoTracking() on r.MessageId equals m.Id
                             select new { r.Id, m.Title, r.Platform, r.PostedUtc }).ToDictionaryAsync(r => r.Id, ct);
        var rows = lines.Select(l => reports.TryGetValue(l.ReportId, out var r)
            ? new StatementRow(l, r.Title, r.Platform, r.PostedUtc)
            : new StatementRow(l, "", null, null)).ToList();

        return new StatementPage(
            new StatementPeriod(period.Id, period.Name, period.StartDate, period.EndDate, period.State),
            result, run.Eligible, rankedInUnit, RewardEngine.ParticipationPercent(result),
            OutcomeExplanations.Explain(result, rules, run.Eligible), standing, rows, run.IncentiveTotal);
    }

    /// <summary>Units ranked by the average score of their ranked agents (1, 2, 2, 4); agents without a unit are left out.</summary>
    internal static (int Position, int Units, decimal Average, int Agents)? Standing(int? unitId, IReadOnlyList<(int? UnitId, decimal Score)> ranked)
    {
        if (unitId is null) return null;
        var units = ranked.Where(r => r.UnitId is not null).GroupBy(r => r.UnitId!.Value)
            .Select(g => (Unit: g.Key, Average: Math.Round(g.Average(x => x.Score), 2, MidpointRounding.AwayFromZero), Agents: g.Count()))
            .OrderByDescending(u => u.Average).ThenBy(u => u.Unit).ToList();
        var index = units.FindIndex(u => u.Unit == unitId);
        if (index < 0) return null;
        var mine = units[index];
        var position = units.FindIndex(u => u.Average == mine.Average) + 1;
        return (position, units.Count, mine.Average, mine.Agents);
    }

    private async Task<UnitStanding?> UnitStandingAsync(int? unitId, IReadOnlyList<(int? UnitId, decimal Score)> ranked, CancellationToken ct)
    {
        if (Standing(unitId, ranked) is not { } s) return null;
        var name = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) ?? "";
        return new UnitStanding(name, s.Position, s.Units, s.Average, s.Agents);
    }
}
