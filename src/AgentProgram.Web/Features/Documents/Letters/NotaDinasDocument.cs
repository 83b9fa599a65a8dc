using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Draws the Nota Dinas (DOMAIN.md §9) of <see cref="NotaDinasModel"/>: kop on page 1, "NOTA DINAS" centred, the
/// fields (the Nomor from the stamp), a rule, the body, the recommendations table (header on every page), the body
/// after it, signature and, when finalised, the verification box. Pure.
/// </summary>
public static class NotaDinasDocument
{
    private const string DocumentTitle = "Nota Dinas";

    /// <summary>Column widths (mm; null = a relative share) for the model's standard seven columns.</summary>
    private static readonly (float? Mm, float Weight, TextAlign Align)[] StandardColumns =
    [
        (8, 0, TextAlign.Center), // No.
        (null, 1.35f, TextAlign.Left), // Nama
        (38, 0, TextAlign.Left), // NIP (never wraps: "19860926 201505 1 001")
        (11, 0, TextAlign.Center), // Gol.
        (null, 1.1f, TextAlign.Left), // Jabatan
        (null, 0.9f, TextAlign.Left), // Unit Kerja
        (null, 1.15f, TextAlign.Left), // Rekomendasi
    ];

    /// <summary>Adds the nota dinas's section to <paramref name="d"/>, numbering restarted. Does not set metadata.</summary>
    public static void Compose(DocumentDescriptor d, NotaDinasModel model, DocumentStamp stamp)
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
            c.Text(model.Title, theme.Title.WithSize(15), TextAlign.Center, keepWithNext: true);
            c.Space(5);
            LetterDocumentParts.Fields(c, model.Fields, 0, 26, body, nullValue: LetterDocumentParts.NumberOf(stamp));
            c.Space(2);
            c.HorizontalRule(1f);
            c.Space(4);

            LetterDocumentParts.Paragraphs(c, model.BodyBeforeTable, body);
            if (model.Rows.Count > 0)
            {
                c.Space(3);
                c.Table(t => Table(t, model));
                c.Space(3);
            }
            else
            {
                c.Space(2.5f);
            }
            var signature = model.Signature ?? LetterDocumentParts.BlankSignature(model.IssuedOn);
            LetterDocumentParts.BodyAndSignature(c, model.BodyAfterTable, body, signature, stamp);
        });
    }

    /// <summary>The nota dinas as a PDF: metadata (title, institution, subject, issue date) and <see cref="Compose"/>.</summary>
    public static byte[] Render(NotaDinasModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(DocumentTitle, model.Letterhead.InstitutionName, model.Subject, LetterDocumentParts.Timestamp(stamp));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    private static void Table(TableDescriptor t, NotaDinasModel model)
    {
        var count = model.Columns.Count;
        var standard = count == StandardColumns.Length;
        for (var i = 0; i < count; i++)
        {
            if (standard && StandardColumns[i].Mm is { } mm)
            {
                t.ConstantColumn(mm, StandardColumns[i].Align);
            }
            else
            {
                t.RelativeColumn(standard ? StandardColumns[i].Weight : 1, standard ? StandardColumns[i].Align : TextAlign.Left);
            }
        }
        var header = new string[count];
        for (var i = 0; i < count; i++)
        {
            header[i] = model.Columns[i];
        }
        t.Header(header);
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var row = model.Rows[r];
            // The row's values in the model's column order: No., Nama, NIP, Gol., Jabatan, Unit Kerja, Rekomendasi.
            t.Row(
                row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Name, row.Nip, row.Grade,
                row.Position, row.Unit, row.Kinds);
        }
    }
}
