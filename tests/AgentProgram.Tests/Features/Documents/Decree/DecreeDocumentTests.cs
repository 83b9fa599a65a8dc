using System.Globalization;
using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Features.Documents.Decree;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Tests.Features.Documents.Decree;

public sealed class DecreeDocumentTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataApp.IssuedOn);

    private static readonly DocumentStamp Final = new(
        "800/12/BKPSDM/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataApp.IssuedOn, false);

    private const string Header = "No. Nama NIP Gol. Jabatan Unit Kerja";

    private async Task<DecreeModel> Build(int periodId) =>
        (await app.Handle<DecreeModel?, DecreeModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn)))!;

    private static PdfReading Read(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("PDF_DUMP_DIR") is { Length: > 0 } dir && dir.StartsWith("/tmp", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), pdf);
        }
        return PdfReading.Open(pdf);
    }

    private static List<string> PageLetters(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }

    /// <summary>The first page of the lampiran (1-based).</summary>
    private static int LampiranStart(PdfReading pdf, DecreeModel model) =>
        Enumerable.Range(1, pdf.PageCount).First(n => pdf.PageContains(n, model.AppendixHeading[^1]));

    [Fact]
    public async Task The_decree_reads_top_to_bottom_in_the_official_order()
    {
        var model = await Build(app.PeriodId);
        var pdf = Read(DecreeDocument.Render(model, Final), "decree-fixture");

        Assert.True(pdf.PageContains(1, DocumentDataApp.Institution.ToUpperInvariant()));
        var text = string.Join(' ', pdf.Pages);
        string[] order =
        [
            "KEPUTUSAN WALI KOTA UJI",
            "NOMOR 800/12/BKPSDM/XI/2026",
            "TENTANG",
            "PENETAPAN AGEN KOMUNIKASI PEMERINTAH KOTA UJI PERIODE OKTOBER 2026",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "WALI KOTA UJI,",
            "Menimbang : a. bahwa dalam rangka mendukung pengelolaan komunikasi publik",
            "b. bahwa Aparatur Sipil Negara",
            "c. bahwa berdasarkan pertimbangan",
            "Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
            "4. Peraturan Menteri Pendayagunaan Aparatur Negara",
            "MEMUTUSKAN:",
            "Menetapkan : KEPUTUSAN WALI KOTA UJI TENTANG PENETAPAN AGEN KOMUNIKASI",
            "KESATU : Menetapkan Aparatur Sipil Negara",
            "KEDUA : Agen Komunikasi sebagaimana dimaksud dalam Diktum KESATU bertugas:",
            "a. menyebarluaskan pesan kebijakan",
            "d. menjaga kerahasiaan data pribadi",
            "KETIGA :",
            "KEEMPAT :",
            "KELIMA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
            "Ditetapkan di Kota Uji",
            "pada tanggal 10 November 2026",
            "Dr. Hendra Wijaya, M.Si.",
            "LAMPIRAN",
            "DAFTAR AGEN KOMUNIKASI PEMERINTAH KOTA UJI PERIODE OKTOBER 2026",
            Header,
        ];
        var at = 0;
        foreach (var phrase in order)
        {
            var found = text.IndexOf(PdfReading.Normalise(phrase), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{phrase}' after position {at}");
            at = found + 1;
        }
        Assert.True(pdf.Contains("1 Oktober 2026 s.d. 31 Oktober 2026"));
        Assert.False(text.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_lampiran_lists_every_enrolled_agent_with_a_formatted_nip()
    {
        var model = await Build(app.PeriodId);
        var pdf = Read(DecreeDocument.Render(model, Final), "decree-lampiran");
        var start = LampiranStart(pdf, model);
        Assert.True(start >= 2);
        var lampiran = string.Join(' ', pdf.Pages.Skip(start - 1));

        Assert.Contains("LAMPIRAN KEPUTUSAN WALI KOTA UJI NOMOR 800/12/BKPSDM/XI/2026", lampiran, StringComparison.Ordinal);
        Assert.Contains(Header, lampiran, StringComparison.Ordinal);
        // A long name wraps inside its cell, so the row is checked through its first word, NIP and grade.
        foreach (var agent in model.Agents)
        {
            var firstWord = agent.Name.Split(' ')[0];
            Assert.Contains($"{agent.Number} {firstWord}", lampiran, StringComparison.Ordinal);
            Assert.Contains($"{agent.Nip} {agent.Grade}", lampiran, StringComparison.Ordinal);
        }
        Assert.Contains("Dr. Siti Aminah, S.Sos., 19860926 201505 1 001 III/d", lampiran, StringComparison.Ordinal);
        Assert.Contains("Wayan Putra, S.Kom. 20001231 202421 1 001 IX", lampiran, StringComparison.Ordinal);
        Assert.Contains("Tono Sugiarto", lampiran, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Agents.Single(a => a.Key == "siti").Nip, string.Join(' ', pdf.Pages), StringComparison.Ordinal);
        // The head of the institution signs without rank or NIP; it closes the lampiran too.
        Assert.True(pdf.PageContains(pdf.PageCount, "Dr. Hendra Wijaya, M.Si."));
        Assert.True(pdf.PageContains(pdf.PageCount, "WALI KOTA UJI,"));

        // Letter numbering: none on page 1, "Halaman X dari Y" from page 2 on, through the lampiran.
        Assert.DoesNotContain("Halaman", pdf.Pages[0], StringComparison.Ordinal);
        Assert.All(Enumerable.Range(2, pdf.PageCount - 1), n => Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}")));
    }

    [Fact]
    public async Task A_draft_carries_konsep_and_a_finalised_decree_its_number_and_verification_code()
    {
        var model = await Build(app.PeriodId);

        var draftBytes = DecreeDocument.Render(model, Draft);
        var draft = Read(draftBytes, "decree-konsep");
        Assert.All(PageLetters(draftBytes), letters => Assert.Contains(OfficialComponents.DraftWatermark, letters, StringComparison.Ordinal));
        Assert.True(draft.PageContains(1, "NOMOR " + DocumentTexts.Placeholder));
        Assert.False(draft.Contains("Kode verifikasi"));

        var finalBytes = DecreeDocument.Render(model, Final);
        var final = Read(finalBytes, "decree-final");
        Assert.All(PageLetters(finalBytes), letters => Assert.DoesNotContain(OfficialComponents.DraftWatermark, letters, StringComparison.Ordinal));
        Assert.True(final.PageContains(1, "NOMOR 800/12/BKPSDM/XI/2026"));
        // The verification box stands under the decree's signature, before the lampiran.
        var code = Enumerable.Range(1, final.PageCount).Single(n => final.PageContains(n, "Kode verifikasi: ABCDEFGH23"));
        Assert.True(final.PageContains(code, "Dr. Hendra Wijaya, M.Si."));
        Assert.True(code < LampiranStart(final, model));
        Assert.True(final.Contains("https://x.test/verifikasi/ABCDEFGH23"));
        Assert.True(final.Contains("LAMPIRAN KEPUTUSAN WALI KOTA UJI NOMOR 800/12/BKPSDM/XI/2026"));
        Assert.False(final.Contains(DocumentTexts.Placeholder));
    }

    [Fact]
    public async Task The_same_model_and_stamp_give_the_same_bytes()
    {
        var model = await Build(app.PeriodId);
        Assert.Equal(DecreeDocument.Render(model, Final), DecreeDocument.Render(model, Final));
        Assert.Equal(DecreeDocument.Render(model, Draft), DecreeDocument.Render(model, Draft));
    }

    [Fact]
    public void A_long_lampiran_repeats_the_table_header_on_every_page_and_keeps_rows_whole()
    {
        var model = Large(3_000, 30);
        var pdf = Read(DecreeDocument.Render(model, Final), "decree-large");
        var start = LampiranStart(pdf, model);

        Assert.True(pdf.PageCount - start > 30, $"{pdf.PageCount} pages, lampiran from {start}");
        for (var n = start; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, Header), $"header on page {n}");
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
        }
        Assert.True(pdf.PageContains(2, $"Halaman 2 dari {pdf.PageCount}"));
        foreach (var agent in model.Agents)
        {
            var page = Assert.Single(pdf.Pages, p => p.Contains(agent.Name + " ", StringComparison.Ordinal));
            Assert.Contains($"{agent.Number} {agent.Name} {agent.Nip} {agent.Grade} {agent.Position} {agent.Unit}", page, StringComparison.Ordinal);
        }
        Assert.True(pdf.PageContains(pdf.PageCount, "WALI KOTA BESAR,"));
        Assert.True(pdf.PageContains(pdf.PageCount, "Dr. Hendra Wijaya, M.Si."));
    }

    [Fact]
    public void An_empty_lampiran_says_so()
    {
        var model = Large(0, 0);
        var pdf = Read(DecreeDocument.Render(model, Final), "decree-empty");
        Assert.True(pdf.Contains(Header));
        Assert.True(pdf.Contains("Belum ada agen komunikasi"));
    }

    /// <summary>The decree's texts (by the handler's pure builder) around <paramref name="count"/> hand-built agents.</summary>
    private static DecreeModel Large(int count, int units)
    {
        var agents = new List<DecreeAgentRow>(count);
        for (var i = 1; i <= count; i++)
        {
            var nip = string.Create(CultureInfo.InvariantCulture, $"19{60 + (i % 40):D2}{1 + (i % 12):D2}{1 + (i % 28):D2} 20{10 + (i % 15):D2}{1 + (i % 12):D2} {1 + (i % 2)} {1 + ((i / 40) % 999):D3}");
            agents.Add(new DecreeAgentRow(
                i, i, string.Create(CultureInfo.InvariantCulture, $"Agen Uji {i:D4}"), nip, (i % 3) switch { 0 => "III/a", 1 => "IX", _ => "IV/b" },
                string.Create(CultureInfo.InvariantCulture, $"Analis {i:D4}"),
                string.Create(CultureInfo.InvariantCulture, $"Unit Kerja {1 + ((i - 1) * units / Math.Max(1, count)):D2}")));
        }
        var letterhead = new LetterheadModel("Pemerintah Kota Besar", ["Provinsi Uji"], "Jl. Merdeka 1", null, null);
        var signature = new SignatureModel("Kota Besar, 10 November 2026", "Wali Kota Besar", "Dr. Hendra Wijaya, M.Si.", null, null);
        return DecreeModelHandler.Decree(1, "Oktober 2026", DocumentDataApp.Start, DocumentDataApp.End, DocumentDataApp.IssuedOn, letterhead, signature, "Kota Besar", agents);
    }
}
