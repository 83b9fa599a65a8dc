using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>
/// A table of text cells. The header row repeats at the top of every page the table reaches; a row never splits
/// across pages, except a row taller than a whole page, which is cut between its text lines (each piece repeats
/// the header). Cells hold text only.
/// </summary>
public sealed class TableDescriptor
{
    private readonly PdfTheme theme;
    internal readonly List<(float? ConstantPt, float Relative, TextAlign Align)> Columns = [];
    internal string[]? HeaderCells;
    internal readonly List<TableRow> Rows = [];

    internal TableDescriptor(PdfTheme theme) => this.theme = theme;

    public bool Striped { get; set; } = true;

    public TableDescriptor ConstantColumn(float widthMm, TextAlign align = TextAlign.Left)
    {
        Columns.Add((Units.Mm(widthMm), 0, align));
        return this;
    }

    public TableDescriptor RelativeColumn(float weight = 1, TextAlign align = TextAlign.Left)
    {
        Columns.Add((null, weight, align));
        return this;
    }

    public TableDescriptor Header(params string[] cells)
    {
        HeaderCells = cells;
        return this;
    }

    public TableDescriptor Row(params string[] cells)
    {
        Rows.Add(new TableRow(cells, TableRowKind.Normal));
        return this;
    }

    /// <summary>A bold row (subtotal, total).</summary>
    public TableDescriptor TotalRow(params string[] cells)
    {
        Rows.Add(new TableRow(cells, TableRowKind.Total));
        return this;
    }

    /// <summary>A full-width group caption (e.g. a unit's name); it stays with the row after it.</summary>
    public TableDescriptor SectionRow(string caption)
    {
        Rows.Add(new TableRow([caption], TableRowKind.Section));
        return this;
    }

    internal Element Build() => new TableElement(this, theme);
}

internal enum TableRowKind
{
    Normal,
    Total,
    Section,
}

internal readonly record struct TableRow(string[] Cells, TableRowKind Kind);

internal sealed class TableElement(TableDescriptor table, PdfTheme theme) : Element
{
    internal override void Layout(LayoutContext ctx, float width, List<Fragment> output)
    {
        var shared = new TableShape(table, theme, width);
        TableRowFragment? header = null;
        if (table.HeaderCells is { } headerCells)
        {
            header = shared.MakeRow(ctx.Resources, headerCells, TableRowKind.Normal, theme.TableHeader, theme.TableHeaderBackground, true);
        }
        var available = ctx.MaxBlockHeight - (header?.Height ?? 0);
        var stripe = false;
        foreach (var row in table.Rows)
        {
            TextStyle style;
            SKColor? background;
            if (row.Kind == TableRowKind.Section)
            {
                (style, background) = (theme.TableHeader, theme.TableStripe);
                stripe = false;
            }
            else
            {
                style = row.Kind == TableRowKind.Total ? theme.TableCell.WithBold() : theme.TableCell;
                background = row.Kind == TableRowKind.Total ? theme.TableHeaderBackground : table.Striped && stripe ? theme.TableStripe : null;
                stripe = !stripe;
            }
            // Section rows stay with the next row (kept laid out); body rows keep only their height until drawn.
            var fragment = shared.MakeRow(ctx.Resources, row.Cells, row.Kind, style, background, false, retain: row.Kind == TableRowKind.Section);
            fragment.KeepWithNext = row.Kind == TableRowKind.Section;
            fragment.RepeatHeader = header;
            if (fragment.Height > available && available > 0)
            {
                // Taller than a page (rare): laid out again, kept, and cut into pieces.
                var kept = shared.MakeRow(ctx.Resources, row.Cells, row.Kind, style, background, false);
                foreach (var piece in kept.Split(available))
                {
                    piece.RepeatHeader = header;
                    output.Add(piece);
                }
            }
            else
            {
                output.Add(fragment);
            }
        }
        if (table.Rows.Count == 0 && header is not null)
        {
            output.Add(header);
        }
    }
}

/// <summary>Column positions and paints shared by all rows of one table.</summary>
internal sealed class TableShape
{
    public TableShape(TableDescriptor table, PdfTheme theme, float width)
    {
        var count = table.Columns.Count;
        Lefts = new float[count + 1];
        Widths = new float[count];
        Aligns = new TextAlign[count];
        float constant = 0, relative = 0;
        foreach (var c in table.Columns)
        {
            constant += c.ConstantPt ?? 0;
            relative += c.ConstantPt is null ? c.Relative : 0;
        }
        var free = Math.Max(0, width - constant);
        float x = 0;
        for (var i = 0; i < count; i++)
        {
            var c = table.Columns[i];
            Widths[i] = c.ConstantPt ?? (relative > 0 ? free * c.Relative / relative : 0);
            Aligns[i] = c.Align;
            Lefts[i] = x;
            x += Widths[i];
        }
        Lefts[count] = x;
        Padding = Units.Mm(theme.CellPaddingMm);
        Border = theme.Border;
    }

    public float[] Lefts { get; }

