namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// The wording of the Surat Rekomendasi and the Nota Dinas (DOMAIN.md §7, §9): recommendations for consideration
/// ("direkomendasikan untuk dipertimbangkan"), never "ditetapkan" or "diberikan". Composite formats use id-ID.
/// </summary>
public static class LetterWording
{
    public const string LetterTitle = "SURAT REKOMENDASI";
    public const string Opening = "Yang bertanda tangan di bawah ini:";
    public const string Recommends = "dengan ini merekomendasikan:";
    public const string AddresseePromotion = "Yth. Ketua Tim Penilai Kinerja {0}";
    public const string AddresseeTo = "Yth. {0}";
    public const string AddresseePlace = "di Tempat";
    public const string HumanResourcesFallback = "Kepala Kepegawaian";

    /// <summary>{0}: the phrases ("kenaikan pangkat/jabatan dan izin belajar").</summary>
    public const string Consider = "untuk dipertimbangkan dalam {0} sesuai dengan ketentuan peraturan perundang-undangan.";
    public const string PromotionAuthority =
        "Pertimbangan kenaikan pangkat/jabatan menjadi kewenangan Tim Penilai Kinerja dan Pejabat Pembina Kepegawaian.";
    public const string OtherAuthority = "Keputusan atas rekomendasi ini sepenuhnya menjadi kewenangan pejabat yang berwenang.";

    /// <summary>{0} institution, {1} period, {2} dates, {3} score, {4} rank, {5} agents ranked.</summary>
    public const string Basis =
        "Rekomendasi ini didasarkan pada partisipasi yang bersangkutan sebagai Agen Komunikasi {0} pada periode {1} ({2}), dengan skor {3} dan peringkat {4} dari {5} agen yang memenuhi syarat.";
    public const string LetterClosing = "Demikian surat rekomendasi ini dibuat untuk dapat dipergunakan sebagaimana mestinya.";

    /// <summary>{0} name, {1} period, {2} phrases.</summary>
    public const string LetterSubject = "Surat Rekomendasi {0}, periode {1}: {2}";

    // Nota Dinas.
    public const string NotaTitle = "NOTA DINAS";
    public const string FieldTo = "Yth.";
    public const string FieldFrom = "Dari";
    public const string FieldCopies = "Tembusan";
    public const string FieldDate = "Tanggal";
    public const string FieldNumber = "Nomor";
    public const string FieldNature = "Sifat";
    public const string FieldAttachment = "Lampiran";
    public const string FieldSubject = "Hal";
    public const string NatureOrdinary = "Biasa";
    public const string NoAttachment = "-";

    /// <summary>{0}: period.</summary>
    public const string NotaHal = "Rekomendasi Agen Komunikasi Periode {0} untuk Dipertimbangkan";

    /// <summary>{0} institution, {1} period, {2} dates, {3} status clause, {4} number of agents.</summary>
    public const string NotaIntro =
        "Berdasarkan hasil penilaian partisipasi Agen Komunikasi {0} pada periode {1} ({2}){3}, bersama ini kami sampaikan {4} agen yang direkomendasikan untuk dipertimbangkan dalam kenaikan pangkat/jabatan, tugas belajar, izin belajar atau pengembangan kompetensi sesuai dengan jenis kepegawaian masing-masing, sebagaimana tercantum dalam daftar berikut.";

    /// <summary>{0} institution, {1} period, {2} dates, {3} status clause.</summary>
    public const string NotaIntroNone =
        "Berdasarkan hasil penilaian partisipasi Agen Komunikasi {0} pada periode {1} ({2}){3}, tidak terdapat agen yang memenuhi syarat untuk direkomendasikan.";
    public const string StatusApproved = " yang telah disetujui pimpinan";
    public const string StatusProvisional = " yang masih bersifat sementara";
    public const string NotaConsideration =
        "Rekomendasi ini merupakan bahan pertimbangan. Pertimbangan kenaikan pangkat/jabatan menjadi kewenangan Tim Penilai Kinerja dan Pejabat Pembina Kepegawaian; tugas belajar, izin belajar dan pengembangan kompetensi mengikuti ketentuan peraturan perundang-undangan.";
    public const string NotaClosing = "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.";

    /// <summary>{0}: period.</summary>
    public const string NotaSubject = "Nota Dinas rekomendasi agen komunikasi periode {0}";

    public static readonly IReadOnlyList<string> NotaColumns = ["No.", "Nama", "NIP", "Gol.", "Jabatan", "Unit Kerja", "Rekomendasi"];

    /// <summary>The words a recommendation must never use (DOMAIN.md §7).</summary>
    public static readonly IReadOnlyList<string> ForbiddenWords = ["ditetapkan", "diberikan"];
}
