using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class NipCheckTests
{
    // 24 Nov 2025: latest birth year 2008; a TMT may lie up to January 2026.
    private static readonly DateOnly Today = new(2025, 11, 24);

    private static NipCheckResult Check(string? raw, NipContext? ctx = null) => NipCheck.Check(raw, ctx, Today);

    private static ImportIssue Single(NipCheckResult result, ImportIssueCode code)
    {
        var issue = Assert.Single(result.Issues);
        Assert.Equal(code, issue.Code);
        return issue;
    }

    // ---- DOMAIN.md examples ----

    [Fact]
    public void Pns_example_is_valid_and_decoded()
    {
        var result = Check("198609262015051001");

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
        Assert.Equal("198609262015051001", result.Value);
        var nip = result.Nip!;
        Assert.Equal(new DateOnly(1986, 9, 26), nip.BirthDate);
        Assert.Equal(NipLayout.Pns, nip.Layout);
        Assert.Equal(2015, nip.AppointmentYear);
        Assert.Equal(new DateOnly(2015, 5, 1), nip.TmtCpns);
        Assert.Null(nip.ContractCount);
        Assert.Equal(Sex.Male, nip.Sex);
        Assert.Equal(1, nip.Serial);
        Assert.Equal("19860926 201505 1 001", nip.Display);
    }

    [Fact]
    public void Pppk_example_is_valid_and_decoded()
    {
        var result = Check("200012312024211001", new NipContext(EmploymentType.Pppk));

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
        var nip = result.Nip!;
        Assert.Equal(new DateOnly(2000, 12, 31), nip.BirthDate);
        Assert.Equal(NipLayout.Pppk, nip.Layout);
        Assert.Equal(2024, nip.AppointmentYear);
        Assert.Null(nip.TmtCpns);
        Assert.Equal(1, nip.ContractCount);
        Assert.Equal(Sex.Male, nip.Sex);
        Assert.Equal("20001231 202421 1 001", nip.Display);
    }

    [Fact]
    public void Pppk_example_with_sex_digit_3_is_rejected()
    {
        var result = Check("200012312024213001");

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var issue = Single(result, ImportIssueCode.NipSexDigitInvalid);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal(["200012312024213001", "3"], issue.Args);
    }

    [Fact]
    public void Part_time_pppk_with_contract_digit_4_is_accepted()
    {
        var result = Check("199009132025242014", new NipContext(EmploymentType.PppkParuhWaktu, new DateOnly(1990, 9, 13), Sex.Female));

        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
        Assert.Equal(4, result.Nip!.ContractCount);
        Assert.Equal(Sex.Female, result.Nip.Sex);
        Assert.Equal(14, result.Nip.Serial);
    }

    // ---- normalisation and display ----

    [Theory]
    [InlineData("19860926 201505 1 001")]
    [InlineData("'198609262015051001")]
    [InlineData("' 19860926 201505 1 001")]
    [InlineData("\u2019198609262015051001")]
    [InlineData("19860926.201505.1.001")]
    [InlineData("  198609262015051001  ")]
    [InlineData("\u00A0198609262015051001\t")]
    [InlineData("1986\u00A00926 2015\u200B05 1 001")]
    [InlineData("\uFEFF198609262015051001")]
    public void Spaces_dots_and_a_leading_apostrophe_are_removed(string raw)
    {
        var result = Check(raw);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Equal("198609262015051001", result.Value);
        Assert.Equal("198609262015051001", result.Normalized);
    }

    [Theory]
    [InlineData("19860926-201505-1-001")]
    [InlineData("198609262015051001'")]
    [InlineData("''198609262015051001")]
    public void Other_punctuation_is_not_removed(string raw)
    {
        var result = Check(raw);

        Single(result, ImportIssueCode.NipNotDigits);
    }

    [Theory]
    [InlineData("198609262015051001", "19860926 201505 1 001")]
    [InlineData("200012312024211001", "20001231 202421 1 001")]
    [InlineData("199009132025242014", "19900913 202524 2 014")]
    [InlineData("12345", "12345")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Display_groups_8_6_1_3(string? value, string expected) =>
        Assert.Equal(expected, Nip.FormatForDisplay(value));

    [Fact]
    public void ToString_is_the_stored_value() =>
        Assert.Equal("198609262015051001", Check("19860926 201505 1 001").Nip!.ToString());

    // ---- Excel damage ----

    [Theory]
    [InlineData("1.98609E+17")]
    [InlineData("1,98609E+17")]
    [InlineData("1.98609262015051E+17")]
    [InlineData("1.98609e17")]
    [InlineData("'1.98609E+17")]
    [InlineData(" 1.98609E+17 ")]
    [InlineData("198609262015051000.0")]
    [InlineData("198609262015051000,00")]
    public void Numbers_from_excel_are_rejected_with_a_re_export_message(string raw)
    {
        var result = Check(raw);

        Assert.Null(result.Nip);
        var issue = Single(result, ImportIssueCode.NipExcelNumber);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains($"`{raw.Trim().TrimStart('\'')}`", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Ekspor ulang dari SIASN dengan kolom NIP sebagai teks", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("198609262015051000")]
    [InlineData("'198609262015051000")]
    [InlineData("198.609.262.015.051.000")]
    [InlineData("200012312024211000")]
    public void Serial_000_is_rejected_as_excel_rounding(string raw)
    {
        var result = Check(raw);

        Assert.Null(result.Nip);
        var issue = Single(result, ImportIssueCode.NipSerialZero);
        Assert.Contains("000", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Excel", issue.Message, StringComparison.Ordinal);
        Assert.Contains("kolom NIP sebagai teks", issue.Message, StringComparison.Ordinal);
    }

    // ---- not 18 ASCII digits ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'")]
    [InlineData(" . ")]
    public void Empty_nip_is_missing(string? raw) => Single(Check(raw), ImportIssueCode.NipMissing);

    [Theory]
    [InlineData("19860926201505100A")]
    [InlineData("NIP198609262015051001")]
    [InlineData("１９８６０９２６２０１５０５１００１")] // full-width digits are not ASCII
    [InlineData("19860926/201505/1/001")]
    public void Non_digits_are_rejected(string raw)
    {
        var issue = Single(Check(raw), ImportIssueCode.NipNotDigits);
        Assert.Equal(raw, issue.Args[0]);
        Assert.StartsWith("NIP harus 18 digit angka", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19860926201505100", 17)]
    [InlineData("1986092620150510011", 19)]
    [InlineData("1986", 4)]
    [InlineData("19860926 2015051", 15)]
    public void Wrong_length_is_rejected_with_the_digit_count(string raw, int length)
    {
        var issue = Single(Check(raw), ImportIssueCode.NipWrongLength);
        Assert.Equal(length.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Args[1]);
        Assert.Contains($"berisi {length} digit", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nine_digits_is_recognised_as_an_old_nip()
    {
        var issue = Single(Check("060 012 345"), ImportIssueCode.NipOldFormat);
        Assert.Equal("060012345", issue.Args[0]);
        Assert.Contains("NIP LAMA", issue.Message, StringComparison.Ordinal);
    }

    // ---- digits 1-8: birth date ----

    [Theory]
    [InlineData("198602302015051001", "30-02-1986")]
    [InlineData("198613012015051001", "01-13-1986")]
    [InlineData("198600102015051001", "10-00-1986")]
    [InlineData("198609002015051001", "00-09-1986")]
    [InlineData("200102292020051001", "29-02-2001")]
    public void Birth_digits_that_are_not_a_date_are_rejected(string nip, string shown)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipBirthDateInvalid);
        Assert.Equal(shown, issue.Args[1]);
    }

    [Theory]
    [InlineData("193912312015051001", "1939")]
    [InlineData("190001012015051001", "1900")]
    [InlineData("200901012025051001", "2009")]
    [InlineData("202001012024211001", "2020")]
    public void Birth_year_outside_1940_to_today_minus_17_is_rejected(string nip, string year)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipBirthYearOutOfRange);
        Assert.Equal([nip, year, "1940", "2008"], issue.Args);
    }

    [Theory]
    [InlineData("194001012015051001")]
    [InlineData("200812312025121001")] // born in the last allowed year; TMT exactly 17 years later
    public void Birth_year_boundaries_are_accepted(string nip) => Assert.True(Check(nip).IsValid);

    [Fact]
    public void Leap_day_birth_date_is_accepted()
    {
        var result = Check("200002292020051001");
        Assert.True(result.IsValid);
        Assert.Equal(new DateOnly(2000, 2, 29), result.Nip!.BirthDate);
    }

    // ---- digit 13 and the PNS layout ----

    [Theory]
    [InlineData("198609262015001001", "00")]
    [InlineData("198609262015131001", "13")]
    [InlineData("198609262015191001", "19")]
    public void Pns_month_outside_01_to_12_is_rejected(string nip, string month)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipPnsMonthInvalid);
        Assert.Equal(month, issue.Args[1]);
    }

    [Theory]
    [InlineData("198609262015011001")]
    [InlineData("198609262015121001")]
    public void Pns_months_01_and_12_are_accepted(string nip) => Assert.True(Check(nip).IsValid);

    [Theory]
    [InlineData('3')]
    [InlineData('5')]
    [InlineData('9')]
    public void Digit_13_above_2_without_hr_type_is_rejected(char digit)
    {
        var nip = $"198609262015{digit}51001";
        var issue = Single(Check(nip), ImportIssueCode.NipTypeDigitInvalid);
        Assert.Equal(digit.ToString(), issue.Args[1]);
    }

    [Theory]
    [InlineData(EmploymentType.Pns)]
    [InlineData(EmploymentType.Cpns)]
    public void Digit_13_above_2_for_a_pns_is_a_bad_month(EmploymentType type)
    {
        var issue = Single(Check("198609262015351001", new NipContext(type)), ImportIssueCode.NipPnsMonthInvalid);
        Assert.Equal("35", issue.Args[1]);
    }

    [Theory]
    [InlineData(EmploymentType.Pppk)]
    [InlineData(EmploymentType.PppkParuhWaktu)]
    public void Digit_13_not_2_for_a_pppk_is_rejected(EmploymentType type)
    {
        var issue = Single(Check("200012312024311001", new NipContext(type)), ImportIssueCode.NipPppkDigit13Invalid);
        Assert.Equal("3", issue.Args[1]);
    }

    [Theory]
    [InlineData("198609262000051001", "05-2000")]
    [InlineData("198609262003081001", "08-2003")] // one month short of 17 years
    public void Pns_tmt_before_age_17_is_rejected(string nip, string tmt)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipPnsTmtTooEarly);
        Assert.Equal([nip, tmt, "17", "26-09-1986"], issue.Args);
    }

    [Fact]
    public void Pns_tmt_in_the_month_of_the_17th_birthday_is_accepted() =>
        Assert.True(Check("198609262003091001").IsValid);

    [Theory]
    [InlineData("198609262026021001", "02-2026")]
    [InlineData("198609262030011001", "01-2030")]
    public void Pns_tmt_more_than_2_months_ahead_is_rejected(string nip, string tmt)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipPnsTmtInFuture);
        Assert.Equal([nip, tmt, "2"], issue.Args);
    }

    [Theory]
    [InlineData("198609262025111001")]
    [InlineData("198609262026011001")] // two months ahead of November 2025
    public void Pns_tmt_up_to_2_months_ahead_is_accepted(string nip) => Assert.True(Check(nip).IsValid);

    // ---- PPPK layout ----

    [Theory]
    [InlineData("200012312013211001", "2013", "2017", "2026")] // before the person was 17
    [InlineData("198001012013211001", "2013", "2014", "2026")] // before UU 5/2014
    [InlineData("198001012027211001", "2027", "2014", "2026")] // in the future
    [InlineData("198001010000211001", "0000", "2014", "2026")]
    public void Pppk_implausible_year_is_rejected(string nip, string year, string from, string to)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipPppkYearImplausible);
        Assert.Equal([nip, year, from, to], issue.Args);
    }

    [Theory]
    [InlineData("198001012014211001")]
    [InlineData("198001012026211001")]
    [InlineData("200012312017211001")]
    public void Pppk_year_boundaries_are_accepted(string nip) => Assert.True(Check(nip).IsValid);

    [Fact]
    public void Pppk_contract_digit_0_is_rejected()
    {
        var issue = Single(Check("200012312024201001"), ImportIssueCode.NipPppkContractDigitInvalid);
        Assert.Equal("0", issue.Args[1]);
    }

    [Theory]
    [InlineData('1')]
    [InlineData('5')]
    [InlineData('9')]
    public void Pppk_contract_digits_1_to_9_are_accepted(char digit)
    {
        var result = Check($"2000123120242{digit}1001");
        Assert.True(result.IsValid);
        Assert.Equal(digit - '0', result.Nip!.ContractCount);
    }

    // ---- digit 15 ----

    [Theory]
    [InlineData("198609262015050001", "0")]
    [InlineData("198609262015053001", "3")]
    [InlineData("198609262015059001", "9")]
    public void Sex_digit_other_than_1_or_2_is_rejected(string nip, string digit)
    {
        var issue = Single(Check(nip), ImportIssueCode.NipSexDigitInvalid);
        Assert.Equal(digit, issue.Args[1]);
    }

    [Fact]
    public void Female_sex_digit_is_read() => Assert.Equal(Sex.Female, Check("198609262015052001").Nip!.Sex);

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var result = Check("198602302015133001");

        Assert.Null(result.Nip);
        Assert.Equal(
            [ImportIssueCode.NipBirthDateInvalid, ImportIssueCode.NipPnsMonthInvalid, ImportIssueCode.NipSexDigitInvalid],
            result.Errors.Select(i => i.Code));
    }

    // ---- warnings: accepted, flagged ----

    [Fact]
    public void Birth_date_differing_from_tanggal_lahir_is_a_warning()
    {
        var result = Check("198609262015051001", new NipContext(BirthDate: new DateOnly(1986, 9, 27)));

        Assert.True(result.IsValid);
        var issue = Single(result, ImportIssueCode.NipBirthDateMismatch);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(["198609262015051001", "26-09-1986", "27-09-1986"], issue.Args);
    }

    [Fact]
    public void Nip_of_a_man_recorded_as_female_is_a_warning()
    {
        var result = Check("198609262015051001", new NipContext(Sex: Sex.Female));

        Assert.True(result.IsValid);
        var issue = Single(result, ImportIssueCode.NipSexMismatch);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(EmployeeMessages.NipSexMismatchNipMale, issue.Format);
    }

    [Fact]
    public void Nip_of_a_woman_recorded_as_male_is_a_warning()
    {
        var result = Check("198609262015052001", new NipContext(Sex: Sex.Male));

        Assert.True(result.IsValid);
        Assert.Equal(EmployeeMessages.NipSexMismatchNipFemale, Single(result, ImportIssueCode.NipSexMismatch).Format);
    }

    [Fact]
    public void Tmt_cpns_in_another_month_is_a_warning()
    {
        var result = Check("198609262015051001", new NipContext(TmtCpns: new DateOnly(2015, 6, 1)));

        Assert.True(result.IsValid);
        var issue = Single(result, ImportIssueCode.NipTmtCpnsMismatch);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(["198609262015051001", "05-2015", "01-06-2015"], issue.Args);
    }

    [Fact]
    public void Tmt_cpns_on_any_day_of_the_same_month_matches() =>
        Assert.Empty(Check("198609262015051001", new NipContext(TmtCpns: new DateOnly(2015, 5, 17))).Issues);

    [Fact]
    public void Tmt_cpns_is_not_compared_with_a_pppk_nip() =>
        Assert.Empty(Check("200012312024211001", new NipContext(EmploymentType.Pppk, TmtCpns: new DateOnly(2015, 5, 1))).Issues);

    [Theory]
    [InlineData(EmploymentType.Pppk)]
    [InlineData(EmploymentType.PppkParuhWaktu)]
    public void Pns_nip_for_a_pppk_is_a_type_mismatch_warning(EmploymentType hr)
    {
        var result = Check("198609262015051001", new NipContext(hr));

        Assert.True(result.IsValid);
        var issue = Single(result, ImportIssueCode.NipTypeMismatch);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(["198609262015051001", "PNS", "0", hr.Label()], issue.Args);
    }

    [Theory]
    [InlineData(EmploymentType.Pns)]
    [InlineData(EmploymentType.Cpns)]
    public void Pppk_nip_for_a_pns_is_a_type_mismatch_not_a_bad_month(EmploymentType hr)
    {
        // Read as PNS, "21" would be month 21; the rule says: type mismatch, not bad month.
        var result = Check("200012312024211001", new NipContext(hr));

        Assert.True(result.IsValid);
        var issue = Single(result, ImportIssueCode.NipTypeMismatch);
        Assert.Equal(["200012312024211001", "PPPK", "2", hr.Label()], issue.Args);
        Assert.DoesNotContain(result.Issues, i => i.Code == ImportIssueCode.NipPnsMonthInvalid);
    }

    [Fact]
    public void Type_mismatch_still_checks_the_nip_by_its_own_layout()
    {
        // HR says PNS; digit 13 says PPPK; digit 14 = 0 breaks the PPPK rule.
        var result = Check("200012312024201001", new NipContext(EmploymentType.Pns));

        Assert.Equal(
            [ImportIssueCode.NipTypeMismatch, ImportIssueCode.NipPppkContractDigitInvalid],
            result.Issues.Select(i => i.Code));
        Assert.Null(result.Nip);
    }

    [Theory]
    [InlineData("198609262015051001", EmploymentType.Pns)]
    [InlineData("198609262015051001", EmploymentType.Cpns)]
    [InlineData("198609262015101001", EmploymentType.Pns)]
    [InlineData("200012312024211001", EmploymentType.Pppk)]
    [InlineData("199009132025242014", EmploymentType.PppkParuhWaktu)]
    public void Matching_type_gives_no_warning(string nip, EmploymentType hr) =>
        Assert.Empty(Check(nip, new NipContext(hr)).Issues);

    [Fact]
    public void All_warnings_together_still_accept_the_nip()
    {
        var ctx = new NipContext(EmploymentType.Pppk, new DateOnly(1986, 9, 25), Sex.Female, new DateOnly(2016, 5, 1));
        var result = Check("198609262015051001", ctx);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(
            [ImportIssueCode.NipBirthDateMismatch, ImportIssueCode.NipSexMismatch, ImportIssueCode.NipTmtCpnsMismatch, ImportIssueCode.NipTypeMismatch],
            result.Warnings.Select(i => i.Code).Order());
    }

    [Fact]
    public void Context_is_ignored_when_the_nip_is_unreadable() =>
        Single(Check("1.98609E+17", new NipContext(EmploymentType.Pns, new DateOnly(1986, 9, 26), Sex.Male)), ImportIssueCode.NipExcelNumber);

    // ---- messages ----

    [Fact]
    public void Message_is_the_format_filled_with_the_offending_value()
    {
        var issue = Single(Check("1.98609E+17"), ImportIssueCode.NipExcelNumber);

        Assert.Equal(EmployeeMessages.NipExcelNumber, issue.Format);
        Assert.Equal(["1.98609E+17"], issue.FormatArgs);
        Assert.Equal(
            "NIP berisi `1.98609E+17`: Excel telah mengubah NIP menjadi angka sehingga digit terakhirnya hilang. Ekspor ulang dari SIASN dengan kolom NIP sebagai teks.",
            issue.Message);
    }

    [Fact]
    public void The_result_depends_on_the_date_passed_in()
    {
        // Born 2008: too young in 2024, fine in 2025.
        const string nip = "200801012025121001";
        Assert.Contains(NipCheck.Check(nip, null, new DateOnly(2024, 12, 31)).Issues, i => i.Code == ImportIssueCode.NipBirthYearOutOfRange);
        Assert.True(NipCheck.Check(nip, null, new DateOnly(2025, 12, 1)).IsValid);
    }
}
