using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Assignments;

public sealed record NotificationsPage(IReadOnlyList<Notification> Items, int Total, int Page, int PageCount, int Unread);

/// <summary>The signed-in user's in-app notifications. Only ever the user's own rows.</summary>
public sealed class NotificationsHandler(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadUtc == null, ct);

    public async Task<NotificationsPage> ListAsync(string userId, int page, CancellationToken ct = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new NotificationsPage(items, total, page, pageCount, await UnreadAsync(userId, ct));
    }

    /// <summary>Marks one notification read and returns its local link (or "/"), or null when it is not the user's.</summary>
    public async Task<string?> OpenAsync(string userId, long id, CancellationToken ct = default)
    {
        var n = await db.Notifications.AsNoTracking().Where(x => x.Id == id && x.UserId == userId).Select(x => new { x.Url }).SingleOrDefaultAsync(ct);
        if (n is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(x => x.Id == id && x.UserId == userId && x.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadUtc, now), ct);
        return IsLocal(n.Url) ? n.Url! : "/";
    }

    public Task<int> ReadAllAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(x => x.UserId == userId && x.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadUtc, now), ct);
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
