using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

public sealed record MessageListQuery(string? Search, MessageStatus? Status, MissionTag? Mission, bool Queue, int Page)
{
    public const int PageSize = 25;

    public static MessageListQuery From(string? q, string? status, string? misi, string? antrean, int hal) => new(
        string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)],
        Enum.TryParse<MessageStatus>(status, out var s) && Enum.IsDefined(s) ? s : null,
        Enum.TryParse<MissionTag>(misi, out var t) && Enum.IsDefined(t) ? t : null,
        antrean == "1",
        Math.Max(1, hal));

    public bool HasFilters => Search is not null || Status is not null || Mission is not null || Queue;

    public string UrlFor(int page)
    {
        var parts = new List<string>();
        if (Search is not null) parts.Add("q=" + Uri.EscapeDataString(Search));
        if (Status is not null) parts.Add("status=" + Status);
        if (Mission is not null) parts.Add("misi=" + Mission);
        if (Queue) parts.Add("antrean=1");
        if (page > 1) parts.Add("hal=" + page);
        return "/pesan" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}

public sealed record MessageRow(int Id, string Title, MessageStatus Status, MissionTag Mission, DateTime ActiveFromUtc, DateTime ActiveUntilUtc, DateTime CreatedUtc, bool Flagged);

public sealed record MessageListPage(MessageListQuery Query, IReadOnlyList<MessageRow> Rows, int MatchCount, int PageCount, int QueueCount);

/// <summary>The message list with filters, and the approvers' queue (Submitted, oldest first); the export reads the same query unpaged.</summary>
public sealed class ListMessagesHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<MessageListPage> HandleAsync(MessageListQuery q, CancellationToken ct = default)
    {
        var query = Filtered(q);
        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + MessageListQuery.PageSize - 1) / MessageListQuery.PageSize);
        var page = Math.Min(q.Page, pageCount);
        var rows = await Rows(query.Skip((page - 1) * MessageListQuery.PageSize).Take(MessageListQuery.PageSize)).ToListAsync(ct);
        var queue = await db.PolicyMessages.CountAsync(m => m.Status == MessageStatus.Submitted, ct);
        return new MessageListPage(q with { Page = page }, rows, count, pageCount, queue);
    }

    /// <summary>Every message the filters select (all pages, at most limit + 1), with the page's columns; the election badge is a column of its own.</summary>
    public async Task<ExportTable> ExportAsync(MessageListQuery q, int limit, CancellationToken ct = default)
    {
        var rows = await Rows(Filtered(q).Take(limit + 1)).ToListAsync(ct);
        string Day(DateTime utc) => display.ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExportColumns<MessageRow>()
            .Text(l["Judul"], r => r.Title)
            .Text(l["Masa pemilu"], r => r.Flagged ? l["Ya"] : l["Tidak"])
            .Text(l["Status"], r => l[r.Status.Label()])
            .Text(l["Misi"], r => l[r.Mission.Label()])
            .Text(l["Masa aktif"], r => Day(r.ActiveFromUtc) + " – " + Day(r.ActiveUntilUtc))
            .DateTime(l["Dibuat"], r => display.ToLocal(r.CreatedUtc))
            .Table(q.Queue ? l["Antrean persetujuan"] : l["Pesan Kebijakan"], rows, limit);
    }

    /// <summary>The list's filter and order: the queue oldest first, otherwise newest first.</summary>
    private IQueryable<PolicyMessage> Filtered(MessageListQuery q)
    {
        var query = db.PolicyMessages.AsNoTracking();
        if (q.Queue) query = query.Where(m => m.Status == MessageStatus.Submitted);
        else if (q.Status is { } s) query = query.Where(m => m.Status == s);
        if (q.Mission is { } t) query = query.Where(m => m.Mission == t);
        if (q.Search is { } term) query = query.Where(m => m.Title.Contains(term));
        return q.Queue ? query.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id) : query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id);
    }

    private static IQueryable<MessageRow> Rows(IQueryable<PolicyMessage> messages) =>
        messages.Select(m => new MessageRow(m.Id, m.Title, m.Status, m.Mission, m.ActiveFromUtc, m.ActiveUntilUtc, m.CreatedUtc, m.ElectionFlag != null));
}
