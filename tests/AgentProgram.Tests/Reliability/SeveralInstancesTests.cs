using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Assignments;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Reliability;

/// <summary>
/// Two instances of the app on loopback over ONE SQLite file and ONE storage folder, reached through a stand-in load
/// balancer: whatever one instance wrote into a browser (cookies, antiforgery tokens, TempData) or onto disk, the other
/// one reads; a form posted to both at once is stored once.
/// </summary>
public sealed partial class SeveralInstancesTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private static long _post = 4_000_000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-instances", Guid.NewGuid().ToString("N"));
    private readonly AppInstance _first;
    private readonly AppInstance _second;
    private readonly LoadBalancer _browser = new();

    public SeveralInstancesTests()
    {
        Directory.CreateDirectory(_dir);
        _first = new AppInstance(_dir);
        _second = new AppInstance(_dir);
    }

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionKeyPattern();

    private static string NextPostId() => Interlocked.Increment(ref _post).ToString("D19", CultureInfo.InvariantCulture);

    private async Task<(SeededAgent Agent, int AssignmentId)> AgentWithAssignmentAsync(string name, string handle)
    {
        var agent = await _first.SeedAgentAsync(name);
        await _first.SeedAccountAsync(agent.AgentId, Platform.X, handle, VerificationState.Verified, followers: 500);
        var messageId = await TrackedLinkSeed.MessageAsync(_first, "Pesan " + name);
        var assignmentId = await _first.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        return (agent, assignmentId);
    }

    private static async Task SignInAsync(HttpClient formFrom, HttpClient postTo, string email)
    {
        var page = await formFrom.GetHtmlAsync("/akun/masuk");
        var response = await postTo.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = AppFactory.Password, ["__af"] = HttpClientExtensions.AntiforgeryToken(page),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        Assert.DoesNotContain("/akun/masuk", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The report form's fields as the browser sends them (multipart), with the screenshot.</summary>
    private static MultipartFormDataContent ReportForm(string page, string url, byte[] screenshot)
    {
        var file = new ByteArrayContent(screenshot);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" },
            { new StringContent(SubmissionKeyPattern().Match(page).Groups[1].Value), "SubmissionKey" },
            { new StringContent("X"), "Platform" },
            { new StringContent(url), "PostUrl" },
            { new StringContent(AssignmentTests.LocalInput(DateTime.UtcNow.AddMinutes(-30))), "PostedAt" },
            { new StringContent("250"), "Views" },
            { file, "screenshot", "bukti.png" },
        };
    }

    private string[] MediaFiles() => Directory.Exists(Path.Combine(_dir, "media"))
        ? Directory.GetFiles(Path.Combine(_dir, "media"), "*", SearchOption.AllDirectories)
        : [];

    [Fact]
    public async Task Signed_in_on_the_first_a_form_rendered_by_the_first_is_accepted_by_the_second()
    {
        var (agent, assignmentId) = await AgentWithAssignmentAsync("Agen Dua Server", "agenduaserver");
        var toFirst = _browser.To(_first);
        var toSecond = _browser.To(_second);
        await SignInAsync(toFirst, toFirst, agent.Email);

        // The form comes from the first instance (its antiforgery token, its submission key) and is posted to the second.
        var page = await toFirst.GetHtmlAsync($"/tugas/{assignmentId}/lapor");
        var screenshot = Png.Concat("dua-server"u8.ToArray()).ToArray();
        using var form = ReportForm(page, $"https://x.com/agenduaserver/status/{NextPostId()}", screenshot);
        var posted = await toSecond.PostAsync($"/tugas/{assignmentId}/lapor", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches(@"^/laporan-saya/\d+$", location);

        // The first instance shows the report with the second's flash message (TempData cookie, shared key ring)...
        var shown = WebUtility.HtmlDecode(await toFirst.GetHtmlAsync(location));
        Assert.Contains("Laporan sebaran terkirim dan menunggu verifikasi Humas.", shown);
        Assert.Contains("Pesan Agen Dua Server", shown);
        // ...and serves the screenshot the second stored in the shared folder.
        var reportId = long.Parse(location["/laporan-saya/".Length..], CultureInfo.InvariantCulture);
        var evidence = await toFirst.GetAsync($"/laporan-sebaran/{reportId}/bukti");
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        Assert.Equal(screenshot, await evidence.Content.ReadAsByteArrayAsync());

        var stored = await _first.WithDb(db => db.ShareReports.AsNoTracking().SingleAsync(r => r.AgentId == agent.AgentId));
        Assert.Equal(reportId, stored.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(screenshot)), stored.ScreenshotSha256);

        // Both instances hold the key ring that is in the database, and only that one.
        var inDatabase = await _first.WithDb(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName!).ToListAsync());
        Assert.NotEmpty(inDatabase);
        foreach (var instance in new[] { _first, _second })
        {
            var held = instance.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => "key-" + k.KeyId.ToString("D")).Order();
            Assert.Equal(inDatabase.Order(), held);
        }
    }

    [Fact]
    public async Task A_sign_in_form_from_an_instance_with_its_own_key_ring_is_refused_by_the_pair()
    {
        // The control for the test above: the same round trip across instances that do NOT share keys fails.
        var user = await _first.CreateUserAsync();
        var otherDir = Path.Combine(_dir, "lain");
        Directory.CreateDirectory(otherDir);
        using var stranger = new AppInstance(otherDir);
        using var browser = new LoadBalancer();
        var refused = browser.To(_second);
        var page = await browser.To(stranger).GetHtmlAsync("/akun/masuk");
        var response = await refused.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email!, ["Password"] = AppFactory.Password, ["__af"] = HttpClientExtensions.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // The same browser, the form from the first instance: the second accepts it.
        using var good = new LoadBalancer();
        await SignInAsync(good.To(_first), good.To(_second), user.Email!);
    }

    [Fact]
    public async Task A_share_report_posted_to_both_instances_at_once_is_stored_once()
    {
        var (agent, assignmentId) = await AgentWithAssignmentAsync("Agen Kirim Ganda", "agenkirimganda");
        var toFirst = _browser.To(_first);
        var toSecond = _browser.To(_second);
        await SignInAsync(toFirst, toSecond, agent.Email);

        const int Rounds = 4;
        var locations = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var page = await (round % 2 == 0 ? toFirst : toSecond).GetHtmlAsync($"/tugas/{assignmentId}/lapor");
            var url = $"https://x.com/agenkirimganda/status/{NextPostId()}";
            var screenshot = Png.Concat(BitConverter.GetBytes(round)).ToArray();
            using var a = ReportForm(page, url, screenshot);
            using var b = ReportForm(page, url, screenshot);
            var answers = await Task.WhenAll(toFirst.PostAsync($"/tugas/{assignmentId}/lapor", a), toSecond.PostAsync($"/tugas/{assignmentId}/lapor", b));
            Assert.All(answers, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Equal(answers[0].Headers.Location, answers[1].Headers.Location);
            locations.Add(answers[0].Headers.Location!.OriginalString);
        }

        var reports = await _first.WithDb(db => db.ShareReports.AsNoTracking().Where(r => r.AgentId == agent.AgentId)
            .Select(r => new { r.Id, r.ScreenshotPath, r.ScreenshotSha256 }).ToListAsync());
        Assert.Equal(Rounds, reports.Count);
        Assert.Equal(Rounds, locations.Distinct().Count());
        Assert.Equal(reports.Select(r => "/laporan-saya/" + r.Id.ToString(CultureInfo.InvariantCulture)).Order(), locations.Order());
        // One screenshot file per report in the shared folder: the loser of each race kept none.
        var files = MediaFiles();
        Assert.Equal(Rounds, files.Length);
        Assert.Equal(reports.Select(r => r.ScreenshotSha256).Order(), files.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).Order());
    }

    public void Dispose()
    {
        _browser.Dispose();
        _second.Dispose();
        _first.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
