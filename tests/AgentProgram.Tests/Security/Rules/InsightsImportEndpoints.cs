namespace AgentProgram.Tests.Security.Rules;

/// <summary>The insights import is Humas's: upload, choose the columns, import. Nobody else reaches it.</summary>
public sealed class InsightsImportEndpoints : IEndpointRuleSet
{
    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "impor-insight", Access.Humas),
        new("POST", "impor-insight/unggah", Access.Humas),
        new("POST", "impor-insight/impor", Access.Humas),
        new("POST", "impor-insight/baris.csv", Access.Humas),
    ];
}
