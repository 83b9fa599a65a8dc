using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>A vertical flow of items (QuestPDF's Column). Sizes are in millimetres.</summary>
public sealed class ColumnDescriptor
{
    private readonly List<Element> items = [];
    private float spacingPt;

    internal ColumnDescriptor(PdfTheme theme) => Theme = theme;

    public PdfTheme Theme { get; }

    /// <summary>Space between consecutive items.</summary>
    public ColumnDescriptor ItemSpacing(float mm)
    {
        spacingPt = Units.Mm(mm);
        return this;
    }

    public ColumnDescriptor Text(string text, TextStyle? style = null, TextAlign align = TextAlign.Left, bool keepWithNext = false) =>
        Add(new TextElement([new TextSpan(text, style ?? Theme.Body)], align, keepWithNext));

    /// <summary>A paragraph of mixed spans (bold, italic, sizes) that wraps as one.</summary>
    public ColumnDescriptor Paragraph(Action<ParagraphDescriptor> compose, TextAlign align = TextAlign.Left, TextStyle? baseStyle = null, bool keepWithNext = false)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var paragraph = new ParagraphDescriptor(baseStyle ?? Theme.Body);
        compose(paragraph);
        return Add(new TextElement(paragraph.Spans, align, keepWithNext));
    }

    public ColumnDescriptor Column(Action<ColumnDescriptor> compose) => Add(Compose(compose));

    public ColumnDescriptor Row(Action<RowDescriptor> compose, float spacingMm = 3)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var row = new RowDescriptor(Theme);
        compose(row);
        return Add(new RowElement(row.Items, Units.Mm(spacingMm)));
    }

    public ColumnDescriptor Table(Action<TableDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var table = new TableDescriptor(Theme);
        compose(table);
        return Add(table.Build());
    }

    /// <summary>Key-figure tiles, <paramref name="perRow"/> to a row, all of a row the same height.</summary>
    public ColumnDescriptor KeyFigures(IReadOnlyList<KeyFigure> figures, int perRow = 4)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Column(col =>
        {
            col.ItemSpacing(3);
            for (var start = 0; start < figures.Count; start += perRow)
            {
                var first = start;
                col.Row(row =>
                {
                    for (var i = first; i < first + perRow; i++)
                    {
                        if (i >= figures.Count)
                        {
                            row.RelativeItem().Column(_ => { });
                            continue;
                        }
                        var figure = figures[i];
                        row.RelativeItem().Box(box =>
                        {
                            box.ItemSpacing(1);
                            box.Text(figure.Label, Theme.TileLabel);
                            box.Text(figure.Value, Theme.TileValue);
                            if (figure.Comparison is { Length: > 0 } comparison)
                            {
                                box.Text(comparison, Theme.TileComparison);
                            }
                        }, background: Theme.TileBackground, border: Theme.Border);
                    }
                });
            }
        });
    }

    /// <summary>PNG or JPEG bytes scaled to fit the box, keeping the aspect ratio.</summary>
    public ColumnDescriptor Image(byte[] bytes, float widthMm, float heightMm, TextAlign align = TextAlign.Left)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Add(new ImageElement(bytes, Units.Mm(widthMm), Units.Mm(heightMm), align));
    }

    /// <summary>A ScottPlot plot drawn as vector graphics in a box; the plot's fonts are set to the embedded font.</summary>
    public ColumnDescriptor Chart(ScottPlot.Plot plot, float widthMm, float heightMm)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return Add(new ChartElement(plot, Units.Mm(widthMm), Units.Mm(heightMm)));
    }

    public ColumnDescriptor QrCode(string text, float sizeMm)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(new QrElement(text, Units.Mm(sizeMm)));
    }

    public ColumnDescriptor Space(float mm) => Add(new SpaceElement(Units.Mm(mm)));

    public ColumnDescriptor HorizontalRule(float thicknessPt = 0.75f, SKColor? color = null, bool doubleRule = false) =>
        Add(new RuleElement(thicknessPt, color ?? SKColors.Black, doubleRule));

    public ColumnDescriptor PageBreak() => Add(new PageBreakElement());

    /// <summary>Content that moves to the next page as a whole rather than split (unless taller than a page).</summary>
    public ColumnDescriptor KeepTogether(Action<ColumnDescriptor> compose) => Add(new KeepTogetherElement(Compose(compose)));

    /// <summary>Content with padding, background and border, never split.</summary>
    public ColumnDescriptor Box(Action<ColumnDescriptor> compose, float paddingMm = 2.5f, SKColor? background = null, SKColor? border = null, float borderWidthPt = 0.5f) =>
        Add(new BoxElement(Compose(compose), Units.Mm(paddingMm), background, border, borderWidthPt));

    public ColumnDescriptor Element(Element element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Add(element);
    }

    internal Element Build() => new ColumnElement(items, spacingPt);

    private Element Compose(Action<ColumnDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var column = new ColumnDescriptor(Theme);
        compose(column);
        return column.Build();
    }

    private ColumnDescriptor Add(Element element)
    {
        items.Add(element);
        return this;
    }
}

/// <summary>Spans of one paragraph.</summary>
public sealed class ParagraphDescriptor
{
    internal ParagraphDescriptor(TextStyle baseStyle) => BaseStyle = baseStyle;

    public TextStyle BaseStyle { get; }

    internal List<TextSpan> Spans { get; } = [];

    public ParagraphDescriptor Span(string text, TextStyle? style = null)
    {
        Spans.Add(new TextSpan(text, style ?? BaseStyle));
        return this;
    }

    public ParagraphDescriptor Bold(string text) => Span(text, BaseStyle.WithBold());

    public ParagraphDescriptor Italic(string text) => Span(text, BaseStyle.WithItalic());

    public ParagraphDescriptor BoldItalic(string text) => Span(text, BaseStyle.WithBold().WithItalic());
}

/// <summary>Items side by side (QuestPDF's Row): constant width in millimetres or a relative share of the rest.</summary>
public sealed class RowDescriptor
{
    private readonly PdfTheme theme;

    internal RowDescriptor(PdfTheme theme) => this.theme = theme;

    internal List<RowItem> Items { get; } = [];

    public ColumnDescriptor ConstantItem(float widthMm) => Item(Units.Mm(widthMm), 0);

    public ColumnDescriptor RelativeItem(float weight = 1) => Item(null, weight);

    private ColumnDescriptor Item(float? constantPt, float relative)
    {
        var column = new ColumnDescriptor(theme);
        Items.Add(new RowItem(new DeferredColumn(column), constantPt, relative));
        return column;
    }

    /// <summary>Builds the item's column when laid out, so items filled after RelativeItem() returns count.</summary>
    private sealed class DeferredColumn(ColumnDescriptor column) : Element
    {
        internal override void Layout(LayoutContext ctx, float width, List<Fragment> output) => column.Build().Layout(ctx, width, output);
    }
}
