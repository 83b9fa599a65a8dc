using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using static AgentProgram.Web.Features.Documents.Summary.ReportDocumentParts;

namespace AgentProgram.Web.Features.Documents.MessageReport;

/// <summary>
/// Laporan Pesan: an A4 portrait campaign report of one policy message over its whole life. Page 1: kop, title,
/// the message (policy reference, mission tag and its KPIs, active window, status), key-figure tiles and the leading
/// units; then the figures per platform, the public responses with the dialogic loop, every unit, the optional
/// signature of the head of Humas and, once finalised, the verification box. A running header line from page 2 and
/// "Halaman X dari Y" on every page.
/// </summary>
public static class MessageReportDocument
{
    private const string DocumentName = "Laporan Pesan";
    private const string Subject = "Laporan kinerja sebaran satu pesan kebijakan";
    private const string ReachNote =
        "Jangkauan kumulatif adalah jumlah jangkauan setiap sebaran terverifikasi (bukan jumlah orang unik); angka diambil dari sumber bukti terkuat setiap laporan.";
    private const string NoUnit = "Tanpa unit";

    public static void Compose(DocumentDescriptor d, MessageReportModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        d.Page(p =>
        {
            p.RestartNumbering();
            var m = model.Message;
            Frame(p, stamp, model.Letterhead, model.Letterhead.InstitutionName + Separator + DocumentName + " \u2013 " + Shorten(m.Title, 70));
            var c = p.Content;
            var theme = p.Theme;

            TitleBlock(c, DocumentName, [m.Title], stamp);
            c.Space(3);

            Heading(c, "Pesan kebijakan");
            Fields(c,
            [
                ("Judul pesan", m.Title),
                ("Kebijakan yang didukung", string.IsNullOrWhiteSpace(m.PolicyReference) ? Dash : m.PolicyReference),
                ("Misi", m.MissionLabel),
                ("Indikator misi", m.KpiLabels.Count == 0 ? Dash : string.Join(", ", m.KpiLabels)),
                ("Masa aktif", m.ActiveWindow),
                ("Status", m.StatusLabel),
            ]);

            var a = model.Assignments;
            var t = model.Totals;
            Heading(c, "Angka utama");
            List<KeyFigure> tiles =
            [
                new KeyFigure("Agen ditugaskan", Count(a.Assignments)),
                new KeyFigure("Agen yang membagikan", Count(a.AgentsShared), Percent(a.SharedRate) + " dari agen ditugaskan"),
                new KeyFigure("Laporan sebaran", Count(t.Reported), Count(t.Verified) + " terverifikasi (" + Percent(t.VerifiedRate) + ")"),
                new KeyFigure("Jangkauan kumulatif", Count(t.CumulativeReach)),
                new KeyFigure("Tayangan", Count(t.Views)),
                new KeyFigure("Klik tautan terlacak", Count(t.LinkClicks)),
                new KeyFigure("Pengunjung unik", Count(t.UniqueVisitors)),
                new KeyFigure("Tanggapan publik", Count(t.PublicResponses)),
            ];
            c.KeyFigures(tiles, TilesPerRow(tiles));
            Caption(c, ReachNote);
            c.Space(1);
            c.Text(Format("{0} agen memiliki sekurang-kurangnya satu sebaran terverifikasi. Laporan sebaran: {1} terverifikasi, {2} ditolak, {3} menunggu verifikasi.",
                Count(a.AgentsVerified), Count(t.Verified), Count(t.Rejected), Count(t.Pending)), theme.Body.WithSize(10.5f));

            if (model.TopUnits.Count > 0)
            {
                Heading(c, "Unit terdepan");
                c.Column(col =>
                {
                    col.ItemSpacing(1);
                    var n = 0;
                    foreach (var u in model.TopUnits)
                    {
                        n++;
                        col.Text(Format("{0}. {1}: {2} sebaran terverifikasi, jangkauan kumulatif {3}", n, u.UnitName, Count(u.Verified), Count(u.CumulativeReach)),
                            theme.Body.WithSize(10.5f));
                    }
                });
            }

            Heading(c, "Sebaran per platform");
            c.Table(tb => PlatformTable(tb, model));

            c.KeepTogether(k =>
            {
                Heading(k, "Tanggapan publik");
                k.Table(tb =>
                {
                    tb.RelativeColumn(3).ConstantColumn(30, TextAlign.Right);
                    tb.Header("Jenis tanggapan", "Jumlah");
                    foreach (var r in model.Responses)
                    {
                        tb.Row(r.Label, Count(r.Count));
                    }
                    tb.TotalRow("Jumlah", Count(model.Responses.Sum(r => (long)r.Count)));
                });
                k.Space(1);
                k.Text(SummaryDocument.DialogicSentence(model.DialogicLoop), theme.Body.WithSize(10.5f));
            });

            Heading(c, "Sebaran per unit kerja");
            c.Table(tb => UnitTable(tb, model));
            Caption(c, "Penugasan dan agen menurut unit agen saat ini; laporan menurut unit yang tercatat pada setiap laporan.");

            Closing(c, model.Signature, stamp, placeholderWhenMissing: false);
        });
    }

