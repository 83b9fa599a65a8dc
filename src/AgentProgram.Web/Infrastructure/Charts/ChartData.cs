namespace AgentProgram.Web.Infrastructure.Charts;

/// <summary>How the values are drawn.</summary>
public enum ChartKind
{
    /// <summary>One bar per category, of the first series; further series are columns of the table only (the counts behind a rate).</summary>
    Bar = 1,

    /// <summary>One bar per series side by side in each category.</summary>
    GroupedBar = 2,

    /// <summary>The series stacked on each other in each category (the bar is the total).</summary>
    StackedBar = 3,

    /// <summary>One line per series across the categories (a gap where a value is missing).</summary>
    Line = 4,
}

/// <summary>How a value reads on the axis, on the bars and in the data table.</summary>
public enum ChartValueFormat
{
    /// <summary>A whole count: 1.234 (compact on the axis: 1,2 jt).</summary>
    Count = 1,

    /// <summary>A percentage 0–100: 12,5%. The axis runs from 0 to 100.</summary>
    Percent = 2,

    /// <summary>Whole rupiah: Rp 1.500.000 (compact on the axis: Rp 1,5 jt).</summary>
    Rupiah = 3,
}

/// <summary>One series: a name (shown in the legend and as a table column) and one value per category; null is "no value" (not zero).</summary>
public sealed record ChartSeriesData(string Name, IReadOnlyList<double?> Values)
{
    /// <summary>How this series reads in the table when it differs from the chart's (the counts behind a rate).</summary>
    public ChartValueFormat? Format { get; init; }
}

/// <summary>
/// A chart's numbers and words, and nothing about pixels: the same record is drawn as SVG
/// (<see cref="SvgChartRenderer"/>) and printed as a table (Features/Shared/_Chart.cshtml), so the picture and the
/// table cannot disagree. Texts are Indonesian localizer keys (the partial translates them), except the categories,
/// which are data (unit names, dates) unless <see cref="TranslateCategories"/> says otherwise. Labels may hold user
/// text: the renderer escapes them.
/// </summary>
public sealed record ChartData(ChartKind Kind, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeriesData> Series)
{
    public ChartValueFormat Format { get; init; } = ChartValueFormat.Count;

    /// <summary>Bars run left to right with the categories down the side (long names such as units read better).</summary>
    public bool Horizontal { get; init; }

    /// <summary>What the values are, with their unit ("Jumlah laporan", "Persen agen aktif"): shown beside the title.</summary>
    public string? ValueLabel { get; init; }

    /// <summary>The heading of the table's first column ("Tanggal", "Unit kerja").</summary>
    public string CategoryLabel { get; init; } = "Kategori";

    /// <summary>A sentence under the chart saying how the figure is defined.</summary>
    public string? Note { get; init; }

    /// <summary>The categories are localizer keys too (mission tags), not names.</summary>
    public bool TranslateCategories { get; init; }

    /// <summary>The data table adds a total row (counts that add up, such as shares per day).</summary>
    public bool ShowTotals { get; init; }

    /// <summary>Nothing to draw: no category, or no drawn value other than zero (the partial then says so instead of drawing empty axes).</summary>
    public bool IsEmpty => Categories.Count == 0 || Series.Count == 0
        || (Kind == ChartKind.Bar ? Series.Take(1) : Series).All(s => s.Values.All(v => v is null or 0));

    /// <summary>A copy with every text passed through <paramref name="translate"/> (the localizer), categories only when they are keys.</summary>
    public ChartData Translated(Func<string, string> translate)
    {
        ArgumentNullException.ThrowIfNull(translate);
        return this with
        {
            Title = translate(Title),
            ValueLabel = ValueLabel is null ? null : translate(ValueLabel),
            CategoryLabel = translate(CategoryLabel),
            Note = Note is null ? null : translate(Note),
            Categories = TranslateCategories ? [.. Categories.Select(translate)] : Categories,
            Series = [.. Series.Select(s => s with { Name = translate(s.Name) })],
        };
    }

    /// <summary>The value of series <paramref name="series"/> at category <paramref name="index"/> (null when missing).</summary>
    public double? ValueAt(int series, int index) =>
        series < Series.Count && index < Series[series].Values.Count ? Series[series].Values[index] : null;

    /// <summary>How series <paramref name="series"/> reads in the table.</summary>
    public ChartValueFormat FormatOf(int series) => Series[series].Format ?? Format;

    /// <summary>The sum of a series' known values.</summary>
    public double Total(int series) => Series[series].Values.Sum(v => v ?? 0);
}
