using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.RewardSchemes;

public sealed record SchemeListQuery(string? Search, int Page)
{
    public const int PageSize = 25;

    public static SchemeListQuery From(string? q, int hal) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        Math.Max(1, hal));

    public string UrlFor(int page)
    {
        var parts = new List<string>();
        if (Search is not null) parts.Add("q=" + Uri.EscapeDataString(Search));
        if (page > 1) parts.Add("hal=" + page);
        return "/skema-penghargaan" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}

/// <summary>A scheme in the list: its newest approved version number (null: none yet) and the version waiting, if any.</summary>
public sealed record SchemeRow(int Id, string Name, string? Description, int? ApprovedNumber, int? PendingNumber, SchemeVersionState? PendingState);

public sealed record SchemeListPage(SchemeListQuery Query, IReadOnlyList<SchemeRow> Rows, int MatchCount, int PageCount, int TotalCount);

/// <summary>Reward schemes by name, with paging and a search on the name; the export reads the same query unpaged.</summary>
public sealed class ListSchemesHandler(AppDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<SchemeListPage> HandleAsync(SchemeListQuery q, CancellationToken ct = default)
    {
        var query = Filtered(q);
        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + SchemeListQuery.PageSize - 1) / SchemeListQuery.PageSize);
        var page = Math.Min(q.Page, pageCount);
        var rows = await RowsAsync(query.Skip((page - 1) * SchemeListQuery.PageSize).Take(SchemeListQuery.PageSize), ct);
        var total = q.Search is null ? count : await db.RewardSchemes.CountAsync(ct);
        return new SchemeListPage(q with { Page = page }, rows, count, pageCount, total);
    }

    /// <summary>
    /// Every scheme the search selects (at most limit + 1), by name, with the page's columns: version numbers
    /// as numbers, the description and the waiting version's state as columns of their own.
    /// </summary>
    public async Task<ExportTable> ExportAsync(SchemeListQuery q, int limit, CancellationToken ct = default)
    {
        var rows = await RowsAsync(Filtered(q).Take(limit + 1), ct);
        return new ExportColumns<SchemeRow>()
            .Text(l["Nama skema"], r => r.Name)
            .Text(l["Keterangan"], r => r.Description)
            .Number(l["Versi berlaku"], r => r.ApprovedNumber)
            .Number(l["Versi menunggu"], r => r.PendingNumber)
            .Text(l["Status versi menunggu"], r => r.PendingState is { } state ? l[RewardSchemeLabels.State(state)].Value : null)
            .Table(l["Skema Penghargaan"], rows, limit);
    }

    private IQueryable<RewardScheme> Filtered(SchemeListQuery q)
    {
        var query = db.RewardSchemes.AsNoTracking();
        if (q.Search is { } term) query = query.Where(s => s.Name.Contains(term));
        return query.OrderBy(s => s.Name).ThenBy(s => s.Id);
    }

    private async Task<List<SchemeRow>> RowsAsync(IQueryable<RewardScheme> query, CancellationToken ct)
    {
        var schemes = await query.Select(s => new { s.Id, s.Name, s.Description }).ToListAsync(ct);
        var ids = schemes.Select(s => s.Id).ToList();
        var versions = await db.RewardSchemeVersions.AsNoTracking().Where(v => ids.Contains(v.SchemeId))
            .Select(v => new { v.SchemeId, v.Number, v.State })
            .ToListAsync(ct);
        var bySchemes = versions.ToLookup(v => v.SchemeId);
        return schemes.Select(s =>
        {
            var mine = bySchemes[s.Id].ToList();
            var approved = mine.Where(v => v.State == SchemeVersionState.Approved).Select(v => (int?)v.Number).Max();
            var pending = mine.Where(v => v.State != SchemeVersionState.Approved).OrderByDescending(v => v.Number).FirstOrDefault();
            return new SchemeRow(s.Id, s.Name, s.Description, approved, pending?.Number, pending?.State);
        }).ToList();
    }
}
