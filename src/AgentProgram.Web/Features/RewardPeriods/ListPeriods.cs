using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardPeriods;

/// <summary>The list's filters as they sit in the URL: cari (name), status, hal.</summary>
public sealed record PeriodListQuery(string? Search, PeriodState? State, int Page)
{
    public const int PageSize = 20;

    public static PeriodListQuery From(string? cari, string? status, int hal) => new(
        string.IsNullOrWhiteSpace(cari) ? null : cari.Trim(), PeriodLabels.StateFromSlug(status), Math.Max(1, hal));

    public bool HasFilters => Search is not null || State is not null;

    public string Url(int? page = null)
    {
        var qb = new QueryBuilder();
        if (Search is { } s) qb.Add("cari", s);
        if (State is { } st) qb.Add("status", PeriodLabels.StateSlug(st));
        var n = page ?? Page;
        if (n > 1) qb.Add("hal", n.ToString(CultureInfo.InvariantCulture));
        return PeriodLabels.BasePath + qb.ToQueryString();
    }
}

public sealed record PeriodListRow(int Id, string Name, PeriodKind Kind, DateOnly StartDate, DateOnly EndDate, PeriodState State,
    string SchemeName, int? Agents, int? Recognised, long? IncentiveTotal);

public sealed record PeriodListPage(PeriodListQuery Query, IReadOnlyList<PeriodListRow> Rows, int Total, int PageCount, int AllCount);

/// <summary>Reward periods, newest first, with their current run's headline figures; the export reads the same query unpaged.</summary>
public sealed class ListPeriodsHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<PeriodListPage> HandleAsync(PeriodListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await db.RewardPeriods.CountAsync(ct);
        var periods = Filtered(query);
        var total = await periods.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PeriodListQuery.PageSize - 1) / PeriodListQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = total == 0 ? [] : await RowsAsync(periods.Skip((page - 1) * PeriodListQuery.PageSize).Take(PeriodListQuery.PageSize), ct);
        return new PeriodListPage(query with { Page = page }, rows, total, pageCount, all);
    }

    /// <summary>Every period the filters select (at most limit + 1), newest first, with the page's columns; the kind under the name is a column of its own.</summary>
    public async Task<ExportTable> ExportAsync(PeriodListQuery query, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await RowsAsync(Filtered(query).Take(limit + 1), ct);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportColumns<PeriodListRow>()
            .Text(l["Periode"], p => p.Name)
            .Text(l["Jenis"], p => l[PeriodWorkflow.Label(p.Kind)])
            .Text(l["Tanggal"], p => Day(p.StartDate) + " – " + Day(p.EndDate))
            .Text(l["Skema"], p => p.SchemeName)
            .Text(l["Status"], p => l[PeriodWorkflow.Label(p.State)])
            .Number(l["Agen dihitung"], p => p.Agents)
            .Number(l["Penerima penghargaan"], p => p.Recognised)
            .Number(l["Total insentif"], p => p.IncentiveTotal)
            .Table(l["Periode Penghargaan"], rows, limit);
    }

    private IQueryable<RewardPeriod> Filtered(PeriodListQuery query)
    {
        var periods = db.RewardPeriods.AsNoTracking();
        if (query.Search is { } search)
        {
            var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
            periods = periods.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }
        if (query.State is { } state) periods = periods.Where(p => p.State == state);
        return periods.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id);
    }

    private async Task<List<PeriodListRow>> RowsAsync(IQueryable<RewardPeriod> periods, CancellationToken ct)
    {
        var rows = await periods
            .Select(p => new
            {
                p.Id, p.Name, p.Kind, p.StartDate, p.EndDate, p.State,
                Scheme = db.RewardSchemes.Where(s => s.Id == p.SchemeId).Select(s => s.Name).FirstOrDefault(),
                Run = db.RewardRuns.Where(r => r.Id == p.CurrentRunId).Select(r => new { r.Agents, r.Recognised, r.IncentiveTotal }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(p => new PeriodListRow(p.Id, p.Name, p.Kind, p.StartDate, p.EndDate, p.State, p.Scheme ?? "",
            p.Run?.Agents, p.Run?.Recognised, p.Run?.IncentiveTotal))];
    }
}
