using System.Globalization;
using System.Net;
using AgentProgram.Tests.Features.Imports;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.InsightsImport;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.InsightsImport;

/// <summary>The insights import through the real pages: upload, mapping, result, and what lands in the database.</summary>
public sealed class InsightsImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _post = 100;

    private static string NextId() => "17900000000000" + Interlocked.Increment(ref _post).ToString("D5", CultureInfo.InvariantCulture);

    private static string NextCode() => "Cq" + Interlocked.Increment(ref _post).ToString("D5", CultureInfo.InvariantCulture) + "xYz9";

    private Task<HttpClient> HumasAsync() => app.SignedInClientAsync(Roles.Humas);

    private int KeptUploads() =>
        Directory.EnumerateFiles(Path.Combine(app.DataPath, "media"), "*." + InsightsUploadService.Extension, SearchOption.AllDirectories).Count();

    private Task<List<ReportSnapshot>> SnapshotsAsync(long reportId) =>
        app.WithDb(db => db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == reportId).OrderBy(s => s.Id).ToListAsync());

    [Fact]
    public async Task Rows_match_by_link_variants_and_bad_rows_are_listed_while_good_rows_import()
    {
        var now = DateTime.UtcNow;
        var xId = NextId();
        var igCode = NextCode();
        var tiktokId = "73500000000" + NextId()[11..];
        var ids = await app.SeedReportsAsync(
            (Platform.X, $"https://x.com/agen_uji/status/{xId}", now.AddHours(-25)),
            (Platform.Instagram, $"https://www.instagram.com/p/{igCode}/", now.AddDays(-7)),
            (Platform.TikTok, $"https://www.tiktok.com/@agen_uji/video/{tiktokId}", now.AddDays(-2)));
        var file = InsightsTestKit.Csv(
            "Permalink;Tayangan;Jangkauan;Suka;Komentar;Dibagikan;Disimpan;Catatan",
            $"https://twitter.com/Agen_Uji/status/{xId}?s=20;1.234;900;56;4;3;;kampanye",
            $"https://instagram.com/p/{igCode};\"1,500\";;;;;7;",
            $"https://www.instagram.com/p/{NextCode()}/;10;;;;;;",
            $"https://www.tiktok.com/@agen_uji/video/{tiktokId};abc;;;;;;",
            $"https://www.tiktok.com/@agen_uji/video/{tiktokId};-5;;;;;;",
            "https://example.org/berita/1;10;;;;;;",
            ";10;;;;;;");
        var client = await HumasAsync();

        var mapping = await client.UploadOkAsync(file, "insight.csv");
        Assert.Equal(5, Agents.AgentTestKit.Count(mapping, "sample-row"));
        var chosen = InsightsTestKit.MappingFields(mapping);
        Assert.Equal("0", chosen["Link"]);
        Assert.Equal("1", chosen["Views"]);
        Assert.Equal("5", chosen["Reposts"]);
        Assert.Equal("6", chosen["Saves"]);

        var kept = KeptUploads();
        var result = await client.ImportAsync(mapping);
        Assert.Equal((7, 2, 0, 1, 4), InsightsTestKit.Counts(result));
        Assert.Equal(kept - 1, KeptUploads());
        var issues = InsightsTestKit.Issues(result);
        Assert.Equal([4, 5, 6, 7, 8], issues.Keys.Order());
        Assert.Equal("Unmatched", issues[4].Outcome);
        Assert.Contains("Tautan ini belum dilaporkan oleh agen mana pun", issues[4].Reason);
        Assert.Equal("Invalid", issues[5].Outcome);
        Assert.Contains("Angka 'abc' di kolom Tayangan bukan bilangan bulat", issues[5].Reason);
        Assert.Contains("negatif", issues[6].Reason);
        Assert.Contains("bukan tautan kiriman", issues[7].Reason);
        Assert.Contains("Tautan kiriman kosong", issues[8].Reason);

        var x = Assert.Single(await SnapshotsAsync(ids[0]));
        Assert.Equal(MetricSource.CsvImport, x.Source);
        Assert.Equal(SnapshotWindow.Hours24, x.Window);
        Assert.Equal(new MetricValues(1234, 900, 56, 4, 3, null), x.Values);
        var ig = Assert.Single(await SnapshotsAsync(ids[1]));
        Assert.Equal(SnapshotWindow.Days7, ig.Window);
        Assert.Equal(new MetricValues(Views: 1500, Saves: 7), ig.Values);
        Assert.Empty(await SnapshotsAsync(ids[2]));

        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == RunInsightsImportHandler.AuditAction).ToListAsync());
        Assert.Contains(audit, a => a.Changes!.Contains("\"added\":2", StringComparison.Ordinal) && a.Changes.Contains("\"unmatched\":1", StringComparison.Ordinal));

        // The listed rows download as CSV for Excel, with their reasons.
        var rows = System.Text.RegularExpressions.Regex.Match(result, "name=\"rows\" value=\"([^\"]*)\"");
        Assert.True(rows.Success);
        var download = await client.PostAsync("/impor-insight/baris.csv", new FormUrlEncodedContent(
            [new("rows", WebUtility.HtmlDecode(rows.Groups[1].Value)), new("__af", HttpClientExtensions.AntiforgeryToken(result))]));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("text/csv", download.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csv = System.Text.Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFBaris,Tautan kiriman,Hasil,Alasan\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n4,https://www.instagram.com/p/", csv, StringComparison.Ordinal);
        Assert.Contains("Tidak cocok,\"Tautan ini belum dilaporkan", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n7,https://example.org/berita/1,Tidak valid,", csv, StringComparison.Ordinal);

        // The kept upload is gone: the same page posted again is refused as expired, and nothing more is added.
        var again = await client.ImportAsync(mapping);
        Assert.Contains("kedaluwarsa", InsightsTestKit.Text(again, "upload-error"));
        Assert.Single(await SnapshotsAsync(ids[0]));
    }

    [Fact]
    public async Task Uploads_never_imported_are_swept_once_expired()
    {
        var folder = Path.Combine(app.DataPath, "media", DateTime.UtcNow.ToString("yyyyMM", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, "00000000000000000000000000000001." + InsightsUploadService.Extension);
        var screenshot = Path.Combine(folder, "00000000000000000000000000000002.png");
        await File.WriteAllTextAsync(stale, "link,views");
        await File.WriteAllBytesAsync(screenshot, [1, 2, 3]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-5));
        File.SetLastWriteTimeUtc(screenshot, DateTime.UtcNow.AddHours(-5));

        var client = await HumasAsync();
        await client.UploadOkAsync(InsightsTestKit.Csv("link,views", "https://x.com/a/status/1790000000000000000,1"), "a.csv");
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(screenshot));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var now = DateTime.UtcNow;
        var id = NextId();
        var ids = await app.SeedReportsAsync((Platform.X, $"https://x.com/agen_dua/status/{id}", now.AddDays(-3)));
        var file = InsightsTestKit.Csv("url,views,likes", $"https://x.com/agen_dua/status/{id},\"2,000\",40");
        var client = await HumasAsync();
        var measured = now.AddHours(-1).AddHours(7).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture); // WIB is UTC+7

        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(await client.ImportAsync(await client.UploadOkAsync(file, "a.csv", measured))));
        Assert.Equal((1, 0, 1, 0, 0), InsightsTestKit.Counts(await client.ImportAsync(await client.UploadOkAsync(file, "a.csv", measured))));
        // Without a measuring time the reading is "now": still the same numbers in the same window, so still nothing new.
        Assert.Equal((1, 0, 1, 0, 0), InsightsTestKit.Counts(await client.ImportAsync(await client.UploadOkAsync(file, "a.csv"))));
        var s = Assert.Single(await SnapshotsAsync(ids[0]));
        Assert.Equal(2000, s.Views);
        Assert.Equal(SnapshotWindow.Other, s.Window);

        // New numbers are a new reading beside the old one.
        var newer = InsightsTestKit.Csv("url,views,likes", $"https://x.com/agen_dua/status/{id},2500,41");
        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(await client.ImportAsync(await client.UploadOkAsync(newer, "b.csv"))));
        Assert.Equal(2, (await SnapshotsAsync(ids[0])).Count);
    }

    [Fact]
    public async Task The_link_column_must_be_mapped_and_a_manual_mapping_imports()
    {
        var id = NextId();
        var ids = await app.SeedReportsAsync((Platform.X, $"https://x.com/agen_tiga/status/{id}", DateTime.UtcNow.AddDays(-1)));
        var file = InsightsTestKit.Csv("Alamat;Angka", $"https://x.com/agen_tiga/status/{id};77");
        var client = await HumasAsync();
        var mapping = await client.UploadOkAsync(file, "sendiri.csv");
        Assert.Equal("", InsightsTestKit.MappingFields(mapping)["Link"]);

        var refused = await client.ImportAsync(mapping);
        var errors = InsightsTestKit.Errors(refused);
        Assert.Contains("Pilih kolom yang berisi tautan kiriman", errors);
        Assert.Contains("Pilih paling sedikit satu kolom angka", errors);
        Assert.Empty(await SnapshotsAsync(ids[0]));

        var twice = await client.ImportAsync(refused, ("Link", "0"), ("Views", "0"));
        Assert.Contains("dipilih lebih dari sekali", InsightsTestKit.Errors(twice));

        var done = await client.ImportAsync(twice, ("Link", "0"), ("Views", "1"));
        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(done));
        Assert.Equal(77, Assert.Single(await SnapshotsAsync(ids[0])).Views);
    }

    [Fact]
    public async Task An_xlsx_export_imports()
    {
        var code = NextCode();
        var ids = await app.SeedReportsAsync((Platform.Instagram, $"https://www.instagram.com/reel/{code}/", DateTime.UtcNow.AddDays(-1)));
        var xlsx = XlsxBuilder.Build(["Permalink", "Plays", "Reach"], [[$"https://www.instagram.com/reel/{code}/?igsh=MTIz", 4321m, 3000m]]);
        var client = await HumasAsync();
        var result = await client.ImportAsync(await client.UploadOkAsync(xlsx, "reels.xlsx"));
        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(result));
        var s = Assert.Single(await SnapshotsAsync(ids[0]));
        Assert.Equal(new MetricValues(Views: 4321, Reach: 3000), s.Values);
        Assert.Equal(SnapshotWindow.Hours24, s.Window);
    }

    [Fact]
    public async Task Lower_numbers_than_before_flag_the_report()
    {
        var id = NextId();
        var posted = DateTime.UtcNow.AddDays(-2);
        var ids = await app.SeedReportsAsync((Platform.X, $"https://x.com/agen_empat/status/{id}", posted));
        await app.WithDb(async db =>
        {
            db.ReportSnapshots.Add(new ReportSnapshot
            {
                ReportId = ids[0], Source = MetricSource.SelfReported, Window = SnapshotWindow.Hours24, TakenUtc = posted.AddHours(24),
                Views = 5000, CreatedUtc = posted.AddHours(24),
            });
            return await db.SaveChangesAsync();
        });
        var client = await HumasAsync();
        var result = await client.ImportAsync(await client.UploadOkAsync(InsightsTestKit.Csv("link,views", $"https://x.com/agen_empat/status/{id},120"), "turun.csv"));
        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(result));
        Assert.NotNull(InsightsTestKit.Text(result, "flagged"));
        var flags = await app.WithDb(db => db.ShareReports.AsNoTracking().Where(r => r.Id == ids[0]).Select(r => r.Flags).SingleAsync());
        Assert.True(flags.HasFlag(ReportFlagSet.NumbersDecreased));
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_xlsx_is_refused_by_its_content()
    {
        var client = await HumasAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var response = await client.UploadAsync(png, "insight.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("bukan tabel data", InsightsTestKit.Text(html, "upload-error"));
        Assert.DoesNotContain("mapping-fields", html);

        byte[] oldExcel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3];
        var xls = await (await client.UploadAsync(oldExcel, "insight.xlsx")).Content.ReadAsStringAsync();
        Assert.Contains("Excel lama", InsightsTestKit.Text(xls, "upload-error"));
    }

    [Fact]
    public async Task A_measuring_time_in_the_future_is_refused()
    {
        var client = await HumasAsync();
        var future = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var response = await client.UploadAsync(InsightsTestKit.Csv("link,views", "https://x.com/a/status/1790000000000000000,1"), "a.csv", future);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("belum terjadi", InsightsTestKit.Text(html, "time-error"));
    }

    [Fact]
    public async Task An_upload_cannot_be_used_by_another_officer_or_forged()
    {
        var id = NextId();
        var ids = await app.SeedReportsAsync((Platform.X, $"https://x.com/agen_lima/status/{id}", DateTime.UtcNow.AddDays(-1)));
        var owner = await HumasAsync();
        var mapping = await owner.UploadOkAsync(InsightsTestKit.Csv("link,views", $"https://x.com/agen_lima/status/{id},9"), "a.csv");
        var fields = InsightsTestKit.MappingFields(mapping);

        var other = await HumasAsync();
        var otherPage = await other.GetHtmlAsync("/impor-insight");
        foreach (var reference in new[] { fields["Upload"], "202612/0123456789abcdef0123456789abcdef.csv" })
        {
            var post = new Dictionary<string, string>(fields) { ["Upload"] = reference, ["__af"] = HttpClientExtensions.AntiforgeryToken(otherPage) };
            var html = await (await other.PostAsync("/impor-insight/impor", new FormUrlEncodedContent(post))).Content.ReadAsStringAsync();
            Assert.Contains("kedaluwarsa", InsightsTestKit.Text(html, "upload-error"));
        }
        Assert.Empty(await SnapshotsAsync(ids[0]));
        Assert.Equal((1, 1, 0, 0, 0), InsightsTestKit.Counts(await owner.ImportAsync(mapping)));
    }

    [Theory]
    [InlineData(Roles.Kepegawaian)]
    [InlineData(Roles.Agen)]
    [InlineData(Roles.Pimpinan)]
    public async Task Only_Humas_reaches_the_import(string role)
    {
        var client = await app.SignedInClientAsync(role);
        var response = await client.GetAsync("/impor-insight");
        Assert.True(Security.AuthorizationMatrixTests.IsRefused(response, anonymous: false), $"{role} got {(int)response.StatusCode}.");
    }
}
