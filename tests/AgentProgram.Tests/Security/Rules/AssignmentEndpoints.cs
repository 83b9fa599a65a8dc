namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Assignments: Humas assigns messages; an agent opens only their own assignments and share actions
/// (another agent's id answers 404); every signed-in user reads their own notifications.
/// </summary>
public sealed class AssignmentEndpoints : IEndpointRuleSet
{
    private const string NoMessage = "/pesan/999999";
    private const string NoTask = "/tugas/999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "pesan/{id:int}/tugaskan", Access.Humas, NoMessage + "/tugaskan"),
        new("POST", "pesan/{id:int}/tugaskan", Access.Humas, NoMessage + "/tugaskan"),
        new("GET", "tugas/{id:int}", Access.Agen, NoTask),
        new("POST", "tugas/{id:int}/bagikan", Access.Agen, NoTask + "/bagikan"),
        new("POST", "tugas/{id:int}/dibagikan", Access.Agen, NoTask + "/dibagikan"),
        new("GET", "notifikasi", Access.AnyUser),
        new("GET", "notifikasi/{id:long}", Access.AnyUser, "/notifikasi/999999"),
        new("POST", "notifikasi/baca-semua", Access.AnyUser),
    ];
}
