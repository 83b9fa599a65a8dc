namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Reward schemes: Humas creates schemes, edits and submits draft versions and starts new versions; Pimpinan
/// approves (after a confirmation page) or returns a submitted version; both read the list, schemes and versions.
/// </summary>
public sealed class RewardSchemeEndpoints : IEndpointRuleSet
{
    private const Access Readers = Access.Humas | Access.Pimpinan;
    private const string Version = "/skema-penghargaan/999999/versi/1";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "skema-penghargaan", Readers),
        new("GET", "skema-penghargaan/baru", Access.Humas),
        new("POST", "skema-penghargaan/baru", Access.Humas),
        new("GET", "skema-penghargaan/{id:int}", Readers, "/skema-penghargaan/999999"),
        new("POST", "skema-penghargaan/{id:int}/versi-baru", Access.Humas, "/skema-penghargaan/999999/versi-baru"),
        new("GET", "skema-penghargaan/{id:int}/versi/{number:int}", Readers, Version),
        new("GET", "skema-penghargaan/{id:int}/versi/{number:int}/ubah", Access.Humas, Version + "/ubah"),
        new("POST", "skema-penghargaan/{id:int}/versi/{number:int}/ubah", Access.Humas, Version + "/ubah"),
        new("POST", "skema-penghargaan/{id:int}/versi/{number:int}/ajukan", Access.Humas, Version + "/ajukan"),
        new("GET", "skema-penghargaan/{id:int}/versi/{number:int}/setujui", Access.Pimpinan, Version + "/setujui"),
        new("POST", "skema-penghargaan/{id:int}/versi/{number:int}/setujui", Access.Pimpinan, Version + "/setujui"),
        new("POST", "skema-penghargaan/{id:int}/versi/{number:int}/kembalikan", Access.Pimpinan, Version + "/kembalikan"),
    ];
}
