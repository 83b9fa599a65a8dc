using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class LegalStatusTests
{
    [Theory]
    [InlineData("Aktif", LegalStatus.Aktif)]
    [InlineData("AKTIF", LegalStatus.Aktif)]
    [InlineData("  aktif ", LegalStatus.Aktif)]
    [InlineData("CLTN", LegalStatus.Cltn)]
    [InlineData("Cuti di Luar Tanggungan Negara", LegalStatus.Cltn)]
    [InlineData("Tugas Belajar", LegalStatus.TugasBelajar)]
    [InlineData("TUGAS_BELAJAR", LegalStatus.TugasBelajar)]
    [InlineData("Pemberhentian Sementara", LegalStatus.PemberhentianSementara)]
    [InlineData("Diberhentikan Sementara", LegalStatus.PemberhentianSementara)]
    [InlineData("Masa Persiapan Pensiun", LegalStatus.MasaPersiapanPensiun)]
    [InlineData("MPP", LegalStatus.MasaPersiapanPensiun)]
    [InlineData("Penerima Uang Tunggu", LegalStatus.Other)]
    [InlineData("Pejabat Negara", LegalStatus.Other)]
    [InlineData("Tidak Aktif", LegalStatus.Other)]
    [InlineData("Aktif Kembali?", LegalStatus.Other)]
    public void Kedudukan_hukum_names_are_read(string name, LegalStatus expected) =>
        Assert.Equal(expected, LegalStatuses.Parse(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_is_unknown_not_aktif(string? name) => Assert.Null(LegalStatuses.Parse(name));

    [Theory]
    [InlineData(LegalStatus.Aktif, true)]
    [InlineData(LegalStatus.Cltn, false)]
    [InlineData(LegalStatus.TugasBelajar, false)]
    [InlineData(LegalStatus.PemberhentianSementara, false)]
    [InlineData(LegalStatus.MasaPersiapanPensiun, false)]
    [InlineData(LegalStatus.Other, false)]
    public void Only_aktif_is_active(LegalStatus status, bool active) => Assert.Equal(active, status.IsActive());

    [Fact]
    public void Every_status_has_its_own_label() =>
        Assert.Equal(Enum.GetValues<LegalStatus>().Length, Enum.GetValues<LegalStatus>().Select(s => s.Label()).Distinct().Count());
}
