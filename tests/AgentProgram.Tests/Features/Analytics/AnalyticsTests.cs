using System.Net;
using AgentProgram.Tests.Aggregates;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Tests.Features.Exports;
using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Analytics;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Analytics;

/// <summary>
/// The hand-built data set of the analytics tests (times are WIB, UTC+7; every agent enrolled 1 January 2026).
/// Units: Induk with its sub-unit Anak, and Lain. Agents: A1 (Induk), A2 (Anak), A3 and A4 (Lain), A5 (no unit).
/// Messages: M1 Transparansi, M2 Partisipasi.
/// <code>
///        agent msg platform posted (local)   state     readings                       → counted
///  R1    A1    M1  X        Mon 2 Mar 10:00  verified  self 1000 views/400 reach,      views 800 (screenshot outranks self), reach 400
///                                                     screenshot 800 views
///  R2    A2    M1  Insta    Tue 3 Mar 10:00  verified  CSV 500 views/200 reach         views 500, reach 200
///  R3    A2    M2  X        Tue 10 Mar       verified  none                            0
///  R4    A3    M2  X        Wed 11 Mar       rejected  self 9999 views                 not counted
///  R5    A3    M2  Insta    Thu 12 Mar       pending
///  R6    A4    M1  X        Sun 5 Apr        verified  self 50 views                   (outside March)
///  R7    A5    M2  X        Fri 20 Mar       verified  self 20 views/10 reach
/// </code>
/// Clicks: A1's M1 X link on 2 March: visitors v1, v1, v2 and a bot (3 clicks, 2 visitors); A3's M2 X link on 11 March: v3.
/// Responses: a question on R1 (2 March, answered after 2 hours), a complaint on R3 (10 March, open), an appreciation on R7 (20 March).
/// </summary>
public sealed class AnalyticsDataApp : AppFactory, IAsyncLifetime
{
    public int Induk { get; private set; }
    public int Anak { get; private set; }
    public int Lain { get; private set; }
    public int M1 { get; private set; }
    public int M2 { get; private set; }
    public int PeriodId { get; private set; }

