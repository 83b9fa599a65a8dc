using System.Buffers.Text;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Tests.Domain.Platforms;

public class TrackedLinkTokenTests
{
    [Fact]
    public void A_token_is_22_base64url_characters_of_16_random_bytes()
    {
        var token = TrackedLinkToken.New();

        Assert.Equal(22, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.Equal(16, Base64Url.DecodeFromChars(token).Length);
        Assert.True(TrackedLinkToken.IsWellFormed(token));
    }

    [Fact]
    public void One_hundred_thousand_tokens_are_all_different_and_well_formed()
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100_000; i++)
        {
            var t = TrackedLinkToken.New();
            Assert.True(TrackedLinkToken.IsWellFormed(t), t);
            Assert.True(tokens.Add(t), $"duplicate {t}");
        }

        // Random bytes: every base64url character shows up at the first position.
        Assert.Equal(64, tokens.Select(t => t[0]).Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")]          // 21
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]        // 23
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]       // padded
    [InlineData("AAAAAAAAAAAAAAAAAAAA+A")]         // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAA/A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA%A")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAB")]         // last character not canonical (non-zero unused bits)
    [InlineData("198609262015051001")]             // a NIP
    [InlineData("ÄAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA'A")]
    public void Malformed_tokens_are_rejected(string? token) =>
        Assert.False(TrackedLinkToken.IsWellFormed(token));

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("_-_-_-_-_-_-_-_-_-_-_w")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzg")]
    [InlineData("0123456789abcdefghijkQ")]
    public void Canonical_22_character_tokens_are_accepted(string token) =>
        Assert.True(TrackedLinkToken.IsWellFormed(token));
}

public class TrackedLinksTests
{
    private const string Token = "q1w2e3r4t5y6u7i8o9p0aQ";

    [Fact]
    public void The_target_is_the_canonical_link_with_the_four_utm_parameters()
    {
        var url = TrackedLinks.BuildTarget("https://humas.example.go.id/berita/lapor-spt", Platform.Instagram, 42, Token);

        Assert.Equal($"https://humas.example.go.id/berita/lapor-spt?utm_source=instagram&utm_medium=asn_agent&utm_campaign=42&utm_content={Token}", url);
    }

    [Fact]
    public void The_canonical_query_and_fragment_are_kept_as_written()
    {
        var url = TrackedLinks.BuildTarget("https://x.example.go.id/a?id=5&q=pajak%20daerah#bagian-2", Platform.X, "lapor-spt-2026", Token);

        Assert.Equal($"https://x.example.go.id/a?id=5&q=pajak%20daerah&utm_source=x&utm_medium=asn_agent&utm_campaign=lapor-spt-2026&utm_content={Token}#bagian-2", url);
    }

    [Fact]
    public void Utm_parameters_already_in_the_canonical_link_are_replaced_not_repeated()
    {
        var url = TrackedLinks.BuildTarget("https://a.go.id/p?utm_source=newsletter&ref=home&UTM_CONTENT=old&utm_term=keep", Platform.WhatsApp, 7, Token);

        Assert.Equal($"https://a.go.id/p?ref=home&utm_term=keep&utm_source=whatsapp&utm_medium=asn_agent&utm_campaign=7&utm_content={Token}", url);
    }

    [Fact]
    public void Without_an_agent_token_utm_content_is_left_out()
    {
        Assert.Equal("https://a.go.id/?utm_source=linkedin&utm_medium=asn_agent&utm_campaign=9", TrackedLinks.BuildTarget("https://a.go.id/", Platform.LinkedIn, 9));
    }

    [Fact]
    public void An_empty_query_or_fragment_marker_is_handled()
    {
        Assert.Equal("https://a.go.id/p?utm_source=tiktok&utm_medium=asn_agent&utm_campaign=1#", TrackedLinks.BuildTarget("https://a.go.id/p?#", Platform.TikTok, 1));
    }

    [Fact]
    public void Utm_source_is_the_lower_case_platform_name()
    {
        Assert.Equal(["instagram", "facebook", "x", "tiktok", "youtube", "whatsapp", "linkedin", "threads", "telegram"], Enum.GetValues<Platform>().Select(TrackedLinks.Source));
    }

