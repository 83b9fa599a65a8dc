namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Reward statements: an agent reads their own (an unknown period answers 404); Humas, Kepegawaian and
/// Pimpinan open any agent's statement. Administrators are not officers of the programme here.
/// </summary>
public sealed class MyRewardsEndpoints : IEndpointRuleSet
{
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "penghargaan-saya", Access.Agen),
        new("GET", "penghargaan-saya/{periodId:int}", Access.Agen, "/penghargaan-saya/" + NoId),
        new("GET", "penghargaan-saya/{periodId:int}/peringkat", Access.Agen, "/penghargaan-saya/" + NoId + "/peringkat"),
        new("GET", "penghargaan/{periodId:int}/agen/{agentId:int}", Access.Humas | Access.Kepegawaian | Access.Pimpinan | Access.Administrator, "/penghargaan/" + NoId + "/agen/" + NoId),
    ];
}
