using System.Globalization;
using System.Xml.Linq;
using AgentProgram.Web.Infrastructure.Charts;

namespace AgentProgram.Tests.Infrastructure.Charts;

/// <summary>Server-drawn SVG charts: well-formed, scalable, named, escaped, with Indonesian numbers; and the numbers formatting.</summary>
public sealed class ChartsTests
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartData Sample(ChartKind kind, bool horizontal = false, string title = "Contoh") =>
        new(kind, title, ["Dinas Kesehatan", "Dinas Kominfo", "Bappeda"],
        [
            new ChartSeriesData("Instagram", [1_200, 15_000, null]),
            new ChartSeriesData("X", [300, 0, 4_500]),
        ])
        { Horizontal = horizontal };

    public static TheoryData<ChartKind, bool> Kinds => new()
    {
        { ChartKind.Bar, false }, { ChartKind.Bar, true }, { ChartKind.GroupedBar, false }, { ChartKind.GroupedBar, true },
        { ChartKind.StackedBar, false }, { ChartKind.Line, false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_draws_well_formed_SVG_that_scales_with_its_box_and_is_named(ChartKind kind, bool horizontal)
    {
        var chart = Sample(kind, horizontal, "Laporan " + kind + (horizontal ? " mendatar" : ""));
        var svg = SvgChartRenderer.Render(chart, Id);

        var root = XElement.Parse(svg.Markup);
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal($"0 0 {SvgChartRenderer.DefaultWidth} {SvgChartRenderer.HeightOf(chart)}", (string?)root.Attribute("viewBox"));
        Assert.Equal("100%", (string?)root.Attribute("width"));
        Assert.Null(root.Attribute("height"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal(chart.Title, (string?)root.Attribute("aria-label"));
        Assert.DoesNotContain("<?xml", svg.Markup, StringComparison.Ordinal);
        // Something was drawn: bars are rectangles, lines are paths; axis labels are text in the browser fonts.
        Assert.True(root.Descendants(Svg + "rect").Count() + root.Descendants(Svg + "path").Count() > 5);
        Assert.All(root.Descendants(Svg + "text"), t => Assert.Contains("Arial", (string?)t.Attribute("font-family") ?? "", StringComparison.Ordinal));
        // Only drawing elements, no script, no style or event attributes.
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "script" or "foreignObject" or "image" or "a");
        Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || a.Name.LocalName == "style");
        // The series' names are in the legend when there are several (a single-bar chart has none).
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        if (kind == ChartKind.Bar) Assert.DoesNotContain("Instagram", texts);
        else Assert.Contains("Instagram", texts);
    }

    [Fact]
    public void Labels_with_markup_quotes_and_control_characters_are_escaped_text_not_markup()
    {
        var chart = new ChartData(ChartKind.Bar, "Judul \"kutip\" <b>tebal</b> & 'apostrof'",
            ["<script>alert(1)", "A & B \"C\"", "Baris\u0001\u0007baru\nlagi"],
            [new ChartSeriesData("<img src=x onerror=alert(1)>", [10, 20, 30])]) { Horizontal = true };

        var svg = SvgChartRenderer.Render(chart, Id);

        var root = XElement.Parse(svg.Markup); // would throw on an unescaped < or & or a control character
        Assert.Equal("Judul \"kutip\" <b>tebal</b> & 'apostrof'", (string?)root.Attribute("aria-label"));
        Assert.DoesNotContain("<script", svg.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", svg.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", svg.Markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)", svg.Markup, StringComparison.Ordinal);
        Assert.Contains("A &amp; B \"C\"", svg.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "img" or "b");
        var labels = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("<script>alert(1)", labels);
        Assert.Contains("Baris baru lagi", labels); // control characters became spaces, collapsed
    }

    [Fact]
    public void Long_category_names_are_shortened_in_the_drawing_only()
    {
        const string longName = "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Uji";
        var chart = new ChartData(ChartKind.Bar, "Partisipasi", [longName], [new ChartSeriesData("Tingkat", [50])]) { Horizontal = true, Format = ChartValueFormat.Percent };
        var labels = XElement.Parse(SvgChartRenderer.Render(chart, Id).Markup).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Dinas Komunikasi, Infor\u2026", labels);
        Assert.DoesNotContain(longName, labels);
        Assert.Equal(longName, chart.Categories[0]); // the table still has it whole
    }

    [Fact]
    public void A_few_long_categories_keep_every_label_shortened_and_many_keep_every_kth()
    {
        string[] missions = ["Transparansi (menginformasikan)", "Partisipasi (mengajak bertindak)", "Kolaborasi (berkarya bersama)"];
        var few = new ChartData(ChartKind.GroupedBar, "Misi", missions, [new ChartSeriesData("A", [1, 2, 3]), new ChartSeriesData("B", [3, 2, 1])]);
        var labels = XElement.Parse(SvgChartRenderer.Render(few, Id).Markup).Descendants(Svg + "text").Select(t => t.Value).ToList();
        foreach (var m in missions) Assert.Contains(labels, l => l.EndsWith('\u2026') && m.StartsWith(l.TrimEnd('\u2026'), StringComparison.Ordinal));

        var days = Enumerable.Range(1, 30).Select(d => $"{d} Nov").ToList();
        var many = new ChartData(ChartKind.StackedBar, "Hari", days, [new ChartSeriesData("X", [.. days.Select(_ => (double?)1)])]);
        var shown = XElement.Parse(SvgChartRenderer.Render(many, Id).Markup).Descendants(Svg + "text").Select(t => t.Value).Where(days.Contains).ToList();
        Assert.Contains("1 Nov", shown);
        Assert.InRange(shown.Count, 3, 15);
    }

    [Fact]
    public void Axes_and_bar_labels_use_Indonesian_numbers()
    {
        var counts = new ChartData(ChartKind.Bar, "Sebaran", ["A", "B"], [new ChartSeriesData("Sebaran", [12_345, 25_000])]);
        var texts = XElement.Parse(SvgChartRenderer.Render(counts, Id).Markup).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("20 rb", texts);
        Assert.Contains("10 rb", texts);
        Assert.Contains("0", texts);

        var rates = new ChartData(ChartKind.Bar, "Partisipasi", ["A", "B"], [new ChartSeriesData("Tingkat", [62.5, 12.25])]) { Horizontal = true, Format = ChartValueFormat.Percent };
        var rateTexts = XElement.Parse(SvgChartRenderer.Render(rates, Id).Markup).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("62,5%", rateTexts);   // the label after the bar
        Assert.Contains("12,25%", rateTexts);
        Assert.Contains("100%", rateTexts);    // the axis runs to 100 %
        Assert.Contains("50%", rateTexts);
    }

    [Fact]
    public void Two_charts_on_one_page_never_share_an_id_and_every_reference_points_inside_its_own_drawing()
    {
        var a = SvgChartRenderer.Render(Sample(ChartKind.StackedBar, title: "Satu"), Id);
        var b = SvgChartRenderer.Render(Sample(ChartKind.Line, title: "Dua"), Id);
        var ida = XElement.Parse(a.Markup).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        var idb = XElement.Parse(b.Markup).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ida);
        Assert.Empty(ida.Intersect(idb));
        foreach (var (svg, ids) in new[] { (a, ida), (b, idb) })
        {
            var refs = System.Text.RegularExpressions.Regex.Matches(svg.Markup, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(refs);
            Assert.All(refs, r => Assert.Contains(r, ids));
        }
    }

    [Fact]
    public void The_same_numbers_are_drawn_once_and_other_numbers_again()
    {
        var first = SvgChartRenderer.Render(Sample(ChartKind.GroupedBar, title: "Sekali"), Id);
        Assert.Same(first, SvgChartRenderer.Render(Sample(ChartKind.GroupedBar, title: "Sekali"), Id));
        var changed = Sample(ChartKind.GroupedBar, title: "Sekali") with { Series = [new ChartSeriesData("Instagram", [1, 2, 3])] };
        Assert.NotSame(first, SvgChartRenderer.Render(changed, Id));
        Assert.NotSame(first, SvgChartRenderer.Render(Sample(ChartKind.GroupedBar, title: "Sekali"), En));
    }

    [Theory]
    [InlineData(1_234d, ChartValueFormat.Count, "id-ID", "1.234")]
    [InlineData(1_234.6d, ChartValueFormat.Count, "id-ID", "1.235")]
    [InlineData(12.5d, ChartValueFormat.Percent, "id-ID", "12,5%")]
    [InlineData(66.67d, ChartValueFormat.Percent, "id-ID", "66,67%")]
    [InlineData(1_500_000d, ChartValueFormat.Rupiah, "id-ID", "Rp 1.500.000")]
    [InlineData(1_234d, ChartValueFormat.Count, "en-US", "1,234")]
    [InlineData(12.5d, ChartValueFormat.Percent, "en-US", "12.5%")]
    public void Full_numbers_read_per_culture(double value, ChartValueFormat format, string culture, string expected) =>
        Assert.Equal(expected, ChartNumbers.Full(value, format, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(9_999d, "id-ID", "9.999")]
    [InlineData(10_000d, "id-ID", "10 rb")]
    [InlineData(12_500d, "id-ID", "12,5 rb")]
    [InlineData(2_500_000d, "id-ID", "2,5 jt")]
    [InlineData(38_000_000d, "id-ID", "38 jt")]
    [InlineData(3_000_000_000d, "id-ID", "3 M")]
    [InlineData(4_000_000_000_000d, "id-ID", "4 T")]
    [InlineData(12_500d, "en-US", "12.5K")]
    [InlineData(2_500_000d, "en-US", "2.5M")]
    [InlineData(3_000_000_000d, "en-US", "3B")]
    public void Axis_numbers_are_compact(double value, string culture, string expected) =>
        Assert.Equal(expected, ChartNumbers.Compact(value, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Missing_values_are_a_dash_not_zero_and_axis_ticks_keep_their_unit()
    {
        Assert.Equal("–", ChartNumbers.Full(null, ChartValueFormat.Count, Id));
        Assert.Equal("Rp 2,5 jt", ChartNumbers.Axis(2_500_000, ChartValueFormat.Rupiah, Id));
        Assert.Equal("75%", ChartNumbers.Axis(75, ChartValueFormat.Percent, Id));
    }

    [Fact]
    public void Translation_covers_the_texts_and_the_categories_only_when_they_are_keys()
    {
        var chart = new ChartData(ChartKind.GroupedBar, "Judul", ["Transparansi (menginformasikan)"], [new ChartSeriesData("Agen aktif", [1])])
        {
            ValueLabel = "jumlah", CategoryLabel = "Tag misi", Note = "Catatan",
        };
        string Up(string s) => s.ToUpperInvariant();
        var names = chart.Translated(Up);
        Assert.Equal(("JUDUL", "JUMLAH", "TAG MISI", "CATATAN", "AGEN AKTIF"), (names.Title, names.ValueLabel, names.CategoryLabel, names.Note, names.Series[0].Name));
        Assert.Equal("Transparansi (menginformasikan)", names.Categories[0]);
        Assert.Equal("TRANSPARANSI (MENGINFORMASIKAN)", (chart with { TranslateCategories = true }).Translated(Up).Categories[0]);
    }

    [Fact]
    public void A_chart_of_zeros_or_nothing_is_empty_and_a_bar_chart_looks_at_its_drawn_series_only()
    {
        Assert.True(new ChartData(ChartKind.Line, "T", [], [new ChartSeriesData("S", [])]).IsEmpty);
        Assert.True(new ChartData(ChartKind.StackedBar, "T", ["a"], [new ChartSeriesData("S", [0]), new ChartSeriesData("U", [null])]).IsEmpty);
        Assert.False(new ChartData(ChartKind.StackedBar, "T", ["a"], [new ChartSeriesData("S", [0]), new ChartSeriesData("U", [2])]).IsEmpty);
        // A rate of 0 with its counts beside it (table-only series) is still nothing to draw.
        Assert.True(new ChartData(ChartKind.Bar, "T", ["a"], [new ChartSeriesData("Rate", [0]), new ChartSeriesData("Enrolled", [4])]).IsEmpty);
    }
}
