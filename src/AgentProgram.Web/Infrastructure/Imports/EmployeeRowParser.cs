using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// One employee as the import will store it: only the kept SIASN fields (DOMAIN.md §5), already
/// checked and normalised, plus the warnings HR should see. Built from a file row by
/// <see cref="EmployeeRowParser"/>.
/// </summary>
public sealed class EmployeeRecord
{
    public required string Nip { get; init; }
    public string? NipLama { get; init; }
    public string? SiasnPnsId { get; init; }
    public required string Name { get; init; }
    public string? TitlePrefix { get; init; }
    public string? TitleSuffix { get; init; }
    public Sex? Sex { get; init; }
    public DateOnly? BirthDate { get; init; }
    public EmploymentType EmploymentType { get; init; }
    public LegalStatus LegalStatus { get; init; }
    public string? LegalStatusName { get; init; }
    public Golongan? Golongan { get; init; }
    public PositionType? PositionType { get; init; }
    public string? PositionName { get; init; }
    public string? Eselon { get; init; }
    public int? UnitId { get; init; }
    public string? UnitName { get; init; }
    public string? SiasnUnorId { get; init; }
    public string? SiasnUnorName { get; init; }
    public string? WorkUnitName { get; init; }
    public string? InstitutionName { get; init; }
    public string? GovEmail { get; init; }
    public string? Phone { get; init; }
    public DateOnly? ContractStart { get; init; }
    public DateOnly? ContractEnd { get; init; }
    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];

    /// <summary>BKN code for PNS/CPNS ("31"), roman level for PPPK ("IX").</summary>
    public string? GolonganCode => Golongan is null ? null : Golongan.Scheme == GolonganScheme.Pns ? Golongan.Code.ToString(CultureInfo.InvariantCulture) : Golongan.Name;

    /// <summary>JSON list of {code, message, format, args}: message in Indonesian; format and args let a page show it in the reader's language.</summary>
    public string? WarningsJson => Warnings.Count == 0 ? null : JsonSerializer.Serialize(Warnings.Select(w => new StoredWarning((int)w.Code, w.Message, w.Format, w.Args)));

    /// <summary>SHA-256 (hex) over every stored field: equal hashes mean a re-import would change nothing.</summary>
    public string Hash()
    {
        var sb = new StringBuilder(512);
        void Add(object? value) => sb.Append(value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        }).Append('\u001F');
        Add(Nip); Add(NipLama); Add(SiasnPnsId); Add(Name); Add(TitlePrefix); Add(TitleSuffix); Add(Sex); Add(BirthDate);
        Add(EmploymentType); Add(LegalStatus); Add(LegalStatusName); Add(GolonganCode); Add(PositionType); Add(PositionName); Add(Eselon);
        Add(UnitId); Add(SiasnUnorId); Add(SiasnUnorName); Add(WorkUnitName); Add(InstitutionName); Add(GovEmail); Add(Phone);
        Add(ContractStart); Add(ContractEnd); Add(WarningsJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Copies the imported fields onto an entity. Fields the file does not carry (sanction, ids, dates) are left alone.</summary>
    public void ApplyTo(Employee e, string hash)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.Nip = Nip;
        e.NipLama = NipLama;
        e.SiasnPnsId = SiasnPnsId;
        e.Name = Name;
        e.TitlePrefix = TitlePrefix;
        e.TitleSuffix = TitleSuffix;
        e.Sex = Sex;
        e.BirthDate = BirthDate;
        e.EmploymentType = EmploymentType;
        e.LegalStatus = LegalStatus;
        e.LegalStatusName = LegalStatusName;
        e.GolonganCode = GolonganCode;
        e.PositionType = PositionType;
        e.PositionName = PositionName;
        e.Eselon = Eselon;
        e.UnitId = UnitId;
        e.SiasnUnorId = SiasnUnorId;
        e.SiasnUnorName = SiasnUnorName;
        e.WorkUnitName = WorkUnitName;
        e.InstitutionName = InstitutionName;
        e.GovEmail = GovEmail;
        e.Phone = Phone;
        e.ContractStart = ContractStart;
        e.ContractEnd = ContractEnd;
        e.ImportWarnings = WarningsJson;
        e.ImportHash = hash;
    }

    public Employee ToEntity(DateTime nowUtc)
    {
        var e = new Employee { CreatedUtc = nowUtc, UpdatedUtc = nowUtc };
        ApplyTo(e, Hash());
        return e;
    }
}

