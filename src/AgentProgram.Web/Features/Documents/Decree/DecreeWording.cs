namespace AgentProgram.Web.Features.Documents.Decree;

/// <summary>
/// The decree's Indonesian wording. References are only those DOMAIN.md names: UU 20/2023 (ASN), Inpres 9/2015
/// (public communication), UU 27/2022 (personal data protection) and PermenPANRB 27/2014 (agen perubahan, the model).
/// In the texts below {0} is the institution's name, {1} the signer's position title, {2} the period's name, {3} its
/// dates; headings (all capitals) get them in capitals.
/// </summary>
public static class DecreeWording
{
    public const string Heading = "KEPUTUSAN {1}";
    public const string NumberLabel = "NOMOR";
    public const string AboutLabel = "TENTANG";
    public const string Topic = "PENETAPAN AGEN KOMUNIKASI {0} PERIODE {2}";
    public const string Blessing = "DENGAN RAHMAT TUHAN YANG MAHA ESA";
    public const string Authority = "{1},";
    public const string HeadFallback = "KEPALA {0}";

    public const string ConsideringLabel = "Menimbang";
    public const string ConsideringA =
        "bahwa dalam rangka mendukung pengelolaan komunikasi publik dan penyebarluasan informasi kebijakan pemerintah di lingkungan {0}, perlu didukung oleh Aparatur Sipil Negara yang berperan sebagai Agen Komunikasi;";
    public const string ConsideringB =
        "bahwa Aparatur Sipil Negara yang namanya tercantum dalam Lampiran Keputusan ini dipandang memenuhi syarat dan mampu melaksanakan tugas sebagai Agen Komunikasi;";
    public const string ConsideringC =
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan {1} tentang Penetapan Agen Komunikasi {0} Periode {2};";

    public const string RecallingLabel = "Mengingat";
    public const string RecallingAsn = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;";
    public const string RecallingPdp = "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi;";
    public const string RecallingInpres = "Instruksi Presiden Nomor 9 Tahun 2015 tentang Pengelolaan Komunikasi Publik;";
    public const string RecallingAgenPerubahan =
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 27 Tahun 2014 tentang Pedoman Pembangunan Agen Perubahan di Instansi Pemerintah;";

    public const string Decides = "MEMUTUSKAN:";
    public const string EnactingLabel = "Menetapkan";
    public const string Enacting = "KEPUTUSAN {1} TENTANG PENETAPAN AGEN KOMUNIKASI {0} PERIODE {2}.";

    public const string First =
        "Menetapkan Aparatur Sipil Negara yang namanya tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini sebagai Agen Komunikasi {0} untuk periode {2} ({3}).";
    public const string Second = "Agen Komunikasi sebagaimana dimaksud dalam Diktum KESATU bertugas:";
    public const string SecondA = "a. menyebarluaskan pesan kebijakan yang telah disetujui melalui akun media sosial masing-masing;";
    public const string SecondB = "b. melaporkan setiap penyebarluasan melalui aplikasi yang disediakan;";
    public const string SecondC = "c. menjaga netralitas Aparatur Sipil Negara serta etika dalam bermedia sosial; dan";
    public const string SecondD = "d. menjaga kerahasiaan data pribadi sesuai dengan ketentuan peraturan perundang-undangan.";
    public const string Third =
        "Dalam melaksanakan tugas sebagaimana dimaksud dalam Diktum KEDUA, Agen Komunikasi dikoordinasikan oleh unit yang membidangi hubungan masyarakat.";
    public const string Fourth =
        "Agen Komunikasi melaksanakan tugasnya tanpa mengurangi tugas pokok dan fungsi dalam jabatan masing-masing.";
    public const string Fifth = "Keputusan ini mulai berlaku pada tanggal ditetapkan.";

    public static readonly IReadOnlyList<string> Diktum = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"];

    public const string AppendixLine1 = "LAMPIRAN";
    public const string AppendixLine2 = "KEPUTUSAN {1}";
    public const string AppendixLine3 = "NOMOR";
    public const string AppendixLine4 = "TENTANG PENETAPAN AGEN KOMUNIKASI {0} PERIODE {2}";
    public const string AppendixTitle = "DAFTAR AGEN KOMUNIKASI {0} PERIODE {2}";
    public static readonly IReadOnlyList<string> AppendixColumns = ["No.", "Nama", "NIP", "Gol.", "Jabatan", "Unit Kerja"];

    /// <summary>{2}: period.</summary>
    public const string Subject = "Draf SK Penetapan Agen Komunikasi periode {2}";
}
