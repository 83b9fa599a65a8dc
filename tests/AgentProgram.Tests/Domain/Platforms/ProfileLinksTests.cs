using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Tests.Domain.Platforms;

public sealed class ProfileLinksTests
{
    // platform, link as pasted, handle as typed, stored handle, canonical link
    public static TheoryData<Platform, string, string, string, string> ValidLinks => new()
    {
        { Platform.Instagram, "https://www.instagram.com/budi.santoso/", "budi.santoso", "budi.santoso", "https://www.instagram.com/budi.santoso" },
        { Platform.Instagram, "instagram.com/Budi_Santoso?igsh=MWx0eXh4", "@budi_santoso", "budi_santoso", "https://www.instagram.com/budi_santoso" },
        { Platform.Instagram, "http://m.instagram.com/budi.santoso", "BUDI.SANTOSO", "budi.santoso", "https://www.instagram.com/budi.santoso" },
        { Platform.Facebook, "https://www.facebook.com/budi.santoso.77", "budi.santoso.77", "budi.santoso.77", "https://www.facebook.com/budi.santoso.77" },
        { Platform.Facebook, "https://m.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL", "100012345678901", "100012345678901", "https://www.facebook.com/profile.php?id=100012345678901" },
        { Platform.Facebook, "https://web.facebook.com/people/Budi-Santoso/100012345678901/", "100012345678901", "100012345678901", "https://www.facebook.com/profile.php?id=100012345678901" },
        { Platform.X, "https://x.com/BudiSantoso_", "@budisantoso_", "budisantoso_", "https://x.com/budisantoso_" },
        { Platform.X, "https://twitter.com/budisantoso_?s=21", "budisantoso_", "budisantoso_", "https://x.com/budisantoso_" },
        { Platform.X, "mobile.twitter.com/budisantoso_", "BudiSantoso_", "budisantoso_", "https://x.com/budisantoso_" },
        { Platform.TikTok, "https://www.tiktok.com/@budi.santoso?_t=8k", "budi.santoso", "budi.santoso", "https://www.tiktok.com/@budi.santoso" },
        { Platform.TikTok, "tiktok.com/@Budi.Santoso", "@BUDI.santoso", "budi.santoso", "https://www.tiktok.com/@budi.santoso" },
        { Platform.YouTube, "https://www.youtube.com/@BudiSantoso", "budisantoso", "budisantoso", "https://www.youtube.com/@budisantoso" },
        { Platform.YouTube, "https://m.youtube.com/@budisantoso/videos", "@budisantoso", "budisantoso", "https://www.youtube.com/@budisantoso" },
        { Platform.YouTube, "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv", "ucabcdefghijklmnopqrstuv", "ucabcdefghijklmnopqrstuv", "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv" },
        { Platform.WhatsApp, "https://wa.me/6281234567890", "081234567890", "6281234567890", "https://wa.me/6281234567890" },
        { Platform.WhatsApp, "wa.me/+6281234567890", "+62 812-3456-7890", "6281234567890", "https://wa.me/6281234567890" },
        { Platform.WhatsApp, "https://api.whatsapp.com/send?phone=6281234567890", "6281234567890", "6281234567890", "https://wa.me/6281234567890" },
        { Platform.LinkedIn, "https://www.linkedin.com/in/budi-santoso-12a3b4/", "budi-santoso-12a3b4", "budi-santoso-12a3b4", "https://www.linkedin.com/in/budi-santoso-12a3b4" },
        { Platform.LinkedIn, "https://id.linkedin.com/in/Budi-Santoso", "budi-santoso", "budi-santoso", "https://www.linkedin.com/in/budi-santoso" },
        { Platform.Threads, "https://www.threads.net/@budi.santoso", "budi.santoso", "budi.santoso", "https://www.threads.net/@budi.santoso" },
        { Platform.Threads, "https://www.threads.com/@Budi.Santoso?xmt=AQG", "@budi.santoso", "budi.santoso", "https://www.threads.net/@budi.santoso" },
        { Platform.Telegram, "https://t.me/budi_santoso", "@budi_santoso", "budi_santoso", "https://t.me/budi_santoso" },
        { Platform.Telegram, "telegram.me/Budi_Santoso", "budi_santoso", "budi_santoso", "https://t.me/budi_santoso" },
    };

