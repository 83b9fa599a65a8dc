using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Decree;

/// <summary>
/// Draft SK Penetapan Agen Komunikasi (DOMAIN.md §9): the decree on letter pages (kop on page 1, page numbers from
/// page 2): KEPUTUSAN … NOMOR … TENTANG …, the blessing and the authority, Menimbang and Mengingat with hanging
/// markers, MEMUTUSKAN, Menetapkan, the diktum KESATU … KELIMA, "Ditetapkan di … pada tanggal …" and the signature;
/// then the lampiran on new pages (numbering continues): the reference block at the right, the list's title and a
/// table of every agent (No., Nama, NIP, Gol., Jabatan, Unit Kerja) whose header repeats on every page and the signer
/// again. A finalised decree carries its number in both NOMOR lines and the verification box under the decree's signature.
/// </summary>
public static class DecreeDocument
{
    public const string Title = "SK Penetapan Agen Komunikasi";

    private const string Colon = ":";
    private const string EnactedAtLabel = "Ditetapkan di ";
    private const string EnactedOnLabel = "pada tanggal ";
    private const string Empty = "Belum ada agen komunikasi yang terdaftar dan aktif pada periode ini.";

    // Column widths of the clause grid, in millimetres.
    private const float LabelWidth = 28;
    private const float ColonWidth = 4;
    private const float MarkerWidth = 7;

    public static void Compose(DocumentDescriptor d, DecreeModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        var number = !stamp.IsDraft && stamp.Number is { Length: > 0 } n ? n : DocumentTexts.Placeholder;

        d.Page(p =>
        {
            p.Setup(PageSetup.Letter(PaperSize.A4));
            p.RestartNumbering();
            p.Header((info, h) =>
            {
                if (info.Number == 1)
                {
                    h.Letterhead(model.Letterhead);
                }
            });
            p.Stamp(stamp, PageNumbering.FromSecondPage);
            Body(p.Content, model, number, stamp);
        });

        d.Page(p =>
        {
            p.Setup(PageSetup.Letter(PaperSize.A4));
            p.Stamp(stamp, PageNumbering.FromSecondPage);
            Lampiran(p.Content, model, number);
        });
    }

