using System.Globalization;
using AgentProgram.Web.Domain.Employees;
using CsvHelper;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>A unit of a sample UNOR tree (the unit hierarchy file's ID, NAMA_UNOR, ID_ATASAN, NAMA_JABATAN).</summary>
public sealed record SampleUnit(string Id, string Name, string? ParentId, string? HeadTitle);

/// <summary>A fault planted in a sample row, so a test or a benchmark knows what the import must report.</summary>
public enum SampleDefect
{
    None = 0,

    /// <summary>NIP BARU as Excel shows a numeric cell: <c>1.98609E+17</c>. Rejected.</summary>
    ExcelNip,

    /// <summary>NIP BARU rounded by Excel to 15 digits: ends in 000. Rejected.</summary>
    ExcelRoundedNip,

    /// <summary>The NIP and name of an earlier row again. Rejected (the second occurrence).</summary>
    DuplicateNip,

    /// <summary>TANGGAL LAHIR that does not exist (31-02-…). Rejected.</summary>
    BadBirthDate,

    /// <summary>A PNS golongan (III/a) on a PPPK. Rejected.</summary>
    GolonganForWrongType,

    /// <summary>NAMA empty. Rejected.</summary>
    MissingName,

    /// <summary>UNOR ID that is not in the unit list. Imported with a warning.</summary>
    UnknownUnor,

    /// <summary>JENIS KELAMIN contradicting NIP digit 15. Imported with a warning.</summary>
    SexMismatch,
}

public static class SampleDefects
{
    public static bool Rejects(this SampleDefect d) => d is SampleDefect.ExcelNip or SampleDefect.ExcelRoundedNip or SampleDefect.DuplicateNip
        or SampleDefect.BadBirthDate or SampleDefect.GolonganForWrongType or SampleDefect.MissingName;

    public static bool Warns(this SampleDefect d) => d is SampleDefect.UnknownUnor or SampleDefect.SexMismatch;
}

/// <summary>One row of a sample export: every SIASN column by its header (missing = empty), and the planted fault.</summary>
public sealed class SampleEmployee
{
    private readonly Dictionary<string, string> _values;

    internal SampleEmployee(Dictionary<string, string> values, SampleDefect defect)
    {
        _values = values;
        Defect = defect;
    }

    public string this[string header] => _values.TryGetValue(header, out var v) ? v : "";

    public string Nip => this["NIP BARU"];

    public string Name => this["NAMA"];

    public SampleDefect Defect { get; }

    /// <summary>A copy with one column changed (a newer export, a regional variant, a fault of your own).</summary>
    public SampleEmployee With(string header, string value, SampleDefect? defect = null) =>
        new(new Dictionary<string, string>(_values, StringComparer.Ordinal) { [header] = value }, defect ?? Defect);
}

/// <summary>
/// Deterministic, realistic SIASN "Export Data ASN" data for tests, the benchmark and the demo seed:
/// the same seed and reference date give the same rows, byte for byte. Rows carry every column of a
/// real export (including NIK, NPWP, BPJS, address and religion, which the import must drop), valid
/// NIPs consistent with birth date, sex and TMT (PNS, CPNS, PPPK and PPPK Paruh Waktu), golongan that
/// fit the employment type and education, jabatan and eselon, Indonesian names and titles, and UNOR
/// ids from a unit list. Optionally some rows carry a <see cref="SampleDefect"/>.
///
/// <code>
/// var g = new SiasnSampleGenerator();
/// var units = g.Units(120);
/// var rows = g.Employees(5_000, units, defectRate: 0.01).ToList();
/// SiasnSampleGenerator.WriteUnitsCsv(unitStream, units);
/// SiasnSampleGenerator.WriteEmployeesCsv(employeeStream, rows);
/// </code>
/// </summary>
public sealed class SiasnSampleGenerator
{
    /// <summary>The columns of a SIASN export (DOMAIN.md §5), the newer ones, then the PPPK contract dates.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA",
        "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "NOMOR HP",
        "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS", "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID",
        "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "KARTU ASN VIRTUAL", "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS",
        "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA",
        "TMT GOLONGAN", "MK TAHUN", "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA",
        "TMT JABATAN", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS",
        "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA", "INSTANSI INDUK ID",
        "INSTANSI INDUK NAMA", "INSTANSI KERJA ID", "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA",
        "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA",
        "IS VALID NIK", "NAMA SEKOLAH", "FLAG IKD", "ESELON ID", "ESELON NAMA",
        "TGL AWAL KONTRAK", "TGL AKHIR KONTRAK",
    ];

    public static readonly IReadOnlyList<string> UnitHeaders = ["ID", "NAMA_UNOR", "ID_ATASAN", "NAMA_JABATAN"];

    private static readonly string[] MaleNames = ["Budi", "Agus", "Fajar", "Rizki", "Hendra", "Eko", "Wahyu", "Yusuf", "Dimas", "Bayu", "Andi", "Arif", "Bambang", "Dedi", "Fauzan", "Gilang", "Hadi", "Ilham", "Joko", "Kurniawan", "Muhammad", "Nanda", "Rahmat", "Slamet", "Teguh", "Yoga", "Irfan", "Taufik", "Ahmad", "Dwi"];
    private static readonly string[] FemaleNames = ["Siti", "Ayu", "Maria", "Dewi", "Putri", "Nur", "Intan", "Ratna", "Lestari", "Sri", "Anisa", "Desi", "Fitri", "Indah", "Kartika", "Lina", "Mega", "Novi", "Rina", "Sari", "Tri", "Wulan", "Yuni", "Rahma", "Dian", "Eka", "Endang", "Nurul", "Puspita", "Wahyuni"];
    private static readonly string[] FamilyNames = ["Rahmawati", "Santoso", "Lestari", "Nugroho", "Pratama", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Setiawan", "Handayani", "Siregar", "Nasution", "Sihombing", "Wibowo", "Susanto", "Purnomo", "Hasibuan", "Lubis", "Harahap", "Simanjuntak", "Sitompul", "Manurung", "Permana", "Gunawan", "Suryadi", "Firmansyah", "Ramadhan", "Maulana", "Anggraini", "Safitri", "Utami", "Kurniasih", "Fitriani", "Septiani", "Mahendra", "Syahputra", "Tambunan", "Situmorang", "Pangaribuan"];
    private static readonly string[] Cities = ["Jakarta", "Bandung", "Surabaya", "Medan", "Semarang", "Yogyakarta", "Makassar", "Palembang", "Padang", "Malang", "Solo", "Bogor", "Denpasar", "Pontianak", "Banjarmasin", "Manado", "Kupang", "Mataram", "Jambi", "Pekanbaru"];
    private static readonly (string Id, string Name)[] Religions = [("1", "Islam"), ("2", "Kristen"), ("3", "Katolik"), ("4", "Hindu"), ("5", "Buddha"), ("6", "Konghucu")];
    private static readonly string[] Streets = ["Jl. Melati", "Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Kenanga", "Jl. Pahlawan", "Jl. Cempaka", "Jl. Gatot Subroto", "Jl. Ahmad Yani", "Jl. Veteran"];

    private static readonly (string Id, string Name, string Degree, int EntryGolongan, bool Diploma)[] Education =
    [
        ("20", "SLTA", "", 21, false),
        ("30", "Diploma III", "A.Md.", 23, true),
        ("40", "S-1/Sarjana", "", 31, false),
        ("45", "S-2", "", 32, false),
    ];
    private static readonly (string Study, string Degree)[] Bachelor = [("Ilmu Administrasi Negara", "S.A.P."), ("Ilmu Komunikasi", "S.I.Kom."), ("Teknik Informatika", "S.Kom."), ("Ilmu Hukum", "S.H."), ("Manajemen", "S.E."), ("Akuntansi", "S.Ak."), ("Teknik Sipil", "S.T."), ("Pendidikan Guru Sekolah Dasar", "S.Pd."), ("Keperawatan", "S.Kep., Ns."), ("Sosiologi", "S.Sos.")];
    private static readonly (string Study, string Degree)[] Master = [("Magister Administrasi Publik", "M.AP."), ("Magister Manajemen", "M.M."), ("Magister Ilmu Komunikasi", "M.I.Kom."), ("Magister Hukum", "M.H."), ("Magister Sains", "M.Si.")];

    private static readonly string[] Functional = ["Analis Kebijakan", "Pranata Komputer", "Pranata Humas", "Analis Sumber Daya Manusia Aparatur", "Perencana", "Auditor", "Arsiparis", "Guru", "Perawat", "Statistisi"];
    private static readonly string[] Skilled = ["Terampil", "Mahir", "Penyelia"];
    private static readonly string[] Expert = ["Ahli Pertama", "Ahli Muda", "Ahli Madya"];
    private static readonly string[] Operational = ["Pengadministrasi Perkantoran", "Penata Layanan Operasional", "Pengelola Umum Operasional", "Operator Layanan Operasional", "Pengolah Data dan Informasi", "Penelaah Teknis Kebijakan", "Pengelola Layanan Kehumasan"];

    private static readonly string[] Agencies =
    [
        "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial", "Dinas Komunikasi dan Informatika",
        "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan", "Dinas Lingkungan Hidup", "Dinas Perindustrian dan Perdagangan",
        "Dinas Pertanian dan Ketahanan Pangan", "Dinas Pariwisata dan Kebudayaan", "Dinas Penanaman Modal dan PTSP", "Dinas Tenaga Kerja",
        "Dinas Koperasi dan UKM", "Dinas Pemuda dan Olahraga", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Perpustakaan dan Kearsipan",
        "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Kepegawaian dan Pengembangan SDM",
        "Badan Pendapatan Daerah", "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik", "Inspektorat Daerah",
        "Satuan Polisi Pamong Praja", "Sekretariat DPRD", "Rumah Sakit Umum Daerah",
    ];
    private static readonly string[] Fields = ["Perencanaan dan Evaluasi", "Pelayanan", "Pengembangan", "Pengendalian dan Pengawasan", "Data dan Informasi", "Sarana dan Prasarana", "Pemberdayaan", "Kerja Sama", "Pembinaan"];

    private readonly int _seed;
    private readonly DateOnly _reference;
    private readonly string _emailDomain;
    private readonly string _institution;

    /// <param name="seed">Same seed, same data.</param>
    /// <param name="referenceDate">"Today" of the export: TMT and contracts lie before it. Default 1 January 2026.</param>
    public SiasnSampleGenerator(int seed = 20261124, DateOnly? referenceDate = null, string emailDomain = "contohkota.go.id", string institution = "Pemerintah Kota Contoh")
    {
        _seed = seed;
        _reference = referenceDate ?? new DateOnly(2026, 1, 1);
        _emailDomain = emailDomain;
        _institution = institution;
    }

    /// <summary>
    /// A unit tree of <paramref name="count"/> units (at least 1): the institution, then agencies
    /// (dinas, badan…), each with a secretariat and fields (bidang), each field with sections (seksi).
    /// Parents always come before their children.
    /// </summary>
    public IReadOnlyList<SampleUnit> Units(int count)
    {
        var random = new Random(_seed ^ 0x5EED);
        var units = new List<SampleUnit>(Math.Max(1, count));
        var root = new SampleUnit(HexId(random), _institution, null, "Wali Kota");
        units.Add(root);
        var agencies = new List<SampleUnit>();
        for (var i = 0; units.Count < count && i < Agencies.Length * 4; i++)
        {
            var name = i < Agencies.Length ? Agencies[i] : $"{Agencies[i % Agencies.Length]} Wilayah {(i / Agencies.Length) + 1}";
            var a = new SampleUnit(HexId(random), name, root.Id, "Kepala " + (name.StartsWith("Badan", StringComparison.Ordinal) ? "Badan" : "Dinas"));
            units.Add(a);
            agencies.Add(a);
        }
        var fields = new List<SampleUnit>();
        foreach (var a in agencies)
        {
            if (units.Count >= count) break;
            units.Add(new SampleUnit(HexId(random), "Sekretariat " + a.Name, a.Id, "Sekretaris"));
            for (var f = 0; f < 3 && units.Count < count; f++)
            {
                var field = Fields[(f + a.Name.Length) % Fields.Length];
                var unit = new SampleUnit(HexId(random), $"Bidang {field} {a.Name}", a.Id, $"Kepala Bidang {field}");
                units.Add(unit);
                fields.Add(unit);
            }
        }
        for (var s = 0; units.Count < count; s++)
        {
            var field = fields[s % fields.Count];
            units.Add(new SampleUnit(HexId(random), $"Seksi {(s / fields.Count) + 1} {field.Name["Bidang ".Length..]}", field.Id, "Kepala Seksi"));
        }
        return units;
    }

    /// <summary>
    /// <paramref name="count"/> employees placed in <paramref name="units"/> (not the root when there
    /// are others). With <paramref name="defectRate"/> &gt; 0 about that share of rows carries one
    /// <see cref="SampleDefect"/>, cycling through the kinds; <see cref="SampleEmployee.Defect"/> says which.
    /// </summary>
    public IEnumerable<SampleEmployee> Employees(int count, IReadOnlyList<SampleUnit> units, double defectRate = 0)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0) throw new ArgumentException("At least one unit is needed.", nameof(units));
        var random = new Random(_seed);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var places = units.Count > 1 ? units.Skip(1).ToList() : [.. units];
        var agencies = AgencyOf(units);
        var defects = Enum.GetValues<SampleDefect>().Where(d => d != SampleDefect.None).ToArray();
        var defectIndex = 0;
        SampleEmployee? previous = null;
        for (var n = 0; n < count; n++)
        {
            var row = Person(random, taken, places, agencies, n);
            var defect = SampleDefect.None;
            if (defectRate > 0 && random.NextDouble() < defectRate)
            {
                defect = defects[defectIndex++ % defects.Length];
                row = Plant(row, defect, random, previous);
            }
            var employee = new SampleEmployee(row, defect);
            if (defect == SampleDefect.None) previous = employee;
            yield return employee;
        }
    }

    private Dictionary<string, string> Person(Random r, HashSet<string> taken, List<SampleUnit> places, Dictionary<string, SampleUnit> agencies, int n)
    {
        var v = new Dictionary<string, string>(StringComparer.Ordinal);
        var roll = r.NextDouble();
        var type = roll < 0.74 ? EmploymentType.Pns : roll < 0.77 ? EmploymentType.Cpns : roll < 0.97 ? EmploymentType.Pppk : EmploymentType.PppkParuhWaktu;
        var male = r.Next(2) == 0;
        var given = male ? MaleNames[r.Next(MaleNames.Length)] : FemaleNames[r.Next(FemaleNames.Length)];
        var family = FamilyNames[r.Next(FamilyNames.Length)];
        var name = r.Next(4) == 0 ? given : $"{given} {family}";
        var edu = Education[type == EmploymentType.PppkParuhWaktu ? r.Next(2) : WeightedEducation(r)];

        // Appointment (TMT) and birth date, consistent with each other and with the reference date.
        int tmtYear, tmtMonth;
        if (type == EmploymentType.Cpns) { tmtYear = _reference.Year - 1; tmtMonth = r.Next(1, 13); }
        else if (type == EmploymentType.Pns) { tmtYear = r.Next(1988, _reference.Year - 1); tmtMonth = r.Next(1, 13); }
        else if (type == EmploymentType.Pppk) { tmtYear = r.Next(Math.Max(2021, _reference.Year - 4), _reference.Year); tmtMonth = r.Next(1, 13); }
        else { tmtYear = _reference.Year; tmtMonth = 1; }
        var ageAtTmt = r.Next(edu.EntryGolongan >= 31 ? 23 : 19, type.IsPppk() ? 45 : 35);
        var birthYear = Math.Max(1966, tmtYear - ageAtTmt);
        var birth = new DateOnly(birthYear, r.Next(1, 13), 1).AddDays(r.Next(0, 28));
        if (type == EmploymentType.Pns && _reference.Year - birth.Year > 57) birth = birth.AddYears(57 - (_reference.Year - birth.Year));

        var nip = Nip(r, taken, birth, tmtYear, tmtMonth, type, male);
        var tmt = new DateOnly(tmtYear, tmtMonth, 1);
        var years = Math.Max(0, _reference.Year - tmtYear);

        v["PNS ID"] = HexId(r);
        v["NIP BARU"] = nip;
        v["NIP LAMA"] = type == EmploymentType.Pns && tmtYear < 2000 ? r.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : "";
        v["NAMA"] = name.ToUpperInvariant();
        var (study, degree) = edu.EntryGolongan >= 32 ? Master[r.Next(Master.Length)] : Bachelor[r.Next(Bachelor.Length)];
        v["GELAR DEPAN"] = edu.EntryGolongan >= 32 && r.Next(12) == 0 ? "Dr." : study == "Keperawatan" && r.Next(3) == 0 ? "Ns." : "";
        v["GELAR BELAKANG"] = edu.EntryGolongan switch
        {
            >= 32 => $"{Bachelor[r.Next(Bachelor.Length)].Degree}, {degree}",
            31 => Bachelor.First(b => b.Study == study).Degree,
            _ => edu.Diploma ? "A.Md." : "",
        };
        var city = r.Next(Cities.Length);
        v["TEMPAT LAHIR ID"] = HexId(r);
        v["TEMPAT LAHIR NAMA"] = Cities[city].ToUpperInvariant();
        v["TANGGAL LAHIR"] = Day(birth);
        v["JENIS KELAMIN"] = male ? "M" : "F";
        var religion = Religions[Math.Min(Religions.Length - 1, (int)Math.Floor(Math.Pow(r.NextDouble(), 6) * Religions.Length))];
        v["AGAMA ID"] = religion.Id;
        v["AGAMA NAMA"] = religion.Name;
        v["JENIS KAWIN ID"] = "2";
        v["JENIS KAWIN NAMA"] = "Menikah";
        v["NIK"] = $"{31 + r.Next(60):D2}{r.Next(1, 80):D2}{r.Next(1, 40):D2}{birth.Day + (male ? 0 : 40):D2}{birth.Month:D2}{birth.Year % 100:D2}{r.Next(1, 9999):D4}";
        v["NOMOR HP"] = $"08{r.Next(11, 99)}{r.Next(10_000_000, 99_999_999)}";
        var local = $"{given}.{family}{n % 1000}".ToLowerInvariant();
        v["EMAIL"] = $"{local}@gmail.com";
        v["EMAIL GOV"] = $"{local}@{_emailDomain}";
        v["ALAMAT"] = $"{Streets[r.Next(Streets.Length)]} No. {r.Next(1, 200)} RT {r.Next(1, 15):D3} RW {r.Next(1, 10):D3}, {Cities[city]}";
        v["NPWP NOMOR"] = $"{r.Next(10, 99)}.{r.Next(100, 999)}.{r.Next(100, 999)}.{r.Next(0, 9)}-{r.Next(100, 999)}.000";
        v["BPJS"] = $"000{r.Next(100_000_000, 999_999_999)}{r.Next(0, 9)}";

        v["JENIS PEGAWAI ID"] = type.IsPppk() ? "71" : "4";
        v["JENIS PEGAWAI NAMA"] = type switch
        {
            EmploymentType.Pppk => "PPPK",
            EmploymentType.PppkParuhWaktu => "PPPK Paruh Waktu",
            _ => "PNS Daerah Kabupaten/Kota",
        };
        var status = LegalStatusFor(r, birth);
        v["KEDUDUKAN HUKUM ID"] = status.Id;
        v["KEDUDUKAN HUKUM NAMA"] = status.Name;
        v["STATUS CPNS PNS"] = type == EmploymentType.Cpns ? "C" : type == EmploymentType.Pns ? "P" : "";
        v["KARTU ASN VIRTUAL"] = r.Next(3) == 0 ? "" : HexId(r)[..16].ToUpperInvariant();

        if (type.IsPnsLayout())
        {
            v["NOMOR SK CPNS"] = $"813.3/{r.Next(1, 999)}/BKPSDM/{tmtYear}";
            v["TANGGAL SK CPNS"] = Day(tmt.AddDays(-r.Next(10, 60)));
            v["TMT CPNS"] = Day(tmt);
            if (type == EmploymentType.Pns)
            {
                v["NOMOR SK PNS"] = $"821.13/{r.Next(1, 999)}/BKPSDM/{tmtYear + 1}";
                v["TANGGAL SK PNS"] = Day(tmt.AddYears(1).AddDays(-r.Next(10, 30)));
                v["TMT PNS"] = Day(tmt.AddYears(1));
            }
        }

        // Golongan: entry grade by education, one step per four years of service.
        string golAkhirId, golAkhirNama;
        if (type.IsPnsLayout())
        {
            var entry = Golongan.FromBknCode(edu.EntryGolongan)!;
            var index = Math.Min(Golongan.PnsTable.Count - 1, IndexOf(entry) + (years / 4));
            if (edu.EntryGolongan < 31) index = Math.Min(index, IndexOf(Golongan.FromBknCode(34)!));
            var akhir = Golongan.PnsTable[index];
            v["GOL AWAL ID"] = entry.Code.ToString(CultureInfo.InvariantCulture);
            v["GOL AWAL NAMA"] = entry.Name;
            golAkhirId = akhir.Code.ToString(CultureInfo.InvariantCulture);
            golAkhirNama = akhir.Name;
        }
        else
        {
            var level = edu.EntryGolongan switch { >= 32 => 10, 31 => 9, 23 => 7, _ => 5 };
            golAkhirId = Golongan.FromPppkLevel(level)!.Name;
            golAkhirNama = golAkhirId;
            v["GOL AWAL ID"] = golAkhirId;
            v["GOL AWAL NAMA"] = golAkhirNama;
        }
        v["GOL AKHIR ID"] = golAkhirId;
        v["GOL AKHIR NAMA"] = golAkhirNama;
        v["TMT GOLONGAN"] = Day(new DateOnly(Math.Max(tmtYear, _reference.Year - (years % 4)), 4, 1));
        v["MK TAHUN"] = years.ToString(CultureInfo.InvariantCulture);
        v["MK BULAN"] = r.Next(0, 12).ToString(CultureInfo.InvariantCulture);

        // Jabatan: a few structural posts (III/a and up), functional specialists, operational staff.
        var place = places[r.Next(places.Count)];
        var jabatan = r.NextDouble();
        var grade = Golongan.Parse(golAkhirNama)!;
        if (type == EmploymentType.Pns && grade.Scheme == GolonganScheme.Pns && grade.Code >= 32 && jabatan < 0.09)
        {
            var eselon = grade.Code >= 41 ? (r.Next(3) == 0 ? "II.b" : "III.a") : grade.Code >= 33 ? "III.b" : "IV.a";
            v["JENIS JABATAN ID"] = "1";
            v["JENIS JABATAN NAMA"] = "Struktural";
            v["JABATAN NAMA"] = place.Name.StartsWith("Sekretariat ", StringComparison.Ordinal) ? "Sekretaris " + place.Name["Sekretariat ".Length..] : "Kepala " + place.Name;
            v["ESELON ID"] = eselon switch { "II.b" => "22", "III.a" => "31", "III.b" => "32", _ => "41" };
            v["ESELON NAMA"] = eselon;
        }
        else if (jabatan < 0.50)
        {
            var title = Functional[r.Next(Functional.Length)];
            var level = grade.Scheme == GolonganScheme.Pns && grade.Code < 31 ? Skilled[Math.Min(Skilled.Length - 1, years / 8)] : Expert[Math.Min(Expert.Length - 1, years / 10)];
            v["JENIS JABATAN ID"] = "2";
            v["JENIS JABATAN NAMA"] = "Fungsional Tertentu";
            v["JABATAN NAMA"] = $"{title} {level}";
            v["ESELON NAMA"] = "NON ESELON";
        }
        else
        {
            v["JENIS JABATAN ID"] = "4";
            v["JENIS JABATAN NAMA"] = "Fungsional Umum";
            v["JABATAN NAMA"] = Operational[r.Next(Operational.Length)];
            v["ESELON NAMA"] = "NON ESELON";
        }
        v["JABATAN ID"] = HexId(r);
        v["TMT JABATAN"] = Day(new DateOnly(Math.Max(tmtYear, _reference.Year - r.Next(1, 6)), r.Next(1, 13), 1));

        v["TINGKAT PENDIDIKAN ID"] = edu.Id;
        v["TINGKAT PENDIDIKAN NAMA"] = edu.Name;
        v["PENDIDIKAN ID"] = HexId(r);
        v["PENDIDIKAN NAMA"] = edu.EntryGolongan >= 31 ? study.ToUpperInvariant() : edu.Diploma ? "D-III ADMINISTRASI PERKANTORAN" : "SMA IPS";
        v["TAHUN LULUS"] = (birth.Year + (edu.EntryGolongan >= 32 ? 25 : edu.EntryGolongan == 31 ? 22 : edu.Diploma ? 21 : 18)).ToString(CultureInfo.InvariantCulture);
        v["KPKN ID"] = "0123";
        v["KPKN NAMA"] = "KPPN KOTA CONTOH";
        v["LOKASI KERJA ID"] = "a1b2c3";
        v["LOKASI KERJA NAMA"] = "KOTA CONTOH";
        v["UNOR ID"] = place.Id;
        v["UNOR NAMA"] = place.Name;
        v["INSTANSI INDUK ID"] = "A5EB03E23C4CF6A0E040640A040252AD";
        v["INSTANSI INDUK NAMA"] = _institution;
        v["INSTANSI KERJA ID"] = "A5EB03E23C4CF6A0E040640A040252AD";
        v["INSTANSI KERJA NAMA"] = _institution;
        v["SATUAN KERJA INDUK ID"] = "A5EB03E23C4CF6A0E040640A040252AD";
        v["SATUAN KERJA INDUK NAMA"] = _institution;
        var agency = agencies[place.Id];
        v["SATUAN KERJA KERJA ID"] = agency.Id;
        v["SATUAN KERJA KERJA NAMA"] = agency.Name;
        v["IS VALID NIK"] = "1";
        v["NAMA SEKOLAH"] = edu.EntryGolongan >= 31 ? "UNIVERSITAS NEGERI CONTOH" : "SMA NEGERI 1 CONTOH";
        v["FLAG IKD"] = r.Next(2).ToString(CultureInfo.InvariantCulture);

        if (type.IsPppk())
        {
            var start = type == EmploymentType.PppkParuhWaktu ? new DateOnly(_reference.Year, 1, 1) : tmt;
            var end = type == EmploymentType.PppkParuhWaktu ? start.AddYears(1).AddDays(-1) : start.AddYears(5).AddDays(-1);
            v["TGL AWAL KONTRAK"] = Day(start);
            v["TGL AKHIR KONTRAK"] = Day(end);
        }
        return v;
    }

    /// <summary>Each unit's agency: its ancestor just under the root (the root and agencies are their own).</summary>
    private static Dictionary<string, SampleUnit> AgencyOf(IReadOnlyList<SampleUnit> units)
    {
        var byId = units.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
        var result = new Dictionary<string, SampleUnit>();
        foreach (var unit in units)
        {
            var at = unit;
            for (var guard = 0; guard < 64 && at.ParentId is { } p && byId.TryGetValue(p, out var parent) && parent.ParentId is not null; guard++) at = parent;
            result[unit.Id] = at;
        }
        return result;
    }

    private static Dictionary<string, string> Plant(Dictionary<string, string> v, SampleDefect defect, Random r, SampleEmployee? previous)
    {
        switch (defect)
        {
            case SampleDefect.ExcelNip:
                v["NIP BARU"] = double.Parse(v["NIP BARU"], CultureInfo.InvariantCulture).ToString("0.#####E+00", CultureInfo.InvariantCulture);
                break;
            case SampleDefect.ExcelRoundedNip:
                v["NIP BARU"] = v["NIP BARU"][..15] + "000";
                break;
            case SampleDefect.DuplicateNip when previous is not null:
                v["NIP BARU"] = previous.Nip;
                v["NAMA"] = previous.Name;
                break;
            case SampleDefect.DuplicateNip:
                v["NIP BARU"] = v["NIP BARU"][..15] + "000";
                break;
            case SampleDefect.BadBirthDate:
                v["TANGGAL LAHIR"] = "31-02-" + v["TANGGAL LAHIR"][^4..];
                break;
            case SampleDefect.GolonganForWrongType:
                v["JENIS PEGAWAI NAMA"] = "PPPK";
                v["STATUS CPNS PNS"] = "";
                v["GOL AKHIR ID"] = "31";
                v["GOL AKHIR NAMA"] = "III/a";
                break;
            case SampleDefect.MissingName:
                v["NAMA"] = "";
                break;
            case SampleDefect.UnknownUnor:
                v["UNOR ID"] = HexId(r);
                v["UNOR NAMA"] = "Unit Lama (sudah dilebur)";
                break;
            case SampleDefect.SexMismatch:
                v["JENIS KELAMIN"] = v["JENIS KELAMIN"] == "M" ? "F" : "M";
                break;
        }
        return v;
    }

    private static string Nip(Random r, HashSet<string> taken, DateOnly birth, int tmtYear, int tmtMonth, EmploymentType type, bool male)
    {
        var middle = type.IsPppk()
            ? $"{tmtYear:D4}2{(type == EmploymentType.PppkParuhWaktu ? 1 : r.Next(1, 3))}"
            : $"{tmtYear:D4}{tmtMonth:D2}";
        var prefix = $"{birth:yyyyMMdd}{middle}{(male ? 1 : 2)}";
        for (var serial = 1; serial <= 999; serial++)
        {
            var nip = prefix + serial.ToString("D3", CultureInfo.InvariantCulture);
            if (taken.Add(nip)) return nip;
        }
        throw new InvalidOperationException("No free NIP serial for this birth date and TMT.");
    }

    private static int WeightedEducation(Random r)
    {
        var x = r.NextDouble();
        return x < 0.18 ? 0 : x < 0.33 ? 1 : x < 0.85 ? 2 : 3;
    }

    private static (string Id, string Name) LegalStatusFor(Random r, DateOnly birth)
    {
        var x = r.NextDouble();
        if (x < 0.012) return ("03", "Tugas Belajar");
        if (x < 0.020) return ("04", "CLTN");
        if (x < 0.028 && birth.Year < 1970) return ("05", "Masa Persiapan Pensiun");
        return ("01", "Aktif");
    }

    private static int IndexOf(Golongan g) => Golongan.PnsTable.ToList().IndexOf(g);

    private static string Day(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string HexId(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    // ---- Writing files ----

    /// <summary>Writes a SIASN-style CSV (UTF-8; optional BOM; comma or semicolon) with the given headers, in the given order (default: all of <see cref="Headers"/>).</summary>
    public static void WriteEmployeesCsv(Stream output, IEnumerable<SampleEmployee> rows, char separator = ',', bool byteOrderMark = false, IReadOnlyList<string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = headers ?? Headers;
        var keys = columns.Select(Canonical).ToArray();
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = separator, WriteByteOrderMark = byteOrderMark }, leaveOpen: true);
        foreach (var h in columns) csv.WriteField(h);
        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var key in keys) csv.WriteField(row[key]);
            csv.EndRecord();
        }
    }

    /// <summary>The CSV as bytes (see <see cref="WriteEmployeesCsv(Stream, IEnumerable{SampleEmployee}, char, bool, IReadOnlyList{string}?)"/>).</summary>
    public static byte[] EmployeesCsv(IEnumerable<SampleEmployee> rows, char separator = ',', bool byteOrderMark = false, IReadOnlyList<string>? headers = null)
    {
        using var ms = new MemoryStream();
        WriteEmployeesCsv(ms, rows, separator, byteOrderMark, headers);
        return ms.ToArray();
    }

    public static void WriteUnitsCsv(Stream output, IEnumerable<SampleUnit> units, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(units);
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { Separator = separator }, leaveOpen: true);
        foreach (var h in UnitHeaders) csv.WriteField(h);
        csv.EndRecord();
        foreach (var u in units)
        {
            csv.WriteField(u.Id);
            csv.WriteField(u.Name);
            csv.WriteField(u.ParentId ?? "");
            csv.WriteField(u.HeadTitle ?? "");
            csv.EndRecord();
        }
    }

    public static byte[] UnitsCsv(IEnumerable<SampleUnit> units, char separator = ',')
    {
        using var ms = new MemoryStream();
        WriteUnitsCsv(ms, units, separator);
        return ms.ToArray();
    }

    /// <summary>
    /// A header written differently (lower case, underscores: <c>nip_baru</c>) still means its canonical
    /// column, so a test can pass variant headers and the values follow.
    /// </summary>
    private static string Canonical(string header)
    {
        var key = SiasnHeaders.Normalize(header);
        return Headers.FirstOrDefault(h => SiasnHeaders.Normalize(h) == key) ?? header;
    }
}
