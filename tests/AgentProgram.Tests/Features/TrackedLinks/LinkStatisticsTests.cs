using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.TrackedLinks;

/// <summary>Figures of /statistik-tautan on a hand-built data set whose answers are worked out below.</summary>
public sealed partial class LinkStatisticsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private int _imunisasi;
    private int _budaya;
    private int _kesehatan;

    public async Task InitializeAsync()
    {
        var kominfo = await TrackedLinkSeed.UnitAsync(app, "Dinas Kominfo");
        _kesehatan = await TrackedLinkSeed.UnitAsync(app, "Dinas Kesehatan");
        var andi = await TrackedLinkSeed.AgentAsync(app, "Andi Pratama", kominfo);
        var budi = await TrackedLinkSeed.AgentAsync(app, "Budi Santoso", kominfo);
        var citra = await TrackedLinkSeed.AgentAsync(app, "Citra Lestari", _kesehatan);
        _imunisasi = await TrackedLinkSeed.MessageAsync(app, "Pekan Imunisasi");
        _budaya = await TrackedLinkSeed.MessageAsync(app, "Festival Budaya");

        var andiLinks = await TrackedLinkSeed.LinksAsync(app, _imunisasi, andi.AgentId, Platform.WhatsApp, Platform.X);
        var budiLinks = await TrackedLinkSeed.LinksAsync(app, _imunisasi, budi.AgentId, Platform.WhatsApp);
        var citraLinks = await TrackedLinkSeed.LinksAsync(app, _imunisasi, citra.AgentId, Platform.X);
        var andiBudaya = await TrackedLinkSeed.LinksAsync(app, _budaya, andi.AgentId, Platform.WhatsApp);

        // Pekan Imunisasi: 10 clicks by people from 6 visitors (h1..h6), 3 bot requests.
        await ClicksAsync(andiLinks[Platform.WhatsApp], ("h1", false), ("h1", false), ("h2", false), ("hb", true));
        await ClicksAsync(andiLinks[Platform.X], ("h3", false), ("h4", false));
        await ClicksAsync(budiLinks[Platform.WhatsApp], ("h1", false));
        await ClicksAsync(citraLinks[Platform.X], ("h5", false), ("h5", false), ("h5", false), ("h6", false), ("hb", true), ("hc", true));
        // Festival Budaya: 1 click.
        await ClicksAsync(andiBudaya[Platform.WhatsApp], ("h7", false));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ClicksAsync(string token, params (string Hash, bool Bot)[] clicks)
    {
        var id = await TrackedLinkSeed.TrackedLinkIdAsync(app, token);
        await app.WithDb(async db =>
        {
            foreach (var (hash, bot) in clicks)
                db.LinkClicks.Add(new LinkClick { TrackedLinkId = id, OccurredUtc = DateTime.UtcNow, VisitorHash = hash.PadRight(64, '0'), IsBot = bot });
            return await db.SaveChangesAsync();
        });
    }

    [GeneratedRegex(@"<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>The text of each body row of the first table after <paramref name="marker"/> (a heading or a data-testid).</summary>
    private static List<string> Rows(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{marker}' is not on the page.");
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        var table = html[start..end];
        return Row().Matches(table).Select(m => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, " ")), " ").Trim()).Skip(1).ToList();
    }

    [Fact]
    public async Task Per_message_clicks_unique_visitors_and_bots()
    {
        var client = await app.SignedInClientAsync(Roles.Humas);
        var html = await client.GetHtmlAsync("/statistik-tautan");

        var rows = Rows(html, "data-testid=\"message-stats\"");
        Assert.Contains("Pekan Imunisasi Terbit 10 6 3", rows);
        Assert.Contains(rows, r => r.StartsWith("Festival Budaya", StringComparison.Ordinal) && r.EndsWith(" 1 1 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Breakdowns_by_platform_unit_and_agent_for_one_message_without_nips()
    {
        var client = await app.SignedInClientAsync(Roles.Humas);
        var html = await client.GetHtmlAsync($"/statistik-tautan?pesan={_imunisasi}");

        Assert.Contains("10 klik dari 6 pengunjung unik; 3 klik bot tidak dihitung.", html, StringComparison.Ordinal);
        Assert.Equal(["X 6 4 2", "WhatsApp 4 2 1"], Rows(html, "Per platform"));
        Assert.Equal(["Dinas Kominfo 6 4 1", "Dinas Kesehatan 4 2 2"], Rows(html, "Per unit kerja"));
        Assert.Equal(["Andi Pratama Dinas Kominfo 5 4 1", "Citra Lestari Dinas Kesehatan 4 2 2", "Budi Santoso Dinas Kominfo 1 1 0"], Rows(html, "data-testid=\"agent-stats\""));

        var nips = await app.WithDb(db => db.Employees.Select(e => e.Nip).ToListAsync());
        Assert.All(nips, nip => Assert.DoesNotContain(nip, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Platform_and_unit_filters_narrow_every_table()
    {
        var client = await app.SignedInClientAsync(Roles.Pimpinan);

        var x = await client.GetHtmlAsync($"/statistik-tautan?pesan={_imunisasi}&platform=x");
        Assert.Contains("6 klik dari 4 pengunjung unik; 2 klik bot tidak dihitung.", x, StringComparison.Ordinal);
        Assert.Equal(["Citra Lestari Dinas Kesehatan 4 2 2", "Andi Pratama Dinas Kominfo 2 2 0"], Rows(x, "data-testid=\"agent-stats\""));

        var unit = await client.GetHtmlAsync($"/statistik-tautan?pesan={_imunisasi}&unit={_kesehatan}");
        Assert.Contains("4 klik dari 2 pengunjung unik; 2 klik bot tidak dihitung.", unit, StringComparison.Ordinal);
        Assert.Equal(["Citra Lestari Dinas Kesehatan 4 2 2"], Rows(unit, "data-testid=\"agent-stats\""));
        Assert.Equal(["X 4 2 2"], Rows(unit, "Per platform"));
    }

    [Fact]
    public async Task Other_roles_are_refused()
    {
        foreach (var role in new[] { Roles.Agen, Roles.Kepegawaian, Roles.Administrator })
        {
            var client = await app.SignedInClientAsync(role);
            using var response = await client.GetAsync("/statistik-tautan");
            Assert.True(Security.AuthorizationMatrixTests.IsRefused(response, anonymous: false), $"{role} got {(int)response.StatusCode}");
        }
        using var anonymous = await app.Client().GetAsync("/statistik-tautan");
        Assert.True(Security.AuthorizationMatrixTests.IsRefused(anonymous, anonymous: true));
    }
}
