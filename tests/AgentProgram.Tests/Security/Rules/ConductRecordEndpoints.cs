namespace AgentProgram.Tests.Security.Rules;

/// <summary>Conduct records (hukuman disiplin, netralitas): Kepegawaian and administrators only.</summary>
public sealed class ConductRecordEndpoints : IEndpointRuleSet
{
    private const Access Hr = Access.Kepegawaian | Access.Administrator;
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "catatan-disiplin", Hr),
        new("GET", "catatan-disiplin/tambah", Hr),
        new("POST", "catatan-disiplin/tambah", Hr),
        new("GET", "catatan-disiplin/{id:int}/cabut", Hr, "/catatan-disiplin/" + NoId + "/cabut"),
        new("POST", "catatan-disiplin/{id:int}/cabut", Hr, "/catatan-disiplin/" + NoId + "/cabut"),
    ];
}
