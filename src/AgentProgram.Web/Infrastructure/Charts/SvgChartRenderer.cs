using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AgentProgram.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Caching.Memory;
using ScottPlot;

namespace AgentProgram.Web.Infrastructure.Charts;

/// <summary>
/// An SVG element safe to write into a page as it is: produced by <see cref="SvgChartRenderer"/> only, after parsing
/// and rewriting (so no caller can pass a string of its own to <c>Html.Raw</c> under this name).
/// </summary>
public sealed class SvgMarkup
{
    internal SvgMarkup(string markup, string id)
    {
        Markup = markup;
        Id = id;
    }

    /// <summary>The &lt;svg&gt; element, without an XML declaration.</summary>
    public string Markup { get; }

    /// <summary>A page-unique id prefix of this drawing (its clip paths carry it).</summary>
    public string Id { get; }

    public override string ToString() => Markup;
}

/// <summary>
/// Draws a <see cref="ChartData"/> with ScottPlot and returns it as an inline SVG that scales with the width of its
/// box (viewBox, width 100%, no fixed height). Drawn 560 units wide with 17-unit text, so on a 360 px phone (about
/// 330 px of content) the text is still about 10 px; long category names are shortened (the table has them whole).
/// Text is measured with the embedded face (the same on every server) and named in the SVG as Arial-compatible
/// families, which have the same widths. Colours: the Okabe–Ito palette, safe for colour-blind readers.
/// <para>Drawing costs tens of milliseconds (a month of daily stacked bars about 100 ms on one core), so a drawing is
/// kept, keyed by everything it shows, and the same numbers are not drawn twice: a dashboard whose figures did not
/// change since the last visit costs no drawing.</para>
/// </summary>
public static partial class SvgChartRenderer
{
    public const int DefaultWidth = 560;
    public const int VerticalHeight = 320;
    private const float TickFont = 17;
    private const float LegendFont = 16;
    private const float ValueFont = 16;
    private const int MaxLabelLength = 24;
    private const int FewCategories = 8;
    private const string BrowserFonts = "'Liberation Sans', Arial, Helvetica, sans-serif";

