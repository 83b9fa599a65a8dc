using System.Net;
using AgentProgram.Web.Domain.Employees;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Employees;

public sealed class EmployeeDetailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Part(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No {testId} on the page.");
        return html[at..html.IndexOf("</", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Shows_every_field_in_readable_indonesian_with_the_unit_path_and_eligibility()
    {
        var dinas = await app.AddUnitAsync("Rinci Dinas Kesehatan");
        var bidang = await app.AddUnitAsync("Rinci Bidang P2P", dinas);
        var seksi = await app.AddUnitAsync("Rinci Seksi Surveilans", bidang);
        var e = await app.AddEmployeeAsync("Rinci Lengkap", seksi, golongan: "34", setup: x =>
        {
            x.TitlePrefix = "dr.";
            x.TitleSuffix = "M.Kes.";
            x.PositionType = PositionType.Fungsional;
            x.PositionName = "Epidemiolog Kesehatan Ahli Muda";
            x.GovEmail = "rinci@uji.go.id";
            x.ImportWarnings = """[{"code":150,"message":"Tanggal lahir pada NIP berbeda dengan TANGGAL LAHIR."}]""";
        });
        var client = await app.HrAsync();

        var html = Decode(await client.GetHtmlAsync($"/pegawai/{e.Id}"));
        Assert.Contains("dr. Rinci Lengkap, M.Kes.", html);
        Assert.Contains(Nip.FormatForDisplay(e.Nip), Part(html, "nip"));
        Assert.Contains("PNS", Part(html, "type"));
        Assert.Contains("Penata Tingkat I (III/d)", Part(html, "golongan"));
        Assert.Contains("Rinci Dinas Kesehatan › Rinci Bidang P2P › Rinci Seksi Surveilans", html);
        Assert.Contains("Fungsional", html);
        Assert.Contains("Epidemiolog Kesehatan Ahli Muda", html);
        Assert.Contains("Laki-laki", html);
        Assert.Contains(e.BirthDate!.Value.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("id-ID")), html);
        Assert.Contains("Memenuhi syarat menjadi agen.", html);
        Assert.Contains("Belum terdaftar sebagai Agen Komunikasi.", html);
        Assert.Contains("NIP cocok dengan tanggal lahir, jenis kelamin, dan jenis pegawai yang tercatat.", html);
        Assert.Contains("Tanggal lahir pada NIP berbeda dengan TANGGAL LAHIR.", html);   // the import's warning
        Assert.Contains($"href=\"/pegawai/{e.Id}/ubah\"", html);
    }

    [Fact]
    public async Task A_non_active_employee_is_not_eligible_and_the_page_says_why()
    {
        var e = await app.AddEmployeeAsync("Rinci Sedang Tubel", status: LegalStatus.TugasBelajar);
        var client = await app.HrAsync();
        var html = await client.GetHtmlAsync($"/pegawai/{e.Id}");
        var eligibility = Part(html, "eligibility");
        Assert.Contains("Belum dapat menjadi agen.", eligibility);
        Assert.Contains(EmployeeRules.NotActive, html);
        Assert.Contains("Tugas Belajar", html);
    }

    [Fact]
    public async Task A_pppk_whose_contract_has_ended_is_not_eligible_and_the_contract_shows_as_ended()
    {
        var e = await app.AddEmployeeAsync("Rinci Pppk Habis", type: EmploymentType.Pppk, setup: x =>
        {
            x.ContractStart = new DateOnly(2021, 1, 1);
            x.ContractEnd = new DateOnly(2024, 12, 31);
        });
        var client = await app.HrAsync();
        var html = Decode(await client.GetHtmlAsync($"/pegawai/{e.Id}"));
        Assert.Contains("Belum dapat menjadi agen.", html);
        Assert.Contains(EmployeeRules.ContractNotCurrent, html);
        Assert.Contains("1 Januari 2021 sampai 31 Desember 2024", html);
        Assert.Contains("Sudah berakhir", html);
        Assert.Contains(">IX<", html);   // PPPK grade: no pangkat

        var sanctioned = await app.AddEmployeeAsync("Rinci Disiplin", setup: x => x.HasDisciplinarySanction = true);
        Assert.Contains(EmployeeRules.Sanctioned, await client.GetHtmlAsync($"/pegawai/{sanctioned.Id}"));
    }

    [Fact]
    public async Task An_enrolled_employee_links_to_the_agent_by_id()
    {
        var e = await app.AddEmployeeAsync("Rinci Sudah Agen");
        var agentId = await app.MakeAgentAsync(e.Id);
        var client = await app.HrAsync();
        var html = await client.GetHtmlAsync($"/pegawai/{e.Id}");
        Assert.Contains("Terdaftar sebagai Agen Komunikasi", html);
        Assert.Contains($"href=\"/agen/{agentId}\"", html);
        Assert.Contains("Agen aktif", html);

        var list = await client.GetHtmlAsync("/pegawai?q=Rinci%20Sudah%20Agen&agen=ya");
        Assert.Contains("1 pegawai", list);
    }

    [Fact]
    public async Task A_nip_that_disagrees_with_the_recorded_data_is_flagged_and_unknown_ids_answer_not_found()
    {
        var e = await app.AddEmployeeAsync("Rinci Nip Beda", setup: x => x.Sex = Sex.Female);
        var client = await app.HrAsync();
        var html = Decode(await client.GetHtmlAsync($"/pegawai/{e.Id}"));
        Assert.Contains($"NIP `{e.Nip}` menandai laki-laki (digit ke-15 = 1), tetapi JENIS KELAMIN menyatakan perempuan.", Part(html, "nip-check"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pegawai/987654")).StatusCode);
    }
}
