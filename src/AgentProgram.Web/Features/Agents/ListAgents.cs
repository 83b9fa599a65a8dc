using AgentProgram.Web.Infrastructure.Web;
using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

/// <summary>
/// The agent list's filters exactly as they sit in the URL (q, status, unit, persetujuan,
/// terverifikasi, urut, hal), so a view can be bookmarked and exported as shown. Agents are
/// addressed by their own id, never by NIP.
/// </summary>
public sealed record AgentListQuery(string? Search, AgentStatus? Status, int? UnitId, ConsentState? Consent, bool? HasVerified, string Sort, int Page)
{
    public const int PageSize = 25;
    public const string SortByName = "nama";
    public const string SortByUnit = "unit";
    public const string SortByEnrolled = "terdaftar";
    public const string SortByStatus = "status";
    public const string Yes = "ya";
    public const string No = "tidak";

    public static readonly IReadOnlyList<string> Sorts = [SortByName, SortByUnit, SortByEnrolled, SortByStatus];

    /// <summary>Unknown values are dropped rather than refused: a stale bookmark still opens the list.</summary>
    public static AgentListQuery From(string? q, string? status, int? unit, string? persetujuan, string? terverifikasi, string? urut, int hal) => new(
        CleanSearch(q),
        AgentLabels.StatusFromSlug(status),
        unit is > 0 ? unit : null,
        AgentLabels.ConsentFromSlug(persetujuan),
        terverifikasi switch { Yes => true, No => false, _ => null },
        Sorts.Contains(urut ?? "") ? urut! : SortByName,
        Math.Max(1, hal));

    internal static string? CleanSearch(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return null;
        var t = q.Trim();
        return t.Length <= 100 ? t : t[..100];
    }

    public bool HasFilters => Search is not null || Status is not null || UnitId is not null || Consent is not null || HasVerified is not null;

    public string Url(int? page = null, string? sort = null) => "/agen" + QueryString(page, sort);

    private string QueryString(int? page, string? sort)
    {
        var qb = new QueryBuilder();
        if (Search is not null) qb.Add("q", Search);
        if (Status is { } s) qb.Add("status", AgentLabels.StatusSlug(s));
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        if (Consent is { } c) qb.Add("persetujuan", AgentLabels.ConsentSlug(c));
        if (HasVerified is { } v) qb.Add("terverifikasi", v ? Yes : No);
        var sortBy = sort ?? Sort;
        if (sortBy != SortByName) qb.Add("urut", sortBy);
        var p = page ?? Page;
        if (p > 1) qb.Add("hal", p.ToString(CultureInfo.InvariantCulture));
        return qb.ToQueryString().Value ?? "";
    }
}

public sealed record AgentRow(
    int Id, string Name, string Nip, string? Unit, AgentStatus Status, string? StatusReason, ConsentState Consent,
    int VerifiedAccounts, int Accounts, DateTime EnrolledUtc)
{
    public string NipDisplay => Domain.Employees.Nip.FormatForDisplay(Nip);
}

public sealed record AgentListPage(AgentListQuery Query, IReadOnlyList<AgentRow> Rows, int Total, int PageCount, UnitTree Units);

public sealed record FileDownload(byte[] Content, string ContentType, string FileName);

