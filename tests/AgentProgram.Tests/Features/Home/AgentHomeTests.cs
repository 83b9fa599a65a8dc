using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.RewardPeriods;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.Home;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Home;

/// <summary>
/// The agent's home page beside Tugas Saya: the latest reports with their state, and the score and rank
/// band of the current reward period. Only ever the signed-in agent's own data. Reward periods are global,
/// so every period scenario lives in one test; the report test adds no period.
/// </summary>
public sealed class AgentHomeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Wib));

    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>A report of a fresh message (assigned to the agent) submitted at <paramref name="submittedUtc"/>.</summary>
    private async Task<long> ReportAsync(SeededAgent agent, string title, ReportState state, DateTime submittedUtc, string? reason = null)
    {
        var messageId = await TrackedLinkSeed.MessageAsync(app, title);
        return await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(3), CreatedUtc = submittedUtc.AddDays(-1) };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            var r = new ShareReport
            {
                AssignmentId = a.Id, AgentId = agent.AgentId, MessageId = messageId, Platform = Platform.Instagram,
                PostedUtc = submittedUtc.AddHours(-1), SubmittedUtc = submittedUtc, SubmissionKey = Guid.NewGuid(), State = state,
                DecisionReason = reason,
            };
            db.ShareReports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
    }

    /// <summary>The section of the page that carries the test id, up to the end of its section element.</summary>
    private static string Section(string html, string testId)
    {
        var m = Regex.Match(html, $"<section[^>]*data-testid=\"{testId}\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        return m.Success ? m.Groups[1].Value : "";
    }

    private static List<long> ReportLinks(string html) =>
        [.. Regex.Matches(Section(html, "agent-recent-reports"), "href=\"/laporan-saya/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [Fact]
    public async Task The_latest_five_reports_show_newest_first_with_their_state_and_never_another_agents()
    {
        var tag = Tag();
        var a = await app.SeedAgentAsync("Agen Beranda " + tag);
        var b = await app.SeedAgentAsync("Agen Tetangga " + tag);
        var now = DateTime.UtcNow;
        // Six reports of A, oldest first; the page shows the newest five.
        var specs = new (string Title, ReportState State, string Label, int DaysAgo, string? Reason)[]
        {
            ($"Pesan A1 {tag}", ReportState.Verified, "Terverifikasi", 6, null),
            ($"Pesan A2 {tag}", ReportState.Verified, "Terverifikasi", 5, null),
            ($"Pesan A3 {tag}", ReportState.Rejected, "Ditolak", 4, "Tautan tidak dapat dibuka"),
            ($"Pesan A4 {tag}", ReportState.Pending, "Menunggu", 3, null),
            ($"Pesan A5 {tag}", ReportState.Verified, "Terverifikasi", 2, null),
            ($"Pesan A6 {tag}", ReportState.Pending, "Menunggu", 1, null),
        };
        var ids = new List<long>();
        foreach (var s in specs) ids.Add(await ReportAsync(a, s.Title, s.State, now.AddDays(-s.DaysAgo), s.Reason));
        // B's report is the newest of all: it must still not appear on A's page.
        var bReport = await ReportAsync(b, $"Pesan Rahasia B {tag}", ReportState.Verified, now.AddHours(-1));

        var client = await app.SignInAsAsync(a.Email);
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/"));

        // Newest five: A6, A5, A4, A3, A2 (A1 is the sixth).
        int[] expected = [5, 4, 3, 2, 1];
        Assert.Equal(expected.Select(i => ids[i]), ReportLinks(html));
        Assert.Equal(expected.Select(i => specs[i].Label), TextsOf(html, "recent-report-state"));
        Assert.Equal(5, Count(html, "recent-report"));
        // A1 is still an open assignment (a task card) but not among the latest reports.
        Assert.DoesNotContain(specs[0].Title, Section(html, "agent-recent-reports"));
        Assert.Contains("Alasan: Tautan tidak dapat dibuka", html);
        Assert.Contains("href=\"/laporan-saya\"", html);

        // The open assignments are still there (the home page is Tugas Saya): A has six, B's is not among them.
        Assert.Equal(6, Count(html, "task-card"));
        Assert.DoesNotContain("Pesan Rahasia B", html);
        Assert.DoesNotContain($"/laporan-saya/{bReport}\"", html);
        Assert.DoesNotContain(b.Name, html);

        // And B sees only B's report.
        var bHtml = WebUtility.HtmlDecode(await (await app.SignInAsAsync(b.Email)).GetHtmlAsync("/"));
        Assert.Equal([bReport], ReportLinks(bHtml));
        Assert.DoesNotContain($"Pesan A6 {tag}", bHtml);
    }

    [Fact]
    public async Task An_agent_without_reports_is_told_how_to_report_and_gets_no_officer_dashboard()
    {
        var a = await app.SeedAgentAsync("Agen Baru " + Tag());
        var html = WebUtility.HtmlDecode(await (await app.SignInAsAsync(a.Email)).GetHtmlAsync("/"));
        Assert.Equal(1, Count(html, "no-recent-reports"));
        Assert.Equal(0, Count(html, "kepegawaian-home"));
        Assert.DoesNotContain("href=\"/impor\"", html);
    }

    private async Task<RewardPeriod> PeriodAsync(int schemeId, string name, DateOnly start, DateOnly end) =>
        await app.WithDb(async db =>
        {
            var p = new RewardPeriod { Name = name, Kind = PeriodKind.Custom, StartDate = start, EndDate = end, SchemeId = schemeId, CreatedUtc = DateTime.UtcNow };
            db.RewardPeriods.Add(p);
            await db.SaveChangesAsync();
            return p;
        });

    private static RewardResult Result(SeededAgent agent, int? rank, decimal score, decimal? topPercent, IneligibleReasons ineligible = IneligibleReasons.None)
    {
        var r = PeriodSeed.Result(agent.AgentId, rank, score, ineligible: ineligible);
        r.TopPercent = topPercent;
        return r;
    }

    private static string Score(decimal d) => d.ToString("0.##", Indonesian);

    [Fact]
    public async Task The_current_periods_score_and_rank_band_show_provisional_until_approved_and_only_the_agents_own()
    {
        var tag = Tag();
        var a = await app.SeedAgentAsync("Agen Skor " + tag);
        var b = await app.SeedAgentAsync("Agen Saingan " + tag);
        var c = await app.SeedAgentAsync("Agen Terlambat " + tag);
        var d = await app.SeedAgentAsync("Agen Tak Berhak " + tag);
        var client = await app.SignInAsAsync(a.Email);
        async Task<string> Home(HttpClient http) => Section(WebUtility.HtmlDecode(await http.GetHtmlAsync("/")), "agent-standing");

        // 1. No period at all: the empty state says when points appear.
        var page = await Home(client);
        Assert.Equal(1, Count(page, "standing-empty"));
        Assert.Contains("setelah Humas menghitung periode penghargaan", page);
        Assert.Equal(0, Count(page, "standing-period"));

        // 2. No period contains today: the latest calculated one (by end date) is shown, here approved, so Final.
        var scheme = await PeriodSeed.SchemeAsync(app);
        var older = await PeriodAsync(scheme.SchemeId, "Periode Lebih Lama " + tag, Today.AddDays(-90), Today.AddDays(-61));
        await PeriodSeed.RunAsync(app, older.Id, scheme.VersionId, [Result(a, 1, 33.33m, 50m), Result(b, 2, 20m, 100m)], PeriodState.Calculated);
        var old = await PeriodAsync(scheme.SchemeId, "Periode Lalu " + tag, Today.AddDays(-60), Today.AddDays(-31));
        // A is in the top 20% (over 10, at most 25: the 25% band); B ranks first with 91,75.
        await PeriodSeed.RunAsync(app, old.Id, scheme.VersionId, [Result(a, 2, 55.5m, 20m), Result(b, 1, 91.75m, 10m)], PeriodState.Approved);
        page = await Home(client);
        Assert.Equal([old.Name], TextsOf(page, "standing-period"));
        Assert.Equal(["Final"], TextsOf(page, "standing-final"));
        Assert.Equal(0, Count(page, "standing-provisional"));
        Assert.Equal([Score(55.5m)], TextsOf(page, "standing-score"));
        Assert.Equal("55,5", Score(55.5m));
        Assert.Equal(["25% teratas"], TextsOf(page, "standing-band"));
        Assert.Contains($"href=\"/penghargaan-saya/{old.Id}\"", page);
        Assert.DoesNotContain(Score(91.75m), page);
        Assert.DoesNotContain(Score(33.33m), page);

        // 3. A period containing today, not yet calculated: named, with the "after Humas calculates" message and no score.
        var current = await PeriodAsync(scheme.SchemeId, "Periode Berjalan " + tag, Today.AddDays(-2), Today.AddDays(5));
        page = await Home(client);
        Assert.Equal([current.Name], TextsOf(page, "standing-period"));
        Assert.Contains("Periode ini belum dihitung", page);
        Assert.Equal(0, Count(page, "standing-score"));
        Assert.Equal(0, Count(page, "standing-provisional"));

        // 4. Calculated: provisional (Sementara). A is 1st of 20 ranked → top 5%, the 10% band; B's 99,75 never shows.
        await PeriodSeed.RunAsync(app, current.Id, scheme.VersionId,
            [Result(a, 1, 87.25m, 5m), Result(b, 2, 99.75m, 10m), Result(d, null, 0m, null, IneligibleReasons.NeutralityBreach)]);
        // A later-starting period that also contains today but is not calculated does not take its place.
        await PeriodAsync(scheme.SchemeId, "Periode Pendek " + tag, Today, Today);
        page = await Home(client);
        Assert.Equal([current.Name], TextsOf(page, "standing-period"));
        Assert.Equal(["Sementara"], TextsOf(page, "standing-provisional"));
        Assert.Equal([Score(87.25m)], TextsOf(page, "standing-score"));
        Assert.Equal(["10% teratas"], TextsOf(page, "standing-band"));
        Assert.DoesNotContain(Score(99.75m), page);
        Assert.DoesNotContain(b.Name, page);

        // B sees B's own figures for the same period (10% → still the 10% band), not A's.
        var bPage = await Home(await app.SignInAsAsync(b.Email));
        Assert.Equal([Score(99.75m)], TextsOf(bPage, "standing-score"));
        Assert.DoesNotContain(Score(87.25m), bPage);

        // C has no row in the run (enrolled after it): told so, no score. D is not ranked.
        var cPage = await Home(await app.SignInAsAsync(c.Email));
        Assert.Contains("Anda belum tercantum pada perhitungan periode ini", cPage);
        Assert.Equal(0, Count(cPage, "standing-score"));
        var dPage = await Home(await app.SignInAsAsync(d.Email));
        Assert.Equal(["Tidak diperingkat"], TextsOf(dPage, "standing-band"));

        // 5. Approved by a Pimpinan: Final.
        await app.WithDb(async db =>
        {
            var p = await db.RewardPeriods.SingleAsync(x => x.Id == current.Id);
            p.State = PeriodState.Approved;
            return await db.SaveChangesAsync();
        });
        page = await Home(client);
        Assert.Equal(["Final"], TextsOf(page, "standing-final"));
        Assert.Equal(0, Count(page, "standing-provisional"));

        // The dashboard itself is two statements: the reports, and the period with the agent's result.
        var counter = new StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        await using var counting = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(counter).Options);
        var me = await MyAgent.FindAsync(counting, a.UserId);
        var before = counter.Count;
        var board = await new AgentHomeHandler(counting, scope.ServiceProvider.GetRequiredService<Display>(), TimeProvider.System).LoadAsync(a.UserId, me!);
        Assert.Equal(2, counter.Count - before);
        Assert.Equal(87.25m, board.Standing?.Result?.Score);

        // The whole page (sign-in checks, layout, tasks and this dashboard) stays within the issue's ten statements,
        // with an open assignment, a registered account and a report, so every part of the page has rows to read.
        await app.SeedAccountAsync(a.AgentId, Platform.X, "agenskor" + tag, VerificationState.Verified);
        await TrackedLinkSeed.LinksAsync(app, await TrackedLinkSeed.MessageAsync(app, "Pesan Terbuka " + tag), a.AgentId, Platform.X);
        await ReportAsync(a, "Pesan Terlapor " + tag, ReportState.Verified, DateTime.UtcNow.AddHours(-2));
        Assert.InRange(await HomeStatementLog.StatementsOfHomeAsync(app, a.Email), 1, 10);
    }

    [Fact]
    public async Task An_officer_who_is_also_an_agent_sees_their_own_tasks_and_reports_below_the_dashboard_and_nobody_elses()
    {
        var tag = Tag();
        var me = await app.SeedAgentAsync("Petugas Agen " + tag);
        var other = await app.SeedAgentAsync("Agen Tetangga " + tag);
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AgentProgram.Web.Domain.Identity.AppUser>>();
            var user = await users.FindByIdAsync(me.UserId);
            Assert.True((await users.AddToRoleAsync(user!, AgentProgram.Web.Domain.Identity.Roles.Kepegawaian)).Succeeded);
        });
        var now = DateTime.UtcNow;
        var mine = await ReportAsync(me, $"Pesan Petugas {tag}", ReportState.Verified, now.AddHours(-3));
        // The other agent's report is newer and their assignment is due as soon: neither may show on the officer's page.
        await ReportAsync(other, $"Pesan Tetangga {tag}", ReportState.Pending, now.AddHours(-1));

        var client = await app.SignInAsAsync(me.Email);
        var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/"));
        Assert.Equal(1, Count(html, "kepegawaian-home"));
        Assert.Equal(1, Count(html, "my-work"));
        Assert.True(html.IndexOf("data-testid=\"my-work\"", StringComparison.Ordinal) > html.IndexOf("data-testid=\"kepegawaian-home\"", StringComparison.Ordinal),
            "Tugas saya sits below the officer's dashboard");
        var work = Section(html, "my-work");
        Assert.Equal([$"Pesan Petugas {tag}"], TextsOf(work, "my-work-task").Select(t => t.Split('\n')[0].Trim()));
        Assert.Equal(1, Count(work, "my-work-report"));
        Assert.Contains($"href=\"/laporan-saya/{mine}\"", work, StringComparison.Ordinal);
        Assert.Contains("Penugasan terbuka (1)", work, StringComparison.Ordinal);
        Assert.DoesNotContain($"Pesan Tetangga {tag}", html, StringComparison.Ordinal);
        // The officer view, not the agent's own home: no task cards of the agent page.
        Assert.Equal(0, Count(html, "task-card"));

        // An officer without an agent record has no such section; the whole page stays within ten statements.
        var (_, plain) = await app.StaffAsync(AgentProgram.Web.Domain.Identity.Roles.Kepegawaian);
        Assert.Equal(0, Count(await plain.GetHtmlAsync("/"), "my-work"));
        Assert.InRange(await HomeStatementLog.StatementsOfHomeAsync(app, me.Email), 1, 10);
    }

    /// <summary>Counts the SQL statements the app runs while serving GET / (background work has no request and is not counted).</summary>
    internal sealed class HomeStatementLog : ILoggerProvider, ILogger
    {
        private const string Category = "Microsoft.EntityFrameworkCore.Database.Command";
        private readonly HttpContextAccessor _http = new();
        private int _count;

        /// <summary>Signs in as <paramref name="email"/>, opens the home page once to warm the caches, then counts a second visit.</summary>
        public static async Task<int> StatementsOfHomeAsync(AppFactory app, string email)
        {
            var log = new HomeStatementLog();
            using var counted = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log).AddFilter<HomeStatementLog>(Category, LogLevel.Information)));
            var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, AppFactory.Password)).StatusCode);
            await client.GetHtmlAsync("/");
            Interlocked.Exchange(ref log._count, 0);
            await client.GetHtmlAsync("/");
            return log._count;
        }

        public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : NullLogger.Instance;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == RelationalEventId.CommandExecuted.Id && _http.HttpContext?.Request.Path == "/") Interlocked.Increment(ref _count);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Counts the statements a context sends.</summary>
    internal sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
