namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Policy messages: Humas writes and edits; Humas and Pimpinan see the list, the queue and the detail and
/// take the workflow steps (the workflow itself then decides per message: author, approver flag, status).
/// Stored media are served to anyone signed in (agents download them to post). The election guard's
/// periods and candidate names are kept by administrators and Humas.
/// </summary>
public sealed class MessageEndpoints : IEndpointRuleSet
{
    private const Access Writers = Access.Humas;
    private const Access Staff = Access.Humas | Access.Pimpinan;
    private const Access ElectionAdmins = Access.Administrator | Access.Humas;

    /// <summary>No such message: an allowed request answers 404 and changes nothing.</summary>
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "pesan", Staff),
        new("GET", "pesan/baru", Writers),
        new("POST", "pesan/baru", Writers),
        new("GET", "pesan/{id:int}", Staff, "/pesan/" + NoId),
        new("GET", "pesan/{id:int}/ubah", Writers, "/pesan/" + NoId + "/ubah"),
        new("POST", "pesan/{id:int}/ubah", Writers, "/pesan/" + NoId + "/ubah"),
        new("POST", "pesan/{id:int}/media", Writers, "/pesan/" + NoId + "/media"),
        new("GET", "pesan/media/{mediaId:int}", Access.AnyUser, "/pesan/media/" + NoId),
        new("POST", "pesan/{id:int}/ajukan", Writers, "/pesan/" + NoId + "/ajukan"),
        new("POST", "pesan/{id:int}/setujui", Staff, "/pesan/" + NoId + "/setujui"),
        new("POST", "pesan/{id:int}/terbitkan", Staff, "/pesan/" + NoId + "/terbitkan"),
        new("POST", "pesan/{id:int}/tutup", Staff, "/pesan/" + NoId + "/tutup"),
        new("POST", "pesan/{id:int}/tarik", Staff, "/pesan/" + NoId + "/tarik"),

        new("GET", "admin/pemilu", ElectionAdmins),
        new("POST", "admin/pemilu/periode", ElectionAdmins),
        new("GET", "admin/pemilu/periode/{id:int}", ElectionAdmins, "/admin/pemilu/periode/" + NoId),
        new("POST", "admin/pemilu/periode/{id:int}", ElectionAdmins, "/admin/pemilu/periode/" + NoId),
        new("POST", "admin/pemilu/periode/{id:int}/hapus", ElectionAdmins, "/admin/pemilu/periode/" + NoId + "/hapus"),
        new("POST", "admin/pemilu/calon", ElectionAdmins),
        new("POST", "admin/pemilu/calon/{id:int}/hapus", ElectionAdmins, "/admin/pemilu/calon/" + NoId + "/hapus"),
    ];
}
