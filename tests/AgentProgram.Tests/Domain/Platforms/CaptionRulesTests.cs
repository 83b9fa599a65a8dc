using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Tests.Domain.Platforms;

public class CaptionRulesTests
{
    private const string Url = "https://www.pajak.go.id/id/berita/lapor-spt-tahunan-2026-sebelum-31-maret";

    [Fact]
    public void X_text_of_257_characters_and_one_link_is_exactly_280()
    {
        var caption = new string('a', 256) + " " + Url;

        var check = CaptionRules.Measure(Platform.X, caption);

        Assert.Equal(280, check.EffectiveLength);
        Assert.True(check.IsWithinLimit);
        Assert.Equal(1, check.UrlCount);
        Assert.Equal("280 dari 280 karakter (tautan dihitung 23).", check.Message);
    }

    [Fact]
    public void X_text_of_258_characters_and_one_link_is_281_and_refused()
    {
        var caption = new string('a', 257) + " " + Url;

        var check = CaptionRules.Measure(Platform.X, caption);

        Assert.Equal(281, check.EffectiveLength);
        Assert.False(check.IsWithinLimit);
        Assert.Equal(1, check.Excess);
        Assert.Equal(CaptionRules.TooLongShortenedLinks, check.Format);
        Assert.Equal("Keterangan untuk X 281 karakter (tautan dihitung 23); batasnya 280. Persingkat 1 karakter.", check.Message);
    }

    [Fact]
    public void X_counts_every_link_as_23_short_or_long()
    {
        Assert.Equal(23, CaptionRules.Measure(Platform.X, "bit.ly/x").EffectiveLength);
        Assert.Equal(23, CaptionRules.Measure(Platform.X, "https://example.go.id/" + new string('p', 300)).EffectiveLength);
        Assert.Equal(2 * 23 + 10, CaptionRules.Measure(Platform.X, "Baca https://a.go.id dan www.b.com").EffectiveLength);
    }

