using System.Globalization;

namespace AgentProgram.Web.Domain.Reports;

/// <summary>
/// A key inside a message's arguments that must itself be translated (a metric's name, a platform's
/// kind of post). It reads as its Indonesian key, so formatting in Indonesian needs nothing more;
/// for English pass a translate function to <see cref="ReportText.FormatArgs"/>.
/// </summary>
public readonly record struct TextKey(string Key)
{
    public override string ToString() => Key;
}

/// <summary>Something the report rules say: an Indonesian composite format string that is also the localizer key, and its arguments.</summary>
public interface IReportText
{
    /// <summary>The localizer key (Indonesian composite format string).</summary>
    string Message { get; }

    /// <summary>
    /// Plain values: strings, numbers (ints/longs: each culture groups them its way), <see cref="TextKey"/>
    /// (translate it) and <see cref="DateTime"/> in UTC (format it in the institution's time zone).
    /// </summary>
    IReadOnlyList<object> Args { get; }
}

public static class ReportText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>
    /// The arguments ready for <c>l[text.Message, text.FormatArgs(k => l[k], display.DateTime)]</c>: every
    /// <see cref="TextKey"/> translated, every UTC <see cref="DateTime"/> formatted by the caller.
    /// </summary>
    public static object[] FormatArgs(this IReportText text, Func<string, string>? translate = null, Func<DateTime, string>? formatUtc = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Args.Select(a => a switch
        {
            TextKey k => translate is null ? k.Key : translate(k.Key),
            DateTime d => formatUtc is null ? d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : formatUtc(d),
            _ => a,
        })];
    }

    /// <summary>The Indonesian text (id-ID numbers, dates in UTC): for logs, audit entries and tests; pages go through the localizer.</summary>
    public static string ToIndonesian(this IReportText text) =>
        string.Format(Indonesian, text.Message, text.FormatArgs());
}

/// <summary>
/// Every text the report rules produce: Indonesian composite format strings that are also the
/// localizer keys (English in Resources/Reports.en.json, same placeholders; a test checks both).
/// </summary>
public static class ReportTexts
{
    // Post links. {0} is what was pasted or its host, the platform's name, and the last argument an example of a valid link.
    public const string LinkEmpty = "Tautan unggahan wajib diisi. Buka unggahan Anda di {0}, pilih Bagikan lalu Salin tautan, dan tempel di sini. Contoh: {1}";
    public const string LinkNotAUrl = "`{0}` bukan tautan. Buka unggahan Anda di {1}, pilih Bagikan lalu Salin tautan, dan tempel di sini. Contoh: {2}";
    public const string LinkUnknownHost = "Tautan ke `{0}` bukan tautan {1}. Tautan unggahan {1} berbentuk {2}";
    public const string LinkOtherPlatform = "Ini tautan {0}, bukan {1}. Pilih platform {0}, atau tempel tautan unggahan {1} seperti {2}";
    public const string LinkNotAPost = "Ini bukan tautan ke satu unggahan {0} (mungkin tautan profil, beranda, atau pencarian). Buka unggahannya, pilih Bagikan lalu Salin tautan; bentuknya {1}";
    public const string LinkBadId = "Kode unggahan `{0}` pada tautan tidak lengkap atau tidak sah. Salin ulang tautannya tanpa mengubahnya; bentuknya {1}";
    public const string LinkForeignShortLink = "`{0}` adalah tautan pendek yang tidak menunjukkan unggahan mana yang dimaksud. Buka tautannya, lalu salin alamat lengkap unggahan {1}; bentuknya {2}";
    public const string LinkNotForWhatsApp = "Status WhatsApp tidak memiliki tautan publik. Kosongkan kolom tautan, lalu lampirkan tangkapan layar jumlah penonton Status Anda.";

    // Claimed share (ShareReportRules). {0} platform, {1} the handle in the link, {2} the agent's handles.
    public const string HandleNotVerified = "Tautan ini milik akun `{1}`, yang bukan akun {0} Anda yang sudah terverifikasi ({2}). Laporkan unggahan dari akun Anda sendiri, atau daftarkan akun `{1}` dan tunggu verifikasi Humas.";
    public const string HandleNotVerifiedNone = "Tautan ini milik akun `{1}`, padahal Anda belum memiliki akun {0} yang terverifikasi. Daftarkan akun `{1}` dan tunggu verifikasi Humas sebelum melaporkan unggahannya.";
    public const string NoVerifiedAccount = "Anda belum memiliki akun {0} yang terverifikasi. Daftarkan akun {0} Anda dan tunggu verifikasi Humas sebelum melaporkan unggahan dari platform ini.";
    public const string PostedAtRequired = "Waktu unggah wajib diisi. Lihat waktu unggahan pada aplikasi, lalu isi tanggal dan jamnya.";
    public const string PostedAtInFuture = "Waktu unggah ({0}) belum terjadi. Periksa tanggal dan jamnya; waktu sekarang {1}.";
    public const string PostedBeforeWindow = "Unggahan ini dibuat ({0}) sebelum pesan mulai aktif ({1}). Hanya unggahan dalam masa aktif pesan ({1} sampai {2}) yang dapat dilaporkan.";
    public const string PostedAfterWindow = "Unggahan ini dibuat ({0}) setelah masa aktif pesan berakhir ({2}). Hanya unggahan dalam masa aktif pesan ({1} sampai {2}) yang dapat dilaporkan.";
    public const string NumberNegative = "Jumlah {0} tidak boleh negatif. Isi angka 0 atau lebih, atau kosongkan bila tidak terlihat.";
    public const string NumberTooLarge = "Jumlah {0} ({1:N0}) tidak wajar; paling banyak {2:N0}. Periksa kembali angkanya, mungkin ada digit yang berlebih.";

