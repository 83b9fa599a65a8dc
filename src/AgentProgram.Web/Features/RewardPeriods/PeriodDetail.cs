using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>The results table's filters as they sit in the URL: cari (agent name), unit, layak (ya/tidak), hasil (an outcome), jenis (pns/pppk), hal.</summary>
public sealed record PeriodResultsQuery(string? Search, int? UnitId, bool? Eligible, RewardOutcomes? Outcome, string? Employment, int Page)
{
    public const int PageSize = 50;

    public static PeriodResultsQuery Default { get; } = new(null, null, null, null, null, 1);

    public static PeriodResultsQuery From(string? cari, int? unit, string? layak, string? hasil, string? jenis, int hal) => new(
        string.IsNullOrWhiteSpace(cari) ? null : cari.Trim(),
        unit is > 0 ? unit : null,
        layak switch { "ya" => true, "tidak" => false, _ => null },
        PeriodLabels.OutcomeFromSlug(hasil),
        jenis is PeriodLabels.PnsGroup or PeriodLabels.PppkGroup ? jenis : null,
        Math.Max(1, hal));

    public bool HasFilters => Search is not null || UnitId is not null || Eligible is not null || Outcome is not null || Employment is not null;

    public string Url(int periodId, int? page = null)
    {
        var qb = new QueryBuilder();
        if (Search is { } s) qb.Add("cari", s);
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        if (Eligible is { } e) qb.Add("layak", e ? "ya" : "tidak");
        if (Outcome is { } o) qb.Add("hasil", PeriodLabels.OutcomeSlug(o));
        if (Employment is { } j) qb.Add("jenis", j);
        var n = page ?? Page;
        if (n > 1) qb.Add("hal", n.ToString(CultureInfo.InvariantCulture));
        return $"{PeriodLabels.BasePath}/{periodId.ToString(CultureInfo.InvariantCulture)}{qb.ToQueryString()}";
    }
}

public sealed record PeriodInfo(
    int Id, int Version, string Name, PeriodKind Kind, DateOnly StartDate, DateOnly EndDate, PeriodState State, int SchemeId, string SchemeName,
    int? CurrentRunId, int? SchemeVersionNumber, string? Notes, DateTime CreatedUtc, string? CreatedBy,
    DateTime? ApprovedUtc, string? ApprovedBy, DateTime? ClosedUtc, string? ClosedBy, DateTime? ReopenedUtc, string? ReopenedBy, string? ReopenReason)
{
    public bool IsFrozen => State is PeriodState.Approved or PeriodState.Closed;
}

public sealed record RunRow(int Id, int Number, int SchemeVersionNumber, DateTime ComputedUtc, string? ComputedBy, string ResultHash,
    DateTime? ApprovedUtc, string? ApprovedBy, int Agents, int Eligible, int Recognised, long IncentiveTotal, int Recommendations, int CountedShares);

public sealed record ResultRow(int AgentId, string Name, string? Unit, EmploymentType EmploymentType, bool IsEligible, IneligibleReasons Ineligible,
    int? Rank, decimal Participation, decimal Engagement, decimal Score, int CountedShares, RewardOutcomes Outcomes, long IncentiveAmount);

public sealed record PeriodDetailPage(
    PeriodInfo Period, RunRow? CurrentRun, IReadOnlyList<RunRow> Runs, IReadOnlyList<PeriodAction> Actions,
    PeriodResultsQuery Query, IReadOnlyList<ResultRow> Results, int ResultTotal, int PageCount, UnitTree Units, string? NotesDraft = null,
    StudyKind StudyKind = StudyKind.IzinBelajar, int? NewerVersionNumber = null, int? PendingReports = null)
{
    public bool Can(PeriodAction action) => Actions.Contains(action);
}

