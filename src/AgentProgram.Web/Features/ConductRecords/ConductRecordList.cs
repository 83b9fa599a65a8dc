using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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

/// <summary>HR's conduct records, newest start first, with paging and filters; the export reads the same query unpaged.</summary>
public sealed class ConductRecordListHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<ConductListPage> HandleAsync(ConductQuery query, CancellationToken ct = default)
    {
        var q = Filtered(query);
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + ConductQuery.PageSize - 1) / ConductQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await RowsAsync(q.Skip((page - 1) * ConductQuery.PageSize).Take(ConductQuery.PageSize), ct);
        return new ConductListPage(query with { Page = page }, rows, total, pageCount);
    }

    /// <summary>
    /// Every record the filters select (all pages, at most limit + 1), in the list's order, with the page's
    /// columns; the unit under the agent and the revocation under the status are columns of their own.
    /// </summary>
    public async Task<ExportTable> ExportAsync(ConductQuery query, int limit, CancellationToken ct = default)
    {
        var rows = await RowsAsync(Filtered(query).Take(limit + 1), ct);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportColumns<ConductRow>()
            .Text(l["Agen"], r => r.AgentName)
            .Text(l["Unit Kerja"], r => r.Unit)
            .Text(l["Jenis"], r => l[ConductLabels.Kind(r.Kind)])
            .Text(l["Berlaku"], r => Day(r.StartDate) + " – " + (r.EndDate is { } e ? Day(e) : l["sekarang"].Value))
            .Text(l["Catatan"], r => r.Note)
            .Text(l["Status"], r => r.RevokedUtc is null ? l["Berlaku"] : l["Dicabut"])
            .DateTime(l["Dicabut"], r => r.RevokedUtc is { } at ? display.ToLocal(at) : null)
            .Text(l["Alasan pencabutan"], r => r.RevokeReason)
            .Table(l["Catatan Disiplin dan Netralitas"], rows, limit);
    }

    /// <summary>A record with its agent's employee data; member-initialised so EF can filter and order on it.</summary>
    private sealed class Found
    {
        public Domain.Rewards.ConductRecord Record { get; init; } = null!;
        public Domain.Employees.Employee Employee { get; init; } = null!;
    }

    /// <summary>The list's filter and order (newest start first).</summary>
    private IQueryable<Found> Filtered(ConductQuery query)
    {
        var q = from c in db.ConductRecords.AsNoTracking()
                join a in db.Agents.AsNoTracking() on c.AgentId equals a.Id
                select new Found { Record = c, Employee = a.Employee };
        if (query.Search is { } search)
        {
            var pattern = "%" + ListAgentsHandler.EscapeLike(search) + "%";
            q = q.Where(x => EF.Functions.Like(x.Employee.Name, pattern, "\\"));
        }
        if (query.Kind is { } kind) q = q.Where(x => x.Record.Kind == kind);
        if (query.Active is { } active) q = active ? q.Where(x => x.Record.RevokedUtc == null) : q.Where(x => x.Record.RevokedUtc != null);
        return q.OrderByDescending(x => x.Record.StartDate).ThenByDescending(x => x.Record.Id);
    }

    private static async Task<List<ConductRow>> RowsAsync(IQueryable<Found> found, CancellationToken ct)
    {
        var rows = await found
            .Select(x => new
            {
                x.Record.Id, x.Record.AgentId, x.Employee.TitlePrefix, x.Employee.Name, x.Employee.TitleSuffix, Unit = x.Employee.Unit!.Name,
                x.Record.Kind, x.Record.StartDate, x.Record.EndDate, x.Record.Note, x.Record.RecordedUtc, x.Record.RevokedUtc, x.Record.RevokeReason,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ConductRow(r.Id, r.AgentId, FullName(r.TitlePrefix, r.Name, r.TitleSuffix), r.Unit, r.Kind, r.StartDate, r.EndDate,
            r.Note, r.RecordedUtc, r.RevokedUtc, r.RevokeReason))];
    }

    internal static string FullName(string? prefix, string name, string? suffix) =>
        new Domain.Employees.Employee { TitlePrefix = prefix, Name = name, TitleSuffix = suffix }.FullName;
}
