namespace AgentProgram.Tests.Security.Rules;

/// <summary>PDF documents: the public verification page, and the downloads and finalisation for officers.</summary>
public sealed class DocumentEndpoints : IEndpointRuleSet
{
    private const string NoId = "999999";
    private const Access Officers = Access.Humas | Access.Kepegawaian | Access.Pimpinan | Access.Administrator;

    public IEnumerable<EndpointRule> Rules =>
    [
        new("GET", "verifikasi", Access.Everyone),
        new("GET", "verifikasi/{code}", Access.Everyone, "/verifikasi/ABCDEFGHJK"),
        new("GET", "admin/instansi/penomoran", Access.Administrator),
        new("POST", "admin/instansi/penomoran", Access.Administrator),
        new("GET", "dokumen/periode/{periodId:int}", Officers, "/dokumen/periode/" + NoId),
        new("GET", "dokumen/periode/{periodId:int}/{slug}", Officers, "/dokumen/periode/" + NoId + "/ringkasan"),
        new("GET", "dokumen/periode/{periodId:int}/{slug}/agen/{agentId:int}", Officers, "/dokumen/periode/" + NoId + "/rekomendasi/agen/" + NoId),
        new("GET", "dokumen/periode/{periodId:int}/{slug}/arsip", Officers, "/dokumen/periode/" + NoId + "/rekomendasi/arsip"),
        new("POST", "dokumen/periode/{periodId:int}/{slug}/final", Access.Pimpinan, "/dokumen/periode/" + NoId + "/lampiran/final"),
        new("POST", "dokumen/periode/{periodId:int}/{slug}/agen/{agentId:int}/final", Access.Pimpinan, "/dokumen/periode/" + NoId + "/laporan-agen/agen/" + NoId + "/final"),
        new("GET", "dokumen/pesan/{messageId:int}", Officers, "/dokumen/pesan/" + NoId),
        new("POST", "dokumen/pesan/{messageId:int}/final", Access.Pimpinan, "/dokumen/pesan/" + NoId + "/final"),
        new("GET", "dokumen/{id:long}", Officers, "/dokumen/" + NoId),
        new("GET", "dokumen/saya/periode/{periodId:int}", Access.Agen, "/dokumen/saya/periode/" + NoId),
        new("GET", "dokumen/saya/{id:long}", Access.Agen, "/dokumen/saya/" + NoId),
    ];
}