    public static byte[] Render(MessageReportModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(model.Title, model.Letterhead.InstitutionName, Subject, stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    private static void PlatformTable(TableDescriptor t, MessageReportModel model)
    {
        t.RelativeColumn(2).ConstantColumn(19.5f, TextAlign.Right).ConstantColumn(22, TextAlign.Right).ConstantColumn(14, TextAlign.Right)
            .ConstantColumn(19, TextAlign.Right).ConstantColumn(21, TextAlign.Right).ConstantColumn(21, TextAlign.Right)
            .ConstantColumn(13, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right);
        t.Header("Platform", "Dilaporkan", "Terverifikasi", "Ditolak", "Menunggu", "Jangkauan kumulatif", "Tayangan", "Klik", "Pengunjung unik");
        if (model.Platforms.Count == 0)
        {
            t.SectionRow("Belum ada laporan sebaran untuk pesan ini.");
        }
        foreach (var p in model.Platforms)
        {
            t.Row(p.PlatformName, Count(p.Reported), Count(p.Verified), Count(p.Rejected), Count(p.Pending),
                Count(p.CumulativeReach), Count(p.Views), Count(p.LinkClicks), Count(p.UniqueVisitors));
        }
        var s = model.Totals;
        t.TotalRow("Jumlah", Count(s.Reported), Count(s.Verified), Count(s.Rejected), Count(s.Pending),
            Count(s.CumulativeReach), Count(s.Views), Count(s.LinkClicks), Count(s.UniqueVisitors));
    }

    private static void UnitTable(TableDescriptor t, MessageReportModel model)
    {
        t.ConstantColumn(8, TextAlign.Right).RelativeColumn(3).ConstantColumn(20, TextAlign.Right).ConstantColumn(22.5f, TextAlign.Right)
            .ConstantColumn(19.5f, TextAlign.Right).ConstantColumn(22, TextAlign.Right).ConstantColumn(21, TextAlign.Right).ConstantColumn(21, TextAlign.Right);
        t.Header("No.", "Unit kerja", "Penugasan", "Agen membagikan", "Dilaporkan", "Terverifikasi", "Jangkauan kumulatif", "Tayangan");
        if (model.Units.Count == 0)
        {
            t.SectionRow("Pesan ini belum ditugaskan kepada agen mana pun.");
        }
        var n = 0;
        foreach (var u in model.Units)
        {
            n++;
            t.Row(Count(n), string.IsNullOrEmpty(u.UnitName) ? NoUnit : u.UnitName, Count(u.Assignments), Shared(u.AgentsShared, u.SharedRate),
                Count(u.Reported), Count(u.Verified), Count(u.CumulativeReach), Count(u.Views));
        }
        var a = model.Assignments;
        var s = model.Totals;
        t.TotalRow("", "Jumlah", Count(a.Assignments), Shared(a.AgentsShared, a.SharedRate),
            Count(s.Reported), Count(s.Verified), Count(s.CumulativeReach), Count(s.Views));
    }

    /// <summary>"1.200 (80%)": agents who shared and their share of the assigned agents.</summary>
    private static string Shared(int agents, decimal? rate) => rate is null ? Count(agents) : Count(agents) + " (" + Percent(rate) + ")";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "\u2026";
}
