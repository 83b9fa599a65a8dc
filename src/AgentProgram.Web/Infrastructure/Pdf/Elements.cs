using System.Collections;
using QRCoder;
using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>Something that can be laid out into the page flow (QuestPDF's IElement, reduced).</summary>
public abstract class Element
{
    internal abstract void Layout(LayoutContext ctx, float width, List<Fragment> output);
}

internal sealed class LayoutContext(PdfResources resources, PdfTheme theme, float maxBlockHeight)
{
    public PdfResources Resources { get; } = resources;

    public PdfTheme Theme { get; } = theme;

    /// <summary>Content height of an ordinary page: anything taller cannot be kept together.</summary>
    public float MaxBlockHeight { get; } = maxBlockHeight;
}

/// <summary>A laid-out, positioned-later piece of the flow: the unit pagination moves between pages.</summary>
internal abstract class Fragment
{
    public float Height { get; set; }

    /// <summary>Spacing vanishes at the top of a page.</summary>
    public virtual bool DropAtPageTop => false;

    public virtual bool IsPageBreak => false;

    /// <summary>A table header that must precede this fragment on every page it lands on.</summary>
    public Fragment? RepeatHeader { get; set; }

    public bool KeepWithNext { get; set; }

    public abstract void Draw(DrawContext dc, float x, float y);
}

internal readonly record struct Placed(Fragment Fragment, float X, float Y);

internal sealed class SpacerFragment : Fragment
{
    public override bool DropAtPageTop => true;

    public override void Draw(DrawContext dc, float x, float y)
    {
    }
}

internal sealed class PageBreakFragment : Fragment
{
    public static readonly PageBreakFragment Instance = new();

    public override bool IsPageBreak => true;

    public override void Draw(DrawContext dc, float x, float y)
    {
    }
}

/// <summary>Children at fixed offsets, with an optional background and border: moves as one piece.</summary>
internal sealed class BlockFragment : Fragment
{
    public List<Placed> Children { get; } = [];

    public float Width { get; set; }

    public SKColor? Background { get; set; }

    public SKColor? BorderColor { get; set; }

    public float BorderWidth { get; set; }

    public override void Draw(DrawContext dc, float x, float y)
    {
        if (Background is { } bg)
        {
            dc.Canvas.DrawRect(x, y, Width, Height, dc.Resources.Fill(bg));
        }
        foreach (var child in Children)
        {
            child.Fragment.Draw(dc, x + child.X, y + child.Y);
        }
        if (BorderColor is { } border)
        {
            dc.Canvas.DrawRect(x, y, Width, Height, dc.Resources.Stroke(border, BorderWidth));
        }
    }

    public static BlockFragment Stack(List<Fragment> fragments, float width)
    {
        var block = new BlockFragment { Width = width };
        float y = 0;
        foreach (var f in fragments)
        {
            if (f.IsPageBreak)
            {
                continue;
            }
            if (f.RepeatHeader is { } header && (block.Children.Count == 0 || !ReferenceEquals(block.Children[^1].Fragment.RepeatHeader, header)))
            {
                block.Children.Add(new Placed(header, 0, y));
                y += header.Height;
            }
            block.Children.Add(new Placed(f, 0, y));
            y += f.Height;
        }
        block.Height = y;
        return block;
    }
}

internal sealed class TextLineFragment(TextLayout layout, int line, float width, float left) : Fragment
{
    public override void Draw(DrawContext dc, float x, float y) => layout.Draw(dc, x + left, y, width, line, line + 1);
}

internal sealed class TextElement(IReadOnlyList<TextSpan> spans, TextAlign align, bool keepWithNext) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        var layout = TextLayout.Create(ctx.Resources, spans, align, width);
        for (var i = 0; i < layout.LineCount; i++)
        {
            output.Add(new TextLineFragment(layout, i, width, 0)
            {
                Height = layout.LineHeight(i),
                KeepWithNext = keepWithNext || (i == 0 && layout.LineCount > 1),
            });
        }
    }
}

internal sealed class ColumnElement(List<Element> items, float spacingPt) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0 && spacingPt > 0)
            {
                output.Add(new SpacerFragment { Height = spacingPt });
            }
            items[i].Layout(ctx, width, output);
        }
    }
}

internal sealed class SpaceElement(float heightPt) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output) =>
        output.Add(new SpacerFragment { Height = heightPt });
}

internal sealed class PageBreakElement : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output) => output.Add(PageBreakFragment.Instance);
}

internal sealed class KeepTogetherElement(Element content) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        var parts = new List<Fragment>();
        content.Layout(ctx, width, parts);
        float total = 0;
        foreach (var p in parts)
        {
            total += p.Height;
        }
        if (total <= ctx.MaxBlockHeight)
        {
            output.Add(BlockFragment.Stack(parts, width));
        }
        else
        {
            // Taller than a page: it has to flow after all.
            output.AddRange(parts);
        }
    }
}

/// <summary>Padding, background and border around content; never split.</summary>
internal sealed class BoxElement(Element content, float paddingPt, SKColor? background, SKColor? border, float borderWidth) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        var parts = new List<Fragment>();
        content.Layout(ctx, width - (2 * paddingPt), parts);
        var inner = BlockFragment.Stack(parts, width - (2 * paddingPt));
        var block = new BlockFragment
        {
            Width = width,
            Height = inner.Height + (2 * paddingPt),
            Background = background,
            BorderColor = border,
            BorderWidth = borderWidth,
        };
        block.Children.Add(new Placed(inner, paddingPt, paddingPt));
        output.Add(block);
    }
}

