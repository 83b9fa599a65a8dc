using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.ConductRecords;

/// <summary>Labels and URL slugs of conduct kinds (localizer keys).</summary>
public static class ConductLabels
{
    public const string Disciplinary = "disiplin";
    public const string Neutrality = "netralitas";
    public const string Active = "aktif";
    public const string Revoked = "dicabut";

    public static string Kind(ConductKind kind) => kind switch
    {
        ConductKind.Disciplinary => I18n.Key("Hukuman disiplin"),
        ConductKind.Neutrality => I18n.Key("Pelanggaran netralitas atau etika"),
        _ => kind.ToString(),
    };

    public static string Slug(ConductKind kind) => kind == ConductKind.Disciplinary ? Disciplinary : Neutrality;

    public static ConductKind? FromSlug(string? slug) => slug switch
    {
        Disciplinary => ConductKind.Disciplinary,
        Neutrality => ConductKind.Neutrality,
        _ => null,
    };
}

/// <summary>The list's filters as they sit in the URL (q = agent name, jenis, status, hal). NIPs are never searched through the URL.</summary>
public sealed record ConductQuery(string? Search, ConductKind? Kind, bool? Active, int Page)
{
    public const int PageSize = 25;
    public const string BasePath = "/catatan-disiplin";

    public static ConductQuery From(string? q, string? jenis, string? status, int hal) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        ConductLabels.FromSlug(jenis),
        status switch { ConductLabels.Active => true, ConductLabels.Revoked => false, _ => null },
        Math.Max(1, hal));

    public string Url(int? page = null)
    {
        var qb = new QueryBuilder();
        if (Search is not null) qb.Add("q", Search);
        if (Kind is { } k) qb.Add("jenis", ConductLabels.Slug(k));
        if (Active is { } a) qb.Add("status", a ? ConductLabels.Active : ConductLabels.Revoked);
        var p = page ?? Page;
        if (p > 1) qb.Add("hal", p.ToString(CultureInfo.InvariantCulture));
        return BasePath + (qb.ToQueryString().Value ?? "");
    }
}

public sealed record ConductRow(int Id, int AgentId, string AgentName, string? Unit, ConductKind Kind, DateOnly StartDate, DateOnly? EndDate,
    string Note, DateTime RecordedUtc, DateTime? RevokedUtc, string? RevokeReason);

public sealed record ConductListPage(ConductQuery Query, IReadOnlyList<ConductRow> Rows, int Total, int PageCount);

/// <summary>HR's conduct records, newest start first, with paging and filters.</summary>
public sealed class ConductRecordListHandler(AppDbContext db)
{
    public async Task<ConductListPage> HandleAsync(ConductQuery query, CancellationToken ct = default)
    {
        var q = from c in db.ConductRecords.AsNoTracking()
                join a in db.Agents.AsNoTracking() on c.AgentId equals a.Id
                select new { c, a.Employee };
        if (query.Search is { } search)
        {
            var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
            q = q.Where(x => EF.Functions.Like(x.Employee.Name, pattern, "\\"));
        }
        if (query.Kind is { } kind) q = q.Where(x => x.c.Kind == kind);
        if (query.Active is { } active) q = active ? q.Where(x => x.c.RevokedUtc == null) : q.Where(x => x.c.RevokedUtc != null);

        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + ConductQuery.PageSize - 1) / ConductQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await q.OrderByDescending(x => x.c.StartDate).ThenByDescending(x => x.c.Id)
            .Skip((page - 1) * ConductQuery.PageSize).Take(ConductQuery.PageSize)
            .Select(x => new
            {
                x.c.Id, x.c.AgentId, x.Employee.TitlePrefix, x.Employee.Name, x.Employee.TitleSuffix, Unit = x.Employee.Unit!.Name,
                x.c.Kind, x.c.StartDate, x.c.EndDate, x.c.Note, x.c.RecordedUtc, x.c.RevokedUtc, x.c.RevokeReason,
            })
            .ToListAsync(ct);
        return new ConductListPage(query with { Page = page }, [.. rows.Select(r => new ConductRow(r.Id, r.AgentId,
            FullName(r.TitlePrefix, r.Name, r.TitleSuffix), r.Unit, r.Kind, r.StartDate, r.EndDate, r.Note, r.RecordedUtc, r.RevokedUtc, r.RevokeReason))],
            total, pageCount);
    }

    internal static string FullName(string? prefix, string name, string? suffix) =>
        new Domain.Employees.Employee { TitlePrefix = prefix, Name = name, TitleSuffix = suffix }.FullName;
}
