using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>A text style: size in points, face, colour, underline. Cheap to copy; used as a cache key.</summary>
public readonly record struct TextStyle(float Size, bool Bold = false, bool Italic = false, SKColor Color = default, bool Underline = false)
{
    public SKColor EffectiveColor => Color == default ? SKColors.Black : Color;

    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };

    public TextStyle WithItalic(bool italic = true) => this with { Italic = italic };

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public TextStyle WithUnderline(bool underline = true) => this with { Underline = underline };
}

/// <summary>Font sizes, colours and spacing for every document, in one place.</summary>
public sealed record PdfTheme
{
    public static PdfTheme Default { get; } = new();

    public TextStyle Body { get; init; } = new(11.5f);
    public TextStyle Small { get; init; } = new(9f);
    public TextStyle Caption { get; init; } = new(8f, Color: new SKColor(0x55, 0x55, 0x55));
    public TextStyle Heading { get; init; } = new(13f, Bold: true);
    public TextStyle Title { get; init; } = new(14f, Bold: true);
    public TextStyle TableHeader { get; init; } = new(9f, Bold: true);
    public TextStyle TableCell { get; init; } = new(9f);
    public TextStyle TileLabel { get; init; } = new(8.5f, Color: new SKColor(0x44, 0x4B, 0x55));
    public TextStyle TileValue { get; init; } = new(16f, Bold: true, Color: new SKColor(0x0B, 0x3D, 0x6E));
    public TextStyle TileComparison { get; init; } = new(8f, Italic: true, Color: new SKColor(0x44, 0x4B, 0x55));

    public SKColor Primary { get; init; } = new(0x0B, 0x3D, 0x6E);
    public SKColor Border { get; init; } = new(0x80, 0x80, 0x80);
    public SKColor TableHeaderBackground { get; init; } = new(0xE3, 0xE8, 0xEF);
    public SKColor TableStripe { get; init; } = new(0xF5, 0xF7, 0xFA);
    public SKColor TileBackground { get; init; } = new(0xF3, 0xF6, 0xFA);
    public SKColor Watermark { get; init; } = new(0xC0, 0x00, 0x00, 0x38);

    /// <summary>Line height as a multiple of the font size.</summary>
    public float LineHeight { get; init; } = 1.2f;

    /// <summary>Cell padding in tables, in millimetres.</summary>
    public float CellPaddingMm { get; init; } = 1.2f;

    /// <summary>Default vertical space between column items, in millimetres.</summary>
    public float SpacingMm { get; init; } = 2f;

    /// <summary>Space between the header or footer and the content, in millimetres.</summary>
    public float HeaderFooterGapMm { get; init; } = 4f;
}

/// <summary>Millimetre and point conversions (PDF units are points, 1/72 inch).</summary>
public static class Units
{
    public const float PointsPerMm = 72f / 25.4f;

    public static float Mm(float mm) => mm * PointsPerMm;
}

/// <summary>Paper size in millimetres.</summary>
public readonly record struct PaperSize(float WidthMm, float HeightMm)
{
    public static PaperSize A4 { get; } = new(210, 297);

    /// <summary>F4 (folio) as used by many regional governments: 215 × 330 mm.</summary>
    public static PaperSize F4 { get; } = new(215, 330);

    public float WidthPoints => Units.Mm(WidthMm);

    public float HeightPoints => Units.Mm(HeightMm);
}

/// <summary>Paper and margins (millimetres).</summary>
public readonly record struct PageSetup(PaperSize Paper, float TopMm, float RightMm, float BottomMm, float LeftMm)
{
    public static PageSetup Report(PaperSize paper) => new(paper, 20, 20, 20, 20);

    /// <summary>Official letters (DOMAIN.md §9): top 2.5, bottom 3, left 3, right 2.5 cm.</summary>
    public static PageSetup Letter(PaperSize paper) => new(paper, 25, 25, 30, 30);
}

/// <summary>The page being drawn; <see cref="Total"/> is 0 while pages are being laid out.</summary>
public readonly record struct PageInfo(int Number, int Total);
