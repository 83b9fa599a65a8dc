namespace AgentProgram.Web.Domain.Employees;

/// <summary>
/// Every message the employee-import rules produce: Indonesian composite format strings that are
/// also the localizer keys (English in Resources/Employees.en.json; a test checks each constant
/// has an entry with the same placeholders). Values from the file go in backticks.
/// </summary>
public static class EmployeeMessages
{
    private const string CheckInSiasn = "Periksa NIP di SIASN.";
    private const string ReExportAsText = "Ekspor ulang dari SIASN dengan kolom NIP sebagai teks.";

    // NIP: hard errors
    public const string NipMissing = "NIP kosong. Isi kolom NIP BARU dengan NIP 18 digit.";
    public const string NipExcelNumber = "NIP berisi `{0}`: Excel telah mengubah NIP menjadi angka sehingga digit terakhirnya hilang. " + ReExportAsText;
    public const string NipNotDigits = "NIP harus 18 digit angka, tetapi berisi `{0}`. Periksa NIP di SIASN; jika berkas diolah dengan Excel, ekspor ulang dengan kolom NIP sebagai teks.";
    public const string NipWrongLength = "NIP harus 18 digit angka, tetapi `{0}` berisi {1} digit. Periksa NIP di SIASN; jika berkas diolah dengan Excel, ekspor ulang dengan kolom NIP sebagai teks.";
    public const string NipOldFormat = "`{0}` adalah NIP lama (9 digit). Isi kolom NIP BARU dengan NIP 18 digit; NIP lama boleh diisi di kolom NIP LAMA.";
    public const string NipSerialZero = "NIP `{0}` berakhiran 000, padahal nomor urut NIP tidak pernah 000. Biasanya ini tanda Excel membulatkan NIP yang tersimpan sebagai angka (Excel hanya menyimpan 15 digit). " + ReExportAsText;
    public const string NipBirthDateInvalid = "Digit 1–8 NIP `{0}` harus tanggal lahir (tahun, bulan, tanggal), tetapi {1} bukan tanggal yang sah. " + CheckInSiasn;
    public const string NipBirthYearOutOfRange = "Tahun lahir pada NIP `{0}` adalah {1}, di luar rentang yang mungkin ({2}–{3}). " + CheckInSiasn;
    public const string NipTypeDigitInvalid = "Digit ke-13 NIP `{0}` adalah {1}, padahal seharusnya 0 atau 1 (PNS) atau 2 (PPPK). " + CheckInSiasn;
    public const string NipPnsMonthInvalid = "Digit 13–14 NIP PNS `{0}` harus bulan TMT CPNS (01–12), tetapi berisi {1}. " + CheckInSiasn;
    public const string NipPnsTmtTooEarly = "TMT CPNS pada NIP `{0}` ({1}) kurang dari {2} tahun setelah tanggal lahir ({3}). " + CheckInSiasn;
    public const string NipPnsTmtInFuture = "TMT CPNS pada NIP `{0}` ({1}) lebih dari {2} bulan setelah hari ini. " + CheckInSiasn;
    public const string NipPppkDigit13Invalid = "Digit ke-13 NIP PPPK `{0}` harus 2, tetapi berisi {1}. Periksa NIP dan jenis pegawai di SIASN.";
    public const string NipPppkYearImplausible = "Tahun pengangkatan pada NIP PPPK `{0}` adalah {1}, padahal seharusnya antara {2} dan {3}. " + CheckInSiasn;
    public const string NipPppkContractDigitInvalid = "Digit ke-14 NIP PPPK `{0}` (jumlah perjanjian kerja) harus 1–9, tetapi berisi {1}. " + CheckInSiasn;
    public const string NipSexDigitInvalid = "Digit ke-15 NIP `{0}` (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), tetapi berisi {1}. " + CheckInSiasn;

