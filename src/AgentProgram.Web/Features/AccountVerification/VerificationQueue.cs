using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.AccountVerification;

/// <summary>The queue's filters as they sit in the URL: platform, unit (with its sub-units), hal.</summary>
public sealed record VerificationQuery(Platform? Platform, int? UnitId, int Page)
{
    public const int PageSize = 25;

    public static VerificationQuery From(string? platform, int? unit, int hal) => new(
        Enum.TryParse<Platform>(platform, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : null,
        unit is > 0 ? unit : null,
        Math.Max(1, hal));

    public bool HasFilters => Platform is not null || UnitId is not null;

    public string Url(int? page = null)
    {
        var qb = new QueryBuilder();
        if (Platform is { } p) qb.Add("platform", p.ToString());
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        var n = page ?? Page;
        if (n > 1) qb.Add("hal", n.ToString(CultureInfo.InvariantCulture));
        return "/verifikasi-akun" + qb.ToQueryString();
    }
}

public sealed record PendingAccountRow(
    int Id, int Version, string AgentName, AgentStatus AgentStatus, string? Unit, Platform Platform, string Handle, string ProfileUrl,
    AccountKind Kind, int? Followers, DateOnly? FollowersAsOf, DateTime CreatedUtc, bool IsOwn)
{
    public string DisplayHandle => ProfileLinks.DisplayHandle(Platform, Handle);

    /// <summary>What a checkbox posts: the id and the version Humas saw, so an account changed since then is not verified blind.</summary>
    public string Item => Id.ToString(CultureInfo.InvariantCulture) + ":" + Version.ToString(CultureInfo.InvariantCulture);
}

public sealed record VerificationPage(VerificationQuery Query, IReadOnlyList<PendingAccountRow> Rows, int Total, int PendingAll, int PageCount, UnitTree Units);

/// <summary>Humas's queue of social accounts waiting for verification, oldest first; the export reads the same query unpaged.</summary>
public sealed class VerificationQueueHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<VerificationPage> HandleAsync(VerificationQuery query, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var pendingAll = await db.SocialAccounts.AsNoTracking().CountAsync(s => s.State == VerificationState.Pending, ct);
        var pending = Filtered(query, units);
        var total = await pending.CountAsync(ct);
        var pageCount = Math.Max(1, (total + VerificationQuery.PageSize - 1) / VerificationQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await RowsAsync(pending.Skip((page - 1) * VerificationQuery.PageSize).Take(VerificationQuery.PageSize), user, ct);
        return new VerificationPage(query with { Page = page }, rows, total, pendingAll, pageCount, units);
    }

    /// <summary>
    /// Every waiting account the filters select (all pages, at most limit + 1), oldest first, with the page's
    /// columns; what the page stacks in a cell (the agent's status, the profile link and account type, the
    /// date of the follower count) is a column of its own.
    /// </summary>
    public async Task<ExportTable> ExportAsync(VerificationQuery query, ClaimsPrincipal user, int limit, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var rows = await RowsAsync(Filtered(query, units).Take(limit + 1), user, ct);
        return new ExportColumns<PendingAccountRow>()
            .Text(l["Agen"], s => s.AgentName)
            .Text(l["Status agen"], s => l[AgentLabels.Status(s.AgentStatus)])
            .Text(l["Unit Kerja"], s => s.Unit)
            .Text(l["Platform"], s => AgentLabels.Platform(s.Platform))
            .Text(l["Akun"], s => s.DisplayHandle)
            .Text(l["Tautan profil"], s => s.ProfileUrl)
            .Text(l["Jenis akun"], s => l[AgentLabels.Kind(s.Kind)])
            .Number(l["Pengikut"], s => s.Followers)
            .Date(l["Jumlah pengikut per tanggal"], s => s.FollowersAsOf)
            .DateTime(l["Menunggu sejak"], s => display.ToLocal(s.CreatedUtc))
            .Table(l["Verifikasi Akun"], rows, limit);
    }

    /// <summary>The waiting accounts with the queue's filters, oldest first.</summary>
    private IQueryable<SocialAccount> Filtered(VerificationQuery query, UnitTree units)
    {
        var pending = db.SocialAccounts.AsNoTracking().Where(s => s.State == VerificationState.Pending);
        if (query.Platform is { } platform) pending = pending.Where(s => s.Platform == platform);
        if (query.UnitId is { } unitId)
        {
            var ids = units.WithDescendants(unitId);
            pending = pending.Where(s => s.Agent.Employee.UnitId != null && ids.Contains(s.Agent.Employee.UnitId.Value));
        }
        return pending.OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id);
    }

    private static async Task<List<PendingAccountRow>> RowsAsync(IQueryable<SocialAccount> accounts, ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var found = await accounts
            .Select(s => new
            {
                s.Id, s.Version, s.Agent.Employee.TitlePrefix, s.Agent.Employee.Name, s.Agent.Employee.TitleSuffix, AgentStatus = s.Agent.Status,
                Unit = s.Agent.Employee.Unit != null ? s.Agent.Employee.Unit.Name : s.Agent.Employee.WorkUnitName ?? s.Agent.Employee.SiasnUnorName,
                s.Platform, s.Handle, s.ProfileUrl, s.Kind, s.Followers, s.FollowersAsOf, s.CreatedUtc, s.Agent.UserId,
            })
            .ToListAsync(ct);
        return found.Select(s => new PendingAccountRow(s.Id, s.Version, ListAgentsHandler.FullName(s.TitlePrefix, s.Name, s.TitleSuffix),
            s.AgentStatus, s.Unit, s.Platform, s.Handle, s.ProfileUrl, s.Kind, s.Followers, s.FollowersAsOf, s.CreatedUtc, s.UserId == me)).ToList();
    }
}