    [Theory]
    [MemberData(nameof(ValidLinks))]
    public void A_profile_link_is_recognised_normalised_and_matches_the_typed_handle(Platform platform, string url, string typed, string handle, string canonical)
    {
        var result = ProfileLinks.Check(platform, url, typed);
        Assert.Null(result.Problem);
        Assert.True(result.IsValid);
        Assert.Equal(platform, result.Link!.Platform);
        Assert.Equal(handle, result.Link.Handle);
        Assert.Equal(canonical, result.Link.Url);
    }

    // The selected platform, and a link of another platform we know.
    public static TheoryData<Platform, string, Platform> WrongPlatform => new()
    {
        { Platform.Instagram, "https://www.tiktok.com/@budi.santoso", Platform.TikTok },
        { Platform.Facebook, "https://www.instagram.com/budi.santoso", Platform.Instagram },
        { Platform.X, "https://www.threads.net/@budi", Platform.Threads },
        { Platform.TikTok, "https://www.youtube.com/@budi", Platform.YouTube },
        { Platform.YouTube, "https://x.com/budi", Platform.X },
        { Platform.WhatsApp, "https://t.me/budi_santoso", Platform.Telegram },
        { Platform.LinkedIn, "https://www.facebook.com/budi.santoso", Platform.Facebook },
        { Platform.Threads, "https://www.instagram.com/budi.santoso", Platform.Instagram },
        { Platform.Telegram, "https://wa.me/6281234567890", Platform.WhatsApp },
    };