internal sealed class RowItem(Element content, float? constantPt, float relative)
{
    public Element Content { get; } = content;

    public float? ConstantPt { get; } = constantPt;

    public float Relative { get; } = relative;
}

/// <summary>Items side by side; the row is one piece. Boxes in a row stretch to the row's height.</summary>
internal sealed class RowElement(List<RowItem> items, float spacingPt) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        float constant = 0, relative = 0;
        foreach (var item in items)
        {
            constant += item.ConstantPt ?? 0;
            relative += item.ConstantPt is null ? item.Relative : 0;
        }
        var free = Math.Max(0, width - constant - (spacingPt * Math.Max(0, items.Count - 1)));
        var row = new BlockFragment { Width = width };
        var x = 0f;
        float height = 0;
        var stretch = new List<BlockFragment>();
        foreach (var item in items)
        {
            var w = item.ConstantPt ?? (relative > 0 ? free * item.Relative / relative : 0);
            var parts = new List<Fragment>();
            item.Content.Layout(ctx, w, parts);
            var block = parts.Count == 1 && parts[0] is BlockFragment single ? single : BlockFragment.Stack(parts, w);
            if (block.Background is not null || block.BorderColor is not null)
            {
                stretch.Add(block);
            }
            row.Children.Add(new Placed(block, x, 0));
            height = Math.Max(height, block.Height);
            x += w + spacingPt;
        }
        foreach (var block in stretch)
        {
            block.Height = height;
        }
        row.Height = height;
        output.Add(row);
    }
}

internal sealed class RuleElement(float thicknessPt, SKColor color, bool doubleRule) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output) =>
        output.Add(new RuleFragment(width, thicknessPt, color, doubleRule) { Height = doubleRule ? thicknessPt + 2.5f : thicknessPt });

    private sealed class RuleFragment(float width, float thickness, SKColor color, bool doubleRule) : Fragment
    {
        public override void Draw(DrawContext dc, float x, float y)
        {
            var paint = dc.Resources.Fill(color);
            dc.Canvas.DrawRect(x, y, width, thickness, paint);
            if (doubleRule)
            {
                dc.Canvas.DrawRect(x, y + thickness + 1.5f, width, 0.75f, paint);
            }
        }
    }
}

internal sealed class ImageElement(byte[] bytes, float boxWidthPt, float boxHeightPt, TextAlign align) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        var image = ctx.Resources.Image(bytes);
        if (image is null)
        {
            output.Add(new SpacerFragment { Height = 0 });
            return;
        }
        var boxW = Math.Min(boxWidthPt, width);
        var scale = Math.Min(boxW / image.Width, boxHeightPt / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var left = align switch
        {
            TextAlign.Center => (width - w) / 2,
            TextAlign.Right => width - w,
            _ => 0,
        };
        output.Add(new ImageFragment(image, left, w) { Height = h });
    }

    private sealed class ImageFragment(SKImage image, float left, float width) : Fragment
    {
        public override void Draw(DrawContext dc, float x, float y) =>
            dc.Canvas.DrawImage(image, SKRect.Create(x + left, y, width, Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }
}

internal sealed class ChartElement(ScottPlot.Plot plot, float widthPt, float heightPt) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        PdfFonts.RegisterWithScottPlot();
        plot.Font.Set(PdfFonts.FamilyName);
        output.Add(new ChartFragment(plot, Math.Min(widthPt, width)) { Height = heightPt });
    }

    private sealed class ChartFragment(ScottPlot.Plot plot, float width) : Fragment
    {
        public override void Draw(DrawContext dc, float x, float y)
        {
            dc.Canvas.Save();
            dc.Canvas.ClipRect(SKRect.Create(x, y, width, Height));
            plot.Render(dc.Canvas, new ScottPlot.PixelRect(new ScottPlot.Pixel(x, y), new ScottPlot.PixelSize(width, Height)));
            dc.Canvas.Restore();
        }
    }
}

/// <summary>A QR code drawn as vector squares (one path), without the quiet zone (leave room around it).</summary>
internal sealed class QrElement(string text, float sizePt) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var core = 21 + (4 * (data.Version - 1));
        var quiet = Math.Max(0, (matrix.Count - core) / 2);
        var size = matrix.Count - (2 * quiet);
        var modules = new bool[size * size];
        for (var r = 0; r < size; r++)
        {
            BitArray row = matrix[r + quiet];
            for (var c = 0; c < size; c++)
            {
                modules[(r * size) + c] = row[c + quiet];
            }
        }
        output.Add(new QrFragment(modules, size, Math.Min(sizePt, width)) { Height = Math.Min(sizePt, width) });
    }

    private sealed class QrFragment(bool[] modules, int size, float sizePt) : Fragment
    {
        public override void Draw(DrawContext dc, float x, float y)
        {
            var m = sizePt / size;
            using var path = new SKPath();
            for (var r = 0; r < size; r++)
            {
                var c = 0;
                while (c < size)
                {
                    if (!modules[(r * size) + c])
                    {
                        c++;
                        continue;
                    }
                    var start = c;
                    while (c < size && modules[(r * size) + c])
                    {
                        c++;
                    }
                    path.AddRect(SKRect.Create(x + (start * m), y + (r * m), (c - start) * m, m));
                }
            }
            dc.Canvas.DrawPath(path, dc.Resources.Fill(SKColors.Black));
        }
    }
}

/// <summary>A key figure tile: label, value and an optional comparison line ("+12% dari periode lalu").</summary>
public sealed record KeyFigure(string Label, string Value, string? Comparison = null);
