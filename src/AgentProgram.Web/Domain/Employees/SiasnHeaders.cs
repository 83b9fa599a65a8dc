using System.Collections.Frozen;
using System.Text;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>
/// The SIASN "Export Data ASN" columns the import keeps (DOMAIN.md §5). Everything else is
/// dropped on read. The numbers are used in saved column mappings: never renumber.
/// </summary>
public enum SiasnColumn
{
    NipBaru = 1,
    PnsId = 2,
    NipLama = 3,
    Nama = 4,
    GelarDepan = 5,
    GelarBelakang = 6,
    JenisKelamin = 7,
    TanggalLahir = 8,
    JenisPegawaiNama = 9,
    KedudukanHukumNama = 10,
    StatusCpnsPns = 11,
    /// <summary>Read only to cross-check the NIP; not stored.</summary>
    TmtCpns = 12,
    GolAkhirId = 13,
    GolAkhirNama = 14,
    /// <summary>Not in DOMAIN.md's keep list, but a category code, not personal data; it makes the position mapping exact.</summary>
    JenisJabatanId = 15,
    JenisJabatanNama = 16,
    JabatanNama = 17,
    EselonId = 18,
    EselonNama = 19,
    UnorId = 20,
    UnorNama = 21,
    SatuanKerjaKerjaNama = 22,
    InstansiKerjaNama = 23,
    EmailGov = 24,
    /// <summary>Optional: only for one-time sign-in codes.</summary>
    NomorHp = 25,
    TglAwalKontrak = 26,
    TglAkhirKontrak = 27,
}

/// <summary>Columns of the unit hierarchy file: <c>ID, NAMA_UNOR, ID_ATASAN</c> (or <c>DIATASAN_ID</c>).</summary>
public enum UnitColumn
{
    Id = 1,
    NamaUnor = 2,
    IdAtasan = 3,
    /// <summary>The title of the unit's head ("Kepala Biro Humas"), when the file has it.</summary>
    NamaJabatan = 4,
}

public enum ColumnNeed
{
    /// <summary>Read when present.</summary>
    Optional = 0,

    /// <summary>The file can be imported without it, with a warning: its data will be empty.</summary>
    Recommended = 1,

    /// <summary>The file cannot be imported without it.</summary>
    Required = 2,
}

/// <summary>A column we read: its canonical SIASN header, other names regional exports use, and how much we need it.</summary>
public sealed record ColumnSpec<TColumn>(TColumn Column, string Header, ColumnNeed Need, IReadOnlyList<string> Aliases)
    where TColumn : struct, Enum;

