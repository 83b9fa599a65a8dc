using AgentProgram.Web.Infrastructure.Pdf;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using static AgentProgram.Web.Features.Documents.Summary.ReportDocumentParts;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Ringkasan Pimpinan: an A4 portrait report for leadership. Page 1 holds the kop, the title and period, the
/// provisional notice, the key-figure tiles against the previous period, the highlights (leading and lagging units)
/// and Humas's interpretation notes; then the full comparison table, the figures per mission tag, per unit (table and
/// two bar charts), the top agents (names and units, never the NIP), the top messages, the dialogic loop, the
/// verification figures, the signature of the head of Humas and, once finalised, the verification box. A running
/// header line from page 2 and "Halaman X dari Y" on every page.
/// </summary>
public static class SummaryDocument
{
    private const string DocumentName = "Ringkasan Pimpinan";
    private const string Subject = "Ringkasan kinerja program agen komunikasi untuk pimpinan";
    private const string PeriodLine = "Periode {0} ({1})";
    private const string StateLine = "Status periode: {0}";
    private const string ComparedWith = "Dibandingkan dengan periode {0} ({1}).";
    private const string NoPrevious = "Tidak ada periode sebelumnya sebagai pembanding.";
    private const string ProvisionalHeading = "Angka sementara.";
    private const string ProvisionalText =
        "Periode ini belum disetujui: hasil penghargaan (piagam, rekomendasi, insentif) dan peringkat agen masih dapat berubah.";
    private const string NoResults = "Hasil penghargaan periode ini belum dihitung.";
    private const string ReachNote =
        "Jangkauan kumulatif adalah jumlah jangkauan setiap sebaran terverifikasi (bukan jumlah orang unik); angka diambil dari sumber bukti terkuat setiap laporan.";

    private const string HeadingKeyFigures = "Angka utama";
    private const string HeadingHighlights = "Sorotan";
    private const string HeadingNotes = "Catatan Interpretasi Humas";
    private const string HeadingComparison = "Perbandingan dengan periode sebelumnya";
    private const string HeadingMissions = "Kinerja per misi pesan";
    private const string HeadingUnits = "Kinerja per unit kerja";
    private const string HeadingTopAgents = "Agen dengan skor tertinggi";
    private const string HeadingTopMessages = "Pesan dengan sebaran terverifikasi terbanyak";
    private const string HeadingDialogic = "Lingkar dialogis (tanggapan publik)";
    private const string HeadingVerification = "Verifikasi laporan sebaran";

    private const string NoComparison = "Tanpa pembanding";
    private const string PreviousPrefix = "Periode lalu: ";
    private const string PointsSuffix = " poin";
    private const string Total = "Seluruh unit";

    private static readonly string[] TileLabels =
    [
        "Agen aktif", "Tingkat partisipasi", "Sebaran terverifikasi", "Jangkauan kumulatif",
        "Tayangan", "Klik tautan terlacak", "Pengunjung unik", "Tanggapan publik",
    ];

    public static void Compose(DocumentDescriptor d, SummaryModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        d.Page(p =>
        {
            p.RestartNumbering();
            Frame(p, stamp, model.Letterhead, model.Letterhead.InstitutionName + Separator + DocumentName + " \u2013 " + model.Period.Name);
            var c = p.Content;
            var theme = p.Theme;

            TitleBlock(c, DocumentName, [Format(PeriodLine, model.Period.Name, model.Period.DateRange)], stamp);
            c.Text(Format(StateLine, model.Period.StateLabel), theme.Small.WithItalic(), TextAlign.Center);
            c.Text(model.PreviousPeriod is { } prev ? Format(ComparedWith, prev.Name, prev.DateRange) : NoPrevious, theme.Small.WithItalic(), TextAlign.Center);
            c.Space(3);
            if (model.Period.IsProvisional)
            {
                Notice(c, ProvisionalHeading, ProvisionalText);
                c.Space(2);
            }

            Heading(c, HeadingKeyFigures);
            var tiles = Tiles(model);
            c.KeyFigures(tiles, TilesPerRow(tiles));
            c.Space(1);
            Caption(c, ReachNote);
            if (!model.Current.HasResults)
            {
                Caption(c, NoResults);
            }

            Highlights(c, model);

            if (model.Notes is { Length: > 0 } notes)
            {
                Heading(c, HeadingNotes);
                c.Box(box => box.Text(notes, theme.Body.WithSize(10.5f)), paddingMm: 3, background: theme.TileBackground, border: theme.Border);
            }

            Heading(c, HeadingComparison);
            c.Table(t => ComparisonTable(t, model));

            Heading(c, HeadingMissions);
            c.Table(t => MissionShareTable(t, model));
            c.Space(2);
            c.Table(t => MissionInteractionTable(t, model));
            c.Space(1);
            foreach (var mission in model.Missions)
            {
                c.Paragraph(par => par.Bold(mission.Label + ": ").Span("diukur dengan " + string.Join(", ", mission.KpiLabels) + "."), baseStyle: theme.Caption);
            }

            Heading(c, HeadingUnits);
            c.Table(t => UnitTable(t, model));
            Charts(c, model);

            Heading(c, HeadingTopAgents);
            TopAgents(c, model);

            Heading(c, HeadingTopMessages);
            TopMessages(c, model);

            Heading(c, HeadingDialogic);
            c.Text(DialogicSentence(model.DialogicLoop), theme.Body.WithSize(10.5f));

            Heading(c, HeadingVerification);
            c.Table(t => VerificationTable(t, model.Verification));
            Caption(c, "Ditandai (untuk diperiksa) dan dikoreksi dapat tumpang tindih dengan keadaan laporan.");

            Closing(c, model.Signature, stamp, placeholderWhenMissing: true);
        });
    }