    [Fact]
    public void X_counts_the_link_the_intent_appends_as_23_plus_the_space_before_it()
    {
        var ok = CaptionRules.Measure(Platform.X, new string('a', 256), appendedLink: "https://humas.example.go.id/p/42?utm_source=x&utm_medium=asn_agent");
        var over = CaptionRules.Measure(Platform.X, new string('a', 257), appendedLink: "https://s.id/x");

        Assert.Equal(280, ok.EffectiveLength);
        Assert.Equal(281, over.EffectiveLength);
        Assert.Equal(1, over.UrlCount);
        Assert.Contains("(tautan dihitung 23)", over.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void X_counts_hashtags_the_intent_appends_with_their_hash_and_space()
    {
        var check = CaptionRules.Measure(Platform.X, new string('a', 270), appendedHashtags: ["LaporSPT", "#Pajak"]);

        // " #LaporSPT" (10) + " #Pajak" (7)
        Assert.Equal(287, check.EffectiveLength);
        Assert.Equal("Keterangan untuk X 287 karakter; batasnya 280. Persingkat 7 karakter.", check.Message);
    }

    [Fact]
    public void X_counts_hashtags_written_in_the_text_as_text()
    {
        Assert.Equal(9, CaptionRules.Measure(Platform.X, "#LaporSPT").EffectiveLength);
    }

    [Theory]
    [InlineData("Ayo", 3)]
    [InlineData("Pajak untuk négeri", 18)]
    [InlineData("🇮🇩", 2)]
    [InlineData("👍", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("👨‍👩‍👧", 2)]
    [InlineData("❤️", 2)]
    [InlineData("中文", 4)]
    [InlineData("a — b", 5)]
    [InlineData("…", 2)]
    public void X_weights_characters_as_x_does(string text, int expected) =>
        Assert.Equal(expected, CaptionRules.Measure(Platform.X, text).EffectiveLength);

    [Fact]
    public void X_weighs_a_decomposed_accent_like_the_composed_letter()
    {
        Assert.Equal(1, CaptionRules.Count("e\u0301", weighted: true));
    }

    [Theory]
    [InlineData(Platform.Instagram, 2_200)]
    [InlineData(Platform.TikTok, 2_200)]
    [InlineData(Platform.Facebook, 63_206)]
    [InlineData(Platform.LinkedIn, 3_000)]
    [InlineData(Platform.Threads, 500)]
    [InlineData(Platform.Telegram, 4_096)]
    [InlineData(Platform.WhatsApp, 65_536)]
    [InlineData(Platform.YouTube, 5_000)]
    [InlineData(Platform.X, 280)]
    public void Limits_per_platform(Platform platform, int limit)
    {
        Assert.Equal(limit, CaptionRules.LimitFor(platform).MaxLength);
        Assert.True(CaptionRules.Measure(platform, new string('a', limit)).IsWithinLimit);
        Assert.False(CaptionRules.Measure(platform, new string('a', limit + 1)).IsWithinLimit);
    }

    [Fact]
    public void Every_platform_has_a_limit()
    {
        Assert.All(Enum.GetValues<Platform>(), p => Assert.True(CaptionRules.LimitFor(p).MaxLength > 0));
    }

    [Fact]
    public void Other_platforms_count_links_in_full_and_no_shortening_note()
    {
        var caption = new string('a', 2_200 - Url.Length) + Url;
        var atLimit = CaptionRules.Measure(Platform.Instagram, caption);
        var over = CaptionRules.Measure(Platform.Instagram, caption + "!");

        Assert.Equal(2_200, atLimit.EffectiveLength);
        Assert.True(atLimit.IsWithinLimit);
        Assert.Equal("Keterangan untuk Instagram 2.201 karakter; batasnya 2.200. Persingkat 1 karakter.", over.Message);
    }

    [Fact]
    public void Other_platforms_count_an_appended_link_in_full_plus_a_separator()
    {
        var check = CaptionRules.Measure(Platform.Threads, new string('a', 400), appendedLink: Url);

        Assert.Equal(400 + 1 + Url.Length, check.EffectiveLength);
        Assert.Equal("474 dari 500 karakter.", check.Message); // the link is 73 characters
    }

    [Fact]
    public void Other_platforms_count_utf16_units_so_an_emoji_counts_two()
    {
        Assert.Equal(4, CaptionRules.Measure(Platform.Instagram, "🇮🇩").EffectiveLength);
        Assert.Equal(3, CaptionRules.Measure(Platform.Instagram, "Ayo").EffectiveLength);
    }

    [Fact]
    public void An_empty_caption_is_zero()
    {
        Assert.Equal(0, CaptionRules.Measure(Platform.X, null).EffectiveLength);
        Assert.Equal(0, CaptionRules.Measure(Platform.X, "").UrlCount);
    }

    [Theory]
    [InlineData("Lihat https://pajak.go.id/spt.", "https://pajak.go.id/spt")]
    [InlineData("(lihat https://pajak.go.id/spt)", "https://pajak.go.id/spt")]
    [InlineData("https://id.wikipedia.org/wiki/Pajak_(ekonomi) ya", "https://id.wikipedia.org/wiki/Pajak_(ekonomi)")]
    [InlineData("Kunjungi www.kemenkeu.go.id!", "www.kemenkeu.go.id")]
    [InlineData("Info di kemenkeu.go.id/pajak, ya", "kemenkeu.go.id/pajak")]
    [InlineData("Daftar di bit.ly/daftar-asn", "bit.ly/daftar-asn")]
    [InlineData("HTTPS://PAJAK.GO.ID", "HTTPS://PAJAK.GO.ID")]
    public void Links_are_found_without_trailing_punctuation(string text, string link)
    {
        var (index, length) = Assert.Single(CaptionRules.FindUrls(text));

        Assert.Equal(link, text.Substring(index, length));
    }

    [Theory]
    [InlineData("Rp1.500.000 untuk 3.000 warga")]
    [InlineData("Drs. H. Ahmad, S.E., M.Si. hadir")]
    [InlineData("Pukul 08.00 WIB")]
    [InlineData("Tanya jawab: pajak,retribusi")]
    public void Numbers_titles_and_times_are_not_links(string text) =>
        Assert.Empty(CaptionRules.FindUrls(text));
}
