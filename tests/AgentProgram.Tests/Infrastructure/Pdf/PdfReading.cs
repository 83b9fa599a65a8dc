using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace AgentProgram.Tests.Infrastructure.Pdf;

/// <summary>Reads generated PDFs in tests: page count, per-page text (words joined by spaces), phrase lookup.</summary>
public sealed partial class PdfReading
{
    private PdfReading(IReadOnlyList<string> pages, IReadOnlyList<(double Width, double Height)> sizes)
    {
        Pages = pages;
        Sizes = sizes;
    }

    public int PageCount => Pages.Count;

    /// <summary>Text of each page (index 0 = page 1), words joined by single spaces.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>Page sizes in points.</summary>
    public IReadOnlyList<(double Width, double Height)> Sizes { get; }

    public static PdfReading Open(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var sizes = new List<(double, double)>();
        foreach (Page page in document.GetPages())
        {
            pages.Add(Normalise(string.Join(' ', page.GetWords().Select(w => w.Text))));
            sizes.Add((page.Width, page.Height));
        }
        return new PdfReading(pages, sizes);
    }

    /// <summary>Whether page <paramref name="pageNumber"/> (1-based) contains the phrase, whitespace normalised.</summary>
    public bool PageContains(int pageNumber, string phrase) =>
        Pages[pageNumber - 1].Contains(Normalise(phrase), StringComparison.Ordinal);

    public bool Contains(string phrase) => Pages.Any(p => p.Contains(Normalise(phrase), StringComparison.Ordinal));

    public static string Normalise(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
