namespace AgentProgram.Tests.Security.Rules;

/// <summary>User management and the audit trail: administrators only.</summary>
public sealed class AdminEndpoints : IEndpointRuleSet
{
    /// <summary>No such user: an allowed request answers 404 and changes nothing.</summary>
    private const string NoUser = "/admin/pengguna/00000000-0000-0000-0000-000000000000";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "admin/pengguna", Access.Administrator),
        new("GET", "admin/pengguna/baru", Access.Administrator),
        new("POST", "admin/pengguna/baru", Access.Administrator),
        new("GET", "admin/pengguna/{id}", Access.Administrator, NoUser),
        new("POST", "admin/pengguna/{id}", Access.Administrator, NoUser),
        new("POST", "admin/pengguna/{id}/nonaktifkan", Access.Administrator, NoUser + "/nonaktifkan"),
        new("POST", "admin/pengguna/{id}/aktifkan", Access.Administrator, NoUser + "/aktifkan"),
        new("POST", "admin/pengguna/{id}/setel-ulang", Access.Administrator, NoUser + "/setel-ulang"),
        new("GET", "admin/jejak-audit", Access.Administrator),
    ];
}
