using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.RewardSchemes;

public static partial class SchemeTestKit
{
    public static async Task<string> HtmlOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static string LocationOf(HttpResponseMessage response) => Admin.AdminTestKit.LocationOf(response);

    /// <summary>Humas creates a scheme; returns its id.</summary>
    public static async Task<int> CreateSchemeAsync(this HttpClient humas, string name, string? description = null)
    {
        var response = await humas.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru", ("Name", name), ("Description", description ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var m = SchemeUrl().Match(LocationOf(response));
        Assert.True(m.Success, LocationOf(response));
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The fields the edit form would post as it stands (inputs with values, checked boxes, selected options), like a browser.</summary>
    public static async Task<Dictionary<string, string>> EditFieldsAsync(this HttpClient humas, string editUrl)
    {
        var html = await humas.GetHtmlAsync(editUrl);
        var start = html.IndexOf($"action=\"{editUrl}\"", StringComparison.Ordinal);
        Assert.True(start > 0, "No edit form on " + editUrl);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(form))
        {
            var tag = input.Value;
            var name = Attr(tag, "name");
            if (name is null or "__af") continue;
            if (Attr(tag, "type") == "checkbox" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            fields[name] = WebUtility.HtmlDecode(Attr(tag, "value") ?? "");
        }
        foreach (Match select in SelectTag().Matches(form))
        {
            var selected = SelectedOption().Match(select.Groups[2].Value);
            fields[select.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : "";
        }
        return fields;
    }

    public static Task<HttpResponseMessage> PostEditAsync(this HttpClient humas, string editUrl, Dictionary<string, string> fields) =>
        humas.PostFormAsync(editUrl, editUrl, fields);

    public static Task<RewardSchemeVersion> VersionAsync(this AppFactory app, int schemeId, int number) =>
        app.WithDb(db => db.RewardSchemeVersions.AsNoTracking().SingleAsync(v => v.SchemeId == schemeId && v.Number == number));

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^/skema-penghargaan/(\d+)/versi/1$")]
    private static partial Regex SchemeUrl();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex(@"<select\b[^>]*\sname=""([^""]+)""[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex(@"<option value=""([^""]*)"" selected=""selected""")]
    private static partial Regex SelectedOption();
}