    /// <summary>Okabe and Ito (2008): distinguishable with any colour vision; the yellow last, as it is faint on white.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442", "#999999"];

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "text", "tspan", "clipPath", "defs", "line", "polyline", "polygon", "circle", "ellipse", "title", "desc",
    };

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = 256 });
    private static int _sequence;

    /// <summary>The drawing of <paramref name="chart"/>; <paramref name="label"/> is the accessible name (defaults to the title).</summary>
    public static SvgMarkup Render(ChartData chart, CultureInfo culture, string? label = null, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(culture);
        var key = KeyOf(chart, culture, label, width);
        if (Drawn.TryGetValue(key, out SvgMarkup? kept) && kept is not null) return kept;
        var drawn = Draw(chart, culture, label, width);
        Drawn.Set(key, drawn, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return drawn;
    }

    /// <summary>Everything the drawing depends on, hashed.</summary>
    private static string KeyOf(ChartData chart, CultureInfo culture, string? label, int width)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{chart.Kind}|{chart.Format}|{chart.Horizontal}|{width}|{culture.Name}|{label ?? chart.Title}\u0001");
        foreach (var c in chart.Categories) text.Append(c).Append('\u0001');
        foreach (var s in chart.Series)
        {
            text.Append('\u0002').Append(s.Name);
            foreach (var v in s.Values) text.Append('\u0001').Append(v?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SvgMarkup Draw(ChartData chart, CultureInfo culture, string? label, int width)
    {
        var height = HeightOf(chart);
        string raw;
        // ScottPlot keeps fonts and styles per plot; the embedded faces are shared and read-only.
        PdfFonts.RegisterWithScottPlot();
        var plot = new Plot();
        try
        {
            Compose(plot, chart, culture, width);
            raw = plot.GetSvgXml(width, height);
        }
        finally
        {
            plot.Dispose();
        }
        var id = "ch" + Interlocked.Increment(ref _sequence).ToString("x", CultureInfo.InvariantCulture);
        return new SvgMarkup(Rewrite(raw, width, height, Clean(label ?? chart.Title, 300), id), id);
    }

    /// <summary>Vertical charts have a fixed height; horizontal bars grow with the categories (a bar line each).</summary>
    public static int HeightOf(ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var legend = chart.Series.Count > 1 && chart.Kind != ChartKind.Bar ? 28 * (int)Math.Ceiling(chart.Series.Count / 3.0) : 0;
        if (!chart.Horizontal || chart.Kind == ChartKind.Line) return VerticalHeight + legend;
        var perCategory = chart.Kind == ChartKind.GroupedBar ? 18 * Math.Max(1, chart.Series.Count) + 10 : 34;
        return 56 + (perCategory * Math.Max(1, chart.Categories.Count)) + legend;
    }

    private static void Compose(Plot plot, ChartData chart, CultureInfo culture, int width)
    {
        var n = chart.Categories.Count;
        var categories = chart.Categories.Select(c => Clean(c, MaxLabelLength)).ToList();
        var horizontal = chart.Horizontal && chart.Kind != ChartKind.Line;
        var series = chart.Kind == ChartKind.Bar ? chart.Series.Take(1).ToList() : chart.Series.ToList();
        double max = 0;

        if (chart.Kind == ChartKind.Line)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var color = Color.FromHex(Palette[s % Palette.Count]);
                var segment = new List<Coordinates>();
                var first = true;
                void Flush()
                {
                    if (segment.Count == 0) return;
                    var line = plot.Add.ScatterLine(segment.ToArray(), color);
                    line.LineWidth = 2.5f;
                    line.MarkerSize = 7;
                    line.MarkerShape = MarkerShape.FilledCircle;
                    if (first) line.LegendText = Clean(series[s].Name, 40);
                    first = false;
                    segment = [];
                }
                for (var i = 0; i < n; i++)
                {
                    if (chart.ValueAt(s, i) is { } v)
                    {
                        segment.Add(new Coordinates(i, v));
                        max = Math.Max(max, v);
                    }
                    else
                    {
                        Flush();
                    }
                }
                Flush();
            }
        }
        else
        {
            var stackBase = new double[n];
            var groupWidth = 0.8;
            var barSize = chart.Kind == ChartKind.GroupedBar ? groupWidth / Math.Max(1, series.Count) : 0.7;
            var labelled = chart.Kind == ChartKind.Bar && horizontal;
            for (var s = 0; s < series.Count; s++)
            {
                var color = Color.FromHex(Palette[(chart.Kind == ChartKind.Bar ? 0 : s) % Palette.Count]);
                var bars = new List<Bar>(n);
                for (var i = 0; i < n; i++)
                {
                    var value = series[s].Values.Count > i ? series[s].Values[i] ?? 0 : 0;
                    var position = horizontal ? n - 1 - i : i;
                    var bar = new Bar { FillColor = color, LineWidth = 0, Size = barSize, Value = value };
                    switch (chart.Kind)
                    {
                        case ChartKind.GroupedBar:
                            var offset = -groupWidth / 2 + (barSize * (s + 0.5));
                            bar.Position = position + (horizontal ? -offset : offset);
                            max = Math.Max(max, value);
                            break;
                        case ChartKind.StackedBar:
                            bar.Position = position;
                            bar.ValueBase = stackBase[i];
                            bar.Value = stackBase[i] + value;
                            stackBase[i] += value;
                            max = Math.Max(max, stackBase[i]);
                            break;
                        default:
                            bar.Position = position;
                            max = Math.Max(max, value);
                            break;
                    }
                    if (labelled) bar.Label = ChartNumbers.Full(value, chart.Format, culture);
                    bars.Add(bar);
                }
                var plottable = plot.Add.Bars(bars);
                plottable.Horizontal = horizontal;
                if (labelled)
                {
                    plottable.ValueLabelStyle.FontSize = ValueFont;
                    plottable.ValueLabelStyle.FontName = PdfFonts.FamilyName;
                    plottable.ValueLabelStyle.ForeColor = Color.FromHex("#212529");
                }
                if (chart.Kind != ChartKind.Bar) plottable.LegendText = Clean(series[s].Name, 40);
            }
        }

        // The value axis: from zero, with room above the largest value (and for the labels after horizontal bars).
        var top = chart.Format == ChartValueFormat.Percent ? Math.Max(100, max) : (max <= 0 ? 1 : max);
        top *= chart.Kind == ChartKind.Bar && horizontal ? 1.3 : 1.08;
        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        if (chart.Format == ChartValueFormat.Percent && max <= 100)
        {
            double[] ticks = [0, 25, 50, 75, 100];
            valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. ticks.Select(t => ChartNumbers.Axis(t, chart.Format, culture))]);
        }
        else
        {
            valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => ChartNumbers.Axis(v, chart.Format, culture),
                IntegerTicksOnly = chart.Format != ChartValueFormat.Percent,
                TargetTickCount = 5,
            };
        }

        // The category axis: every label when they fit; a few categories get shorter labels, many get every k-th
        // label (the table lists them all, whole).
        var step = 1;
        if (!horizontal && n > 0)
        {
            const double charWidth = TickFont * 0.55;
            var room = (width - 90) / (double)n;
            if (n <= FewCategories)
            {
                var chars = Math.Max(6, (int)((room - 14) / charWidth));
                for (var i = 0; i < n; i++) categories[i] = Clean(categories[i], chars);
            }
            else
            {
                var longest = Math.Max(1, categories.Max(c => c.Length));
                var fits = Math.Max(1, (int)((width - 90) / ((longest * charWidth) + 14)));
                step = (int)Math.Ceiling(n / (double)fits);
            }
        }
        var shown = Enumerable.Range(0, n).Where(i => i % Math.Max(1, step) == 0).ToList();
        categoryAxis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. shown.Select(i => (double)(horizontal ? n - 1 - i : i))], [.. shown.Select(i => categories[i])]);
        categoryAxis.MajorTickStyle.Length = 0;

        var low = chart.Kind == ChartKind.Line ? -0.3 : -0.6;
        var high = chart.Kind == ChartKind.Line ? Math.Max(0.3, n - 0.7) : n - 0.4;
        if (horizontal) plot.Axes.SetLimits(0, top, low, high);
        else plot.Axes.SetLimits(low, high, 0, top);

        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = TickFont;
            axis.TickLabelStyle.ForeColor = Color.FromHex("#212529");
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        if (horizontal) plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        else plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Color.FromHex("#dee2e6");

        if (chart.Kind != ChartKind.Bar && series.Count > 1)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.FontSize = LegendFont;
            plot.Legend.FontName = PdfFonts.FamilyName;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.BackgroundColor = Colors.White;
        }
        else
        {
            plot.HideLegend();
        }
        plot.Font.Set(PdfFonts.FamilyName);
    }

    /// <summary>
    /// Parses ScottPlot's SVG and writes it again for a page: scaling box, accessible name, page-unique ids, browser
    /// fonts, shorter numbers; anything that is not a drawing element or a plain attribute is dropped.
    /// </summary>
    internal static string Rewrite(string raw, int width, int height, string label, string id)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true, IgnoreProcessingInstructions = true };
        XDocument doc;
        using (var reader = XmlReader.Create(new StringReader(raw), settings))
        {
            doc = XDocument.Load(reader);
        }
        var root = doc.Root ?? throw new InvalidOperationException("The chart drew no SVG.");
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.Name.Namespace != Svg || !AllowedElements.Contains(element.Name.LocalName))
            {
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                if (attribute.IsNamespaceDeclaration) continue;
                if (attribute.Name.Namespace != XNamespace.None || name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || name is "style" or "href" or "src")
                {
                    attribute.Remove();
                    continue;
                }
                attribute.Value = name switch
                {
                    "id" => id + "-" + attribute.Value,
                    "clip-path" => UrlReference().Replace(attribute.Value, m => "url(#" + id + "-" + m.Groups[1].Value + ")"),
                    "font-family" => BrowserFonts,
                    _ => LongNumber().Replace(attribute.Value.Trim().TrimEnd(',').Trim(), m =>
                        Math.Round(double.Parse(m.Value, CultureInfo.InvariantCulture), 1).ToString("0.#", CultureInfo.InvariantCulture)),
                };
            }
            if (element.Name.LocalName == "text")
            {
                foreach (var node in element.Nodes().OfType<XText>()) node.Value = node.Value.Trim();
            }
        }
        root.Attributes().Where(a => a.Name.LocalName is "width" or "height" or "viewBox" && a.Name.Namespace == XNamespace.None).Remove();
        root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName == "xlink").Remove();
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {width} {height}"));
        root.SetAttributeValue("width", "100%");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-label", label);
        root.SetAttributeValue("focusable", "false");
        root.SetAttributeValue("data-chart", id);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A label as it may be drawn: characters XML cannot hold removed, spaces collapsed, cut with an ellipsis.</summary>
    public static string Clean(string? text, int maxLength)
    {
        var kept = new string([.. (text ?? "").Select(c => char.IsControl(c) ? ' ' : c).Where(XmlConvert.IsXmlChar)]);
        kept = Spaces().Replace(kept, " ").Trim();
        return kept.Length <= maxLength ? kept : kept[..(maxLength - 1)].TrimEnd() + "\u2026";
    }

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex(@"-?\d+\.\d{2,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
