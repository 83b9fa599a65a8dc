using System.Net;
using AgentProgram.Web.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Employees;

public sealed class EmployeeCreateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string New = "/pegawai/baru";

    private Task<Employee?> FindAsync(string nip) => app.WithDb(db => db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Nip == nip));

    [Fact]
    public async Task A_valid_nip_creates_the_employee_taking_birth_date_and_sex_from_the_nip_when_left_empty()
    {
        var unit = await app.AddUnitAsync("Baru Unit");
        var client = await app.HrAsync();
        var response = await client.PostFormAsync(New, New,
            ("Nip", "19860926 201505 2 003"), ("Name", "Baru Dari Formulir"), ("TitleSuffix", "S.H."), ("EmploymentType", nameof(EmploymentType.Pns)),
            ("LegalStatus", nameof(LegalStatus.Aktif)), ("Golongan", "32"), ("UnitId", unit.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = await FindAsync("198609262015052003");
        Assert.NotNull(e);
        Assert.Equal($"/pegawai/{e.Id}", LocationOf(response));
        Assert.Equal(new DateOnly(1986, 9, 26), e.BirthDate);
        Assert.Equal(Sex.Female, e.Sex);
        Assert.Equal("32", e.GolonganCode);
        Assert.Equal(unit, e.UnitId);
        var detail = await client.GetHtmlAsync(LocationOf(response));
        Assert.Contains("Pegawai Baru Dari Formulir ditambahkan.", detail);
        Assert.Contains("19860926 201505 2 003", detail);
        Assert.Contains("Memenuhi syarat menjadi agen.", detail);
    }

    [Fact]
    public async Task A_nip_already_on_file_is_refused()
    {
        var existing = await app.AddEmployeeAsync("Baru Sudah Ada");
        var client = await app.HrAsync();
        var response = await client.PostFormAsync(New, New,
            ("Nip", Nip.FormatForDisplay(existing.Nip)), ("Name", "Baru Kembar"), ("EmploymentType", nameof(EmploymentType.Pns)), ("LegalStatus", nameof(LegalStatus.Aktif)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("NIP ini sudah terdaftar atas nama Baru Sudah Ada.", html);
        Assert.Contains("value=\"Baru Kembar\"", html);
        Assert.Equal(1, await app.WithDb(db => db.Employees.CountAsync(e => e.Nip == existing.Nip)));
        Assert.False(await app.WithDb(db => db.Employees.AnyAsync(e => e.Name == "Baru Kembar")));
    }

    [Fact]
    public async Task A_hard_nip_error_blocks_while_a_warning_is_allowed_and_shown_on_the_employee_page()
    {
        var client = await app.HrAsync();
        var bad = await client.PostFormAsync(New, New,
            ("Nip", "1.98609E+17"), ("Name", "Baru Nip Excel"), ("EmploymentType", nameof(EmploymentType.Pns)), ("LegalStatus", nameof(LegalStatus.Aktif)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Excel telah mengubah NIP menjadi angka", Decode(await bad.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDb(db => db.Employees.AnyAsync(e => e.Name == "Baru Nip Excel")));

        var missing = await client.PostFormAsync(New, New, ("Name", "Baru Tanpa Nip"), ("EmploymentType", nameof(EmploymentType.Pns)), ("LegalStatus", nameof(LegalStatus.Aktif)));
        Assert.Contains("NIP wajib diisi. Tulis 18 digit NIP", Decode(await missing.Content.ReadAsStringAsync()));

        // The NIP says 26 September 1986, HR typed another birth date: accepted, and flagged.
        var warned = await client.PostFormAsync(New, New,
            ("Nip", "198609262015051004"), ("Name", "Baru Tanggal Beda"), ("BirthDate", "1986-09-27"),
            ("EmploymentType", nameof(EmploymentType.Pns)), ("LegalStatus", nameof(LegalStatus.Aktif)));
        Assert.Equal(HttpStatusCode.Redirect, warned.StatusCode);
        var e = await FindAsync("198609262015051004");
        Assert.Equal(new DateOnly(1986, 9, 27), e!.BirthDate);
        var detail = Decode(await client.GetHtmlAsync(LocationOf(warned)));
        Assert.Contains("Tanggal lahir pada NIP `198609262015051004` (26-09-1986) berbeda dengan TANGGAL LAHIR (27-09-1986).", detail);
    }

    [Fact]
    public async Task A_new_pppk_needs_contract_dates_and_a_pppk_grade()
    {
        var client = await app.HrAsync();
        var response = await client.PostFormAsync(New, New,
            ("Nip", "200012312024211002"), ("Name", "Baru Pppk"), ("EmploymentType", nameof(EmploymentType.Pppk)),
            ("LegalStatus", nameof(LegalStatus.Aktif)), ("Golongan", "31"));
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Golongan III/a adalah golongan PNS, tetapi jenis pegawainya PPPK.", html);
        Assert.Contains("Tanggal awal kontrak wajib diisi untuk pegawai PPPK.", html);
        Assert.Null(await FindAsync("200012312024211002"));

        var ok = await client.PostFormAsync(New, New,
            ("Nip", "200012312024211002"), ("Name", "Baru Pppk"), ("EmploymentType", nameof(EmploymentType.Pppk)),
            ("LegalStatus", nameof(LegalStatus.Aktif)), ("Golongan", "IX"), ("ContractStart", "2024-03-01"), ("ContractEnd", "2029-02-28"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var e = await FindAsync("200012312024211002");
        Assert.Equal("IX", e!.GolonganCode);
        Assert.Equal(new DateOnly(2029, 2, 28), e.ContractEnd);
    }
}
