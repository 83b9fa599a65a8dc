using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Tests.Features.Documents.Letters;

public sealed class RecommendationLetterDocumentTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataApp.IssuedOn);

    private static readonly DocumentStamp Final = new(
        "B-7/HM.01/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataApp.IssuedOn, false);

    private const string Kop = "PEMERINTAH KOTA UJI";
    private const string Bsre = "Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara";

    private Task<RecommendationLetterModel?> One(string key) =>
        app.Handle<RecommendationLetterModel?, RecommendationLetterModelHandler>(h => h.BuildOneAsync(app.PeriodId, app[key].AgentId, DocumentDataApp.IssuedOn));

    internal static PdfReading Read(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("PDF_DUMP_DIR") is { Length: > 0 } dir && dir.StartsWith("/tmp", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), pdf);
        }
        return PdfReading.Open(pdf);
    }

    /// <summary>Pages carrying the diagonal KONSEP (its letters, as the rotated watermark is not read as words).</summary>
    internal static int WatermarkedPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var count = 0;
        foreach (var page in document.GetPages())
        {
            if (string.Concat(page.Letters.Select(l => l.Value)).Contains(OfficialComponents.DraftWatermark, StringComparison.Ordinal))
            {
                count++;
            }
        }
        return count;
    }

    [Fact]
    public async Task A_draft_shows_kop_blank_number_both_people_the_period_and_konsep()
    {
        var model = (await One("siti"))!;
        var bytes = RecommendationLetterDocument.Render(model, Draft);
        var pdf = Read(bytes, "letter-draft");

        Assert.True(pdf.PageContains(1, Kop));
        Assert.True(pdf.PageContains(1, "SURAT REKOMENDASI"));
        Assert.True(pdf.PageContains(1, "Nomor: " + DocumentTexts.Placeholder));
        Assert.True(pdf.PageContains(1, "Yth. Ketua Tim Penilai Kinerja Pemerintah Kota Uji"));
        Assert.True(pdf.Contains("Dr. Siti Aminah, S.Sos., M.Si."));
        Assert.True(pdf.Contains("NIP : 19860926 201505 1 001"));
        Assert.True(pdf.Contains("Pangkat/Gol. : Penata Tingkat I (III/d)"));
        Assert.True(pdf.Contains("Unit Kerja : Dinas Kominfo"));
        // The undersigned: in the fields and under the signature.
        Assert.True(pdf.Contains("Dimas Prasetyo, S.I.Kom., M.A."));
        Assert.True(pdf.Contains("NIP : 19820315 200604 1 002"));
        Assert.True(pdf.Contains("NIP 19820315 200604 1 002"));
        Assert.True(pdf.Contains("Kota Uji, 10 November 2026"));
        Assert.True(pdf.Contains("periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)"));
        Assert.True(pdf.Contains("untuk dipertimbangkan dalam kenaikan pangkat/jabatan dan tugas belajar"));
        Assert.True(pdf.Contains("Tembusan:"));
        Assert.True(pdf.Contains(DocumentDataApp.HrTitle));
        Assert.Equal(pdf.PageCount, WatermarkedPages(bytes));
        Assert.False(pdf.Contains("Kode verifikasi"));
        Assert.False(pdf.Contains(Bsre));
        Assert.False(pdf.Contains("Halaman 1 dari"));
    }

    [Theory]
    [InlineData("siti")]
    [InlineData("wayan")]
    [InlineData("rina")]
    [InlineData("hendra")]
    [InlineData("made")]
    public async Task Every_letter_recommends_for_consideration_and_never_decides(string key)
    {
        var model = (await One(key))!;
        var pdf = Read(RecommendationLetterDocument.Render(model, Final), "letter-" + key);
        var all = string.Join(' ', pdf.Pages);

        Assert.Contains("dipertimbangkan", all, StringComparison.Ordinal);
        foreach (var word in LetterWording.ForbiddenWords)
        {
            Assert.DoesNotContain(word, all, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(Web.Domain.Employees.Nip.FormatForDisplay(app[key].Nip), all, StringComparison.Ordinal);
        Assert.Contains(model.Recommended[0].Value!, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pppk_letter_shows_golongan_and_no_pangkat_line_for_the_agent()
    {
        var model = (await One("wayan"))!;
        var pdf = Read(RecommendationLetterDocument.Render(model, Draft), "letter-pppk");
        Assert.True(pdf.Contains("Golongan : IX"));
        Assert.False(pdf.Contains("Pangkat/Gol."));
        Assert.True(pdf.Contains("NIP : 20001231 202421 1 001"));
        Assert.False(pdf.Contains("Tembusan"));
    }

    [Fact]
    public async Task A_finalised_letter_shows_number_and_code_without_konsep_and_bsre_only_when_signed()
    {
        var model = (await One("siti"))!;
        var bytes = RecommendationLetterDocument.Render(model, Final);
        var pdf = Read(bytes, "letter-final");
        Assert.True(pdf.PageContains(1, "Nomor: B-7/HM.01/XI/2026"));
        Assert.True(pdf.Contains("ABCDEFGH23"));
        // The address may wrap inside the verification box beside the signature.
        Assert.Contains("https://x.test/verifikasi/ABCDEFGH23", string.Concat(pdf.Pages).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, pdf.PageCount);
        Assert.Equal(0, WatermarkedPages(bytes));
        Assert.False(pdf.Contains(Bsre));

        var signed = Read(RecommendationLetterDocument.Render(model, Final with { SignedElectronically = true }), "letter-signed");
        Assert.True(signed.Contains(Bsre));
        Assert.True(signed.Contains("ABCDEFGH23"));

        // A draft is never "signed", whatever the flag says.
        var draftSigned = Read(RecommendationLetterDocument.Render(model, Draft with { SignedElectronically = true }), "letter-draft-signed");
        Assert.False(draftSigned.Contains(Bsre));
    }

    [Fact]
    public async Task The_same_letter_gives_the_same_bytes()
    {
        var model = (await One("siti"))!;
        Assert.Equal(RecommendationLetterDocument.Render(model, Final), RecommendationLetterDocument.Render(model, Final));
        Assert.Equal(RecommendationLetterDocument.Render(model, Draft), RecommendationLetterDocument.Render(model, Draft));
        Assert.NotEqual(RecommendationLetterDocument.Render(model, Draft), RecommendationLetterDocument.Render(model, Final));
    }

    [Fact]
    public async Task A_batch_in_one_file_gives_each_letter_its_kop_and_its_own_page_numbers()
    {
        // Long letters (the body repeated) so each takes two pages.
        var keys = new[] { "siti", "wayan", "rina" };
        var letters = new List<RecommendationLetterModel>();
        foreach (var key in keys)
        {
            var m = (await One(key))!;
            letters.Add(m with { Body = [.. m.Body, .. m.Body, .. m.Body, .. m.Body, .. m.Body] });
        }
        var bytes = PdfDocument.Create(d =>
        {
            d.Metadata("Surat Rekomendasi", DocumentDataApp.Institution, "Batch", new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc));
            foreach (var letter in letters)
            {
                RecommendationLetterDocument.Compose(d, letter, Draft);
            }
        }).GeneratePdf();
        var pdf = Read(bytes, "letter-batch");
        Assert.Equal(pdf.PageCount, WatermarkedPages(bytes));

        var kopPages = Enumerable.Range(1, pdf.PageCount).Where(n => pdf.PageContains(n, Kop)).ToList();
        Assert.Equal(3, kopPages.Count);
        Assert.Equal(1, kopPages[0]);
        for (var i = 0; i < kopPages.Count; i++)
        {
            var first = kopPages[i];
            var last = i + 1 < kopPages.Count ? kopPages[i + 1] - 1 : pdf.PageCount;
            var count = last - first + 1;
            Assert.True(count >= 2, $"letter {i + 1} has {count} page(s)");
            Assert.True(pdf.PageContains(first, letters[i].Recommended[0].Value!));
            Assert.DoesNotContain("Halaman", pdf.Pages[first - 1], StringComparison.Ordinal);
            for (var n = 2; n <= count; n++)
            {
                Assert.True(pdf.PageContains(first + n - 1, $"Halaman {n} dari {count}"), $"page {first + n - 1}: {pdf.Pages[first + n - 2][^60..]}");
            }
        }
        Assert.False(pdf.Contains($"dari {pdf.PageCount}"));
    }

    [Fact]
    public async Task A_letter_without_a_recorded_signer_keeps_blanks_to_fill_in()
    {
        var model = (await One("hendra"))!;
        var unsigned = model with { Signature = null, Signer = RecommendationLetterModelHandler.SignerFields(null) };
        var pdf = Read(RecommendationLetterDocument.Render(unsigned, Draft), "letter-unsigned");
        Assert.True(pdf.Contains("Nama : " + DocumentTexts.Placeholder));
        Assert.True(pdf.Contains(DocumentTexts.Placeholder + ", 10 November 2026"));
        Assert.True(pdf.Contains("Hendra Gunawan"));
    }
}