    // Snapshots (SnapshotRules). {0} the time the numbers were taken, {1} the posting time.
    public const string SnapshotEmpty = "Isi paling sedikit satu angka (tayangan, jangkauan, suka, komentar, bagikan ulang, atau simpan).";
    public const string SnapshotBeforePost = "Angka tidak mungkin diambil ({0}) sebelum unggahan dibuat ({1}). Periksa waktu pengambilan angka.";
    public const string SnapshotInFuture = "Waktu pengambilan angka ({0}) belum terjadi. Periksa tanggal dan jamnya.";
    public const string SnapshotDuplicate = "Angka dengan waktu dan sumber yang sama sudah tercatat. Tambahkan catatan angka yang lebih baru; catatan lama tidak dapat ditimpa.";

    // Flags (ReportFlags): what Humas sees next to a report.
    public const string FlagAboveFollowers = "Jumlah {0} ({1:N0}) {2:N0} kali jumlah pengikut akun ({3:N0}); batas kewajaran {4:N0} kali. Periksa tangkapan layar atau angka publik unggahannya.";
    public const string FlagDuplicateScreenshot = "Tangkapan layar ini sama persis dengan tangkapan layar pada {0:N0} laporan lain (nomor {1}). Tangkapan layar yang dipakai ulang bukan bukti unggahan ini.";
    public const string FlagBurst = "Agen ini mengirim {0:N0} laporan dalam {1:N0} menit (batas kewajaran {2:N0} laporan). Periksa apakah unggahannya benar-benar berbeda.";
    public const string FlagHandleMismatch = "Tautan milik akun `{0}`, yang bukan akun terverifikasi agen di {1} ({2}). Pastikan unggahan ini benar dari akun agen.";
    public const string FlagNumbersDecreased = "Jumlah {0} turun dari {1:N0} ({2}) menjadi {3:N0} ({4}). Angka kumulatif seharusnya tidak berkurang; periksa sumber kedua angka.";
    public const string FlagUnresolvedShortLink = "Tautan pendek {0} belum dibuka, sehingga pemilik akun dan keunikan unggahannya belum diperiksa. Buka tautannya dan pastikan unggahan ini dari akun agen.";

    // Workflow (ReportWorkflow).
    public const string VerifyWrongState = "Hanya laporan yang menunggu verifikasi yang dapat diverifikasi.";
    public const string RejectWrongState = "Hanya laporan yang menunggu verifikasi yang dapat ditolak.";
    public const string CorrectWrongState = "Hanya laporan yang ditolak yang dapat diperbaiki.";
    public const string ReverseWrongState = "Hanya keputusan verifikasi atau penolakan yang dapat dibatalkan; laporan ini masih menunggu verifikasi.";
    public const string NotVerifier = "Hanya petugas Humas atau Pimpinan yang dapat memverifikasi atau menolak laporan.";
    public const string OwnReport = "Anda tidak dapat memutuskan laporan Anda sendiri. Minta petugas Humas lain untuk memeriksanya.";
    public const string NotReportAgent = "Hanya agen yang melaporkan unggahan ini yang dapat memperbaikinya.";
    public const string CorrectionUsed = "Laporan ini sudah pernah diperbaiki {0:N0} kali, batasnya {1:N0} kali. Hubungi Humas bila masih ada yang keliru.";
    public const string NotReverser = "Hanya Pimpinan atau petugas Humas yang diberi wewenang menyetujui yang dapat membatalkan keputusan verifikasi.";
    public const string ReasonRequired = "Alasan wajib diisi. Tuliskan apa yang keliru agar agen dapat memperbaikinya.";
    public const string ReverseReasonRequired = "Alasan pembatalan keputusan wajib diisi. Tuliskan mengapa keputusan sebelumnya keliru.";
    public const string ReasonTooLong = "Alasan paling banyak {0:N0} karakter; saat ini {1:N0} karakter.";

    // Names used inside other texts (TextKey arguments) and as labels.
    public const string MetricViews = "tayangan";
    public const string MetricReach = "jangkauan";
    public const string MetricLikes = "suka";
    public const string MetricComments = "komentar";
    public const string MetricReposts = "bagikan ulang";
    public const string MetricSaves = "simpan";

    public const string SourceSelfReported = "Dilaporkan agen";
    public const string SourceScreenshot = "Tangkapan layar";
    public const string SourceCsvImport = "Impor CSV";
    public const string SourcePublicCounter = "Angka publik";
    public const string SourceApiVerified = "Terverifikasi API";

    public const string WindowHours24 = "24 jam";
    public const string WindowDays7 = "7 hari";
    public const string WindowOther = "Lainnya";

    public const string StatePending = "Menunggu verifikasi";
    public const string StateVerified = "Terverifikasi";
    public const string StateRejected = "Ditolak";

    public const string FlagLabelAboveFollowers = "Angka jauh di atas pengikut";
    public const string FlagLabelDuplicateScreenshot = "Tangkapan layar kembar";
    public const string FlagLabelBurst = "Banyak laporan sekaligus";
    public const string FlagLabelHandleMismatch = "Akun tidak cocok";
    public const string FlagLabelNumbersDecreased = "Angka turun";
    public const string FlagLabelUnresolvedShortLink = "Tautan pendek belum dibuka";
}
