using System.Diagnostics;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Xunit.Abstractions;
using Pig = UglyToad.PdfPig;

namespace AgentProgram.Tests.Infrastructure.Pdf;

public sealed class PdfLayerTests
{
    [Fact]
    public void Wrapped_text_with_bold_and_italic_stays_inside_the_margins()
    {
        var pdf = PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.A4, paragraphs: 6);
        using var doc = Pig.PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        var left = Units.Mm(30) - 0.5;
        var right = page.Width - Units.Mm(25) + 0.5;
        var words = page.GetWords().Where(w => w.TextOrientation == Pig.Content.TextOrientation.Horizontal).ToList();
        Assert.Contains(words, w => w.Text == "merekomendasikan");
        Assert.All(words, w => Assert.InRange(w.BoundingBox.Left, left, right));
        Assert.All(words, w => Assert.InRange(w.BoundingBox.Right, left, right));
        var bodyLines = words.Where(w => w.Text == "Kepala").Select(w => w.Letters[0].FontName).ToList();
        Assert.Contains(bodyLines, f => (f ?? "").Contains("Bold", StringComparison.Ordinal));
        Assert.Contains(page.Letters, l => (l.FontName ?? "").Contains("Italic", StringComparison.Ordinal));
    }

    [Fact]
    public void A4_and_F4_have_their_sizes_in_points()
    {
        var a4 = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.A4));
        var f4 = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.F4));
        Assert.Equal(595.3, a4.Sizes[0].Width, 0.5);
        Assert.Equal(841.9, a4.Sizes[0].Height, 0.5);
        Assert.Equal(609.4, f4.Sizes[0].Width, 0.5);
        Assert.Equal(935.4, f4.Sizes[0].Height, 0.5);
    }

    [Fact]
    public void Long_table_repeats_its_header_and_never_splits_a_row()
    {
        var doc = PdfTestDocuments.Appendix(400, PdfTestDocuments.Finalised, PaperSize.A4);
        var pdf = doc.GeneratePdf();
        var reading = PdfReading.Open(pdf);
        Assert.True(reading.PageCount >= 5);
        Assert.Equal(doc.PageCount, reading.PageCount);
        for (var p = 1; p <= reading.PageCount; p++)
        {
            Assert.True(reading.PageContains(p, "No Nama NIP Unit Kerja Jumlah (Rp)"), $"header missing on page {p}");
        }
        for (var i = 1; i <= 400; i++)
        {
            var name = $"Agen Komunikasi Nomor {i} 19860926 201505 1 001 Bidang Humas";
            var pages = Enumerable.Range(1, reading.PageCount).Count(p => reading.PageContains(p, name));
            Assert.True(pages == 1, $"row {i} found on {pages} pages");
        }
    }

    [Fact]
    public void Every_page_says_halaman_x_dari_y()
    {
        var reading = PdfReading.Open(PdfTestDocuments.Appendix(300, PdfTestDocuments.Finalised, PaperSize.F4).GeneratePdf());
        for (var p = 1; p <= reading.PageCount; p++)
        {
            Assert.True(reading.PageContains(p, $"Halaman {p} dari {reading.PageCount}"), $"page {p}: {reading.Pages[p - 1][^80..]}");
        }
    }

    [Fact]
    public void Letters_number_pages_from_the_second()
    {
        var reading = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.A4, paragraphs: 14));
        Assert.True(reading.PageCount >= 2);
        Assert.DoesNotContain("Halaman 1 dari", reading.Pages[0], StringComparison.Ordinal);
        Assert.True(reading.PageContains(2, $"Halaman 2 dari {reading.PageCount}"));
    }

    [Fact]
    public void A_section_that_restarts_numbering_counts_its_own_pages()
    {
        static void Letter(DocumentDescriptor d, string name) => d.Page(p =>
        {
            p.Setup(PageSetup.Letter(PaperSize.A4));
            p.RestartNumbering();
            p.Stamp(PdfTestDocuments.DraftStamp, PageNumbering.EveryPage);
            p.Content.Text(name);
            p.Content.PageBreak();
            p.Content.Text(name + " lanjutan");
        });
        var pdf = PdfDocument.Create(d =>
        {
            Letter(d, "Surat pertama");
            Letter(d, "Surat kedua");
            d.Page(p => p.Content.Text("Tanpa nomor ulang"));
        }).GeneratePdf();
        var reading = PdfReading.Open(pdf);
        Assert.Equal(5, reading.PageCount);
        Assert.True(reading.PageContains(1, "Halaman 1 dari 2"));
        Assert.True(reading.PageContains(2, "Halaman 2 dari 2"));
        Assert.True(reading.PageContains(3, "Surat kedua"));
        Assert.True(reading.PageContains(3, "Halaman 1 dari 3"), reading.Pages[2]);
        Assert.True(reading.PageContains(4, "Halaman 2 dari 3"));
        Assert.DoesNotContain("dari 5", string.Join(' ', reading.Pages), StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_carries_the_watermark_on_every_page_and_a_stamped_one_does_not()
    {
        var draft = PdfTestDocuments.Appendix(200, PdfTestDocuments.DraftStamp, PaperSize.A4).GeneratePdf();
        var final = PdfTestDocuments.Appendix(200, PdfTestDocuments.Finalised, PaperSize.A4).GeneratePdf();
        using (var doc = Pig.PdfDocument.Open(draft))
        {
            Assert.True(doc.NumberOfPages > 1);
            foreach (var page in doc.GetPages())
            {
                Assert.Contains("KONSEP", string.Concat(page.Letters.Select(l => l.Value)), StringComparison.Ordinal);
            }
        }
        using (var doc = Pig.PdfDocument.Open(final))
        {
            foreach (var page in doc.GetPages())
            {
                Assert.DoesNotContain("KONSEP", string.Concat(page.Letters.Select(l => l.Value)), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Stamped_letter_has_the_verification_text_and_bsre_only_when_signed_electronically()
    {
        var signed = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4));
        var finalised = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.Finalised, PaperSize.A4));
        var draft = PdfReading.Open(PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.A4));
        Assert.True(signed.Contains("Kode verifikasi: AB12CD34"));
        Assert.True(signed.Contains("Periksa keaslian dokumen di https://agen.example.go.id/verifikasi/AB12CD34"));
        Assert.True(signed.Contains(OfficialComponents.BsreFooter));
        Assert.True(finalised.Contains("Kode verifikasi: AB12CD34"));
        Assert.False(finalised.Contains("Balai Sertifikasi Elektronik"));
        Assert.False(draft.Contains("Kode verifikasi"));
        Assert.False(draft.Contains("Balai Sertifikasi Elektronik"));
    }

    [Fact]
    public void The_embedded_font_is_used()
    {
        var pdf = PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4);
        using var doc = Pig.PdfDocument.Open(pdf);
        var letters = doc.GetPage(1).Letters;
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Contains("AgentProgramSans", l.FontName ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_model_gives_the_same_bytes()
    {
        var logo = PdfTestDocuments.Logo();
        var first = PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4, logo: logo);
        var second = PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4, logo: logo);
        Assert.Equal(first, second);
        // The only clock in a PDF is its creation and modification date: both are the model's timestamp, never now.
        var text = System.Text.Encoding.Latin1.GetString(first);
        Assert.Contains("/CreationDate (D:20261204080000", text, StringComparison.Ordinal);
        Assert.Contains("/ModDate (D:20261204080000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Logo_image_is_drawn()
    {
        var pdf = PdfTestDocuments.Letter(PdfTestDocuments.DraftStamp, PaperSize.A4, logo: PdfTestDocuments.Logo());
        using var doc = Pig.PdfDocument.Open(pdf);
        Assert.NotEmpty(doc.GetPage(1).GetImages());
    }

    [Fact]
    public void Chart_page_renders_with_its_title()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Bars([3.0, 5, 2, 8]);
        plot.Title("Jangkauan per Unit");
        var pdf = PdfDocument.Create(d => d.Page(p => p.Content.Chart(plot, 160, 90))).GeneratePdf();
        var empty = PdfDocument.Create(d => d.Page(p => p.Content.Text("x"))).GeneratePdf();
        Assert.True(pdf.Length > empty.Length);
        Assert.True(PdfReading.Open(pdf).Contains("Jangkauan per Unit"));
    }

    [Fact]
    public void A_row_taller_than_a_page_is_cut_between_lines()
    {
        var longText = string.Join(' ', Enumerable.Repeat("kata", 3000));
        var doc = PdfDocument.Create(d => d.Page(p => p.Content.Table(t =>
        {
            t.RelativeColumn().Header("Isi");
            t.Row(longText);
            t.Row("akhir");
        })));
        var reading = PdfReading.Open(doc.GeneratePdf());
        Assert.True(reading.PageCount >= 2);
        Assert.All(reading.Pages, p => Assert.StartsWith("Isi", p, StringComparison.Ordinal));
        Assert.Equal(3000, reading.Pages.Sum(p => p.Split(' ').Count(w => w == "kata")));
    }
}

