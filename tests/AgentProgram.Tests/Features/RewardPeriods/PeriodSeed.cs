using System.Globalization;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.RewardPeriods;

/// <summary>Schemes, periods, runs and results written straight to the database (no calculation service involved).</summary>
public static class PeriodSeed
{
    private static int _counter;

    public sealed record SeededScheme(int SchemeId, int VersionId, string Name);

    public static async Task<SeededScheme> SchemeAsync(AppFactory app, bool approved = true, string? name = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var scheme = new RewardScheme { Name = name ?? $"Skema Uji {n.ToString(CultureInfo.InvariantCulture)}", CreatedUtc = DateTime.UtcNow };
        var version = new RewardSchemeVersion
        {
            Number = 1, State = approved ? SchemeVersionState.Approved : SchemeVersionState.Draft, RulesJson = RewardRules.Default.ToJson(),
            CreatedUtc = DateTime.UtcNow, ApprovedUtc = approved ? DateTime.UtcNow : null,
        };
        scheme.Versions.Add(version);
        await app.WithDb(async db =>
        {
            db.RewardSchemes.Add(scheme);
            return await db.SaveChangesAsync();
        });
        return new SeededScheme(scheme.Id, version.Id, scheme.Name);
    }

    public static async Task<RewardPeriod> PeriodAsync(AppFactory app, int schemeId, PeriodState state = PeriodState.Open, string? name = null)
    {
        var n = Interlocked.Increment(ref _counter);
        var p = new RewardPeriod
        {
            Name = name ?? $"Periode Uji {n.ToString(CultureInfo.InvariantCulture)}", Kind = PeriodKind.Monthly,
            StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 10, 31), SchemeId = schemeId, State = state, CreatedUtc = DateTime.UtcNow,
        };
        await app.WithDb(async db =>
        {
            db.RewardPeriods.Add(p);
            return await db.SaveChangesAsync();
        });
        return p;
    }

    /// <summary>A run with its results, made the period's current run, the period set Calculated (as the calculation would leave it).</summary>
    public static async Task<RewardRun> RunAsync(AppFactory app, int periodId, int versionId, IReadOnlyList<RewardResult> results, PeriodState state = PeriodState.Calculated) =>
        await app.WithDb(async db =>
        {
            var number = await db.RewardRuns.Where(r => r.PeriodId == periodId).Select(r => (int?)r.Number).MaxAsync() ?? 0;
            var run = new RewardRun
            {
                PeriodId = periodId, Number = number + 1, SchemeVersionId = versionId, ComputedUtc = DateTime.UtcNow, ComputedByUserId = null,
                Agents = results.Count, Eligible = results.Count(r => r.Ineligible == IneligibleReasons.None),
                Recognised = results.Count(r => (r.Outcomes & RewardOutcomes.Recognition) != 0),
                IncentiveTotal = results.Sum(r => r.IncentiveAmount),
                Recommendations = results.Count(r => (r.Outcomes & (RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation | RewardOutcomes.DevelopmentRecommendation)) != 0),
                CountedShares = results.Sum(r => r.CountedShares),
                ResultHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            };
            db.RewardRuns.Add(run);
            await db.SaveChangesAsync();
            foreach (var r in results)
            {
                r.RunId = run.Id;
                db.RewardResults.Add(r);
            }
            var period = await db.RewardPeriods.SingleAsync(p => p.Id == periodId);
            period.CurrentRunId = run.Id;
            period.State = state;
            await db.SaveChangesAsync();
            return run;
        });

    public static RewardResult Result(int agentId, int? rank, decimal score, int? unitId = null, EmploymentType type = EmploymentType.Pns,
        RewardOutcomes outcomes = RewardOutcomes.None, IneligibleReasons ineligible = IneligibleReasons.None, long incentive = 0) => new()
    {
        AgentId = agentId, UnitId = unitId, EmploymentType = type, Ineligible = ineligible, Rank = rank, Score = score,
        Participation = score / 2, Engagement = score / 2, CountedShares = (int)score, Outcomes = outcomes,
        IncentiveTierAmount = incentive, IncentiveAmount = incentive,
    };

    public static Task<RewardPeriod> ReloadAsync(AppFactory app, int id) =>
        app.WithDb(db => db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == id));

    public static string V(RewardPeriod p) => p.Version.ToString(CultureInfo.InvariantCulture);
}