/// <summary>The period page: its state and dates, the scheme version used, the runs, and the current run's results with filters.</summary>
public sealed class PeriodDetailHandler(AppDbContext db, Display display)
{
    public static PeriodActor ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.IsInRole(Roles.Humas), user.IsInRole(Roles.Pimpinan), user.IsInRole(Roles.Administrator));
    }

    public async Task<PeriodInfo?> InfoAsync(int id, CancellationToken ct = default)
    {
        var p = await db.RewardPeriods.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var scheme = await db.RewardSchemes.AsNoTracking().Where(s => s.Id == p.SchemeId).Select(s => s.Name).SingleOrDefaultAsync(ct) ?? "";
        var versionId = p.SchemeVersionId
            ?? await db.RewardRuns.AsNoTracking().Where(r => r.Id == p.CurrentRunId).Select(r => (int?)r.SchemeVersionId).SingleOrDefaultAsync(ct);
        var versionNumber = versionId is { } vid
            ? await db.RewardSchemeVersions.AsNoTracking().Where(v => v.Id == vid).Select(v => (int?)v.Number).SingleOrDefaultAsync(ct)
            : null;
        var names = await NamesAsync([p.CreatedByUserId, p.ApprovedByUserId, p.ClosedByUserId, p.ReopenedByUserId], ct);
        return new PeriodInfo(p.Id, p.Version, p.Name, p.Kind, p.StartDate, p.EndDate, p.State, p.SchemeId, scheme, p.CurrentRunId, versionNumber,
            p.Notes, p.CreatedUtc, Name(names, p.CreatedByUserId), p.ApprovedUtc, Name(names, p.ApprovedByUserId), p.ClosedUtc, Name(names, p.ClosedByUserId),
            p.ReopenedUtc, Name(names, p.ReopenedByUserId), p.ReopenReason);
    }

    public async Task<PeriodDetailPage?> LoadAsync(int id, PeriodResultsQuery query, ClaimsPrincipal user, string? notesDraft = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var period = await InfoAsync(id, ct);
        if (period is null) return null;

        var runs = await db.RewardRuns.AsNoTracking().Where(r => r.PeriodId == id).OrderByDescending(r => r.Number).ToListAsync(ct);
        var versionIds = runs.Select(r => r.SchemeVersionId).Distinct().ToList();
        var versionNumbers = await db.RewardSchemeVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var names = await NamesAsync([.. runs.Select(r => r.ComputedByUserId), .. runs.Select(r => r.ApprovedByUserId)], ct);
        var runRows = runs.Select(r => new RunRow(r.Id, r.Number, versionNumbers.GetValueOrDefault(r.SchemeVersionId), r.ComputedUtc, Name(names, r.ComputedByUserId),
            r.ResultHash, r.ApprovedUtc, Name(names, r.ApprovedByUserId), r.Agents, r.Eligible, r.Recognised, r.IncentiveTotal, r.Recommendations, r.CountedShares)).ToList();
        var current = runRows.FirstOrDefault(r => r.Id == period.CurrentRunId);

        var units = await UnitTree.LoadAsync(db, ct);
        var (results, total, pageCount, page) = current is null ? ([], 0, 1, 1) : await ResultsAsync(current.Id, query, units, ct);
        var actions = PeriodWorkflow.Available(ActorOf(user), period.State, current is not null);

        // The study recommendation is tugas belajar or izin belajar as the current run's scheme version says.
        var currentVersionId = runs.FirstOrDefault(r => r.Id == period.CurrentRunId)?.SchemeVersionId;
        var rulesJson = currentVersionId is { } cv
            ? await db.RewardSchemeVersions.AsNoTracking().Where(v => v.Id == cv).Select(v => v.RulesJson).SingleOrDefaultAsync(ct)
            : null;
        var study = rulesJson is null ? StudyKind.IzinBelajar : RewardRules.FromJson(rulesJson).Study.Kind;

        // A period keeps the scheme version of its first calculation; Humas may switch to a newer approved one on recalculation.
        var keptVersionId = await db.RewardPeriods.AsNoTracking().Where(x => x.Id == id).Select(x => x.SchemeVersionId).SingleOrDefaultAsync(ct);
        int? newer = null;
        if (keptVersionId is { } kept && actions.Contains(PeriodAction.Calculate))
        {
            var keptNumber = await db.RewardSchemeVersions.AsNoTracking().Where(v => v.Id == kept).Select(v => v.Number).SingleOrDefaultAsync(ct);
            newer = await db.RewardSchemeVersions.AsNoTracking()
                .Where(v => v.SchemeId == period.SchemeId && v.State == SchemeVersionState.Approved && v.Number > keptNumber)
                .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        }
        return new PeriodDetailPage(period, current, runRows, actions, query with { Page = page }, results, total, pageCount, units, notesDraft, study, newer);
    }

    /// <summary>The approval page: the period page plus how many share reports posted in the period still wait for verification.</summary>
    public async Task<PeriodDetailPage?> ApprovalAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await LoadAsync(id, PeriodResultsQuery.Default, user, ct: ct) is not { } page) return null;
        var window = new PeriodWindow(page.Period.StartDate, page.Period.EndDate, display.Zone);
        var (start, end) = (window.StartUtc, window.EndUtc);
        var pending = await db.ShareReports.AsNoTracking()
            .CountAsync(r => r.State == ReportState.Pending && r.PostedUtc >= start && r.PostedUtc < end, ct);
        return page with { PendingReports = pending };
    }

    /// <summary>
    /// The current run's results the filters select (all pages, at most limit + 1), in the table's order, with the
    /// table's columns; the employment type and eligibility under the name are columns of their own. Null when
    /// there is no such period; no rows when it has not been calculated.
    /// </summary>
    public async Task<ExportTable?> ExportResultsAsync(int id, PeriodResultsQuery query, int limit, IStringLocalizer l, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(l);
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.CurrentRunId }).SingleOrDefaultAsync(ct);
        if (period is null) return null;
        var units = await UnitTree.LoadAsync(db, ct);
        var rows = new List<ResultRow>();
        var study = StudyKind.IzinBelajar;
        if (period.CurrentRunId is { } runId)
        {
            rows = await ResultRowsAsync(Ordered(Results(runId, query, units)).Take(limit + 1), units, ct);
            var rulesJson = await (from r in db.RewardRuns.AsNoTracking()
                                   where r.Id == runId
                                   join v in db.RewardSchemeVersions.AsNoTracking() on r.SchemeVersionId equals v.Id
                                   select v.RulesJson).SingleOrDefaultAsync(ct);
            if (rulesJson is not null) study = RewardRules.FromJson(rulesJson).Study.Kind;
        }
        return new ExportColumns<ResultRow>()
            .Number(l["Peringkat"], r => r.Rank)
            .Text(l["Nama"], r => r.Name)
            .Text(l["Jenis kepegawaian"], r => l[r.EmploymentType.Label()])
            .Text(l["Memenuhi syarat"], r => r.IsEligible ? l["Ya"] : l["Tidak"])
            .Text(l["Unit Kerja"], r => r.Unit)
            .Number(l["Partisipasi"], r => r.Participation)
            .Number(l["Keterlibatan"], r => r.Engagement)
            .Number(l["Skor"], r => r.Score)
            .Number(l["Sebaran dihitung"], r => r.CountedShares)
            .Text(l["Hasil"], r => string.Join("; ", PeriodLabels.Outcomes(r.Outcomes).Select(o => l[PeriodLabels.Outcome(o, study)].Value)))
            .Number(l["Insentif"], r => r.IncentiveAmount)
            .Table(period.Name, rows, limit);
    }

    private sealed class ResultFact
    {
        public RewardResult R { get; init; } = null!;
        public string? TitlePrefix { get; init; }
        public string Name { get; init; } = "";
        public string? TitleSuffix { get; init; }
    }

    /// <summary>A run's results with the table's filters.</summary>
    private IQueryable<ResultFact> Results(int runId, PeriodResultsQuery query, UnitTree units)
    {
        var rows = from r in db.RewardResults.AsNoTracking()
                   where r.RunId == runId
                   join a in db.Agents.AsNoTracking() on r.AgentId equals a.Id
                   select new ResultFact { R = r, TitlePrefix = a.Employee.TitlePrefix, Name = a.Employee.Name, TitleSuffix = a.Employee.TitleSuffix };
        if (query.Search is { } search)
        {
            var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
            rows = rows.Where(x => EF.Functions.Like(x.Name, pattern, "\\"));
        }
        if (query.UnitId is { } unitId)
        {
            var ids = units.WithDescendants(unitId);
            rows = rows.Where(x => x.R.UnitId != null && ids.Contains(x.R.UnitId.Value));
        }
        if (query.Eligible is { } eligible)
            rows = eligible ? rows.Where(x => x.R.Ineligible == IneligibleReasons.None) : rows.Where(x => x.R.Ineligible != IneligibleReasons.None);
        if (query.Outcome is { } outcome)
            rows = rows.Where(x => (x.R.Outcomes & outcome) == outcome);
        if (query.Employment == PeriodLabels.PnsGroup)
            rows = rows.Where(x => x.R.EmploymentType == EmploymentType.Pns || x.R.EmploymentType == EmploymentType.Cpns);
        else if (query.Employment == PeriodLabels.PppkGroup)
            rows = rows.Where(x => x.R.EmploymentType == EmploymentType.Pppk || x.R.EmploymentType == EmploymentType.PppkParuhWaktu);
        return rows;
    }

    /// <summary>Ranked agents first by rank; the ineligible (no rank) after them; ties and the rest by name.</summary>
    private static IQueryable<ResultFact> Ordered(IQueryable<ResultFact> rows) =>
        rows.OrderBy(x => x.R.Rank == null).ThenBy(x => x.R.Rank).ThenBy(x => x.Name).ThenBy(x => x.R.AgentId);

    private static async Task<List<ResultRow>> ResultRowsAsync(IQueryable<ResultFact> rows, UnitTree units, CancellationToken ct)
    {
        var found = await rows.ToListAsync(ct);
        var unitNames = units.Choices.ToDictionary(u => u.Id, u => u.Name);
        return found.Select(x => new ResultRow(x.R.AgentId, ListAgentsHandler.FullName(x.TitlePrefix, x.Name, x.TitleSuffix),
            x.R.UnitId is { } u ? unitNames.GetValueOrDefault(u) : null, x.R.EmploymentType, x.R.Ineligible == IneligibleReasons.None, x.R.Ineligible,
            x.R.Rank, x.R.Participation, x.R.Engagement, x.R.Score, x.R.CountedShares, x.R.Outcomes, x.R.IncentiveAmount)).ToList();
    }

    private async Task<(List<ResultRow> Rows, int Total, int PageCount, int Page)> ResultsAsync(int runId, PeriodResultsQuery query, UnitTree units, CancellationToken ct)
    {
        var rows = Results(runId, query, units);
        var total = await rows.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PeriodResultsQuery.PageSize - 1) / PeriodResultsQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var list = total == 0 ? [] : await ResultRowsAsync(Ordered(rows).Skip((page - 1) * PeriodResultsQuery.PageSize).Take(PeriodResultsQuery.PageSize), units, ct);
        return (list, total, pageCount, page);
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    private static string? Name(Dictionary<string, string> names, string? id) => id is null ? null : names.GetValueOrDefault(id) ?? id;
}
