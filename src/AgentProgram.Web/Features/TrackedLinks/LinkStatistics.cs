using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrackedLinkUrls = AgentProgram.Web.Domain.Platforms.TrackedLinks;

namespace AgentProgram.Web.Features.TrackedLinks;

/// <summary>Filters of /statistik-tautan (query string: pesan, platform, unit, hal).</summary>
public sealed record LinkStatisticsQuery(int? MessageId, Platform? Platform, int? UnitId, int Page)
{
    public const int AgentsPerPage = 20;

    public static LinkStatisticsQuery From(int? pesan, string? platform, int? unit, int hal) => new(
        pesan is > 0 ? pesan : null,
        Enum.TryParse<Platform>(platform, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(platform, out _) ? p : null,
        unit is > 0 ? unit : null,
        Math.Max(1, hal));

    public const string MessagesTable = "pesan";
    public const string PlatformsTable = "platform";
    public const string UnitsTable = "unit";
    public const string AgentsTable = "agen";

    public static readonly IReadOnlyList<string> Tables = [MessagesTable, PlatformsTable, UnitsTable, AgentsTable];

    public bool HasFilters => Platform is not null || UnitId is not null;

    /// <summary>This page's URL with its filters and the table to export (tabel=…), for the download buttons.</summary>
    public string TableUrl(string table)
    {
        var url = Url(page: 1);
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tabel=" + table;
    }

    public string Url(int? message = null, int page = 1, bool keepFilters = true)
    {
        var parts = new List<string>();
        var m = message ?? MessageId;
        if (m is not null) parts.Add("pesan=" + m.Value.ToString(CultureInfo.InvariantCulture));
        if (keepFilters && Platform is not null) parts.Add("platform=" + TrackedLinkUrls.Source(Platform.Value));
        if (keepFilters && UnitId is not null) parts.Add("unit=" + UnitId.Value.ToString(CultureInfo.InvariantCulture));
        if (page > 1) parts.Add("hal=" + page.ToString(CultureInfo.InvariantCulture));
        return "/statistik-tautan" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}

/// <summary>
/// Clicks by people (bots excluded), unique visitors (distinct daily visitor hashes: the hash is
/// salted per day, so one person counts once per day they click), and bot requests counted apart.
/// </summary>
public sealed record ClickFigures(int Clicks, int Visitors, int Bots)
{
    public static readonly ClickFigures None = new(0, 0, 0);
}

public sealed record MessageStatsRow(int Id, string Title, MessageStatus Status, ClickFigures Figures);

public sealed record BreakdownRow(string Label, ClickFigures Figures);

public sealed record AgentStatsRow(string Name, string? Unit, ClickFigures Figures);

public sealed record UnitChoice(int Id, string Name);

public sealed record LinkStatisticsPage(
    LinkStatisticsQuery Query,
    IReadOnlyList<MessageStatsRow> Messages,
    MessageStatsRow? Selected,
    ClickFigures SelectedFiltered,
    IReadOnlyList<BreakdownRow> ByPlatform,
    IReadOnlyList<BreakdownRow> ByUnit,
    IReadOnlyList<AgentStatsRow> Agents,
    int AgentTotal,
    IReadOnlyList<UnitChoice> Units)
{
    public int PageCount => Math.Max(1, (AgentTotal + LinkStatisticsQuery.AgentsPerPage - 1) / LinkStatisticsQuery.AgentsPerPage);
}

/// <summary>Each table is one grouped query (no query per row). Agents are shown by name, never by NIP.</summary>
public sealed class LinkStatisticsHandler(AppDbContext db)
{
    public const int MessageLimit = 100;

    private sealed class Fact
    {
        public int MessageId { get; init; }
        public int AgentId { get; init; }
        public Platform Platform { get; init; }
        public int? UnitId { get; init; }
        public string AgentName { get; init; } = "";
        public string? UnitName { get; init; }
        public string VisitorHash { get; init; } = "";
        public bool IsBot { get; init; }
    }

    public async Task<LinkStatisticsPage> HandleAsync(LinkStatisticsQuery query, CancellationToken ct)
    {
        var (rows, selected) = await MessagesAsync(query, ct);
        if (selected is null)
            return new LinkStatisticsPage(query with { MessageId = null }, rows, null, ClickFigures.None, [], [], [], 0, []);

        var facts = FactsOf(selected.Id, query);
        var total = (await Figures(facts, f => f.MessageId, ct)).GetValueOrDefault(selected.Id, ClickFigures.None);
        var byPlatform = await ByPlatformAsync(facts, ct);
        var byUnit = await ByUnitAsync(facts, ct);

        var agentTotal = await facts.Select(f => f.AgentId).Distinct().CountAsync(ct);
        var pageCount = Math.Max(1, (agentTotal + LinkStatisticsQuery.AgentsPerPage - 1) / LinkStatisticsQuery.AgentsPerPage);
        var page = Math.Min(query.Page, pageCount);
        var agents = await AgentsAsync(facts, (page - 1) * LinkStatisticsQuery.AgentsPerPage, LinkStatisticsQuery.AgentsPerPage, ct);

        var units = await db.Units.AsNoTracking().Where(u => !u.IsClosed).OrderBy(u => u.Name).Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        return new LinkStatisticsPage(query with { Page = page }, rows, selected, total, byPlatform, byUnit, agents, agentTotal, units);
    }

    /// <summary>
    /// One of the page's tables (tabel=pesan, platform, unit or agen) with the page's filters and columns, the
    /// agents all pages of them (at most limit + 1). The breakdowns need a message (pesan=…): without one they are empty.
    /// </summary>
    public async Task<ExportTable> ExportAsync(LinkStatisticsQuery query, string table, int limit, IStringLocalizer l, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(l);
        var (rows, selected) = await MessagesAsync(query, ct);
        if (table == LinkStatisticsQuery.MessagesTable)
        {
            return Figures(new ExportColumns<MessageStatsRow>()
                    .Text(l["Pesan"], m => m.Title)
                    .Text(l["Status"], m => l[m.Status.Label()]), m => m.Figures, l)
                .Table(l["Per pesan"], rows, limit);
        }
        var facts = selected is null ? null : FactsOf(selected.Id, query);
        if (table == LinkStatisticsQuery.AgentsTable)
        {
            var agents = facts is null ? [] : await AgentsAsync(facts, 0, limit + 1, ct);
            return Figures(new ExportColumns<AgentStatsRow>()
                    .Text(l["Nama"], a => a.Name)
                    .Text(l["Unit Kerja"], a => a.Unit), a => a.Figures, l)
                .Table(l["Per agen"], agents, limit);
        }
        var byUnit = table == LinkStatisticsQuery.UnitsTable;
        var breakdown = facts is null ? [] : byUnit ? await ByUnitAsync(facts, ct) : await ByPlatformAsync(facts, ct);
        return Figures(new ExportColumns<BreakdownRow>()
                .Text(l["Nama"], r => r.Label.Length == 0 ? l["Tanpa unit kerja"] : r.Label), r => r.Figures, l)
            .Table(byUnit ? l["Per unit kerja"] : l["Per platform"], breakdown, limit);
    }

    private static ExportColumns<T> Figures<T>(ExportColumns<T> columns, Func<T, ClickFigures> figures, IStringLocalizer l) => columns
        .Number(l["Klik"], r => figures(r).Clicks)
        .Number(l["Pengunjung unik"], r => figures(r).Visitors)
        .Number(l["Klik bot"], r => figures(r).Bots);

    /// <summary>Messages that have tracked links, newest first, with their figures; and the one asked for, if it is there.</summary>
    private async Task<(List<MessageStatsRow> Rows, MessageStatsRow? Selected)> MessagesAsync(LinkStatisticsQuery query, CancellationToken ct)
    {
        var messages = await db.PolicyMessages.AsNoTracking()
            .Where(m => db.Assignments.Any(a => a.MessageId == m.Id && db.TrackedLinks.Any(t => t.AssignmentId == a.Id)))
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Take(MessageLimit)
            .Select(m => new { m.Id, m.Title, m.Status })
            .ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        if (query.MessageId is { } wanted && !ids.Contains(wanted))
        {
            var extra = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == wanted).Select(m => new { m.Id, m.Title, m.Status }).FirstOrDefaultAsync(ct);
            if (extra is not null)
            {
                messages.Add(extra);
                ids.Add(extra.Id);
            }
        }

        var perMessage = await Figures(Clicks().Where(c => ids.Contains(c.MessageId)), c => c.MessageId, ct);
        var rows = messages.Select(m => new MessageStatsRow(m.Id, m.Title, m.Status, perMessage.GetValueOrDefault(m.Id, ClickFigures.None))).ToList();
        var selected = query.MessageId is { } id ? rows.FirstOrDefault(r => r.Id == id) : null;
        return (rows, selected);
    }

    private IQueryable<Fact> FactsOf(int messageId, LinkStatisticsQuery query)
    {
        var facts = Facts().Where(f => f.MessageId == messageId);
        if (query.Platform is { } platform) facts = facts.Where(f => f.Platform == platform);
        if (query.UnitId is { } unit) facts = facts.Where(f => f.UnitId == unit);
        return facts;
    }

    private static async Task<List<BreakdownRow>> ByPlatformAsync(IQueryable<Fact> facts, CancellationToken ct) =>
        (await Figures(facts, f => f.Platform, ct))
            .Select(kv => new BreakdownRow(kv.Key.ToString(), kv.Value))
            .OrderByDescending(r => r.Figures.Clicks).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

    private static async Task<List<BreakdownRow>> ByUnitAsync(IQueryable<Fact> facts, CancellationToken ct) =>
        (await facts
                .GroupBy(f => new { f.UnitId, f.UnitName })
                .Select(g => new
                {
                    g.Key.UnitName,
                    Clicks = g.Count(x => !x.IsBot),
                    Visitors = g.Where(x => !x.IsBot).Select(x => x.VisitorHash).Distinct().Count(),
                    Bots = g.Count(x => x.IsBot),
                })
                .ToListAsync(ct))
            .Select(r => new BreakdownRow(r.UnitName ?? "", new ClickFigures(r.Clicks, r.Visitors, r.Bots)))
            .OrderByDescending(r => r.Figures.Clicks).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList();

    /// <summary>Agents by clicks (most first), then name.</summary>
    private static async Task<List<AgentStatsRow>> AgentsAsync(IQueryable<Fact> facts, int skip, int take, CancellationToken ct) =>
        (await facts
                .GroupBy(f => new { f.AgentId, f.AgentName, f.UnitName })
                .Select(g => new
                {
                    g.Key.AgentId,
                    g.Key.AgentName,
                    g.Key.UnitName,
                    Clicks = g.Count(x => !x.IsBot),
                    Visitors = g.Where(x => !x.IsBot).Select(x => x.VisitorHash).Distinct().Count(),
                    Bots = g.Count(x => x.IsBot),
                })
                .OrderByDescending(r => r.Clicks).ThenBy(r => r.AgentName).ThenBy(r => r.AgentId)
                .Skip(skip)
                .Take(take)
                .ToListAsync(ct))
            .Select(r => new AgentStatsRow(r.AgentName, r.UnitName, new ClickFigures(r.Clicks, r.Visitors, r.Bots)))
            .ToList();

    private IQueryable<Fact> Clicks() =>
        from c in db.LinkClicks.AsNoTracking()
        join t in db.TrackedLinks on c.TrackedLinkId equals t.Id
        join a in db.Assignments on t.AssignmentId equals a.Id
        select new Fact { MessageId = a.MessageId, AgentId = a.AgentId, Platform = t.Platform, VisitorHash = c.VisitorHash, IsBot = c.IsBot };

    private IQueryable<Fact> Facts() =>
        from c in db.LinkClicks.AsNoTracking()
        join t in db.TrackedLinks on c.TrackedLinkId equals t.Id
        join a in db.Assignments on t.AssignmentId equals a.Id
        join ag in db.Agents on a.AgentId equals ag.Id
        join e in db.Employees on ag.EmployeeId equals e.Id
        join u in db.Units on e.UnitId equals u.Id into units
        from u in units.DefaultIfEmpty()
        select new Fact
        {
            MessageId = a.MessageId, AgentId = a.AgentId, Platform = t.Platform, UnitId = e.UnitId, AgentName = e.Name,
            UnitName = u == null ? null : u.Name, VisitorHash = c.VisitorHash, IsBot = c.IsBot,
        };

    private static async Task<Dictionary<TKey, ClickFigures>> Figures<TKey>(IQueryable<Fact> facts, System.Linq.Expressions.Expression<Func<Fact, TKey>> key, CancellationToken ct)
        where TKey : notnull
    {
        var rows = await facts.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Clicks = g.Count(x => !x.IsBot),
                Visitors = g.Where(x => !x.IsBot).Select(x => x.VisitorHash).Distinct().Count(),
                Bots = g.Count(x => x.IsBot),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new ClickFigures(r.Clicks, r.Visitors, r.Bots));
    }
}