    public float[] Widths { get; }

    public TextAlign[] Aligns { get; }

    public float Padding { get; }

    public SKColor Border { get; }

    /// <summary>
    /// Lays one row out to learn its height. A body row keeps only its texts and lays them out again when it is
    /// drawn (<paramref name="retain"/> false): a long table holds a height per row instead of every cell's words
    /// until the whole document is paginated (80,000 rows: about 300 MB less at the peak, for one more layout per cell).
    /// </summary>
    public TableRowFragment MakeRow(PdfResources res, string[] cells, TableRowKind kind, TextStyle style, SKColor? background, bool isHeader, bool retain = true)
    {
        var spanAll = kind == TableRowKind.Section;
        var layouts = Layouts(res, cells, spanAll, style, isHeader);
        float contentHeight = 0;
        foreach (var layout in layouts)
        {
            contentHeight = Math.Max(contentHeight, layout?.Height ?? 0);
        }
        if (contentHeight == 0)
        {
            contentHeight = res.Font(style).LineHeight;
        }
        var source = retain ? null : new RowSource(cells, style, isHeader);
        return new TableRowFragment(this, retain ? layouts : null, source, spanAll, background, null, null) { Height = contentHeight + (2 * Padding) };
    }

    /// <summary>The cells' text layouts (null for an empty cell); the same texts always give the same layouts.</summary>
    public TextLayout?[] Layouts(PdfResources res, string[] cells, bool spanAll, TextStyle style, bool isHeader)
    {
        var count = spanAll ? 1 : Widths.Length;
        var layouts = new TextLayout?[count];
        for (var i = 0; i < count && i < cells.Length; i++)
        {
            var text = cells[i];
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var cellWidth = (spanAll ? Lefts[^1] : Widths[i]) - (2 * Padding);
            var align = isHeader ? TextAlign.Center : spanAll ? TextAlign.Left : Aligns[i];
            layouts[i] = TextLayout.Create(res, text, style, align, Math.Max(1, cellWidth));
        }
        return layouts;
    }
}

/// <summary>What a row that does not keep its layouts is drawn from.</summary>
internal sealed record RowSource(string[] Cells, TextStyle Style, bool IsHeader);

internal sealed class TableRowFragment(TableShape shape, TextLayout?[]? layouts, RowSource? source, bool spanAll, SKColor? background, int[]? from, int[]? to) : Fragment
{
    public override void Draw(DrawContext dc, float x, float y)
    {
        var cells = layouts ?? shape.Layouts(dc.Resources, source!.Cells, spanAll, source.Style, source.IsHeader);
        var width = shape.Lefts[^1];
        var canvas = dc.Canvas;
        if (background is { } bg)
        {
            canvas.DrawRect(x, y, width, Height, dc.Resources.Fill(bg));
        }
        for (var i = 0; i < cells.Length; i++)
        {
            var layout = cells[i];
            if (layout is null)
            {
                continue;
            }
            var cellWidth = (spanAll ? width : shape.Widths[i]) - (2 * shape.Padding);
            var first = from?[i] ?? 0;
            var last = to?[i] ?? layout.LineCount;
            layout.Draw(dc, x + shape.Lefts[i] + shape.Padding, y + shape.Padding, cellWidth, first, last);
        }
        var stroke = dc.Resources.Stroke(shape.Border, 0.5f);
        canvas.DrawLine(x, y, x + width, y, stroke);
        canvas.DrawLine(x, y + Height, x + width, y + Height, stroke);
        if (spanAll)
        {
            canvas.DrawLine(x, y, x, y + Height, stroke);
            canvas.DrawLine(x + width, y, x + width, y + Height, stroke);
            return;
        }
        foreach (var left in shape.Lefts)
        {
            canvas.DrawLine(x + left, y, x + left, y + Height, stroke);
        }
    }

    /// <summary>Cuts a row taller than a page into pieces of at most <paramref name="available"/> points.</summary>
    public List<TableRowFragment> Split(float available)
    {
        var cells = layouts ?? throw new InvalidOperationException("Only a row that keeps its layouts can be split.");
        var pieces = new List<TableRowFragment>();
        var starts = new int[cells.Length];
        var room = available - (2 * shape.Padding);
        while (true)
        {
            var ends = new int[cells.Length];
            float tallest = 0;
            var more = false;
            for (var i = 0; i < cells.Length; i++)
            {
                var layout = cells[i];
                if (layout is null)
                {
                    continue;
                }
                var end = starts[i];
                float h = 0;
                while (end < layout.LineCount && (h + layout.LineHeight(end) <= room || end == starts[i]))
                {
                    h += layout.LineHeight(end);
                    end++;
                }
                ends[i] = end;
                tallest = Math.Max(tallest, h);
                more |= end < layout.LineCount;
            }
            pieces.Add(new TableRowFragment(shape, cells, null, spanAll, background, (int[])starts.Clone(), ends) { Height = tallest + (2 * shape.Padding) });
            if (!more)
            {
                return pieces;
            }
            starts = ends;
        }
    }
}
