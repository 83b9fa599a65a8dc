using System.Text.Json;
using AgentProgram.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AgentProgram.Web.Infrastructure.Audit;

/// <summary>Turns tracked changes of <see cref="IAudited"/> entities into audit entries.</summary>
internal static class AuditTrail
{
    /// <summary>Identity internals that must never be copied into the trail.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    internal sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?> Changes);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var e in tracker.Entries())
        {
            if (e.Entity is not IAudited) continue;
            var action = e.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Modified => AuditActions.Updated,
                EntityState.Deleted => AuditActions.Deleted,
                _ => null,
            };
            if (action is null) continue;
            var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in e.Properties)
            {
                var name = p.Metadata.Name;
                if (Secret.Contains(name) || p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), true) == true) continue;
                switch (e.State)
                {
                    case EntityState.Added when !p.IsTemporary:
                        changes[name] = new { @new = p.CurrentValue };
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[name] = new { old = p.OriginalValue, @new = p.CurrentValue };
                        break;
                    case EntityState.Deleted:
                        changes[name] = new { old = p.OriginalValue };
                        break;
                }
            }
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            list.Add(new Pending(e, action, changes));
        }
        return list;
    }

    public static AuditEntry ToEntry(Pending p, IAuditActor actor, DateTime nowUtc)
    {
        var key = p.Entry.Metadata.FindPrimaryKey();
        var keyText = key is null ? null : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
        if (p.Action == AuditActions.Created)
        {
            // Generated keys are known only after the insert; record them now.
            foreach (var k in key?.Properties ?? [])
                p.Changes[k.Name] = new { @new = p.Entry.Property(k.Name).CurrentValue };
        }
        return new AuditEntry
        {
            OccurredUtc = nowUtc,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Path = actor.Path,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityKey = keyText,
            Changes = JsonSerializer.Serialize(p.Changes),
        };
    }
}