/// <summary>One entry of Employee.ImportWarnings.</summary>
public sealed record StoredWarning(
    [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
    [property: System.Text.Json.Serialization.JsonPropertyName("format")] string Format,
    [property: System.Text.Json.Serialization.JsonPropertyName("args")] IReadOnlyList<string> Args);

/// <summary>A parsed row: the record to store (null when rejected) and every issue found.</summary>
public sealed record EmployeeRow(int RowNumber, string? Nip, string? Name, EmployeeRecord? Record, IReadOnlyList<ImportIssue> Issues)
{
    public bool IsRejected => Record is null;
}

/// <summary>A unit the employee file can point at, by SIASN UNOR id.</summary>
public sealed record KnownUnit(int Id, string Name);

/// <summary>
/// Turns one file row into an <see cref="EmployeeRecord"/> with the domain rules (NipCheck,
/// EmploymentTypes, LegalStatuses, Golongan, PositionTypes, SiasnDate). Any error-severity issue
/// rejects the row; warnings go with the record. Columns outside the map are never read.
/// </summary>
public sealed class EmployeeRowParser(
    HeaderMap<SiasnColumn> map,
    IReadOnlyDictionary<string, KnownUnit> units,
    DateOnly today,
    IReadOnlyDictionary<SiasnColumn, string>? monthFirstEvidence = null)
{
    /// <summary>The date columns whose whole-column ambiguity check needs a first pass over the file.</summary>
    public static readonly IReadOnlyList<SiasnColumn> DateColumns =
        [SiasnColumn.TanggalLahir, SiasnColumn.TmtCpns, SiasnColumn.TglAwalKontrak, SiasnColumn.TglAkhirKontrak];

    // Column lengths of the Employee table (Data/Configurations/EmployeeConfiguration.cs).
    private const int NameMax = 200, PrefixMax = 50, SuffixMax = 100, PositionMax = 300, UnitTextMax = 300, EmailMax = 256, PhoneMax = 30, IdMax = 64, NipLamaMax = 30, LegalNameMax = 100;

    public EmployeeRow Parse(int rowNumber, IReadOnlyList<string?> row)
    {
        List<ImportIssue> issues = [];
        string? V(SiasnColumn c) => map.ValueOf(row, c);

        var nipRaw = V(SiasnColumn.NipBaru);
        var name = V(SiasnColumn.Nama);
        if (name is null) issues.Add(ImportIssue.Error(ImporterIssueCodes.NameMissing, ImportTexts.NameMissing));

        // Employment type: the HR columns win over NIP digit 13 (DOMAIN.md §2).
        var jenis = V(SiasnColumn.JenisPegawaiNama);
        var status = V(SiasnColumn.StatusCpnsPns);
        EmploymentType? hrType = null;
        if (EmploymentTypes.TryParse(jenis, status, out var parsedType)) hrType = parsedType;
        else if (jenis is not null || status is not null) issues.Add(EmploymentTypes.Unrecognised(jenis ?? status!));

        var birth = Date(SiasnColumn.TanggalLahir, V(SiasnColumn.TanggalLahir), issues);
        Sex? sex = null;
        if (V(SiasnColumn.JenisKelamin) is { } sexText)
        {
            if (SexParser.TryParse(sexText, out var s)) sex = s;
            else issues.Add(SexParser.Unrecognised(sexText));
        }
        var tmtCpns = Date(SiasnColumn.TmtCpns, V(SiasnColumn.TmtCpns), issues);

        var nipCheck = NipCheck.Check(nipRaw, new NipContext(hrType, birth, sex, tmtCpns), today);
        issues.InsertRange(0, nipCheck.Issues);
        var shownNip = nipCheck.Value ?? (nipRaw is null ? null : Nip.StripLeadingApostrophe(nipRaw));

        if (issues.Any(i => i.IsError) || nipCheck.Nip is not { } nip)
            return new EmployeeRow(rowNumber, shownNip, name, null, issues);

        var type = hrType ?? (nip.Layout == NipLayout.Pns ? EmploymentType.Pns : EmploymentType.Pppk);
        if (hrType is null)
            issues.Add(ImportIssue.Warning(ImporterIssueCodes.EmploymentTypeFromNip, ImportTexts.EmploymentTypeFromNip, type.Label()));

        var legalText = V(SiasnColumn.KedudukanHukumNama);
        var legal = LegalStatuses.Parse(legalText);
        if (legal is null)
            issues.Add(ImportIssue.Warning(ImporterIssueCodes.LegalStatusMissing, ImportTexts.LegalStatusMissing));

        var golongan = Golongan.Check(V(SiasnColumn.GolAkhirId), V(SiasnColumn.GolAkhirNama), type);
        issues.AddRange(golongan.Issues);

        var position = PositionTypes.Resolve(V(SiasnColumn.JenisJabatanNama) ?? V(SiasnColumn.JenisJabatanId), V(SiasnColumn.EselonNama) ?? V(SiasnColumn.EselonId));
        issues.AddRange(position.Issues);

        DateOnly? contractStart = null, contractEnd = null;
        if (type.IsPppk())
        {
            contractStart = Date(SiasnColumn.TglAwalKontrak, V(SiasnColumn.TglAwalKontrak), issues);
            contractEnd = Date(SiasnColumn.TglAkhirKontrak, V(SiasnColumn.TglAkhirKontrak), issues);
        }

        var unorId = Cut(SiasnColumn.UnorId, V(SiasnColumn.UnorId), IdMax, issues);
        var unorName = Cut(SiasnColumn.UnorNama, V(SiasnColumn.UnorNama), UnitTextMax, issues);
        KnownUnit? unit = null;
        if (unorId is not null && !units.TryGetValue(unorId, out unit))
            issues.Add(ImportIssue.Warning(ImporterIssueCodes.UnorUnknown, ImportTexts.UnorUnknown, unorId, unorName ?? "-"));

        if (issues.Any(i => i.IsError)) return new EmployeeRow(rowNumber, nip.Value, name, null, issues);

        // Read every remaining cell first: a value cut to its column length adds a warning.
        var nipLama = Cut(SiasnColumn.NipLama, V(SiasnColumn.NipLama), NipLamaMax, issues);
        var pnsId = Cut(SiasnColumn.PnsId, V(SiasnColumn.PnsId), IdMax, issues);
        var storedName = Cut(SiasnColumn.Nama, name, NameMax, issues)!;
        var prefix = Cut(SiasnColumn.GelarDepan, V(SiasnColumn.GelarDepan), PrefixMax, issues);
        var suffix = Cut(SiasnColumn.GelarBelakang, V(SiasnColumn.GelarBelakang), SuffixMax, issues);
        var legalName = legal == LegalStatus.Other ? Cut(SiasnColumn.KedudukanHukumNama, legalText, LegalNameMax, issues) : null;
        var positionName = Cut(SiasnColumn.JabatanNama, V(SiasnColumn.JabatanNama), PositionMax, issues);
        var workUnit = Cut(SiasnColumn.SatuanKerjaKerjaNama, V(SiasnColumn.SatuanKerjaKerjaNama), UnitTextMax, issues);
        var institution = Cut(SiasnColumn.InstansiKerjaNama, V(SiasnColumn.InstansiKerjaNama), UnitTextMax, issues);
        var email = Cut(SiasnColumn.EmailGov, V(SiasnColumn.EmailGov), EmailMax, issues);
        var phone = Cut(SiasnColumn.NomorHp, V(SiasnColumn.NomorHp), PhoneMax, issues);

        var record = new EmployeeRecord
        {
            Nip = nip.Value,
            NipLama = nipLama,
            SiasnPnsId = pnsId,
            Name = storedName,
            TitlePrefix = prefix,
            TitleSuffix = suffix,
            // The NIP encodes both; a blank column takes them from it.
            Sex = sex ?? nip.Sex,
            BirthDate = birth ?? nip.BirthDate,
            EmploymentType = type,
            LegalStatus = legal ?? LegalStatus.Other,
            LegalStatusName = legalName,
            Golongan = golongan.Golongan,
            PositionType = position.Type,
            PositionName = positionName,
            Eselon = position.Eselon?.Label(),
            UnitId = unit?.Id,
            UnitName = unit?.Name,
            SiasnUnorId = unorId,
            SiasnUnorName = unorName,
            WorkUnitName = workUnit,
            InstitutionName = institution,
            GovEmail = email,
            Phone = phone,
            ContractStart = contractStart,
            ContractEnd = contractEnd,
            Warnings = issues,
        };
        return new EmployeeRow(rowNumber, nip.Value, storedName, record, issues);
    }

    private DateOnly? Date(SiasnColumn column, string? raw, List<ImportIssue> issues)
    {
        if (raw is null) return null;
        var result = monthFirstEvidence is not null && monthFirstEvidence.TryGetValue(column, out var evidence)
            ? SiasnDate.ParseColumn([evidence, raw])[1]
            : SiasnDate.Parse(raw);
        if (result.Issue is { } issue) issues.Add(issue);
        return result.Date;
    }

    private string? Cut(SiasnColumn column, string? value, int max, List<ImportIssue> issues)
    {
        if (value is null || value.Length <= max) return value;
        issues.Add(ImportIssue.Warning(ImporterIssueCodes.ValueTruncated, ImportTexts.ValueTruncated, map.HeaderOf(column), max.ToString(CultureInfo.InvariantCulture)));
        return value[..max];
    }
}
