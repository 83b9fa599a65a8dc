namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Tracked links: anyone may follow one (an unknown token answers the friendly 404 page); Humas
/// reads the click statistics, and Pimpinan may read them too.
/// </summary>
public sealed class TrackedLinkEndpoints : IEndpointRuleSet
{
    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "s/{token}", Access.Everyone, "/s/AAAAAAAAAAAAAAAAAAAAAA"),
        new("GET", "statistik-tautan", Access.Humas | Access.Pimpinan),
    ];
}
