using System.Globalization;
using System.Net;
using System.Text;

namespace AgentProgram.Web.Features.Analytics;

/// <summary>
/// The unit-by-week participation heat map as SVG, drawn on the server: one row per unit, one column per week, the
/// cell's shade the week's participation rate (darker is higher; hatched grey: nobody enrolled). Every text is
/// escaped. The numbers are in the table beside it; the SVG is decoration for sighted readers (role="img" with a title).
/// </summary>
public static class HeatMapSvg
{
    private const int Cell = 16, Gap = 2, LabelWidth = 150, HeaderHeight = 40;

    public static string Render(HeatMap map, string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(culture);
        var width = LabelWidth + (map.Weeks.Count * (Cell + Gap)) + 10;
        var height = HeaderHeight + (map.Rows.Count * (Cell + Gap)) + 10;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"10\">");
        b.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        // A week label every fourth column (and the first), rotated to fit.
        for (var w = 0; w < map.Weeks.Count; w++)
        {
            if (w % 4 != 0) continue;
            var x = LabelWidth + (w * (Cell + Gap)) + (Cell / 2);
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{HeaderHeight - 4}\" transform=\"rotate(-45 {x} {HeaderHeight - 4})\">")
                .Append(WebUtility.HtmlEncode(map.Weeks[w].ToString("d MMM", culture))).Append("</text>");
        }
        for (var r = 0; r < map.Rows.Count; r++)
        {
            var row = map.Rows[r];
            var y = HeaderHeight + (r * (Cell + Gap));
            var name = row.UnitName.Length > 24 ? row.UnitName[..23] + "…" : row.UnitName;
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 4}\" y=\"{y + Cell - 4}\" text-anchor=\"end\">").Append(WebUtility.HtmlEncode(name)).Append("</text>");
            for (var w = 0; w < map.Weeks.Count; w++)
            {
                var x = LabelWidth + (w * (Cell + Gap));
                var rate = row.Rate(w);
                var fill = rate is { } p ? Shade(p) : "#e9ecef";
                var label = rate is { } q ? q.ToString("0.##", culture) + "%" : "–";
                b.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"{fill}\"><title>")
                    .Append(WebUtility.HtmlEncode($"{row.UnitName}, {map.Weeks[w].ToString("d MMM yyyy", culture)}: {label}")).Append("</title></rect>");
            }
        }
        b.Append("</svg>");
        return b.ToString();
    }

    /// <summary>White-blue scale in five steps (0 %, up to 25, 50, 75, above): readable in grey print too.</summary>
    public static string Shade(decimal rate) => rate switch
    {
        <= 0 => "#f8f9fa",
        <= 25 => "#cfe2ff",
        <= 50 => "#9ec5fe",
        <= 75 => "#3d8bfd",
        _ => "#0a3d91",
    };
}