    public static byte[] Render(SummaryModel model, DocumentStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stamp);
        return PdfDocument.Create(d =>
        {
            d.Metadata(model.Title, model.Letterhead.InstitutionName, Subject, stamp.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            Compose(d, model, stamp);
        }).GeneratePdf();
    }

    /// <summary>A figure as printed: "1.234", "40%", "Rp 750.000"; "–" when missing.</summary>
    public static string Value(FigureKind kind, decimal? value) => value switch
    {
        null => Dash,
        { } v => kind switch
        {
            FigureKind.Percent => Percent(v),
            FigureKind.Rupiah => Rupiah((long)v),
            _ => Count((long)v),
        },
    };

    /// <summary>The change as printed: "+1.234 (+12,5%)", "+5,2 poin", "–".</summary>
    public static string Change(KeyFigureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Change is not { } change)
        {
            return Dash;
        }
        if (row.Kind == FigureKind.Percent)
        {
            return Signed(change, "0.##") + PointsSuffix;
        }
        var absolute = row.Kind == FigureKind.Rupiah ? (change > 0 ? "+" : change < 0 ? "-" : "") + Rupiah((long)Math.Abs(change)) : Signed(change);
        return row.ChangePercent is { } pct ? absolute + " (" + Signed(pct, "#,0.##") + "%)" : absolute;
    }

    private static List<KeyFigure> Tiles(SummaryModel model)
    {
        var rows = TileLabels.Select(l => model.KeyFigures.FirstOrDefault(r => r.Label == l)).OfType<KeyFigureRow>().ToList();
        if (rows.Count == 0)
        {
            rows = [.. model.KeyFigures.Take(8)];
        }
        var hasPrevious = model.PreviousPeriod is not null;
        return [.. rows.Select(r => new KeyFigure(r.Label, Value(r.Kind, r.Current),
            hasPrevious ? PreviousPrefix + Value(r.Kind, r.Previous) + (r.Change is null ? "" : "; " + Change(r)) : NoComparison))];
    }

    private static void Highlights(ColumnDescriptor c, SummaryModel model)
    {
        var sentences = new List<string>();
        var cur = model.Current;
        sentences.Add(Format("{0} dari {1} agen terdaftar aktif ({2}); {3} dari {4} laporan sebaran terverifikasi ({5}).",
            Count(cur.ActiveAgents), Count(cur.EnrolledAgents), Percent(cur.ParticipationRate),
            Count(cur.VerifiedShares), Count(cur.ShareReports), Percent(cur.VerifiedShareRate)));
        var withReach = model.Units.Where(u => u.CumulativeReach > 0).ToList();
        if (withReach.Count > 0)
        {
            var top = withReach.MaxBy(u => u.CumulativeReach)!;
            sentences.Add(Format("Jangkauan kumulatif tertinggi: {0} ({1}).", top.UnitName, Count(top.CumulativeReach)));
        }
        var rated = model.Units.Where(u => u.ParticipationRate is not null).ToList();
        if (rated.Count >= 2)
        {
            var lead = rated.OrderByDescending(u => u.ParticipationRate).ThenBy(u => u.UnitName, StringComparer.Ordinal).First();
            var lag = rated.OrderBy(u => u.ParticipationRate).ThenBy(u => u.UnitName, StringComparer.Ordinal).First();
            sentences.Add(Format("Partisipasi tertinggi: {0} ({1}); terendah: {2} ({3}).",
                lead.UnitName, Percent(lead.ParticipationRate), lag.UnitName, Percent(lag.ParticipationRate)));
        }
        if (cur.HasResults)
        {
            sentences.Add(Format("Hasil penghargaan{0}: {1} agen menerima piagam, {2} rekomendasi, total insentif {3}.",
                cur.ResultsProvisional ? " (sementara)" : "", Count(cur.RecognisedAgents ?? 0), Count(cur.Recommendations ?? 0), Rupiah(cur.IncentiveTotal ?? 0)));
        }
        Heading(c, HeadingHighlights);
        c.Column(col =>
        {
            col.ItemSpacing(1);
            foreach (var s in sentences)
            {
                col.Row(row =>
                {
                    row.ConstantItem(4).Text("\u2022", c.Theme.Body.WithSize(10.5f));
                    row.RelativeItem().Text(s, c.Theme.Body.WithSize(10.5f));
                }, spacingMm: 0);
            }
        });
    }

    private static void ComparisonTable(TableDescriptor t, SummaryModel model)
    {
        t.RelativeColumn(3).ConstantColumn(30, TextAlign.Right).ConstantColumn(30, TextAlign.Right).ConstantColumn(42, TextAlign.Right);
        t.Header("Indikator", model.Period.Name, model.PreviousPeriod?.Name ?? "Periode lalu", "Perubahan");
        foreach (var r in model.KeyFigures)
        {
            t.Row(r.Label, Value(r.Kind, r.Current), Value(r.Kind, r.Previous), Change(r));
        }
    }

    private static void MissionShareTable(TableDescriptor t, SummaryModel model)
    {
        t.RelativeColumn(3).ConstantColumn(20, TextAlign.Right).ConstantColumn(22, TextAlign.Right).ConstantColumn(18, TextAlign.Right)
            .ConstantColumn(30, TextAlign.Right).ConstantColumn(30, TextAlign.Right);
        t.Header("Misi", "Laporan sebaran", "Sebaran terverifikasi", "Agen aktif", "Jangkauan kumulatif", "Tayangan");
        foreach (var m in model.Missions)
        {
            t.Row(m.Label, Count(m.ShareReports), Count(m.VerifiedShares), Count(m.ActiveAgents), Count(m.CumulativeReach), Count(m.Views));
        }
        var cur = model.Current;
        t.TotalRow("Jumlah", Count(cur.ShareReports), Count(cur.VerifiedShares), Count(cur.ActiveAgents), Count(cur.CumulativeReach), Count(cur.Views));
    }

    private static void MissionInteractionTable(TableDescriptor t, SummaryModel model)
    {
        t.RelativeColumn(3).ConstantColumn(18, TextAlign.Right).ConstantColumn(15, TextAlign.Right).ConstantColumn(15, TextAlign.Right)
            .ConstantColumn(15, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right).ConstantColumn(20, TextAlign.Right).ConstantColumn(19, TextAlign.Right);
        t.Header("Misi", "Komentar", "Repost", "Simpan", "Klik tautan", "Pengunjung unik", "Tanggapan publik", "Dijawab \u2264 24 jam");
        foreach (var m in model.Missions)
        {
            t.Row(m.Label, Count(m.Comments), Count(m.Reposts), Count(m.Saves), Count(m.LinkClicks), Count(m.UniqueVisitors),
                Count(m.PublicResponses), Fraction(m.DialogicLoop.Rate));
        }
    }

    private static void UnitTable(TableDescriptor t, SummaryModel model)
    {
        t.ConstantColumn(8, TextAlign.Right).RelativeColumn(3).ConstantColumn(18, TextAlign.Right).ConstantColumn(15, TextAlign.Right)
            .ConstantColumn(19, TextAlign.Right).ConstantColumn(17, TextAlign.Right).ConstantColumn(21.5f, TextAlign.Right).ConstantColumn(25, TextAlign.Right);
        t.Header("No.", "Unit kerja", "Agen terdaftar", "Agen aktif", "Partisipasi", "Laporan sebaran", "Sebaran terverifikasi", "Jangkauan kumulatif");
        if (model.Units.Count == 0)
        {
            t.SectionRow("Belum ada agen terdaftar maupun laporan sebaran pada periode ini.");
            return;
        }
        var n = 0;
        foreach (var u in model.Units)
        {
            n++;
            t.Row(Count(n), u.UnitName, Count(u.EnrolledAgents), Count(u.ActiveAgents), Percent(u.ParticipationRate),
                Count(u.ShareReports), Count(u.VerifiedShares), Count(u.CumulativeReach));
        }
        var cur = model.Current;
        t.TotalRow("", Total, Count(cur.EnrolledAgents), Count(cur.ActiveAgents), Percent(cur.ParticipationRate),
            Count(cur.ShareReports), Count(cur.VerifiedShares), Count(cur.CumulativeReach));
    }

    private static void Charts(ColumnDescriptor c, SummaryModel model)
    {
        var charts = new[] { (model.ReachByUnitChart, false), (model.ParticipationByUnitChart, true) };
        foreach (var (chart, percent) in charts)
        {
            if (chart.Categories.Count == 0 || chart.Series.Count == 0)
            {
                continue;
            }
            var height = SummaryChart.HeightMm(chart);
            c.Space(3);
            c.KeepTogether(k =>
            {
                k.Chart(SummaryChart.Bars(chart, percent), 170, height);
                if (model.Units.Count > chart.Categories.Count)
                {
                    k.Text(Format("Grafik menampilkan {0} dari {1} unit (jangkauan kumulatif tertinggi); angka lengkap ada pada tabel di atas.",
                        Count(chart.Categories.Count), Count(model.Units.Count)), c.Theme.Caption);
                }
            });
        }
    }

    private static void TopAgents(ColumnDescriptor c, SummaryModel model)
    {
        if (model.TopAgents.Count == 0)
        {
            c.Text(model.Current.HasResults ? "Belum ada agen yang diperingkat pada periode ini." : NoResults, c.Theme.Body.WithSize(10.5f));
            return;
        }
        c.Table(t =>
        {
            t.ConstantColumn(18, TextAlign.Right).RelativeColumn(3).RelativeColumn(2.5f).ConstantColumn(18, TextAlign.Right).ConstantColumn(22, TextAlign.Right);
            t.Header("Peringkat", "Nama", "Unit kerja", "Skor", "Sebaran dihitung");
            foreach (var a in model.TopAgents)
            {
                t.Row(Count(a.Rank), a.Name, a.UnitName ?? SummaryModelHandler.NoUnit, Points(a.Score), Count(a.CountedShares));
            }
        });
        if (model.Current.ResultsProvisional)
        {
            Caption(c, "Peringkat sementara: dapat berubah sampai hasil periode disetujui.");
        }
    }

    private static void TopMessages(ColumnDescriptor c, SummaryModel model)
    {
        if (model.TopMessages.Count == 0)
        {
            c.Text("Tidak ada laporan sebaran pada periode ini.", c.Theme.Body.WithSize(10.5f));
            return;
        }
        c.Table(t =>
        {
            t.ConstantColumn(8, TextAlign.Right).RelativeColumn(3).RelativeColumn(1.6f).ConstantColumn(22, TextAlign.Right)
                .ConstantColumn(24, TextAlign.Right).ConstantColumn(20, TextAlign.Right);
            t.Header("No.", "Judul pesan", "Misi", "Sebaran terverifikasi", "Jangkauan kumulatif", "Tayangan");
            foreach (var m in model.TopMessages)
            {
                t.Row(Count(m.Position), m.Title, m.MissionLabel, Count(m.VerifiedShares), Count(m.CumulativeReach), Count(m.Views));
            }
        });
    }

    /// <summary>The dialogic loop in one sentence.</summary>
    public static string DialogicSentence(AgentProgram.Web.Domain.Reports.DialogicLoopFigure f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Total == 0)
        {
            return "Tidak ada tanggapan publik yang tercatat pada periode ini.";
        }
        if (f.NeedingAnswer == 0)
        {
            return Format("Tercatat {0} tanggapan publik; tidak ada pertanyaan atau keluhan yang perlu dijawab.", Count(f.Total));
        }
        return Format(
            "Tercatat {0} tanggapan publik, {1} di antaranya pertanyaan atau keluhan yang perlu dijawab: {2} dijawab atau dirujuk ke kanal resmi dalam 24 jam ({3}), {4} masih terbuka. Angka ini dilaporkan, tidak dinilai.",
            Count(f.Total), Count(f.NeedingAnswer), Count(f.ClosedWithinWindow), Fraction(f.Rate), Count(f.StillOpen));
    }

    private static void VerificationTable(TableDescriptor t, VerificationStats v)
    {
        // Across, so the table stays short: the signature usually fits under it.
        t.RelativeColumn(1.4f).ConstantColumn(22, TextAlign.Right).ConstantColumn(22, TextAlign.Right).ConstantColumn(18, TextAlign.Right)
            .ConstantColumn(19, TextAlign.Right).ConstantColumn(20, TextAlign.Right).ConstantColumn(20, TextAlign.Right);
        t.Header("", "Seluruh laporan", "Terverifikasi", "Ditolak", "Menunggu", "Ditandai", "Dikoreksi");
        string Share(int n) => Percent(SummaryModelHandler.Rate(n, v.Total));
        t.Row("Jumlah", Count(v.Total), Count(v.Verified), Count(v.Rejected), Count(v.Pending), Count(v.Flagged), Count(v.Corrected));
        t.Row("Bagian", v.Total == 0 ? Dash : "100%", Share(v.Verified), Share(v.Rejected), Share(v.Pending), Share(v.Flagged), Share(v.Corrected));
    }
}