public sealed class ListAgentsHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<AgentListPage> HandleAsync(AgentListQuery query, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var agents = Sorted(Filter(db.Agents.AsNoTracking(), query, units), query.Sort);
        var total = await agents.CountAsync(ct);
        var pageCount = Math.Max(1, (total + AgentListQuery.PageSize - 1) / AgentListQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await Project(agents.Skip((page - 1) * AgentListQuery.PageSize).Take(AgentListQuery.PageSize), ct);
        return new AgentListPage(query with { Page = page }, rows, total, pageCount, units);
    }

    /// <summary>
    /// Every agent the filters select (all pages, at most limit + 1), in the list's order, with the page's
    /// columns; "Alasan status" and "Akun terdaftar" split out what the page stacks in Status and "x dari y".
    /// </summary>
    public async Task<ExportTable> ExportAsync(AgentListQuery query, int limit, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var rows = await Project(Sorted(Filter(db.Agents.AsNoTracking(), query, units), query.Sort).Take(limit + 1), ct);
        return ExportColumns().Table(l["Agen Komunikasi"], rows, limit);
    }

    private ExportColumns<AgentRow> ExportColumns() => new ExportColumns<AgentRow>()
        .Text(l["Nama"], r => r.Name)
        .Text("NIP", r => r.NipDisplay)
        .Text(l["Unit Kerja"], r => r.Unit)
        .Text(l["Status"], r => l[AgentLabels.Status(r.Status)])
        .Text(l["Alasan status"], r => r.StatusReason is null ? null : l[r.StatusReason].Value)
        .Text(l["Persetujuan"], r => l[AgentLabels.Consent(r.Consent)])
        .Number(l["Akun terverifikasi"], r => r.VerifiedAccounts)
        .Number(l["Akun terdaftar"], r => r.Accounts)
        .Date(l["Terdaftar sejak"], r => DateOnly.FromDateTime(display.ToLocal(r.EnrolledUtc)));

    private static IQueryable<Agent> Filter(IQueryable<Agent> agents, AgentListQuery query, UnitTree units)
    {
        if (query.Search is { } search)
        {
            var pattern = "%" + EscapeLike(search) + "%";
            var digits = DigitsOf(search);
            agents = digits is null
                ? agents.Where(a => EF.Functions.Like(a.Employee.Name, pattern, "\\"))
                : agents.Where(a => EF.Functions.Like(a.Employee.Name, pattern, "\\") || a.Employee.Nip.Contains(digits));
        }
        if (query.Status is { } status) agents = agents.Where(a => a.Status == status);
        if (query.UnitId is { } unitId)
        {
            var ids = units.WithDescendants(unitId);
            agents = agents.Where(a => a.Employee.UnitId != null && ids.Contains(a.Employee.UnitId.Value));
        }
        agents = query.Consent switch
        {
            ConsentState.Complete => agents.Where(a => a.ConsentWithdrawnUtc == null && a.CodeOfConductAcceptedUtc != null && a.DataConsentUtc != null),
            ConsentState.Missing => agents.Where(a => a.ConsentWithdrawnUtc == null && (a.CodeOfConductAcceptedUtc == null || a.DataConsentUtc == null)),
            ConsentState.Withdrawn => agents.Where(a => a.ConsentWithdrawnUtc != null),
            _ => agents,
        };
        if (query.HasVerified is { } verified)
            agents = agents.Where(a => a.SocialAccounts.Any(s => s.State == VerificationState.Verified) == verified);
        return agents;
    }

    private static IQueryable<Agent> Sorted(IQueryable<Agent> agents, string sort) => sort switch
    {
        AgentListQuery.SortByUnit => agents.OrderBy(a => a.Employee.Unit == null).ThenBy(a => a.Employee.Unit!.Name).ThenBy(a => a.Employee.Name).ThenBy(a => a.Id),
        AgentListQuery.SortByEnrolled => agents.OrderByDescending(a => a.EnrolledUtc).ThenBy(a => a.Employee.Name).ThenBy(a => a.Id),
        AgentListQuery.SortByStatus => agents
            .OrderBy(a => a.Status == AgentStatus.Active ? 0 : a.Status == AgentStatus.Suspended ? 1 : 2)
            .ThenBy(a => a.Employee.Name).ThenBy(a => a.Id),
        _ => agents.OrderBy(a => a.Employee.Name).ThenBy(a => a.Id),
    };

    private static async Task<List<AgentRow>> Project(IQueryable<Agent> agents, CancellationToken ct)
    {
        var found = await agents.Select(a => new
        {
            a.Id, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, a.Employee.Nip,
            Unit = a.Employee.Unit != null ? a.Employee.Unit.Name : a.Employee.WorkUnitName ?? a.Employee.SiasnUnorName,
            a.Status, a.StatusReason, a.CodeOfConductAcceptedUtc, a.DataConsentUtc, a.ConsentWithdrawnUtc,
            Verified = a.SocialAccounts.Count(s => s.State == VerificationState.Verified),
            Accounts = a.SocialAccounts.Count,
            a.EnrolledUtc,
        }).ToListAsync(ct);
        return found.Select(a => new AgentRow(
            a.Id, FullName(a.TitlePrefix, a.Name, a.TitleSuffix), a.Nip, a.Unit, a.Status, a.StatusReason,
            AgentLabels.ConsentOf(a.CodeOfConductAcceptedUtc, a.DataConsentUtc, a.ConsentWithdrawnUtc),
            a.Verified, a.Accounts, a.EnrolledUtc)).ToList();
    }

    /// <summary>The same composition as <see cref="Employee.FullName"/>, for rows projected in SQL.</summary>
    internal static string FullName(string? prefix, string name, string? suffix) =>
        new Employee { TitlePrefix = prefix, Name = name, TitleSuffix = suffix }.FullName;

    /// <summary>A search that is a NIP (or a part of one), typed with or without spaces: its digits; otherwise null.</summary>
    internal static string? DigitsOf(string search)
    {
        var compact = new string(search.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
        return compact.Length >= 4 && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    internal static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
