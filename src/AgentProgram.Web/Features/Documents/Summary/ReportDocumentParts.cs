using System.Globalization;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using SkiaSharp;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Pieces shared by the three report documents (Ringkasan Pimpinan, Laporan Pesan, Laporan Kinerja Agen): Indonesian
/// number formats, the page frame (kop on page 1, a running header line from page 2, "Halaman X dari Y" on every page),
/// the title block and small label/value tables. Pure: no clock, no culture of the thread.
/// </summary>
internal static class ReportDocumentParts
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public const string Dash = "–";
    public const string Separator = " \u2014 ";
    public const string NumberLabel = "Nomor: ";

    /// <summary>"1.234.567".</summary>
    public static string Count(long n) => n.ToString("N0", Indonesian);

    /// <summary>"66,67%" (at most two decimals); "–" when there is no rate.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.##", Indonesian) + "%" : Dash;

    /// <summary>"66,67%" from a 0–1 fraction; "–" when null.</summary>
    public static string Fraction(double? fraction) =>
        fraction is { } f ? Math.Round((decimal)f * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", Indonesian) + "%" : Dash;

    /// <summary>Points: "12,5" (at most two decimals); a negative value with a minus sign: "− 1".</summary>
    public static string Points(decimal value) => value < 0 ? "\u2212 " + (-value).ToString("0.##", Indonesian) : value.ToString("0.##", Indonesian);

    /// <summary>"Rp 1.250.000".</summary>
    public static string Rupiah(long amount) => "Rp " + amount.ToString("N0", Indonesian);

    /// <summary>A signed number: "+1.234", "-56", "0".</summary>
    public static string Signed(decimal value, string format = "N0") =>
        (value > 0 ? "+" : "") + value.ToString(format, Indonesian);

    /// <summary>An Indonesian composite format filled in with id-ID formatting.</summary>
    public static string Format(string format, params object?[] args) => string.Format(Indonesian, format, args);

    /// <summary>
    /// The frame of a report section: A4 portrait (or <paramref name="paper"/>), the kop on page 1 of the section's
    /// first page only when <paramref name="letterhead"/> is given, the running header line on every other page, the
    /// KONSEP watermark on drafts and "Halaman X dari Y" on every page.
    /// </summary>
    public static void Frame(PageDescriptor p, DocumentStamp stamp, LetterheadModel? letterhead, string running, PaperSize? paper = null)
    {
        var theme = p.Theme;
        p.Setup(PageSetup.Report(paper ?? PaperSize.A4));
        p.Header((info, h) =>
        {
            if (info.Number == 1 && letterhead is not null)
            {
                h.Letterhead(letterhead);
                return;
            }
            h.Text(running, theme.Caption, TextAlign.Right);
            h.Space(0.8f);
            h.HorizontalRule(0.5f, theme.Border);
        });
        p.Stamp(stamp, PageNumbering.EveryPage);
    }

    /// <summary>The title, the subtitle lines and, once finalised, the document's number, centred.</summary>
    public static void TitleBlock(ColumnDescriptor c, string title, IEnumerable<string> subtitles, DocumentStamp stamp)
    {
        var theme = c.Theme;
        c.Text(title.ToUpperInvariant(), theme.Title, TextAlign.Center, keepWithNext: true);
        c.Space(1);
        foreach (var line in subtitles)
        {
            c.Text(line, theme.Body, TextAlign.Center, keepWithNext: true);
        }
        if (!stamp.IsDraft && stamp.Number is { Length: > 0 } number)
        {
            c.Text(NumberLabel + number, theme.Body, TextAlign.Center, keepWithNext: true);
        }
    }

    /// <summary>Four tiles to a row, three when a value is too long for a quarter of the page ("98.765.432.100").</summary>
    public static int TilesPerRow(IEnumerable<KeyFigure> tiles) => tiles.Any(t => t.Value.Length > 11) ? 3 : 4;

    /// <summary>An amber notice box (provisional figures).</summary>
    public static void Notice(ColumnDescriptor c, string heading, string text)
    {
        var theme = c.Theme;
        c.Box(box =>
        {
            box.ItemSpacing(1);
            box.Paragraph(p => p.Bold(heading + " ").Span(text), baseStyle: theme.Small);
        }, paddingMm: 2, background: new SKColor(0xFF, 0xF4, 0xD6), border: new SKColor(0xC9, 0x8A, 0x00));
    }

    /// <summary>A section heading that stays with what follows.</summary>
    public static void Heading(ColumnDescriptor c, string text)
    {
        c.Space(3);
        // No space after: keep-with-next pairs the heading with the first line of what follows.
        c.Text(text, c.Theme.Heading.WithSize(12f).WithColor(c.Theme.Primary), keepWithNext: true);
    }

    /// <summary>A small caption line under a table or chart.</summary>
    public static void Caption(ColumnDescriptor c, string text) => c.Text(text, c.Theme.Caption);

    /// <summary>A two-column label/value table without a header row.</summary>
    public static void Fields(ColumnDescriptor c, IEnumerable<(string Label, string Value)> fields, float labelMm = 45)
    {
        c.Table(t =>
        {
            t.Striped = false;
            t.ConstantColumn(labelMm).RelativeColumn();
            foreach (var (label, value) in fields)
            {
                t.Row(label, value);
            }
        });
    }

    /// <summary>The signature (placeholders when none is recorded) with, once finalised, the verification box at its left.</summary>
    public static void Closing(ColumnDescriptor c, SignatureModel? signature, DocumentStamp stamp, bool placeholderWhenMissing)
    {
        c.Space(4);
        if (signature is null && !placeholderWhenMissing)
        {
            c.Verification(stamp);
            return;
        }
        var sig = signature ?? new SignatureModel(Letters.DocumentTexts.Placeholder, Letters.DocumentTexts.Placeholder, Letters.DocumentTexts.Placeholder, null, null);
        c.Row(row =>
        {
            var left = row.RelativeItem();
            left.Space(10);
            left.Verification(stamp);
            row.ConstantItem(4);
            row.ConstantItem(80).SignatureBlock(sig);
        }, spacingMm: 0);
    }
}