/// <summary>
/// Header matching for SIASN and regional SIMPEG exports. Headers match ignoring case, white space,
/// underscores and other punctuation: <c>NIP_BARU</c>, "nip baru" and <c>NipBaru</c> are all
/// <c>NIP BARU</c>.
/// </summary>
public static class SiasnHeaders
{
    /// <summary>
    /// Required: NIP BARU and NAMA (no person without them). Recommended, because the import
    /// still works but a feature degrades for every row: JENIS PEGAWAI NAMA (PNS or PPPK menus,
    /// golongan checks), KEDUDUKAN HUKUM NAMA (the eligibility gate; nobody may be assumed Aktif),
    /// TANGGAL LAHIR and JENIS KELAMIN (NIP cross-checks), UNOR ID (attaching people to units)
    /// and JABATAN NAMA (titles). The rest is optional.
    /// </summary>
    public static readonly IReadOnlyList<ColumnSpec<SiasnColumn>> EmployeeColumns =
    [
        Spec(SiasnColumn.NipBaru, "NIP BARU", ColumnNeed.Required, "NIP", "NIP 18"),
        Spec(SiasnColumn.PnsId, "PNS ID", ColumnNeed.Optional, "ID PNS"),
        Spec(SiasnColumn.NipLama, "NIP LAMA", ColumnNeed.Optional),
        Spec(SiasnColumn.Nama, "NAMA", ColumnNeed.Required, "NAMA LENGKAP", "NAMA PEGAWAI"),
        Spec(SiasnColumn.GelarDepan, "GELAR DEPAN", ColumnNeed.Optional),
        Spec(SiasnColumn.GelarBelakang, "GELAR BELAKANG", ColumnNeed.Optional),
        Spec(SiasnColumn.JenisKelamin, "JENIS KELAMIN", ColumnNeed.Recommended, "JK"),
        Spec(SiasnColumn.TanggalLahir, "TANGGAL LAHIR", ColumnNeed.Recommended, "TGL LAHIR"),
        Spec(SiasnColumn.JenisPegawaiNama, "JENIS PEGAWAI NAMA", ColumnNeed.Recommended, "JENIS PEGAWAI"),
        Spec(SiasnColumn.KedudukanHukumNama, "KEDUDUKAN HUKUM NAMA", ColumnNeed.Recommended, "KEDUDUKAN HUKUM"),
        Spec(SiasnColumn.StatusCpnsPns, "STATUS CPNS PNS", ColumnNeed.Optional),
        Spec(SiasnColumn.TmtCpns, "TMT CPNS", ColumnNeed.Optional),
        Spec(SiasnColumn.GolAkhirId, "GOL AKHIR ID", ColumnNeed.Optional),
        Spec(SiasnColumn.GolAkhirNama, "GOL AKHIR NAMA", ColumnNeed.Optional, "GOLONGAN", "GOL RUANG"),
        Spec(SiasnColumn.JenisJabatanId, "JENIS JABATAN ID", ColumnNeed.Optional),
        Spec(SiasnColumn.JenisJabatanNama, "JENIS JABATAN NAMA", ColumnNeed.Optional, "JENIS JABATAN"),
        Spec(SiasnColumn.JabatanNama, "JABATAN NAMA", ColumnNeed.Recommended, "JABATAN", "NAMA JABATAN"),
        Spec(SiasnColumn.EselonId, "ESELON ID", ColumnNeed.Optional),
        Spec(SiasnColumn.EselonNama, "ESELON NAMA", ColumnNeed.Optional, "ESELON"),
        Spec(SiasnColumn.UnorId, "UNOR ID", ColumnNeed.Recommended, "ID UNOR"),
        Spec(SiasnColumn.UnorNama, "UNOR NAMA", ColumnNeed.Optional, "NAMA UNOR", "UNIT KERJA"),
        Spec(SiasnColumn.SatuanKerjaKerjaNama, "SATUAN KERJA KERJA NAMA", ColumnNeed.Optional, "SATUAN KERJA"),
        Spec(SiasnColumn.InstansiKerjaNama, "INSTANSI KERJA NAMA", ColumnNeed.Optional),
        Spec(SiasnColumn.EmailGov, "EMAIL GOV", ColumnNeed.Optional, "EMAIL DINAS"),
        Spec(SiasnColumn.NomorHp, "NOMOR HP", ColumnNeed.Optional, "NO HP"),
        Spec(SiasnColumn.TglAwalKontrak, "TGL AWAL KONTRAK", ColumnNeed.Optional, "TANGGAL AWAL KONTRAK"),
        Spec(SiasnColumn.TglAkhirKontrak, "TGL AKHIR KONTRAK", ColumnNeed.Optional, "TANGGAL AKHIR KONTRAK"),
    ];

    public static readonly IReadOnlyList<ColumnSpec<UnitColumn>> UnitColumns =
    [
        Spec(UnitColumn.Id, "ID", ColumnNeed.Required, "UNOR ID", "ID UNOR"),
        Spec(UnitColumn.NamaUnor, "NAMA_UNOR", ColumnNeed.Required, "NAMA", "UNOR NAMA", "NAMA UNIT"),
        Spec(UnitColumn.IdAtasan, "ID_ATASAN", ColumnNeed.Recommended, "DIATASAN_ID", "ATASAN ID", "PARENT ID"),
        Spec(UnitColumn.NamaJabatan, "NAMA_JABATAN", ColumnNeed.Optional, "JABATAN", "JABATAN KEPALA"),
    ];

    /// <summary>
    /// SIASN columns deliberately not read (data minimisation, UU 27/2022): everything in the
    /// export that is not in <see cref="EmployeeColumns"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> Dropped =
    [
        "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA",
        "NIK", "EMAIL", "ALAMAT", "NPWP NOMOR", "BPJS", "JENIS PEGAWAI ID", "KEDUDUKAN HUKUM ID", "KARTU ASN VIRTUAL",
        "NOMOR SK CPNS", "TANGGAL SK CPNS", "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA",
        "TMT GOLONGAN", "MK TAHUN", "MK BULAN", "JABATAN ID", "TMT JABATAN", "TINGKAT PENDIDIKAN ID",
        "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS", "KPKN ID", "KPKN NAMA",
        "LOKASI KERJA ID", "LOKASI KERJA NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA", "INSTANSI KERJA ID",
        "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID",
        "IS VALID NIK", "NAMA SEKOLAH", "FLAG IKD",
    ];

