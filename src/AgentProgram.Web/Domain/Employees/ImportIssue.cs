using System.Globalization;

namespace AgentProgram.Web.Domain.Employees;

public enum IssueSeverity
{
    /// <summary>Reject the row (or the file, for header problems).</summary>
    Error = 1,

    /// <summary>Accept, but flag for HR to check.</summary>
    Warning = 2,
}

/// <summary>
/// Stable codes for everything the employee import can complain about. The numbers are stored in
/// import logs and used by tests: never renumber; add new codes at the end of their group.
/// </summary>
public enum ImportIssueCode
{
    // NIP (DOMAIN.md §2): hard errors
    NipMissing = 100,
    NipExcelNumber = 101,
    NipNotDigits = 102,
    NipWrongLength = 103,
    NipOldFormat = 104,
    NipSerialZero = 105,
    NipBirthDateInvalid = 106,
    NipBirthYearOutOfRange = 107,
    NipTypeDigitInvalid = 108,
    NipPnsMonthInvalid = 109,
    NipPnsTmtTooEarly = 110,
    NipPnsTmtInFuture = 111,
    NipPppkDigit13Invalid = 112,
    NipPppkYearImplausible = 113,
    NipPppkContractDigitInvalid = 114,
    NipSexDigitInvalid = 115,

    // NIP: warnings
    NipBirthDateMismatch = 150,
    NipSexMismatch = 151,
    NipTmtCpnsMismatch = 152,
    NipTypeMismatch = 153,

    // Person fields
    EmploymentTypeUnknown = 200,
    SexUnknown = 201,
    GolonganUnknown = 210,
    GolonganPnsForPppk = 211,
    GolonganPppkForPns = 212,
    GolonganIdNameMismatch = 213,
    PositionJenisJabatanUnknown = 220,
    PositionEselonUnknown = 221,
    PositionStrukturalWithoutEselon = 222,

    // Dates
    DateExcelSerial = 300,
    DateInvalid = 301,
    DateFormatUnknown = 302,
    DateTwoDigitYear = 303,
    DateMonthFirst = 304,
    DateAmbiguous = 305,

    // Header row
    HeaderRequiredMissing = 400,
    HeaderRecommendedMissing = 401,
    HeaderDuplicate = 402,
    HeaderOverrideNotFound = 403,
    HeaderOverrideSensitive = 404,

    // Unit hierarchy file
    UnitIdMissing = 500,
    UnitNameMissing = 501,
    UnitDuplicateId = 502,
    UnitParentMissing = 503,
    UnitCycle = 504,
    UnitParentRejected = 505,
}

/// <summary>
/// One problem found in imported data. <see cref="Format"/> is an Indonesian composite format
/// string and also the localizer key (its English text is in Resources/Employees.en.json), so
/// the importer shows it with <c>l[issue.Format, issue.FormatArgs]</c>. The row number is the
/// importer's to add. Messages may contain the offending value (a NIP, a date): show them to
/// HR, but log <see cref="Code"/>, never <see cref="Message"/>.
/// </summary>
public sealed record ImportIssue(ImportIssueCode Code, IssueSeverity Severity, string Format, IReadOnlyList<string> Args)
{
    public static ImportIssue Error(ImportIssueCode code, string format, params string[] args) =>
        new(code, IssueSeverity.Error, format, args);

    public static ImportIssue Warning(ImportIssueCode code, string format, params string[] args) =>
        new(code, IssueSeverity.Warning, format, args);

    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary>The arguments in the shape IStringLocalizer and string.Format take.</summary>
    public object[] FormatArgs => [.. Args];

    /// <summary>The Indonesian text, formatted (convenience; the UI should go through the localizer).</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Format, FormatArgs);

    public override string ToString() => $"{Code}: {Message}";
}
