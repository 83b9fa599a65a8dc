using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Employees;

/// <summary>A date cell read from an export: a date, nothing (blank), or an issue.</summary>
public sealed record SiasnDateResult(DateOnly? Date, ImportIssue? Issue)
{
    public static readonly SiasnDateResult Blank = new(null, null);

    public bool IsBlank => Date is null && Issue is null;
}

/// <summary>
/// Dates in SIASN and SIMPEG exports (DOMAIN.md §5): <c>YYYY-MM-DD</c> or <c>DD-MM-YYYY</c>, with
/// <c>-</c> or <c>/</c>, an optional leading <c>'</c> and an optional time after the date (ignored).
/// Day-first is the Indonesian order, so <c>05-06-1986</c> is 5 June. Rejected, with a message:
/// Excel serial numbers, two-digit years, month-first dates (<c>09-26-1986</c>), impossible dates.
/// Blank and the all-zero placeholder (<c>0000-00-00</c>) read as no date.
/// </summary>
public static partial class SiasnDate
{
    public static SiasnDateResult Parse(string? raw)
    {
        var text = Nip.StripLeadingApostrophe(raw);
        if (text.Length == 0) return SiasnDateResult.Blank;
        if (ExcelSerial().IsMatch(text)) return Fail(ImportIssueCode.DateExcelSerial, EmployeeMessages.DateExcelSerial, text);

        var m = DateShape().Match(text);
        if (!m.Success) return Fail(ImportIssueCode.DateFormatUnknown, EmployeeMessages.DateFormatUnknown, text);
        if (m.Groups["s1"].Value != m.Groups["s2"].Value) return Fail(ImportIssueCode.DateFormatUnknown, EmployeeMessages.DateFormatUnknown, text);

        string a = m.Groups["a"].Value, b = m.Groups["b"].Value, c = m.Groups["c"].Value;
        if (a.All(ch => ch == '0') && b.All(ch => ch == '0') && c.All(ch => ch == '0')) return SiasnDateResult.Blank;

        if (a.Length == 4)
        {
            if (c.Length > 2) return Fail(ImportIssueCode.DateFormatUnknown, EmployeeMessages.DateFormatUnknown, text);
            return Make(Int(a), Int(b), Int(c), text);
        }
        if (a.Length > 2) return Fail(ImportIssueCode.DateFormatUnknown, EmployeeMessages.DateFormatUnknown, text);
        if (c.Length == 2) return Fail(ImportIssueCode.DateTwoDigitYear, EmployeeMessages.DateTwoDigitYear, text);
        if (c.Length != 4) return Fail(ImportIssueCode.DateFormatUnknown, EmployeeMessages.DateFormatUnknown, text);

        int first = Int(a), second = Int(b), year = Int(c);
        if (second > 12 && first is >= 1 and <= 12 && IsDate(year, first, second))
            return Fail(ImportIssueCode.DateMonthFirst, EmployeeMessages.DateMonthFirst, text);
        return Make(year, second, first, text);
    }

    /// <summary>
    /// Parses a whole column. Day-first values whose day and month are both 12 or less become
    /// ambiguous when the same column also holds a clearly month-first value (a sign the file went
    /// through an American-locale Excel): those cells are rejected rather than guessed.
    /// </summary>
    public static IReadOnlyList<SiasnDateResult> ParseColumn(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var results = values.Select(Parse).ToList();
        var evidence = results.FirstOrDefault(r => r.Issue?.Code == ImportIssueCode.DateMonthFirst)?.Issue!.Args[0];
        if (evidence is null) return results;

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Date is not { } date || date.Day > 12 || date.Day == date.Month) continue;
            var m = DateShape().Match(Nip.StripLeadingApostrophe(values[i]));
            if (m.Groups["a"].Value.Length == 4) continue; // year first is never ambiguous
            var swapped = new DateOnly(date.Year, date.Day, date.Month);
            results[i] = Fail(ImportIssueCode.DateAmbiguous, EmployeeMessages.DateAmbiguous,
                Nip.StripLeadingApostrophe(values[i]), Iso(date), Iso(swapped), evidence);
        }
        return results;
    }

    private static SiasnDateResult Make(int year, int month, int day, string text) =>
        IsDate(year, month, day)
            ? new SiasnDateResult(new DateOnly(year, month, day), null)
            : Fail(ImportIssueCode.DateInvalid, EmployeeMessages.DateInvalid, text);

    private static SiasnDateResult Fail(ImportIssueCode code, string format, params string[] args) =>
        new(null, ImportIssue.Error(code, format, args));

    private static bool IsDate(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Excel stores dates as days since 1900: 31681 is 26-09-1986. Five digits cover 1927–2173;
    // a fraction is the time of day. Shorter numbers (a bare year) are just an unknown format.
    [GeneratedRegex(@"^[0-9]{5}(?:[.,][0-9]+)?$")]
    private static partial Regex ExcelSerial();

    // Three groups of digits with - or /, then optionally a time ("T08:00:00", " 00:00", " 00.00.00").
    [GeneratedRegex(@"^(?<a>[0-9]{1,4})(?<s1>[-/])(?<b>[0-9]{1,2})(?<s2>[-/])(?<c>[0-9]{1,4})(?:[T ]\s*[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2}(?:\.[0-9]+)?)?(?:\s*Z)?)?$")]
    private static partial Regex DateShape();
}
