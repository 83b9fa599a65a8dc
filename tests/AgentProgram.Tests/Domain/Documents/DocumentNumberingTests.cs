using AgentProgram.Web.Domain.Documents;

namespace AgentProgram.Tests.Domain.Documents;

public sealed class DocumentNumberingTests
{
    [Fact]
    public void Formats_the_issue_example_pattern()
    {
        Assert.Equal("B-7/HM.01/11/2026", DocumentNumbering.Format("B-{seq}/HM.01/{month}/{year}", 7, new DateOnly(2026, 11, 24)));
        Assert.Equal("R-99/IJ/KP.07.6/IV/2020", DocumentNumbering.Format("R-{seq}/IJ/KP.07.6/{month:roman}/{year}", 99, new DateOnly(2020, 4, 2)));
        Assert.Equal("800.1.6.2/1641/BKPSDM-2025", DocumentNumbering.Format("800.1.6.2/{seq}/BKPSDM-{year}", 1641, new DateOnly(2025, 1, 5)));
    }

    [Theory]
    [InlineData("B-{seq}/HM.01")]
    [InlineData("B/HM.01/{year}")]
    [InlineData("")]
    [InlineData(null)]
    public void A_pattern_needs_the_counter_and_the_year(string? pattern) =>
        Assert.Equal(DocumentNumbering.MissingPlaceholders, DocumentNumbering.Problem(pattern)?.Message);

    [Fact]
    public void Unknown_placeholders_are_named()
    {
        var problem = DocumentNumbering.Problem("B-{seq}/{bulan}/{year}");
        Assert.Equal(DocumentNumbering.UnknownPlaceholder, problem?.Message);
        Assert.Equal("{bulan}", problem?.Argument);
        Assert.Null(DocumentNumbering.Problem("B-{seq}/HM.01/{month:roman}/{year}"));
    }

    [Fact]
    public void Every_kind_has_a_valid_default_pattern()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
            Assert.Null(DocumentNumbering.Problem(DocumentNumbering.DefaultPattern(kind)));
    }

    [Fact]
    public void Verification_codes_are_random_and_read_back_as_typed()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => DocumentNumbering.NewVerificationCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(c, DocumentNumbering.NormalizeCode(c)));
        var code = codes[0];
        Assert.Equal(code, DocumentNumbering.NormalizeCode($" {code[..5].ToLowerInvariant()}-{code[5..]} "));
        Assert.Equal("0123456789", DocumentNumbering.NormalizeCode("o12345678 9"[..11].Replace(" ", "", StringComparison.Ordinal)));
        Assert.Equal("1111111111", DocumentNumbering.NormalizeCode("IiLl111111"));
        Assert.Null(DocumentNumbering.NormalizeCode("ABC"));
        Assert.Null(DocumentNumbering.NormalizeCode("ABCDEFGHJK1"));
        Assert.Null(DocumentNumbering.NormalizeCode("ABCDEFGHJ<"));
        Assert.Null(DocumentNumbering.NormalizeCode("ABCDEFGHJU"));
    }
}
