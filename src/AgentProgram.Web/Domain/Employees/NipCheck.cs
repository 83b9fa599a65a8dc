using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>
/// What the HR export says about the person, to cross-check against the NIP. Every part is
/// optional; a missing part skips its check.
/// </summary>
public sealed record NipContext(
    EmploymentType? EmploymentType = null,
    DateOnly? BirthDate = null,
    Sex? Sex = null,
    DateOnly? TmtCpns = null)
{
    public static readonly NipContext None = new();
}

/// <summary>The outcome of <see cref="NipCheck.Check"/>.</summary>
/// <param name="Normalized">The input after <see cref="Nip.Normalize"/>, for previews (may be invalid).</param>
/// <param name="Nip">The NIP when there is no hard error, else null. Warnings do not block it.</param>
public sealed record NipCheckResult(string Normalized, Nip? Nip, IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>The 18 digits to store, or null when the row must be rejected.</summary>
    public string? Value => Nip?.Value;

    public bool IsValid => Nip is not null;

    public IEnumerable<ImportIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    public IEnumerable<ImportIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
}

/// <summary>
/// The NIP rules of DOMAIN.md §2 (Perka BKN 22/2007 and 43/2007). Hard errors reject the row;
/// warnings accept it and flag it for HR. Duplicates within a tenant are the importer's check.
/// </summary>
public static partial class NipCheck
{
    public const int EarliestBirthYear = 1940;

    /// <summary>Nobody is appointed before about 17 (the legal minimum is 18; one year of slack).</summary>
    public const int MinAgeAtAppointment = 17;

    /// <summary>A TMT may lie up to about two months ahead (decrees are issued before they take effect).</summary>
    public const int MaxMonthsAhead = 2;

    /// <summary>
    /// PPPK exist since UU 5/2014, so no PPPK appointment year can be earlier. The first
    /// appointments were later (2019 onwards); unverified, so the lower bound stays at the law.
    /// </summary>
    public const int EarliestPppkYear = 2014;

    public static NipCheckResult Check(string? raw, NipContext? context, DateOnly today)
    {
        var ctx = context ?? NipContext.None;
        var shown = Nip.StripLeadingApostrophe(raw);
        var nip = Nip.Normalize(raw);
        List<ImportIssue> issues = [];

        NipCheckResult Reject(ImportIssue issue) => new(nip, null, [issue]);

        if (nip.Length == 0) return Reject(ImportIssue.Error(ImportIssueCode.NipMissing, EmployeeMessages.NipMissing));
        if (LooksLikeExcelNumber(shown)) return Reject(ImportIssue.Error(ImportIssueCode.NipExcelNumber, EmployeeMessages.NipExcelNumber, shown));
        if (!nip.All(char.IsAsciiDigit)) return Reject(ImportIssue.Error(ImportIssueCode.NipNotDigits, EmployeeMessages.NipNotDigits, shown));
        if (nip.Length == 9) return Reject(ImportIssue.Error(ImportIssueCode.NipOldFormat, EmployeeMessages.NipOldFormat, nip));
        if (nip.Length != 18)
            return Reject(ImportIssue.Error(ImportIssueCode.NipWrongLength, EmployeeMessages.NipWrongLength, shown, Num(nip.Length)));

        // Excel keeps 15 significant digits: a numeric NIP comes back with serial 000, which no
        // real NIP has. The other digits cannot be trusted either, so this is the only message.
        if (nip.EndsWith("000", StringComparison.Ordinal))
            return Reject(ImportIssue.Error(ImportIssueCode.NipSerialZero, EmployeeMessages.NipSerialZero, nip));

        var birth = CheckBirthDate(nip, today, issues);
        var layout = CheckLayout(nip, ctx.EmploymentType, issues);
        if (layout == NipLayout.Pns) CheckPns(nip, birth, ctx.TmtCpns, today, issues);
        else if (layout == NipLayout.Pppk) CheckPppk(nip, birth, today, issues);
        var sex = CheckSex(nip, issues);

        if (birth is { } b && ctx.BirthDate is { } hrBirth && hrBirth != b)
            issues.Add(ImportIssue.Warning(ImportIssueCode.NipBirthDateMismatch, EmployeeMessages.NipBirthDateMismatch, nip, Day(b), Day(hrBirth)));
        if (sex is { } s && ctx.Sex is { } hrSex && hrSex != s)
            issues.Add(ImportIssue.Warning(ImportIssueCode.NipSexMismatch,
                s == Sex.Male ? EmployeeMessages.NipSexMismatchNipMale : EmployeeMessages.NipSexMismatchNipFemale, nip));

        var ok = !issues.Any(i => i.IsError);
        return new NipCheckResult(nip, ok ? new Nip(nip) : null, issues);
    }

