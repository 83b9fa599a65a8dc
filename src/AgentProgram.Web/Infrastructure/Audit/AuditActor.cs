using System.Security.Claims;

namespace AgentProgram.Web.Infrastructure.Audit;

/// <summary>Who is acting, as far as the audit trail is concerned.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string? UserName { get; }
    string? IpAddress { get; }
    string? Path { get; }
}

/// <summary>The signed-in user of the current request (or anonymous).</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private HttpContext? Http => accessor.HttpContext;
    public string? UserId => Http?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => Http?.User.Identity?.IsAuthenticated == true ? Http.User.Identity.Name : null;
    public string? IpAddress => Http?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The route path only: query strings can carry search terms such as a NIP, so they are never kept.</summary>
    public string? Path => Http?.Request.Path.Value is { } p ? Truncate(p, 256) : null;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Operator verbs, seeding and background work act as the system.</summary>
public sealed class SystemAuditActor(string name = "system") : IAuditActor
{
    public string? UserId => null;
    public string? UserName { get; } = name;
    public string? IpAddress => null;
    public string? Path => null;
}
