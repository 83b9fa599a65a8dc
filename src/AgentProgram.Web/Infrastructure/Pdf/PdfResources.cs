using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>
/// Per-render caches: one SKFont per style with its measured word widths, one SKPaint per colour, one decoded
/// image per byte array. Not thread-safe: each render owns one instance.
/// </summary>
internal sealed class PdfResources : IDisposable
{
    private readonly Dictionary<(bool Bold, bool Italic, float Size), FontEntry> fonts = [];
    private readonly Dictionary<SKColor, SKPaint> fills = [];
    private readonly Dictionary<(SKColor, float), SKPaint> strokes = [];
    private readonly Dictionary<byte[], SKImage?> images = new(ReferenceEqualityComparer.Instance);

    public PdfResources(float lineHeightFactor) => LineHeightFactor = lineHeightFactor;

    public float LineHeightFactor { get; }

    public FontEntry Font(in TextStyle style)
    {
        var key = (style.Bold, style.Italic, style.Size);
        if (!fonts.TryGetValue(key, out var entry))
        {
            entry = new FontEntry(style, LineHeightFactor);
            fonts.Add(key, entry);
        }
        return entry;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!fills.TryGetValue(color, out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
            fills.Add(color, paint);
        }
        return paint;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        if (!strokes.TryGetValue((color, width), out var paint))
        {
            paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
            strokes.Add((color, width), paint);
        }
        return paint;
    }

    /// <summary>The decoded image, shared so the PDF embeds it once; null when the bytes are not an image.</summary>
    public SKImage? Image(byte[] bytes)
    {
        if (!images.TryGetValue(bytes, out var image))
        {
            using var data = SKData.CreateCopy(bytes);
            image = SKImage.FromEncodedData(data);
            images.Add(bytes, image);
        }
        return image;
    }

    public void Dispose()
    {
        foreach (var entry in fonts.Values)
        {
            entry.Dispose();
        }
        foreach (var paint in fills.Values)
        {
            paint.Dispose();
        }
        foreach (var paint in strokes.Values)
        {
            paint.Dispose();
        }
        foreach (var image in images.Values)
        {
            image?.Dispose();
        }
        fonts.Clear();
        fills.Clear();
        strokes.Clear();
        images.Clear();
    }

    internal sealed class FontEntry : IDisposable
    {
        private readonly Dictionary<string, float> widths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public FontEntry(TextStyle style, float lineHeightFactor)
        {
            Font = new SKFont(PdfFonts.Get(style.Bold, style.Italic), style.Size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
            };
            lookup = widths.GetAlternateLookup<ReadOnlySpan<char>>();
            var metrics = Font.Metrics;
            Ascent = -metrics.Ascent;
            Descent = metrics.Descent;
            LineHeight = Math.Max(style.Size * lineHeightFactor, Ascent + Descent);
            SpaceWidth = Font.MeasureText(" ");
        }

        public SKFont Font { get; }

        /// <summary>Distance from the top of the glyph box to the baseline (positive).</summary>
        public float Ascent { get; }

        public float Descent { get; }

        public float LineHeight { get; }

        public float SpaceWidth { get; }

        /// <summary>Width of a word, measured once per font (no string is allocated on a cache hit).</summary>
        public float Measure(ReadOnlySpan<char> word)
        {
            if (lookup.TryGetValue(word, out var width))
            {
                return width;
            }
            width = Font.MeasureText(word);
            lookup[word] = width;
            return width;
        }

        /// <summary>Width of a whole string, not cached (for cells that are mostly unique values).</summary>
        public float MeasureUncached(string text) => Font.MeasureText(text);

        public void Dispose() => Font.Dispose();
    }
}