    [Theory]
    [InlineData("/berita/relative")]
    [InlineData("ftp://a.go.id/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void Only_absolute_http_links_are_accepted(string canonical) =>
        Assert.Throws<ArgumentException>(() => TrackedLinks.BuildTarget(canonical, Platform.X, 1, Token));

    [Theory]
    [InlineData("")]
    [InlineData("lapor spt")]
    [InlineData("-awal")]
    [InlineData("a&b=c")]
    [InlineData("198609262015051001")]
    public void The_campaign_must_be_an_id_or_slug_and_never_nip_shaped(string campaign) =>
        Assert.Throws<ArgumentException>(() => TrackedLinks.BuildTarget("https://a.go.id/", Platform.X, campaign, Token));

    [Theory]
    [InlineData("198609262015051001")]
    [InlineData("budi.santoso@example.go.id")]
    [InlineData("short")]
    public void The_agent_token_must_be_a_well_formed_token(string token) =>
        Assert.Throws<ArgumentException>(() => TrackedLinks.BuildTarget("https://a.go.id/", Platform.X, 1, token));
}

public class VisitorHashTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly DateOnly Day = new(2026, 11, 22);
    private const string Ua = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

    [Fact]
    public void The_hash_is_64_hex_characters_and_stable_within_a_day()
    {
        var a = VisitorHash.Compute("203.0.113.9", Ua, Day, Secret);
        var b = VisitorHash.Compute("203.0.113.9", Ua, Day, Secret);

        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_same_visitor_gets_a_different_hash_the_next_day()
    {
        Assert.NotEqual(VisitorHash.Compute("203.0.113.9", Ua, Day, Secret), VisitorHash.Compute("203.0.113.9", Ua, Day.AddDays(1), Secret));
    }

    [Fact]
    public void Ip_user_agent_and_secret_each_change_the_hash()
    {
        var baseline = VisitorHash.Compute("203.0.113.9", Ua, Day, Secret);
        byte[] otherSecret = [.. Secret.Select(b => (byte)(b + 1))];

        Assert.NotEqual(baseline, VisitorHash.Compute("203.0.113.10", Ua, Day, Secret));
        Assert.NotEqual(baseline, VisitorHash.Compute("203.0.113.9", Ua + " X", Day, Secret));
        Assert.NotEqual(baseline, VisitorHash.Compute("203.0.113.9", Ua, Day, otherSecret));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_collide()
    {
        Assert.NotEqual(VisitorHash.Compute("1.2.3.4", "5", Day, Secret), VisitorHash.Compute("1.2.3.45", "", Day, Secret));
    }

    [Fact]
    public void The_same_address_written_differently_gives_the_same_hash()
    {
        var v4 = VisitorHash.Compute("203.0.113.9", Ua, Day, Secret);

        Assert.Equal(v4, VisitorHash.Compute(" ::ffff:203.0.113.9 ", Ua, Day, Secret));
        Assert.Equal(VisitorHash.Compute("2001:db8::1", Ua, Day, Secret), VisitorHash.Compute("2001:0db8:0000:0000:0000:0000:0000:0001", Ua, Day, Secret));
    }

    [Fact]
    public void The_hash_contains_nothing_of_the_ip()
    {
        var hash = VisitorHash.Compute("203.0.113.9", Ua, Day, Secret);

        Assert.DoesNotContain("203", hash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("203.0.113.9"u8)), hash);
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => VisitorHash.Compute("203.0.113.9", Ua, Day, new byte[16]));
    }
}

public class BotDetectorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")]
    [InlineData("curl/8.4.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Go-http-client/2.0")]
    [InlineData("okhttp/4.12.0")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)")]
    public void Crawlers_previews_and_scripts_are_bots(string? userAgent) =>
        Assert.True(BotDetector.IsBot(userAgent), userAgent);

    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0")]
    [InlineData("Mozilla/5.0 (Linux; Android 12; CPH2387 Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/444.0.0.34.118;]")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0.0.36.107;FBBV/538000000]")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; 2201117TG Build/TKQ1.221114.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 Instagram 312.0.0.32.112 Android")]
    [InlineData("Mozilla/5.0 (Linux; Android 12; V2111 Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile Safari/537.36 musical_ly_2023101030 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/musical_ly app_version/31.1.3 ByteLocale/id ByteFullLocale/id Region/ID BytedanceWebview/d8a21c6")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.15.0")]
    [InlineData("Mozilla/5.0 (Linux; Android 10; CUBOT_X30 Build/QP1A.190711.020) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.104 Mobile Safari/537.36")]
    public void Real_browsers_and_in_app_browsers_are_people(string userAgent) =>
        Assert.False(BotDetector.IsBot(userAgent), userAgent);
}
