using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Imports;

/// <summary>The import journey as an officer takes it, in small steps, plus sample files.</summary>
public static partial class ImportTestKit
{
    [GeneratedRegex("data-testid=\"count-([a-z]+)\">([^<]*)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("data-testid=\"import-state\">([^<]*)<")]
    private static partial Regex StatePattern();

    [GeneratedRegex("^/impor/(\\d+)$")]
    private static partial Regex BatchUrlPattern();

    public static Task<HttpClient> HrAsync(this AppFactory app) => app.SignedInClientAsync(Roles.Kepegawaian);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] content, string fileName, ImportKind kind = ImportKind.Employees,
        string contentType = "text/csv")
    {
        var page = await client.GetHtmlAsync("/impor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" },
            { new StringContent(kind.ToString()), "Kind" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        return await client.PostAsync("/impor/unggah", form);
    }

    /// <summary>Uploads and expects the redirect to the new batch's preview; returns the batch id.</summary>
    public static async Task<int> UploadOkAsync(this HttpClient client, byte[] content, string fileName, ImportKind kind = ImportKind.Employees)
    {
        var response = await client.UploadAsync(content, fileName, kind);
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload answered {(int)response.StatusCode}: {UploadError(body)}");
        var m = BatchUrlPattern().Match(response.Headers.Location!.OriginalString);
        Assert.True(m.Success, $"Upload redirected to {response.Headers.Location}.");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? UploadError(string html)
    {
        var m = Regex.Match(html, "data-testid=\"upload-error\">([^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    public static async Task ConfirmAsync(this HttpClient client, int id)
    {
        var response = await client.PostFormAsync($"/impor/{id}", $"/impor/{id}/mulai");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/impor/{id}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Follows the result page (as the browser does, by reloading) until the batch is done; bounded at 60 s.</summary>
    public static async Task<string> WaitUntilDoneAsync(this HttpClient client, int id)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var response = await client.GetAsync($"/impor/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var state = StatePattern().Match(html);
            if (state.Success && state.Groups[1].Value is "Selesai" or "Gagal")
            {
                Assert.False(response.Headers.Contains("Refresh"), "A finished import's page must not reload itself.");
                return html;
            }
            Assert.True(response.Headers.TryGetValues("Refresh", out var refresh) && refresh.Single() == "2", "A running import's page reloads itself.");
            await Task.Delay(250);
        }
        throw new TimeoutException($"Import {id} did not finish within 60 s.");
    }

    /// <summary>Upload, confirm, wait: the result page's HTML.</summary>
    public static async Task<(int Id, string Html)> ImportAsync(this HttpClient client, byte[] content, string fileName, ImportKind kind = ImportKind.Employees)
    {
        var id = await client.UploadOkAsync(content, fileName, kind);
        await client.ConfirmAsync(id);
        return (id, await client.WaitUntilDoneAsync(id));
    }

    /// <summary>The five counts shown on a preview or result page.</summary>
    public static ImportCounts Counts(string html)
    {
        var found = CountPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(Regex.Replace(m.Groups[2].Value, "[^0-9]", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(found.Count == 5, "The page shows no counts.");
        return new ImportCounts(found["new"], found["updated"], found["unchanged"], found["warned"], found["rejected"]);
    }

    public static string State(string html) => StatePattern().Match(html).Groups[1].Value;

    public static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    /// <summary>A CSV with chosen header names, each taking its values from a canonical SIASN column of the sample rows.</summary>
    public static byte[] Csv(IEnumerable<SampleEmployee> rows, params (string Header, string From)[] columns)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var r in rows) sb.AppendJoin(',', columns.Select(c => Quote(r[c.From]))).Append("\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>Creates the sample units directly (for tests about employees, not about the unit file).</summary>
    public static async Task EnsureUnitsAsync(this AppFactory app, IReadOnlyList<SampleUnit> units)
    {
        await app.WithDb(async db =>
        {
            if (await db.Units.AnyAsync(u => u.SiasnUnorId == units[0].Id)) return 0;
            var made = new Dictionary<string, AgentProgram.Web.Domain.Organization.Unit>();
            foreach (var u in units)
            {
                var unit = new AgentProgram.Web.Domain.Organization.Unit { Name = u.Name, SiasnUnorId = u.Id, HeadTitle = u.HeadTitle, Parent = u.ParentId is null ? null : made[u.ParentId] };
                made[u.Id] = unit;
                db.Units.Add(unit);
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Every text and blob value in every table of a SQLite file that contains one of <paramref name="needles"/>
    /// (as text or UTF-8 bytes), as "table.column". Empty means the values are stored nowhere.
    /// </summary>
    public static List<string> FindAnywhere(string connectionString, IReadOnlyCollection<string> needles)
    {
        var hits = new List<string>();
        using var c = new SqliteConnection(connectionString);
        c.Open();
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var needleBytes = needles.Select(Encoding.UTF8.GetBytes).ToList();
        foreach (var table in tables)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (r.IsDBNull(i)) continue;
                    var value = r.GetValue(i);
                    var hit = value switch
                    {
                        string s => needles.Any(n => s.Contains(n, StringComparison.Ordinal)),
                        byte[] b => needleBytes.Any(n => b.AsSpan().IndexOf(n) >= 0),
                        _ => false,
                    };
                    if (hit) hits.Add($"{table}.{r.GetName(i)}");
                }
            }
        }
        return hits.Distinct().ToList();
    }

    public static string ConnectionString(this AppFactory app) => app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!)).GetAwaiter().GetResult();
}
