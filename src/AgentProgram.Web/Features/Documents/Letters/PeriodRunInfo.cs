using AgentProgram.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>A period with its current run: what every reward document needs before it reads the results.</summary>
public sealed record PeriodRunInfo(
    int PeriodId,
    string PeriodName,
    DateOnly Start,
    DateOnly End,
    int RunId,
    int RunNumber,
    DateTime? RunApprovedUtc,
    int Ranked,
    long RunIncentiveTotal,
    string? RulesJson)
{
    /// <summary>The period with its current run, in one query; null when either does not exist.</summary>
    public static Task<PeriodRunInfo?> LoadAsync(AppDbContext db, int periodId, CancellationToken ct) =>
        (from p in db.RewardPeriods.AsNoTracking()
         where p.Id == periodId
         join r in db.RewardRuns on p.CurrentRunId equals r.Id
         select new PeriodRunInfo(
             p.Id, p.Name, p.StartDate, p.EndDate, r.Id, r.Number, r.ApprovedUtc, r.Eligible, r.IncentiveTotal,
             db.RewardSchemeVersions.Where(v => v.Id == r.SchemeVersionId).Select(v => v.RulesJson).FirstOrDefault()))
        .FirstOrDefaultAsync(ct);
}
