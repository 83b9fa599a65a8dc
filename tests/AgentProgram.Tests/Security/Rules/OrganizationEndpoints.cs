namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// The institution profile and signatories (administrators), the logo (anyone signed in: it is on
/// pages and documents), and the unit tree and employee register (HR: Kepegawaian and administrators).
/// </summary>
public sealed class OrganizationEndpoints : IEndpointRuleSet
{
    private const Access HumanResources = Access.Administrator | Access.Kepegawaian;

    /// <summary>No such record: an allowed request answers 404 (or a form error) and changes nothing.</summary>
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "admin/instansi", Access.Administrator),
        new("POST", "admin/instansi", Access.Administrator),
        new("GET", "admin/instansi/logo", Access.AnyUser),
        new("GET", "admin/instansi/penandatangan/baru", Access.Administrator),
        new("POST", "admin/instansi/penandatangan/baru", Access.Administrator),
        new("GET", "admin/instansi/penandatangan/{id:int}", Access.Administrator, "/admin/instansi/penandatangan/" + NoId),
        new("POST", "admin/instansi/penandatangan/{id:int}", Access.Administrator, "/admin/instansi/penandatangan/" + NoId),
        new("POST", "admin/instansi/penandatangan/{id:int}/hapus", Access.Administrator, "/admin/instansi/penandatangan/" + NoId + "/hapus"),

        new("GET", "unit-kerja", HumanResources),
        new("GET", "unit-kerja/baru", HumanResources),
        new("POST", "unit-kerja/baru", HumanResources),
        new("GET", "unit-kerja/{id:int}", HumanResources, "/unit-kerja/" + NoId),
        new("POST", "unit-kerja/{id:int}", HumanResources, "/unit-kerja/" + NoId),
        new("POST", "unit-kerja/{id:int}/pindah", HumanResources, "/unit-kerja/" + NoId + "/pindah"),
        new("POST", "unit-kerja/{id:int}/tutup", HumanResources, "/unit-kerja/" + NoId + "/tutup"),
        new("POST", "unit-kerja/{id:int}/buka", HumanResources, "/unit-kerja/" + NoId + "/buka"),

        new("GET", "pegawai", HumanResources),
        new("GET", "pegawai/ekspor", HumanResources),
        new("GET", "pegawai/baru", HumanResources),
        new("POST", "pegawai/baru", HumanResources),
        new("GET", "pegawai/{id:int}", HumanResources, "/pegawai/" + NoId),
        new("GET", "pegawai/{id:int}/ubah", HumanResources, "/pegawai/" + NoId + "/ubah"),
        new("POST", "pegawai/{id:int}/ubah", HumanResources, "/pegawai/" + NoId + "/ubah"),
    ];
}