    /// <summary>Personal data no column mapping may read, whatever the user chooses.</summary>
    public static readonly IReadOnlyList<string> Sensitive =
    [
        "NIK", "NO KTP", "NOMOR KTP", "KTP", "IS VALID NIK", "NPWP NOMOR", "NPWP", "BPJS", "ALAMAT",
        "AGAMA ID", "AGAMA NAMA", "AGAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "STATUS KAWIN", "STATUS PERKAWINAN",
    ];

    private static readonly FrozenSet<string> DroppedKeys = Dropped.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> SensitiveKeys = Sensitive.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The comparison key of a header: lower-case letters and digits only (a BOM or quotes vanish too).</summary>
    public static string Normalize(string? header)
    {
        if (string.IsNullOrEmpty(header)) return "";
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static bool Matches(string? fileHeader, string canonical) =>
        Normalize(fileHeader) is { Length: > 0 } key && key == Normalize(canonical);

    public static string HeaderOf(SiasnColumn column) => EmployeeColumns.First(c => c.Column == column).Header;

    public static string HeaderOf(UnitColumn column) => UnitColumns.First(c => c.Column == column).Header;

    public static bool IsDropped(string? header) => DroppedKeys.Contains(Normalize(header));

    public static bool IsSensitive(string? header) => SensitiveKeys.Contains(Normalize(header));

    /// <summary>
    /// Maps an employee file's header row. <paramref name="overrides"/> (canonical column → the
    /// file's header text) is the user's mapping for regional SIMPEG exports; it wins over
    /// automatic matching. A blank override value means "match automatically".
    /// </summary>
    public static HeaderMap<SiasnColumn> MapEmployeeFile(IReadOnlyList<string?> headers, IReadOnlyDictionary<SiasnColumn, string>? overrides = null) =>
        HeaderMap<SiasnColumn>.Create(headers, EmployeeColumns, overrides);

    public static HeaderMap<UnitColumn> MapUnitFile(IReadOnlyList<string?> headers, IReadOnlyDictionary<UnitColumn, string>? overrides = null) =>
        HeaderMap<UnitColumn>.Create(headers, UnitColumns, overrides);

    private static ColumnSpec<T> Spec<T>(T column, string header, ColumnNeed need, params string[] aliases) where T : struct, Enum =>
        new(column, header, need, aliases);
}

/// <summary>Which canonical column sits at which index of a file, and what is missing or ignored.</summary>
public sealed class HeaderMap<TColumn> where TColumn : struct, Enum
{
    private readonly Dictionary<TColumn, int> _indexes;
    private readonly IReadOnlyList<ColumnSpec<TColumn>> _specs;

    private HeaderMap(IReadOnlyList<ColumnSpec<TColumn>> specs, Dictionary<TColumn, int> indexes)
    {
        _specs = specs;
        _indexes = indexes;
    }

    /// <summary>Canonical column → zero-based index in the file.</summary>
    public IReadOnlyDictionary<TColumn, int> Indexes => _indexes;

    public IReadOnlyList<TColumn> MissingRequired { get; private init; } = [];

    public IReadOnlyList<TColumn> MissingRecommended { get; private init; } = [];

    /// <summary>Every non-empty header that is not read, as written in the file, in file order.</summary>
    public IReadOnlyList<string> IgnoredHeaders { get; private init; } = [];

    /// <summary>The ignored headers that are SIASN columns we deliberately drop (NIK, NPWP NOMOR, …).</summary>
    public IReadOnlyList<string> DroppedHeaders { get; private init; } = [];

    /// <summary>The ignored headers we do not know at all.</summary>
    public IReadOnlyList<string> UnknownHeaders { get; private init; } = [];

    public IReadOnlyList<ImportIssue> Issues { get; private init; } = [];

    /// <summary>False when a required column is missing or a chosen mapping is unusable.</summary>
    public bool CanImport => !Issues.Any(i => i.IsError);

    public bool Has(TColumn column) => _indexes.ContainsKey(column);

    public int? IndexOf(TColumn column) => _indexes.TryGetValue(column, out var i) ? i : null;