    [Theory]
    [MemberData(nameof(WrongPlatform))]
    public void A_link_of_another_platform_says_which_platform_it_is(Platform selected, string url, Platform actual)
    {
        var result = ProfileLinks.Check(selected, url, "budi");
        Assert.False(result.IsValid);
        Assert.Equal(ProfileLinkError.OtherPlatform, result.Problem!.Code);
        Assert.Equal(actual.ToString(), result.Problem.Args[0]);
        Assert.Equal(selected.ToString(), result.Problem.Args[1]);
        Assert.Equal(actual, ProfileLinks.Recognise(url));
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://evilinstagram.com/budi")]
    [InlineData(Platform.Instagram, "https://instagram.com.phish.example/budi")]
    [InlineData(Platform.Facebook, "https://www.example.org/budi")]
    public void Look_alike_and_unknown_hosts_are_refused(Platform platform, string url)
    {
        var result = ProfileLinks.Parse(platform, url);
        Assert.Equal(ProfileLinkError.UnknownHost, result.Problem!.Code);
        Assert.Null(ProfileLinks.Recognise(url));
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/C1a2b3c4d5e/")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/reel/C1a2b3c4d5e/")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/stories/budi.santoso/3300000000000000000/")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/share/p/1AbCdEf/")]
    [InlineData(Platform.Facebook, "https://fb.watch/abc123/")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/profile.php")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/groups/123456")]
    [InlineData(Platform.X, "https://x.com/budi/status/1790000000000000000")]
    [InlineData(Platform.X, "https://x.com/home")]
    [InlineData(Platform.TikTok, "https://vt.tiktok.com/ZSabc123/")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@budi/video/7300000000000000000")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/budi")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData(Platform.YouTube, "https://youtu.be/dQw4w9WgXcQ")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData(Platform.WhatsApp, "https://wa.me/message/ABCDEF123")]
    [InlineData(Platform.WhatsApp, "https://chat.whatsapp.com/AbCdEf")]
    [InlineData(Platform.LinkedIn, "https://www.linkedin.com/company/pemkot-uji")]
    [InlineData(Platform.LinkedIn, "https://lnkd.in/abc")]
    [InlineData(Platform.Threads, "https://www.threads.net/@budi/post/C1a2b3")]
    [InlineData(Platform.Telegram, "https://t.me/+AbCdEfGhIjK")]
    [InlineData(Platform.Telegram, "https://t.me/budi_santoso/123")]
    public void Posts_short_links_and_groups_are_not_profiles(Platform platform, string url)
    {
        var result = ProfileLinks.Parse(platform, url);
        Assert.False(result.IsValid);
        Assert.Equal(ProfileLinkError.NotAProfile, result.Problem!.Code);
        Assert.Equal(ProfileLinks.Example(platform), result.Problem.Args[1]);
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/budi.santoso", "budi_santoso")]  // the _ vs . pitfall
    [InlineData(Platform.Facebook, "https://www.facebook.com/profile.php?id=100012345678901", "budi.santoso")]
    [InlineData(Platform.X, "https://x.com/budisantoso", "budi_santoso")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@budi_santoso", "budi.santoso")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/@budisantoso", "budisantos0")]
    [InlineData(Platform.WhatsApp, "https://wa.me/6281234567890", "081234567891")]
    [InlineData(Platform.LinkedIn, "https://www.linkedin.com/in/budi-santoso", "budisantoso")]
    [InlineData(Platform.Threads, "https://www.threads.net/@budi.santoso", "budi..santoso")]
    [InlineData(Platform.Telegram, "https://t.me/budi_santoso", "budi.santoso")]
    public void A_link_to_another_account_than_the_typed_handle_is_a_mismatch(Platform platform, string url, string typed)
    {
        var result = ProfileLinks.Check(platform, url, typed);
        Assert.False(result.IsValid);
        Assert.Equal(ProfileLinkError.HandleMismatch, result.Problem!.Code);
        Assert.Equal(ProfileLinks.Parse(platform, url).Link!.Handle, result.Problem.Args[0]);
        Assert.Contains("titik (.) dan garis bawah (_)", result.Problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/budi%20santoso")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/" + "abcdefghijabcdefghijabcdefghij1")] // 31 characters
    [InlineData(Platform.X, "https://x.com/budi.santoso")]                                             // no dots on X
    [InlineData(Platform.Telegram, "https://t.me/budi")]                                               // at least 5
    [InlineData(Platform.WhatsApp, "https://wa.me/12345")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/channel/UCshort")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/profile.php?id=abc")]
    public void A_name_the_platform_does_not_allow_is_refused(Platform platform, string url)
    {
        var result = ProfileLinks.Parse(platform, url);
        Assert.Equal(ProfileLinkError.BadHandle, result.Problem!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_link_is_refused(string url) =>
        Assert.Equal(ProfileLinkError.Empty, ProfileLinks.Parse(Platform.Instagram, url).Problem!.Code);

    [Theory]
    [InlineData("budi santoso")]
    [InlineData("ftp://instagram.com/budi")]
    [InlineData("javascript:alert(1)")]
    [InlineData("instagram")]
    public void Text_that_is_not_a_web_link_is_refused(string url) =>
        Assert.Equal(ProfileLinkError.NotAUrl, ProfileLinks.Parse(Platform.Instagram, url).Problem!.Code);

    [Theory]
    [InlineData(Platform.Instagram, "@Budi.Santoso ", "budi.santoso")]
    [InlineData(Platform.X, "  @@BudiSantoso", "budisantoso")]
    [InlineData(Platform.WhatsApp, "0812 3456 7890", "6281234567890")]
    [InlineData(Platform.WhatsApp, "+62-812-3456-7890", "6281234567890")]
    public void Typed_handles_ignore_the_at_sign_case_and_phone_punctuation(Platform platform, string typed, string expected) =>
        Assert.Equal(expected, ProfileLinks.NormalizeHandle(platform, typed));

    [Fact]
    public void Every_platform_has_an_example_that_passes_its_own_check()
    {
        foreach (var platform in Enum.GetValues<Platform>())
        {
            var example = ProfileLinks.Example(platform);
            var parsed = ProfileLinks.Parse(platform, example);
            Assert.True(parsed.IsValid, $"{platform}: {example}");
            Assert.Equal(example, parsed.Link!.Url);
        }
    }

    [Theory]
    [InlineData(Platform.Instagram, "budi.santoso", "@budi.santoso")]
    [InlineData(Platform.WhatsApp, "6281234567890", "+6281234567890")]
    [InlineData(Platform.Facebook, "100012345678901", "100012345678901")]
    [InlineData(Platform.Facebook, "budi.santoso", "@budi.santoso")]
    public void Stored_handles_read_naturally(Platform platform, string handle, string shown) =>
        Assert.Equal(shown, ProfileLinks.DisplayHandle(platform, handle));
}
