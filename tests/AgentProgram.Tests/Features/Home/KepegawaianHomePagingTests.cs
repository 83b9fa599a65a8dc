using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Home;

namespace AgentProgram.Tests.Features.Home;

/// <summary>
/// The Kepegawaian dashboard's enrolment table a page at a time: every unit with people is on exactly one page, the
/// totals are over all of them on every page, and a page past the end shows the last one. Its own database (the
/// other dashboard tests count whole-database figures).
/// </summary>
public sealed class KepegawaianHomePagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static List<string> Units(string html) =>
        [.. Regex.Matches(html, "data-testid=\"enrolment-row\" data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static string Total(string html) =>
        Regex.Match(html, "data-testid=\"enrolment-total\">.*?data-testid=\"row-employees\">([^<]*)<", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task Thirty_units_take_two_pages_each_unit_once_with_the_same_totals()
    {
        var seeded = new List<string>();
        for (var i = 1; i <= 30; i++)
        {
            var unit = await app.SeedUnitAsync($"Unit Halaman {i:00}");
            await app.SeedEmployeeAsync($"Pegawai Halaman {i:00}", e => e.UnitId = unit.Id);
            seeded.Add(unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var (_, client) = await app.StaffAsync(Roles.Kepegawaian);

        var first = await client.GetHtmlAsync("/");
        var second = await client.GetHtmlAsync($"/?{KepegawaianHome.UnitPageParameter}=2");
        var past = await client.GetHtmlAsync($"/?{KepegawaianHome.UnitPageParameter}=99");

        Assert.Equal(KepegawaianHome.UnitsPerPage, Units(first).Count);
        Assert.Contains("Halaman 1 dari 2", first);
        Assert.Contains($"href=\"/?{KepegawaianHome.UnitPageParameter}=2#{KepegawaianHome.UnitTableAnchor}\"", first);
        var all = Units(first).Concat(Units(second)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Subset(all.ToHashSet(), seeded.ToHashSet());
        Assert.Contains("Halaman 2 dari 2", second);
        Assert.Equal(Units(second), Units(past));
        Assert.Equal(Total(first), Total(second));
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Total(first));
    }
}