    public static byte[] Render(DecreeModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(Title, model.Letterhead.InstitutionName, model.Subject, stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    private static void Body(ColumnDescriptor c, DecreeModel model, string number, DocumentStamp stamp)
    {
        var theme = c.Theme;
        var bold = theme.Body.WithBold();
        c.Text(model.Heading, bold, TextAlign.Center, keepWithNext: true);
        c.Text(model.NumberLabel + " " + number, bold, TextAlign.Center, keepWithNext: true);
        c.Space(4);
        c.Text(model.AboutLabel, bold, TextAlign.Center, keepWithNext: true);
        c.Space(4);
        c.Text(model.Topic, bold, TextAlign.Center);
        c.Space(6);
        c.Text(model.Blessing, bold, TextAlign.Center);
        c.Space(6);
        c.Text(model.Authority, bold, TextAlign.Center);
        c.Space(6);

        Clauses(c, model.ConsideringLabel, model.Considering);
        c.Space(3);
        Clauses(c, model.RecallingLabel, model.Recalling);
        c.Space(6);
        c.Text(model.Decides, bold, TextAlign.Center);
        c.Space(6);
        c.Row(row =>
        {
            row.ConstantItem(LabelWidth).Text(model.EnactingLabel, theme.Body);
            row.ConstantItem(ColonWidth).Text(Colon, theme.Body);
            row.RelativeItem().Text(model.Enacting, theme.Body, TextAlign.Justify);
        }, spacingMm: 0);
        foreach (var article in model.Articles)
        {
            c.Space(3);
            c.Row(row =>
            {
                row.ConstantItem(LabelWidth).Text(article.Marker, theme.Body);
                row.ConstantItem(ColonWidth).Text(Colon, theme.Body);
                var text = row.RelativeItem();
                text.Text(article.Text, theme.Body, TextAlign.Justify);
                foreach (var item in article.Items)
                {
                    var (marker, rest) = SplitMarker(item);
                    text.Row(sub =>
                    {
                        sub.ConstantItem(MarkerWidth).Text(marker, theme.Body);
                        sub.RelativeItem().Text(rest, theme.Body, TextAlign.Justify);
                    }, spacingMm: 0);
                }
            }, spacingMm: 0);
        }

        c.Space(10);
        var signature = model.Signature;
        var block = new SignatureModel(
            EnactedAtLabel + model.EnactedAt + "\n" + EnactedOnLabel + model.EnactedOn,
            model.Authority,
            signature?.Name ?? DocumentTexts.Placeholder,
            signature?.RankAndGrade,
            signature?.FormattedNip);
        // The verification box (finalised only) belongs to the decree's signature and moves with it.
        c.KeepTogether(keep =>
        {
            keep.SignatureBlock(block);
            if (!stamp.IsDraft)
            {
                keep.Space(8);
                keep.Verification(stamp);
            }
        });
    }

    /// <summary>"Menimbang : a. bahwa …", one row per clause, the label only on the first.</summary>
    private static void Clauses(ColumnDescriptor c, string label, IReadOnlyList<DecreeClause> clauses)
    {
        var body = c.Theme.Body;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var first = i == 0;
            if (!first)
            {
                c.Space(1.5f);
            }
            c.Row(row =>
            {
                var labelCell = row.ConstantItem(LabelWidth);
                var colonCell = row.ConstantItem(ColonWidth);
                if (first)
                {
                    labelCell.Text(label, body);
                    colonCell.Text(Colon, body);
                }
                row.ConstantItem(MarkerWidth).Text(clause.Marker, body);
                var text = row.RelativeItem();
                text.Text(clause.Text, body, TextAlign.Justify);
                foreach (var item in clause.Items)
                {
                    var (marker, rest) = SplitMarker(item);
                    text.Row(sub =>
                    {
                        sub.ConstantItem(MarkerWidth).Text(marker, body);
                        sub.RelativeItem().Text(rest, body, TextAlign.Justify);
                    }, spacingMm: 0);
                }
            }, spacingMm: 0);
        }
    }

    /// <summary>"a. menyebarluaskan …" → ("a.", "menyebarluaskan …") for a hanging indent; no marker: ("", item).</summary>
    private static (string Marker, string Text) SplitMarker(string item)
    {
        var space = item.IndexOf(' ', StringComparison.Ordinal);
        if (space is > 0 and <= 4 && item[space - 1] is '.' or ')')
        {
            return (item[..space], item[(space + 1)..].TrimStart());
        }
        return (string.Empty, item);
    }

    private static void Lampiran(ColumnDescriptor c, DecreeModel model, string number)
    {
        var theme = c.Theme;
        var heading = model.AppendixHeading;
        var referenceLines = Math.Max(0, heading.Count - 1);
        c.Row(row =>
        {
            row.RelativeItem();
            var block = row.ConstantItem(88);
            for (var i = 0; i < referenceLines; i++)
            {
                var line = heading[i];
                // The NOMOR line gets the decree's number.
                block.Text(string.Equals(line, model.NumberLabel, StringComparison.Ordinal) ? line + " " + number : line, theme.Body.WithSize(10));
            }
        }, spacingMm: 0);
        c.Space(8);
        if (heading.Count > 0)
        {
            c.Text(heading[^1], theme.Body.WithBold(), TextAlign.Center, keepWithNext: true);
        }
        c.Space(5);

        var columns = model.AppendixColumns;
        c.Table(t =>
        {
            t.ConstantColumn(10, TextAlign.Right)
                .RelativeColumn(3)
                .ConstantColumn(37)
                .ConstantColumn(12, TextAlign.Center)
                .RelativeColumn(2.4f)
                .RelativeColumn(2.4f);
            t.Header([.. columns]);
            var agents = model.Agents;
            if (agents.Count == 0)
            {
                t.SectionRow(Empty);
                return;
            }
            for (var i = 0; i < agents.Count; i++)
            {
                var a = agents[i];
                t.Row(a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name, a.Nip, a.Grade, a.Position, a.Unit);
            }
        });

        c.Space(10);
        // The signer once more under the list, as the lampiran is part of the decree.
        var signature = model.Signature;
        var body = theme.Body;
        c.KeepTogether(keep => keep.Row(row =>
        {
            row.RelativeItem();
            var block = row.ConstantItem(80);
            block.Text(model.Authority, body);
            block.Space(20);
            block.Text(signature?.Name ?? DocumentTexts.Placeholder, body.WithBold().WithUnderline());
            if (signature?.RankAndGrade is { Length: > 0 } rank)
            {
                block.Text(rank, body);
            }
            if (signature?.FormattedNip is { Length: > 0 } nip)
            {
                block.Text("NIP " + nip, body);
            }
        }, spacingMm: 0));
    }
}
