using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Features.Home;

/// <summary>An officer's home page leads to their work, with the number waiting in each queue.</summary>
public sealed class HomeWorkCardsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Humas_sees_the_queues_with_their_counts_and_HR_sees_its_own_work()
    {
        await TrackedLinkSeed.MessageAsync(app, "Menunggu persetujuan 1", MessageStatus.Submitted);
        await TrackedLinkSeed.MessageAsync(app, "Menunggu persetujuan 2", MessageStatus.Submitted);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var html = WebUtility.HtmlDecode(await humas.GetHtmlAsync("/"));
        Assert.Equal(4, AgentTestKit.Count(html, "work-card"));
        Assert.Contains("2 menunggu", html);
        // The menu shows the same number beside the messages entry.
        Assert.Contains("2 menunggu", AgentTestKit.TextsOf(html, "nav-queue-count"));
        Assert.Contains("href=\"/pesan?antrean=1\"", html);
        Assert.Contains("href=\"/verifikasi-laporan\"", html);
        Assert.DoesNotContain("href=\"/impor\"", html);

        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        var hrHtml = await hr.GetHtmlAsync("/");
        Assert.Equal(2, AgentTestKit.Count(hrHtml, "work-card"));
        Assert.Equal(0, AgentTestKit.Count(hrHtml, "nav-queue-count"));
        Assert.Contains("href=\"/impor\"", hrHtml);
        Assert.DoesNotContain("href=\"/verifikasi-laporan\"", hrHtml);
    }
}
