using System.Globalization;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Appendix;

/// <summary>
/// Lampiran penerima penghargaan: an A4 landscape report with the kop on page 1, the title, period and status, one
/// table of every recipient grouped by unit (a section row, the unit's rows, a bold total row per unit) and an overall
/// total row, then the grand total sentence, the signature of the head of Humas and, once finalised, the verification
/// box. The table header repeats on every page, rows never split; a running header line and "Halaman X dari Y" are
/// on every page. Built for 80,000 rows: per row only one cell array is allocated, numbers come from caches.
/// </summary>
public static class AppendixDocument
{
    /// <summary>A4 landscape: nine columns do not fit a portrait page.</summary>
    private static readonly PaperSize Landscape = new(PaperSize.A4.HeightMm, PaperSize.A4.WidthMm);

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private const string NumberLabel = "Nomor: ";
    private const string RunLabel = "Hasil perhitungan ke-{0}";
    private const string UnitTotalLabel = "Jumlah {0}";
    private const string GrandTotalLabel = "Jumlah seluruhnya";
    private const string AgentCount = "{0} agen";
    private const string GrandTotalNoIncentive = "Jumlah seluruhnya: {0} agen";
    private const string Empty = "Tidak ada agen yang memperoleh penghargaan pada periode ini.";
    private const string Separator = " \u2014 ";

    public static void Compose(DocumentDescriptor d, AppendixModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        d.Page(p =>
        {
            var theme = p.Theme;
            p.Setup(PageSetup.Report(Landscape));
            p.RestartNumbering();
            var running = model.Letterhead.InstitutionName + Separator + model.Title + Separator + model.Subtitle;
            p.Header((info, h) =>
            {
                h.Text(running, theme.Caption, TextAlign.Right);
                h.Space(0.8f);
                h.HorizontalRule(0.5f, theme.Border);
                if (info.Number == 1)
                {
                    h.Space(3);
                    h.Letterhead(model.Letterhead);
                }
            });
            p.Stamp(stamp, PageNumbering.EveryPage);

            var c = p.Content;
            c.Text(model.Title, theme.Title, TextAlign.Center, keepWithNext: true);
            c.Space(1);
            c.Text(model.Subtitle, theme.Body, TextAlign.Center, keepWithNext: true);
            if (!stamp.IsDraft && stamp.Number is { Length: > 0 } number)
            {
                c.Text(NumberLabel + number, theme.Body, TextAlign.Center, keepWithNext: true);
            }
            c.Space(1);
            c.Text(model.StatusText + Separator + DocumentTexts.Format(RunLabel, model.RunNumber), theme.Small.WithItalic(), TextAlign.Center, keepWithNext: true);
            c.Space(4);
            c.Table(t => FillTable(t, model));
            c.Space(3);
            c.Text(GrandTotalText(model), theme.Body.WithBold());
            c.Space(6);
            var signature = model.Signature ?? new SignatureModel(DocumentTexts.Placeholder, DocumentTexts.Placeholder, DocumentTexts.Placeholder, null, null);
            // The verification box (finalised only) at the left of the signature: one block that moves as a whole.
            c.Row(row =>
            {
                var left = row.ConstantItem(120);
                left.Space(8);
                left.Verification(stamp);
                row.RelativeItem();
                row.ConstantItem(82).SignatureBlock(signature);
            }, spacingMm: 0);
        });
    }

