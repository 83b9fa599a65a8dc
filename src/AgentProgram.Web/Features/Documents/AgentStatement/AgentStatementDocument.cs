using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using static AgentProgram.Web.Features.Documents.Summary.ReportDocumentParts;

namespace AgentProgram.Web.Features.Documents.AgentStatement;

/// <summary>
/// Laporan Kinerja Agen: the agent's own statement for a period. An A4 portrait section: kop, title, period, the
/// provisional notice, the agent (with the NIP: it is the agent's own document), the score, rank and participation
/// tiles, the sub-scores, the standing, why the agent was not ranked, every outcome worded as a recommendation for
/// consideration with what was missing, the signature and, once finalised, the verification box. Then, when there
/// are shares, an A4 landscape Lampiran with every share line, counted or not, with its reason and points; its
/// header row repeats on every page. A running header line from page 2 and "Halaman X dari Y" on every page.
/// </summary>
public static class AgentStatementDocument
{
    private const string DocumentName = "Laporan Kinerja Agen";
    private const string Subject = "Laporan kinerja agen komunikasi untuk satu periode penghargaan";
    private const string LinesTitle = "Lampiran: Rincian Setiap Sebaran";
    private const string ProvisionalHeading = "Angka sementara.";
    private const string ProvisionalText = "Periode ini belum disetujui: skor, peringkat dan hasil penghargaan masih dapat berubah.";
    private const string ConsiderationNote =
        "Rekomendasi kenaikan pangkat/jabatan, tugas/izin belajar dan pengembangan kompetensi disampaikan kepada pejabat yang berwenang untuk dipertimbangkan; keputusannya tetap pada pejabat tersebut.";
    private const string Minus = "\u2212 ";

    private static readonly PaperSize Landscape = new(PaperSize.A4.HeightMm, PaperSize.A4.WidthMm);

    public static void Compose(DocumentDescriptor d, AgentStatementModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        var running = model.Letterhead.InstitutionName + Separator + DocumentName + " \u2013 " + model.Period.Name + Separator + model.Agent.Name;
        d.Page(p =>
        {
            p.RestartNumbering();
            Frame(p, stamp, model.Letterhead, running);
            var c = p.Content;
            var theme = p.Theme;
            var small = theme.Body.WithSize(10.5f);

            TitleBlock(c, DocumentName, [Format("Periode {0} ({1})", model.Period.Name, model.Period.DateRange)], stamp);
            c.Text("Status periode: " + model.Period.StateLabel, theme.Small.WithItalic(), TextAlign.Center);
            c.Space(3);
            if (model.IsProvisional)
            {
                Notice(c, ProvisionalHeading, ProvisionalText);
                c.Space(1);
            }

            Heading(c, "Identitas agen");
            var a = model.Agent;
            Fields(c,
            [
                ("Nama", a.Name),
                ("NIP", a.FormattedNip),
                ("Status kepegawaian", a.EmploymentType),
                ("Pangkat/Golongan", a.Grade ?? Dash),
                ("Jabatan", string.IsNullOrWhiteSpace(a.Position) ? Dash : a.Position),
                ("Unit Kerja", string.IsNullOrWhiteSpace(a.UnitName) ? Dash : a.UnitName),
            ]);

            var s = model.Scores;
            var st = model.Standing;
            Heading(c, "Ringkasan");
            c.KeyFigures(
            [
                new KeyFigure("Skor akhir", Points(s.Score), "skala 0–100"),
                new KeyFigure("Peringkat", st.Rank is { } rank ? Format("{0} dari {1}", Count(rank), Count(st.Ranked)) : "Tidak diperingkat", st.RankBand),
                new KeyFigure("Sebaran dihitung", Count(s.CountedShares), Count(s.UncountedShares) + " tidak dihitung"),
                new KeyFigure("Penugasan dibagikan", Format("{0} dari {1}", Count(s.AssignmentsShared), Count(s.Assignments)), Percent(s.ParticipationPercent)),
            ], perRow: 4);

            if (model.IneligibleReasons.Count > 0)
            {
                c.Space(2);
                Notice(c, "Tidak diperingkat pada periode ini karena:", string.Join("; ", model.IneligibleReasons) + ".");
            }

            Heading(c, "Rincian nilai");
            c.Table(t =>
            {
                t.Striped = false;
                t.RelativeColumn(4).ConstantColumn(30, TextAlign.Right);
                t.Header("Komponen", "Poin");
                t.Row("Poin sebaran", Points(s.SharePoints));
                t.Row("Bonus ketepatan waktu", "+ " + Points(s.TimelyPoints));
                t.Row("Pengurangan (laporan ditolak final)", Minus + Points(s.DeductionPoints));
                t.TotalRow("Partisipasi (sebaran + ketepatan waktu − pengurangan)", Points(s.Participation));
                t.Row("Keterlibatan", Points(s.Engagement));
                t.TotalRow("Skor akhir (0–100, dibandingkan dengan nilai tertinggi periode ini)", Points(s.Score));
                t.Row("Penugasan yang dibagikan", Format("{0} dari {1} ({2})", Count(s.AssignmentsShared), Count(s.Assignments), Percent(s.ParticipationPercent)));
                t.Row("Sebaran dihitung / tidak dihitung", Count(s.CountedShares) + " / " + Count(s.UncountedShares));
                if (s.IncentiveAmount > 0)
                {
                    t.Row("Insentif", Rupiah(s.IncentiveAmount));
                }
            });

            Heading(c, "Kedudukan");
            c.Column(col =>
            {
                col.ItemSpacing(1);
                foreach (var line in StandingLines(st))
                {
                    col.Text(line, small);
                }
            });

            Heading(c, "Hasil penghargaan");
            c.Text(ConsiderationNote, theme.Small.WithItalic());
            c.Space(1);
            c.Table(t =>
            {
                t.RelativeColumn(3).ConstantColumn(26).RelativeColumn(3.2f);
                t.Header("Hasil", "Keadaan", "Keterangan");
                if (model.Outcomes.Count == 0)
                {
                    t.SectionRow("Skema penghargaan periode ini tidak memuat hasil penghargaan.");
                }
                foreach (var o in model.Outcomes)
                {
                    t.Row(o.Label, o.Reached ? "Tercapai" : "Belum tercapai", o.Missing.Count == 0 ? Dash : string.Join("\n", o.Missing));
                }
            });

            if (model.Lines.Count == 0)
            {
                Heading(c, "Setiap sebaran");
                c.Text("Tidak ada laporan sebaran pada periode ini.", small);
            }
            else
            {
                c.Space(2);
                c.Text(Format("Rincian {0} laporan sebaran ada pada lampiran.", Count(model.Lines.Count)), theme.Small);
            }

            Closing(c, model.Signature, stamp, placeholderWhenMissing: false);
        });

        if (model.Lines.Count == 0)
        {
            return;
        }
        d.Page(p =>
        {
            Frame(p, stamp, null, running, Landscape);
            var c = p.Content;
            c.Text(LinesTitle.ToUpperInvariant(), p.Theme.Heading, TextAlign.Center, keepWithNext: true);
            c.Text(Format("{0} \u2013 Periode {1} ({2})", model.Agent.Name, model.Period.Name, model.Period.DateRange), p.Theme.Body, TextAlign.Center, keepWithNext: true);
            c.Space(3);
            c.Table(t => LinesTable(t, model.Lines));
            c.Space(2);
            Caption(c, "Hanya sebaran berstatus \"Dihitung\" yang menambah poin; status lain menjelaskan mengapa sebaran tidak dihitung.");
        });
    }

