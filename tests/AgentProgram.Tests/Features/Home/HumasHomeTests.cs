using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Aggregates;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Home;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Home;

/// <summary>
/// A hand-built day for Humas, relative to now (no reward period, so participation covers the last 30 days):
/// <list type="bullet">
/// <item>Units U1 "Dinas Uji Satu" (agents A1, A2) and U2 "Bagian &lt;b&gt;Humas&lt;/b&gt; &amp; Protokol" (A3); A4 has no unit.
/// All enrolled 10 days ago: enrolled U1 2, U2 1, none 1 = 4.</item>
/// <item>Messages: two Submitted (created 3 and 2 days ago), one Approved (1 day ago), one Draft, one Published and active
/// (M4), one Published whose window ended an hour ago (M5).</item>
/// <item>M4 assigned to A1, A2, A3; M5 to A2, A3. Reports: A1/M4 X verified (2 days ago), A1/M4 Facebook pending flagged
/// above-followers + burst (1 day ago), A2/M4 Instagram rejected (1 day ago), A3/M5 X verified (5 days ago), A2/M5 TikTok
/// pending flagged handle mismatch (4 days ago), A2/M5 X verified 40 days ago (outside every window).</item>
/// <item>Clicks on A1's M4 link: v1, v1, v2 and a bot; one on A3's M5 link. Responses on M4: a question answered in 2 hours,
/// an open complaint, an appreciation.</item>
/// </list>
/// </summary>
public sealed class HumasDataApp : AppFactory, IAsyncLifetime
{
    public const string U2Name = "Bagian <b>Humas</b> & Protokol";
    public DateTime Now { get; } = DateTime.UtcNow;
    public int U1 { get; private set; }
    public int U2 { get; private set; }
    public int Submitted1 { get; private set; }
    public int Submitted2 { get; private set; }
    public int Approved { get; private set; }
    public int Active { get; private set; }
    public int Expired { get; private set; }
    public List<(DateTime PostedUtc, Platform Platform, ReportState State)> Reports { get; } = [];
    public List<string> Nips { get; private set; } = [];

