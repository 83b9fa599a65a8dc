using System.Net;
using AgentProgram.Web.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Employees;

public sealed class EmployeeEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Employee> LoadAsync(int id) => app.WithDb(db => db.Employees.AsNoTracking().SingleAsync(e => e.Id == id));

    /// <summary>The edit form's fields for this employee, with some replaced.</summary>
    private static List<(string, string)> Fields(Employee e, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = e.Name,
            ["Sex"] = e.Sex?.ToString() ?? "",
            ["BirthDate"] = e.BirthDate?.ToString("yyyy-MM-dd") ?? "",
            ["EmploymentType"] = e.EmploymentType.ToString(),
            ["LegalStatus"] = e.LegalStatus.ToString(),
            ["Golongan"] = e.GolonganCode ?? "",
            ["UnitId"] = e.UnitId?.ToString() ?? "",
            ["ContractStart"] = e.ContractStart?.ToString("yyyy-MM-dd") ?? "",
            ["ContractEnd"] = e.ContractEnd?.ToString("yyyy-MM-dd") ?? "",
            ["Version"] = e.Version.ToString(),
        };
        foreach (var (k, v) in changes) fields[k] = v;
        return fields.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private static Task<HttpResponseMessage> PostEditAsync(HttpClient client, Employee e, params (string, string)[] changes) =>
        client.PostFormAsync($"/pegawai/{e.Id}/ubah", $"/pegawai/{e.Id}/ubah", Fields(e, changes).ToArray());

    [Fact]
    public async Task Edit_saves_the_hr_fields_keeps_the_nip_read_only_and_shows_nip_warnings_for_the_new_data()
    {
        var unit = await app.AddUnitAsync("Ubah Unit Baru");
        var e = await app.AddEmployeeAsync("Ubah Lengkap");
        var client = await app.HrAsync();

        var form = await client.GetHtmlAsync($"/pegawai/{e.Id}/ubah");
        Assert.Contains($"value=\"{Nip.FormatForDisplay(e.Nip)}\" readonly", form);
        Assert.DoesNotContain("name=\"Nip\"", form);

        var response = await PostEditAsync(client, e,
            ("Name", "Ubah Lengkap Baru"), ("TitleSuffix", "S.Sos."), ("BirthDate", "1990-05-17"), ("LegalStatus", nameof(LegalStatus.MasaPersiapanPensiun)),
            ("HasDisciplinarySanction", "true"), ("Golongan", "41"), ("PositionType", nameof(PositionType.Pelaksana)), ("PositionName", "Pengelola Data"),
            ("UnitId", unit.ToString()), ("GovEmail", "ubah@uji.go.id"), ("Phone", "+62 812-3456-7890"),
            ("ContractStart", "2024-01-01"), ("ContractEnd", "2026-01-01"));   // ignored: a PNS has no contract

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/pegawai/{e.Id}", LocationOf(response));
        var saved = await LoadAsync(e.Id);
        Assert.Equal("Ubah Lengkap Baru", saved.Name);
        Assert.Equal("S.Sos.", saved.TitleSuffix);
        Assert.Equal(new DateOnly(1990, 5, 17), saved.BirthDate);
        Assert.Equal(LegalStatus.MasaPersiapanPensiun, saved.LegalStatus);
        Assert.True(saved.HasDisciplinarySanction);
        Assert.Equal("41", saved.GolonganCode);
        Assert.Equal(PositionType.Pelaksana, saved.PositionType);
        Assert.Equal(unit, saved.UnitId);
        Assert.Equal("+62 812-3456-7890", saved.Phone);
        Assert.Null(saved.ContractStart);
        Assert.Null(saved.ContractEnd);
        Assert.Equal(e.Nip, saved.Nip);
        Assert.Equal(e.Version + 1, saved.Version);

        var detail = Decode(await client.GetHtmlAsync($"/pegawai/{e.Id}"));
        Assert.Contains("Perubahan data pegawai disimpan.", detail);
        Assert.Contains($"Tanggal lahir pada NIP `{e.Nip}`", detail);            // the NIP says another birth date
        Assert.Contains("berbeda dengan TANGGAL LAHIR (17-05-1990)", detail);
        Assert.Contains("Pembina (IV/a)", detail);
        Assert.Contains("Ubah Unit Baru", detail);

        // The edit form shows the same NIP warning for the recorded data.
        Assert.Contains("berbeda dengan TANGGAL LAHIR (17-05-1990)", Decode(await client.GetHtmlAsync($"/pegawai/{e.Id}/ubah")));
    }

    [Fact]
    public async Task A_grade_that_does_not_fit_the_type_is_refused_and_the_input_is_kept()
    {
        var e = await app.AddEmployeeAsync("Ubah Golongan Salah");
        var client = await app.HrAsync();

        var pnsGradeForPppk = await PostEditAsync(client, e, ("Name", "Ubah Nama Diketik"), ("EmploymentType", nameof(EmploymentType.Pppk)),
            ("Golongan", "34"), ("ContractStart", "2025-01-01"), ("ContractEnd", "2027-12-31"));
        Assert.Equal(HttpStatusCode.OK, pnsGradeForPppk.StatusCode);
        var html = Decode(await pnsGradeForPppk.Content.ReadAsStringAsync());
        Assert.Contains("Golongan III/d adalah golongan PNS, tetapi jenis pegawainya PPPK.", html);
        Assert.Contains("value=\"Ubah Nama Diketik\"", html);
        Assert.Contains("value=\"2027-12-31\"", html);
        Assert.Contains("<option value=\"Pppk\" selected=\"selected\">", html);
        // The NIP warnings follow what was typed: this PNS NIP does not match the PPPK type.
        Assert.Contains("jenis pegawai di data kepegawaian adalah PPPK", html);

        var pppkGradeForPns = await PostEditAsync(client, e, ("Golongan", "IX"));
        Assert.Contains("Golongan IX adalah golongan PPPK, tetapi jenis pegawainya PNS.", Decode(await pppkGradeForPns.Content.ReadAsStringAsync()));

        var saved = await LoadAsync(e.Id);
        Assert.Equal("Ubah Golongan Salah", saved.Name);
        Assert.Equal(EmploymentType.Pns, saved.EmploymentType);
        Assert.Equal("31", saved.GolonganCode);
    }

    [Fact]
    public async Task A_pppk_needs_both_contract_dates_with_the_end_after_the_start_and_email_must_be_valid()
    {
        var e = await app.AddEmployeeAsync("Ubah Kontrak", type: EmploymentType.Pppk);
        var client = await app.HrAsync();

        var missing = await PostEditAsync(client, e, ("ContractStart", ""), ("ContractEnd", ""));
        var html = Decode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Tanggal awal kontrak wajib diisi untuk pegawai PPPK.", html);
        Assert.Contains("Tanggal akhir kontrak wajib diisi untuk pegawai PPPK.", html);

        var backwards = await PostEditAsync(client, e, ("ContractStart", "2026-06-01"), ("ContractEnd", "2026-05-31"));
        Assert.Contains("Tanggal akhir kontrak harus sesudah tanggal awal kontrak.", Decode(await backwards.Content.ReadAsStringAsync()));

        var email = await PostEditAsync(client, e, ("GovEmail", "bukan email"));
        Assert.Contains("Alamat email tidak valid.", Decode(await email.Content.ReadAsStringAsync()));

        Assert.Equal(e.ContractEnd, (await LoadAsync(e.Id)).ContractEnd);

        var fine = await PostEditAsync(client, e, ("ContractStart", "2025-01-01"), ("ContractEnd", "2029-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
        Assert.Equal(new DateOnly(2029, 12, 31), (await LoadAsync(e.Id)).ContractEnd);
    }

    [Fact]
    public async Task Two_edits_from_the_same_loaded_version_the_second_gets_the_conflict_and_keeps_its_input()
    {
        var e = await app.AddEmployeeAsync("Ubah Bersamaan");
        var first = await app.HrAsync();
        var second = await app.HrAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(first, e, ("PositionName", "Jabatan Dari Petugas Pertama"))).StatusCode);
        var conflict = await PostEditAsync(second, e, ("PositionName", "Jabatan Dari Petugas Kedua"));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = Decode(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("Data ini baru saja diubah orang lain.", html);
        Assert.Contains("value=\"Jabatan Dari Petugas Kedua\"", html);
        Assert.Equal("Jabatan Dari Petugas Pertama", (await LoadAsync(e.Id)).PositionName);
    }

    [Fact]
    public async Task A_closed_unit_cannot_be_chosen_but_an_employee_already_in_it_can_stay()
    {
        var closed = await app.AddUnitAsync("Ubah Unit Tutup", closed: true);
        var stays = await app.AddEmployeeAsync("Ubah Tetap Di Unit Tutup", closed);
        var moves = await app.AddEmployeeAsync("Ubah Pindah Ke Unit Tutup");
        var client = await app.HrAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await PostEditAsync(client, stays, ("PositionName", "Tetap"))).StatusCode);
        var refused = await PostEditAsync(client, moves, ("UnitId", closed.ToString()));
        Assert.Contains("Unit kerja Ubah Unit Tutup sudah ditutup. Pilih unit kerja yang masih aktif.", Decode(await refused.Content.ReadAsStringAsync()));
        Assert.Null((await LoadAsync(moves.Id)).UnitId);
    }
}
