using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.ShareReports;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ShareVerification;

/// <summary>
/// The queue's filters as they sit in the URL: status (menunggu by default), pesan, unit (with its
/// sub-units), platform, bendera (a flag), hal.
/// </summary>
public sealed record ReportQueueQuery(ReportState State, int? MessageId, int? UnitId, Platform? Platform, ReportFlagCode? Flag, int Page)
{
    public const int PageSize = 25;
    public const string BasePath = "/verifikasi-laporan";

    public static ReportQueueQuery Default { get; } = new(ReportState.Pending, null, null, null, null, 1);

    public static ReportQueueQuery From(string? status, int? pesan, int? unit, string? platform, string? bendera, int hal) => new(
        ReportLabels.StateFromSlug(status) ?? ReportState.Pending,
        pesan is > 0 ? pesan : null,
        unit is > 0 ? unit : null,
        Enum.TryParse<Platform>(platform, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : null,
        Enum.TryParse<ReportFlagCode>(bendera, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : null,
        Math.Max(1, hal));

    public bool HasFilters => State != ReportState.Pending || MessageId is not null || UnitId is not null || Platform is not null || Flag is not null;

    /// <summary>The pending queue is worked oldest first; decided reports are looked up newest first.</summary>
    public bool OldestFirst => State == ReportState.Pending;

    public string Url(int? page = null)
    {
        var qb = new QueryBuilder();
        if (State != ReportState.Pending) qb.Add("status", ReportLabels.StateSlug(State));
        if (MessageId is { } m) qb.Add("pesan", m.ToString(CultureInfo.InvariantCulture));
        if (UnitId is { } u) qb.Add("unit", u.ToString(CultureInfo.InvariantCulture));
        if (Platform is { } p) qb.Add("platform", p.ToString());
        if (Flag is { } f) qb.Add("bendera", f.ToString());
        var n = page ?? Page;
        if (n > 1) qb.Add("hal", n.ToString(CultureInfo.InvariantCulture));
        return BasePath + qb.ToQueryString();
    }
}

/// <summary>One report in the queue, with everything Humas compares side by side.</summary>
public sealed record ReportQueueRow(
    long Id, int Version, ReportState State, string AgentName, string? Unit, int MessageId, string MessageTitle,
    Platform Platform, string? PostUrl, DateTime PostedUtc, DateTime SubmittedUtc, ReportSnapshot? Latest, int SnapshotCount,
    int? Followers, bool HasScreenshot, IReadOnlyList<ReportFlag> Flags, bool IsOwn, string? DecisionReason, int CorrectionCount)
{
    /// <summary>What a checkbox posts: the id and the version Humas saw, so a report changed since then is not decided blind.</summary>
    public string Item => Id.ToString(CultureInfo.InvariantCulture) + ":" + Version.ToString(CultureInfo.InvariantCulture);
}

public sealed record MessageChoice(int Id, string Title);

public sealed record ReportQueuePage(
    ReportQueueQuery Query, IReadOnlyList<ReportQueueRow> Rows, int Total, int PendingAll, int PageCount,
    UnitTree Units, IReadOnlyList<MessageChoice> Messages, BulkDecisionForm? Bulk = null);

/// <summary>
/// Humas's queue of share reports. Fast at millions of rows: the filter and order run on the
/// (State, SubmittedUtc, Id) index and only one page is read; names, numbers and flags are then
/// loaded for those rows only.
/// </summary>
public sealed class ReportQueueHandler(AppDbContext db, ReportFlagService flagService)
{
    public const int MessageChoiceLimit = 200;

    public async Task<ReportQueuePage> HandleAsync(ReportQueueQuery query, ClaimsPrincipal user, BulkDecisionForm? bulk = null, CancellationToken ct = default)
    {
        var units = await UnitTree.LoadAsync(db, ct);
        var pendingAll = await db.ShareReports.CountAsync(r => r.State == ReportState.Pending, ct);

        var filtered = Filtered(query, units);

        // The unfiltered pending queue is the number already counted: one COUNT on the State index, not two.
        var onlyState = query.MessageId is null && query.UnitId is null && query.Platform is null && query.Flag is null;
        var total = onlyState && query.State == ReportState.Pending ? pendingAll : await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + ReportQueueQuery.PageSize - 1) / ReportQueueQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var ordered = Ordered(filtered, query);
        var reports = total == 0 ? [] : await ordered.Skip((page - 1) * ReportQueueQuery.PageSize).Take(ReportQueueQuery.PageSize).ToListAsync(ct);

        var rows = await RowsAsync(reports, units, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        var messages = await MessageChoicesAsync(query.MessageId, ct);
        return new ReportQueuePage(query with { Page = page }, rows, total, pendingAll, pageCount, units, messages, bulk);
    }

    /// <summary>
    /// Every report the queue's filters select (all pages, at most limit + 1), in the queue's order, read a
    /// thousand at a time. The page's columns, with what its cells stack split out: the unit under the
    /// agent, the correction badge, the post's link and times, one column per metric of the latest
    /// numbers, and the decision (shown beside the buttons on the page).
    /// </summary>
    public async Task<ExportTable> ExportAsync(ReportQueueQuery query, ClaimsPrincipal user, int limit, IStringLocalizer l, Display display,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(display);
        var units = await UnitTree.LoadAsync(db, ct);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var ordered = Ordered(Filtered(query, units), query).Take(limit + 1);
        var rows = new List<ReportQueueRow>();
        const int Chunk = 1000;
        for (var skip = 0; ; skip += Chunk)
        {
            var reports = await ordered.Skip(skip).Take(Chunk).ToListAsync(ct);
            rows.AddRange(await RowsAsync(reports, units, me, ct));
            if (reports.Count < Chunk) break;
        }
        string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentCulture) + s[1..];
        var columns = new ExportColumns<ReportQueueRow>()
            .Text(l["Agen"], r => r.AgentName)
            .Text(l["Unit Kerja"], r => r.Unit)
            .Text(l["Pesan"], r => r.MessageTitle)
            .Text(l["Sudah diperbaiki agen"], r => r.CorrectionCount > 0 ? l["Ya"] : l["Tidak"])
            .Text(l["Unggahan"], r => AgentLabels.Platform(r.Platform))
            .Text(l["Tautan unggahan"], r => r.PostUrl)
            .DateTime(l["Waktu unggah"], r => display.ToLocal(r.PostedUtc))
            .DateTime(l["Dilaporkan"], r => display.ToLocal(r.SubmittedUtc))
            .Text(l["Angka terbaru"], r => r.Latest is { } s ? l[MetricLabels.Label(s.Source)] + " · " + l[MetricLabels.Label(s.Window)] : null);
        foreach (var kind in MetricValues.Kinds)
            columns.Number(Capital(l[MetricLabels.Name(kind)]), r => r.Latest?.Values[kind]);
        return columns
            .Number(l["Pengikut"], r => r.Followers)
            .Text(l["Bukti"], r => r.HasScreenshot ? l["Ada"] : l["Tidak ada"])
            .Text(l["Tanda"], r => string.Join("; ", r.Flags.Select(f => l[ReportFlags.Label(f.Code)].Value)))
            .Text(l["Status"], r => l[ReportWorkflow.Label(r.State)])
            .Text(l["Alasan"], r => r.DecisionReason)
            .Table(l["Verifikasi Laporan Sebaran"], rows, limit);
    }

    private static IQueryable<ShareReport> Ordered(IQueryable<ShareReport> filtered, ReportQueueQuery query) => query.OldestFirst
        ? filtered.OrderBy(r => r.SubmittedUtc).ThenBy(r => r.Id)
        : filtered.OrderByDescending(r => r.SubmittedUtc).ThenByDescending(r => r.Id);

    private IQueryable<ShareReport> Filtered(ReportQueueQuery query, UnitTree units)
    {
        var filtered = db.ShareReports.AsNoTracking().Where(r => r.State == query.State);
        if (query.MessageId is { } messageId) filtered = filtered.Where(r => r.MessageId == messageId);
        if (query.UnitId is { } unitId)
        {
            var ids = units.WithDescendants(unitId);
            filtered = filtered.Where(r => r.UnitId != null && ids.Contains(r.UnitId.Value));
        }
        if (query.Platform is { } platform) filtered = filtered.Where(r => r.Platform == platform);
        if (query.Flag is { } flag)
        {
            var bit = ReportFlags.ToSet(flag);
            filtered = filtered.Where(r => (r.Flags & bit) == bit);
        }
        return filtered;
    }

    private async Task<List<ReportQueueRow>> RowsAsync(List<ShareReport> reports, UnitTree units, string? me, CancellationToken ct)
    {
        if (reports.Count == 0) return [];
        var ids = reports.Select(r => r.Id).ToList();
        var agentIds = reports.Select(r => r.AgentId).Distinct().ToList();
        var messageIds = reports.Select(r => r.MessageId).Distinct().ToList();

        var agents = await ReportPeople.AgentsAsync(db, agentIds, ct);
        var titles = await db.PolicyMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var snapshots = (await db.ReportSnapshots.AsNoTracking().Where(s => ids.Contains(s.ReportId)).ToListAsync(ct))
            .ToLookup(s => s.ReportId);
        var followers = await ReportPeople.FollowersAsync(db, reports, ct);
        var flags = await flagService.EvaluateManyAsync(reports, ct);
        var unitNames = units.Choices.ToDictionary(u => u.Id, u => u.Name);

        return [.. reports.Select(r =>
        {
            var agent = agents.GetValueOrDefault(r.AgentId);
            var mine = snapshots[r.Id].ToList();
            return new ReportQueueRow(
                r.Id, r.Version, r.State, agent?.Name ?? "", r.UnitId is { } u ? unitNames.GetValueOrDefault(u) : agent?.Unit,
                r.MessageId, titles.GetValueOrDefault(r.MessageId) ?? "", r.Platform, r.PostUrl, r.PostedUtc, r.SubmittedUtc,
                ReportPeople.Latest(mine), mine.Count, followers.GetValueOrDefault(r.Id), r.ScreenshotPath is not null,
                flags.GetValueOrDefault(r.Id) ?? [], agent is not null && agent.UserId == me, r.DecisionReason, r.CorrectionCount);
        })];
    }

    private async Task<List<MessageChoice>> MessageChoicesAsync(int? selected, CancellationToken ct)
    {
        var shown = new[] { MessageStatus.Approved, MessageStatus.Published, MessageStatus.Closed, MessageStatus.Withdrawn };
        var choices = await db.PolicyMessages.AsNoTracking()
            .Where(m => shown.Contains(m.Status) || m.Id == selected)
            .OrderByDescending(m => m.ActiveFromUtc).ThenByDescending(m => m.Id)
            .Take(MessageChoiceLimit)
            .Select(m => new MessageChoice(m.Id, m.Title))
            .ToListAsync(ct);
        if (selected is { } id && choices.All(c => c.Id != id))
        {
            var one = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new MessageChoice(m.Id, m.Title)).SingleOrDefaultAsync(ct);
            if (one is not null) choices.Insert(0, one);
        }
        return choices;
    }
}

