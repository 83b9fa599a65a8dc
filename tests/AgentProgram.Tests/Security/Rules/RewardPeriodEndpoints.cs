namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Reward periods: every staff role reads periods and results; Humas and Pimpinan create and close;
/// Humas calculates and writes the notes; only a Pimpinan approves; only an administrator reopens.
/// Whether the period's state allows the step is the workflow's call inside the handler. Agents never
/// reach these pages (their own statements live elsewhere).
/// </summary>
public sealed class RewardPeriodEndpoints : IEndpointRuleSet
{
    private const Access Managers = Access.Humas | Access.Pimpinan;

    /// <summary>No such period: an allowed request answers 404 and changes nothing.</summary>
    private const string NoId = "/periode-penghargaan/999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "periode-penghargaan", Access.Staff),
        new("GET", "periode-penghargaan/baru", Managers),
        new("POST", "periode-penghargaan/baru", Managers),
        new("GET", "periode-penghargaan/{id:int}", Access.Staff, NoId),
        new("POST", "periode-penghargaan/{id:int}/hitung", Access.Humas, NoId + "/hitung"),
        new("GET", "periode-penghargaan/{id:int}/setujui", Access.Pimpinan, NoId + "/setujui"),
        new("POST", "periode-penghargaan/{id:int}/setujui", Access.Pimpinan, NoId + "/setujui"),
        new("POST", "periode-penghargaan/{id:int}/tutup", Managers, NoId + "/tutup"),
        new("GET", "periode-penghargaan/{id:int}/buka-kembali", Access.Administrator, NoId + "/buka-kembali"),
        new("POST", "periode-penghargaan/{id:int}/buka-kembali", Access.Administrator, NoId + "/buka-kembali"),
        new("POST", "periode-penghargaan/{id:int}/catatan", Access.Humas, NoId + "/catatan"),
    ];
}
