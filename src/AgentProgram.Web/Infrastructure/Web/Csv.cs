using System.Text;

namespace AgentProgram.Web.Infrastructure.Web;

/// <summary>
/// The one CSV writer for every export. CSV for Excel: UTF-8 with a byte-order mark (so Excel reads names with diacritics correctly),
/// comma-separated, CRLF, RFC 4180 quoting. Cells that a spreadsheet would run as a formula
/// (= + - @) are prefixed with an apostrophe (CSV injection).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(Cell));
            sb.Append("\r\n");
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
