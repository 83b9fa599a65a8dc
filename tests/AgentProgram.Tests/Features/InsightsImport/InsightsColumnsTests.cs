using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.InsightsImport;

namespace AgentProgram.Tests.Features.InsightsImport;

/// <summary>The pure parts: number cells, header guessing and platform detection.</summary>
public sealed class InsightsColumnsTests
{
    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1.234", 1234)]
    [InlineData("1,234", 1234)]
    [InlineData("1 234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData(" 0 ", 0)]
    [InlineData("-0", 0)]
    public void Counts_with_thousand_separators_parse(string raw, long expected)
    {
        Assert.Equal(CountParse.Ok, InsightsColumns.ParseCount(raw, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc", CountParse.NotAWholeNumber)]
    [InlineData("12,5", CountParse.NotAWholeNumber)]
    [InlineData("1.2K", CountParse.NotAWholeNumber)]
    [InlineData("1.234,5", CountParse.NotAWholeNumber)]
    [InlineData("1,234.567", CountParse.NotAWholeNumber)]
    [InlineData("-5", CountParse.Negative)]
    [InlineData("-1.234", CountParse.Negative)]
    [InlineData("", CountParse.Empty)]
    [InlineData("  ", CountParse.Empty)]
    [InlineData(null, CountParse.Empty)]
    public void Other_cells_are_not_counts(string? raw, CountParse expected) =>
        Assert.Equal(expected, InsightsColumns.ParseCount(raw, out _));

    [Fact]
    public void English_export_headers_are_recognised()
    {
        var guess = InsightsColumns.Guess(["Post ID", "Permalink", "Description", "Impressions", "Reach", "Likes", "Comments", "Shares", "Saves"]);
        Assert.Equal(1, guess[InsightsField.Link]);
        Assert.Equal(3, guess[InsightsField.Views]);
        Assert.Equal(4, guess[InsightsField.Reach]);
        Assert.Equal(5, guess[InsightsField.Likes]);
        Assert.Equal(6, guess[InsightsField.Comments]);
        Assert.Equal(7, guess[InsightsField.Reposts]);
        Assert.Equal(8, guess[InsightsField.Saves]);
    }

    [Fact]
    public void Indonesian_headers_and_headers_containing_a_known_name_are_recognised()
    {
        var guess = InsightsColumns.Guess(["No", "Tautan Kiriman", "Jumlah Tayangan", "Jangkauan", "SUKA", "komentar", "Dibagikan", "Disimpan"]);
        Assert.Equal(1, guess[InsightsField.Link]);
        Assert.Equal(2, guess[InsightsField.Views]);
        Assert.Equal(3, guess[InsightsField.Reach]);
        Assert.Equal(4, guess[InsightsField.Likes]);
        Assert.Equal(5, guess[InsightsField.Comments]);
        Assert.Equal(6, guess[InsightsField.Reposts]);
        Assert.Equal(7, guess[InsightsField.Saves]);
    }

    [Fact]
    public void Unknown_headers_map_nothing()
    {
        var guess = InsightsColumns.Guess(["Alamat", "Angka", ""]);
        Assert.Empty(guess);
    }

    [Theory]
    [InlineData("https://twitter.com/Agen_Uji/status/1790000000000000001?s=20")]
    [InlineData("https://x.com/agen_uji/status/1790000000000000001/")]
    [InlineData("x.com/i/web/status/1790000000000000001")]
    public void Link_variants_of_one_post_detect_the_same_key(string url)
    {
        var link = InsightsColumns.Detect(url);
        Assert.NotNull(link);
        Assert.Equal(Platform.X, link.Platform);
        Assert.Equal(InsightsColumns.Detect("https://x.com/agen_uji/status/1790000000000000001")!.Key, link.Key);
    }

    [Fact]
    public void Links_of_other_platforms_are_detected_and_others_are_not()
    {
        Assert.Equal(Platform.Instagram, InsightsColumns.Detect("https://instagram.com/p/Cabcde12345?igsh=abc")!.Platform);
        Assert.Equal(Platform.TikTok, InsightsColumns.Detect("https://www.tiktok.com/@agen/video/7350000000000000001")!.Platform);
        Assert.Null(InsightsColumns.Detect("https://example.org/berita/1"));
        Assert.Null(InsightsColumns.Problem("https://example.org/berita/1"));
        Assert.Null(InsightsColumns.Detect("https://www.instagram.com/agen_uji/"));
        Assert.NotNull(InsightsColumns.Problem("https://www.instagram.com/agen_uji/"));
    }
}
