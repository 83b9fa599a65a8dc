using System.Net;
using System.Text;
using AgentProgram.Tests.Infrastructure;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Verification;

/// <summary>The public page behind the QR code: anonymous, shows the document's type, number, date, signer and subject only.</summary>
public sealed class VerificationPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Web.Domain.Documents.IssuedDocument> IssueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DocumentFinalisationService>();
        var doc = new PreparedDocument(DocumentKind.Certificate, "period:1:agent:" + Guid.NewGuid().ToString("N")[..6], "Piagam Penghargaan untuk Budi Santoso, Periode Oktober 2026",
            "piagam.pdf", new("Kota Uji, 24 November 2026", "Wali Kota Uji", "Ir. H. Ahmad Fauzi, M.T.", null, null), 1, 42, null,
            s => Encoding.UTF8.GetBytes("PDF " + s.Number));
        return (await service.FinaliseAsync(doc, new DateOnly(2026, 11, 24), false, "https://localhost", "u")).Document;
    }

    [Fact]
    public async Task Anyone_with_the_code_sees_what_the_document_is_and_nothing_more()
    {
        var issued = await IssueAsync();
        var html = await app.Client().GetHtmlAsync("/verifikasi/" + issued.VerificationCode);
        Assert.Contains("Dokumen ini terdaftar", html, StringComparison.Ordinal);
        Assert.Contains("Piagam Penghargaan", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(issued.Number), html, StringComparison.Ordinal);
        Assert.Contains("24 November 2026", html, StringComparison.Ordinal);
        Assert.Contains("Ir. H. Ahmad Fauzi, M.T.", html, StringComparison.Ordinal);
        Assert.Contains("Wali Kota Uji", html, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", html, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Sha256, html, StringComparison.Ordinal);
        Assert.DoesNotContain("PDF ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_typed_from_paper_is_forgiven_its_case_and_dashes()
    {
        var issued = await IssueAsync();
        var typed = issued.VerificationCode[..5].ToLowerInvariant() + "-" + issued.VerificationCode[5..];
        var response = await app.Client().GetAsync("/verifikasi?kode=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/verifikasi/" + issued.VerificationCode, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/verifikasi/ZZZZZZZZZZ")]
    [InlineData("/verifikasi/%3Cscript%3E")]
    [InlineData("/verifikasi?kode=ZZZZZZZZZZ")]
    public async Task An_unknown_code_says_so_with_404(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tidak ada dokumen terdaftar dengan kode itu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_empty_page_offers_a_code_box()
    {
        var html = await app.Client().GetHtmlAsync("/verifikasi");
        Assert.Contains("name=\"kode\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak ada dokumen terdaftar", html, StringComparison.Ordinal);
    }
}
