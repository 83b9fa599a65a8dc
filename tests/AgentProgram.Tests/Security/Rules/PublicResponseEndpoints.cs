namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Public responses: an agent records reactions for their own share reports (another agent's id answers
/// 404). Humas works the queue (route, answered, referred); Pimpinan reads the queue and the summary.
/// </summary>
public sealed class PublicResponseEndpoints : IEndpointRuleSet
{
    private const Access Readers = Access.Humas | Access.Pimpinan;
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "laporan-saya/{reportId:long}/tanggapan", Access.Agen, "/laporan-saya/" + NoId + "/tanggapan"),
        new("POST", "laporan-saya/{reportId:long}/tanggapan", Access.Agen, "/laporan-saya/" + NoId + "/tanggapan"),
        new("GET", "tanggapan-publik", Readers),
        new("GET", "tanggapan-publik/ringkasan", Readers),
        new("POST", "tanggapan-publik/{id:long}/teruskan", Access.Humas, "/tanggapan-publik/" + NoId + "/teruskan"),
        new("POST", "tanggapan-publik/{id:long}/dijawab", Access.Humas, "/tanggapan-publik/" + NoId + "/dijawab"),
        new("POST", "tanggapan-publik/{id:long}/dirujuk", Access.Humas, "/tanggapan-publik/" + NoId + "/dirujuk"),
    ];
}