    public static byte[] Render(AgentStatementModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(model.Title, model.Letterhead.InstitutionName, Subject, stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    /// <summary>The column headers of the lines table, in order.</summary>
    public static readonly IReadOnlyList<string> LineHeaders =
        ["No.", "Pesan", "Platform", "Waktu unggah", "Status", "Sebaran", "Ketepatan waktu", "Keterlibatan", "Pengurangan", "Pengunjung", "Jumlah poin"];

    private static IEnumerable<string> StandingLines(StatementStanding st)
    {
        if (st.Rank is { } rank)
        {
            yield return Format("Peringkat {0} dari {1} agen yang diperingkat{2}.", Count(rank), Count(st.Ranked),
                st.TopPercent is { } top ? Format(" (masuk {0} teratas; {1})", Percent(top), st.RankBand ?? Dash) : "");
        }
        else
        {
            yield return Format("Tidak diperingkat; {0} agen diperingkat pada periode ini.", Count(st.Ranked));
        }
        if (st.UnitRank is { } unitRank)
        {
            yield return Format("Peringkat {0} dari {1} agen yang diperingkat di unit {2}.", Count(unitRank), Count(st.RankedInUnit), st.UnitName ?? Dash);
        }
        if (st.UnitPosition is { } position && st.Units is { } units)
        {
            yield return Format("Unit {0} berada di urutan {1} dari {2} unit menurut rata-rata skor agen yang diperingkat{3}.",
                st.UnitName ?? Dash, Count(position), Count(units), st.UnitAverageScore is { } avg ? " (rata-rata " + Points(avg) + ")" : "");
        }
    }

    private static void LinesTable(TableDescriptor t, IReadOnlyList<StatementShareLine> lines)
    {
        t.ConstantColumn(10, TextAlign.Right).RelativeColumn(3).ConstantColumn(20).ConstantColumn(25).ConstantColumn(38)
            .ConstantColumn(17, TextAlign.Right).ConstantColumn(19, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right)
            .ConstantColumn(23.5f, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right);
        t.Header([.. LineHeaders]);
        decimal share = 0, timely = 0, engagement = 0, deduction = 0, total = 0;
        long visitors = 0;
        var n = 0;
        foreach (var l in lines)
        {
            n++;
            t.Row(Count(n), l.MessageTitle, l.PlatformName, l.Posted, l.StatusLabel, Points(l.SharePoints), Points(l.TimelyPoints),
                Points(l.EngagementPoints), l.Deduction > 0 ? Minus + Points(l.Deduction) : "0", Count(l.Visitors), Points(l.Total));
            share += l.SharePoints;
            timely += l.TimelyPoints;
            engagement += l.EngagementPoints;
            deduction += l.Deduction;
            visitors += l.Visitors;
            total += l.Total;
        }
        var counted = lines.Count(l => l.Counted);
        t.TotalRow("", Format("Jumlah {0} sebaran", Count(lines.Count)), "", "", Format("{0} dihitung", Count(counted)),
            Points(share), Points(timely), Points(engagement), deduction > 0 ? Minus + Points(deduction) : "0", Count(visitors), Points(total));
    }
}
