using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Admin;

/// <summary>The list's filters, exactly as they sit in the URL (q, peran, status, urut, hal), so a view can be bookmarked.</summary>
public sealed record UserListQuery(string? Search, string? Role, string? Status, string Sort, int Page)
{
    public const int PageSize = 25;
    public const string Active = "aktif";
    public const string Inactive = "nonaktif";
    public const string SortByName = "nama";
    public const string SortByEmail = "email";
    public const string SortByCreated = "dibuat";
    public const string SortByLastSignIn = "masuk-terakhir";

    public static readonly IReadOnlyList<string> Sorts = [SortByName, SortByEmail, SortByCreated, SortByLastSignIn];

    /// <summary>Unknown values are dropped rather than refused: a stale bookmark still opens the list.</summary>
    public static UserListQuery From(string? q, string? peran, string? status, string? urut, int hal) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        Roles.All.FirstOrDefault(r => string.Equals(r, peran, StringComparison.OrdinalIgnoreCase)),
        status is Active or Inactive ? status : null,
        Sorts.Contains(urut ?? "") ? urut! : SortByName,
        Math.Max(1, hal));

    public bool HasFilters => Search is not null || Role is not null || Status is not null;

    /// <summary>This list's URL with the same filters, for the pager and the sort links.</summary>
    public string Url(int? page = null, string? sort = null)
    {
        var qb = new QueryBuilder();
        if (Search is not null) qb.Add("q", Search);
        if (Role is not null) qb.Add("peran", Role);
        if (Status is not null) qb.Add("status", Status);
        var s = sort ?? Sort;
        if (s != SortByName) qb.Add("urut", s);
        var p = page ?? Page;
        if (p > 1) qb.Add("hal", p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/pengguna" + qb.ToQueryString();
    }
}

public sealed record UserRow(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsActive, bool IsLockedOut,
    bool MustChangePassword, bool TwoFactorEnabled, DateTime CreatedUtc, DateTime? LastSignInUtc);

public sealed record UserListPage(UserListQuery Query, IReadOnlyList<UserRow> Rows, int Total, int PageCount);

public sealed class ListUsersHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<UserListPage> HandleAsync(UserListQuery query, CancellationToken ct = default)
    {
        var users = Filtered(query);
        var total = await users.CountAsync(ct);
        var pageCount = Math.Max(1, (total + UserListQuery.PageSize - 1) / UserListQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await RowsAsync(users.Skip((page - 1) * UserListQuery.PageSize).Take(UserListQuery.PageSize), ct);
        return new UserListPage(query with { Page = page }, rows, total, pageCount);
    }

    /// <summary>Every user the filters select (all pages, at most limit + 1), in the list's order, with the page's columns.</summary>
    public async Task<ExportTable> ExportAsync(UserListQuery query, int limit, CancellationToken ct = default)
    {
        var rows = await RowsAsync(Filtered(query).Take(limit + 1), ct);
        return new ExportColumns<UserRow>()
            .Text(l["Nama"], u => u.DisplayName)
            .Text(l["Email"], u => u.Email)
            .Text(l["Peran"], u => string.Join(", ", u.Roles.Select(r => l[Roles.Label(r)].Value)))
            .Text(l["Status"], u => string.Join(", ", new[]
            {
                u.IsActive ? l["Aktif"].Value : l["Nonaktif"].Value,
                u.IsLockedOut ? l["Terkunci"].Value : null,
                u.MustChangePassword ? l["Kata sandi sementara"].Value : null,
            }.OfType<string>()))
            .Text(l["Verifikasi dua langkah"], u => u.TwoFactorEnabled ? l["Aktif"] : l["Belum diaktifkan"])
            .DateTime(l["Terakhir masuk"], u => u.LastSignInUtc is { } last ? display.ToLocal(last) : null)
            .Date(l["Dibuat"], u => DateOnly.FromDateTime(display.ToLocal(u.CreatedUtc)))
            .Table(l["Pengguna"], rows, limit);
    }

    /// <summary>The list's filters and sort.</summary>
    private IQueryable<AppUser> Filtered(UserListQuery query)
    {
        var users = db.Users.AsNoTracking();
        if (query.Search is { } search)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern, "\\") || EF.Functions.Like(u.Email!, pattern, "\\"));
        }
        if (query.Role is { } role)
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (query.Status is { } status)
            users = users.Where(u => u.IsActive == (status == UserListQuery.Active));

        return query.Sort switch
        {
            UserListQuery.SortByEmail => users.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            UserListQuery.SortByCreated => users.OrderByDescending(u => u.CreatedUtc).ThenBy(u => u.Id),
            UserListQuery.SortByLastSignIn => users.OrderBy(u => u.LastSignInUtc == null).ThenByDescending(u => u.LastSignInUtc).ThenBy(u => u.DisplayName).ThenBy(u => u.Id),
            _ => users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        };
    }

    private async Task<List<UserRow>> RowsAsync(IQueryable<AppUser> users, CancellationToken ct)
    {
        var found = await users
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.LockoutEnd, u.MustChangePassword, u.TwoFactorEnabled, u.CreatedUtc, u.LastSignInUtc })
            .ToListAsync(ct);

        var ids = found.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);

        var now = clock.GetUtcNow();
        return found.Select(u => new UserRow(
            u.Id, u.DisplayName, u.Email ?? "", Roles.All.Where(roles[u.Id].Contains).ToList(), u.IsActive,
            u.LockoutEnd is { } end && end > now, u.MustChangePassword, u.TwoFactorEnabled, u.CreatedUtc, u.LastSignInUtc)).ToList();
    }

    internal static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
