using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class GolonganTests
{
    [Theory]
    [InlineData("III/a")]
    [InlineData("III.a")]
    [InlineData("IIIa")]
    [InlineData("III-A")]
    [InlineData("iii / a")]
    [InlineData("III / A")]
    [InlineData("III a")]
    [InlineData("3/a")]
    [InlineData("3a")]
    [InlineData("31")]
    [InlineData(" 31 ")]
    [InlineData("Gol. III/a")]
    [InlineData("Golongan III/a")]
    [InlineData("Penata Muda")]
    [InlineData("PENATA MUDA")]
    [InlineData("Penata Muda (III/a)")]
    [InlineData("III/a - Penata Muda")]
    [InlineData("Penata Muda, III/a")]
    public void Every_way_of_writing_III_a_is_read(string text)
    {
        Assert.True(Golongan.TryParse(text, out var g));
        Assert.Equal(31, g.Code);
        Assert.Equal(GolonganScheme.Pns, g.Scheme);
        Assert.Equal("III/a", g.Name);
        Assert.Equal("Penata Muda", g.Pangkat);
    }

    [Theory]
    [InlineData("Penata Muda Tingkat I", 32)]
    [InlineData("Penata Muda Tk. I", 32)]
    [InlineData("Penata Muda Tk I", 32)]
    [InlineData("Penata Muda TK.I", 32)]
    [InlineData("penata muda tingkat 1", 32)]
    [InlineData("Penata Tk. I", 34)]
    [InlineData("Penata Tingkat I (III/d)", 34)]
    [InlineData("Penata", 33)]
    [InlineData("Juru Muda", 11)]
    [InlineData("Juru Muda Tk. I", 12)]
    [InlineData("Juru Tk.I", 14)]
    [InlineData("Pengatur Muda Tingkat I", 22)]
    [InlineData("Pembina", 41)]
    [InlineData("Pembina Tk. I", 42)]
    [InlineData("Pembina Utama Muda", 43)]
    [InlineData("Pembina Utama Madya", 44)]
    [InlineData("Pembina Utama", 45)]
    [InlineData("IV/e", 45)]
    [InlineData("II/d", 24)]
    [InlineData("I/a", 11)]
    [InlineData("iv.c", 43)]
    public void Pangkat_names_and_tingkat_abbreviations_are_read(string text, int code)
    {
        Assert.True(Golongan.TryParse(text, out var g));
        Assert.Equal(code, g.Code);
    }

    [Fact]
    public void Every_pns_grade_reads_back_from_its_code_name_and_pangkat()
    {
        Assert.Equal(17, Golongan.PnsTable.Count);
        foreach (var g in Golongan.PnsTable)
        {
            Assert.Same(g, Golongan.FromBknCode(g.Code));
            Assert.Same(g, Golongan.Parse(g.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Same(g, Golongan.Parse(g.Name));
            Assert.Same(g, Golongan.Parse(g.Pangkat));
            Assert.Same(g, Golongan.Parse(g.Display));
            Assert.Same(g, Golongan.Parse(g.Pangkat!.Replace("Tingkat I", "Tk. I", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData(34, "Penata Tingkat I (III/d)")]
    [InlineData(31, "Penata Muda (III/a)")]
    [InlineData(45, "Pembina Utama (IV/e)")]
    [InlineData(12, "Juru Muda Tingkat I (I/b)")]
    public void Pns_grade_renders_pangkat_and_golongan(int code, string expected) =>
        Assert.Equal(expected, Golongan.FromBknCode(code)!.Display);

    [Theory]
    [InlineData("I", 1)]
    [InlineData("V", 5)]
    [InlineData("IX", 9)]
    [InlineData("ix", 9)]
    [InlineData("Golongan IX", 9)]
    [InlineData("Gol. X", 10)]
    [InlineData("XIII", 13)]
    [InlineData("XVII", 17)]
    public void Pppk_grades_are_roman_without_pangkat(string text, int level)
    {
        Assert.True(Golongan.TryParse(text, out var g));
        Assert.Equal(GolonganScheme.Pppk, g.Scheme);
        Assert.Equal(level, g.Code);
        Assert.Null(g.Pangkat);
        Assert.Equal(g.Name, g.Display);
        Assert.Same(g, Golongan.FromPppkLevel(level));
    }

    [Fact]
    public void Pppk_table_runs_I_to_XVII()
    {
        Assert.Equal(17, Golongan.PppkTable.Count);
        Assert.Equal("I", Golongan.PppkTable[0].Name);
        Assert.Equal("XVII", Golongan.PppkTable[16].Name);
        Assert.All(Golongan.PppkTable, g => Assert.Same(g, Golongan.Parse(g.Name)));
        Assert.Null(Golongan.FromPppkLevel(0));
        Assert.Null(Golongan.FromPppkLevel(18));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("III/e")] // ruang e exists only in IV
    [InlineData("I/e")]
    [InlineData("V/a")]
    [InlineData("XVIII")]
    [InlineData("9")] // a bare number is a BKN code, and 9 is none
    [InlineData("10")]
    [InlineData("15")]
    [InlineData("46")]
    [InlineData("Penata Muda (III/b)")] // pangkat and golongan disagree
    [InlineData("Pengatur Utama")]
    [InlineData("abc")]
    public void Unknown_or_contradictory_grades_are_not_read(string? text) => Assert.False(Golongan.TryParse(text, out _));

    [Theory]
    [InlineData("III/a", EmploymentType.Pns)]
    [InlineData("III/a", EmploymentType.Cpns)]
    [InlineData("IX", EmploymentType.Pppk)]
    [InlineData("V", EmploymentType.PppkParuhWaktu)]
    public void Grade_fits_its_employment_type(string text, EmploymentType type) =>
        Assert.Null(Golongan.Parse(text)!.CheckFits(type));

    [Theory]
    [InlineData("III/a", EmploymentType.Pppk, ImportIssueCode.GolonganPnsForPppk)]
    [InlineData("31", EmploymentType.PppkParuhWaktu, ImportIssueCode.GolonganPnsForPppk)]
    [InlineData("IX", EmploymentType.Pns, ImportIssueCode.GolonganPppkForPns)]
    [InlineData("IX", EmploymentType.Cpns, ImportIssueCode.GolonganPppkForPns)]
    public void Grade_of_the_other_scheme_is_an_error(string text, EmploymentType type, ImportIssueCode code)
    {
        var issue = Golongan.Parse(text)!.CheckFits(type);

        Assert.NotNull(issue);
        Assert.Equal(code, issue.Code);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Equal([Golongan.Parse(text)!.Name, type.Label()], issue.Args);
    }

    [Fact]
    public void Pns_grade_for_pppk_message_explains_the_rule() =>
        Assert.Equal(
            "Golongan III/a adalah golongan PNS, tetapi jenis pegawainya PPPK. PPPK memakai golongan I sampai XVII tanpa pangkat; periksa golongan di SIASN.",
            Golongan.Parse("31")!.CheckFits(EmploymentType.Pppk)!.Message);

    [Fact]
    public void Check_reads_id_and_name_that_agree()
    {
        var result = Golongan.Check("31", "III/a", EmploymentType.Pns);
        Assert.Equal(31, result.Golongan!.Code);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Check_prefers_the_name_and_warns_when_id_disagrees()
    {
        var result = Golongan.Check("32", "III/a", EmploymentType.Pns);

        Assert.Equal(31, result.Golongan!.Code);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueCode.GolonganIdNameMismatch, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(["32", "III/b", "III/a", "III/a"], issue.Args);
    }

    [Theory]
    [InlineData("34", null, 34)]
    [InlineData("34", "", 34)]
    [InlineData("34", "tidak terbaca", 34)]
    [InlineData(null, "Penata Tk. I", 34)]
    public void Check_falls_back_to_whichever_column_is_readable(string? id, string? name, int code) =>
        Assert.Equal(code, Golongan.Check(id, name, EmploymentType.Pns).Golongan!.Code);

    [Fact]
    public void Check_of_blank_columns_gives_no_grade_and_no_issue()
    {
        var result = Golongan.Check(" ", null, EmploymentType.Pns);
        Assert.Null(result.Golongan);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Check_of_unreadable_grade_is_an_error_naming_the_value()
    {
        var result = Golongan.Check(null, " III/x ", EmploymentType.Pns);

        Assert.Null(result.Golongan);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueCode.GolonganUnknown, issue.Code);
        Assert.Equal(["III/x"], issue.Args);
    }

    [Fact]
    public void Check_rejects_a_grade_of_the_other_scheme()
    {
        var result = Golongan.Check(null, "IX", EmploymentType.Pns);
        Assert.Null(result.Golongan);
        Assert.Equal(ImportIssueCode.GolonganPppkForPns, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Check_without_a_type_only_reads()
    {
        var result = Golongan.Check(null, "IX", null);
        Assert.Equal(9, result.Golongan!.Code);
        Assert.Empty(result.Issues);
    }
}