    // NIP: warnings (the row is imported)
    public const string NipBirthDateMismatch = "Tanggal lahir pada NIP `{0}` ({1}) berbeda dengan TANGGAL LAHIR ({2}). Data tetap diimpor; periksa tanggal lahir di SIASN (koreksi tanggal lahir tidak mengubah NIP).";
    public const string NipSexMismatchNipMale = "NIP `{0}` menandai laki-laki (digit ke-15 = 1), tetapi JENIS KELAMIN menyatakan perempuan. Data tetap diimpor; periksa jenis kelamin di SIASN.";
    public const string NipSexMismatchNipFemale = "NIP `{0}` menandai perempuan (digit ke-15 = 2), tetapi JENIS KELAMIN menyatakan laki-laki. Data tetap diimpor; periksa jenis kelamin di SIASN.";
    public const string NipTmtCpnsMismatch = "TMT CPNS pada NIP `{0}` ({1}) berbeda dengan kolom TMT CPNS ({2}). Data tetap diimpor; periksa TMT CPNS di SIASN.";
    public const string NipTypeMismatch = "Pola NIP `{0}` menunjukkan {1} (digit ke-13 = {2}), tetapi jenis pegawai di data kepegawaian adalah {3}. Jenis pegawai dari data kepegawaian yang dipakai; periksa di SIASN.";

    // Person fields
    public const string EmploymentTypeUnknown = "Jenis pegawai `{0}` tidak dikenali. Gunakan PNS, CPNS, PPPK, atau PPPK Paruh Waktu.";
    public const string SexUnknown = "Jenis kelamin `{0}` tidak dikenali. Gunakan M/F atau L/P.";
    public const string GolonganUnknown = "Golongan `{0}` tidak dikenali. Gunakan bentuk seperti III/a atau Penata Muda untuk PNS, atau IX untuk PPPK.";
    public const string GolonganPnsForPppk = "Golongan {0} adalah golongan PNS, tetapi jenis pegawainya {1}. PPPK memakai golongan I sampai XVII tanpa pangkat; periksa golongan di SIASN.";
    public const string GolonganPppkForPns = "Golongan {0} adalah golongan PPPK, tetapi jenis pegawainya {1}. PNS dan CPNS memakai golongan I/a sampai IV/e; periksa golongan di SIASN.";
    public const string GolonganIdNameMismatch = "GOL AKHIR ID `{0}` ({1}) tidak sama dengan GOL AKHIR NAMA `{2}`. Yang dipakai {3}; periksa golongan di SIASN.";
    public const string PositionJenisJabatanUnknown = "Jenis jabatan `{0}` tidak dikenali. Gunakan Struktural, Fungsional Tertentu, atau Fungsional Umum (Pelaksana).";
    public const string PositionEselonUnknown = "Eselon `{0}` tidak dikenali. Gunakan bentuk seperti II.a, III.b, atau NON ESELON.";
    public const string PositionStrukturalWithoutEselon = "Jabatan struktural membutuhkan eselon, tetapi kolom eselon kosong atau NON ESELON. Isi ESELON NAMA (misalnya III.a) atau tetapkan jenis jabatannya secara manual.";

    // Dates
    public const string DateExcelSerial = "`{0}` adalah nomor seri tanggal Excel, bukan tanggal. Format kolom tanggal sebagai teks lalu ekspor ulang, dengan tanggal seperti 26-09-1986 atau 1986-09-26.";
    public const string DateInvalid = "`{0}` bukan tanggal yang sah. Periksa tanggal, bulan, dan tahunnya.";
    public const string DateFormatUnknown = "Format tanggal `{0}` tidak dikenali. Gunakan tanggal-bulan-tahun seperti 26-09-1986, atau tahun-bulan-tanggal seperti 1986-09-26.";
    public const string DateTwoDigitYear = "Tanggal `{0}` memakai tahun dua digit sehingga tidak pasti. Tulis tahun lengkap, misalnya 26-09-1986.";
    public const string DateMonthFirst = "Tanggal `{0}` tampaknya ditulis dengan bulan di depan (gaya Amerika). Gunakan tanggal-bulan-tahun seperti 26-09-1986, atau tahun-bulan-tanggal seperti 1986-09-26.";
    public const string DateAmbiguous = "Tanggal `{0}` dapat dibaca sebagai {1} atau {2}, karena kolom ini juga berisi tanggal dengan bulan di depan (`{3}`). Ekspor ulang dengan tanggal tahun-bulan-tanggal seperti 1986-09-26.";

