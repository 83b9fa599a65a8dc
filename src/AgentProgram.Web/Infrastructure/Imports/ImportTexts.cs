using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// Messages of the import engine itself (the file, and row rules that are the importer's call
/// rather than the domain's). Indonesian composite format strings that are also the localizer keys;
/// English in Resources/Imports.en.json. Wrapped in I18n.Key so the translation test finds them.
/// </summary>
public static class ImportTexts
{
    // The file as a whole (the upload or the CLI refuses it).
    public static readonly string FileMissing = I18n.Key("Pilih berkas yang akan diimpor.");
    public static readonly string FileTooLarge = I18n.Key("Berkas berukuran {0} MB, melebihi batas {1} MB. Bagi berkas menjadi beberapa bagian, lalu impor satu per satu.");
    public static readonly string FileEmpty = I18n.Key("Berkas kosong. Unggah hasil Export Data ASN dari SIASN dalam format CSV atau XLSX.");
    public static readonly string FileImageOrPdf = I18n.Key("Berkas ini berisi gambar atau PDF, bukan tabel data. Unggah berkas CSV (UTF-8) atau XLSX hasil ekspor SIASN.");
    public static readonly string FileOldExcel = I18n.Key("Berkas ini berformat Excel lama (.xls). Buka di Excel, simpan sebagai Excel Workbook (.xlsx) atau CSV UTF-8, lalu unggah lagi.");
    public static readonly string FileZipNotXlsx = I18n.Key("Berkas ini arsip ZIP, bukan lembar kerja XLSX. Unggah berkas XLSX atau CSV hasil ekspor SIASN.");
    public static readonly string FileXlsxUnreadable = I18n.Key("Berkas XLSX tidak dapat dibaca: mungkin rusak atau dilindungi kata sandi. Buka di Excel, simpan ulang tanpa kata sandi, lalu unggah lagi.");
    public static readonly string FileXlsxNoSheet = I18n.Key("Berkas XLSX tidak memiliki lembar kerja berisi data.");
    public static readonly string FileNotUtf8Text = I18n.Key("Berkas ini bukan teks CSV UTF-8 (berisi data biner atau pengodean lain). Dari Excel, simpan dengan jenis \"CSV UTF-8 (Comma delimited)\", lalu unggah lagi.");
    public static readonly string FileCsvMalformed = I18n.Key("Berkas CSV tidak dapat dibaca mulai baris {0}: kemungkinan ada tanda kutip (\") yang tidak ditutup. Periksa baris tersebut, atau simpan ulang dari Excel sebagai CSV UTF-8.");
    public static readonly string FileNoDataRows = I18n.Key("Berkas hanya berisi baris judul kolom, tanpa data.");
    public static readonly string FileTooManyRows = I18n.Key("Berkas berisi lebih dari {0} baris data. Bagi berkas menjadi beberapa bagian, lalu impor satu per satu.");
    public static readonly string FileHeadersUnusable = I18n.Key("Kolom berkas belum sesuai. Lengkapi pemetaan kolom sebelum memulai impor.");
    public static readonly string FileNotFound = I18n.Key("Berkas {0} tidak ditemukan atau tidak dapat dibuka.");

    // Rows: the importer's own rules.
    public static readonly string NameMissing = I18n.Key("NAMA kosong. Isi nama pegawai.");
    public static readonly string DuplicateInFile = I18n.Key("NIP `{0}` ganda di baris {1}: baris ini dilewati. Hapus salah satu baris di berkas.");
    public static readonly string UnorUnknown = I18n.Key("UNOR `{0}` ({1}) belum terdaftar sebagai unit kerja. Pegawai diimpor tanpa unit kerja; impor berkas unit kerja, lalu impor ulang berkas pegawai ini.");
    public static readonly string LegalStatusMissing = I18n.Key("KEDUDUKAN HUKUM kosong. Pegawai diimpor sebagai tidak aktif (belum dapat menjadi agen) sampai kedudukan hukumnya diisi.");
    public static readonly string EmploymentTypeFromNip = I18n.Key("JENIS PEGAWAI kosong. Jenis pegawai diambil dari pola NIP: {0}.");
    public static readonly string ValueTruncated = I18n.Key("Isi kolom {0} lebih dari {1} karakter dan dipotong.");
    public static readonly string EmployeeFileAsUnits = I18n.Key("Berkas ini hasil Export Data ASN (ada kolom NIP BARU), bukan berkas unit kerja. Batalkan unggahan ini, lalu unggah lagi dengan jenis berkas Pegawai.");
    public static readonly string UnitCycleWithExisting = I18n.Key("Unit `{0}` (ID `{1}`) tidak dapat dipindahkan ke bawah unit ID `{2}`, karena unit tersebut berada di bawah unit `{0}` sendiri. Perbaiki ID_ATASAN.");

    // Batch outcomes.
    public static readonly string BatchFailedSystem = I18n.Key("Impor terhenti karena kesalahan sistem. Data yang sudah tersimpan tetap ada; impor ulang berkas yang sama aman karena baris yang tidak berubah dilewati.");
    public static readonly string BatchAbandoned = I18n.Key("Impor terhenti sebelum selesai (aplikasi dimulai ulang). Data yang sudah tersimpan tetap ada; impor ulang berkas yang sama aman karena baris yang tidak berubah dilewati.");
}

/// <summary>
/// Codes of the importer's own issues, stored in ImportRowIssue.Code beside the domain's
/// <see cref="ImportIssueCode"/> numbers (which stop at 5xx). Never renumber.
/// </summary>
public static class ImporterIssueCodes
{
    public const ImportIssueCode NameMissing = (ImportIssueCode)600;
    public const ImportIssueCode DuplicateInFile = (ImportIssueCode)601;
    public const ImportIssueCode UnorUnknown = (ImportIssueCode)602;
    public const ImportIssueCode LegalStatusMissing = (ImportIssueCode)603;
    public const ImportIssueCode EmploymentTypeFromNip = (ImportIssueCode)604;
    public const ImportIssueCode ValueTruncated = (ImportIssueCode)605;
    public const ImportIssueCode UnitCycleWithExisting = (ImportIssueCode)606;
    public const ImportIssueCode WrongFileKind = (ImportIssueCode)607;
}

/// <summary>A file the import cannot read at all. Format is an Indonesian localizer key from <see cref="ImportTexts"/>.</summary>
public sealed class ImportFileException(string format, params object[] args)
    : Exception(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args))
{
    public string Format { get; } = format;

    public object[] Args { get; } = args;
}