    private static DateTime Wib(int month, int day, int hour = 10) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    public async Task InitializeAsync()
    {
        Induk = await TrackedLinkSeed.UnitAsync(this, "Dinas Induk Analitik");
        Anak = await TrackedLinkSeed.UnitAsync(this, "Bidang Anak Analitik");
        Lain = await TrackedLinkSeed.UnitAsync(this, "Dinas Lain Analitik");
        await WithDb(async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == Anak)).ParentId = Induk;
            return await db.SaveChangesAsync();
        });
        var a1 = (await RewardSeed.AgentAsync(this, "Agen Satu", Induk)).AgentId;
        var a2 = (await RewardSeed.AgentAsync(this, "Agen Dua", Anak)).AgentId;
        var a3 = (await RewardSeed.AgentAsync(this, "Agen Tiga", Lain)).AgentId;
        var a4 = (await RewardSeed.AgentAsync(this, "Agen Empat", Lain)).AgentId;
        var a5 = (await RewardSeed.AgentAsync(this, "Agen Lima")).AgentId;
        M1 = await RewardSeed.MessageAsync(this, "Pesan Satu Transparansi", MissionTag.Transparansi, Wib(2, 1), 100);
        M2 = await RewardSeed.MessageAsync(this, "Pesan Dua Partisipasi", MissionTag.Partisipasi, Wib(2, 1), 100);
        var scheme = await RewardSeed.SchemeAsync(this, RewardRules.Default, "Skema Analitik");
        PeriodId = (await RewardSeed.PeriodAsync(this, scheme, "Maret 2026", new(2026, 3, 1), new(2026, 3, 31))).Id;

        async Task<int> Assign(int m, int a) => await RewardSeed.AssignAsync(this, m, a);
        var m1a1 = await Assign(M1, a1);
        var r1 = await RewardSeed.ReportAsync(this, m1a1, Wib(3, 2), ReportState.Verified, Platform.X,
            snapshots: [(MetricSource.SelfReported, 1000, null, null, null), (MetricSource.Screenshot, 800, null, null, null)]);
        var r2 = await RewardSeed.ReportAsync(this, await Assign(M1, a2), Wib(3, 3), ReportState.Verified, Platform.Instagram,
            snapshots: [(MetricSource.CsvImport, 500, null, null, null)]);
        var r3 = await RewardSeed.ReportAsync(this, await Assign(M2, a2), Wib(3, 10), ReportState.Verified, Platform.X);
        var m2a3 = await Assign(M2, a3);
        await RewardSeed.ReportAsync(this, m2a3, Wib(3, 11), ReportState.Rejected, Platform.X, snapshots: [(MetricSource.SelfReported, 9999, null, null, null)]);
        await RewardSeed.ReportAsync(this, m2a3, Wib(3, 12), ReportState.Pending, Platform.Instagram);
        await RewardSeed.ReportAsync(this, await Assign(M1, a4), Wib(4, 5), ReportState.Verified, Platform.X, snapshots: [(MetricSource.SelfReported, 50, null, null, null)]);
        var r7 = await RewardSeed.ReportAsync(this, await Assign(M2, a5), Wib(3, 20), ReportState.Verified, Platform.X,
            snapshots: [(MetricSource.SelfReported, 20, null, null, null)]);
        // Agent 1 was active in the previous year too (30 December 2025, WIB): counted once over a range spanning both.
        await RewardSeed.ReportAsync(this, m1a1, new DateTime(2025, 12, 30, 3, 0, 0, DateTimeKind.Utc), ReportState.Verified, Platform.Facebook);
        await WithDb(async db =>
        {
            // Reach is not in RewardSeed's snapshot shape: set on the stored readings; and the report's unit is the agent's.
            (await db.ReportSnapshots.SingleAsync(s => s.ReportId == r1 && s.Source == MetricSource.SelfReported)).Reach = 400;
            (await db.ReportSnapshots.SingleAsync(s => s.ReportId == r2)).Reach = 200;
            (await db.ReportSnapshots.SingleAsync(s => s.ReportId == r7)).Reach = 10;
            foreach (var r in await db.ShareReports.ToListAsync())
                r.UnitId = await db.Agents.Where(a => a.Id == r.AgentId).Select(a => a.Employee.UnitId).SingleAsync();

            TrackedLink Link(int assignment) => new() { AssignmentId = assignment, Platform = Platform.X, Token = "an" + assignment, CreatedUtc = DateTime.UtcNow };
            var l1 = Link(await db.Assignments.Where(a => a.MessageId == M1 && a.AgentId == a1).Select(a => a.Id).SingleAsync());
            var l3 = Link(m2a3);
            db.TrackedLinks.AddRange(l1, l3);
            await db.SaveChangesAsync();
            db.LinkClicks.AddRange(
                new LinkClick { TrackedLinkId = l1.Id, OccurredUtc = Wib(3, 2, 12), VisitorHash = "v1" },
                new LinkClick { TrackedLinkId = l1.Id, OccurredUtc = Wib(3, 2, 13), VisitorHash = "v1" },
                new LinkClick { TrackedLinkId = l1.Id, OccurredUtc = Wib(3, 2, 14), VisitorHash = "v2" },
                new LinkClick { TrackedLinkId = l1.Id, OccurredUtc = Wib(3, 2, 15), VisitorHash = "bot", IsBot = true },
                new LinkClick { TrackedLinkId = l3.Id, OccurredUtc = Wib(3, 11, 12), VisitorHash = "v3" });
            db.PublicResponses.AddRange(
                new PublicResponse { ReportId = r1, MessageId = M1, AgentId = a1, Text = "Kapan?", Kind = ResponseKind.Question, Sentiment = Sentiment.Neutral, RecordedUtc = Wib(3, 2, 12), ResolvedUtc = Wib(3, 2, 14), Status = ResponseStatus.Answered },
                new PublicResponse { ReportId = r3, MessageId = M2, AgentId = a2, Text = "Lambat", Kind = ResponseKind.Complaint, Sentiment = Sentiment.Negative, RecordedUtc = Wib(3, 10, 12) },
                new PublicResponse { ReportId = r7, MessageId = M2, AgentId = a5, Text = "Bagus", Kind = ResponseKind.Appreciation, Sentiment = Sentiment.Positive, RecordedUtc = Wib(3, 20, 12) });
            return await db.SaveChangesAsync();
        });
        await AggregateOracle.RefreshAsync(this, all: true);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class AnalyticsTests(AnalyticsDataApp app) : IClassFixture<AnalyticsDataApp>
{
    private const string March = "dari=2026-03-01&sampai=2026-03-31";

    private async Task<(AnalyticsPage Page, int Statements)> LoadAsync(AnalyticsQuery query)
    {
        var counter = new SummaryModelTests.StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = SummaryModelTests.CountingDb(scope.ServiceProvider, counter);
        var page = await new AnalyticsHandler(db, scope.ServiceProvider.GetRequiredService<Display>(), TimeProvider.System).HandleAsync(query);
        return (page, counter.Count);
    }

    private static AnalyticsQuery Q(string? dari = "2026-03-01", string? sampai = "2026-03-31", int? unit = null, int? pesan = null, string? misi = null,
        string? platform = null, int? periode = null) => AnalyticsQuery.Parse(periode, dari, sampai, unit, pesan, misi, platform);

    private static object Key(AnalyticsFigures f) => (f.EnrolledAgents, f.ActiveAgents, f.ParticipationRate, f.Reports, f.Verified, f.VerifiedRate,
        f.Reach, f.Views, f.Clicks, f.Visitors, f.Responses, f.DialogicRate);

    [Fact]
    public async Task March_without_filters_has_every_figure_in_at_most_ten_statements()
    {
        var (page, statements) = await LoadAsync(Q());
        Assert.True(statements <= 10, $"{statements} statements");

        // Enrolled 5; active A1, A2, A5 = 3 (60%); reports R1–R5, R7 = 6, verified R1, R2, R3, R7 = 4 (66.67%);
        // reach 400 + 200 + 10 = 610; views 800 + 500 + 20 = 1320; clicks 3 + 1, visitors 2 + 1; responses 3, of which the
        // question and the complaint need an answer and the question was answered within 24 hours: 50%.
        Assert.Equal((5, (int?)3, (decimal?)60m, 6, 4, (decimal?)66.67m, 610L, 1320L, 4, 3, 3, (decimal?)50m), Key(page.Figures));

        // Per message: M1 R1, R2 (2 verified, reach 600, views 1300, 3 clicks, 2 visitors, 1 response);
        // M2 R3, R4, R5, R7 (2 verified, reach 10, views 20, 1 click, 1 visitor, 2 responses). Tie on verified: more reach first.
        Assert.Equal(
            [(app.M1, 2, 2, 600L, 1300L, 3, 2, 1, (decimal?)100m), (app.M2, 4, 2, 10L, 20L, 1, 1, 2, (decimal?)50m)],
            page.Messages.Select(m => (m.MessageId, m.Reports, m.Verified, m.Reach, m.Views, m.Clicks, m.Visitors, m.Responses, m.VerifiedRate)));
        Assert.Equal(["Pesan Satu Transparansi", "Pesan Dua Partisipasi"], page.MessageChart.Categories);
    }

    [Fact]
    public async Task A_range_over_whole_months_and_edge_days_adds_up_to_its_parts_read_day_by_day()
    {
        // 20 February – 10 April reads March from the monthly rows and the other days from the daily rows; its two
        // halves (20 Feb – 15 Mar, 16 Mar – 10 Apr) contain no whole month, so they read only daily rows. Without a
        // unit filter March comes from the per-message monthly rows, with one from the per-unit monthly rows.
        // R1–R7 (R6 on 5 April too): 7 reports, 5 verified, reach 610, views 800 + 500 + 50 + 20 = 1370, 4 clicks, 3 visitors, 3 responses.
        await AssertWholeMonthsAddUpAsync(null, [7L, 5, 610, 1370, 0, 0, 0, 4, 3, 3, 2, 1]);
        // Dinas Induk with Bidang Anak (agents 1 and 2): R1, R2, R3, reach 600, views 1300, R1's link's 3 people clicks
        // by 2 visitors, R1's answered question and R3's open complaint.
        await AssertWholeMonthsAddUpAsync(app.Induk, [3L, 3, 600, 1300, 0, 0, 0, 3, 2, 2, 2, 1]);
    }

    private async Task AssertWholeMonthsAddUpAsync(int? unit, long[] expected)
    {
        var (whole, statements) = await LoadAsync(Q("2026-02-20", "2026-04-10", unit));
        var (first, _) = await LoadAsync(Q("2026-02-20", "2026-03-15", unit));
        var (second, _) = await LoadAsync(Q("2026-03-16", "2026-04-10", unit));
        Assert.NotNull(AnalyticsHandler.WholeMonths(whole.From, whole.To));
        Assert.Null(AnalyticsHandler.WholeMonths(first.From, first.To));
        Assert.Null(AnalyticsHandler.WholeMonths(second.From, second.To));
        Assert.True(statements <= 10, $"{statements} statements");

        static long[] Additive(AnalyticsFigures f) => [f.Reports, f.Verified, f.Reach, f.Views, f.Comments, f.Reposts, f.Saves, f.Clicks, f.Visitors, f.Responses, f.NeedingAnswer, f.ClosedInWindow];
        Assert.Equal(Additive(first.Figures).Zip(Additive(second.Figures), (a, b) => a + b), Additive(whole.Figures));
        Assert.Equal(expected, Additive(whole.Figures));
        var parts = first.Messages.Concat(second.Messages).GroupBy(m => m.MessageId)
            .Select(g => (g.Key, g.Sum(m => m.Reports), g.Sum(m => m.Verified), g.Sum(m => m.Reach), g.Sum(m => m.Views), g.Sum(m => m.Clicks), g.Sum(m => m.Responses)))
            .OrderBy(x => x.Key);
        Assert.Equal(parts, whole.Messages.Select(m => (m.MessageId, m.Reports, m.Verified, m.Reach, m.Views, m.Clicks, m.Responses)).OrderBy(x => x.MessageId));
    }

    [Fact]
    public async Task An_agent_active_in_two_years_of_the_range_is_counted_once()
    {
        // December 2025: agent 1 only. March 2026: agents 1, 2 and 5. Both together: still three agents, over the
        // agents' year rows (no filter) and over their per-unit rows (a unit filter: Dinas Induk with agents 1 and 2).
        Assert.Equal(1, (await LoadAsync(Q("2025-12-01", "2025-12-31"))).Page.Figures.ActiveAgents);
        Assert.Equal(3, (await LoadAsync(Q("2026-03-01", "2026-03-31"))).Page.Figures.ActiveAgents);
        Assert.Equal(3, (await LoadAsync(Q("2025-12-01", "2026-03-31"))).Page.Figures.ActiveAgents);
        Assert.Equal(2, (await LoadAsync(Q("2025-12-01", "2026-03-31", app.Induk))).Page.Figures.ActiveAgents);
        Assert.Equal(1, (await LoadAsync(Q("2025-12-01", "2025-12-31", app.Induk))).Page.Figures.ActiveAgents);
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-31", "2026-03-01", "2026-03-31")]
    [InlineData("2026-02-20", "2026-04-10", "2026-03-01", "2026-03-31")]
    [InlineData("2026-01-01", "2026-12-31", "2026-01-01", "2026-12-31")]
    [InlineData("2026-02-01", "2026-02-28", "2026-02-01", "2026-02-28")]
    [InlineData("2024-02-02", "2024-03-30", null, null)]
    [InlineData("2026-03-05", "2026-03-25", null, null)]
    public void Whole_months_are_the_calendar_months_wholly_inside_the_range(string from, string to, string? first, string? last)
    {
        var months = AnalyticsHandler.WholeMonths(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first, months?.First.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(last, months?.Last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_heat_map_counts_active_agents_per_unit_and_whole_week()
    {
        var (page, _) = await LoadAsync(Q());
        // 1 March 2026 is a Sunday: the weeks start on 23 February, 2, 9, 16, 23 and 30 March.
        Assert.Equal([new(2026, 2, 23), new(2026, 3, 2), new(2026, 3, 9), new(2026, 3, 16), new(2026, 3, 23), new DateOnly(2026, 3, 30)], page.HeatMap.Weeks);
        // Induk with Anak: A1 and A2 in the week of 2 March (2/2), A2 in the week of 9 March; Lain: R6 on Sunday 5 April falls in
        // the week of 30 March (whole weeks); Tanpa unit: A5 in the week of 16 March.
        Assert.Equal(
        [
            ("Dinas Induk Analitik", 2, "0,2,1,0,0,0"),
            ("Dinas Lain Analitik", 2, "0,0,0,0,0,1"),
            ("Tanpa unit", 1, "0,0,0,1,0,0"),
        ], page.HeatMap.Rows.Select(r => (r.UnitName, r.Enrolled, string.Join(",", r.Active))));
        Assert.Equal(100m, page.HeatMap.Rows[0].Rate(1));
        Assert.Equal(50m, page.HeatMap.Rows[0].Rate(2));

        // With a unit: the unit itself and each sub-unit as rows.
        var (induk, _) = await LoadAsync(Q(unit: app.Induk));
        Assert.Equal([("Dinas Induk Analitik", 1, "0,1,0,0,0,0"), ("Bidang Anak Analitik", 1, "0,1,1,0,0,0")],
            induk.HeatMap.Rows.Select(r => (r.UnitName, r.Enrolled, string.Join(",", r.Active))));
    }

    [Fact]
    public async Task Every_filter_narrows_the_figures()
    {
        // Induk with its sub-unit: A1, A2 enrolled and active (100%); R1, R2, R3 all verified; A1's clicks; the question and the complaint.
        Assert.Equal((2, (int?)2, (decimal?)100m, 3, 3, (decimal?)100m, 600L, 1300L, 3, 2, 2, (decimal?)50m), Key((await LoadAsync(Q(unit: app.Induk))).Page.Figures));
        // The sub-unit alone: A2 with R2 and R3.
        Assert.Equal((1, (int?)1, (decimal?)100m, 2, 2, (decimal?)100m, 200L, 500L, 0, 0, 1, (decimal?)0m), Key((await LoadAsync(Q(unit: app.Anak))).Page.Figures));
        // Partisipasi (M2): R3, R4, R5, R7; active A2 and A5 of 5 enrolled.
        Assert.Equal((5, (int?)2, (decimal?)40m, 4, 2, (decimal?)50m, 10L, 20L, 1, 1, 2, (decimal?)0m), Key((await LoadAsync(Q(misi: "Partisipasi"))).Page.Figures));
        // Instagram: R2 (verified) and R5 (pending); no clicks on Instagram links.
        Assert.Equal((5, (int?)1, (decimal?)20m, 2, 1, (decimal?)50m, 200L, 500L, 0, 0, 0, (decimal?)null), Key((await LoadAsync(Q(platform: "Instagram"))).Page.Figures));
        // One message (M1): active counted on its verified reports, A1 and A2.
        var m1 = (await LoadAsync(Q(pesan: app.M1))).Page;
        Assert.Equal((5, (int?)2, (decimal?)40m, 2, 2, (decimal?)100m, 600L, 1300L, 3, 2, 1, (decimal?)100m), Key(m1.Figures));
        Assert.Equal([app.M1], m1.Messages.Select(m => m.MessageId));
        // April: only R6 (A4, 50 views).
        Assert.Equal((5, (int?)1, (decimal?)20m, 1, 1, (decimal?)100m, 0L, 50L, 0, 0, 0, (decimal?)null), Key((await LoadAsync(Q("2026-04-01", "2026-04-30"))).Page.Figures));
        // The reward period sets the dates (March), whatever dari/sampai say.
        var period = (await LoadAsync(Q("2026-04-01", "2026-04-30", periode: app.PeriodId))).Page;
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "Maret 2026"), (period.From, period.To, period.PeriodName));
        Assert.Equal(6, period.Figures.Reports);
        // Combined: Induk on X in March: R1 and R3.
        Assert.Equal((2, (int?)2, (decimal?)100m, 2, 2, (decimal?)100m, 400L, 800L, 3, 2, 2, (decimal?)50m), Key((await LoadAsync(Q(unit: app.Induk, platform: "X"))).Page.Figures));
    }

    [Fact]
    public async Task Humas_sees_the_page_and_downloads_every_table()
    {
        var client = await app.SignedInClientAsync(Roles.Humas);
        var raw = await client.GetHtmlAsync("/analitik?" + March);
        var html = WebUtility.HtmlDecode(raw);
        Assert.Equal(["60%"], AgentTestKit.TextsOf(raw, "figure-participation"));
        Assert.Equal(["610"], AgentTestKit.TextsOf(raw, "figure-reach"));
        Assert.Equal(["1.320"], AgentTestKit.TextsOf(raw, "figure-views"));
        Assert.Contains("Jangkauan kumulatif (tidak dide-duplikasi)", html, StringComparison.Ordinal);
        Assert.Contains("<svg", raw, StringComparison.Ordinal);
        Assert.Equal(3, AgentTestKit.Count(raw, "heatmap-row"));
        Assert.Equal(2, AgentTestKit.Count(raw, "message-row"));
        Assert.Contains("class=\"nav-link\" href=\"/analitik\"", raw, StringComparison.Ordinal); // the menu link

        var messages = await ExportKit.CsvAsync(client, "/analitik/ekspor?" + March + "&tabel=pesan");
        ExportKit.AssertPageColumnsInOrder(ExportKit.PageHeaders(raw, "data-testid=\"message-comparison\""), messages[0]);
        Assert.Equal(["Pesan Satu Transparansi", MissionTag.Transparansi.Label(), "2", "2", "100", "600", "1300", "3", "2", "1"], messages[1]);
        Assert.Equal(["Pesan Dua Partisipasi", MissionTag.Partisipasi.Label(), "4", "2", "50", "10", "20", "1", "1", "2"], messages[2]);

        var heat = ExportKit.Texts((await ExportKit.XlsxAsync(client, "/analitik/ekspor?" + March + "&tabel=peta&format=xlsx"))[2]);
        Assert.Equal(["Dinas Induk Analitik", "2026-03-02", "2", "2", "100"], heat.Select((t, i) => i == 1 ? DateTime.FromOADate(double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : t));

        var figures = await ExportKit.CsvAsync(client, "/analitik/ekspor?" + March + "&unit=" + app.Anak + "&tabel=angka");
        Assert.Equal(["Laporan sebaran", "2"], figures.Single(r => r[0] == "Laporan sebaran"));
        Assert.Equal(["Tingkat partisipasi (%)", "100"], figures.Single(r => r[0] == "Tingkat partisipasi (%)"));
    }

    [Fact]
    public async Task Pimpinan_and_the_administrator_read_it_and_others_are_turned_away()
    {
        foreach (var role in new[] { Roles.Pimpinan, Roles.Administrator })
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(role)).GetAsync("/analitik")).StatusCode);
        foreach (var role in new[] { Roles.Agen, Roles.Kepegawaian })
        {
            var response = await (await app.SignedInClientAsync(role)).GetAsync("/analitik/ekspor?tabel=pesan");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/akun/akses-ditolak", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
