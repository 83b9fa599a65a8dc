using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class PositionTypeTests
{
    [Theory]
    [InlineData(Eselon.IA, false, PositionType.JptMadya)]
    [InlineData(Eselon.IA, true, PositionType.JptUtama)]
    [InlineData(Eselon.IB, false, PositionType.JptMadya)]
    [InlineData(Eselon.IB, true, PositionType.JptMadya)]
    [InlineData(Eselon.IIA, false, PositionType.JptPratama)]
    [InlineData(Eselon.IIB, false, PositionType.JptPratama)]
    [InlineData(Eselon.IIIA, false, PositionType.Administrator)]
    [InlineData(Eselon.IIIB, false, PositionType.Administrator)]
    [InlineData(Eselon.IVA, false, PositionType.Pengawas)]
    [InlineData(Eselon.IVB, false, PositionType.Pengawas)]
    [InlineData(Eselon.VA, false, PositionType.Pelaksana)]
    [InlineData(Eselon.VB, false, PositionType.Pelaksana)]
    public void Legacy_eselon_maps_to_a_position_type(Eselon eselon, bool headsAgency, PositionType expected) =>
        Assert.Equal(expected, PositionTypes.FromEselon(eselon, headsAgency));

    [Theory]
    [InlineData("I.a", Eselon.IA)]
    [InlineData("I.b", Eselon.IB)]
    [InlineData("II.a", Eselon.IIA)]
    [InlineData("III.b", Eselon.IIIB)]
    [InlineData("III/b", Eselon.IIIB)]
    [InlineData("IIIb", Eselon.IIIB)]
    [InlineData("iii.b", Eselon.IIIB)]
    [InlineData("III B", Eselon.IIIB)]
    [InlineData("Eselon III.b", Eselon.IIIB)]
    [InlineData("IV.a", Eselon.IVA)]
    [InlineData("V.b", Eselon.VB)]
    [InlineData("4a", Eselon.IVA)]
    [InlineData("31", Eselon.IIIA)]
    [InlineData("42", Eselon.IVB)]
    public void Eselon_forms_are_read(string text, Eselon expected)
    {
        Assert.True(PositionTypes.TryParseEselon(text, out var eselon));
        Assert.Equal(expected, eselon);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NON ESELON")]
    [InlineData("Non Eselon")]
    [InlineData("NON_ESELON")]
    [InlineData("NONESELON")]
    public void Non_eselon_and_blank_read_as_no_eselon(string? text)
    {
        Assert.True(PositionTypes.TryParseEselon(text, out var eselon));
        Assert.Null(eselon);
    }

    [Theory]
    [InlineData("VI.a")]
    [InlineData("III.c")]
    [InlineData("13")]
    [InlineData("99")]
    [InlineData("Kepala")]
    public void Unknown_eselon_is_not_read(string text) => Assert.False(PositionTypes.TryParseEselon(text, out _));

    [Theory]
    [InlineData(Eselon.IA, "I.a")]
    [InlineData(Eselon.IIIB, "III.b")]
    [InlineData(Eselon.VA, "V.a")]
    public void Eselon_label(Eselon eselon, string label) => Assert.Equal(label, eselon.Label());

    [Theory]
    [InlineData("1", "III.a", PositionType.Administrator)]
    [InlineData("Struktural", "II.b", PositionType.JptPratama)]
    [InlineData("Jabatan Struktural", "IV.a", PositionType.Pengawas)]
    [InlineData("1", "I.b", PositionType.JptMadya)]
    [InlineData("2", null, PositionType.Fungsional)]
    [InlineData("Fungsional Tertentu", "NON ESELON", PositionType.Fungsional)]
    [InlineData("JABATAN FUNGSIONAL TERTENTU", null, PositionType.Fungsional)]
    [InlineData("Jabatan Fungsional", null, PositionType.Fungsional)]
    [InlineData("4", null, PositionType.Pelaksana)]
    [InlineData("Fungsional Umum", "NON ESELON", PositionType.Pelaksana)]
    [InlineData("JABATAN FUNGSIONAL UMUM", null, PositionType.Pelaksana)]
    [InlineData("Pelaksana", null, PositionType.Pelaksana)]
    [InlineData("3", "IV.a", PositionType.Pengawas)]
    [InlineData("Rangkap", "", PositionType.Fungsional)]
    [InlineData("", "IV.b", PositionType.Pengawas)]
    [InlineData(null, "V.a", PositionType.Pelaksana)]
    [InlineData("JPT Pratama", null, PositionType.JptPratama)]
    [InlineData("Jabatan Pimpinan Tinggi Madya", null, PositionType.JptMadya)]
    [InlineData("JPT Utama", null, PositionType.JptUtama)]
    [InlineData("Jabatan Administrator", null, PositionType.Administrator)]
    [InlineData("Pengawas", null, PositionType.Pengawas)]
    public void Jenis_jabatan_and_eselon_resolve_to_a_position_type(string? jenis, string? eselon, PositionType expected)
    {
        var result = PositionTypes.Resolve(jenis, eselon);
        Assert.Equal(expected, result.Type);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Struktural_eselon_I_a_heading_a_non_ministerial_agency_is_jpt_utama() =>
        Assert.Equal(PositionType.JptUtama, PositionTypes.Resolve("1", "I.a", headsNonMinisterialAgency: true).Type);

    [Fact]
    public void Resolve_returns_the_eselon_too() =>
        Assert.Equal(Eselon.IIIA, PositionTypes.Resolve("1", "III.a").Eselon);

    [Theory]
    [InlineData("1", null)]
    [InlineData("Struktural", "NON ESELON")]
    [InlineData("Jabatan Struktural", "")]
    public void Struktural_without_eselon_is_flagged_and_left_empty(string jenis, string? eselon)
    {
        var result = PositionTypes.Resolve(jenis, eselon);

        Assert.Null(result.Type);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueCode.PositionStrukturalWithoutEselon, issue.Code);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Unknown_jenis_jabatan_is_flagged_and_falls_back_to_the_eselon()
    {
        var result = PositionTypes.Resolve("Honorer", "III.a");

        Assert.Equal(PositionType.Administrator, result.Type);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueCode.PositionJenisJabatanUnknown, issue.Code);
        Assert.Equal(["Honorer"], issue.Args);
    }

    [Fact]
    public void Unknown_eselon_is_flagged()
    {
        var result = PositionTypes.Resolve("1", "VI.z");

        Assert.Null(result.Type);
        Assert.Equal(
            [ImportIssueCode.PositionEselonUnknown, ImportIssueCode.PositionStrukturalWithoutEselon],
            result.Issues.Select(i => i.Code));
        Assert.Equal(["VI.z"], result.Issues[0].Args);
    }

    [Fact]
    public void Unknown_eselon_does_not_matter_for_a_functional_position()
    {
        var result = PositionTypes.Resolve("2", "VI.z");
        Assert.Equal(PositionType.Fungsional, result.Type);
        Assert.Equal(ImportIssueCode.PositionEselonUnknown, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Nothing_known_gives_no_type_and_no_issue()
    {
        var result = PositionTypes.Resolve(null, null);
        Assert.Null(result.Type);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData(PositionType.JptUtama, true)]
    [InlineData(PositionType.JptMadya, true)]
    [InlineData(PositionType.JptPratama, true)]
    [InlineData(PositionType.Administrator, true)]
    [InlineData(PositionType.Pengawas, true)]
    [InlineData(PositionType.Fungsional, false)]
    [InlineData(PositionType.Pelaksana, false)]
    public void Managerial_positions(PositionType type, bool managerial) => Assert.Equal(managerial, type.IsManagerial());

    [Fact]
    public void Every_position_type_has_its_own_label() =>
        Assert.Equal(7, Enum.GetValues<PositionType>().Select(t => t.Label()).Distinct().Count());
}
