using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>
/// The queue's filters as they sit in the URL: status, jenis (kind), pesan (message id), unit (the
/// unit responsible: the routed unit, or the concerned unit while not routed), hal (page).
/// </summary>
public sealed record ResponseQuery(ResponseStatus? Status, ResponseKind? Kind, int? MessageId, int? UnitId, int Page)
{
    public const int PageSize = 25;
    public const string Path = "/tanggapan-publik";

    public static ResponseQuery From(string? status, string? jenis, int? pesan, int? unit, int hal) => new(
        Enum.TryParse<ResponseStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null,
        Enum.TryParse<ResponseKind>(jenis, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null,
        pesan is > 0 ? pesan : null,
        unit is > 0 ? unit : null,
        Math.Max(1, hal));

    /// <summary>The filters of a queue URL (the list an officer acted from), to show it again.</summary>
    public static ResponseQuery FromUrl(string url)
    {
        var i = (url ?? "").IndexOf('?', StringComparison.Ordinal);
        var values = i < 0 ? [] : QueryHelpers.ParseQuery(url![i..]);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        int? Int(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return From(Get("status"), Get("jenis"), Int("pesan"), Int("unit"), Int("hal") ?? 1);
    }

    public bool HasFilters => Status is not null || Kind is not null || MessageId is not null || UnitId is not null;

    public string Url(int? page = null)
    {
        var qb = new QueryBuilder();
        if (Status is { } s) qb.Add("status", s.ToString());
        if (Kind is { } k) qb.Add("jenis", k.ToString());
        if (MessageId is { } m) qb.Add("pesan", m.ToString(CultureInfo.InvariantCulture));
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        var n = page ?? Page;
        if (n > 1) qb.Add("hal", n.ToString(CultureInfo.InvariantCulture));
        return Path + qb.ToQueryString();
    }
}

public sealed record ResponseRow(
    long Id, int Version, string Text, ResponseKind Kind, Sentiment Sentiment, int MessageId, string MessageTitle, string AgentName,
    string? ConcernedUnit, string? RoutedUnit, int? RoutedUnitId, ResponseStatus Status, string? ResolutionNote,
    DateTime RecordedUtc, DateTime? RoutedUtc, DateTime? ResolvedUtc, bool Overdue)
{
    public bool NeedsAnswer => DialogicLoop.NeedsAnswer(Kind);
}

public sealed record MessageOption(int Id, string Title);

public sealed record ResponseQueuePage(ResponseQuery Query, IReadOnlyList<ResponseRow> Rows, int Total, int OpenAll, int PageCount,
    IReadOnlyList<MessageOption> Messages, IReadOnlyList<UnitOption> Units, DateTime NowUtc);

/// <summary>Humas's queue of public responses: open ones first, the longest waiting at the top; the export reads the same query unpaged.</summary>
public sealed class ResponseQueueHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<ResponseQueuePage> HandleAsync(ResponseQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow().UtcDateTime;
        var units = await ResponseUnits.LoadAsync(db, ct);
        var openAll = await db.PublicResponses.AsNoTracking().CountAsync(r => r.Status == ResponseStatus.Open, ct);
        var q = Filtered(query);
        var total = await q.CountAsync(ct);
        var pageCount = Math.Max(1, (total + ResponseQuery.PageSize - 1) / ResponseQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await RowsAsync(Ordered(q).Skip((page - 1) * ResponseQuery.PageSize).Take(ResponseQuery.PageSize), units, now, ct);

        // Messages that have responses, for the filter (newest message first).
        var withResponses = await db.PolicyMessages.AsNoTracking()
            .Where(x => db.PublicResponses.Any(r => r.MessageId == x.Id))
            .OrderByDescending(x => x.CreatedUtc).ThenByDescending(x => x.Id)
            .Select(x => new MessageOption(x.Id, x.Title)).Take(500).ToListAsync(ct);
        return new ResponseQueuePage(query with { Page = page }, rows, total, openAll, pageCount, withResponses, units.Options, now);
    }

    /// <summary>
    /// Every response the filters select (all pages, at most limit + 1), in the queue's order, with the page's
    /// columns; the badges and notes the page stacks in a cell (kind, sentiment, status, note, the agent's
    /// unit, when it was closed, the 24-hour mark) are columns of their own.
    /// </summary>
    public async Task<ExportTable> ExportAsync(ResponseQuery query, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var units = await ResponseUnits.LoadAsync(db, ct);
        var rows = await RowsAsync(Ordered(Filtered(query)).Take(limit + 1), units, clock.GetUtcNow().UtcDateTime, ct);
        return new ExportColumns<ResponseRow>()
            .Text(l["Tanggapan"], r => r.Text)
            .Text(l["Jenis"], r => l[PublicResponseLabels.Kind(r.Kind)])
            .Text(l["Sentimen"], r => l[PublicResponseLabels.Sentiment(r.Sentiment)])
            .Text(l["Status"], r => l[PublicResponseLabels.Status(r.Status)])
            .Text(l["Catatan"], r => r.ResolutionNote)
            .Text(l["Pesan"], r => r.MessageTitle)
            .Text(l["Agen"], r => r.AgentName)
            .Text(l["Unit Kerja"], r => r.RoutedUnit)
            .Text(l["Unit menurut agen"], r => r.ConcernedUnit)
            .DateTime(l["Waktu"], r => display.ToLocal(r.RecordedUtc))
            .DateTime(l["Ditutup"], r => r.ResolvedUtc is { } at ? display.ToLocal(at) : null)
            .Text(l["Melewati 24 jam"], r => r.Overdue ? l["Ya"] : l["Tidak"])
            .Table(l["Tanggapan Publik"], rows, limit);
    }

    private IQueryable<PublicResponse> Filtered(ResponseQuery query)
    {
        var q = db.PublicResponses.AsNoTracking();
        if (query.Status is { } s) q = q.Where(r => r.Status == s);
        if (query.Kind is { } k) q = q.Where(r => r.Kind == k);
        if (query.MessageId is { } m) q = q.Where(r => r.MessageId == m);
        if (query.UnitId is { } u) q = q.Where(r => r.RoutedUnitId == u || (r.RoutedUnitId == null && r.ConcernedUnitId == u));
        return q;
    }

    private static IQueryable<PublicResponse> Ordered(IQueryable<PublicResponse> q) =>
        q.OrderBy(r => r.Status == ResponseStatus.Open ? 0 : 1).ThenBy(r => r.RecordedUtc).ThenBy(r => r.Id);

    private async Task<List<ResponseRow>> RowsAsync(IQueryable<PublicResponse> responses, ResponseUnits units, DateTime now, CancellationToken ct)
    {
        var found = await responses.ToListAsync(ct);
        var messageIds = found.Select(r => r.MessageId).Distinct().ToList();
        var titles = await db.PolicyMessages.AsNoTracking().Where(x => messageIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title, ct);
        var agentIds = found.Select(r => r.AgentId).Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix })
            .ToDictionaryAsync(a => a.Id, a => new Employee { TitlePrefix = a.TitlePrefix, Name = a.Name, TitleSuffix = a.TitleSuffix }.FullName, ct);
        return found.Select(r => new ResponseRow(r.Id, r.Version, r.Text, r.Kind, r.Sentiment, r.MessageId, titles.GetValueOrDefault(r.MessageId, ""),
            agents.GetValueOrDefault(r.AgentId, ""), units.NameOf(r.ConcernedUnitId), units.NameOf(r.RoutedUnitId), r.RoutedUnitId, r.Status, r.ResolutionNote,
            r.RecordedUtc, r.RoutedUtc, r.ResolvedUtc, DialogicLoop.IsOverdue(r.Kind, r.RecordedUtc, r.ResolvedUtc, now))).ToList();
    }
}
