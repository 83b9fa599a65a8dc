using AgentProgram.Web.Data;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Units;

/// <summary>The tree's filters as they sit in the URL: q (name or code) and tutup=1 (also closed units).</summary>
public sealed record UnitTreeQuery(string? Search, bool ShowClosed)
{
    public static UnitTreeQuery From(string? q, string? tutup) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        tutup is "1" or "ya" or "true");

    public bool HasFilters => Search is not null || ShowClosed;

    public string Url(bool? showClosed = null)
    {
        var qb = new QueryBuilder();
        if (Search is not null) qb.Add("q", Search);
        if (showClosed ?? ShowClosed) qb.Add("tutup", "1");
        return "/unit-kerja" + qb.ToQueryString();
    }
}

/// <param name="Direct">Employees recorded in this unit itself.</param>
/// <param name="Total">Employees in this unit and all units under it.</param>
/// <param name="Matches">False for a unit shown only as the context (an ancestor) of a search hit.</param>
public sealed record UnitTreeRow(UnitNode Unit, int Depth, int Direct, int Total, bool Matches);

/// <param name="UnitCount">All units in the table (0 shows the first-use explanation).</param>
/// <param name="Unassigned">Employees not attached to any unit.</param>
public sealed record UnitTreePage(UnitTreeQuery Query, IReadOnlyList<UnitTreeRow> Rows, int MatchCount, int UnitCount, int ClosedCount, int Unassigned);

/// <summary>The whole unit tree with employee counts: one query for the units, one grouped query for the counts.</summary>
public sealed class BrowseUnitsHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// The rows the tree shows for the query, in tree order, as a table: the page's columns, with the
    /// parent unit and the closed mark (indentation and a badge on the page) as columns of their own.
    /// </summary>
    public async Task<ExportTable> ExportAsync(UnitTreeQuery query, int limit, CancellationToken ct = default)
    {
        var page = await HandleAsync(query, ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        return new ExportColumns<UnitTreeRow>()
            .Text(l["Unit"], r => r.Unit.Name)
            .Text(l["Unit induk"], r => r.Unit.ParentId is { } p ? tree.Find(p)?.Name : null)
            .Text(l["Ditutup"], r => r.Unit.IsClosed ? l["Ya"] : l["Tidak"])
            .Text(l["Kode"], r => r.Unit.Code)
            .Text(l["Eselon"], r => r.Unit.Eselon)
            .Number(l["Pegawai di unit ini"], r => r.Direct)
            .Number(l["Termasuk sub-unit"], r => r.Total)
            .Table(l["Unit Kerja"], page.Rows, limit);
    }

    public async Task<UnitTreePage> HandleAsync(UnitTreeQuery query, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        var counts = await EmployeeCountsAsync(db, ct);
        var unassigned = counts.GetValueOrDefault(0);

        // Totals bottom-up: children come after their parent in tree order.
        var total = new Dictionary<int, int>();
        foreach (var place in tree.Ordered.Reverse())
        {
            var id = place.Unit.Id;
            total[id] = counts.GetValueOrDefault(id) + tree.ChildrenOf(id).Sum(c => total.GetValueOrDefault(c.Id));
        }

        bool Visible(UnitNode u) => query.ShowClosed || !u.IsClosed;
        bool Hit(UnitNode u) => query.Search is not { } s
            || u.Name.Contains(s, StringComparison.CurrentCultureIgnoreCase)
            || (u.Code?.Contains(s, StringComparison.CurrentCultureIgnoreCase) ?? false)
            || string.Equals(u.SiasnUnorId, s, StringComparison.OrdinalIgnoreCase);

        var hits = tree.Ordered.Where(p => Visible(p.Unit) && Hit(p.Unit)).Select(p => p.Unit.Id).ToHashSet();
        // A hit is shown with the units above it, so the officer sees where it sits.
        var shown = new HashSet<int>(hits);
        if (query.Search is not null)
        {
            foreach (var id in hits)
                shown.UnionWith(tree.PathOf(id).Where(Visible).Select(u => u.Id));
        }

        var rows = tree.Ordered.Where(p => shown.Contains(p.Unit.Id))
            .Select(p => new UnitTreeRow(p.Unit, p.Depth, counts.GetValueOrDefault(p.Unit.Id), total.GetValueOrDefault(p.Unit.Id), hits.Contains(p.Unit.Id)))
            .ToList();
        return new UnitTreePage(query, rows, hits.Count, tree.Count, tree.Ordered.Count(p => p.Unit.IsClosed), unassigned);
    }

    /// <summary>Employees per unit id in one grouped query; key 0 holds the employees without a unit.</summary>
    internal static async Task<Dictionary<int, int>> EmployeeCountsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Employees.AsNoTracking()
            .GroupBy(e => e.UnitId ?? 0)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
}
