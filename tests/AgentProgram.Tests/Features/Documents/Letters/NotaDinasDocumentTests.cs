using System.Globalization;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Tests.Features.Documents.Letters;

public sealed class NotaDinasDocumentTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataApp.IssuedOn);

    private static readonly DocumentStamp Final = new(
        "B-7/HM.01/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataApp.IssuedOn, false);

    private const string Header = "No. Nama NIP Gol. Jabatan Unit Kerja Rekomendasi";
    private const string Bsre = "Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara";

    private Task<NotaDinasModel?> Nota(int periodId) =>
        app.Handle<NotaDinasModel?, NotaDinasModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn));

    private static PdfReading Read(byte[] pdf, string name) => RecommendationLetterDocumentTests.Read(pdf, name);

    [Fact]
    public async Task A_draft_shows_title_fields_table_with_formatted_nip_signature_and_konsep()
    {
        var model = (await Nota(app.PeriodId))!;
        var bytes = NotaDinasDocument.Render(model, Draft);
        var pdf = Read(bytes, "nota-draft");

        Assert.True(pdf.PageContains(1, DocumentDataApp.Institution.ToUpperInvariant()));
        Assert.True(pdf.PageContains(1, "NOTA DINAS"));
        Assert.True(pdf.Contains("Yth. : " + DocumentDataApp.HrTitle));
        Assert.True(pdf.Contains("Dari : " + DocumentDataApp.HumasTitle));
        Assert.True(pdf.Contains("Tembusan : " + DocumentDataApp.HeadTitle));
        Assert.True(pdf.Contains("Tanggal : 10 November 2026"));
        Assert.True(pdf.Contains("Nomor : " + DocumentTexts.Placeholder));
        Assert.True(pdf.Contains("Sifat : Biasa"));
        Assert.True(pdf.Contains("Hal : Rekomendasi Agen Komunikasi Periode Oktober 2026 untuk Dipertimbangkan"));
        Assert.True(pdf.Contains("periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)"));
        Assert.True(pdf.Contains(Header));
        foreach (var row in model.Rows)
        {
            Assert.True(pdf.Contains(row.Nip), row.Nip);
            // A name may wrap in its cell (the reader then interleaves it with the next cells): word by word.
            Assert.All(row.Name.Split(' '), word => Assert.True(pdf.Contains(word), word));
        }
        Assert.True(pdf.Contains("19860926 201505 1 001"));
        Assert.True(pdf.Contains("19860926 201505 1 001 III/d"));
        Assert.True(pdf.Contains("19880808 201212 1 006 III/b"));
        Assert.True(pdf.Contains("NIP 19820315 200604 1 002"));
        Assert.True(pdf.Contains("dipertimbangkan"));
        foreach (var word in LetterWording.ForbiddenWords)
        {
            Assert.DoesNotContain(word, string.Join(' ', pdf.Pages), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(pdf.PageCount, RecommendationLetterDocumentTests.WatermarkedPages(bytes));
        Assert.False(pdf.Contains("Kode verifikasi"));
        // The signature is never alone on a page: the closing paragraph stays with it.
        Assert.True(pdf.PageContains(pdf.PageCount, LetterWording.NotaClosing));
        Assert.True(pdf.PageContains(pdf.PageCount, "Dimas Prasetyo, S.I.Kom., M.A."));
    }

    [Fact]
    public async Task A_finalised_nota_shows_number_and_code_without_konsep_and_bsre_only_when_signed()
    {
        var model = (await Nota(app.PeriodId))!;
        var bytes = NotaDinasDocument.Render(model, Final);
        var pdf = Read(bytes, "nota-final");
        Assert.True(pdf.Contains("Nomor : B-7/HM.01/XI/2026"));
        Assert.True(pdf.Contains("ABCDEFGH23"));
        Assert.Equal(0, RecommendationLetterDocumentTests.WatermarkedPages(bytes));
        Assert.False(pdf.Contains(Bsre));
        Assert.False(pdf.Contains(DocumentTexts.Placeholder));

        var signed = Read(NotaDinasDocument.Render(model, Final with { SignedElectronically = true }), "nota-signed");
        Assert.True(signed.Contains(Bsre));
        Assert.Equal(NotaDinasDocument.Render(model, Final), NotaDinasDocument.Render(model, Final));
    }

    [Fact]
    public async Task A_period_without_recommendations_has_no_table()
    {
        var model = (await Nota(app.ProvisionalPeriodId))!;
        Assert.Empty(model.Rows);
        var pdf = Read(NotaDinasDocument.Render(model, Draft), "nota-empty");
        Assert.False(pdf.Contains(Header));
        Assert.True(pdf.Contains("tidak terdapat agen yang memenuhi syarat"));
    }

    [Fact]
    public async Task A_long_table_repeats_its_header_on_every_page_and_keeps_every_row()
    {
        var model = (await Nota(app.PeriodId))!;
        var rows = new List<RecommendationRow>(150);
        for (var i = 1; i <= 150; i++)
        {
            var n = i.ToString("000", CultureInfo.InvariantCulture);
            rows.Add(new RecommendationRow(i, 1000 + i, "Agen Uji " + n, "19860926 201505 1 " + n, "III/a",
                i % 7 == 0 ? "Pranata Hubungan Masyarakat Ahli Pertama pada Sub Bagian Protokol" : "Pranata Humas",
                "Dinas Kominfo", EmploymentType.Pns, RewardOutcomes.StudyRecommendation, "Kenaikan pangkat/jabatan dan izin belajar"));
        }
        var bytes = NotaDinasDocument.Render(model with { Rows = rows }, Draft);
        var pdf = Read(bytes, "nota-long");
        Assert.Equal(pdf.PageCount, RecommendationLetterDocumentTests.WatermarkedPages(bytes));

        Assert.True(pdf.PageCount >= 4, $"{pdf.PageCount} pages");
        for (var p = 1; p <= pdf.PageCount; p++)
        {
            var hasRows = pdf.Pages[p - 1].Contains("Agen Uji", StringComparison.Ordinal);
            if (hasRows)
            {
                Assert.True(pdf.PageContains(p, Header), $"page {p} has rows but no header");
            }
            if (p >= 2)
            {
                Assert.True(pdf.PageContains(p, $"Halaman {p} dari {pdf.PageCount}"));
            }
        }
        Assert.True(pdf.PageContains(1, "Agen Uji 001"));
        Assert.True(pdf.Contains("19860926 201505 1 150"));
        for (var i = 1; i <= 150; i++)
        {
            var n = i.ToString("000", CultureInfo.InvariantCulture);
            Assert.True(pdf.Contains("Agen Uji " + n + " 19860926 201505 1 " + n), n);
        }
        Assert.True(pdf.PageContains(pdf.PageCount, "NIP 19820315 200604 1 002"));
        Assert.False(pdf.PageContains(1, "Halaman"));
    }
}
