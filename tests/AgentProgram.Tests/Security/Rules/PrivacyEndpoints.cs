namespace AgentProgram.Tests.Security.Rules;

/// <summary>Privacy: HR (Kepegawaian) and administrators erase an agent's personal data on request, from the agent's page.</summary>
public sealed class PrivacyEndpoints : IEndpointRuleSet
{
    private const Access HumanResources = Access.Kepegawaian | Access.Administrator;
    private const string NoAgent = "/agen/999999/hapus-data-pribadi";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "agen/{id:int}/hapus-data-pribadi", HumanResources, NoAgent),
        new("POST", "agen/{id:int}/hapus-data-pribadi", HumanResources, NoAgent),
    ];
}
