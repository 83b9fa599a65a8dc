namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Share report verification: Humas works the queue; Pimpinan sees it and may decide too. Who may decide
/// a given report (never one's own; reversal only by Pimpinan or an approving Humas) is the workflow's
/// call inside the handler. Agents never reach these pages.
/// </summary>
public sealed class ShareVerificationEndpoints : IEndpointRuleSet
{
    private const Access Verifiers = Access.Humas | Access.Pimpinan;

    /// <summary>No such report: an allowed request answers 404 and changes nothing.</summary>
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "verifikasi-laporan", Verifiers),
        new("GET", "verifikasi-laporan/{id:long}", Verifiers, "/verifikasi-laporan/" + NoId),
        new("POST", "verifikasi-laporan/{id:long}/verifikasi", Verifiers, "/verifikasi-laporan/" + NoId + "/verifikasi"),
        new("POST", "verifikasi-laporan/{id:long}/tolak", Verifiers, "/verifikasi-laporan/" + NoId + "/tolak"),
        new("POST", "verifikasi-laporan/{id:long}/balikkan", Verifiers, "/verifikasi-laporan/" + NoId + "/balikkan"),
        new("POST", "verifikasi-laporan/massal", Verifiers),
    ];
}
