using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Assignments;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.ShareReports;

/// <summary>Logging a share through the real form: rules, one claim per post, double submission, screenshots, snapshots, privacy.</summary>
public sealed class LogShareTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private static int _post = 1000;

    private static string NextPostId() => "18" + Interlocked.Increment(ref _post).ToString("D10", CultureInfo.InvariantCulture);

    private sealed record Setup(SeededAgent Agent, int AssignmentId, HttpClient Client, string Handle);

    private async Task<Setup> AgentWithAssignmentAsync(string name, string handle, int? messageId = null)
    {
        var agent = await app.SeedAgentAsync(name);
        await app.SeedAccountAsync(agent.AgentId, Platform.X, handle, VerificationState.Verified, followers: 500);
        messageId ??= await TrackedLinkSeed.MessageAsync(app, "Pesan " + name);
        var assignmentId = await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId.Value, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        return new Setup(agent, assignmentId, await app.SignInAsAsync(agent.Email), handle);
    }

    /// <summary>Posts the form as multipart (as the browser does), with the antiforgery token of the form page.</summary>
    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, int assignmentId, IEnumerable<(string, string)> fields, byte[]? screenshot = null, string? key = null)
    {
        var page = await client.GetHtmlAsync($"/tugas/{assignmentId}/lapor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" },
            { new StringContent(key ?? Guid.NewGuid().ToString()), "SubmissionKey" },
        };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (screenshot is not null)
        {
            var file = new ByteArrayContent(screenshot);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "screenshot", "bukti.png");
        }
        return await client.PostAsync($"/tugas/{assignmentId}/lapor", form);
    }

    private static (string, string)[] Fields(string url, long? views = 120, DateTime? postedUtc = null) =>
    [
        ("Platform", "X"),
        ("PostUrl", url),
        ("PostedAt", AssignmentTests.LocalInput(postedUtc ?? DateTime.UtcNow.AddMinutes(-30))),
        ("Views", views?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("Likes", "7"),
    ];

    private static async Task<string> Html(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_valid_report_is_stored_pending_with_a_snapshot_and_a_double_submit_makes_one()
    {
        var s = await AgentWithAssignmentAsync("Agen Lapor", "agenlapor");
        var url = $"https://twitter.com/AgenLapor/status/{NextPostId()}?s=20";
        var key = Guid.NewGuid().ToString();
        var first = await PostReportAsync(s.Client, s.AssignmentId, Fields(url), key: key);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await PostReportAsync(s.Client, s.AssignmentId, Fields(url), key: key);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        var reports = await app.WithDb(db => db.ShareReports.AsNoTracking().Include(r => r.Snapshots).Where(r => r.AgentId == s.Agent.AgentId).ToListAsync());
        var report = Assert.Single(reports);
        Assert.Equal(ReportState.Pending, report.State);
        Assert.StartsWith("x:status:", report.ClaimKey, StringComparison.Ordinal);
        Assert.Equal("agenlapor", report.LinkHandle);
        Assert.Equal(500, report.FollowersAtSubmission);
        var snap = Assert.Single(report.Snapshots);
        Assert.Equal(MetricSource.SelfReported, snap.Source);
        Assert.Equal(120, snap.Views);
        Assert.Equal(7, snap.Likes);

        var mine = await s.Client.GetHtmlAsync("/laporan-saya");
        Assert.Contains("Pesan Agen Lapor", mine);
        Assert.Contains("1 laporan: 1 menunggu", WebUtility.HtmlDecode(mine));
    }

    [Fact]
    public async Task The_same_form_posted_five_times_at_once_makes_one_report_and_every_answer_leads_to_it()
    {
        var s = await AgentWithAssignmentAsync("Agen Ketuk Ganda", "agenketuk");
        var url = $"https://x.com/agenketuk/status/{NextPostId()}";
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostReportAsync(s.Client, s.AssignmentId, Fields(url), key: key)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await app.WithDb(db => db.ShareReports.CountAsync(r => r.AgentId == s.Agent.AgentId)));
    }

    [Fact]
    public async Task Wrong_handle_wrong_pattern_and_time_outside_the_window_are_refused_keeping_the_input()
    {
        var s = await AgentWithAssignmentAsync("Agen Salah", "agensalah");
        var notMine = $"https://x.com/orang_lain/status/{NextPostId()}";
        var r1 = await PostReportAsync(s.Client, s.AssignmentId, Fields(notMine, views: 55));
        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        var h1 = await Html(r1);
        Assert.Contains("data-testid=\"error-PostUrl\"", h1);
        Assert.Contains(notMine, h1);
        Assert.Contains("value=\"55\"", h1);

        var r2 = await PostReportAsync(s.Client, s.AssignmentId, Fields("https://x.com/agensalah"));
        Assert.Contains("data-testid=\"error-PostUrl\"", await Html(r2));

        var r3 = await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agensalah/status/{NextPostId()}", postedUtc: DateTime.UtcNow.AddDays(-3)));
        Assert.Contains("data-testid=\"error-PostedAt\"", await Html(r3));

        var r4 = await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agensalah/status/{NextPostId()}"), screenshot: "not an image at all"u8.ToArray());
        Assert.Contains("data-testid=\"error-screenshot\"", await Html(r4));

        Assert.Equal(0, await app.WithDb(db => db.ShareReports.CountAsync(r => r.AgentId == s.Agent.AgentId)));
    }

    [Fact]
    public async Task A_post_can_be_claimed_once_even_when_two_agents_submit_at_the_same_moment()
    {
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Rebutan");
        var a = await AgentWithAssignmentAsync("Agen Rebut A", "rebutan", messageId);
        var b = await AgentWithAssignmentAsync("Agen Rebut B", "rebutan_b", messageId);
        var id = NextPostId();
        var forA = Fields($"https://x.com/rebutan/status/{id}");
        var forB = Fields($"https://twitter.com/i/web/status/{id}");
        // Repeat a few rounds with fresh posts so the race really happens at least once.
        var responses = await Task.WhenAll(PostReportAsync(a.Client, a.AssignmentId, forA), PostReportAsync(b.Client, b.AssignmentId, forB));
        Assert.Equal(1, await app.WithDb(db => db.ShareReports.CountAsync(r => r.ClaimKey == "x:status:" + id)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("sudah dilaporkan", await Html(refused));

        for (var round = 0; round < 5; round++)
        {
            var post = NextPostId();
            await Task.WhenAll(
                PostReportAsync(a.Client, a.AssignmentId, Fields($"https://x.com/rebutan/status/{post}")),
                PostReportAsync(b.Client, b.AssignmentId, Fields($"https://x.com/i/status/{post}")));
            Assert.Equal(1, await app.WithDb(db => db.ShareReports.CountAsync(r => r.ClaimKey == "x:status:" + post)));
        }
    }

    [Fact]
    public async Task Snapshots_are_added_never_overwritten_and_other_agents_cannot_see_or_change_a_report()
    {
        var s = await AgentWithAssignmentAsync("Agen Angka", "agenangka");
        var other = await AgentWithAssignmentAsync("Agen Pengintip", "pengintip");
        var created = await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agenangka/status/{NextPostId()}", views: 100), screenshot: Png);
        var reportId = long.Parse(created.Headers.Location!.OriginalString["/laporan-saya/".Length..], CultureInfo.InvariantCulture);

        var add = await s.Client.PostFormAsync($"/laporan-saya/{reportId}", $"/laporan-saya/{reportId}/angka", ("Views", "150"), ("Likes", "9"));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var snaps = await app.WithDb(db => db.ReportSnapshots.AsNoTracking().Where(x => x.ReportId == reportId).OrderBy(x => x.Id).ToListAsync());
        Assert.Equal([100L, 150L], snaps.Select(x => x.Views!.Value));
        Assert.Equal(MetricSource.Screenshot, snaps[0].Source);

        // Lower numbers later are kept (never refused) and flagged for Humas.
        await s.Client.PostFormAsync($"/laporan-saya/{reportId}", $"/laporan-saya/{reportId}/angka", ("Views", "90"));
        var report = await app.WithDb(db => db.ShareReports.AsNoTracking().SingleAsync(x => x.Id == reportId));
        Assert.True(report.Flags.HasFlag(ReportFlagSet.NumbersDecreased));
        Assert.Equal(3, await app.WithDb(db => db.ReportSnapshots.CountAsync(x => x.ReportId == reportId)));

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/laporan-saya/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/laporan-sebaran/{reportId}/bukti")).StatusCode);
        var sneak = await other.Client.PostFormAsync("/laporan-saya", $"/laporan-saya/{reportId}/angka", ("Views", "99999"));
        Assert.Equal(HttpStatusCode.NotFound, sneak.StatusCode);
        Assert.Equal(3, await app.WithDb(db => db.ReportSnapshots.CountAsync(x => x.ReportId == reportId)));
        Assert.DoesNotContain("Pesan Agen Angka", await other.Client.GetHtmlAsync("/laporan-saya"));

        var own = await s.Client.GetAsync($"/laporan-sebaran/{reportId}/bukti");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        Assert.Equal(HttpStatusCode.OK, (await humas.GetAsync($"/laporan-sebaran/{reportId}/bukti")).StatusCode);
    }

    [Fact]
    public async Task Numbers_far_above_the_followers_are_flagged_when_the_report_is_stored()
    {
        var s = await AgentWithAssignmentAsync("Agen Viral", "agenviral"); // 500 followers
        await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agenviral/status/{NextPostId()}", views: 90_000));
        await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agenviral/status/{NextPostId()}", views: 900));
        var flags = await app.WithDb(db => db.ShareReports.Where(r => r.AgentId == s.Agent.AgentId).OrderBy(r => r.Id).Select(r => r.Flags).ToListAsync());
        Assert.True(flags[0].HasFlag(ReportFlagSet.AboveFollowers));
        Assert.False(flags[1].HasFlag(ReportFlagSet.AboveFollowers));
    }

    [Fact]
    public async Task The_same_screenshot_on_two_reports_flags_both()
    {
        var s = await AgentWithAssignmentAsync("Agen Salin", "agensalin");
        var image = Png.Concat(new byte[] { 1, 2, 3, 4, 5 }).ToArray();
        await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agensalin/status/{NextPostId()}"), screenshot: image);
        await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agensalin/status/{NextPostId()}"), screenshot: image);
        var flags = await app.WithDb(db => db.ShareReports.Where(r => r.AgentId == s.Agent.AgentId).Select(r => r.Flags).ToListAsync());
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.True(f.HasFlag(ReportFlagSet.DuplicateScreenshot)));
    }

    [Fact]
    public async Task A_rejected_report_can_be_corrected_once_and_goes_back_to_the_queue()
    {
        var s = await AgentWithAssignmentAsync("Agen Koreksi", "agenkoreksi");
        var created = await PostReportAsync(s.Client, s.AssignmentId, Fields($"https://x.com/agenkoreksi/status/{NextPostId()}"));
        var reportId = long.Parse(created.Headers.Location!.OriginalString["/laporan-saya/".Length..], CultureInfo.InvariantCulture);
        await app.WithDb(db => db.ShareReports.Where(r => r.Id == reportId)
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.State, ReportState.Rejected).SetProperty(r => r.DecisionReason, "Tautan salah kiriman.")));

        var page = await s.Client.GetHtmlAsync($"/laporan-saya/{reportId}");
        Assert.Contains("Tautan salah kiriman.", WebUtility.HtmlDecode(page));
        Assert.Contains("correction-form", page);
        var version = await app.WithDb(db => db.ShareReports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync());
        var newUrl = $"https://x.com/agenkoreksi/status/{NextPostId()}";
        var fix = await s.Client.PostFormAsync($"/laporan-saya/{reportId}", $"/laporan-saya/{reportId}/koreksi",
            ("PostUrl", newUrl), ("PostedAt", AssignmentTests.LocalInput(DateTime.UtcNow.AddMinutes(-10))), ("Version", version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, fix.StatusCode);
        var report = await app.WithDb(db => db.ShareReports.AsNoTracking().SingleAsync(r => r.Id == reportId));
        Assert.Equal(ReportState.Pending, report.State);
        Assert.Equal(1, report.CorrectionCount);
        Assert.Equal(newUrl, report.PostUrl);

        // Rejected again: no second correction.
        await app.WithDb(db => db.ShareReports.Where(r => r.Id == reportId).ExecuteUpdateAsync(x => x.SetProperty(r => r.State, ReportState.Rejected)));
        Assert.DoesNotContain("correction-form", await s.Client.GetHtmlAsync($"/laporan-saya/{reportId}"));
        var again = await s.Client.PostFormAsync($"/laporan-saya/{reportId}", $"/laporan-saya/{reportId}/koreksi",
            ("PostUrl", newUrl), ("PostedAt", AssignmentTests.LocalInput(DateTime.UtcNow.AddMinutes(-10))), ("Version", (version + 1).ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(ReportState.Rejected, await app.WithDb(db => db.ShareReports.Where(r => r.Id == reportId).Select(r => r.State).SingleAsync()));
    }
}
