using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Imports;
using AgentProgram.Tests.Features.InsightsImport;
using AgentProgram.Tests.Features.Messages;
using AgentProgram.Tests.Features.ShareVerification;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Imports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Security;

/// <summary>
/// Hostile input through the real forms and imports: HTML and script, SQL fragments, control characters,
/// very long text, malformed Unicode sent as raw bytes, and disguised or oversized files. Each is either
/// stored inertly and shown encoded (the page holds the encoded text and no live script of ours), or
/// refused with an Indonesian message that keeps what was typed. Nothing answers 500.
/// </summary>
public sealed class HostileInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Script = "<script>alert(\"xss-7f3\")</script>";
    private const string ScriptEncoded = "&lt;script&gt;alert(&quot;xss-7f3&quot;)&lt;/script&gt;";
    private const string Sql = "'; DROP TABLE \"PolicyMessages\"; --";
    private const string Attribute = "\" onmouseover=\"alert(1)\" x=\"";

    /// <summary>The page shows the hostile text only encoded: never a live script or a broken-out attribute.</summary>
    private static void AssertInert(string html, string context)
    {
        Assert.DoesNotContain("<script>alert(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover=\"alert(1)\"", html, StringComparison.Ordinal);
        Assert.True(html.Contains(ScriptEncoded, StringComparison.Ordinal) || html.Contains("&lt;script&gt;alert(", StringComparison.Ordinal),
            $"{context}: the encoded text is not on the page");
    }

    private static async Task AssertNotServerError(HttpResponseMessage response, string context) =>
        Assert.True((int)response.StatusCode < 500, $"{context}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    [Fact]
    public async Task A_message_draft_stores_script_sql_and_control_characters_inertly_and_shows_them_encoded()
    {
        var (_, humas) = await app.UserAsync(false, Roles.Humas);
        var title = "Judul " + Script + " \u0007\u202E" + Sql;
        var id = await humas.CreateDraftAsync(title, ("KeyMessage", "Isi " + Script + Attribute), ("PublicBenefit", Sql), ("Hashtags", "#Aman #" + "<b>tebal</b>"));
        var stored = await app.WithDb(db => db.PolicyMessages.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Contains(Script, stored.Title, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.PolicyMessages.AnyAsync()), "the table is still there");

        AssertInert(await humas.GetHtmlAsync($"/pesan/{id}"), "message detail");
        AssertInert(await humas.GetHtmlAsync("/pesan"), "message list");
        AssertInert(await humas.GetHtmlAsync($"/pesan/{id}/ubah"), "edit form");
        var search = await humas.GetAsync("/pesan?q=" + Uri.EscapeDataString(Script + Sql));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.DoesNotContain("<script>alert(", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_title_is_refused_with_a_message_keeping_the_rest_of_the_form()
    {
        var (_, humas) = await app.UserAsync(false, Roles.Humas);
        var response = await humas.PostFormAsync("/pesan/baru", "/pesan/baru", MessageTestKit.DraftFields(new string('A', 200_000), ("PublicBenefit", "Manfaat yang tetap ada")));
        await AssertNotServerError(response, "long title");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Manfaat yang tetap ada", html, StringComparison.Ordinal);
        Assert.Contains("paling banyak", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.PolicyMessages.CountAsync(m => m.Title.Length > 1000)));
    }

    [Fact]
    public async Task Malformed_utf8_and_a_lone_surrogate_sent_as_raw_bytes_never_break_a_form()
    {
        var (_, humas) = await app.UserAsync(false, Roles.Humas);
        var page = await humas.GetHtmlAsync("/pesan/baru");
        var token = HttpClientExtensions.AntiforgeryToken(page);
        var fields = MessageTestKit.DraftFields("Judul Pengganti").Where(f => f.Item1 != "Title")
            .Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2));
        // %ED%A0%80 is a UTF-16 surrogate encoded as UTF-8 (invalid); %C3%28 and %FF are invalid sequences.
        var body = string.Join('&', fields) + "&__af=" + Uri.EscapeDataString(token) + "&Title=Surat%ED%A0%80Rusak%C3%28%FF%00Akhir";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await humas.PostAsync("/pesan/baru", content);
        await AssertNotServerError(response, "raw bytes");
        var titles = await app.WithDb(db => db.PolicyMessages.AsNoTracking().Where(m => m.Title.StartsWith("Surat")).Select(m => m.Title).ToListAsync());
        foreach (var t in titles)
        {
            // Whatever was stored is well-formed UTF-16: no lone surrogate survives to the database.
            for (var i = 0; i < t.Length; i++)
            {
                if (char.IsHighSurrogate(t[i])) Assert.True(i + 1 < t.Length && char.IsLowSurrogate(t[i + 1]), "lone high surrogate stored");
                else Assert.False(char.IsLowSurrogate(t[i]) && (i == 0 || !char.IsHighSurrogate(t[i - 1])), "lone low surrogate stored");
            }
        }
    }

    [Fact]
    public async Task A_reward_scheme_name_with_script_is_shown_encoded()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var response = await humas.PostFormAsync("/skema-penghargaan/baru", "/skema-penghargaan/baru", ("Name", "Skema " + Script), ("Description", Attribute + Sql));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertInert(await humas.GetHtmlAsync("/skema-penghargaan"), "scheme list");
        AssertInert(await humas.GetHtmlAsync(AgentTestKit.LocationOf(response)), "scheme version");
    }

    [Fact]
    public async Task A_public_response_with_script_is_stored_inertly_and_shown_encoded_to_humas()
    {
        var agent = await app.SeedAgentAsync("Agen Tanggapan Jahil");
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Tanggapan Jahil");
        var report = await ReportSeed.ReportAsync(app, agent.AgentId, messageId);
        var client = await app.SignInAsAsync(agent.Email);
        var url = $"/laporan-saya/{report.Id}/tanggapan";
        // A NUL byte no browser sends: refused (the form is not read), nothing stored.
        var nul = await client.PostFormAsync(url, url, ("Text", "Ada NUL \u0000 di sini"), ("Kind", "Question"), ("Sentiment", "Negative"));
        await AssertNotServerError(nul, "NUL");
        Assert.NotEqual(HttpStatusCode.Redirect, nul.StatusCode);
        var response = await client.PostFormAsync(url, url, ("Text", "Warga bertanya " + Script + Sql + "\u0008\u001B\u202E"), ("Kind", "Question"), ("Sentiment", "Negative"));
        await AssertNotServerError(response, "response");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Refused (control characters): the message is Indonesian and the text is kept, encoded.
            AssertInert(await response.Content.ReadAsStringAsync(), "refused response form");
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertInert(await client.GetHtmlAsync(url), "agent's responses");
        var humas = await app.SignedInClientAsync(Roles.Humas);
        AssertInert(await humas.GetHtmlAsync("/tanggapan-publik"), "response queue");
        var csv = Encoding.UTF8.GetString(await (await humas.GetAsync("/tanggapan-publik/ekspor")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_social_account_with_a_script_handle_or_a_javascript_link_is_refused_keeping_the_input()
    {
        var agent = await app.SeedAgentAsync("Agen Tautan Jahil");
        var client = await app.SignInAsAsync(agent.Email);
        foreach (var (handle, link) in new[] { (Script, "https://www.instagram.com/aman"), ("aman", "javascript:alert(1)//instagram.com/aman"), ("aman", "https://www.instagram.com/" + Uri.EscapeDataString(Script)) })
        {
            var response = await client.PostFormAsync("/agen/akun-media-sosial/baru", "/agen/akun-media-sosial/baru",
                ("Platform", "Instagram"), ("Handle", handle), ("ProfileUrl", link), ("Kind", "Personal"), ("Followers", "10"), ("Consent", "true"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.Contains("text-danger", html, StringComparison.Ordinal);
            Assert.Contains(link[..10], html, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.AgentId == agent.AgentId)));
    }

    [Fact]
    public async Task An_employee_import_with_script_and_formulas_in_names_stores_them_inertly_and_exports_them_defused()
    {
        var generator = new SiasnSampleGenerator(seed: 913);
        var units = generator.Units(2);
        await app.EnsureUnitsAsync(units);
        var rows = generator.Employees(2, units).ToList();
        rows[0] = rows[0].With("NAMA", "Budi " + Script);
        rows[1] = rows[1].With("NAMA", "=HYPERLINK(\"http://jahat.test\",\"klik\")");
        var hr = await app.HrAsync();
        var (_, result) = await hr.ImportAsync(SiasnSampleGenerator.EmployeesCsv(rows), "jahil.csv");
        Assert.DoesNotContain("<script>alert(", result, StringComparison.Ordinal);
        var list = await hr.GetHtmlAsync("/pegawai?q=" + Uri.EscapeDataString("Budi"));
        AssertInert(list, "employee list");
        var export = await hr.GetAsync("/pegawai/ekspor?q=" + Uri.EscapeDataString("HYPERLINK"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=HYPERLINK", csv, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> DisguisedTables => new()
    {
        { "program.csv", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00] },                   // a Windows executable named .csv
        { "halaman.xlsx", Encoding.UTF8.GetBytes("<html><body>" + Script + "</body></html>") },           // HTML named .xlsx
        { "gambar.csv", MessageTestKit.TinyPng },                                                          // a PNG named .csv
        { "arsip.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFF] },       // a broken zip named .xlsx
        { "utf16.csv", Encoding.Unicode.GetBytes("NIP BARU,NAMA\r\n1,2\r\n") },                            // UTF-16 "Unicode text"
    };

    [Theory]
    [MemberData(nameof(DisguisedTables))]
    public async Task An_import_file_is_judged_by_its_content_and_refused_with_an_indonesian_message(string name, byte[] content)
    {
        var hr = await app.HrAsync();
        var before = await app.WithDb(db => db.ImportBatches.CountAsync());
        var response = await ImportTestKit.UploadAsync(hr, content, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = ImportTestKit.UploadError(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(error), "no message");
        Assert.Matches("(Berkas|berkas|Unggah|unggah)", error);
        Assert.Equal(before, await app.WithDb(db => db.ImportBatches.CountAsync()));
    }

    [Fact]
    public async Task An_insights_file_with_script_headers_and_formula_cells_shows_them_encoded()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var csv = InsightsTestKit.Csv("Tautan," + "\"" + Script.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",Tayangan",
            "https://www.instagram.com/p/Hostile12345/,=1+1,12",
            "=HYPERLINK(\"http://jahat.test\"),@SUM(1),-5");
        var response = await InsightsTestKit.UploadAsync(humas, csv, "insight.csv");
        await AssertNotServerError(response, "insights upload");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        if (html.Contains("data-testid=\"mapping-fields\"", StringComparison.Ordinal)) Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var disguised = await InsightsTestKit.UploadAsync(humas, [0x4D, 0x5A, 0x90, 0x00], "insight.csv");
        Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
        Assert.DoesNotContain("data-testid=\"mapping-fields\"", await disguised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, byte[]> DisguisedMedia => new()
    {
        { "setup.png", "image/png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00] },
        { "gambar.svg", "image/svg+xml", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "halaman.jpg", "image/jpeg", Encoding.UTF8.GetBytes("<!DOCTYPE html><html>" + Script + "</html>") },
        { "kosong.png", "image/png", [] },
    };

    [Theory]
    [MemberData(nameof(DisguisedMedia))]
    public async Task Message_media_is_judged_by_its_content_not_its_name_or_claimed_type(string name, string claimed, byte[] content)
    {
        var (_, humas) = await app.UserAsync(false, Roles.Humas);
        var id = await humas.CreateDraftAsync("Draf Media " + name);
        var response = await humas.UploadAsync(id, content, name, claimed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("(bukan gambar JPEG, PNG, atau WebP|Pilih berkas gambar atau video)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDb(db => db.MediaFiles.CountAsync(m => m.FileName.StartsWith(Path.GetFileNameWithoutExtension(name)))));
    }

    [Fact]
    public async Task A_polyglot_png_with_html_inside_is_stored_outside_the_web_root_and_served_as_an_image_that_is_never_sniffed()
    {
        var (_, humas) = await app.UserAsync(false, Roles.Humas);
        var id = await humas.CreateDraftAsync("Draf Poliglot");
        var polyglot = MessageTestKit.TinyPng.Concat(Encoding.UTF8.GetBytes("<html>" + Script + "</html>")).ToArray();
        var upload = await humas.UploadAsync(id, polyglot, "poliglot.html", "text/html");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var media = await app.WithDb(db => db.MediaFiles.AsNoTracking().SingleAsync(m => m.FileName.StartsWith("poliglot")));
        Assert.Equal("image/png", media.ContentType);
        Assert.Equal("poliglot.png", media.FileName);

        string webRoot = "";
        await app.WithServices(sp => { webRoot = sp.GetRequiredService<IWebHostEnvironment>().WebRootPath ?? ""; return Task.CompletedTask; });
        var stored = Path.GetFullPath(Path.Combine(app.DataPath, "media", media.StoragePath));
        Assert.True(File.Exists(stored));
        Assert.False(webRoot.Length > 0 && stored.StartsWith(Path.GetFullPath(webRoot), StringComparison.Ordinal), "stored under the web root");

        var served = await humas.GetAsync($"/pesan/media/{media.Id}");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("inline", served.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(polyglot, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_share_report_screenshot_that_is_not_an_image_is_refused_and_a_link_with_script_is_shown_encoded()
    {
        var agent = await app.SeedAgentAsync("Agen Bukti Jahil");
        await app.SeedAccountAsync(agent.AgentId, Platform.X, "buktijahil", VerificationState.Verified);
        var messageId = await TrackedLinkSeed.MessageAsync(app, "Pesan Bukti Jahil");
        var assignmentId = await app.WithDb(async db =>
        {
            var a = new Assignment { MessageId = messageId, AgentId = agent.AgentId, DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };
            db.Assignments.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var client = await app.SignInAsAsync(agent.Email);

        async Task<HttpResponseMessage> PostAsync(string url, byte[]? screenshot, string fileName)
        {
            var page = await client.GetHtmlAsync($"/tugas/{assignmentId}/lapor");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(HttpClientExtensions.AntiforgeryToken(page)), "__af" },
                { new StringContent(Guid.NewGuid().ToString()), "SubmissionKey" },
                { new StringContent("X"), "Platform" },
                { new StringContent(url), "PostUrl" },
                { new StringContent(Features.Assignments.AssignmentTests.LocalInput(DateTime.UtcNow.AddMinutes(-20))), "PostedAt" },
                { new StringContent("15"), "Views" },
            };
            if (screenshot is not null)
            {
                var file = new ByteArrayContent(screenshot);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                form.Add(file, "screenshot", fileName);
            }
            return await client.PostAsync($"/tugas/{assignmentId}/lapor", form);
        }

        var exe = await PostAsync("https://x.com/buktijahil/status/1867000000000000001", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "bukti.png");
        Assert.Equal(HttpStatusCode.OK, exe.StatusCode);
        Assert.Contains("data-testid=\"error-screenshot\"", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scripted = await PostAsync("https://x.com/buktijahil/status/" + Script, null, "");
        Assert.Equal(HttpStatusCode.OK, scripted.StatusCode);
        var html = await scripted.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-PostUrl\"", html, StringComparison.Ordinal);
        AssertInert(html, "report form");

        var js = await PostAsync("javascript:alert(1)", null, "");
        Assert.Contains("data-testid=\"error-PostUrl\"", await js.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.ShareReports.CountAsync(r => r.AgentId == agent.AgentId)));
    }

    [Fact]
    public async Task Every_list_page_survives_hostile_query_strings()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.Humas] = await app.SignedInClientAsync(Roles.Humas),
            [Roles.Kepegawaian] = await app.SignedInClientAsync(Roles.Kepegawaian),
            [Roles.Administrator] = await app.SignedInClientAsync(Roles.Administrator),
        };
        var values = new[] { Script, Sql, "1 OR 1=1", "%00\u0000", new string('9', 5000), "-1", "99999999999999999999", "\uFFFF\u202E", "../../etc/passwd" };
        var pages = new (string Role, string Path, string[] Parameters)[]
        {
            (Roles.Humas, "/pesan", ["q", "status", "misi", "antrean", "hal"]),
            (Roles.Humas, "/verifikasi-laporan", ["status", "pesan", "unit", "platform", "bendera", "hal"]),
            (Roles.Humas, "/tanggapan-publik", ["status", "jenis", "pesan", "unit", "hal"]),
            (Roles.Humas, "/tanggapan-publik/ringkasan", ["dari", "sampai"]),
            (Roles.Humas, "/statistik-tautan", ["pesan", "platform", "unit", "hal"]),
            (Roles.Humas, "/skema-penghargaan", ["q", "hal"]),
            (Roles.Humas, "/periode-penghargaan", ["cari", "status", "hal"]),
            (Roles.Kepegawaian, "/pegawai", ["q", "unit", "jenis", "status", "gol", "agen", "urut", "hal"]),
            (Roles.Kepegawaian, "/agen", ["q", "status", "unit", "persetujuan", "terverifikasi", "urut", "hal"]),
            (Roles.Kepegawaian, "/unit-kerja", ["q", "tutup"]),
            (Roles.Kepegawaian, "/catatan-disiplin", ["q", "jenis", "status", "hal"]),
            (Roles.Administrator, "/admin/pengguna", ["q", "peran", "status", "urut", "hal"]),
            (Roles.Administrator, "/admin/jejak-audit", ["aksi", "pengguna", "entitas", "kunci", "dari", "sampai", "hal"]),
        };
        var failures = new List<string>();
        foreach (var (role, path, parameters) in pages)
            foreach (var value in values)
            {
                var query = string.Join('&', parameters.Select(p => p + "=" + Uri.EscapeDataString(value)));
                var response = await clients[role].GetAsync(path + "?" + query);
                var html = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500) failures.Add($"{path} with {value[..Math.Min(20, value.Length)]}: {(int)response.StatusCode}");
                else if (html.Contains("<script>alert(", StringComparison.Ordinal)) failures.Add($"{path} reflects a live script");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
