using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class SiasnDateTests
{
    [Theory]
    [InlineData("1986-09-26", 1986, 9, 26)]
    [InlineData("26-09-1986", 1986, 9, 26)]
    [InlineData("26/09/1986", 1986, 9, 26)]
    [InlineData("1986/09/26", 1986, 9, 26)]
    [InlineData("'26-09-1986", 1986, 9, 26)]
    [InlineData("'1986-09-26", 1986, 9, 26)]
    [InlineData(" 26-09-1986 ", 1986, 9, 26)]
    [InlineData("6-9-1986", 1986, 9, 6)]
    [InlineData("1986-9-6", 1986, 9, 6)]
    [InlineData("1986-09-26 00:00:00", 1986, 9, 26)]
    [InlineData("1986-09-26T00:00:00", 1986, 9, 26)]
    [InlineData("26-09-1986 00:00", 1986, 9, 26)]
    [InlineData("29-02-2000", 2000, 2, 29)]
    [InlineData("05-06-1986", 1986, 6, 5)] // day first, the Indonesian order
    [InlineData("12/01/2020", 2020, 1, 12)]
    public void Both_orders_with_dash_or_slash_are_read(string text, int y, int m, int d)
    {
        var result = SiasnDate.Parse(text);
        Assert.Null(result.Issue);
        Assert.Equal(new DateOnly(y, m, d), result.Date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'")]
    [InlineData("0000-00-00")]
    [InlineData("00-00-0000")]
    public void Blank_and_zero_placeholder_are_no_date(string? text)
    {
        var result = SiasnDate.Parse(text);
        Assert.True(result.IsBlank);
        Assert.Null(result.Date);
        Assert.Null(result.Issue);
    }

    [Theory]
    [InlineData("31681")]
    [InlineData("31681.5")]
    [InlineData("45000")]
    [InlineData("'45000")]
    public void Excel_serial_numbers_are_rejected_asking_for_a_text_date(string text)
    {
        var issue = Reject(text, ImportIssueCode.DateExcelSerial);
        Assert.Contains("nomor seri tanggal Excel", issue.Message, StringComparison.Ordinal);
        Assert.Contains("sebagai teks", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31-02-1986")]
    [InlineData("1986-02-30")]
    [InlineData("29-02-2001")]
    [InlineData("1986-13-01")]
    [InlineData("1986-26-09")]
    [InlineData("00-01-1986")]
    [InlineData("31-31-1986")]
    [InlineData("0000-01-01")]
    public void Impossible_dates_are_rejected(string text) => Reject(text, ImportIssueCode.DateInvalid);

    [Theory]
    [InlineData("26.09.1986")]
    [InlineData("19860926")]
    [InlineData("26 September 1986")]
    [InlineData("1986")]
    [InlineData("26-09/1986")]
    [InlineData("126-09-1986")]
    [InlineData("1986-09-260")]
    [InlineData("26-09-198")]
    [InlineData("abc")]
    public void Other_formats_are_rejected(string text) => Reject(text, ImportIssueCode.DateFormatUnknown);

    [Theory]
    [InlineData("26-09-86")]
    [InlineData("05/06/86")]
    public void Two_digit_years_are_rejected(string text) => Reject(text, ImportIssueCode.DateTwoDigitYear);

    [Theory]
    [InlineData("09-26-1986")]
    [InlineData("12/31/2020")]
    [InlineData("2/29/2000")]
    public void Month_first_dates_are_rejected(string text) => Reject(text, ImportIssueCode.DateMonthFirst);

    [Fact]
    public void Message_names_the_value_as_written()
    {
        var issue = Reject("'09-26-1986", ImportIssueCode.DateMonthFirst);
        Assert.Equal(["09-26-1986"], issue.Args);
        Assert.StartsWith("Tanggal `09-26-1986` tampaknya ditulis dengan bulan di depan", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_with_a_month_first_date_makes_small_day_first_dates_ambiguous()
    {
        var results = SiasnDate.ParseColumn(["26-09-1986", "05-06-1986", "09-26-1986", "1986-05-06", "07-07-1986", "", "31-02-1986"]);

        Assert.Equal(new DateOnly(1986, 9, 26), results[0].Date); // 26 cannot be a month
        var ambiguous = results[1].Issue!;
        Assert.Null(results[1].Date);
        Assert.Equal(ImportIssueCode.DateAmbiguous, ambiguous.Code);
        Assert.Equal(["05-06-1986", "1986-06-05", "1986-05-06", "09-26-1986"], ambiguous.Args);
        Assert.Equal(ImportIssueCode.DateMonthFirst, results[2].Issue!.Code);
        Assert.Equal(new DateOnly(1986, 5, 6), results[3].Date); // year first is never ambiguous
        Assert.Equal(new DateOnly(1986, 7, 7), results[4].Date); // both readings are the same day
        Assert.True(results[5].IsBlank);
        Assert.Equal(ImportIssueCode.DateInvalid, results[6].Issue!.Code);
    }

    [Fact]
    public void Column_without_month_first_evidence_reads_day_first()
    {
        var results = SiasnDate.ParseColumn(["05-06-1986", "26-09-1986", "'01/02/2003"]);

        Assert.All(results, r => Assert.Null(r.Issue));
        Assert.Equal([new DateOnly(1986, 6, 5), new DateOnly(1986, 9, 26), new DateOnly(2003, 2, 1)], results.Select(r => r.Date!.Value));
    }

    private static ImportIssue Reject(string text, ImportIssueCode code)
    {
        var result = SiasnDate.Parse(text);
        Assert.Null(result.Date);
        Assert.NotNull(result.Issue);
        Assert.Equal(code, result.Issue.Code);
        Assert.Equal(IssueSeverity.Error, result.Issue.Severity);
        Assert.Equal(text.Trim().TrimStart('\''), result.Issue.Args[0]);
        return result.Issue;
    }
}
