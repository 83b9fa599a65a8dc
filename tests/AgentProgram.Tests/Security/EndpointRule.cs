namespace AgentProgram.Tests.Security;

/// <summary>Who may reach an endpoint. Each role is tested with a user holding only that role.</summary>
[Flags]
public enum Access
{
    None = 0,
    Anonymous = 1,
    Administrator = 2,
    Kepegawaian = 4,
    Humas = 8,
    Pimpinan = 16,
    Agen = 32,
    Staff = Administrator | Kepegawaian | Humas | Pimpinan,
    AnyUser = Staff | Agen,
    Everyone = AnyUser | Anonymous,
}

/// <summary>
/// One row of the authorization matrix: an endpoint (HTTP method and route template exactly as
/// ASP.NET reports it), who may use it, and a concrete URL to call it with (route values filled).
/// </summary>
public sealed record EndpointRule(string Method, string Route, Access Allowed, string? SampleUrl = null)
{
    /// <summary>Set only for endpoints that change nothing (error pages re-executed for a failed POST).</summary>
    public string? AntiforgeryExemptBecause { get; init; }

    public string Url => SampleUrl ?? "/" + Route.TrimStart('/');
    public override string ToString() => $"{Method} /{Route.TrimStart('/')}";
}

/// <summary>
/// A feature's rows. Each feature adds a class implementing this in Security/Rules/; the matrix
/// test collects them all and fails when an endpoint has no row or a row has no endpoint.
/// </summary>
public interface IEndpointRuleSet
{
    IEnumerable<EndpointRule> Rules { get; }
}
