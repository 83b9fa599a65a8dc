using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Features.Documents.Certificates;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Tests.Features.Documents.Certificates;

public sealed class CertificateDocumentTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataApp.IssuedOn);

    private static readonly DocumentStamp Final = new(
        "B-7/HM.01/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataApp.IssuedOn, false);

    private const string Bsre = "Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara";

    private Task<CertificateModel?> One(string key) =>
        app.Handle<CertificateModel?, CertificateModelHandler>(h => h.BuildOneAsync(app.PeriodId, app[key].AgentId, DocumentDataApp.IssuedOn));

    private static PdfReading Read(byte[] pdf, string name) => RecommendationLetterDocumentTests.Read(pdf, name);

    private static void OnePageLandscape(PdfReading pdf)
    {
        Assert.Equal(1, pdf.PageCount);
        Assert.True(pdf.Sizes[0].Width > pdf.Sizes[0].Height);
        Assert.Equal(297 * 72 / 25.4, pdf.Sizes[0].Width, 0);
    }

    [Fact]
    public async Task A_draft_names_institution_recipient_reason_period_signer_and_carries_konsep_on_one_landscape_page()
    {
        var model = (await One("wayan"))!;
        var bytes = CertificateDocument.Render(model, Draft);
        var pdf = Read(bytes, "certificate-draft");

        OnePageLandscape(pdf);
        Assert.True(pdf.Contains(DocumentDataApp.Institution.ToUpperInvariant()));
        Assert.True(pdf.Contains("PIAGAM PENGHARGAAN"));
        Assert.True(pdf.Contains("Nomor: " + DocumentTexts.Placeholder));
        Assert.True(pdf.Contains("diberikan kepada"));
        Assert.True(pdf.Contains("Wayan Putra, S.Kom."));
        // The model carries the recipient's NIP, so the certificate shows it, formatted.
        Assert.True(pdf.Contains("NIP 20001231 202421 1 001"));
        Assert.True(pdf.Contains("Pranata Humas Wayan, Dinas Kominfo"));
        Assert.True(pdf.Contains("Kota Uji, 10 November 2026"));
        Assert.True(pdf.Contains(DocumentDataApp.HeadTitle));
        Assert.True(pdf.Contains("Dr. Hendra Wijaya, M.Si."));
        // The head of the institution signs without rank or NIP: the only NIP is the recipient's.
        Assert.Single(pdf.Pages[0].Split("NIP ", StringSplitOptions.None).Skip(1));
        Assert.Equal(1, RecommendationLetterDocumentTests.WatermarkedPages(bytes));
        Assert.False(pdf.Contains("Kode verifikasi"));
        Assert.False(pdf.Contains(Bsre));
    }

    [Fact]
    public async Task A_finalised_certificate_shows_number_and_code_without_konsep_and_bsre_only_when_signed()
    {
        var model = (await One("siti"))!;
        var bytes = CertificateDocument.Render(model, Final);
        var pdf = Read(bytes, "certificate-final");
        OnePageLandscape(pdf);
        Assert.True(pdf.Contains("Nomor: B-7/HM.01/XI/2026"));
        Assert.True(pdf.Contains("ABCDEFGH23"));
        Assert.True(pdf.Contains("Dr. Siti Aminah, S.Sos., M.Si."));
        // The reason names the institution, the period and its dates (read on the final one: no watermark letters
        // in the reading order).
        Assert.True(pdf.Contains(model.Reason));
        Assert.True(pdf.Contains("periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)"));
        Assert.Equal(0, RecommendationLetterDocumentTests.WatermarkedPages(bytes));
        Assert.False(pdf.Contains(Bsre));

        var signed = Read(CertificateDocument.Render(model, Final with { SignedElectronically = true }), "certificate-signed");
        OnePageLandscape(signed);
        Assert.True(signed.Contains(Bsre));
        Assert.True(signed.Contains("ABCDEFGH23"));
    }

    [Fact]
    public async Task A_full_letterhead_a_long_position_and_a_signer_with_nip_still_fit_on_one_page()
    {
        var model = (await One("rina"))!;
        var full = model with
        {
            Letterhead = model.Letterhead with { Logo = PdfTestDocuments.Logo(), ParentLines = ["Pemerintah Provinsi Jawa Tengah"] },
            Position = "Pranata Hubungan Masyarakat Ahli Muda pada Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah",
            Signature = PdfTestDocuments.Signature,
        };
        var pdf = Read(CertificateDocument.Render(full, Final with { SignedElectronically = true }), "certificate-full");
        OnePageLandscape(pdf);
        Assert.True(pdf.Contains("PEMERINTAH PROVINSI JAWA TENGAH"));
        Assert.True(pdf.Contains("Rina Lestari, A.Md."));
        Assert.True(pdf.Contains("NIP 19860926 201505 1 001"));
        Assert.True(pdf.Contains("ABCDEFGH23"));
    }

    [Fact]
    public async Task Same_bytes_twice_and_a_batch_gives_one_page_per_certificate()
    {
        var model = (await One("budi"))!;
        Assert.Equal(CertificateDocument.Render(model, Final), CertificateDocument.Render(model, Final));

        var all = (await app.Handle<IReadOnlyList<CertificateModel>?, CertificateModelHandler>(h => h.BuildAllAsync(app.PeriodId, DocumentDataApp.IssuedOn)))!;
        var bytes = PdfDocument.Create(d =>
        {
            foreach (var c in all)
            {
                CertificateDocument.Compose(d, c, Draft);
            }
        }).GeneratePdf();
        var pdf = Read(bytes, "certificate-batch");
        Assert.Equal(all.Count, pdf.PageCount);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.True(pdf.PageContains(i + 1, all[i].RecipientName), all[i].RecipientName);
        }
    }
}
