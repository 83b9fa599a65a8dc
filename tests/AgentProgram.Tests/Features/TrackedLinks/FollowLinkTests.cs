using System.Net;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.TrackedLinks;

public sealed class FollowLinkTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Browser = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    private ClickRecorder Recorder => app.Services.GetRequiredService<ClickRecorder>();

    private async Task<(int MessageId, Dictionary<Platform, string> Tokens, string Nip)> SeedAsync(MessageStatus status = MessageStatus.Published, DateTime? until = null)
    {
        var agent = await TrackedLinkSeed.AgentAsync(app, "Siti Rahmawati", null);
        var message = await TrackedLinkSeed.MessageAsync(app, "Vaksinasi gratis", status, activeUntilUtc: until);
        var tokens = await TrackedLinkSeed.LinksAsync(app, message, agent.AgentId, Platform.WhatsApp, Platform.X);
        var nip = await app.WithDb(db => db.Agents.Where(a => a.Id == agent.AgentId).Select(a => a.Employee.Nip).SingleAsync());
        return (message, tokens, nip);
    }

    private static HttpRequestMessage Get(string url, string? userAgent = Browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return request;
    }

    private async Task<List<LinkClick>> ClicksAsync(string token)
    {
        await Recorder.FlushAsync();
        var id = await TrackedLinkSeed.TrackedLinkIdAsync(app, token);
        return await app.WithDb(db => db.LinkClicks.AsNoTracking().Where(c => c.TrackedLinkId == id).ToListAsync());
    }

    [Fact]
    public async Task Redirects_to_the_canonical_page_with_the_four_utm_parameters_and_nothing_personal()
    {
        var (message, tokens, nip) = await SeedAsync();
        var token = tokens[Platform.WhatsApp];

        using var response = await app.Client().SendAsync(Get("/s/" + token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"https://kominfo.kotauji.go.id/berita/vaksin?ref=beranda&utm_source=whatsapp&utm_medium=asn_agent&utm_campaign={message}&utm_content={token}#isi", location);
        Assert.DoesNotContain(nip, location, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", location, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_click_is_stored_with_a_daily_visitor_hash_and_no_address()
    {
        var (_, tokens, _) = await SeedAsync();
        var token = tokens[Platform.X];
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await app.Client().SendAsync(Get("/s/" + token));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var click = Assert.Single(await ClicksAsync(token));
        Assert.False(click.IsBot);
        Assert.Matches("^[0-9a-f]{64}$", click.VisitorHash);
        Assert.InRange(click.OccurredUtc, before, DateTime.UtcNow.AddSeconds(1));
        // Same visitor and day: the same hash again (so unique visitors can be counted).
        using var again = await app.Client().SendAsync(Get("/s/" + token));
        var clicks = await ClicksAsync(token);
        Assert.Equal(2, clicks.Count);
        Assert.Single(clicks.Select(c => c.VisitorHash).Distinct());
        // A different browser is a different visitor.
        using var other = await app.Client().SendAsync(Get("/s/" + token, Browser + " Edg/131.0"));
        Assert.Equal(2, (await ClicksAsync(token)).Select(c => c.VisitorHash).Distinct().Count());

        // The table has no column that could hold an address or a user agent.
        var columns = await app.WithDb(db => db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('LinkClicks')").ToListAsync());
        Assert.Equal(["Id", "IsBot", "OccurredUtc", "TrackedLinkId", "VisitorHash"], columns.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("WhatsApp/2.23.20.0")]
    [InlineData("curl/8.5.0")]
    [InlineData(null)]
    public async Task Bots_and_link_previews_are_redirected_and_flagged(string? userAgent)
    {
        var (_, tokens, _) = await SeedAsync();
        var token = tokens[Platform.WhatsApp];

        using var response = await app.Client().SendAsync(Get("/s/" + token, userAgent));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Assert.Single(await ClicksAsync(token)).IsBot);
    }

    [Theory]
    [InlineData("tidak-ada")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")] // right length, last character not canonical
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // well formed, unknown
    [InlineData("198001012005011001")] // a NIP is never a token
    public async Task Malformed_and_unknown_tokens_answer_the_friendly_page(string token)
    {
        using var response = await app.Client().SendAsync(Get("/s/" + token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tautan ini tidak dikenal atau sudah tidak berlaku", html, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_withdrawn_message_answers_the_friendly_page_with_the_institution_website_and_records_nothing()
    {
        await app.WithDb(async db =>
        {
            var institution = await db.Institutions.FirstOrDefaultAsync();
            if (institution is null)
            {
                institution = new AgentProgram.Web.Domain.Organization.Institution { Name = "Pemerintah Kota Uji", ShortName = "Pemkot Uji" };
                db.Institutions.Add(institution);
            }
            institution.Website = "https://kotauji.go.id";
            await db.SaveChangesAsync();
            return 0;
        });
        app.Services.GetRequiredService<TrackedLinkResolver>().Invalidate();
        var (_, tokens, _) = await SeedAsync(MessageStatus.Withdrawn);
        var token = tokens[Platform.X];

        using var response = await app.Client().SendAsync(Get("/s/" + token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tautan ini tidak dikenal atau sudah tidak berlaku", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://kotauji.go.id\"", html, StringComparison.Ordinal);
        Assert.Empty(await ClicksAsync(token));
    }

    [Fact]
    public async Task A_message_past_its_active_window_answers_the_friendly_page()
    {
        var (_, tokens, _) = await SeedAsync(MessageStatus.Published, until: DateTime.UtcNow.AddMinutes(-1));
        using var response = await app.Client().SendAsync(Get("/s/" + tokens[Platform.X]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_burst_of_2000_concurrent_clicks_is_stored_in_full()
    {
        var (_, tokens, _) = await SeedAsync();
        var client = app.Client();
        var token = tokens[Platform.WhatsApp];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(async () =>
        {
            using var response = await client.SendAsync(Get("/s/" + token, Browser + " n" + i));
            return response.StatusCode;
        })));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var clicks = await ClicksAsync(token);
        Assert.Equal(2000, clicks.Count);
        Assert.Equal(2000, clicks.Select(c => c.VisitorHash).Distinct().Count());
    }
}
