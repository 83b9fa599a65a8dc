namespace AgentProgram.Web.Domain.Messages;

/// <summary>
/// Every message the policy-message rules produce: Indonesian composite format strings that are
/// also the localizer keys (English in Resources/Messages.en.json, same placeholders; a test checks
/// both). Arguments are plain values (names, numbers, dates already formatted by the caller).
/// </summary>
public static class PolicyMessageTexts
{
    // Workflow: the action does not fit the status
    public const string SubmitWrongStatus = "Hanya pesan berstatus Draf yang dapat diajukan untuk persetujuan.";
    public const string ApproveWrongStatus = "Hanya pesan yang sedang menunggu persetujuan yang dapat disetujui.";
    public const string PublishWrongStatus = "Hanya pesan yang sudah disetujui yang dapat diterbitkan.";
    public const string CloseWrongStatus = "Hanya pesan yang sudah terbit yang dapat ditutup.";
    public const string WithdrawWrongStatus = "Pesan yang sudah ditutup atau ditarik tidak dapat ditarik lagi.";
    public const string EditWrongStatus = "Pesan yang sudah ditutup atau ditarik tidak dapat diubah. Buat pesan baru bila isinya masih diperlukan.";

    // Workflow: the actor may not do this
    public const string SubmitNotAuthor = "Hanya penulis pesan yang dapat mengajukannya untuk persetujuan.";
    public const string SelfApproval = "Anda tidak dapat menyetujui pesan yang Anda tulis sendiri. Minta Pimpinan atau petugas Humas lain yang berwenang untuk menyetujuinya.";
    public const string NotApprover = "Hanya Pimpinan atau petugas Humas yang diberi wewenang menyetujui yang dapat menyetujui pesan.";
    public const string NotPermittedToManage = "Hanya petugas Humas, Pimpinan, atau penulis pesan yang dapat menerbitkan, menutup, atau menarik pesan.";
    public const string NotPermittedToEdit = "Hanya penulis pesan atau petugas Humas yang dapat mengubah pesan.";

    // Workflow: checklist (SE MenPANRB 137/2018, SKB 2/2022)
    public const string ChecklistSourcesLabel = "Sumber informasi disebutkan dan sudah diverifikasi.";
    public const string ChecklistNoHoaxLabel = "Pesan bebas hoaks, fitnah, provokasi, dan ujaran kebencian SARA.";
    public const string ChecklistNoPartisanLabel = "Pesan bebas muatan politik praktis.";
    public const string ChecklistSourcesMissing = "Pastikan sumber informasi disebutkan dan sudah diverifikasi, lalu centang pernyataannya (SE MenPANRB 137/2018).";
    public const string ChecklistNoHoaxMissing = "Pastikan pesan bebas hoaks, fitnah, provokasi, dan ujaran kebencian SARA, lalu centang pernyataannya (SE MenPANRB 137/2018).";
    public const string ChecklistNoPartisanMissing = "Pastikan pesan bebas muatan politik praktis, lalu centang pernyataannya (SKB 2/2022 tentang netralitas ASN).";

    // Workflow: withdrawal
    public const string WithdrawReasonRequired = "Alasan penarikan wajib diisi. Tuliskan mengapa pesan ini ditarik agar penulis dan agen memahaminya.";
    public const string WithdrawReasonTooLong = "Alasan penarikan paling banyak {0} karakter; saat ini {1} karakter.";

    // Election guard (SKB 2/2022)
    public const string ElectionBlocked = "Pesan ini menyebut nama calon peserta pemilihan ({0}), sehingga tidak dapat diajukan, disetujui, atau diterbitkan (SKB 2/2022 tentang netralitas ASN). Hapus nama tersebut dari pesan.";
    public const string ElectionMention = "{0} menyebut nama calon `{1}` (tertulis `{2}`).";
    public const string ElectionFlagged = "Masa aktif pesan ini beririsan dengan {0}. Pesan perlu pemeriksaan netralitas tambahan sebelum disetujui (SKB 2/2022).";
    public const string ElectionReviewRequired = "Masa aktif pesan ini beririsan dengan {0}. Nyatakan bahwa Anda telah memeriksa ulang netralitas pesan ini (bebas muatan politik praktis) sebelum menyetujui atau menerbitkannya.";

    // Assignment targets
    public const string TargetsEmpty = "Pilih sasaran penugasan: semua agen, unit kerja tertentu, atau agen tertentu.";
    public const string TargetsNoActiveAgent = "Tidak ada agen aktif pada sasaran yang dipilih. Periksa unit kerja atau agen yang dipilih.";
    public const string TargetsInactiveSkipped = "{0:N0} agen yang dipilih tidak aktif sehingga tidak ditugasi.";
    public const string TargetsUnknownUnits = "{0:N0} unit kerja yang dipilih tidak ditemukan dan dilewati. Muat ulang halaman lalu pilih lagi.";
    public const string TargetsUnknownAgents = "{0:N0} agen yang dipilih tidak ditemukan dan dilewati. Muat ulang halaman lalu pilih lagi.";

    // Due date ({0} = start of the active window, {1} = its end, both formatted by the caller in WIB)
    public const string WindowEndBeforeStart = "Akhir masa aktif pesan ({1}) harus setelah awalnya ({0}).";
    public const string DueBeforeWindow = "Batas waktu tidak boleh sebelum pesan mulai aktif. Pilih waktu antara {0} dan {1}.";
    public const string DueAfterWindow = "Batas waktu tidak boleh setelah masa aktif pesan berakhir. Pilih waktu antara {0} dan {1}.";
    public const string DueInPast = "Batas waktu sudah lewat. Pilih waktu yang akan datang, paling lambat {1}.";
}
