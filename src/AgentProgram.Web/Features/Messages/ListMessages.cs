using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using Microsoft.EntityFrameworkCore;

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

/// <summary>The message list with filters, and the approvers' queue (Submitted, oldest first).</summary>
public sealed class ListMessagesHandler(AppDbContext db)
{
    public async Task<MessageListPage> HandleAsync(MessageListQuery q, CancellationToken ct = default)
    {
        var query = db.PolicyMessages.AsNoTracking();
        if (q.Queue) query = query.Where(m => m.Status == MessageStatus.Submitted);
        else if (q.Status is { } s) query = query.Where(m => m.Status == s);
        if (q.Mission is { } t) query = query.Where(m => m.Mission == t);
        if (q.Search is { } term) query = query.Where(m => m.Title.Contains(term));
        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + MessageListQuery.PageSize - 1) / MessageListQuery.PageSize);
        var page = Math.Min(q.Page, pageCount);
        query = q.Queue ? query.OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id) : query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id);
        var rows = await query.Skip((page - 1) * MessageListQuery.PageSize).Take(MessageListQuery.PageSize)
            .Select(m => new MessageRow(m.Id, m.Title, m.Status, m.Mission, m.ActiveFromUtc, m.ActiveUntilUtc, m.CreatedUtc, m.ElectionFlag != null))
            .ToListAsync(ct);
        var queue = await db.PolicyMessages.CountAsync(m => m.Status == MessageStatus.Submitted, ct);
        return new MessageListPage(q with { Page = page }, rows, count, pageCount, queue);
    }
}
