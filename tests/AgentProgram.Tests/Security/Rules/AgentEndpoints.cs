namespace AgentProgram.Tests.Security.Rules;

/// <summary>
/// Agents: HR (and administrators) enrol and manage them; an agent sees and changes only their own
/// consent, social accounts and data; Humas verifies social accounts.
/// </summary>
public sealed class AgentEndpoints : IEndpointRuleSet
{
    private const Access HumanResources = Access.Kepegawaian | Access.Administrator;

    /// <summary>No such agent or account: an allowed request answers 404 and changes nothing.</summary>
    private const string NoAgent = "/agen/999999";
    private const string NoAccount = "/agen/akun-media-sosial/999999";

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "agen", HumanResources),
        new("GET", "agen/ekspor", HumanResources),
        new("GET", "agen/daftarkan", HumanResources),
        new("POST", "agen/daftarkan", HumanResources),
        new("POST", "agen/daftarkan/unduh", HumanResources),
        new("GET", "agen/{id:int}", HumanResources, NoAgent),
        new("POST", "agen/{id:int}/tangguhkan", HumanResources, NoAgent + "/tangguhkan"),
        new("POST", "agen/{id:int}/aktifkan", HumanResources, NoAgent + "/aktifkan"),
        new("POST", "agen/{id:int}/akhiri", HumanResources, NoAgent + "/akhiri"),

        new("GET", "agen/persetujuan", Access.Agen),
        new("POST", "agen/persetujuan", Access.Agen),
        new("GET", "agen/akun-media-sosial", Access.Agen),
        new("GET", "agen/akun-media-sosial/baru", Access.Agen),
        new("POST", "agen/akun-media-sosial/baru", Access.Agen),
        new("GET", "agen/akun-media-sosial/{id:int}", Access.Agen, NoAccount),
        new("POST", "agen/akun-media-sosial/{id:int}", Access.Agen, NoAccount),
        new("POST", "agen/akun-media-sosial/{id:int}/hapus", Access.Agen, NoAccount + "/hapus"),
        new("GET", "agen/data-saya", Access.Agen),
        new("GET", "agen/data-saya/unduh", Access.Agen),
        new("POST", "agen/data-saya/tarik-persetujuan", Access.Agen),

        new("GET", "verifikasi-akun", Access.Humas),
        new("POST", "verifikasi-akun/verifikasi", Access.Humas),
        new("POST", "verifikasi-akun/tolak", Access.Humas),
    ];
}
