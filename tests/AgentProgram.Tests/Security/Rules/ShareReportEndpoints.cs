namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Share reports, agent side: an agent logs shares for their own assignments and reads and adds to their
/// own reports (another agent's id answers 404). The screenshot is served to any signed-in user's
/// request, and the handler then allows only the report's agent, Humas and Pimpinan (404 otherwise).
/// </summary>
public sealed class ShareReportEndpoints : IEndpointRuleSet
{
    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "tugas/{id:int}/lapor", Access.Agen, "/tugas/999999/lapor"),
        new("POST", "tugas/{id:int}/lapor", Access.Agen, "/tugas/999999/lapor"),
        new("GET", "laporan-saya", Access.Agen),
        new("GET", "laporan-saya/{id:long}", Access.Agen, "/laporan-saya/999999"),
        new("POST", "laporan-saya/{id:long}/angka", Access.Agen, "/laporan-saya/999999/angka"),
        new("POST", "laporan-saya/{id:long}/koreksi", Access.Agen, "/laporan-saya/999999/koreksi"),
        new("GET", "laporan-sebaran/{id:long}/bukti", Access.AnyUser, "/laporan-sebaran/999999/bukti"),
    ];
}
