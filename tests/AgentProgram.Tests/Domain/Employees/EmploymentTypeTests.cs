using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class EmploymentTypeTests
{
    [Theory]
    [InlineData("PNS", null, EmploymentType.Pns)]
    [InlineData("pns", "", EmploymentType.Pns)]
    [InlineData("CPNS", null, EmploymentType.Cpns)]
    [InlineData("Calon PNS", null, EmploymentType.Cpns)]
    [InlineData("Calon Pegawai Negeri Sipil", null, EmploymentType.Cpns)]
    [InlineData("Pegawai Negeri Sipil", null, EmploymentType.Pns)]
    [InlineData("PNS PUSAT DPK", null, EmploymentType.Pns)]
    [InlineData("PNS DAERAH OTONOM", "P", EmploymentType.Pns)]
    [InlineData("PNS DAERAH OTONOM", "C", EmploymentType.Cpns)]
    [InlineData("PNS Pusat", "c", EmploymentType.Cpns)]
    [InlineData("CPNS", "P", EmploymentType.Pns)] // the status column decides within the PNS family
    [InlineData("PNS", "Calon PNS", EmploymentType.Cpns)]
    [InlineData("PPPK", null, EmploymentType.Pppk)]
    [InlineData("P3K", null, EmploymentType.Pppk)]
    [InlineData("pppk", "P", EmploymentType.Pppk)] // status is about CPNS/PNS only
    [InlineData("Pegawai Pemerintah dengan Perjanjian Kerja", null, EmploymentType.Pppk)]
    [InlineData("PPPK PARUH WAKTU", null, EmploymentType.PppkParuhWaktu)]
    [InlineData("PPPK Paruh-Waktu", null, EmploymentType.PppkParuhWaktu)]
    [InlineData("PPPK_PARUH_WAKTU", null, EmploymentType.PppkParuhWaktu)]
    [InlineData("Paruh Waktu", null, EmploymentType.PppkParuhWaktu)]
    [InlineData("Pegawai Pemerintah dengan Perjanjian Kerja Paruh Waktu", null, EmploymentType.PppkParuhWaktu)]
    [InlineData(null, "C", EmploymentType.Cpns)]
    [InlineData("", "P", EmploymentType.Pns)]
    public void Siasn_values_are_read_liberally(string? jenis, string? status, EmploymentType expected)
    {
        Assert.True(EmploymentTypes.TryParse(jenis, status, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("Honorer", null)]
    [InlineData("TNI", null)]
    [InlineData("ASN", null)]
    [InlineData("PPNPN", null)]
    [InlineData(null, "X")]
    public void Unknown_values_are_not_guessed(string? jenis, string? status) =>
        Assert.False(EmploymentTypes.TryParse(jenis, status, out _));

    [Fact]
    public void Unrecognised_value_has_an_actionable_message()
    {
        var issue = EmploymentTypes.Unrecognised(" Honorer ");
        Assert.Equal(ImportIssueCode.EmploymentTypeUnknown, issue.Code);
        Assert.Equal("Jenis pegawai `Honorer` tidak dikenali. Gunakan PNS, CPNS, PPPK, atau PPPK Paruh Waktu.", issue.Message);
    }

    [Theory]
    [InlineData(EmploymentType.Cpns, true, false, "CPNS")]
    [InlineData(EmploymentType.Pns, true, false, "PNS")]
    [InlineData(EmploymentType.Pppk, false, true, "PPPK")]
    [InlineData(EmploymentType.PppkParuhWaktu, false, true, "PPPK Paruh Waktu")]
    public void Layout_family_and_label(EmploymentType type, bool pnsLayout, bool pppk, string label)
    {
        Assert.Equal(pnsLayout, type.IsPnsLayout());
        Assert.Equal(pppk, type.IsPppk());
        Assert.Equal(label, type.Label());
    }
}

public class SexParserTests
{
    [Theory]
    [InlineData("M", Sex.Male)]
    [InlineData("m", Sex.Male)]
    [InlineData("L", Sex.Male)]
    [InlineData(" L ", Sex.Male)]
    [InlineData("Laki-laki", Sex.Male)]
    [InlineData("LAKI LAKI", Sex.Male)]
    [InlineData("Pria", Sex.Male)]
    [InlineData("1", Sex.Male)]
    [InlineData("F", Sex.Female)]
    [InlineData("P", Sex.Female)]
    [InlineData("Perempuan", Sex.Female)]
    [InlineData("WANITA", Sex.Female)]
    [InlineData("2", Sex.Female)]
    public void Jenis_kelamin_values_are_read(string text, Sex expected)
    {
        Assert.True(SexParser.TryParse(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("3")]
    [InlineData("Lainnya")]
    public void Other_values_are_not_read(string? text) => Assert.False(SexParser.TryParse(text, out _));

    [Fact]
    public void Unrecognised_value_names_the_accepted_codes() =>
        Assert.Equal("Jenis kelamin `X` tidak dikenali. Gunakan M/F atau L/P.", SexParser.Unrecognised("X").Message);
}
