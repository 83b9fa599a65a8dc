using System.Net;
using System.Text.RegularExpressions;

namespace AgentProgram.Tests.Concurrency;

/// <summary>
/// An edit form as a browser would post it: every field of the form with that action, read from the page
/// (hidden version and snapshot included), plus the page's antiforgery token.
/// </summary>
public sealed partial class LoadedForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private LoadedForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    public string Action { get; }

    /// <summary>The first value of a field ("" when absent).</summary>
    public string this[string name]
    {
        get => _fields.FirstOrDefault(f => f.Key == name).Value ?? "";
        set
        {
            _fields.RemoveAll(f => f.Key == name);
            _fields.Add(new(name, value));
        }
    }

    public IReadOnlyList<string> All(string name) => [.. _fields.Where(f => f.Key == name).Select(f => f.Value)];

    public void SetAll(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
    }

    public void Remove(string name) => _fields.RemoveAll(f => f.Key == name);

    public Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsync(Action, new FormUrlEncodedContent(_fields));

    public static async Task<LoadedForm> LoadAsync(HttpClient client, string page, string action) =>
        From(await client.GetHtmlAsync(page), action);

    /// <summary>The form with this action on the page (a re-rendered page after a conflict, for instance).</summary>
    public static LoadedForm From(string html, string action)
    {
        var start = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No form posting to {action} on the page.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in InputTag().Matches(form))
        {
            var tag = m.Value;
            var name = Attr(tag, "name");
            var type = Attr(tag, "type") ?? "text";
            if (name is null || type is "file" or "submit" or "button") continue;
            if (type is "checkbox" or "radio" && !CheckedAttr().IsMatch(tag)) continue;
            fields.Add(new(name, Attr(tag, "value") ?? (type == "checkbox" ? "on" : "")));
        }
        foreach (Match m in SelectTag().Matches(form))
        {
            var name = Attr(m.Groups[1].Value, "name");
            if (name is null) continue;
            var options = OptionTag().Matches(m.Groups[2].Value).ToList();
            var chosen = options.FirstOrDefault(o => SelectedAttr().IsMatch(o.Groups[1].Value)) ?? options.FirstOrDefault();
            fields.Add(new(name, chosen is null ? "" : Attr(chosen.Groups[1].Value, "value") ?? WebUtility.HtmlDecode(chosen.Groups[2].Value)));
        }
        foreach (Match m in TextareaTag().Matches(form))
        {
            if (Attr(m.Groups[1].Value, "name") is { } name) fields.Add(new(name, WebUtility.HtmlDecode(m.Groups[2].Value)));
        }
        Assert.Contains(fields, f => f.Key == "__af");
        return new LoadedForm(action, fields);
    }

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InputTag();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<option\\b([^>]*)>(.*?)</option>", RegexOptions.Singleline)]
    private static partial Regex OptionTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaTag();

    [GeneratedRegex("\\schecked(=\"checked\")?[\\s/>]")]
    private static partial Regex CheckedAttr();

    [GeneratedRegex("\\sselected(=\"selected\")?(\\s|$)")]
    private static partial Regex SelectedAttr();
}

/// <summary>Reads the "what changed" panel of a page.</summary>
public static partial class ConflictPage
{
    public static bool Shown(string html) => html.Contains("data-testid=\"conflict\"", StringComparison.Ordinal);

    /// <summary>The panel's row for a field: started, stored and yours, as shown (HTML decoded, trimmed).</summary>
    public static (string? Started, string Stored, string Yours) Row(string html, string field)
    {
        var start = html.IndexOf($"data-field=\"{field}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"The conflict panel has no row for {field}.");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        string? Cell(string id)
        {
            var m = Regex.Match(row, $"data-testid=\"conflict-{id}\">(.*?)</td>", RegexOptions.Singleline);
            return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : null;
        }
        return (Cell("started"), Cell("stored")!, Cell("yours")!);
    }

    public static bool HasRow(string html, string field) => html.Contains($"data-field=\"{field}\"", StringComparison.Ordinal);

    /// <summary>The conflict page and the stored row agree with a lost race: 200, the panel, no redirect.</summary>
    public static async Task<string> AssertConflictAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the conflict page (200), got {(int)response.StatusCode} {response.Headers.Location}.");
        Assert.True(Shown(html), "The stale save did not show the what-changed panel.");
        Assert.Contains("Data ini baru saja diubah orang lain.", WebUtility.HtmlDecode(html));
        return html;
    }

    public static void AssertSaved(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected the save to go through (302), got {(int)response.StatusCode}.");
}
