namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// The CSV/XLSX downloads of lists: "&lt;list&gt;/ekspor" beside each list, with the list's own
/// authorization (pegawai/ekspor and agen/ekspor keep their rows in OrganizationEndpoints and AgentEndpoints).
/// </summary>
public sealed class ExportEndpoints : IEndpointRuleSet
{
    private const Access HumanResources = Access.Administrator | Access.Kepegawaian;
    private const Access Communications = Access.Humas | Access.Pimpinan;
    private const string NoId = "999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "unit-kerja/ekspor", HumanResources),
        new("GET", "catatan-disiplin/ekspor", HumanResources),
        new("GET", "admin/pengguna/ekspor", Access.Administrator),
        new("GET", "admin/jejak-audit/ekspor", Access.Administrator),
        new("GET", "pesan/ekspor", Communications),
        new("GET", "verifikasi-laporan/ekspor", Communications),
        new("GET", "tanggapan-publik/ekspor", Communications),
        new("GET", "skema-penghargaan/ekspor", Communications),
        new("GET", "statistik-tautan/ekspor", Communications),
        new("GET", "verifikasi-akun/ekspor", Access.Humas),
        new("GET", "periode-penghargaan/ekspor", Access.Staff),
        new("GET", "periode-penghargaan/{id:int}/ekspor", Access.Staff, "/periode-penghargaan/" + NoId + "/ekspor"),
        new("GET", "laporan-saya/ekspor", Access.Agen),
        new("GET", "penghargaan-saya/ekspor", Access.Agen),
    ];
}
