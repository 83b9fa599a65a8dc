namespace AgentProgram.Tests.Security.Rules;

/// <summary>SIASN imports: HR (Kepegawaian) and administrators only.</summary>
public sealed class ImportEndpoints : IEndpointRuleSet
{
    /// <summary>No such batch: an allowed request answers 404 and changes nothing.</summary>
    private const string NoBatch = "/impor/999999";

    private const Access HumanResources = Access.Administrator | Access.Kepegawaian;

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "impor", HumanResources),
        new("POST", "impor/unggah", HumanResources),
        new("GET", "impor/{id:int}", HumanResources, NoBatch),
        new("POST", "impor/{id:int}/pemetaan", HumanResources, NoBatch + "/pemetaan"),
        new("POST", "impor/{id:int}/mulai", HumanResources, NoBatch + "/mulai"),
        new("POST", "impor/{id:int}/batal", HumanResources, NoBatch + "/batal"),
        new("GET", "impor/{id:int}/masalah.csv", HumanResources, NoBatch + "/masalah.csv"),
    ];
}
