using System.Globalization;
using System.Linq.Expressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Units;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Employees;

/// <summary>
/// The list's filters exactly as they sit in the URL (q, unit, jenis, status, gol, agen, urut, hal).
/// q may hold a NIP typed by the officer (a search they submit); the links this page generates never
/// carry one: a NIP search has a single result, so it needs no pager or sort links, and the export
/// is a form that submits the same fields.
/// </summary>
public sealed record EmployeeListQuery(
    string? Search, int? UnitId, EmploymentType? Type, LegalStatus? Status, string? Golongan, bool? IsAgent, string Sort, int Page)
{
    public const int PageSize = 25;
    public const string SortByName = "nama";
    public const string SortByNip = "nip";
    public const string SortByUnit = "unit";
    public const string SortByGolongan = "golongan";
    public const string Yes = "ya";
    public const string No = "tidak";

    public static readonly IReadOnlyList<string> Sorts = [SortByName, SortByNip, SortByUnit, SortByGolongan];

    /// <summary>Unknown values are dropped rather than refused: a stale bookmark still opens the list.</summary>
    public static EmployeeListQuery From(string? q, string? unit, string? jenis, string? status, string? gol, string? agen, string? urut, int hal = 1) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        int.TryParse(unit, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u > 0 ? u : null,
        EmployeeText.TypeSlugs.Where(t => t.Slug == jenis).Select(t => (EmploymentType?)t.Type).FirstOrDefault(),
        EmployeeText.StatusSlugs.Where(s => s.Slug == status).Select(s => (LegalStatus?)s.Status).FirstOrDefault(),
        Domain.Employees.Golongan.Parse(gol)?.StoredCode(),
        agen switch { Yes => true, No => false, _ => null },
        Sorts.Contains(urut ?? "") ? urut! : SortByName,
        Math.Max(1, hal));

    /// <summary>The 18 digits when the search is a whole NIP (spaces, dots and a leading apostrophe allowed), else null.</summary>
    public string? NipSearch => Search is { } s && Nip.Normalize(s) is { Length: 18 } n && n.All(char.IsAsciiDigit) ? n : null;

    public bool HasFilters => Search is not null || UnitId is not null || Type is not null || Status is not null || Golongan is not null || IsAgent is not null;

    /// <summary>The filters and sort as query-string pairs (no page), for the export form and the links.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters(string? sort = null)
    {
        if (Search is not null) yield return new("q", Search);
        if (UnitId is { } u) yield return new("unit", u.ToString(CultureInfo.InvariantCulture));
        if (Type is { } t) yield return new("jenis", t.Slug());
        if (Status is { } s) yield return new("status", s.Slug());
        if (Golongan is not null) yield return new("gol", Golongan);
        if (IsAgent is { } a) yield return new("agen", a ? Yes : No);
        var sortBy = sort ?? Sort;
        if (sortBy != SortByName) yield return new("urut", sortBy);
    }

    /// <summary>This list's URL with the same filters. Not for a NIP search (see the type's summary).</summary>
    public string Url(int? page = null, string? sort = null)
    {
        var qb = new QueryBuilder(Parameters(sort));
        var p = page ?? Page;
        if (p > 1) qb.Add("hal", p.ToString(CultureInfo.InvariantCulture));
        return "/pegawai" + qb.ToQueryString();
    }
}

public sealed record EmployeeRow(
    int Id, string Nip, string? TitlePrefix, string Name, string? TitleSuffix, EmploymentType Type, LegalStatus Status, string? LegalStatusName,
    bool HasDisciplinarySanction, string? GolonganCode, PositionType? PositionType, string? PositionName, int? UnitId, string? UnitName,
    string? SiasnUnorName, int? AgentId)
{
    public string FullName => EmployeeText.FullName(TitlePrefix, Name, TitleSuffix);
    public string NipDisplay => Domain.Employees.Nip.FormatForDisplay(Nip);
}

/// <param name="Units">For the unit filter, in tree order.</param>
/// <param name="AnyEmployees">False when the table is empty: the page explains the SIASN import instead.</param>
public sealed record EmployeeListPage(
    EmployeeListQuery Query, IReadOnlyList<EmployeeRow> Rows, int Total, int PageCount, IReadOnlyList<UnitPlace> Units, bool AnyEmployees);

