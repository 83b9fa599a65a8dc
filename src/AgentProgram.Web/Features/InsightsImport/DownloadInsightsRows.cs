using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.InsightsImport;

/// <summary>
/// The rows an import listed (unmatched and invalid), as CSV for Excel. The result page is not stored,
/// so its form carries the rows back (as JSON in one field); this only turns them into a file. The
/// content is the officer's own result: nothing is read from the database.
/// </summary>
public sealed class DownloadInsightsRowsHandler(IStringLocalizer<SharedResource> l)
{
    public const string FileName = "impor-insight-baris-tidak-diimpor.csv";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The rows as the result page's form field carries them.</summary>
    public static string Pack(IEnumerable<InsightsRowIssue> issues) => JsonSerializer.Serialize(issues, Json);

    public byte[] Handle(string? rows)
    {
        List<InsightsRowIssue> issues;
        try
        {
            issues = string.IsNullOrWhiteSpace(rows) ? [] : JsonSerializer.Deserialize<List<InsightsRowIssue>>(rows, Json) ?? [];
        }
        catch (JsonException)
        {
            issues = [];
        }
        var table = new List<IReadOnlyList<string?>> { new[] { l["Baris"].Value, l["Tautan kiriman"].Value, l["Hasil"].Value, l["Alasan"].Value } };
        table.AddRange(issues.Take(UploadInsightsHandler.MaxRows).Select(i => (IReadOnlyList<string?>)
        [
            i.RowNumber.ToString(CultureInfo.InvariantCulture),
            i.Link,
            i.Outcome == InsightsRowOutcome.Unmatched ? l["Tidak cocok"].Value : l["Tidak valid"].Value,
            i.Reason,
        ]));
        return Csv.Write(table);
    }
}
