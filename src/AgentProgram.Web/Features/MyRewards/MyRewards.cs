using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
/// <remarks>Names are shown only once the period is approved (or closed): for a provisional period Rows is empty.</remarks>
public sealed record LeaderboardPage(StatementPeriod Period, bool Enabled, IReadOnlyList<LeaderRow> Rows)
{
    public bool AwaitingApproval => Enabled && Period.IsProvisional;
}

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

    /// <summary>
    /// The signed-in agent's own periods (at most limit + 1), newest first, with what each card shows as
    /// columns. Scoped by the sign-in, never by the URL; no rows for a user who is not an agent.
    /// </summary>
    public async Task<ExportTable> ExportAsync(string userId, int limit, IStringLocalizer l, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l);
        var page = await ListAsync(userId, ct);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportColumns<MyRewardRow>()
            .Text(l["Periode"], r => r.Period.Name)
            .Text(l["Tanggal"], r => Day(r.Period.StartDate) + " – " + Day(r.Period.EndDate))
            .Text(l["Status"], r => r.Period.IsProvisional ? l["Sementara"] : l["Final"])
            .Number(l["Skor"], r => r.Score)
            .Text(l["Kelompok peringkat"], r => r.RankBand is { } band ? l[band] : l["Tidak diperingkat"])
            .Text(l["Hasil"], r => string.Join("; ", r.Reached.Select(o => l[o].Value)))
            .Table(l["Penghargaan Saya"], page.Rows, limit);
    }

    public async Task<StatementPage?> StatementAsync(string userId, int periodId, CancellationToken ct = default) =>
        await AgentIdAsync(userId, ct) is { } agentId ? await statements.LoadAsync(periodId, agentId, ct) : null;

    /// <summary>
    /// The period's top agents: everyone whose rank is at most <see cref="LeaderboardSize"/>, so a tie at the last
    /// place is never cut. Names only once the period is approved or closed; null when the period has no current run.
    /// </summary>
    public async Task<LeaderboardPage?> LeaderboardAsync(int periodId, CancellationToken ct = default)
    {
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId && p.CurrentRunId != null)
            .Select(p => new { Period = new StatementPeriod(p.Id, p.Name, p.StartDate, p.EndDate, p.State), RunId = p.CurrentRunId!.Value })
            .SingleOrDefaultAsync(ct);
        if (period is null) return null;
        var enabled = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.ShowLeaderboardNames).FirstOrDefaultAsync(ct);
        if (!enabled) return new LeaderboardPage(period.Period, false, []);
        if (period.Period.IsProvisional) return new LeaderboardPage(period.Period, true, []);
        var rows = await (from r in db.RewardResults.AsNoTracking()
                          where r.RunId == period.RunId && r.Rank != null && r.Rank <= LeaderboardSize
                          join a in db.Agents.AsNoTracking() on r.AgentId equals a.Id
                          orderby r.Rank, r.AgentId
                          select new { Rank = r.Rank!.Value, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, Unit = a.Employee.Unit!.Name, r.Score })
                         .ToListAsync(ct);
        return new LeaderboardPage(period.Period, true, [.. rows.Select(r => new LeaderRow(r.Rank,
            new Domain.Employees.Employee { TitlePrefix = r.TitlePrefix, Name = r.Name, TitleSuffix = r.TitleSuffix }.FullName, r.Unit, r.Score))]);
    }

    /// <summary>
    /// The officer's view of any agent's statement, with the agent's name. Disciplinary and neutrality findings are
    /// personnel matters: only Kepegawaian and administrators (and the agent on their own page) see them; Humas and
    /// Pimpinan see a generic reason.
    /// </summary>
    public async Task<OfficerStatementPage?> OfficerStatementAsync(int periodId, int agentId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.UserId, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, Unit = a.Employee.Unit!.Name })
            .SingleOrDefaultAsync(ct);
        if (agent is null || await statements.LoadAsync(periodId, agentId, ct) is not { } statement) return null;
        var name = new Domain.Employees.Employee { TitlePrefix = agent.TitlePrefix, Name = agent.Name, TitleSuffix = agent.TitleSuffix }.FullName;
        var own = agent.UserId is not null && agent.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        var mayReadConduct = own || user.IsInRole(Roles.Kepegawaian) || user.IsInRole(Roles.Administrator);
        return new OfficerStatementPage(agentId, name, agent.Unit, mayReadConduct ? statement : ConductWithheld(statement));
    }

    /// <summary>Shown instead of disciplinary or neutrality findings to readers outside Kepegawaian.</summary>
    public const string ConductReasonWithheld = "Tidak memenuhi syarat kepegawaian (rinciannya pada Bagian Kepegawaian)";

    private static readonly string[] ConductReasons = [OutcomeExplanations.ReasonDisciplinary, OutcomeExplanations.ReasonNeutrality];

    /// <summary>The statement with every disciplinary or neutrality reason replaced by <see cref="ConductReasonWithheld"/>.</summary>
    internal static StatementPage ConductWithheld(StatementPage page)
    {
        var outcomes = page.Outcomes.Select(o => o with { Missing = Withheld(o.Missing) }).ToList();
        return page with { Outcomes = outcomes, WithholdConduct = true };
    }

    private static List<OutcomeText> Withheld(IReadOnlyList<OutcomeText> missing)
    {
        var list = new List<OutcomeText>();
        var withheld = false;
        foreach (var m in missing)
        {
            if (!m.Args.Any(a => a is Domain.Reports.TextKey k && ConductReasons.Contains(k.Key))) list.Add(m);
            else if (!withheld)
            {
                list.Add(OutcomeText.Of(ConductReasonWithheld));
                withheld = true;
            }
        }
        return list;
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