    public string HeaderOf(TColumn column) => _specs.First(s => EqualityComparer<TColumn>.Default.Equals(s.Column, column)).Header;

    /// <summary>The trimmed cell for a column, or null when the column is absent, the row is short, or the cell is blank.</summary>
    public string? ValueOf(IReadOnlyList<string?> row, TColumn column)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_indexes.TryGetValue(column, out var i) || i >= row.Count) return null;
        var value = row[i]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    internal static HeaderMap<TColumn> Create(IReadOnlyList<string?> headers, IReadOnlyList<ColumnSpec<TColumn>> specs,
        IReadOnlyDictionary<TColumn, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var keys = headers.Select(SiasnHeaders.Normalize).ToArray();
        var indexes = new Dictionary<TColumn, int>();
        var failedOverride = new HashSet<TColumn>();
        List<ImportIssue> issues = [];

        foreach (var spec in specs)
        {
            if (overrides is null || !overrides.TryGetValue(spec.Column, out var chosen) || string.IsNullOrWhiteSpace(chosen)) continue;
            var key = SiasnHeaders.Normalize(chosen);
            var at = Array.IndexOf(keys, key);
            if (SiasnHeaders.IsSensitive(chosen))
            {
                issues.Add(ImportIssue.Error(ImportIssueCode.HeaderOverrideSensitive, EmployeeMessages.HeaderOverrideSensitive, spec.Header, chosen.Trim()));
                failedOverride.Add(spec.Column);
            }
            else if (at < 0)
            {
                issues.Add(ImportIssue.Error(ImportIssueCode.HeaderOverrideNotFound, EmployeeMessages.HeaderOverrideNotFound, spec.Header, chosen.Trim()));
                failedOverride.Add(spec.Column);
            }
            else
            {
                indexes[spec.Column] = at;
            }
        }

        foreach (var spec in specs)
        {
            if (indexes.ContainsKey(spec.Column) || failedOverride.Contains(spec.Column)) continue;
            // The canonical header beats an alias ("NIP BARU" over "NIP"); within one name, the first column wins.
            foreach (var name in spec.Aliases.Prepend(spec.Header).Select(SiasnHeaders.Normalize))
            {
                var hits = Enumerable.Range(0, keys.Length).Where(i => keys[i] == name).ToList();
                if (hits.Count == 0) continue;
                indexes[spec.Column] = hits[0];
                if (hits.Count > 1)
                    issues.Add(ImportIssue.Warning(ImportIssueCode.HeaderDuplicate, EmployeeMessages.HeaderDuplicate,
                        headers[hits[0]]!.Trim(), NipCheck.Num(hits[0] + 1)));
                break;
            }
        }

        var missingRequired = specs.Where(s => s.Need == ColumnNeed.Required && !indexes.ContainsKey(s.Column)).ToList();
        var missingRecommended = specs.Where(s => s.Need == ColumnNeed.Recommended && !indexes.ContainsKey(s.Column)).ToList();
        issues.AddRange(missingRequired.Where(s => !failedOverride.Contains(s.Column))
            .Select(s => ImportIssue.Error(ImportIssueCode.HeaderRequiredMissing, EmployeeMessages.HeaderRequiredMissing, s.Header)));
        issues.AddRange(missingRecommended.Where(s => !failedOverride.Contains(s.Column))
            .Select(s => ImportIssue.Warning(ImportIssueCode.HeaderRecommendedMissing, EmployeeMessages.HeaderRecommendedMissing, s.Header)));

        var used = indexes.Values.ToHashSet();
        var ignored = Enumerable.Range(0, keys.Length).Where(i => keys[i].Length > 0 && !used.Contains(i)).ToList();
        return new HeaderMap<TColumn>(specs, indexes)
        {
            MissingRequired = [.. missingRequired.Select(s => s.Column)],
            MissingRecommended = [.. missingRecommended.Select(s => s.Column)],
            IgnoredHeaders = [.. ignored.Select(i => headers[i]!.Trim())],
            DroppedHeaders = [.. ignored.Where(i => SiasnHeaders.IsDropped(headers[i])).Select(i => headers[i]!.Trim())],
            UnknownHeaders = [.. ignored.Where(i => !SiasnHeaders.IsDropped(headers[i])).Select(i => headers[i]!.Trim())],
            Issues = issues,
        };
    }
}
