using SkiaSharp;

namespace AgentProgram.Web.Infrastructure.Pdf.Components;

public enum PageNumbering
{
    None,

    /// <summary>Reports: every page.</summary>
    EveryPage,

    /// <summary>Letters (DOMAIN.md §9): from page 2.</summary>
    FromSecondPage,
}

/// <summary>Shared parts of Indonesian official documents (kop, signature, stamp, footer).</summary>
public static class OfficialComponents
{
    public const string DraftWatermark = "KONSEP";

    public const string BsreFooter =
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh " +
        "Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara";

    /// <summary>"Halaman X dari Y".</summary>
    public static string PageLabel(PageInfo page) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Halaman {page.Number} dari {page.Total}");

    /// <summary>Kop surat: logo left, parent lines, institution name in bold, address and contacts centred, double rule.</summary>
    public static void Letterhead(this ColumnDescriptor column, LetterheadModel model)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(model);
        var theme = column.Theme;
        column.Row(row =>
        {
            var logo = row.ConstantItem(22);
            if (model.Logo is { Length: > 0 } bytes)
            {
                logo.Image(bytes, 22, 22, TextAlign.Left);
            }
            var centre = row.RelativeItem();
            foreach (var line in model.ParentLines)
            {
                centre.Text(line.ToUpperInvariant(), theme.Body.WithSize(12.5f), TextAlign.Center);
            }
            centre.Text(model.InstitutionName.ToUpperInvariant(), theme.Title.WithSize(14), TextAlign.Center);
            if (model.Address is { Length: > 0 } address)
            {
                centre.Text(address, theme.Small, TextAlign.Center);
            }
            if (model.Contacts is { Length: > 0 } contacts)
            {
                centre.Text(contacts, theme.Small, TextAlign.Center);
            }
            // A narrow right gutter: a full logo-width one would make the institution's name wrap.
            row.ConstantItem(4);
        }, spacingMm: 2);
        column.Space(1.5f);
        column.HorizontalRule(2f, SKColors.Black, doubleRule: true);
    }

    /// <summary>
    /// Signature block in an 80 mm column at the right: place and date, position, room to sign, name, rank, NIP.
    /// With the stamp of a finalised document, its verification box (QR, number, code) stands in the space at the
    /// left, so a one-page letter stays one page.
    /// </summary>
    public static void SignatureBlock(this ColumnDescriptor column, SignatureModel model, DocumentStamp? verification = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(model);
        var body = column.Theme.Body;
        column.KeepTogether(keep => keep.Row(row =>
        {
            var left = row.RelativeItem();
            if (verification is { IsDraft: false })
            {
                left.Space(8);
                left.Verification(verification);
            }
            var block = row.ConstantItem(80);
            block.Text(model.PlaceAndDate, body);
            block.Text(model.PositionTitle, body);
            block.Space(20);
            block.Text(model.Name, body.WithBold().WithUnderline());
            if (model.RankAndGrade is { Length: > 0 } rank)
            {
                block.Text(rank, body);
            }
            if (model.FormattedNip is { Length: > 0 } nip)
            {
                block.Text("NIP " + nip, body);
            }
        }, spacingMm: 0));
    }

    /// <summary>The verification box of a finalised document (QR + code + URL); nothing for a draft.</summary>
    public static void Verification(this ColumnDescriptor column, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(stamp);
        if (stamp.IsDraft || stamp.VerificationUrl is null)
        {
            return;
        }
        var theme = column.Theme;
        column.KeepTogether(keep => keep.Box(box => box.Row(row =>
        {
            row.ConstantItem(22).QrCode(stamp.VerificationUrl, 22);
            var text = row.RelativeItem();
            text.ItemSpacing(1.5f);
            if (stamp.Number is { Length: > 0 } number)
            {
                text.Text("Nomor: " + number, theme.Small);
            }
            text.Paragraph(p => p.Span("Kode verifikasi: ").Bold(stamp.VerificationCode!), baseStyle: theme.Small);
            text.Text("Periksa keaslian dokumen di " + stamp.VerificationUrl, theme.Small);
        }), paddingMm: 2, border: theme.Border));
    }

    /// <summary>
    /// Watermark for drafts and the standard footer: the BSrE sentence (only when signed electronically) and
    /// "Halaman X dari Y" per <paramref name="numbering"/>.
    /// </summary>
    public static PageDescriptor Stamp(this PageDescriptor page, DocumentStamp stamp, PageNumbering numbering)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(stamp);
        page.Watermark(stamp.IsDraft ? DraftWatermark : null);
        var theme = page.Theme;
        var electronic = !stamp.IsDraft && stamp.SignedElectronically;
        return page.Footer((info, footer) =>
        {
            if (electronic)
            {
                footer.HorizontalRule(0.5f, theme.Border);
                footer.Space(1);
                footer.Text(BsreFooter, theme.Caption.WithItalic(), TextAlign.Center);
            }
            var numbered = numbering == PageNumbering.EveryPage || (numbering == PageNumbering.FromSecondPage && info.Number >= 2);
            // Always reserve the line so page 1 and page 2 have the same content height.
            footer.Text(numbered ? PageLabel(info) : " ", theme.Caption, TextAlign.Right);
        });
    }
}
