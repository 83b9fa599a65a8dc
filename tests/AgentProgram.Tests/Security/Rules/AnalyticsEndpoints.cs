namespace AgentProgram.Tests.Security.Rules;

/// <summary>The analytics page and its exports: Humas, Pimpinan and the administrator.</summary>
public sealed class AnalyticsEndpoints : IEndpointRuleSet
{
    private const Access Readers = Access.Humas | Access.Pimpinan | Access.Administrator;

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "analitik", Readers),
        new("GET", "analitik/ekspor", Readers, "/analitik/ekspor?tabel=pesan"),
    ];
}
