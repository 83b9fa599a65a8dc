namespace AgentProgram.Web.Domain.Audit;

/// <summary>
/// One line of the append-only audit trail. Rows are only ever inserted: the context refuses
/// to update or delete them (see AppDbContext.SaveChanges).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }

    /// <summary>The acting user's id, or null for anonymous events (a failed sign-in).</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's email at the time, or the attempted email of a failed sign-in.</summary>
    public string? UserName { get; set; }

    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityKey { get; set; }

    /// <summary>JSON object: field name to { "old": …, "new": … }; or free detail for security events.</summary>
    public string? Changes { get; set; }

    public string? IpAddress { get; set; }
    public string? Path { get; set; }
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignOut = "SignOut";
    public const string LockedOut = "LockedOut";
    public const string AccessDenied = "AccessDenied";
    public const string PasswordChanged = "PasswordChanged";
    public const string PasswordReset = "PasswordReset";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";

    /// <summary>One summary entry per import batch (per-row entity audit is suppressed for bulk imports).</summary>
    public const string Imported = "Imported";

    public static readonly IReadOnlyList<string> All =
        [Created, Updated, Deleted, SignIn, SignInFailed, SignOut, LockedOut, AccessDenied, PasswordChanged, PasswordReset, TwoFactorEnabled, TwoFactorDisabled, Imported];
}

/// <summary>Marks an entity whose creates, updates and deletes are written to the audit trail.</summary>
public interface IAudited;

/// <summary>Marks a property whose value must never be written to the audit trail (hashes, secrets).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
