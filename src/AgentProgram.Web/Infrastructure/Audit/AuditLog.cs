using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;

namespace AgentProgram.Web.Infrastructure.Audit;

/// <summary>Writes security events (sign-in, access denied…) that are not entity changes.</summary>
public sealed class AuditLog(AppDbContext db, IAuditActor actor, TimeProvider clock)
{
    public async Task WriteAsync(string action, string? userId = null, string? userName = null, string? detail = null,
        string? entityType = null, string? entityKey = null, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? actor.UserId,
            UserName = Truncate(userName ?? actor.UserName, 256),
            IpAddress = actor.IpAddress,
            Path = actor.Path,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            Changes = detail,
        });
        await db.SaveChangesAsync(ct);
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
