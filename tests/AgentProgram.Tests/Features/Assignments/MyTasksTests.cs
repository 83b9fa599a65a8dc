using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Assignments;

/// <summary>The agent's side: Tugas Saya, the assignment page, share actions with tracked links, notifications.</summary>
public sealed class MyTasksTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<int> AssignAsync(int messageId, int agentId, DateTime dueUtc) => await app.WithDb(async db =>
    {
        var a = new Assignment { MessageId = messageId, AgentId = agentId, DueUtc = dueUtc, CreatedUtc = DateTime.UtcNow };
        db.Assignments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    /// <summary>The text of each Tugas Saya card, in page order, with whitespace collapsed.</summary>
    private static List<string> Cards(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"task-card\">(.*?)</article>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")), @"\s+", " ").Trim())];

    [Fact]
    public async Task Home_lists_open_assignments_most_urgent_first_with_platforms_to_do()
    {
        var agent = await app.SeedAgentAsync("Agen Tugas");
        await app.SeedAccountAsync(agent.AgentId, Platform.X, "agentugas");
        await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "agentugas.ig");
        await app.SeedAccountAsync(agent.AgentId, Platform.Facebook, "ditolak", VerificationState.Rejected);
        var later = await TrackedLinkSeed.MessageAsync(app, "Pesan Nanti");
        var soon = await TrackedLinkSeed.MessageAsync(app, "Pesan Segera");
        var closed = await TrackedLinkSeed.MessageAsync(app, "Pesan Ditutup", MessageStatus.Closed);
        await AssignAsync(later, agent.AgentId, DateTime.UtcNow.AddDays(5));
        await AssignAsync(soon, agent.AgentId, DateTime.UtcNow.AddHours(3).AddMinutes(10));
        await AssignAsync(closed, agent.AgentId, DateTime.UtcNow.AddHours(1));

        var client = await app.SignInAsAsync(agent.Email);
        var html = await client.GetHtmlAsync("/");
        var cards = Cards(html);
        Assert.Equal(2, cards.Count);
        Assert.Contains("Pesan Segera", cards[0]);
        Assert.Contains("berakhir 3 jam lagi", cards[0]);
        Assert.Contains("Pesan Nanti", cards[1]);
        Assert.Contains("berakhir 5 hari lagi", cards[1]);
        Assert.Contains("Belum dibagikan ke: Instagram, X", cards[0]);
        Assert.DoesNotContain("Facebook", cards[0]);
        Assert.DoesNotContain("Pesan Ditutup", html);
    }

    [Fact]
    public async Task Assignment_page_gives_each_registered_platform_its_own_tracked_link_and_share_action()
    {
        var agent = await app.SeedAgentAsync("Agen Bagikan");
        await app.SeedAccountAsync(agent.AgentId, Platform.X, "agenbagi", VerificationState.Verified);
        await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, "agenbagi.ig");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Bagikan");
        var id = await AssignAsync(messageId, agent.AgentId, DateTime.UtcNow.AddDays(1));
        var client = await app.SignInAsAsync(agent.Email);

        var page = await client.GetHtmlAsync($"/tugas/{id}");
        var links = await app.WithDb(db => db.TrackedLinks.AsNoTracking().Where(t => t.AssignmentId == id).ToListAsync());
        Assert.Equal(new[] { Platform.Instagram, Platform.X }, links.Select(l => l.Platform).Order());
        var xToken = links.Single(l => l.Platform == Platform.X).Token;
        Assert.True(TrackedLinkToken.IsWellFormed(xToken));
        Assert.Contains("/s/" + xToken, page);
        Assert.DoesNotContain(agent.Nip, page);
        Assert.Contains("share-button-X", page);
        Assert.DoesNotContain("share-button-Instagram", page); // Instagram: download media and copy caption instead
        Assert.Contains("Unduh media dan salin keterangan", page);

        // Opening the page again creates no second link.
        await client.GetHtmlAsync($"/tugas/{id}");
        Assert.Equal(2, await app.WithDb(db => db.TrackedLinks.CountAsync(t => t.AssignmentId == id)));

        // The share button records the use and sends the browser to X's intent carrying the agent's own link.
        var share = await client.PostFormAsync($"/tugas/{id}", $"/tugas/{id}/bagikan", ("platform", "X"));
        Assert.Equal(HttpStatusCode.Redirect, share.StatusCode);
        var target = share.Headers.Location!.ToString();
        Assert.StartsWith("https://x.com/intent/tweet?", target, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/s/" + xToken), target, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDb(db => db.TrackedLinks.Where(t => t.Token == xToken).Select(t => t.OpenedUtc).SingleAsync()));

        var home = await client.GetHtmlAsync("/");
        Assert.Contains("Belum dibagikan ke: Instagram", Cards(home).Single(c => c.Contains("Pesan Bagikan", StringComparison.Ordinal)));

        // The tracked link itself leads to the institution's page.
        var anonymous = app.Client();
        var follow = await anonymous.GetAsync("/s/" + xToken);
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Contains("utm_content=" + xToken, follow.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agents_assignment_is_not_found_and_cannot_be_shared()
    {
        var owner = await app.SeedAgentAsync("Pemilik Tugas");
        await app.SeedAccountAsync(owner.AgentId, Platform.X, "pemiliktugas");
        var other = await app.SeedAgentAsync("Agen Lain");
        await app.SeedAccountAsync(other.AgentId, Platform.X, "agenlainx");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Milik");
        var id = await AssignAsync(messageId, owner.AgentId, DateTime.UtcNow.AddDays(1));

        var client = await app.SignInAsAsync(other.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tugas/{id}")).StatusCode);
        var share = await client.PostFormAsync("/", $"/tugas/{id}/bagikan", ("platform", "X"));
        Assert.Equal(HttpStatusCode.NotFound, share.StatusCode);
        Assert.Equal(0, await app.WithDb(db => db.TrackedLinks.CountAsync(t => t.AssignmentId == id)));
    }

    [Fact]
    public async Task Withdrawing_a_message_ends_its_tracked_links_at_once()
    {
        var agent = await app.SeedAgentAsync("Agen Tarik");
        await app.SeedAccountAsync(agent.AgentId, Platform.WhatsApp, "6281234567890");
        var (_, pimpinan) = await app.StaffAsync(Roles.Pimpinan);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Ditarik Nanti");
        var id = await AssignAsync(messageId, agent.AgentId, DateTime.UtcNow.AddDays(1));
        var client = await app.SignInAsAsync(agent.Email);
        await client.GetHtmlAsync($"/tugas/{id}");
        var token = await app.WithDb(db => db.TrackedLinks.Where(t => t.AssignmentId == id).Select(t => t.Token).SingleAsync());
        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/s/" + token)).StatusCode); // now cached as live

        var withdraw = await pimpinan.PostFormAsync($"/pesan/{messageId}", $"/pesan/{messageId}/tarik", ("Reason", "Data program direvisi."));
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/s/" + token)).StatusCode);
        Assert.Contains("task-closed", await client.GetHtmlAsync($"/tugas/{id}"));
        Assert.DoesNotContain("Pesan Ditarik Nanti", await client.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task Notifications_show_unread_count_open_marks_read_and_stay_private()
    {
        var agent = await app.SeedAgentAsync("Agen Notifikasi");
        var other = await app.SeedAgentAsync("Agen Notifikasi Lain");
        var ids = await app.WithDb(async db =>
        {
            var mine = new Notification { UserId = agent.UserId, Kind = NotificationKind.NewAssignment, Text = "Pesan Satu", Url = "/", CreatedUtc = DateTime.UtcNow };
            var theirs = new Notification { UserId = other.UserId, Kind = NotificationKind.NewAssignment, Text = "Pesan Rahasia", Url = "/", CreatedUtc = DateTime.UtcNow };
            var evil = new Notification { UserId = agent.UserId, Kind = NotificationKind.NewAssignment, Text = "Pesan Dua", Url = "//evil.example", CreatedUtc = DateTime.UtcNow };
            db.Notifications.AddRange(mine, theirs, evil);
            await db.SaveChangesAsync();
            return (Mine: mine.Id, Theirs: theirs.Id, Evil: evil.Id);
        });
        var client = await app.SignInAsAsync(agent.Email);
        var home = await client.GetHtmlAsync("/");
        Assert.Equal("2 belum dibaca", AgentTestKit.TextsOf(home, "unread-count").Single());
        var list = await client.GetHtmlAsync("/notifikasi");
        Assert.Contains("Penugasan baru: Pesan Satu", list);
        Assert.DoesNotContain("Pesan Rahasia", list);

        var open = await client.GetAsync($"/notifikasi/{ids.Mine}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/", open.Headers.Location!.OriginalString);
        var evil = await client.GetAsync($"/notifikasi/{ids.Evil}");
        Assert.Equal("/", evil.Headers.Location!.OriginalString); // never an open redirect
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/notifikasi/{ids.Theirs}")).StatusCode);
        Assert.Null(await app.WithDb(db => db.Notifications.Where(n => n.Id == ids.Theirs).Select(n => n.ReadUtc).SingleAsync()));
        Assert.Equal(0, AgentTestKit.Count(await client.GetHtmlAsync("/"), "unread-count"));
    }

    [Fact]
    public async Task Assigning_through_the_form_notifies_the_agent_who_then_sees_the_task()
    {
        var unit = await app.SeedUnitAsync("Dinas Alur");
        var agent = await app.SeedAgentAsync("Agen Alur", employee: e => e.UnitId = unit.Id);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Alur", MessageStatus.Approved);
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var due = AssignmentTests.LocalInput(DateTime.UtcNow.AddDays(2));
        var done = await humas.PostFormAsync($"/pesan/{messageId}/tugaskan", $"/pesan/{messageId}/tugaskan",
            ("UnitIds", unit.Id.ToString(CultureInfo.InvariantCulture)), ("Due", due), ("Confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var detail = await humas.GetHtmlAsync($"/pesan/{messageId}");
        Assert.Contains("1 agen sudah ditugaskan", detail);

        var client = await app.SignInAsAsync(agent.Email);
        var home = await client.GetHtmlAsync("/");
        Assert.Contains("Pesan Alur", Cards(home).Single());
        Assert.Equal("1 belum dibaca", AgentTestKit.TextsOf(home, "unread-count").Single());
    }
}