    public static byte[] Render(AppendixModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(model.Title, model.Letterhead.InstitutionName, model.Subject, stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    /// <summary>"Jumlah seluruhnya: 9 agen, insentif Rp 1.250.000" (the incentive only when the column is shown).</summary>
    public static string GrandTotalText(AppendixModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ShowIncentive
            ? DocumentTexts.Format(AppendixWording.GrandTotal, DocumentTexts.Count(model.TotalAgents), DocumentTexts.Rupiah(model.TotalIncentive))
            : DocumentTexts.Format(GrandTotalNoIncentive, DocumentTexts.Count(model.TotalAgents));
    }

    /// <summary>An amount in the "Insentif (Rp)" column: "1.250.000" (no currency sign: the header carries it).</summary>
    public static string Amount(long amount) => amount.ToString("N0", Indonesian);

    private static void FillTable(TableDescriptor t, AppendixModel model)
    {
        var incentive = model.ShowIncentive;
        var columns = incentive ? 9 : 8;
        t.ConstantColumn(10, TextAlign.Right)
            .RelativeColumn(3f)
            .ConstantColumn(37)
            .ConstantColumn(12, TextAlign.Center)
            .RelativeColumn(2.4f)
            .ConstantColumn(13, TextAlign.Right)
            .ConstantColumn(17, TextAlign.Right)
            .RelativeColumn(4.2f);
        if (incentive)
        {
            t.ConstantColumn(28, TextAlign.Right);
            t.Header(AppendixWording.ColumnNumber, AppendixWording.ColumnName, AppendixWording.ColumnNip, AppendixWording.ColumnGrade,
                AppendixWording.ColumnPosition, AppendixWording.ColumnScore, AppendixWording.ColumnRank, AppendixWording.ColumnOutcomes,
                AppendixWording.ColumnIncentive);
        }
        else
        {
            t.Header(AppendixWording.ColumnNumber, AppendixWording.ColumnName, AppendixWording.ColumnNip, AppendixWording.ColumnGrade,
                AppendixWording.ColumnPosition, AppendixWording.ColumnScore, AppendixWording.ColumnRank, AppendixWording.ColumnOutcomes);
        }

        if (model.Units.Count == 0)
        {
            t.SectionRow(Empty);
            return;
        }

        var numbers = new IntTexts();
        var scores = new Dictionary<decimal, string>();
        var amounts = new Dictionary<long, string>();
        foreach (var unit in model.Units)
        {
            t.SectionRow(unit.UnitName);
            var rows = unit.Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var cells = new string[columns];
                cells[0] = numbers[row.Number];
                cells[1] = row.Name;
                cells[2] = row.Nip;
                cells[3] = row.Grade;
                cells[4] = row.Position;
                if (!scores.TryGetValue(row.Score, out var score))
                {
                    score = DocumentTexts.Score(row.Score);
                    scores.Add(row.Score, score);
                }
                cells[5] = score;
                cells[6] = row.Rank > 0 ? numbers[row.Rank] : DocumentTexts.Blank;
                cells[7] = row.OutcomeLabels;
                if (incentive)
                {
                    if (row.IncentiveAmount == 0)
                    {
                        cells[8] = DocumentTexts.Blank;
                    }
                    else
                    {
                        if (!amounts.TryGetValue(row.IncentiveAmount, out var amount))
                        {
                            amount = Amount(row.IncentiveAmount);
                            amounts.Add(row.IncentiveAmount, amount);
                        }
                        cells[8] = amount;
                    }
                }
                t.Row(cells);
            }
            t.TotalRow(TotalCells(columns, DocumentTexts.Format(UnitTotalLabel, unit.UnitName), unit.Agents, incentive ? Amount(unit.IncentiveTotal) : null));
        }
        t.TotalRow(TotalCells(columns, GrandTotalLabel, model.TotalAgents, incentive ? Amount(model.TotalIncentive) : null));
    }

    /// <summary>A total row: the label under Nama, "4 agen" under NIP, the sum under Insentif.</summary>
    private static string[] TotalCells(int columns, string label, int agents, string? amount)
    {
        var cells = new string[columns];
        cells[1] = label;
        cells[2] = DocumentTexts.Format(AgentCount, DocumentTexts.Count(agents));
        if (amount is not null)
        {
            cells[columns - 1] = amount;
        }
        return cells;
    }

    /// <summary>"1", "2", … formatted once per value (row numbers and ranks repeat across units).</summary>
    private sealed class IntTexts
    {
        private string?[] texts = new string?[1024];

        public string this[int value]
        {
            get
            {
                if (value < 0)
                {
                    return value.ToString(CultureInfo.InvariantCulture);
                }
                if (value >= texts.Length)
                {
                    Array.Resize(ref texts, Math.Max(value + 1, texts.Length * 2));
                }
                return texts[value] ??= value.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