    // Header row
    public const string HeaderRequiredMissing = "Kolom wajib {0} tidak ditemukan di baris judul. Pastikan berkas ini hasil Export Data ASN dari SIASN, atau pilih kolom yang sesuai pada pemetaan kolom.";
    public const string HeaderRecommendedMissing = "Kolom {0} tidak ditemukan, sehingga datanya akan kosong untuk semua baris. Bila berkas memakai nama kolom lain, pilih kolom tersebut pada pemetaan kolom.";
    public const string HeaderDuplicate = "Kolom `{0}` muncul lebih dari sekali; hanya kolom ke-{1} yang dibaca.";
    public const string HeaderOverrideNotFound = "Kolom `{1}` yang dipilih untuk {0} tidak ada di berkas. Pilih kolom lain pada pemetaan kolom.";
    public const string HeaderOverrideSensitive = "Kolom `{1}` tidak boleh dipakai untuk {0} karena berisi data pribadi yang tidak disimpan aplikasi ini (NIK, NPWP, BPJS, alamat, agama, status perkawinan).";

    // Unit hierarchy file
    public const string UnitIdMissing = "Unit `{0}` tidak memiliki ID. Isi kolom ID dengan ID UNOR dari SIASN.";
    public const string UnitNameMissing = "Unit dengan ID `{0}` tidak memiliki nama. Isi kolom NAMA_UNOR.";
    public const string UnitDuplicateId = "ID unit `{0}` muncul lebih dari sekali (`{1}` dan `{2}`); hanya baris pertama yang dipakai.";
    public const string UnitParentMissing = "Atasan unit `{0}` (ID `{1}`) dengan ID `{2}` tidak ada di berkas maupun di aplikasi. Tambahkan unit atasannya, atau kosongkan ID_ATASAN bila unit ini unit tertinggi.";
    public const string UnitCycle = "Unit `{0}` (ID `{1}`) berada dalam lingkaran atasan: {2}. Perbaiki ID_ATASAN agar setiap unit berujung pada unit tertinggi.";
    public const string UnitParentRejected = "Unit `{0}` (ID `{1}`) tidak dapat dibuat karena unit atasannya (ID `{2}`) bermasalah. Perbaiki unit atasannya lebih dulu.";
}

/// <summary>Labels for the employee enums (Indonesian keys; English in Resources/Employees.en.json).</summary>
public static class EmployeeLabels
{
    public const string Cpns = "CPNS";
    public const string Pns = "PNS";
    public const string Pppk = "PPPK";
    public const string PppkParuhWaktu = "PPPK Paruh Waktu";

    public const string Aktif = "Aktif";
    public const string Cltn = "CLTN (cuti di luar tanggungan negara)";
    public const string TugasBelajar = "Tugas Belajar";
    public const string PemberhentianSementara = "Pemberhentian Sementara";
    public const string MasaPersiapanPensiun = "Masa Persiapan Pensiun";
    public const string LegalStatusOther = "Kedudukan hukum lain";

    public const string JptUtama = "JPT Utama";
    public const string JptMadya = "JPT Madya";
    public const string JptPratama = "JPT Pratama";
    public const string Administrator = "Administrator";
    public const string Pengawas = "Pengawas";
    public const string Fungsional = "Fungsional";
    public const string Pelaksana = "Pelaksana";

    public const string Male = "Laki-laki";
    public const string Female = "Perempuan";
}