    public async Task InitializeAsync()
    {
        U1 = await TrackedLinkSeed.UnitAsync(this, "Dinas Uji Satu");
        U2 = await TrackedLinkSeed.UnitAsync(this, U2Name);
        var a1 = await TrackedLinkSeed.AgentAsync(this, "Ani Lestari", U1);
        var a2 = await TrackedLinkSeed.AgentAsync(this, "Budi Santoso", U1);
        var a3 = await TrackedLinkSeed.AgentAsync(this, "Citra Dewi", U2);
        await TrackedLinkSeed.AgentAsync(this, "Dedi Kurnia", null);

        Submitted1 = await TrackedLinkSeed.MessageAsync(this, "Jadwal baru layanan MPP", MessageStatus.Submitted);
        Submitted2 = await TrackedLinkSeed.MessageAsync(this, "Program *Kota* Sehat", MessageStatus.Submitted);
        Approved = await TrackedLinkSeed.MessageAsync(this, "Gotong royong bersih sungai", MessageStatus.Approved);
        await TrackedLinkSeed.MessageAsync(this, "Lomba inovasi (draf)", MessageStatus.Draft);
        Active = await TrackedLinkSeed.MessageAsync(this, "Vaksinasi HPV gratis", MessageStatus.Published);
        Expired = await TrackedLinkSeed.MessageAsync(this, "Realisasi APBD triwulan III", MessageStatus.Published, activeUntilUtc: Now.AddHours(-1));

        var a1m4 = await RewardSeed.AssignAsync(this, Active, a1.AgentId);
        var a2m4 = await RewardSeed.AssignAsync(this, Active, a2.AgentId);
        await RewardSeed.AssignAsync(this, Active, a3.AgentId);
        var a2m5 = await RewardSeed.AssignAsync(this, Expired, a2.AgentId);
        var a3m5 = await RewardSeed.AssignAsync(this, Expired, a3.AgentId);

        async Task<long> Report(int assignment, double daysAgo, ReportState state, Platform platform)
        {
            var posted = Now.AddDays(-daysAgo);
            Reports.Add((posted, platform, state));
            return await RewardSeed.ReportAsync(this, assignment, posted, state, platform);
        }
        await Report(a1m4, 2, ReportState.Verified, Platform.X);
        var flagged = await Report(a1m4, 1, ReportState.Pending, Platform.Facebook);
        await Report(a2m4, 1, ReportState.Rejected, Platform.Instagram);
        await Report(a3m5, 5, ReportState.Verified, Platform.X);
        var mismatch = await Report(a2m5, 4, ReportState.Pending, Platform.TikTok);
        await Report(a2m5, 40, ReportState.Verified, Platform.X);

        Nips = await WithDb(async db =>
        {
            (await db.PolicyMessages.SingleAsync(m => m.Id == Submitted2)).CreatedUtc = Now.AddDays(-3);
            (await db.PolicyMessages.SingleAsync(m => m.Id == Submitted1)).CreatedUtc = Now.AddDays(-2);
            (await db.PolicyMessages.SingleAsync(m => m.Id == Approved)).CreatedUtc = Now.AddDays(-1);
            foreach (var r in await db.ShareReports.ToListAsync())
                r.UnitId = await db.Agents.Where(a => a.Id == r.AgentId).Select(a => a.Employee.UnitId).SingleAsync();
            (await db.ShareReports.SingleAsync(r => r.Id == flagged)).Flags = ReportFlagSet.AboveFollowers | ReportFlagSet.Burst;
            (await db.ShareReports.SingleAsync(r => r.Id == mismatch)).Flags = ReportFlagSet.HandleMismatch;

            var l1 = new TrackedLink { AssignmentId = a1m4, Platform = Platform.X, Token = TrackedLinkToken.New(), CreatedUtc = Now.AddDays(-3) };
            var l2 = new TrackedLink { AssignmentId = a3m5, Platform = Platform.X, Token = TrackedLinkToken.New(), CreatedUtc = Now.AddDays(-6) };
            db.TrackedLinks.AddRange(l1, l2);
            await db.SaveChangesAsync();
            foreach (var (link, visitor, bot) in new[] { (l1, "v1", false), (l1, "v1", false), (l1, "v2", false), (l1, "robot", true), (l2, "v7", false) })
                db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = Now.AddHours(-5), VisitorHash = visitor, IsBot = bot });

            var report = await db.ShareReports.Where(r => r.MessageId == Active).Select(r => r.Id).FirstAsync();
            void Respond(ResponseKind kind, DateTime? resolved, ResponseStatus status) => db.PublicResponses.Add(new PublicResponse
            {
                ReportId = report, MessageId = Active, AgentId = a1.AgentId, Text = "Tanggapan", Kind = kind, Sentiment = Sentiment.Neutral,
                RecordedUtc = Now.AddDays(-1), ResolvedUtc = resolved, Status = status,
            });
            Respond(ResponseKind.Question, Now.AddDays(-1).AddHours(2), ResponseStatus.Answered);
            Respond(ResponseKind.Complaint, null, ResponseStatus.Open);
            Respond(ResponseKind.Appreciation, null, ResponseStatus.Open);
            await db.SaveChangesAsync();
            return await db.Employees.Select(e => e.Nip).ToListAsync();
        });
        // The shares chart and the participation read the stored aggregates: build them from the seeded rows.
        await AggregateOracle.RefreshAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The Humas dashboard on the home page: every figure of <see cref="HumasDataApp"/>, in few statements, shown to Humas only.</summary>
public sealed class HumasHomeTests(HumasDataApp app) : IClassFixture<HumasDataApp>
{
    private static readonly TimeZoneInfo Wib = RewardSeed.Wib;

