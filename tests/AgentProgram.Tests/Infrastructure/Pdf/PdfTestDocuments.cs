using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using SkiaSharp;

namespace AgentProgram.Tests.Infrastructure.Pdf;

/// <summary>Documents shared by the PDF layer's tests and the manual sample/timing run.</summary>
internal static class PdfTestDocuments
{
    public static readonly DateTime Timestamp = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    public static readonly DocumentStamp Signed = new("R-12/IJ/KP.07.6/12/2026", "AB12CD34", "https://agen.example.go.id/verifikasi/AB12CD34", new DateOnly(2026, 12, 4), true);

    public static readonly DocumentStamp Finalised = Signed with { SignedElectronically = false };

    public static readonly DocumentStamp DraftStamp = DocumentStamp.Draft(new DateOnly(2026, 12, 4));

    public static byte[] Logo()
    {
        using var bitmap = new SKBitmap(120, 120);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = new SKColor(0x0B, 0x3D, 0x6E), IsAntialias = true };
            canvas.DrawCircle(60, 60, 55, paint);
            paint.Color = SKColors.Gold;
            canvas.DrawRect(35, 35, 50, 50, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static LetterheadModel Letterhead(byte[]? logo) => new(
        "Dinas Komunikasi dan Informatika",
        ["Pemerintah Provinsi Jawa Tengah"],
        "Jalan Menteri Supeno I Nomor 2, Semarang 50243",
        "Telepon (024) 8319140, Laman diskominfo.jatengprov.go.id, Pos-el diskominfo@jatengprov.go.id",
        logo);

    public static SignatureModel Signature => new("Semarang, 4 Desember 2026", "Kepala Bidang Informasi dan Komunikasi Publik", "Dr. Siti Rahmawati, S.Sos., M.Si.", "Pembina Tingkat I, IV/b", "19860926 201505 1 001");

    public static byte[] Letter(DocumentStamp stamp, PaperSize paper, int paragraphs = 3, byte[]? logo = null) =>
        PdfDocument.Create(doc =>
        {
            doc.Metadata("Surat Rekomendasi", "Dinas Komunikasi dan Informatika", "Rekomendasi agen komunikasi", Timestamp);
            doc.Page(page =>
            {
                page.Setup(PageSetup.Letter(paper));
                page.Header((info, header) =>
                {
                    if (info.Number == 1)
                    {
                        header.Letterhead(Letterhead(logo));
                    }
                });
                page.Stamp(stamp, PageNumbering.FromSecondPage);
                var c = page.Content;
                c.ItemSpacing(2);
                c.Text("SURAT REKOMENDASI", page.Theme.Title, TextAlign.Center);
                c.Text("Nomor: " + (stamp.Number ?? "......"), page.Theme.Body, TextAlign.Center);
                c.Space(4);
                for (var i = 0; i < paragraphs; i++)
                {
                    c.Paragraph(p => p
                        .Span("Yang bertanda tangan di bawah ini, ")
                        .Bold("Kepala Dinas Komunikasi dan Informatika")
                        .Span(", dengan ini merekomendasikan ")
                        .Italic("agen komunikasi")
                        .Span(" yang namanya tersebut di bawah ini untuk dipertimbangkan dalam pemberian penghargaan atas kinerja penyebaran informasi publik selama periode berjalan."), TextAlign.Justify);
                }
                c.Space(6);
                c.SignatureBlock(Signature);
                c.Space(6);
                c.Verification(stamp);
            });
        }).GeneratePdf();

    public static PdfDocument Appendix(int rows, DocumentStamp stamp, PaperSize paper) =>
        PdfDocument.Create(doc =>
        {
            doc.Metadata("Lampiran Penerima", "Dinas Komunikasi dan Informatika", "Lampiran penerima penghargaan", Timestamp);
            doc.Page(page =>
            {
                page.Setup(PageSetup.Report(paper));
                page.Stamp(stamp, PageNumbering.EveryPage);
                page.Header((_, h) => h.Text("Lampiran Penerima Penghargaan Agen Komunikasi", page.Theme.Small, TextAlign.Right));
                page.Content.Table(t =>
                {
                    t.ConstantColumn(12, TextAlign.Right).RelativeColumn(3).ConstantColumn(42).RelativeColumn(2).ConstantColumn(30, TextAlign.Right);
                    t.Header("No", "Nama", "NIP", "Unit Kerja", "Jumlah (Rp)");
                    for (var i = 1; i <= rows; i++)
                    {
                        if (i % 500 == 1)
                        {
                            t.SectionRow("Unit Kerja " + ((i / 500) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }
                        var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        t.Row(n, "Agen Komunikasi Nomor " + n, "19860926 201505 1 001", "Bidang Humas", (i * 1250).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
                    }
                });
            });
        });
}
