using ScottPlot;
using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>
/// The embedded faces (Liberation Sans 2 subset to Latin and renamed, see Fonts/make-subset.py), loaded once per process. Skia embeds a font once per SKTypeface instance,
/// so every text (ours and ScottPlot's) must use these same four instances or the PDF grows with each copy.
/// </summary>
public static class PdfFonts
{
    public const string FamilyName = "AgentProgram Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Regular"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Bold"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("Italic"));
    private static readonly Lazy<SKTypeface> BoldItalicFace = new(() => Load("BoldItalic"));
    private static readonly Lock ResolverLock = new();
    private static bool resolverRegistered;

    public static SKTypeface Get(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalicFace.Value,
        (true, false) => BoldFace.Value,
        (false, true) => ItalicFace.Value,
        _ => RegularFace.Value,
    };

    /// <summary>Makes ScottPlot resolve <see cref="FamilyName"/> to the shared faces (idempotent, thread-safe).</summary>
    public static void RegisterWithScottPlot()
    {
        lock (ResolverLock)
        {
            if (resolverRegistered)
            {
                return;
            }
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            resolverRegistered = true;
        }
    }

    private static SKTypeface Load(string face)
    {
        var name = $"AgentProgram.Web.Fonts.AgentProgramSans-{face}.ttf";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        // The typeface keeps its own reference to the native data, so the SKData wrapper can go.
        using var data = SKData.CreateCopy(memory.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Embedded font {name} cannot be read.");
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, FamilyName, StringComparison.OrdinalIgnoreCase) ? Get(bold, italic) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