/// <summary>The agent behind a report as the verification pages show it.</summary>
public sealed record ReportAgent(int Id, string UserId, string Name, string? Unit);

/// <summary>Shared look-ups of the verification pages: agents, follower counts, the latest numbers.</summary>
internal static class ReportPeople
{
    public static async Task<Dictionary<int, ReportAgent>> AgentsAsync(AppDbContext db, IReadOnlyCollection<int> agentIds, CancellationToken ct)
    {
        var found = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.UserId, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix,
                Unit = a.Employee.Unit != null ? a.Employee.Unit.Name : a.Employee.WorkUnitName ?? a.Employee.SiasnUnorName,
            })
            .ToListAsync(ct);
        return found.ToDictionary(a => a.Id, a => new ReportAgent(a.Id, a.UserId, ListAgentsHandler.FullName(a.TitlePrefix, a.Name, a.TitleSuffix), a.Unit));
    }

    /// <summary>The follower count recorded at submission, else the agent's account on the platform today (keyed by report id).</summary>
    public static async Task<Dictionary<long, int?>> FollowersAsync(AppDbContext db, IReadOnlyCollection<ShareReport> reports, CancellationToken ct)
    {
        var missing = reports.Where(r => r.FollowersAtSubmission is null).Select(r => r.AgentId).Distinct().ToList();
        var found = missing.Count == 0 ? [] : await db.SocialAccounts.AsNoTracking().Where(s => missing.Contains(s.AgentId))
            .Select(s => new AccountFollowers(s.AgentId, s.Platform, s.State, s.Followers)).ToListAsync(ct);
        var accounts = found.ToLookup(s => s.AgentId);
        return reports.ToDictionary(r => r.Id, r => r.FollowersAtSubmission
            ?? ReportFlagService.Followers(accounts[r.AgentId].Select(a => (a.Platform, a.State, a.Followers)), r.Platform));
    }

    private sealed record AccountFollowers(int AgentId, Platform Platform, VerificationState State, int? Followers);

    /// <summary>The most recent reading: by when the numbers were taken, then by the order they were stored.</summary>
    public static ReportSnapshot? Latest(IEnumerable<ReportSnapshot> snapshots) =>
        snapshots.OrderByDescending(s => s.TakenUtc).ThenByDescending(s => s.Id).FirstOrDefault();
}
