using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Employees;

public sealed partial class EmployeeListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [Fact]
    public async Task Search_by_name_is_case_insensitive_and_a_nip_with_spaces_finds_exactly_that_person()
    {
        var sari = await app.AddEmployeeAsync("SARI CARINAMA");
        await app.AddEmployeeAsync("Sari Carinama Kedua");
        await app.AddEmployeeAsync("Budi Lainnya Carinama");
        var client = await app.HrAsync();

        var byName = await client.GetHtmlAsync("/pegawai?q=sari%20carinama");
        Assert.Contains("2 pegawai", byName);
        Assert.Equal(2, EmployeeRows(byName));
        Assert.DoesNotContain("Budi Lainnya Carinama", byName);

        var spaced = Nip.FormatForDisplay(sari.Nip);   // "19750104 201003 1 002"
        var byNip = await client.GetHtmlAsync("/pegawai?q=" + Uri.EscapeDataString(" " + spaced + " "));
        Assert.Contains("1 pegawai", byNip);
        Assert.Equal(1, EmployeeRows(byNip));
        Assert.Contains("SARI CARINAMA", byNip);
        Assert.Contains(spaced, byNip);   // shown 8-6-1-3

        // No link the page generates carries the NIP (sort, page, export): detail links use the id.
        foreach (Match href in HrefPattern().Matches(byNip))
        {
            var target = Uri.UnescapeDataString(WebUtility.HtmlDecode(href.Groups[1].Value)).Replace(" ", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
            Assert.DoesNotContain(sari.Nip, target);
        }
        Assert.Contains($"href=\"/pegawai/{sari.Id}\"", byNip);
        Assert.Contains("action=\"/pegawai/ekspor\"", byNip);
    }

    [Fact]
    public async Task Unit_filter_includes_all_sub_units_at_any_depth()
    {
        var dinas = await app.AddUnitAsync("Filter Dinas");
        var bidang = await app.AddUnitAsync("Filter Bidang", dinas);
        var seksi = await app.AddUnitAsync("Filter Seksi", bidang);
        var lain = await app.AddUnitAsync("Filter Dinas Lain");
        await app.AddEmployeeAsync("Unitfilter Di Dinas", dinas);
        await app.AddEmployeeAsync("Unitfilter Di Bidang", bidang);
        await app.AddEmployeeAsync("Unitfilter Di Seksi", seksi);
        await app.AddEmployeeAsync("Unitfilter Di Lain", lain);
        var client = await app.HrAsync();

        var whole = await client.GetHtmlAsync($"/pegawai?unit={dinas}");
        Assert.Contains("3 pegawai", whole);
        Assert.Contains("Unitfilter Di Seksi", whole);
        Assert.DoesNotContain("Unitfilter Di Lain", whole);
        Assert.Contains($"<option value=\"{dinas}\" selected=\"selected\">Filter Dinas</option>", whole);

        var branch = await client.GetHtmlAsync($"/pegawai?unit={bidang}");
        Assert.Contains("2 pegawai", branch);
        Assert.DoesNotContain("Unitfilter Di Dinas", branch);

        var leaf = await client.GetHtmlAsync($"/pegawai?unit={seksi}&q=unitfilter");
        Assert.Contains("1 pegawai", leaf);
    }

    [Fact]
    public async Task Type_status_golongan_and_agent_filters_combine()
    {
        var unit = await app.AddUnitAsync("Saring Unit");
        await app.AddEmployeeAsync("Saring Pns Aktif", unit, golongan: "34");
        await app.AddEmployeeAsync("Saring Pns Cltn", unit, status: LegalStatus.Cltn, golongan: "34");
        await app.AddEmployeeAsync("Saring Cpns", unit, type: EmploymentType.Cpns, golongan: "31");
        var pppk = await app.AddEmployeeAsync("Saring Pppk", unit, type: EmploymentType.Pppk, golongan: "IX");
        await app.MakeAgentAsync(pppk.Id);
        var client = await app.HrAsync();
        var u = $"/pegawai?unit={unit}";

        var pns = await client.GetHtmlAsync(u + "&jenis=pns");
        Assert.Contains("2 pegawai", pns);
        Assert.DoesNotContain("Saring Cpns", pns);

        var cltn = await client.GetHtmlAsync(u + "&status=cltn");
        Assert.Contains("1 pegawai", cltn);
        Assert.Contains("Saring Pns Cltn", cltn);

        var golongan = await client.GetHtmlAsync(u + "&gol=34&status=aktif");
        Assert.Contains("1 pegawai", golongan);
        Assert.Contains("Saring Pns Aktif", golongan);
        Assert.Contains("Penata Tingkat I (III/d)", golongan);
        Assert.Contains("1 pegawai", await client.GetHtmlAsync(u + "&gol=" + Uri.EscapeDataString("III/d") + "&status=aktif"));   // a grade as HR writes it

        var pppkGrade = await client.GetHtmlAsync(u + "&gol=IX");
        Assert.Contains("1 pegawai", pppkGrade);
        Assert.Contains("Saring Pppk", pppkGrade);

        var agents = await client.GetHtmlAsync(u + "&agen=ya");
        Assert.Contains("1 pegawai", agents);
        Assert.Contains("Saring Pppk", agents);
        Assert.Contains("3 pegawai", await client.GetHtmlAsync(u + "&agen=tidak"));

        // An unknown value is dropped, not an error: a stale bookmark still opens.
        Assert.Contains("4 pegawai", await client.GetHtmlAsync(u + "&jenis=honorer&status=entah"));
    }

    [Fact]
    public async Task Pages_hold_25_and_sorting_by_name_nip_golongan_and_unit_orders_the_rows()
    {
        var unitB = await app.AddUnitAsync("Urut Unit B");
        var unitA = await app.AddUnitAsync("Urut Unit A", unitB);
        for (var i = 1; i <= 27; i++)
            await app.AddEmployeeAsync($"Halaman {i:00}", i % 2 == 0 ? unitA : unitB, golongan: i == 5 ? "45" : i == 6 ? "11" : "32");
        var client = await app.HrAsync();
        var u = $"/pegawai?unit={unitB}";

        var page1 = await client.GetHtmlAsync(u);
        Assert.Contains("27 pegawai", page1);
        Assert.Equal(25, EmployeeRows(page1));
        Assert.Contains("Halaman 1 dari 2", page1);
        Assert.Contains($"href=\"/pegawai?unit={unitB}&amp;hal=2\"", page1);
        InOrder(TableBody(page1), "Halaman 01", "Halaman 02", "Halaman 25");
        Assert.DoesNotContain("Halaman 26", page1);

        var page2 = await client.GetHtmlAsync(u + "&hal=2");
        Assert.Equal(2, EmployeeRows(page2));
        InOrder(TableBody(page2), "Halaman 26", "Halaman 27");

        var byGolongan = TableBody(await client.GetHtmlAsync(u + "&urut=golongan"));
        InOrder(byGolongan, "Halaman 05", "Halaman 01", "Halaman 02");   // IV/e first, then III/b by name
        Assert.DoesNotContain("Halaman 06", byGolongan);                  // I/a is last, on page 2
        Assert.Contains("Halaman 06", await client.GetHtmlAsync(u + "&urut=golongan&hal=2"));

        var nips = await app.WithDb(db => Task.FromResult(db.Employees.Where(e => e.Name.StartsWith("Halaman ")).OrderBy(e => e.Nip).Select(e => e.Name).ToList()));
        var byNip = TableBody(await client.GetHtmlAsync(u + "&urut=nip"));
        InOrder(byNip, nips[0], nips[1], nips[2]);

        var byUnit = TableBody(await client.GetHtmlAsync(u + "&urut=unit"));
        InOrder(byUnit, "Halaman 02", "Halaman 04", "Halaman 26", "Halaman 01");   // Urut Unit A before Urut Unit B
        Assert.Contains($"href=\"/pegawai?unit={unitB}&amp;urut=unit&amp;hal=2\"", await client.GetHtmlAsync(u + "&urut=unit"));
    }

    [Fact]
    public async Task Csv_export_holds_exactly_the_filtered_rows_of_every_page_with_indonesian_headers()
    {
        var unit = await app.AddUnitAsync("Ekspor Unit");
        for (var i = 1; i <= 30; i++)
            await app.AddEmployeeAsync($"Ekspor {i:00}", unit, status: i % 7 == 0 ? LegalStatus.TugasBelajar : LegalStatus.Aktif,
                setup: e => { e.TitleSuffix = "S.Kom., M.T."; e.PositionName = "Pranata \"Humas\" Ahli"; });
        var client = await app.HrAsync();
        var query = $"unit={unit}&status=aktif&urut=nama";

        var list = await client.GetHtmlAsync("/pegawai?" + query);
        Assert.Contains("26 pegawai", list);
        Assert.Equal(25, EmployeeRows(list));

        var response = await client.GetAsync("/pegawai/ekspor?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);

        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        // The page's columns under the page's headers; "Jenis jabatan" and "Hukuman disiplin" split out what the page stacks in a cell.
        Assert.Equal(["Nama", "NIP", "Jenis pegawai", "Golongan", "Jabatan", "Jenis jabatan", "Unit Kerja", "Kedudukan hukum", "Hukuman disiplin", "Agen"], rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(26, data.Count);   // all pages, not just the first 25 rows of the page

        var expected = await app.WithDb(db => Task.FromResult(db.Employees
            .Where(e => e.UnitId == unit && e.LegalStatus == LegalStatus.Aktif).OrderBy(e => e.Name).Select(e => new { e.Nip, e.Name }).ToList()));
        Assert.Equal(expected.Select(e => Nip.FormatForDisplay(e.Nip)), data.Select(r => r[1]));
        Assert.Equal(expected.Select(e => e.Name + ", S.Kom., M.T."), data.Select(r => r[0]));
        Assert.All(data, r =>
        {
            Assert.Equal("PNS", r[2]);
            Assert.Equal("Penata Muda (III/a)", r[3]);
            Assert.Equal("Pranata \"Humas\" Ahli", r[4]);
            Assert.Equal("Ekspor Unit", r[6]);
            Assert.Equal("Aktif", r[7]);
            Assert.Equal("Tidak", r[9]);
        });
    }

    [Fact]
    public async Task Roles_other_than_hr_and_administrator_are_refused()
    {
        foreach (var role in new[] { Roles.Humas, Roles.Pimpinan, Roles.Agen })
        {
            var client = await app.SignedInClientAsync(role);
            foreach (var url in new[] { "/pegawai", "/pegawai/ekspor", "/pegawai/baru" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/akun/akses-ditolak", LocationOf(response));
            }
        }
    }
}

/// <summary>A fresh installation: no employees yet.</summary>
public sealed class EmployeeListEmptyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Empty_register_explains_the_siasn_import()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var html = await client.GetHtmlAsync("/pegawai");
        Assert.Contains("Belum ada data pegawai", html);
        Assert.Contains("Export Data ASN", html);
        Assert.Contains("href=\"/impor\"", html);
        Assert.DoesNotContain("data-testid=\"employee-row\"", html);
    }
}
