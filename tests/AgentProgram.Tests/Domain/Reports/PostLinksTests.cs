using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class PostLinksTests
{
    // platform, link as pasted, claim key, handle in the link (or null), needs resolving
    public static TheoryData<Platform, string, string, string?, bool> ValidLinks => new()
    {
        // Instagram: /p/, /reel/, /tv/ share one code space; stories carry the user.
        { Platform.Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/", "instagram:media:C1a2B3c4D5e", null, false },
        { Platform.Instagram, "instagram.com/reel/C1a2B3c4D5e?igsh=MWx0eXh4", "instagram:media:C1a2B3c4D5e", null, false },
        { Platform.Instagram, "http://m.instagram.com/tv/C1a2B3c4D5e", "instagram:media:C1a2B3c4D5e", null, false },
        { Platform.Instagram, "https://www.instagram.com/Budi.Santoso/p/C1a2B3c4D5e/", "instagram:media:C1a2B3c4D5e", "budi.santoso", false },
        { Platform.Instagram, "https://www.instagram.com/stories/Budi.Santoso/3312345678901234567/?utm_source=ig_story_item_share", "instagram:story:3312345678901234567", "budi.santoso", false },
        // TikTok: full links carry the user; short links do not and must be opened.
        { Platform.TikTok, "https://www.tiktok.com/@Budi.Santoso/video/7350000000000000001?is_from_webapp=1&sender_device=pc", "tiktok:video:7350000000000000001", "budi.santoso", false },
        { Platform.TikTok, "https://m.tiktok.com/@budi.santoso/photo/7350000000000000002", "tiktok:video:7350000000000000002", "budi.santoso", false },
        { Platform.TikTok, "https://vt.tiktok.com/ZSabc123/", "tiktok:short:ZSabc123", null, true },
        { Platform.TikTok, "vm.tiktok.com/ZMabc123", "tiktok:short:ZMabc123", null, true },
        { Platform.TikTok, "https://www.tiktok.com/t/ZTabc123/", "tiktok:short:ZTabc123", null, true },
        // X
        { Platform.X, "https://x.com/BudiSantoso_/status/1790000000000000000", "x:status:1790000000000000000", "budisantoso_", false },
        { Platform.X, "https://twitter.com/budisantoso_/status/1790000000000000000?s=20&t=abc", "x:status:1790000000000000000", "budisantoso_", false },
        { Platform.X, "https://mobile.twitter.com/budisantoso_/status/1790000000000000000/photo/1", "x:status:1790000000000000000", "budisantoso_", false },
        { Platform.X, "https://x.com/i/status/1790000000000000000", "x:status:1790000000000000000", null, false },
        { Platform.X, "https://x.com/i/web/status/1790000000000000000", "x:status:1790000000000000000", null, false },
        // Facebook
        { Platform.Facebook, "https://www.facebook.com/budi.santoso.77/posts/pfbid0AbCdEfGhIjKlMnOpQrStUvWxYz123", "facebook:post:pfbid0AbCdEfGhIjKlMnOpQrStUvWxYz123", "budi.santoso.77", false },
        { Platform.Facebook, "https://m.facebook.com/Budi.Santoso.77/posts/1234567890123456/?mibextid=ZbWKwL", "facebook:post:1234567890123456", "budi.santoso.77", false },
        { Platform.Facebook, "https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100012345678901", "facebook:post:1234567890123456", "100012345678901", false },
        { Platform.Facebook, "https://m.facebook.com/story.php?story_fbid=1234567890123456&id=100012345678901", "facebook:post:1234567890123456", "100012345678901", false },
        { Platform.Facebook, "https://www.facebook.com/groups/asnberakhlak/posts/1234567890123456/", "facebook:post:1234567890123456", null, false },
        { Platform.Facebook, "https://www.facebook.com/share/p/1AbCdEfGhI/", "facebook:share:1AbCdEfGhI", null, true },
        { Platform.Facebook, "https://www.facebook.com/share/r/1AbCdEfGhI/", "facebook:share:1AbCdEfGhI", null, true },
        { Platform.Facebook, "https://www.facebook.com/reel/1234567890123456", "facebook:video:1234567890123456", null, false },
        { Platform.Facebook, "https://www.facebook.com/watch/?v=1234567890123456", "facebook:video:1234567890123456", null, false },
        { Platform.Facebook, "https://www.facebook.com/budi.santoso.77/videos/1234567890123456/", "facebook:video:1234567890123456", "budi.santoso.77", false },
        { Platform.Facebook, "https://www.facebook.com/photo/?fbid=1234567890123456&set=a.123", "facebook:photo:1234567890123456", null, false },
        { Platform.Facebook, "https://fb.watch/qRsTuV1234/", "facebook:watch:qRsTuV1234", null, true },
        // YouTube: one key for watch, youtu.be, shorts, live.
        { Platform.YouTube, "https://www.youtube.com/watch?v=AbCdEfGh123&t=42s", "youtube:video:AbCdEfGh123", null, false },
        { Platform.YouTube, "https://m.youtube.com/watch?feature=share&v=AbCdEfGh123", "youtube:video:AbCdEfGh123", null, false },
        { Platform.YouTube, "https://youtu.be/AbCdEfGh123?si=xyz", "youtube:video:AbCdEfGh123", null, false },
        { Platform.YouTube, "https://www.youtube.com/shorts/AbCdEfGh123", "youtube:video:AbCdEfGh123", null, false },
        { Platform.YouTube, "https://www.youtube.com/live/AbCdEfGh123?feature=shared", "youtube:video:AbCdEfGh123", null, false },
        // LinkedIn
        { Platform.LinkedIn, "https://www.linkedin.com/posts/budi-santoso-12a3b4_asnberakhlak-pelayananpublik-activity-7190000000000000000-AbCd?utm_source=share", "linkedin:activity:7190000000000000000", "budi-santoso-12a3b4", false },
        { Platform.LinkedIn, "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/", "linkedin:activity:7190000000000000000", null, false },
        { Platform.LinkedIn, "https://id.linkedin.com/posts/budi-santoso_judul-ugcPost-7190000000000000001-Xy_z", "linkedin:ugcpost:7190000000000000001", "budi-santoso", false },
        // Threads: .net and .com are one site.
        { Platform.Threads, "https://www.threads.net/@Budi.Santoso/post/C1a2B3c4D5e", "threads:post:C1a2B3c4D5e", "budi.santoso", false },
        { Platform.Threads, "https://www.threads.com/@budi.santoso/post/C1a2B3c4D5e?xmt=AQG", "threads:post:C1a2B3c4D5e", "budi.santoso", false },
        // Telegram
        { Platform.Telegram, "https://t.me/Humas_Kemenkeu/1234", "telegram:humas_kemenkeu:1234", "humas_kemenkeu", false },
        { Platform.Telegram, "t.me/s/humas_kemenkeu/1234", "telegram:humas_kemenkeu:1234", "humas_kemenkeu", false },
        { Platform.Telegram, "https://t.me/c/1234567890/55", "telegram:c1234567890:55", null, false },
    };

    [Theory]
    [MemberData(nameof(ValidLinks))]
    public void A_post_link_is_recognised_with_its_claim_key_and_handle(Platform platform, string url, string key, string? handle, bool needsResolving)
    {
        var result = PostLinks.Parse(platform, url);

        Assert.Null(result.Problem);
        Assert.True(result.IsValid);
        Assert.Equal(platform, result.Link!.Platform);
        Assert.Equal(key, result.Link.Key);
        Assert.Equal(handle, result.Link.Handle);
        Assert.Equal(needsResolving, result.Link.NeedsResolving);
        Assert.True(result.Link.Key.Length <= PostLinks.MaxKeyLength);
        // The canonical URL is itself a valid link with the same key.
        Assert.Equal(key, PostLinks.Parse(platform, result.Link.Url).Link?.Key);
    }

    // The same post written differently: every variant gives one key, so it can be claimed once.
    public static TheoryData<Platform, string[]> SamePost => new()
    {
        {
            Platform.X,
            [
                "https://x.com/budisantoso_/status/1790000000000000000",
                "https://twitter.com/budisantoso_/status/1790000000000000000",
                "http://www.twitter.com/BudiSantoso_/status/1790000000000000000/",
                "x.com/budisantoso_/status/1790000000000000000?s=46&t=Q1w2",
                "https://x.com/i/status/1790000000000000000",
                "https://x.com/nama_baru/status/1790000000000000000#reply",
            ]
        },
        {
            Platform.Instagram,
            [
                "https://www.instagram.com/p/C1a2B3c4D5e/",
                "https://instagram.com/p/C1a2B3c4D5e",
                "https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=abc",
                "https://www.instagram.com/budi.santoso/reel/C1a2B3c4D5e/",
            ]
        },
        {
            Platform.YouTube,
            [
                "https://www.youtube.com/watch?v=AbCdEfGh123",
                "https://youtu.be/AbCdEfGh123",
                "https://youtube.com/shorts/AbCdEfGh123?si=abc",
                "https://m.youtube.com/watch?v=AbCdEfGh123#t=10",
            ]
        },
        {
            Platform.Facebook,
            [
                "https://www.facebook.com/budi.santoso.77/posts/1234567890123456",
                "https://web.facebook.com/budi.santoso.77/posts/1234567890123456/",
                "https://www.facebook.com/permalink.php?story_fbid=1234567890123456&id=100012345678901",
            ]
        },
        {
            Platform.LinkedIn,
            [
                "https://www.linkedin.com/posts/budi-santoso_judul-activity-7190000000000000000-AbCd",
                "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000",
            ]
        },
        { Platform.Threads, ["https://www.threads.net/@budi.santoso/post/C1a2B3c4D5e", "https://threads.com/@budi.santoso/post/C1a2B3c4D5e/"] },
        { Platform.TikTok, ["https://www.tiktok.com/@budi.santoso/video/7350000000000000001", "https://tiktok.com/@Budi.Santoso/video/7350000000000000001/?lang=id"] },
        { Platform.Telegram, ["https://t.me/humas_kemenkeu/1234", "https://telegram.me/Humas_Kemenkeu/1234", "https://t.me/s/humas_kemenkeu/1234?single"] },
    };

    [Theory]
    [MemberData(nameof(SamePost))]
    public void Variants_of_one_post_give_the_same_claim_key(Platform platform, string[] urls)
    {
        var keys = urls.Select(u => PostLinks.Parse(platform, u)).Select(r => r.Link?.Key).ToList();

        Assert.DoesNotContain(null, keys);
        Assert.Single(keys.Distinct());
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/p/c1a2b3c4d5e/")]
    [InlineData(Platform.YouTube, "https://youtu.be/AbCdEfGh123", "https://youtu.be/abcdefgh123")]
    [InlineData(Platform.X, "https://x.com/budi/status/1790000000000000000", "https://x.com/budi/status/1790000000000000001")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/stories/budi/3312345678901234567")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/reel/1234567890123456", "https://www.facebook.com/photo/?fbid=1234567890123456")]
    [InlineData(Platform.Telegram, "https://t.me/humas_kemenkeu/1234", "https://t.me/humas_lainnya/1234")]
    public void Different_posts_give_different_keys(Platform platform, string first, string second)
    {
        var a = PostLinks.Parse(platform, first).Link!.Key;
        var b = PostLinks.Parse(platform, second).Link!.Key;

        Assert.NotEqual(a, b);
    }

    // platform, link, expected error
    public static TheoryData<Platform, string?, PostLinkError> InvalidLinks => new()
    {
        { Platform.Instagram, null, PostLinkError.Empty },
        { Platform.Instagram, "   ", PostLinkError.Empty },
        { Platform.Instagram, "postingan saya kemarin", PostLinkError.NotAUrl },
        { Platform.Instagram, "ftp://instagram.com/p/C1a2B3c4D5e", PostLinkError.NotAUrl },
        { Platform.Instagram, "https://evilinstagram.com/p/C1a2B3c4D5e", PostLinkError.UnknownHost },
        { Platform.Instagram, "https://kemenkeu.go.id/berita/1", PostLinkError.UnknownHost },
        { Platform.Instagram, "https://www.tiktok.com/@budi/video/7350000000000000001", PostLinkError.OtherPlatform },
        { Platform.X, "https://www.threads.net/@budi/post/C1a2B3c4D5e", PostLinkError.OtherPlatform },
        // Profiles and other pages are not posts.
        { Platform.Instagram, "https://www.instagram.com/budi.santoso/", PostLinkError.NotAPost },
        { Platform.Instagram, "https://www.instagram.com/explore/tags/asn/", PostLinkError.NotAPost },
        { Platform.Instagram, "https://www.instagram.com/stories/highlights/17900000000000000/", PostLinkError.NotAPost },
        { Platform.TikTok, "https://www.tiktok.com/@budi.santoso", PostLinkError.NotAPost },
        { Platform.X, "https://x.com/budisantoso_", PostLinkError.NotAPost },
        { Platform.X, "https://x.com/home", PostLinkError.NotAPost },
        { Platform.Facebook, "https://www.facebook.com/budi.santoso.77", PostLinkError.NotAPost },
        { Platform.Facebook, "https://www.facebook.com/permalink.php?id=100012345678901", PostLinkError.NotAPost },
        { Platform.YouTube, "https://www.youtube.com/@budisantoso", PostLinkError.NotAPost },
        { Platform.YouTube, "https://www.youtube.com/watch?list=PL123", PostLinkError.NotAPost },
        { Platform.LinkedIn, "https://www.linkedin.com/in/budi-santoso", PostLinkError.NotAPost },
        { Platform.Threads, "https://www.threads.net/@budi.santoso", PostLinkError.NotAPost },
        { Platform.Telegram, "https://t.me/humas_kemenkeu", PostLinkError.NotAPost },
        // Ids cut short or malformed.
        { Platform.Instagram, "https://www.instagram.com/p/C1/", PostLinkError.BadId },
        { Platform.TikTok, "https://www.tiktok.com/@budi.santoso/video/12345", PostLinkError.BadId },
        { Platform.X, "https://x.com/budisantoso_/status/17900000abc", PostLinkError.BadId },
        { Platform.X, "https://x.com/budi-santoso/status/1790000000000000000", PostLinkError.BadId },
        { Platform.YouTube, "https://youtu.be/AbCdEf", PostLinkError.BadId },
        { Platform.YouTube, "https://www.youtube.com/watch?v=AbCdEfGh123456", PostLinkError.BadId },
        { Platform.Facebook, "https://www.facebook.com/budi/posts/abc", PostLinkError.BadId },
        { Platform.LinkedIn, "https://www.linkedin.com/posts/budi-santoso_judul-tanpa-nomor", PostLinkError.BadId },
        { Platform.LinkedIn, "https://www.linkedin.com/feed/update/urn:li:activity:12", PostLinkError.BadId },
        { Platform.Telegram, "https://t.me/humas_kemenkeu/abc", PostLinkError.BadId },
        // Generic short links hide the post.
        { Platform.X, "https://t.co/AbCdEf1234", PostLinkError.ForeignShortLink },
        { Platform.LinkedIn, "https://lnkd.in/gAbCdEf", PostLinkError.ForeignShortLink },
        { Platform.Facebook, "https://fb.me/e/AbCdEf", PostLinkError.ForeignShortLink },
        // WhatsApp Status has no public link.
        { Platform.WhatsApp, "https://wa.me/6281234567890", PostLinkError.NoPublicLink },
        { Platform.WhatsApp, null, PostLinkError.NoPublicLink },
    };

    [Theory]
    [MemberData(nameof(InvalidLinks))]
    public void An_invalid_link_is_refused_with_what_to_fix(Platform platform, string? url, PostLinkError error)
    {
        var result = PostLinks.Parse(platform, url);

        Assert.False(result.IsValid);
        Assert.Null(result.Link);
        Assert.Equal(error, result.Problem!.Code);
        var text = result.Problem.ToIndonesian();
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        // Every message except WhatsApp's shows a valid link of the platform to copy.
        if (platform != Platform.WhatsApp)
        {
            Assert.Contains(PostLinks.Example(platform), text, StringComparison.Ordinal);
            Assert.True(PostLinks.Parse(platform, PostLinks.Example(platform)).IsValid);
        }
    }

    [Fact]
    public void Only_WhatsApp_reports_carry_no_link()
    {
        foreach (var platform in Enum.GetValues<Platform>())
        {
            Assert.Equal(platform != Platform.WhatsApp, PostLinks.RequiresLink(platform));
            Assert.Equal(platform == Platform.WhatsApp, PostLinks.Example(platform).Length == 0);
        }
    }

    [Fact]
    public void A_story_is_24_hour_content_and_a_reel_a_video()
    {
        Assert.Equal(PostKind.Story, PostLinks.Parse(Platform.Instagram, "https://www.instagram.com/stories/budi/3312345678901234567").Link!.Kind);
        Assert.Equal(PostKind.Video, PostLinks.Parse(Platform.Instagram, "https://www.instagram.com/reel/C1a2B3c4D5e/").Link!.Kind);
        Assert.Equal(PostKind.Post, PostLinks.Parse(Platform.Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/").Link!.Kind);
    }

    [Fact]
    public void The_handle_in_a_link_compares_equal_to_the_registered_profile_handle()
    {
        var profile = ProfileLinks.Parse(Platform.TikTok, "https://www.tiktok.com/@Budi.Santoso").Link!;
        var post = PostLinks.Parse(Platform.TikTok, "https://www.tiktok.com/@BUDI.SANTOSO/video/7350000000000000001").Link!;

        Assert.Equal(profile.Handle, post.Handle);
    }

    [Fact]
    public void A_canonical_url_is_https_without_query_noise()
    {
        var link = PostLinks.Parse(Platform.X, "http://mobile.twitter.com/BudiSantoso_/status/1790000000000000000?s=20").Link!;

        Assert.Equal("https://x.com/budisantoso_/status/1790000000000000000", link.Url);
    }
}
