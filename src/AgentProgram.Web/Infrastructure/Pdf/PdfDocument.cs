using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf;

/// <summary>
/// A document: metadata and page sections, each with a header, content and footer (QuestPDF's Document.Create).
/// Generation is two-pass: every section is laid out into pages first, then pages are drawn one by one, streamed
/// to the output, with the total page count known to headers and footers.
/// </summary>
public sealed class PdfDocument
{
    private readonly DocumentDescriptor descriptor;

    private PdfDocument(DocumentDescriptor descriptor) => this.descriptor = descriptor;

    /// <summary>Pages in the last generation.</summary>
    public int PageCount { get; private set; }

    public static PdfDocument Create(Action<DocumentDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var descriptor = new DocumentDescriptor();
        compose(descriptor);
        return new PdfDocument(descriptor);
    }

    public byte[] GeneratePdf()
    {
        using var stream = new MemoryStream();
        GeneratePdf(stream);
        return stream.ToArray();
    }

    public void GeneratePdf(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var theme = descriptor.ThemeValue;
        using var resources = new PdfResources(theme.LineHeight);
        var pages = new List<PageLayout>();
        var partStart = 0;
        foreach (var section in descriptor.Sections)
        {
            if (section.RestartsNumbering && pages.Count > 0)
            {
                CloseNumberingPart(pages, partStart);
                partStart = pages.Count;
            }
            Paginate(section, resources, theme, pages, partStart);
        }
        CloseNumberingPart(pages, partStart);
        PageCount = pages.Count;

        var metadata = new SKDocumentPdfMetadata
        {
            Title = descriptor.Title ?? string.Empty,
            Author = descriptor.Author ?? string.Empty,
            Subject = descriptor.Subject ?? string.Empty,
            Creator = "AgentProgram",
            Producer = "AgentProgram",
            Creation = descriptor.Timestamp,
            Modified = descriptor.Timestamp,
            RasterDpi = 150,
            EncodingQuality = 90,
        };
        using var skStream = new SKManagedWStream(output);
        using var document = SKDocument.CreatePdf(skStream, metadata);
        foreach (var page in pages)
        {
            var section = page.Section;
            var setup = section.SetupValue;
            var info = new PageInfo(page.Number, page.PartTotal);
            var canvas = document.BeginPage(setup.Paper.WidthPoints, setup.Paper.HeightPoints);
            var dc = new DrawContext(canvas, resources, info);
            var left = Units.Mm(setup.LeftMm);
            var width = setup.Paper.WidthPoints - left - Units.Mm(setup.RightMm);

            var header = LayoutPart(section.HeaderCompose, info, resources, theme, width, section);
            var y = Units.Mm(setup.TopMm);
            foreach (var f in header)
            {
                f.Draw(dc, left, y);
                y += f.Height;
            }
            foreach (var item in page.Items)
            {
                item.Fragment.Draw(dc, left + item.X, item.Y);
            }
            var footer = LayoutPart(section.FooterCompose, info, resources, theme, width, section);
            var footerY = setup.Paper.HeightPoints - Units.Mm(setup.BottomMm) - Sum(footer);
            foreach (var f in footer)
            {
                f.Draw(dc, left, footerY);
                footerY += f.Height;
            }
            if (section.WatermarkText is { Length: > 0 } watermark)
            {
                DrawWatermark(dc, watermark, setup, theme);
            }
            document.EndPage();
        }
        document.Close();
    }

    /// <summary>Gives every page from <paramref name="partStart"/> on the page count of its numbering part.</summary>
    private static void CloseNumberingPart(List<PageLayout> pages, int partStart)
    {
        for (var i = partStart; i < pages.Count; i++)
        {
            pages[i].PartTotal = pages.Count - partStart;
        }
    }

    private static void Paginate(PageDescriptor section, PdfResources resources, PdfTheme theme, List<PageLayout> pages, int partStart)
    {
        var setup = section.SetupValue;
        var width = setup.Paper.WidthPoints - Units.Mm(setup.LeftMm) - Units.Mm(setup.RightMm);
        var gap = Units.Mm(theme.HeaderFooterGapMm);

        (float Top, float Bottom) Area(int number)
        {
            var info = new PageInfo(number, 0);
            var h = Sum(LayoutPart(section.HeaderCompose, info, resources, theme, width, section));
            var f = Sum(LayoutPart(section.FooterCompose, info, resources, theme, width, section));
            var top = Units.Mm(setup.TopMm) + h + (h > 0 ? gap : 0);
            var bottom = setup.Paper.HeightPoints - Units.Mm(setup.BottomMm) - f - (f > 0 ? gap : 0);
            return (top, bottom);
        }

        var typical = Area(pages.Count - partStart + 2);
        var ctx = new LayoutContext(resources, theme, typical.Bottom - typical.Top);
        var fragments = new List<Fragment>();
        section.ContentRoot.Layout(ctx, width, fragments);

        PageLayout page = null!;
        float y = 0, bottom = 0;
        Fragment? headerOnPage = null;
        void NewPage()
        {
            page = new PageLayout(pages.Count - partStart + 1, section);
            pages.Add(page);
            (y, bottom) = Area(page.Number);
            headerOnPage = null;
        }

        NewPage();
        for (var i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            if (f.IsPageBreak)
            {
                if (page.Items.Count > 0)
                {
                    NewPage();
                }
                continue;
            }
            if (f.DropAtPageTop && page.Items.Count == 0)
            {
                continue;
            }
            var needed = Needed(f, headerOnPage, fragments, i);
            if (y + needed > bottom + 0.01f && page.Items.Count > 0)
            {
                NewPage();
                if (f.DropAtPageTop)
                {
                    continue;
                }
            }
            if (f.RepeatHeader is { } header && !ReferenceEquals(header, headerOnPage))
            {
                page.Items.Add(new Placed(header, 0, y));
                y += header.Height;
                headerOnPage = header;
            }
            page.Items.Add(new Placed(f, 0, y));
            y += f.Height;
        }
    }

