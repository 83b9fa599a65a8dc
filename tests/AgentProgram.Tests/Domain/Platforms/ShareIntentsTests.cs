using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Tests.Domain.Platforms;

public class ShareIntentsTests
{
    private const string Text = "Ayo lapor SPT! 🇮🇩 Mudah & cepat — 100% daring";
    private const string Link = "https://humas.example.go.id/p/42?utm_source=x&utm_medium=asn_agent";

    private const string EncodedText = "Ayo%20lapor%20SPT%21%20%F0%9F%87%AE%F0%9F%87%A9%20Mudah%20%26%20cepat%20%E2%80%94%20100%25%20daring";
    private const string EncodedLink = "https%3A%2F%2Fhumas.example.go.id%2Fp%2F42%3Futm_source%3Dx%26utm_medium%3Dasn_agent";

    private static Dictionary<string, string> Query(string url)
    {
        var query = new Uri(url).Query.TrimStart('?');
        return query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
    }

    [Fact]
    public void X_intent_carries_text_url_and_hashtags_percent_encoded_as_utf8()
    {
        var action = ShareIntents.For(Platform.X, Text, Link, ["#LaporSPT", "Pajak Kita"]);

        Assert.Equal(ShareActionKind.OpenIntent, action.Kind);
        Assert.Equal($"https://x.com/intent/tweet?text={EncodedText}&url={EncodedLink}&hashtags=LaporSPT,PajakKita", action.Url);
        var q = Query(action.Url!);
        Assert.Equal(Text, q["text"]);
        Assert.Equal(Link, q["url"]);
        Assert.Equal("LaporSPT,PajakKita", q["hashtags"]);
    }

    [Fact]
    public void X_leaves_out_empty_parameters_and_hashtags_already_in_the_text()
    {
        var action = ShareIntents.For(Platform.X, "Lapor SPT #laporspt", null, ["LaporSPT", " ", "#"]);

        Assert.Equal("https://x.com/intent/tweet?text=Lapor%20SPT%20%23laporspt", action.Url);
    }

    [Fact]
    public void Hashtags_are_cleaned_and_each_kept_once()
    {
        Assert.Equal(["LaporSPT", "Pajak_2026", "ASNBerAKHLAK"],
            ShareIntents.MissingHashtags("", ["#LaporSPT", "laporspt", "Pajak_2026!", "ASN BerAKHLAK", "##"]));
    }

    [Fact]
    public void Facebook_sharer_takes_only_the_link_and_the_caption_is_for_copying()
    {
        var action = ShareIntents.For(Platform.Facebook, Text, Link, ["LaporSPT"]);

        Assert.Equal($"https://www.facebook.com/sharer/sharer.php?u={EncodedLink}", action.Url);
        Assert.Equal(Text + "\n#LaporSPT", action.CaptionToCopy);
        Assert.Equal(ShareIntents.InstructionFacebook, action.Instruction);
    }

    [Fact]
    public void WhatsApp_puts_the_link_inside_the_text()
    {
        var action = ShareIntents.For(Platform.WhatsApp, Text, Link);

        Assert.Equal($"https://wa.me/?text={EncodedText}%0A{EncodedLink}", action.Url);
        Assert.Equal(Text + "\n" + Link, Query(action.Url!)["text"]);
    }

    [Fact]
    public void LinkedIn_share_offsite_takes_only_the_link()
    {
        var action = ShareIntents.For(Platform.LinkedIn, Text, Link);

        Assert.Equal($"https://www.linkedin.com/sharing/share-offsite/?url={EncodedLink}", action.Url);
        Assert.Equal(ShareIntents.InstructionLinkedIn, action.Instruction);
    }

    [Fact]
    public void Telegram_takes_url_and_text()
    {
        var action = ShareIntents.For(Platform.Telegram, Text, Link, ["LaporSPT"]);

        Assert.Equal($"https://t.me/share/url?url={EncodedLink}&text={EncodedText}%0A%23LaporSPT", action.Url);
    }

    [Fact]
    public void Threads_puts_the_link_inside_the_text()
    {
        var action = ShareIntents.For(Platform.Threads, Text, Link);

        Assert.Equal($"https://www.threads.net/intent/post?text={EncodedText}%0A{EncodedLink}", action.Url);
    }

    [Theory]
    [InlineData(Platform.Instagram, ShareIntents.InstructionInstagram)]
    [InlineData(Platform.TikTok, ShareIntents.InstructionTikTok)]
    [InlineData(Platform.YouTube, ShareIntents.InstructionYouTube)]
    public void Instagram_tiktok_and_youtube_have_no_intent_but_an_instruction(Platform platform, string instruction)
    {
        var action = ShareIntents.For(platform, Text, Link, ["LaporSPT"]);

        Assert.Equal(ShareActionKind.PostInApp, action.Kind);
        Assert.Null(action.Url);
        Assert.False(ShareIntents.HasIntent(platform));
        Assert.Equal(instruction, action.Instruction);
        Assert.StartsWith(Text + "\n#LaporSPT", action.CaptionToCopy, StringComparison.Ordinal);
        Assert.Equal(Link, action.LinkToCopy);
    }

    [Fact]
    public void YouTube_descriptions_carry_the_link_because_links_there_are_clickable_but_instagram_captions_do_not()
    {
        Assert.EndsWith(Link, ShareIntents.For(Platform.YouTube, Text, Link).CaptionToCopy, StringComparison.Ordinal);
        Assert.DoesNotContain(Link, ShareIntents.For(Platform.Instagram, Text, Link).CaptionToCopy, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_platform_gets_an_action()
    {
        foreach (var p in Enum.GetValues<Platform>())
        {
            var action = ShareIntents.For(p, Text, Link);
            Assert.Equal(p, action.Platform);
            Assert.Equal(ShareIntents.HasIntent(p), action.Kind == ShareActionKind.OpenIntent);
            // Only unreserved characters, percent escapes and the query's own delimiters: nothing for a browser or app to re-interpret.
            if (action.Url is not null) Assert.Matches("^https://[A-Za-z0-9._~%/?&=,-]+$", action.Url);
            Assert.False(string.IsNullOrWhiteSpace(action.Instruction));
        }
    }

    [Fact]
    public void Characters_that_would_break_the_query_are_encoded()
    {
        var action = ShareIntents.For(Platform.X, "a&b=c#d?e+f/g", null);

        Assert.Equal("https://x.com/intent/tweet?text=a%26b%3Dc%23d%3Fe%2Bf%2Fg", action.Url);
    }
}
