using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.ShareVerification.ReportSeed;

namespace AgentProgram.Tests.Features.ShareVerification;

public sealed partial class ReportQueueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("data-testid=\"report-row\" data-report=\"(\\d+)\"")]
    private static partial Regex RowPattern();

    /// <summary>The report ids of the queue's rows, in page order.</summary>
    private static List<long> RowIds(string html) =>
        [.. RowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static readonly DateTime Base = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_queue_shows_pending_reports_oldest_first_with_numbers_followers_evidence_and_flags()
    {
        var unit = await app.SeedUnitAsync("Dinas Kesehatan");
        var a = await app.SeedAgentAsync("Ayu Lestari", employee: e => e.UnitId = unit.Id);
        var b = await app.SeedAgentAsync("Bima Sakti");
        var message = await TrackedLinkSeed.MessageAsync(app, "Imunisasi Anak Serentak");
        var newest = await ReportAsync(app, a.AgentId, message, new() { SubmittedUtc = Base.AddHours(3), UnitId = unit.Id });
        var oldest = await ReportAsync(app, b.AgentId, message, new()
        {
            SubmittedUtc = Base.AddHours(1), Followers = 100, Flags = ReportFlagSet.AboveFollowers, ScreenshotPath = "reports/uji.png",
            Snapshots = [(MetricSource.SelfReported, SnapshotWindow.Other, 1, 900, 10), (MetricSource.Screenshot, SnapshotWindow.Hours24, 24, 50_000, 1_234)],
        });
        var middle = await ReportAsync(app, a.AgentId, message, new() { SubmittedUtc = Base.AddHours(2), UnitId = unit.Id });
        var decided = await ReportAsync(app, a.AgentId, message, new() { SubmittedUtc = Base, State = ReportState.Verified });

        var (_, client) = await app.StaffAsync(Roles.Humas);
        var html = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}");
        Assert.Equal([oldest.Id, middle.Id, newest.Id], RowIds(html));
        Assert.Contains("3 laporan: Menunggu verifikasi", html);
        Assert.Contains("Verifikasi yang dipilih", html);
        Assert.Contains("Tolak yang dipilih", html);
        Assert.Contains("data-select-all=\"Ids\"", html);
        Assert.Contains($"value=\"{Item(oldest)}\"", html);

        var body = TableBody(html);
        Assert.Contains($"href=\"{oldest.PostUrl}\" target=\"_blank\" rel=\"noopener noreferrer nofollow\"", body);
        Assert.Contains("Imunisasi Anak Serentak", body);
        Assert.Contains("Dinas Kesehatan", body);
        // The latest snapshot's numbers with their source, next to the followers.
        Assert.Contains("50.000", body);
        Assert.Contains("1.234", body);
        Assert.DoesNotContain(">900<", body);
        Assert.Contains("Tangkapan layar · 24 jam", body);
        Assert.Contains("<td data-testid=\"followers\">100</td>", body);
        Assert.Contains($"src=\"/laporan-sebaran/{oldest.Id}/bukti\" loading=\"lazy\"", body);
        Assert.DoesNotContain($"/laporan-sebaran/{middle.Id}/bukti", body);
        // The flag with its explanation.
        Assert.Contains("Angka jauh di atas pengikut", body);
        Assert.Contains("Jumlah tayangan (50.000) 500 kali jumlah pengikut akun (100)", body);

        // Decided reports are behind the status filter.
        Assert.DoesNotContain(decided.Id, RowIds(html));
        var verified = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&status=terverifikasi");
        Assert.Equal([decided.Id], RowIds(verified));
        Assert.DoesNotContain("Verifikasi yang dipilih", verified);
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue_and_stays_in_the_url()
    {
        var parent = await app.SeedUnitAsync("Kecamatan Barat");
        var child = await app.SeedUnitAsync("Kelurahan Senja", parent.Id);
        var other = await app.SeedUnitAsync("Kecamatan Utara");
        var agent = await app.SeedAgentAsync("Citra Dewi");
        var message = await TrackedLinkSeed.MessageAsync(app, "Pajak Daerah Online");
        var otherMessage = await TrackedLinkSeed.MessageAsync(app, "Car Free Day");
        var inParent = await ReportAsync(app, agent.AgentId, message, new() { UnitId = parent.Id, SubmittedUtc = Base.AddMinutes(1) });
        var inChild = await ReportAsync(app, agent.AgentId, message, new() { UnitId = child.Id, Platform = Platform.YouTube, SubmittedUtc = Base.AddMinutes(2) });
        var inOther = await ReportAsync(app, agent.AgentId, message, new() { UnitId = other.Id, Flags = ReportFlagSet.Burst | ReportFlagSet.DuplicateScreenshot, SubmittedUtc = Base.AddMinutes(3) });
        var rejected = await ReportAsync(app, agent.AgentId, message, new() { UnitId = other.Id, State = ReportState.Rejected, SubmittedUtc = Base.AddMinutes(4) });
        var elsewhere = await ReportAsync(app, agent.AgentId, otherMessage, new() { UnitId = parent.Id, SubmittedUtc = Base.AddMinutes(5) });

        var (_, client) = await app.StaffAsync(Roles.Pimpinan);
        Assert.Equal([inParent.Id, inChild.Id, inOther.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}")));
        Assert.Equal([elsewhere.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={otherMessage}")));
        // The unit filter includes sub-units.
        Assert.Equal([inParent.Id, inChild.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&unit={parent.Id}")));
        Assert.Equal([inChild.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&unit={child.Id}")));
        Assert.Equal([inChild.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&platform=YouTube")));
        Assert.Equal([inOther.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&bendera=Burst")));
        Assert.Equal([inOther.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&bendera=DuplicateScreenshot")));
        Assert.Empty(RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&bendera=HandleMismatch")));
        Assert.Equal([rejected.Id], RowIds(await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&status=ditolak")));

        // The filters survive paging and the bulk form (hidden fields), and the unit filter keeps its choice.
        var filtered = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={message}&unit={parent.Id}&platform=Instagram");
        Assert.Contains($"<input type=\"hidden\" name=\"Pesan\" value=\"{message}\" />", filtered);
        Assert.Contains($"<input type=\"hidden\" name=\"Unit\" value=\"{parent.Id}\" />", filtered);
        Assert.Contains($"<option value=\"{parent.Id}\" selected=\"selected\">", filtered);
        Assert.Contains("Hapus filter", filtered);
    }

    [Fact]
    public async Task An_empty_queue_says_what_will_appear_and_pages_hold_25()
    {
        var (_, client) = await app.StaffAsync(Roles.Humas);
        var quiet = await TrackedLinkSeed.MessageAsync(app, "Pesan Tanpa Laporan");
        var empty = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={quiet}");
        Assert.Contains("data-testid=\"empty-queue\"", empty);
        Assert.Contains("Tidak ada laporan dengan filter ini", empty);
        Assert.DoesNotContain("Verifikasi yang dipilih", empty);

        var agent = await app.SeedAgentAsync("Dodi Pratama");
        var busy = await TrackedLinkSeed.MessageAsync(app, "Pesan Ramai");
        var reports = await ManyAsync(app, agent.AgentId, busy, 27, i => new() { SubmittedUtc = Base.AddMinutes(i) });
        var first = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={busy}");
        Assert.Contains("27 laporan: Menunggu verifikasi", first);
        Assert.Equal(reports.Take(25).Select(r => r.Id), RowIds(first));
        Assert.Contains($"href=\"/verifikasi-laporan?pesan={busy}&amp;hal=2\" rel=\"next\"", first);
        var second = await client.GetHtmlAsync($"/verifikasi-laporan?pesan={busy}&hal=2");
        Assert.Equal(reports.Skip(25).Select(r => r.Id), RowIds(second));
    }

    [Fact]
    public async Task An_agent_cannot_reach_the_queue_or_a_report()
    {
        var agent = await app.SeedAgentAsync("Eka Putri");
        var message = await TrackedLinkSeed.MessageAsync(app, "Pesan Agen");
        var report = await ReportAsync(app, agent.AgentId, message);
        var client = await app.SignInAsAsync(agent.Email);
        foreach (var url in new[] { "/verifikasi-laporan", $"/verifikasi-laporan/{report.Id}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/akun/akses-ditolak", LocationOf(response), StringComparison.Ordinal);
        }
    }
}
