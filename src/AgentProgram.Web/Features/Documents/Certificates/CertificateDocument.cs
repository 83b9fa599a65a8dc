using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using SkiaSharp;

namespace AgentProgram.Web.Features.Documents.Certificates;

/// <summary>
/// Draws the Piagam Penghargaan of <see cref="CertificateModel"/> on one A4 landscape page inside a double frame:
/// logo, institution, title, number, "diberikan kepada", the recipient's name, NIP, position and unit, the reason
/// (period and dates), place and date with the signature and, when finalised, the verification box. Pure.
/// </summary>
public static class CertificateDocument
{
    private const string DocumentTitle = "Piagam Penghargaan";
    private const string NumberLabel = "Nomor: ";
    private const string NipLabel = "NIP ";

    private const float LogoMm = 18;

    private static readonly PaperSize Landscape = new(297, 210);
    private static readonly PageSetup Setup = new(Landscape, 12, 12, 8, 12);

    private static readonly SKColor Navy = new(0x0B, 0x3D, 0x6E);
    private static readonly SKColor Gold = new(0xB0, 0x8D, 0x3A);
    private static readonly SKColor Paper = new(0xFF, 0xFD, 0xF5);
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);

    /// <summary>Adds the certificate's one-page section to <paramref name="d"/>, numbering restarted. Does not set metadata.</summary>
    public static void Compose(DocumentDescriptor d, CertificateModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        d.Page(p =>
        {
            p.Setup(Setup);
            p.RestartNumbering();
            p.Stamp(stamp, PageNumbering.None);

            // The frame fills the content area: the page less its margins and the footer the stamp reserves (one
            // caption line, and the BSrE sentence above it when signed electronically).
            var electronic = !stamp.IsDraft && stamp.SignedElectronically;
            var frameMm = Landscape.HeightMm - Setup.TopMm - Setup.BottomMm - (electronic ? 14f : 8.5f);
            const float outerPaddingMm = 2.5f;
            p.Content.Box(outer => outer.Row(row =>
            {
                row.ConstantItem(0).Space(frameMm - (2 * outerPaddingMm));
                row.RelativeItem().Box(inner => Inside(inner, model, stamp, p.Theme), paddingMm: 8, background: Paper, border: Gold, borderWidthPt: 1.2f);
            }, spacingMm: 0), paddingMm: outerPaddingMm, border: Navy, borderWidthPt: 3.5f);
        });
    }

    /// <summary>The certificate as a PDF: metadata (title, institution, subject, issue date) and <see cref="Compose"/>.</summary>
    public static byte[] Render(CertificateModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(DocumentTitle, model.InstitutionName, model.Subject, LetterDocumentParts.Timestamp(stamp));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    private static void Inside(ColumnDescriptor c, CertificateModel model, DocumentStamp stamp, PdfTheme theme)
    {
        var text = new TextStyle(12, Color: Ink);
        var parents = model.Letterhead.ParentLines;
        // The frame is sized for a logo and a parent line; without them the room they would take is shared out
        // above the institution and above the signature, so the text stays centred in the frame.
        var logo = model.Letterhead.Logo is { Length: > 0 } bytes ? bytes : null;
        var spare = (logo is null ? LogoMm + 2.5f : 0) + (parents.Count == 0 ? 4.5f : 0);
        if (spare > 0)
        {
            c.Space(spare / 2);
        }
        if (logo is not null)
        {
            c.Image(logo, LogoMm, LogoMm, TextAlign.Center);
            c.Space(2.5f);
        }
        for (var i = 0; i < parents.Count; i++)
        {
            c.Text(parents[i].ToUpperInvariant(), text.WithSize(11), TextAlign.Center);
        }
        if (model.InstitutionName is { Length: > 0 } institution)
        {
            c.Text(institution.ToUpperInvariant(), new TextStyle(15, Bold: true, Color: Navy), TextAlign.Center);
        }
        c.Space(5);
        c.Text(model.Title, new TextStyle(30, Bold: true, Color: Navy), TextAlign.Center);
        c.Space(1.5f);
        c.Row(row =>
        {
            row.RelativeItem();
            row.ConstantItem(70).HorizontalRule(1.2f, Gold, doubleRule: true);
            row.RelativeItem();
        }, spacingMm: 0);
        c.Space(1.5f);
        c.Text(NumberLabel + LetterDocumentParts.NumberOf(stamp), text.WithSize(10.5f), TextAlign.Center);
        c.Space(5);
        c.Text(model.GivenTo, text.WithSize(13).WithItalic(), TextAlign.Center);
        c.Space(2);
        c.Text(model.RecipientName, new TextStyle(25, Bold: true, Color: Ink), TextAlign.Center);
        c.Space(1);
        if (model.RecipientNip is { Length: > 0 } nip)
        {
            c.Text(NipLabel + nip, text, TextAlign.Center);
        }
        c.Text(PositionAndUnit(model), text, TextAlign.Center);
        c.Space(4);
        c.Row(row =>
        {
            row.ConstantItem(18);
            row.RelativeItem().Text(model.Reason, text.WithSize(12.5f), TextAlign.Center);
            row.ConstantItem(18);
        }, spacingMm: 0);
        c.Space(5 + (spare / 2));
        c.Row(row =>
        {
            var left = row.RelativeItem();
            left.Space(14);
            left.Verification(stamp);
            row.ConstantItem(40);
            Signature(row.ConstantItem(100), model.Signature ?? LetterDocumentParts.BlankSignature(model.IssuedOn), theme.Body.WithSize(11.5f));
        }, spacingMm: 0);
    }

    private static string PositionAndUnit(CertificateModel model)
    {
        var position = model.Position;
        var unit = model.Unit;
        if (string.IsNullOrWhiteSpace(position) || position == DocumentTexts.Blank)
        {
            return unit;
        }
        return string.IsNullOrWhiteSpace(unit) ? position : position + ", " + unit;
    }

    /// <summary>The signature centred in its column (the head of the institution usually has no rank or NIP line).</summary>
    private static void Signature(ColumnDescriptor c, SignatureModel s, TextStyle style)
    {
        c.Text(s.PlaceAndDate, style, TextAlign.Center);
        c.Text(s.PositionTitle, style.WithBold(), TextAlign.Center);
        c.Space(16);
        c.Text(s.Name, style.WithBold().WithUnderline(), TextAlign.Center);
        if (s.RankAndGrade is { Length: > 0 } rank)
        {
            c.Text(rank, style, TextAlign.Center);
        }
        if (s.FormattedNip is { Length: > 0 } nip)
        {
            c.Text(NipLabel + nip, style, TextAlign.Center);
        }
    }
}
