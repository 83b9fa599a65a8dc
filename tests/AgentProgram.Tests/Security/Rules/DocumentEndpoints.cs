namespace AgentProgram.Tests.Security.Rules;

/// <summary>PDF documents: the public verification page, and the downloads and finalisation for officers.</summary>
public sealed class DocumentEndpoints : IEndpointRuleSet
{
    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "verifikasi", Access.Everyone),
        new("GET", "verifikasi/{code}", Access.Everyone, "/verifikasi/ABCDEFGHJK"),
        new("GET", "admin/instansi/penomoran", Access.Administrator),
        new("POST", "admin/instansi/penomoran", Access.Administrator),
    ];
}
