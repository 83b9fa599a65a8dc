using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Features.InsightsImport;

/// <summary>Share reports written straight to the database, and the insights import as the officer takes it.</summary>
public static partial class InsightsTestKit
{
    private static int _agent;

    /// <summary>One agent, one message, one assignment, and a report per link (each link is a valid post link of its platform).</summary>
    public static async Task<List<long>> SeedReportsAsync(this AppFactory app, params (Platform Platform, string Url, DateTime PostedUtc)[] posts)
    {
        var n = Interlocked.Increment(ref _agent);
        var agent = await TrackedLinkSeed.AgentAsync(app, "Agen Insight " + n.ToString(CultureInfo.InvariantCulture), null);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Insight " + n.ToString(CultureInfo.InvariantCulture));
        return await app.WithDb(async db =>
        {
            var assignment = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(2), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            var reports = posts.Select(p =>
            {
                var link = PostLinks.Parse(p.Platform, p.Url).Link ?? throw new InvalidOperationException("Not a post link: " + p.Url);
                return new ShareReport
                {
                    AssignmentId = assignment.Id, AgentId = agent.AgentId, MessageId = messageId, Platform = p.Platform,
                    PostUrl = link.Url, ClaimKey = link.Key, LinkHandle = link.Handle, PostedUtc = p.PostedUtc,
                    SubmittedUtc = p.PostedUtc.AddMinutes(5), SubmissionKey = Guid.NewGuid(),
                };
            }).ToList();
            db.ShareReports.AddRange(reports);
            await db.SaveChangesAsync();
            return reports.Select(r => r.Id).ToList();
        });
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>Uploads a file (with the upload page's token) and returns the answer: the mapping page, or the upload page with an error.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] content, string fileName, string? measuredAt = null,
        string contentType = "text/csv")
    {
        var page = await client.GetHtmlAsync("/impor-insight");
        using var form = new MultipartFormDataContent { { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" } };
        if (measuredAt is not null) form.Add(new StringContent(measuredAt), "MeasuredAt");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        return await client.PostAsync("/impor-insight/unggah", form);
    }

    public static async Task<string> UploadOkAsync(this HttpClient client, byte[] content, string fileName, string? measuredAt = null)
    {
        var response = await client.UploadAsync(content, fileName, measuredAt);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("data-testid=\"mapping-fields\"", StringComparison.Ordinal), "No mapping page: " + Text(html, "upload-error"));
        return html;
    }

    /// <summary>The mapping page's hidden fields and chosen columns, as the browser would post them.</summary>
    public static Dictionary<string, string> MappingFields(string mappingHtml)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenPattern().Matches(mappingHtml))
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in SelectPattern().Matches(mappingHtml))
        {
            var chosen = SelectedPattern().Match(m.Groups[2].Value);
            fields[m.Groups[1].Value] = chosen.Success ? chosen.Groups[1].Value : "";
        }
        fields.Remove("__af");
        return fields;
    }

    /// <summary>Posts the mapping page as shown, with changes; returns the answer's HTML (result, mapping or upload page).</summary>
    public static async Task<string> ImportAsync(this HttpClient client, string mappingHtml, params (string Key, string Value)[] changes)
    {
        var fields = MappingFields(mappingHtml);
        foreach (var (k, v) in changes) fields[k] = v;
        fields["__af"] = HttpClientExtensions.AntiforgeryToken(mappingHtml);
        var response = await client.PostAsync("/impor-insight/impor", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The result page's counts: read, added, unchanged, unmatched, invalid.</summary>
    public static (int Read, int Added, int Unchanged, int Unmatched, int Invalid) Counts(string html)
    {
        int Of(string name)
        {
            var m = Regex.Match(html, $"data-testid=\"count-{name}\">([^<]*)<");
            Assert.True(m.Success, "No count " + name + " on the page.");
            return int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        return (Of("read"), Of("added"), Of("unchanged"), Of("unmatched"), Of("invalid"));
    }

    /// <summary>The listed rows: row number → (outcome, reason).</summary>
    public static Dictionary<int, (string Outcome, string Reason)> Issues(string html) =>
        IssuePattern().Matches(html).ToDictionary(
            m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            m => (m.Groups[2].Value, WebUtility.HtmlDecode(m.Groups[3].Value).Trim()));

    /// <summary>The mapping page's error list, as one text.</summary>
    public static string Errors(string html)
    {
        var m = Regex.Match(html, "data-testid=\"mapping-errors\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")) : "";
    }

    public static string? Text(string html, string testId)
    {
        var m = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")).Trim() : null;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([A-Za-z_]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<select id=\"col-[A-Za-z]+\" name=\"([A-Za-z]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("data-testid=\"issue-row\" data-row=\"(\\d+)\" data-outcome=\"([A-Za-z]+)\">.*?data-testid=\"issue-reason\">([^<]*)<", RegexOptions.Singleline)]
    private static partial Regex IssuePattern();
}