/// <summary>Searches, filters, sorts and pages the employees; the export runs the same query without paging.</summary>
public sealed class ListEmployeesHandler(AppDbContext db)
{
    public async Task<EmployeeListPage> HandleAsync(EmployeeListQuery query, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        var filtered = Filter(query, tree);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + EmployeeListQuery.PageSize - 1) / EmployeeListQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await Project(Sort(filtered, query.Sort))
            .Skip((page - 1) * EmployeeListQuery.PageSize).Take(EmployeeListQuery.PageSize)
            .ToListAsync(ct);
        var any = total > 0 || await db.Employees.AnyAsync(ct);
        return new EmployeeListPage(query with { Page = page }, rows, total, pageCount, tree.Ordered, any);
    }

    /// <summary>Every row the list shows for these filters (all pages, at most <paramref name="limit"/>), in the list's order.</summary>
    public async Task<IReadOnlyList<EmployeeRow>> ExportAsync(EmployeeListQuery query, int limit = int.MaxValue, CancellationToken ct = default)
    {
        var tree = await UnitTree.LoadAsync(db, ct);
        return await Project(Sort(Filter(query, tree), query.Sort)).Take(limit).ToListAsync(ct);
    }

    private IQueryable<Domain.Employees.Employee> Filter(EmployeeListQuery query, UnitTree tree)
    {
        var employees = db.Employees.AsNoTracking();
        if (query.NipSearch is { } nip)
            employees = employees.Where(e => e.Nip == nip);
        else if (query.Search is { } search)
        {
            var pattern = "%" + ListUsersHandler.EscapeLike(search) + "%";
            employees = employees.Where(e => EF.Functions.Like(e.Name, pattern, "\\"));
        }
        if (query.UnitId is { } unitId)
        {
            // The unit and all its sub-units, worked out from the unit table in memory.
            var ids = tree.SelfAndDescendants(unitId).ToList();
            employees = employees.Where(e => e.UnitId != null && ids.Contains(e.UnitId.Value));
        }
        if (query.Type is { } type) employees = employees.Where(e => e.EmploymentType == type);
        if (query.Status is { } status) employees = employees.Where(e => e.LegalStatus == status);
        if (query.Golongan is { } gol) employees = employees.Where(e => e.GolonganCode == gol);
        if (query.IsAgent is { } isAgent)
            employees = isAgent
                ? employees.Where(e => db.Agents.Any(a => a.EmployeeId == e.Id))
                : employees.Where(e => !db.Agents.Any(a => a.EmployeeId == e.Id));
        return employees;
    }

    private static IQueryable<Domain.Employees.Employee> Sort(IQueryable<Domain.Employees.Employee> employees, string sort) => sort switch
    {
        EmployeeListQuery.SortByNip => employees.OrderBy(e => e.Nip),
        EmployeeListQuery.SortByUnit => employees.OrderBy(e => e.Unit == null).ThenBy(e => e.Unit!.Name).ThenBy(e => e.Name).ThenBy(e => e.Id),
        EmployeeListQuery.SortByGolongan => employees.OrderBy(GolonganRank).ThenBy(e => e.Name).ThenBy(e => e.Id),
        _ => employees.OrderBy(e => e.Name).ThenBy(e => e.Id),
    };

    private IQueryable<EmployeeRow> Project(IQueryable<Domain.Employees.Employee> employees) =>
        employees.Select(e => new EmployeeRow(
            e.Id, e.Nip, e.TitlePrefix, e.Name, e.TitleSuffix, e.EmploymentType, e.LegalStatus, e.LegalStatusName, e.HasDisciplinarySanction,
            e.GolonganCode, e.PositionType, e.PositionName, e.UnitId, e.Unit != null ? e.Unit.Name : null, e.SiasnUnorName,
            db.Agents.Where(a => a.EmployeeId == e.Id).Select(a => (int?)a.Id).FirstOrDefault()));

    /// <summary>
    /// Highest grade first: PNS IV/e … I/a, then PPPK XVII … I, then no grade. One CASE expression
    /// over the stored codes, so the database sorts and pages.
    /// </summary>
    internal static readonly Expression<Func<Domain.Employees.Employee, int>> GolonganRank = BuildGolonganRank();

    private static Expression<Func<Domain.Employees.Employee, int>> BuildGolonganRank()
    {
        var e = Expression.Parameter(typeof(Domain.Employees.Employee), "e");
        var code = Expression.Property(e, nameof(Domain.Employees.Employee.GolonganCode));
        var ranked = Domain.Employees.Golongan.PnsTable.Reverse().Concat(Domain.Employees.Golongan.PppkTable.Reverse())
            .Select((g, i) => (Code: g.StoredCode(), Rank: i)).ToList();
        Expression body = Expression.Constant(ranked.Count);
        foreach (var (c, rank) in Enumerable.Reverse(ranked))
            body = Expression.Condition(Expression.Equal(code, Expression.Constant(c, typeof(string))), Expression.Constant(rank), body);
        return Expression.Lambda<Func<Domain.Employees.Employee, int>>(body, e);
    }
}