/// <summary>Runs only when PDFLAYER_MANUAL=1: writes the sample and prints timings (no timing assertions).</summary>
public sealed class ManualFactAttribute : FactAttribute
{
    public ManualFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PDFLAYER_MANUAL") != "1")
        {
            Skip = "Manual: set PDFLAYER_MANUAL=1";
        }
    }
}

public sealed class PdfLayerManualChecks(ITestOutputHelper output)
{
    [ManualFact]
    public void Write_sample_document()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Bars([120.0, 340, 210, 480, 390]);
        plot.Title("Jangkauan per Bulan");
        plot.YLabel("Klik");
        var logo = PdfTestDocuments.Logo();
        var doc = PdfDocument.Create(d =>
        {
            d.Metadata("Ringkasan Pimpinan", "Dinas Komunikasi dan Informatika", "Ringkasan periode", PdfTestDocuments.Timestamp);
            d.Page(page =>
            {
                page.Setup(PageSetup.Letter(PaperSize.A4));
                page.Header((info, h) =>
                {
                    if (info.Number == 1)
                    {
                        h.Letterhead(PdfTestDocuments.Letterhead(logo));
                    }
                });
                page.Stamp(PdfTestDocuments.DraftStamp, PageNumbering.EveryPage);
                var c = page.Content;
                c.ItemSpacing(3);
                c.Text("RINGKASAN PIMPINAN", page.Theme.Title, TextAlign.Center);
                c.Paragraph(p => p.Span("Periode ").Bold("November 2026").Span(" — ").Italic("angka sementara, belum final."), TextAlign.Center);
                c.KeyFigures([
                    new KeyFigure("Agen aktif", "1.245", "+12% dari periode lalu"),
                    new KeyFigure("Pesan dibagikan", "8.930", "+4% dari periode lalu"),
                    new KeyFigure("Klik", "152.400", "−3% dari periode lalu"),
                    new KeyFigure("Tanggapan", "2.310")]);
                c.Chart(plot, 150, 70);
                c.Table(t =>
                {
                    t.ConstantColumn(10, TextAlign.Right).RelativeColumn(3).RelativeColumn(2).ConstantColumn(28, TextAlign.Right);
                    t.Header("No", "Unit Kerja", "Kepala Unit", "Jumlah (Rp)");
                    for (var i = 1; i <= 25; i++)
                    {
                        t.Row(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Bidang Informasi dan Komunikasi Publik " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Budi Santoso, S.Kom.", "1.250.000");
                    }
                    t.TotalRow("", "Jumlah", "", "31.250.000");
                });
                c.SignatureBlock(PdfTestDocuments.Signature);
            });
            d.Page(page =>
            {
                page.Setup(PageSetup.Letter(PaperSize.F4));
                page.Stamp(PdfTestDocuments.Signed, PageNumbering.EveryPage);
                page.Content.Text("Halaman bertanda tangan elektronik", page.Theme.Heading);
                page.Content.Space(5);
                page.Content.SignatureBlock(PdfTestDocuments.Signature);
                page.Content.Space(5);
                page.Content.Verification(PdfTestDocuments.Signed);
            });
        });
        File.WriteAllBytes("/tmp/pdflayer-sample.pdf", doc.GeneratePdf());
        output.WriteLine($"sample: {doc.PageCount} pages");
        Assert.True(doc.PageCount >= 2);
    }

    [ManualFact]
    public void Time_appendix_and_letters()
    {
        PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4);
        var sw = Stopwatch.StartNew();
        var doc = PdfTestDocuments.Appendix(80_000, PdfTestDocuments.Finalised, PaperSize.A4);
        using (var sink = new FileStream("/tmp/pdflayer-appendix.pdf", FileMode.Create))
        {
            doc.GeneratePdf(sink);
        }
        var appendix = sw.Elapsed;
        var size = new FileInfo("/tmp/pdflayer-appendix.pdf").Length;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var logo = PdfTestDocuments.Logo();
        sw.Restart();
        long bytes = 0;
        for (var i = 0; i < 1000; i++)
        {
            bytes += PdfTestDocuments.Letter(PdfTestDocuments.Signed, PaperSize.A4, logo: logo).Length;
        }
        var letters = sw.Elapsed;
        output.WriteLine($"appendix 80,000 rows: {doc.PageCount} pages, {appendix.TotalSeconds:F2} s, {size / 1048576.0:F1} MB, peak working set {peak / 1048576} MB");
        output.WriteLine($"1,000 letters: {letters.TotalSeconds:F2} s = {1000 / letters.TotalSeconds:F0}/s, avg {bytes / 1000 / 1024} KB");
        Assert.True(doc.PageCount > 1000);
    }
}
