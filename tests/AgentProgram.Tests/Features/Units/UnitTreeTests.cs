using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Identity;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Units;

public sealed partial class UnitTreeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("""<tr data-testid="unit-row" data-unit-id="(\d+)" data-depth="(\d+)"[^>]*>.*?data-testid="direct-count">([\d.,]+)<.*?data-testid="total-count">([\d.,]+)<""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    /// <summary>Unit id → (depth, direct count, total count), in page order.</summary>
    private static List<(int Id, int Depth, int Direct, int Total)> Rows(string html) =>
        RowPattern().Matches(html).Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value),
            int.Parse(m.Groups[3].Value.Replace(".", "", StringComparison.Ordinal)), int.Parse(m.Groups[4].Value.Replace(".", "", StringComparison.Ordinal)))).ToList();

    [Fact]
    public async Task Whole_tree_is_indented_in_order_with_direct_and_subtree_employee_counts()
    {
        var a = await app.AddUnitAsync("Pohon Dinas A", code: "PDA");
        var d = await app.AddUnitAsync("Pohon Seksi D", a);
        var b = await app.AddUnitAsync("Pohon Bidang B", a);
        var c = await app.AddUnitAsync("Pohon Subbidang C", b);
        var e = await app.AddUnitAsync("Pohon Tim E", c);
        for (var i = 0; i < 2; i++) await app.AddEmployeeAsync($"Pohon Pegawai A{i}", a);
        for (var i = 0; i < 3; i++) await app.AddEmployeeAsync($"Pohon Pegawai C{i}", c);
        await app.AddEmployeeAsync("Pohon Pegawai D", d);
        await app.AddEmployeeAsync("Pohon Pegawai E", e);

        var client = await app.HrAsync();
        var html = await client.GetHtmlAsync("/unit-kerja");
        var rows = Rows(html).Where(r => new[] { a, b, c, d, e }.Contains(r.Id)).ToList();

        // Parents before children, siblings by name, any depth.
        Assert.Equal([a, b, c, e, d], rows.Select(r => r.Id));
        Assert.Equal([0, 1, 2, 3, 1], rows.Select(r => r.Depth));
        Assert.Equal((2, 7), Counts(rows, a));
        Assert.Equal((0, 4), Counts(rows, b));
        Assert.Equal((3, 4), Counts(rows, c));
        Assert.Equal((1, 1), Counts(rows, e));
        Assert.Equal((1, 1), Counts(rows, d));
        Assert.Contains("href=\"/unit-kerja/" + c + "\">Pohon Subbidang C</a>", html);
    }

    private static (int, int) Counts(List<(int Id, int Depth, int Direct, int Total)> rows, int id)
    {
        var r = rows.Single(x => x.Id == id);
        return (r.Direct, r.Total);
    }

    [Fact]
    public async Task Search_by_name_or_code_shows_the_hits_with_the_units_above_them()
    {
        var top = await app.AddUnitAsync("Cari Dinas Atas");
        var mid = await app.AddUnitAsync("Cari Bidang Tengah", top, code: "KODE-UNIK-77");
        var leaf = await app.AddUnitAsync("Cari Seksi Bawah", mid);
        var other = await app.AddUnitAsync("Cari Dinas Lain");
        var client = await app.HrAsync();

        var byCode = await client.GetHtmlAsync("/unit-kerja?q=kode-unik-77");
        var ids = Rows(byCode).Select(r => r.Id).ToList();
        Assert.Equal([top, mid], ids);
        Assert.Contains("1 unit kerja cocok dengan pencarian", byCode);
        Assert.Matches($"data-unit-id=\"{top}\" data-depth=\"0\" class=\"text-muted\"", byCode);   // context only

        var byName = await client.GetHtmlAsync("/unit-kerja?q=seksi%20bawah");
        Assert.Equal([top, mid, leaf], Rows(byName).Select(r => r.Id));
        Assert.DoesNotContain(Rows(byName), r => r.Id == other);

        var none = await client.GetHtmlAsync("/unit-kerja?q=tidak-ada-unit-ini");
        Assert.Contains("Tidak ada unit yang cocok", none);
    }

    [Fact]
    public async Task Closed_units_are_hidden_unless_asked_for()
    {
        var open = await app.AddUnitAsync("Tutup Dinas Terbuka");
        var closed = await app.AddUnitAsync("Tutup Bidang Lama", open, closed: true);
        var client = await app.HrAsync();

        var normal = await client.GetHtmlAsync("/unit-kerja?q=tutup");
        Assert.Contains(Rows(normal), r => r.Id == open);
        Assert.DoesNotContain(Rows(normal), r => r.Id == closed);

        var all = await client.GetHtmlAsync("/unit-kerja?q=tutup&tutup=1");
        Assert.Contains(Rows(all), r => r.Id == closed);
        Assert.Contains("Ditutup", all);
        Assert.Contains("name=\"tutup\" value=\"1\" checked=\"checked\"", all);
    }

    [Fact]
    public async Task Roles_other_than_hr_and_administrator_are_refused()
    {
        foreach (var role in new[] { Roles.Humas, Roles.Pimpinan })
        {
            var client = await app.SignedInClientAsync(role);
            var response = await client.GetAsync("/unit-kerja");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akun/akses-ditolak", LocationOf(response));
        }
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/unit-kerja")).StatusCode);
    }
}

/// <summary>A fresh installation: no units at all.</summary>
public sealed class UnitTreeEmptyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Empty_tree_explains_the_unit_import()
    {
        var client = await app.HrAsync();
        var html = await client.GetHtmlAsync("/unit-kerja");
        Assert.Contains("Belum ada unit kerja", html);
        Assert.Contains("ID, NAMA_UNOR, ID_ATASAN", html);
        Assert.Contains("href=\"/impor\"", html);
        Assert.DoesNotContain("data-testid=\"unit-row\"", html);
    }
}
