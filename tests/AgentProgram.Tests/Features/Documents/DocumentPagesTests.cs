using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pig = UglyToad.PdfPig;

namespace AgentProgram.Tests.Features.Documents;

/// <summary>
/// The documents pages end to end over HTTP: drafts carry KONSEP and no number; a Pimpinan finalises (one document or
/// a period's batch of letters); afterwards every download is the stored bytes; the provisional period refuses;
/// other roles cannot finalise; an agent gets only their own statement; the CLI writes what it says.
/// </summary>
public sealed class DocumentPagesTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static bool HasWatermark(byte[] pdf)
    {
        using var document = Pig.PdfDocument.Open(pdf);
        return document.GetPages().All(p => p.Text.Contains("KONSEP", StringComparison.Ordinal));
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpResponseMessage> FinaliseAsync(HttpClient client, string action, bool electronic = false) =>
        await client.PostFormAsync($"/dokumen/periode/{app.PeriodId}", action, electronic ? [("elektronik", "true")] : Array.Empty<(string, string)>());

    [Fact]
    public async Task Period_page_lists_every_kind_and_a_draft_download_has_the_watermark_and_no_number()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var html = await humas.GetHtmlAsync($"/dokumen/periode/{app.PeriodId}");
        foreach (var label in new[] { "Ringkasan Pimpinan", "Lampiran Penerima", "Nota Dinas Rekomendasi", "Surat Rekomendasi", "Piagam Penghargaan", "SK Penetapan Agen Komunikasi" })
            Assert.Contains(label, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"finalise-", html, StringComparison.Ordinal); // Humas does not finalise

        var summary = await PdfAsync(humas, $"/dokumen/periode/{app.PeriodId}/ringkasan");
        Assert.True(HasWatermark(summary));
        var reading = PdfReading.Open(summary);
        Assert.True(reading.Contains(DocumentDataApp.PeriodName));
        Assert.DoesNotContain("Kode verifikasi", string.Join(' ', reading.Pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pimpinan_finalises_the_appendix_once_and_every_download_is_the_stored_bytes()
    {
        var pimpinan = await app.SignedInClientAsync(Roles.Pimpinan);
        var first = await FinaliseAsync(pimpinan, $"/dokumen/periode/{app.PeriodId}/lampiran/final", electronic: true);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var key = $"appendix:period:{app.PeriodId}";
        var stored = await app.WithDb(db => db.IssuedDocuments.SingleAsync(d => d.Kind == DocumentKind.Appendix && d.SubjectKey == key));
        Assert.True(stored.SignedElectronically);
        var content = await app.WithDb(db => db.IssuedDocumentContents.Where(c => c.DocumentId == stored.Id).Select(c => c.Bytes).SingleAsync());
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));

        var download = await PdfAsync(pimpinan, $"/dokumen/periode/{app.PeriodId}/lampiran");
        var byId = await PdfAsync(await app.SignedInClientAsync(Roles.Kepegawaian), $"/dokumen/{stored.Id}");
        Assert.Equal(content, download);
        Assert.Equal(content, byId);
        Assert.False(HasWatermark(content));
        var reading = PdfReading.Open(content);
        Assert.True(reading.Contains(stored.Number));
        Assert.True(reading.Contains(stored.VerificationCode));
        Assert.True(reading.Contains("Balai Sertifikasi Elektronik"));

        // Pressing again gives no second number.
        await FinaliseAsync(pimpinan, $"/dokumen/periode/{app.PeriodId}/lampiran/final");
        Assert.Equal(1, await app.WithDb(db => db.IssuedDocuments.CountAsync(d => d.Kind == DocumentKind.Appendix)));
        var html = await pimpinan.GetHtmlAsync($"/dokumen/periode/{app.PeriodId}");
        Assert.Contains(stored.Number, html, StringComparison.Ordinal);
        Assert.Contains($"/verifikasi/{stored.VerificationCode}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_of_letters_gets_consecutive_numbers_and_the_archive_holds_the_stored_bytes()
    {
        var recommended = app.Agents.Count(a => a.Outcomes is { } o && (o & DocumentTexts.RecommendationOutcomes) != 0);
        Assert.True(recommended >= 2, "the fixture should recommend several agents");
        var pimpinan = await app.SignedInClientAsync(Roles.Pimpinan);
        Assert.Equal(HttpStatusCode.Redirect, (await FinaliseAsync(pimpinan, $"/dokumen/periode/{app.PeriodId}/rekomendasi/final")).StatusCode);

        var letters = await app.WithDb(db => db.IssuedDocuments.Where(d => d.Kind == DocumentKind.RecommendationLetter && d.PeriodId == app.PeriodId)
            .OrderBy(d => d.Sequence).ToListAsync());
        Assert.Equal(recommended, letters.Count);
        Assert.Equal(Enumerable.Range(letters[0].Sequence, letters.Count), letters.Select(l => l.Sequence));
        Assert.Equal(letters.Count, letters.Select(l => l.Number).Distinct().Count());
        Assert.All(letters, l => Assert.NotNull(l.AgentId));

        var zip = await pimpinan.GetAsync(new Uri($"/dokumen/periode/{app.PeriodId}/rekomendasi/arsip", UriKind.Relative));
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(letters.Count, archive.Entries.Count);
        foreach (var (entry, letter) in archive.Entries.Zip(letters))
        {
            using var memory = new MemoryStream();
            await using (var s = await entry.OpenAsync()) await s.CopyToAsync(memory);
            Assert.Equal(letter.Sha256, Convert.ToHexStringLower(SHA256.HashData(memory.ToArray())));
        }

        // One file with every letter, each with its own number and its own page count.
        var all = PdfReading.Open(await PdfAsync(pimpinan, $"/dokumen/periode/{app.PeriodId}/rekomendasi"));
        Assert.All(letters, l => Assert.True(all.Contains(l.Number), l.Number));
    }

    [Fact]
    public async Task Provisional_results_cannot_be_finalised_and_nothing_is_numbered()
    {
        var pimpinan = await app.SignedInClientAsync(Roles.Pimpinan);
        var before = await app.WithDb(db => db.DocumentCounters.CountAsync());
        var response = await pimpinan.PostFormAsync($"/dokumen/periode/{app.ProvisionalPeriodId}", $"/dokumen/periode/{app.ProvisionalPeriodId}/ringkasan/final", Array.Empty<(string, string)>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await pimpinan.GetHtmlAsync($"/dokumen/periode/{app.ProvisionalPeriodId}");
        Assert.Contains("belum disetujui", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.IssuedDocuments.CountAsync(d => d.PeriodId == app.ProvisionalPeriodId)));
        Assert.Equal(before, await app.WithDb(db => db.DocumentCounters.CountAsync()));
    }

    [Fact]
    public async Task Humas_cannot_finalise()
    {
        var humas = await app.SignedInClientAsync(Roles.Humas);
        var response = await humas.PostFormAsync($"/dokumen/periode/{app.PeriodId}", $"/dokumen/periode/{app.PeriodId}/sk-penetapan/final", Array.Empty<(string, string)>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("akses-ditolak", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb(db => db.IssuedDocuments.CountAsync(d => d.Kind == DocumentKind.Decree)));
    }

    [Fact]
    public async Task An_agent_downloads_only_their_own_statement()
    {
        var budi = app["budi"];
        var client = app.Client();
        var user = await app.CreateUserAsync(Roles.Agen);
        await app.WithDb(async db =>
        {
            var agent = await db.Agents.SingleAsync(a => a.Id == budi.AgentId);
            agent.UserId = user.Id;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.Email!, AppFactory.Password)).StatusCode);

        var pdf = PdfReading.Open(await PdfAsync(client, $"/dokumen/saya/periode/{app.PeriodId}"));
        Assert.True(pdf.Contains("Budi Santoso"));
        Assert.True(pdf.Contains(DocumentDataApp.PeriodName));

        // Someone else's finalised letter is not reachable through the agent's route.
        var pimpinan = await app.SignedInClientAsync(Roles.Pimpinan);
        var other = app.Agents.First(a => a.Key != "budi" && a.Outcomes is { } o && (o & RewardOutcomes.PromotionRecommendation) != 0);
        await pimpinan.PostFormAsync($"/dokumen/periode/{app.PeriodId}", $"/dokumen/periode/{app.PeriodId}/rekomendasi/agen/{other.AgentId}/final", Array.Empty<(string, string)>());
        var otherId = await app.WithDb(db => db.IssuedDocuments.Where(d => d.AgentId == other.AgentId).Select(d => d.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/dokumen/saya/{otherId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Cli_render_report_writes_the_pages_and_bytes_it_prints()
    {
        foreach (var kind in new[] { "summary", "appendix", "recommendations", "certificates", "decree" })
        {
            var file = Path.Combine(app.DataPath, kind + ".pdf");
            var line = await RunAsync(kind, "--period", app.PeriodId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);
            var bytes = await File.ReadAllBytesAsync(file);
            var reading = PdfReading.Open(bytes);
            Assert.Equal($"pages {reading.PageCount}, bytes {bytes.Length}", line);
            Assert.True(reading.Contains(DocumentDataApp.PeriodName) || kind == "decree", kind);
        }
        var statement = Path.Combine(app.DataPath, "agent.pdf");
        var agentLine = await RunAsync("agent", "--period", DocumentDataApp.PeriodName, "--agent", app["budi"].AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", statement);
        Assert.StartsWith("pages ", agentLine, StringComparison.Ordinal);
        Assert.True(PdfReading.Open(await File.ReadAllBytesAsync(statement)).Contains("Budi Santoso"));
        await Assert.ThrowsAsync<CliException>(() => RunAsync("message", "--out", statement));
        await Assert.ThrowsAsync<CliException>(() => RunAsync("nonsense", "--period", "1", "--out", statement));
    }

    [Fact]
    public void Page_count_of_a_stored_pdf_matches_pdfpig()
    {
        var pdf = AgentProgram.Web.Infrastructure.Pdf.PdfDocument.Create(d =>
        {
            d.Page(p => { p.Content.Text("satu"); p.Content.PageBreak(); p.Content.Text("dua"); p.Content.PageBreak(); p.Content.Text("tiga"); });
        }).GeneratePdf();
        Assert.Equal(3, RenderReportVerb.CountPages(pdf));
        Assert.Equal(3, PdfReading.Open(pdf).PageCount);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RenderReportVerb.RunAsync(scope.ServiceProvider, new CliArgs(args));
    }
}
