using System.Globalization;

namespace AgentProgram.Web.Infrastructure.Charts;

/// <summary>
/// Numbers as people read them, per culture: in full for tables and bar labels (1.234, 12,5%, Rp 1.500.000) and
/// compact for axis ticks (1,2 rb, 3,4 jt, 5 M in Indonesian; 1.2K, 3.4M, 5B in English).
/// </summary>
public static class ChartNumbers
{
    public static string Full(double? value, ChartValueFormat format, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (value is not { } v) return "–";
        return format switch
        {
            ChartValueFormat.Percent => v.ToString("0.##", culture) + "%",
            ChartValueFormat.Rupiah => "Rp " + Math.Round(v).ToString("#,0", culture),
            _ => Math.Round(v).ToString("#,0", culture),
        };
    }

    /// <summary>An axis tick: short enough for a phone.</summary>
    public static string Axis(double value, ChartValueFormat format, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (format == ChartValueFormat.Percent) return value.ToString("0.#", culture) + "%";
        var text = Compact(value, culture);
        return format == ChartValueFormat.Rupiah ? "Rp " + text : text;
    }

    /// <summary>Below 10,000 in full (9.999); above, with one decimal and a suffix (12,5 rb; 1,2 jt; 3 M; 4 T).</summary>
    public static string Compact(double value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var indonesian = culture.TwoLetterISOLanguageName == "id";
        var abs = Math.Abs(value);
        (double Scale, string Id, string En)[] steps =
        [
            (1e12, " T", "T"),
            (1e9, " M", "B"),
            (1e6, " jt", "M"),
            (1e4, " rb", "K"),
        ];
        foreach (var (scale, id, en) in steps)
        {
            if (abs < scale) continue;
            // 10.000 is shown as 10 rb (the 1e4 step divides by a thousand).
            var divisor = scale == 1e4 ? 1e3 : scale;
            return (value / divisor).ToString("0.#", culture) + (indonesian ? id : en);
        }
        return Math.Round(value).ToString("#,0", culture);
    }
}