/// <summary>Horizontal bar charts of the per-unit figures, drawn by ScottPlot with the embedded font.</summary>
internal static class SummaryChart
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Room for the title, the axis and one bar line per category.</summary>
    public static float HeightMm(ChartModel chart) => 26 + (6.5f * Math.Max(1, chart.Categories.Count));

    /// <summary>One bar per category (first category on top), the value printed at the end of each bar.</summary>
    public static ScottPlot.Plot Bars(ChartModel chart, bool percent)
    {
        PdfFonts.RegisterWithScottPlot();
        var plot = new ScottPlot.Plot();
        var n = chart.Categories.Count;
        var values = chart.Series[0].Values;
        var bars = new List<ScottPlot.Bar>(n);
        var color = ScottPlot.Color.FromHex("#0B3D6E");
        double max = 0;
        for (var i = 0; i < n; i++)
        {
            var v = i < values.Count ? values[i] : 0;
            max = Math.Max(max, v);
            bars.Add(new ScottPlot.Bar
            {
                Position = n - 1 - i,
                Value = v,
                FillColor = color,
                LineWidth = 0,
                Size = 0.7,
                Label = Label(v, percent),
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 9;
        // Plot.Font.Set does not reach the bar value labels: without this they fall back to a system face.
        plottable.ValueLabelStyle.FontName = PdfFonts.FamilyName;

        var positions = Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray();
        var labels = chart.Categories.Select(Shorten).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 9;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        double top;
        if (percent)
        {
            // 0–100 % with room for the value label after a full bar.
            top = Math.Max(100, max);
            var ticks = Enumerable.Range(0, 6).Select(i => i * 20.0).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. ticks.Select(v => Label(v, true))]);
            top *= 1.12;
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => v.ToString("N0", Indonesian),
            };
            // Room for the value printed after the longest bar.
            top = (max <= 0 ? 1 : max) * 1.3;
        }
        plot.Axes.SetLimits(0, top, -0.6, n - 0.4);
        plot.Title(chart.Title, 12);
        plot.XLabel(chart.ValueAxisLabel, 10);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Font.Set(PdfFonts.FamilyName);
        return plot;
    }

    private static string Label(double v, bool percent) =>
        percent ? v.ToString("0.##", Indonesian) + "%" : v.ToString("N0", Indonesian);

    /// <summary>Unit names longer than the axis can hold are cut with an ellipsis (the table has them in full).</summary>
    private static string Shorten(string name) => name.Length <= 34 ? name : name[..32].TrimEnd() + "\u2026";
}
