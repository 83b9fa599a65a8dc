using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Draws the Surat Rekomendasi (DOMAIN.md §9) of <see cref="RecommendationLetterModel"/>: kop on page 1, title and
/// number, addressee, the undersigned, the recommended agent, body, signature, Tembusan, verification box. Pure.
/// </summary>
public static class RecommendationLetterDocument
{
    private const string DocumentTitle = "Surat Rekomendasi";
    private const string NumberLabel = "Nomor: ";
    private const string CopiesLabel = "Tembusan:";

    /// <summary>
    /// Adds the letter's section to <paramref name="d"/>; its numbering restarts, so a batch of letters in one file
    /// counts "Halaman X dari Y" per letter. Does not set metadata.
    /// </summary>
    public static void Compose(DocumentDescriptor d, RecommendationLetterModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        d.Page(p =>
        {
            p.Setup(PageSetup.Letter(PaperSize.A4));
            p.RestartNumbering();
            var letterhead = model.Letterhead;
            p.Header((info, h) =>
            {
                if (info.Number == 1)
                {
                    h.Letterhead(letterhead);
                }
            });
            p.Stamp(stamp, PageNumbering.FromSecondPage);

            var theme = p.Theme;
            var body = theme.Body;
            var c = p.Content;
            c.Text(model.Title, theme.Title.WithUnderline(), TextAlign.Center, keepWithNext: true);
            c.Text(NumberLabel + LetterDocumentParts.NumberOf(stamp), body, TextAlign.Center);
            c.Space(4);

            for (var i = 0; i < model.Addressee.Count; i++)
            {
                c.Text(model.Addressee[i], body, keepWithNext: i + 1 < model.Addressee.Count);
            }
            c.Space(3);

            c.Text(model.Opening, body, keepWithNext: true);
            c.Space(1);
            LetterDocumentParts.Fields(c, model.Signer, 8, 40, body);
            c.Space(2.5f);
            c.Text(model.Recommends, body, keepWithNext: true);
            c.Space(1);
            LetterDocumentParts.Fields(c, model.Recommended, 8, 40, body, boldLabel: DocumentTexts.LabelName);
            c.Space(2.5f);

            var signature = model.Signature ?? LetterDocumentParts.BlankSignature(model.IssuedOn);
            LetterDocumentParts.BodyAndSignature(c, model.Body, body, signature, stamp);

            if (model.CarbonCopies.Count > 0)
            {
                var small = body.WithSize(10);
                c.Space(4);
                c.KeepTogether(k =>
                {
                    k.Text(CopiesLabel, small);
                    var numbered = model.CarbonCopies.Count > 1;
                    for (var i = 0; i < model.CarbonCopies.Count; i++)
                    {
                        var copy = model.CarbonCopies[i];
                        if (numbered)
                        {
                            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".";
                            k.Row(row =>
                            {
                                row.ConstantItem(6).Text(number, small);
                                row.RelativeItem().Text(copy, small);
                            }, spacingMm: 0);
                        }
                        else
                        {
                            k.Text(copy, small);
                        }
                    }
                });
            }
        });
    }

    /// <summary>One letter as a PDF: metadata (title, institution, subject, issue date) and <see cref="Compose"/>.</summary>
    public static byte[] Render(RecommendationLetterModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(DocumentTitle, model.Letterhead.InstitutionName, model.Subject, LetterDocumentParts.Timestamp(stamp));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }
}
