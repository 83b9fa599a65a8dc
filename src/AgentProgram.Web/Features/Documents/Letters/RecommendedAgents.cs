using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>An agent of a run with the person facts the letters print (the unit is the one recorded on the result).</summary>
public sealed record RunAgent(
    int AgentId,
    string Name,
    string Nip,
    string? GolonganCode,
    string? PositionName,
    string? UnitName,
    EmploymentType EmploymentType,
    RewardOutcomes Outcomes,
    decimal Score,
    int? Rank);

public static class RunAgents
{
    /// <summary>
    /// The agents of <paramref name="runId"/> having any of <paramref name="outcomes"/> (only <paramref name="agentId"/>
    /// when given), by rank then name, in one query. PPPK never carry a promotion recommendation here (no pangkat).
    /// </summary>
    public static async Task<List<RunAgent>> LoadAsync(AppDbContext db, int runId, RewardOutcomes outcomes, int? agentId, CancellationToken ct)
    {
        var query = from r in db.RewardResults.AsNoTracking()
                    where r.RunId == runId && (r.Outcomes & outcomes) != RewardOutcomes.None
                    join a in db.Agents on r.AgentId equals a.Id
                    join e in db.Employees on a.EmployeeId equals e.Id
                    select new { r, e };
        if (agentId is { } id) query = query.Where(x => x.r.AgentId == id);
        var rows = await query
            .OrderBy(x => x.r.Rank).ThenBy(x => x.e.Name).ThenBy(x => x.r.AgentId)
            .Select(x => new
            {
                x.r.AgentId, x.e.TitlePrefix, x.e.Name, x.e.TitleSuffix, x.e.Nip, x.e.GolonganCode, x.e.PositionName,
                UnitName = db.Units.Where(u => u.Id == x.r.UnitId).Select(u => u.Name).FirstOrDefault(),
                x.r.EmploymentType, x.r.Outcomes, x.r.Score, x.r.Rank,
            })
            .ToListAsync(ct);
        var list = new List<RunAgent>(rows.Count);
        foreach (var x in rows)
        {
            var flags = x.Outcomes;
            if (x.EmploymentType.IsPppk()) flags &= ~RewardOutcomes.PromotionRecommendation;
            if ((flags & outcomes) == RewardOutcomes.None) continue;
            list.Add(new RunAgent(x.AgentId, DocumentTexts.FullName(x.TitlePrefix, x.Name, x.TitleSuffix), x.Nip, x.GolonganCode,
                x.PositionName, x.UnitName, x.EmploymentType, flags, x.Score, x.Rank));
        }
        return list;
    }
}