    private static ClaimsPrincipal Humas => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Humas)], "test"));

    private async Task<(HumasHome Model, int Statements)> LoadAsync()
    {
        var counter = new SummaryModelTests.StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using var db = SummaryModelTests.CountingDb(sp, counter);
        var display = sp.GetRequiredService<Display>();
        var recaps = new RecapHandler(db, display, TimeProvider.System, sp.GetRequiredService<IConfiguration>());
        var model = await new HumasHomeHandler(db, display, recaps).LoadAsync(Humas);
        return (model, counter.Count);
    }

    [Fact]
    public async Task The_dashboard_holds_every_figure_within_ten_statements()
    {
        var (m, statements) = await LoadAsync();
        // Seven when nothing is kept yet (messages, period and refresh time, queue, active messages' figures, open assignments,
        // shares per day, participation); fewer while the shared figures are kept.
        Assert.InRange(statements, 2, 7);
        Assert.NotNull(m.FiguresAsOfUtc);

        // Messages waiting: two Submitted, one Approved; oldest first (created 3, 2, 1 days ago); drafts and published ones are not waiting.
        Assert.Equal(2, m.AwaitingApproval);
        Assert.Equal(1, m.AwaitingPublication);
        Assert.Equal([app.Submitted2, app.Submitted1, app.Approved], m.OldestWaiting.Select(w => w.Id));

        // The queue: two pending reports, both flagged; flags counted per kind (the first carries two).
        Assert.Equal((2, 2), (m.Verification.Pending, m.Verification.Flagged));
        var flags = m.Verification.Flags.ToDictionary(f => f.Code, f => f.Count);
        Assert.Equal(1, flags[ReportFlagCode.AboveFollowers]);
        Assert.Equal(1, flags[ReportFlagCode.Burst]);
        Assert.Equal(1, flags[ReportFlagCode.HandleMismatch]);
        Assert.Equal(0, flags[ReportFlagCode.DuplicateScreenshot] + flags[ReportFlagCode.NumbersDecreased] + flags[ReportFlagCode.UnresolvedShortLink]);
        Assert.Equal("/verifikasi-laporan?bendera=Burst", m.Verification.Flags.Single(f => f.Code == ReportFlagCode.Burst).Url);
        // The oldest pending report was submitted an hour after its posting four days ago.
        Assert.Equal(app.Reports.Where(r => r.State == ReportState.Pending).Min(r => r.PostedUtc).AddHours(1), m.Verification.OldestSubmittedUtc!.Value, TimeSpan.FromSeconds(1));

        // Active messages: only M4 (M5's window has ended). Three assignments, A3 has not reported (A2's rejected report counts as reported);
        // three reports (1 verified, 1 pending, 1 rejected); 3 clicks by people from 2 visitors; 2 responses needing an answer, 1 closed in time, 1 open.
        var row = Assert.Single(m.ActiveMessages);
        Assert.Equal(app.Active, row.Id);
        Assert.Equal((3, 1), (row.Assigned, row.NotReported));
        Assert.Equal((3, 1, 1), (row.Reports, row.Verified, row.Pending));
        Assert.Equal((3, 2), (row.Clicks, row.Visitors));
        Assert.Equal(new DialogicLoopFigure(3, 2, 1, 1), row.Dialogic);
        Assert.Equal(0.5, row.Dialogic.Rate);

        // Shares per day: the not-rejected reports of the last 30 local days, by platform (the 40-day-old one is out).
        var days = Enumerable.Range(0, HumasHomeHandler.SharesDays).Select(i => Today().AddDays(i + 1 - HumasHomeHandler.SharesDays)).ToList();
        var counted = app.Reports.Where(r => r.State != ReportState.Rejected && LocalDay(r.PostedUtc) >= days[0]).ToList();
        Assert.Equal(4, counted.Count);
        var chart = m.SharesByDay;
        Assert.Equal(HumasHomeHandler.SharesDays, chart.Categories.Count);
        Assert.Equal(["Facebook", "X", "TikTok"], chart.Series.Select(s => s.Name));
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var platform = Enum.Parse<Platform>(chart.Series[s].Name);
            for (var i = 0; i < days.Count; i++)
                Assert.Equal(counted.Count(r => r.Platform == platform && LocalDay(r.PostedUtc) == days[i]), chart.ValueAt(s, i));
        }
        Assert.Equal((1d, 2d, 1d), (chart.Total(0), chart.Total(1), chart.Total(2)));

        // Participation over the last 30 days (no period): enrolled U1 2, U2 1, none 1; active (verified in the window) A1 (U1), A3 (U2).
        Assert.Null(m.Window.Period);
        Assert.Equal(Today().AddDays(1 - ParticipationWindow.RollingDays), m.Window.Start);
        Assert.Equal([(app.U2, HumasDataApp.U2Name, 1, 1, 100m), (app.U1, "Dinas Uji Satu", 2, 1, 50m), ((int?)null, "Tanpa unit", 1, 0, 0m)],
            m.Units.Select(u => (u.UnitId, u.UnitName, u.Enrolled, u.Active, u.Rate ?? -1)));
        Assert.Equal([HumasDataApp.U2Name, "Dinas Uji Satu", "Tanpa unit"], m.ParticipationChart.Categories);
        Assert.Equal([100d, 50d, 0d], m.ParticipationChart.Series[0].Values.Select(v => v!.Value));
        Assert.Equal([1d, 1d, 0d], m.ParticipationChart.Series[1].Values.Select(v => v!.Value));
        Assert.Equal([1d, 2d, 1d], m.ParticipationChart.Series[2].Values.Select(v => v!.Value));

        // The recap says the same, without NIPs and without the unit name's markup turned into anything.
        var recap = m.Recap.Text;
        Assert.Contains("Periode: *30 hari terakhir*", recap, StringComparison.Ordinal);
        Assert.Contains("1. Bagian <b>Humas</b> & Protokol: 100% (1/1)\n2. Dinas Uji Satu: 50% (1/2)\n3. Tanpa unit: 0% (0/1)\nJumlah: 50% (2/4)", recap, StringComparison.Ordinal);
        Assert.Contains("*Penugasan terbuka:* 3 penugasan pada 1 pesan, 1 belum dilaporkan", recap, StringComparison.Ordinal);
        Assert.Contains("- Vaksinasi HPV gratis (batas ", recap, StringComparison.Ordinal);
        Assert.Contains("): 3 agen, 1 belum melapor", recap, StringComparison.Ordinal);
        Assert.All(app.Nips, nip => Assert.DoesNotContain(nip, recap, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Humas_sees_the_dashboard_with_its_figures_and_escaped_labels()
    {
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var raw = await humas.GetHtmlAsync("/");
        var html = WebUtility.HtmlDecode(raw);

        Assert.Equal(1, AgentTestKit.Count(raw, "humas-dashboard"));
        Assert.Equal(0, AgentTestKit.Count(raw, "pimpinan-dashboard"));
        Assert.Equal(["2"], AgentTestKit.TextsOf(raw, "humas-awaiting-approval"));
        Assert.Equal(["1 pesan disetujui, menunggu diterbitkan"], AgentTestKit.TextsOf(raw, "humas-awaiting-publication"));
        Assert.Equal(["2"], AgentTestKit.TextsOf(raw, "humas-pending"));
        Assert.Equal(["1"], AgentTestKit.TextsOf(raw, "humas-flag-AboveFollowers"));
        Assert.Equal(["0"], AgentTestKit.TextsOf(raw, "humas-flag-DuplicateScreenshot"));
        Assert.Equal(["50%"], AgentTestKit.TextsOf(raw, "humas-participation"));
        Assert.Equal(["2 dari 4 agen terdaftar aktif"], AgentTestKit.TextsOf(raw, "humas-participation-counts"));
        Assert.Equal(["3"], AgentTestKit.TextsOf(raw, "am-assigned"));
        Assert.Equal(["3"], AgentTestKit.TextsOf(raw, "am-reports"));
        Assert.Equal(["1"], AgentTestKit.TextsOf(raw, "am-verified"));
        Assert.Equal(["3"], AgentTestKit.TextsOf(raw, "am-clicks"));
        Assert.Equal(["2"], AgentTestKit.TextsOf(raw, "am-visitors"));
        Assert.Equal(["50% (1 dari 2)"], AgentTestKit.TextsOf(raw, "am-dialogic"));
        Assert.Contains($"href=\"/pesan/{app.Submitted2}\"", raw);
        Assert.Contains("href=\"/verifikasi-laporan?bendera=AboveFollowers\"", raw);

        // Two charts, each an SVG named by its title with a data table; the unit name with markup is text everywhere.
        Assert.Equal(2, AgentTestKit.Count(raw, "chart"));
        Assert.Equal(2, Regex.Count(raw, "<svg [^>]*role=\"img\""));
        Assert.Contains("aria-label=\"Laporan sebaran per hari menurut platform\"", raw);
        Assert.DoesNotContain("<b>Humas</b>", raw, StringComparison.Ordinal);
        Assert.Contains("Bagian &lt;b&gt;Humas&lt;/b&gt; &amp; Protokol", raw, StringComparison.Ordinal);
        // The shares table's total row: Facebook 1, X 2, TikTok 1.
        var table = Regex.Match(raw, "data-testid=\"chart-table\".*?</table>", RegexOptions.Singleline).Value;
        var totals = Regex.Match(table, "<tfoot>.*?</tfoot>", RegexOptions.Singleline).Value;
        Assert.Equal(["1", "2", "1"], Regex.Matches(totals, "<td[^>]*>([^<]*)</td>").Select(x => x.Groups[1].Value.Trim()));
        // The participation table: rate, active and enrolled per unit, in the chart's order.
        var units = Regex.Matches(raw, "data-testid=\"chart-table\".*?</table>", RegexOptions.Singleline)[1].Value;
        Assert.Contains("<td class=\"text-end\" data-value=\"100\">100%</td>", units, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\" data-value=\"2\">2</td>", units, StringComparison.Ordinal);

        // The content security policy allows no inline script or style: the charts carry neither.
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", raw);
        Assert.DoesNotContain(" style=\"", raw, StringComparison.Ordinal);

        // The recap box and its copy button (shown by recap.js); no NIP on the page.
        Assert.Equal(1, AgentTestKit.Count(raw, "recap"));
        Assert.Contains("src=\"/js/recap.js", raw, StringComparison.Ordinal);
        Assert.Contains("Jumlah: 50% (2/4)", html, StringComparison.Ordinal);
        Assert.All(app.Nips, nip => Assert.DoesNotContain(nip, html, StringComparison.Ordinal));
        Assert.Contains("Angka diperbarui ", Assert.Single(AgentTestKit.TextsOf(raw, "figures-as-of")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_Humas_page_stays_within_ten_statements()
    {
        var (officer, _) = await app.StaffAsync(Roles.Humas);
        Assert.InRange(await AgentHomeTests.HomeStatementLog.StatementsOfHomeAsync(app, officer.Email!), 1, 10);
    }

    [Theory]
    [InlineData(Roles.Kepegawaian)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Pimpinan)]
    public async Task Roles_without_Humas_do_not_get_the_Humas_dashboard(string role)
    {
        var (_, client) = await app.StaffAsync(role);
        var raw = await client.GetHtmlAsync("/");
        Assert.Equal(0, AgentTestKit.Count(raw, "humas-dashboard"));
        Assert.Equal(role == Roles.Pimpinan ? 1 : 0, AgentTestKit.Count(raw, "pimpinan-dashboard"));
    }

    [Fact]
    public async Task An_agent_gets_neither_officer_dashboard_nor_the_recap()
    {
        // A user with the Agen role only (no agent record is added, so the shared data set's figures stay as they are).
        var client = await app.SignedInClientAsync(Roles.Agen);
        var raw = await client.GetHtmlAsync("/");
        Assert.Equal(0, AgentTestKit.Count(raw, "humas-dashboard") + AgentTestKit.Count(raw, "pimpinan-dashboard") + AgentTestKit.Count(raw, "recap"));
    }

    private static DateOnly Today() => LocalDay(DateTime.UtcNow);

    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Wib));
}
