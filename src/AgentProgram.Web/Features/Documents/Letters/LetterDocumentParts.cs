using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Pieces shared by the letter-like documents (Surat Rekomendasi, Nota Dinas, Piagam Penghargaan): the number line
/// from the stamp, "label : value" field blocks, the signature when nobody is recorded, the PDF timestamp.
/// </summary>
internal static class LetterDocumentParts
{

    /// <summary>The number a finalised stamp carries; the dotted blank of a draft.</summary>
    public static string NumberOf(DocumentStamp stamp) =>
        stamp.Number is { Length: > 0 } number ? number : DocumentTexts.Placeholder;

    /// <summary>The creation date written into the PDF: the issue date at 00:00 UTC (same model, same bytes).</summary>
    public static DateTime Timestamp(DocumentStamp stamp) => stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The block signed when nobody is recorded for the role: blanks to fill in, dated.</summary>
    public static SignatureModel BlankSignature(DateOnly issuedOn) =>
        new(DocumentTexts.Placeholder + ", " + DocumentTexts.Date(issuedOn), DocumentTexts.Placeholder, DocumentTexts.Placeholder, null, null);

    /// <summary>
    /// "Label : value" lines, the colons aligned: <paramref name="indentMm"/> blank, the label in
    /// <paramref name="labelMm"/>, the colon, then the value (a value may wrap or hold '\n'). A null value is blank.
    /// </summary>
    public static void Fields(ColumnDescriptor column, IReadOnlyList<LetterField> fields, float indentMm, float labelMm,
        TextStyle style, string? boldLabel = null, string? nullValue = null)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var value = field.Value ?? nullValue ?? "";
            var valueStyle = boldLabel is not null && string.Equals(field.Label, boldLabel, StringComparison.Ordinal) ? style.WithBold() : style;
            column.Row(row =>
            {
                if (indentMm > 0)
                {
                    row.ConstantItem(indentMm);
                }
                row.ConstantItem(labelMm).Text(field.Label, style);
                row.ConstantItem(4).Text(":", style);
                row.RelativeItem().Text(value, valueStyle);
            }, spacingMm: 0);
        }
    }

    /// <summary>Justified paragraphs, a little space between them.</summary>
    public static void Paragraphs(ColumnDescriptor column, IReadOnlyList<string> paragraphs, TextStyle style)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
            {
                column.Space(2.5f);
            }
            column.Text(paragraphs[i], style, TextAlign.Justify);
        }
    }

    /// <summary>
    /// The paragraphs, then the signature block kept on one page with the last paragraph (the closing), so a
    /// signature never stands alone at the top of a page; a finalised document's verification box beside it.
    /// </summary>
    public static void BodyAndSignature(ColumnDescriptor column, IReadOnlyList<string> paragraphs, TextStyle style, SignatureModel signature, DocumentStamp stamp)
    {
        var last = paragraphs.Count - 1;
        for (var i = 0; i < last; i++)
        {
            if (i > 0)
            {
                column.Space(2.5f);
            }
            column.Text(paragraphs[i], style, TextAlign.Justify);
        }
        if (last > 0)
        {
            column.Space(2.5f);
        }
        column.KeepTogether(k =>
        {
            if (last >= 0)
            {
                k.Text(paragraphs[last], style, TextAlign.Justify);
            }
            k.Space(6);
            k.SignatureBlock(signature, stamp);
        });
    }
}