    private static float Needed(Fragment f, Fragment? headerOnPage, List<Fragment> fragments, int index)
    {
        var needed = f.Height;
        if (f.RepeatHeader is { } header && !ReferenceEquals(header, headerOnPage))
        {
            needed += header.Height;
        }
        if (f.KeepWithNext && index + 1 < fragments.Count && !fragments[index + 1].IsPageBreak)
        {
            needed += fragments[index + 1].Height;
        }
        return needed;
    }

    private static List<Fragment> LayoutPart(Action<PageInfo, ColumnDescriptor>? compose, PageInfo info, PdfResources resources, PdfTheme theme, float width, PageDescriptor section)
    {
        var result = new List<Fragment>();
        if (compose is null)
        {
            return result;
        }
        var column = new ColumnDescriptor(theme);
        compose(info, column);
        column.Build().Layout(new LayoutContext(resources, theme, float.MaxValue), width, result);
        _ = section;
        return result;
    }

    private static float Sum(List<Fragment> fragments)
    {
        float h = 0;
        foreach (var f in fragments)
        {
            h += f.Height;
        }
        return h;
    }

    private static void DrawWatermark(DrawContext dc, string text, PageSetup setup, PdfTheme theme)
    {
        var w = setup.Paper.WidthPoints;
        var h = setup.Paper.HeightPoints;
        var font = dc.Resources.Font(new TextStyle(110, Bold: true));
        var textWidth = font.Measure(text);
        var canvas = dc.Canvas;
        canvas.Save();
        canvas.Translate(w / 2, h / 2);
        canvas.RotateDegrees(-(float)(Math.Atan2(h, w) * 180 / Math.PI));
        canvas.DrawText(text, -textWidth / 2, (font.Ascent - font.Descent) / 2, font.Font, dc.Resources.Fill(theme.Watermark));
        canvas.Restore();
    }

    private sealed class PageLayout(int number, PageDescriptor section)
    {
        public int Number { get; } = number;

        public PageDescriptor Section { get; } = section;

        public List<Placed> Items { get; } = [];

        /// <summary>Pages in this page's numbering part (the whole document unless a section restarts numbering).</summary>
        public int PartTotal { get; set; }
    }
}

public sealed class DocumentDescriptor
{
    internal List<PageDescriptor> Sections { get; } = [];

    internal PdfTheme ThemeValue { get; private set; } = PdfTheme.Default;

    internal string? Title { get; private set; }

    internal string? Author { get; private set; }

    internal string? Subject { get; private set; }

    internal DateTime Timestamp { get; private set; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Title, author (the institution) and subject; <paramref name="timestamp"/> becomes the creation and
    /// modification dates, so the same model always gives the same bytes.</summary>
    public DocumentDescriptor Metadata(string title, string author, string subject, DateTime timestamp)
    {
        (Title, Author, Subject, Timestamp) = (title, author, subject, timestamp);
        return this;
    }

    public DocumentDescriptor Theme(PdfTheme theme)
    {
        ThemeValue = theme;
        return this;
    }

    /// <summary>A section of pages sharing setup, header and footer; each section starts on a new page.</summary>
    public DocumentDescriptor Page(Action<PageDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var page = new PageDescriptor(ThemeValue);
        compose(page);
        Sections.Add(page);
        return this;
    }
}

public sealed class PageDescriptor
{
    internal PageDescriptor(PdfTheme theme)
    {
        Theme = theme;
        Content = new ColumnDescriptor(theme);
    }

    public PdfTheme Theme { get; }

    /// <summary>The content flow of this section.</summary>
    public ColumnDescriptor Content { get; }

    internal PageSetup SetupValue { get; private set; } = PageSetup.Report(PaperSize.A4);

    internal Action<PageInfo, ColumnDescriptor>? HeaderCompose { get; private set; }

    internal Action<PageInfo, ColumnDescriptor>? FooterCompose { get; private set; }

    internal string? WatermarkText { get; private set; }

    internal Element ContentRoot => Content.Build();

    public PageDescriptor Setup(PageSetup setup)
    {
        SetupValue = setup;
        return this;
    }

    /// <summary>Composed for every page; <see cref="PageInfo.Total"/> is 0 while laying out, so the header's
    /// height must not depend on it.</summary>
    public PageDescriptor Header(Action<PageInfo, ColumnDescriptor> compose)
    {
        HeaderCompose = compose;
        return this;
    }

    /// <summary>Composed for every page and drawn above the bottom margin; may use <see cref="PageInfo.Total"/>.</summary>
    public PageDescriptor Footer(Action<PageInfo, ColumnDescriptor> compose)
    {
        FooterCompose = compose;
        return this;
    }

    /// <summary>This section starts its own "Halaman X dari Y" count (one letter of a batch printed as one file).</summary>
    public PageDescriptor RestartNumbering()
    {
        RestartsNumbering = true;
        return this;
    }

    internal bool RestartsNumbering { get; private set; }

    /// <summary>A diagonal, semi-transparent text over every page of the section (e.g. "KONSEP"); null for none.</summary>
    public PageDescriptor Watermark(string? text)
    {
        WatermarkText = text;
        return this;
    }
}