    private static DateOnly? CheckBirthDate(string nip, DateOnly today, List<ImportIssue> issues)
    {
        int y = Int(nip, 0, 4), m = Int(nip, 4, 2), d = Int(nip, 6, 2);
        if (!IsDate(y, m, d))
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.NipBirthDateInvalid, EmployeeMessages.NipBirthDateInvalid,
                nip, $"{nip[6..8]}-{nip[4..6]}-{nip[..4]}"));
            return null;
        }
        var latest = today.Year - MinAgeAtAppointment;
        if (y < EarliestBirthYear || y > latest)
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.NipBirthYearOutOfRange, EmployeeMessages.NipBirthYearOutOfRange,
                nip, nip[..4], Num(EarliestBirthYear), Num(latest)));
            return null;
        }
        return new DateOnly(y, m, d);
    }

    /// <summary>
    /// Digit 13 decides how the NIP is read; the HR employment type decides what the person is.
    /// When both are known and disagree, that is a type mismatch (a warning), never a bad month.
    /// </summary>
    private static NipLayout? CheckLayout(string nip, EmploymentType? hrType, List<ImportIssue> issues)
    {
        var d13 = nip[12];
        NipLayout? implied = d13 switch { '0' or '1' => NipLayout.Pns, '2' => NipLayout.Pppk, _ => null };
        NipLayout? hr = hrType is { } t ? (t.IsPnsLayout() ? NipLayout.Pns : NipLayout.Pppk) : null;

        if (implied is null)
        {
            var issue = hr switch
            {
                NipLayout.Pns => ImportIssue.Error(ImportIssueCode.NipPnsMonthInvalid, EmployeeMessages.NipPnsMonthInvalid, nip, nip[12..14]),
                NipLayout.Pppk => ImportIssue.Error(ImportIssueCode.NipPppkDigit13Invalid, EmployeeMessages.NipPppkDigit13Invalid, nip, d13.ToString()),
                _ => ImportIssue.Error(ImportIssueCode.NipTypeDigitInvalid, EmployeeMessages.NipTypeDigitInvalid, nip, d13.ToString()),
            };
            issues.Add(issue);
            return null;
        }
        if (hrType is { } type && hr != implied)
        {
            var pattern = implied == NipLayout.Pns ? EmployeeLabels.Pns : EmployeeLabels.Pppk;
            issues.Add(ImportIssue.Warning(ImportIssueCode.NipTypeMismatch, EmployeeMessages.NipTypeMismatch,
                nip, pattern, d13.ToString(), type.Label()));
        }
        return implied;
    }

    private static void CheckPns(string nip, DateOnly? birth, DateOnly? hrTmt, DateOnly today, List<ImportIssue> issues)
    {
        int year = Int(nip, 8, 4), month = Int(nip, 12, 2);
        if (month is < 1 or > 12)
        {
            issues.Add(ImportIssue.Error(ImportIssueCode.NipPnsMonthInvalid, EmployeeMessages.NipPnsMonthInvalid, nip, nip[12..14]));
            return;
        }
        var tmt = MonthIndex(year, month);
        var tmtText = $"{nip[12..14]}-{nip[8..12]}";
        if (birth is { } b && tmt < MonthIndex(b.Year + MinAgeAtAppointment, b.Month))
            issues.Add(ImportIssue.Error(ImportIssueCode.NipPnsTmtTooEarly, EmployeeMessages.NipPnsTmtTooEarly,
                nip, tmtText, Num(MinAgeAtAppointment), Day(b)));
        var latest = today.AddMonths(MaxMonthsAhead);
        if (tmt > MonthIndex(latest.Year, latest.Month))
            issues.Add(ImportIssue.Error(ImportIssueCode.NipPnsTmtInFuture, EmployeeMessages.NipPnsTmtInFuture,
                nip, tmtText, Num(MaxMonthsAhead)));
        if (hrTmt is { } h && MonthIndex(h.Year, h.Month) != tmt)
            issues.Add(ImportIssue.Warning(ImportIssueCode.NipTmtCpnsMismatch, EmployeeMessages.NipTmtCpnsMismatch,
                nip, tmtText, Day(h)));
    }

    private static void CheckPppk(string nip, DateOnly? birth, DateOnly today, List<ImportIssue> issues)
    {
        var year = Int(nip, 8, 4);
        var earliest = Math.Max(EarliestPppkYear, birth is { } b ? b.Year + MinAgeAtAppointment : EarliestPppkYear);
        var latest = today.AddMonths(MaxMonthsAhead).Year;
        if (year < earliest || year > latest)
            issues.Add(ImportIssue.Error(ImportIssueCode.NipPppkYearImplausible, EmployeeMessages.NipPppkYearImplausible,
                nip, nip[8..12], Num(earliest), Num(latest)));
        if (nip[13] == '0')
            issues.Add(ImportIssue.Error(ImportIssueCode.NipPppkContractDigitInvalid, EmployeeMessages.NipPppkContractDigitInvalid, nip, "0"));
    }

    private static Sex? CheckSex(string nip, List<ImportIssue> issues)
    {
        switch (nip[14])
        {
            case '1': return Sex.Male;
            case '2': return Sex.Female;
            default:
                issues.Add(ImportIssue.Error(ImportIssueCode.NipSexDigitInvalid, EmployeeMessages.NipSexDigitInvalid, nip, nip[14].ToString()));
                return null;
        }
    }

    /// <summary>
    /// A NIP that went through a numeric cell: scientific notation (<c>1.98609E+17</c>, also with a
    /// decimal comma as Indonesian Excel writes it) or a float rendering (<c>198609262015051000.0</c>).
    /// </summary>
    internal static bool LooksLikeExcelNumber(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return ScientificNotation().IsMatch(compact) || FloatRendering().IsMatch(compact);
    }

    [GeneratedRegex(@"^[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+$")]
    private static partial Regex ScientificNotation();

    [GeneratedRegex(@"^[0-9]{12,}[.,]0+$")]
    private static partial Regex FloatRendering();

    private static bool IsDate(int y, int m, int d) => y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static int MonthIndex(int year, int month) => (year * 12) + month - 1;

    private static int Int(string s, int start, int length) => int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);

    internal static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Day(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
