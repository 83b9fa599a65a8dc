namespace AgentProgram.Web.Domain.Employees;

/// <summary>Kedudukan hukum (DOMAIN.md §4). The numbers are stored: never renumber.</summary>
public enum LegalStatus
{
    Aktif = 1,
    Cltn = 2,
    TugasBelajar = 3,
    PemberhentianSementara = 4,
    MasaPersiapanPensiun = 5,

    /// <summary>Any other SIASN value (penerima uang tunggu, pejabat negara, …): frozen like the others.</summary>
    Other = 99,
}

public static class LegalStatuses
{
    // Exact phrases, not substrings: "TIDAK AKTIF" must never read as Aktif.
    private static readonly Dictionary<string, LegalStatus> Known = new(StringComparer.Ordinal)
    {
        ["AKTIF"] = LegalStatus.Aktif,
        ["ACTIVE"] = LegalStatus.Aktif,
        ["CLTN"] = LegalStatus.Cltn,
        ["CUTI DI LUAR TANGGUNGAN NEGARA"] = LegalStatus.Cltn,
        ["CUTI LUAR TANGGUNGAN NEGARA"] = LegalStatus.Cltn,
        ["TUGAS BELAJAR"] = LegalStatus.TugasBelajar,
        ["TUBEL"] = LegalStatus.TugasBelajar,
        ["PEMBERHENTIAN SEMENTARA"] = LegalStatus.PemberhentianSementara,
        ["DIBERHENTIKAN SEMENTARA"] = LegalStatus.PemberhentianSementara,
        ["BERHENTI SEMENTARA"] = LegalStatus.PemberhentianSementara,
        ["MASA PERSIAPAN PENSIUN"] = LegalStatus.MasaPersiapanPensiun,
        ["MPP"] = LegalStatus.MasaPersiapanPensiun,
    };

    /// <summary>Only Aktif people are enrolled, assigned or rewarded; everyone else is frozen.</summary>
    public static bool IsActive(this LegalStatus status) => status == LegalStatus.Aktif;

    /// <summary>
    /// Reads <c>KEDUDUKAN HUKUM NAMA</c>. Null when blank (the importer decides what a missing status
    /// means; it must not default to Aktif); <see cref="LegalStatus.Other"/> for any unknown value.
    /// </summary>
    public static LegalStatus? Parse(string? name)
    {
        var words = EmploymentTypes.Words(name);
        if (words.Length == 0) return null;
        return Known.TryGetValue(words, out var status) ? status : LegalStatus.Other;
    }

    public static string Label(this LegalStatus status) => status switch
    {
        LegalStatus.Aktif => EmployeeLabels.Aktif,
        LegalStatus.Cltn => EmployeeLabels.Cltn,
        LegalStatus.TugasBelajar => EmployeeLabels.TugasBelajar,
        LegalStatus.PemberhentianSementara => EmployeeLabels.PemberhentianSementara,
        LegalStatus.MasaPersiapanPensiun => EmployeeLabels.MasaPersiapanPensiun,
        _ => EmployeeLabels.LegalStatusOther,
    };
}
