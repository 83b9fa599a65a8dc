using AgentProgram.Tests.Features.Documents.Appendix;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.Summary;

public sealed class SummaryDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    internal static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataSet.IssuedOn);

    internal static readonly DocumentStamp Final = new(
        "B-7/HM.01/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataSet.IssuedOn, false);

    private static readonly string[] UnitHeader =
        ["No.", "Unit kerja", "Agen terdaftar", "Agen aktif", "Partisipasi", "Laporan sebaran", "Sebaran terverifikasi", "Jangkauan kumulatif"];

    /// <summary>
    /// Whether every word of every header cell is on the page, whole and in the cells' order along the page's text
    /// (two-line cells are read line by line across the row, so only each cell's first word is ordered).
    /// </summary>
    internal static bool HasHeader(PdfReading pdf, int page, IReadOnlyList<string> cells)
    {
        var words = pdf.Pages[page - 1].Split(' ');
        var at = -1;
        foreach (var cell in cells)
        {
            var parts = cell.Split(' ');
            var first = Array.IndexOf(words, parts[0], at + 1);
            if (first < 0 || parts.Skip(1).Any(p => !words.Contains(p)))
            {
                return false;
            }
            at = first;
        }
        return true;
    }

    internal static PdfReading Read(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("PDF_DUMP_DIR") is { Length: > 0 } dir && dir.StartsWith("/tmp", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), pdf);
        }
        return PdfReading.Open(pdf);
    }

    [Fact]
    public async Task The_fixture_summary_prints_the_model_figures_on_framed_pages_without_any_agent_nip()
    {
        var d = await DocumentDataSet.SeedAsync(app);
        SummaryModel? built;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            built = await scope.ServiceProvider.GetRequiredService<SummaryModelHandler>().BuildAsync(d.PeriodId, DocumentDataSet.IssuedOn);
        }
        Assert.NotNull(built);
        var m = built;

        // Content is read on the finalised PDF: the diagonal KONSEP's letters mix into the words of a draft.
        var finalBytes = SummaryDocument.Render(m, Final);
        var pdf = Read(finalBytes, "summary-fixture-final");

        // Page 1: kop, title, period, state, the provisional notice, Humas's notes.
        Assert.True(pdf.PageContains(1, "PEMERINTAH KOTA UJI"));
        Assert.True(pdf.PageContains(1, "RINGKASAN PIMPINAN"));
        Assert.True(pdf.PageContains(1, "Periode Oktober 2026 (1 Oktober 2026 – 31 Oktober 2026)"));
        Assert.True(pdf.PageContains(1, "Status periode: Sudah dihitung"));
        Assert.True(pdf.PageContains(1, "Dibandingkan dengan periode September 2026"));
        Assert.True(pdf.PageContains(1, "Angka sementara."));
        Assert.True(pdf.PageContains(1, "Partisipasi naik setelah pelatihan agen di Dinas Kesehatan."));
        Assert.True(pdf.PageContains(1, "2 dari 5 agen terdaftar aktif (40%); 4 dari 6 laporan sebaran terverifikasi (66,67%)."));

        // The comparison table: every key figure, as the model has it.
        Assert.True(pdf.Contains("Jangkauan kumulatif 1.600 "));
        Assert.True(pdf.Contains("Tingkat verifikasi 66,67%"));
        Assert.True(pdf.Contains("Total insentif Rp 750.000 Rp 500.000 +Rp 250.000 (+50%)"));
        foreach (var r in m.KeyFigures)
        {
            Assert.True(pdf.Contains($"{r.Label} {SummaryDocument.Value(r.Kind, r.Current)} {SummaryDocument.Value(r.Kind, r.Previous)} {SummaryDocument.Change(r)}"), r.Label);
        }
        Assert.Equal(1_600, m.Current.CumulativeReach);
        Assert.True(pdf.Contains($"Seluruh unit {m.Current.EnrolledAgents} {m.Current.ActiveAgents} 40% {m.Current.ShareReports} {m.Current.VerifiedShares} 1.600"));

        // Units, missions, top agents (names, never NIPs), top messages, dialogic loop, verification, charts.
        foreach (var u in m.Units)
        {
            Assert.True(pdf.Contains(u.UnitName), u.UnitName);
        }
        Assert.Contains(Enumerable.Range(1, pdf.PageCount), n => HasHeader(pdf, n, UnitHeader));
        Assert.True(pdf.Contains("Jangkauan kumulatif per unit"));
        Assert.True(pdf.Contains("Tingkat partisipasi per unit"));
        Assert.True(pdf.Contains("Transparansi (menginformasikan)"));
        Assert.True(pdf.Contains("1 Citra Dewi Dinas Kesehatan Uji 90 "));
        Assert.True(pdf.Contains("2 Ani Lestari, S.Kom. Dinas Kominfo Uji 80 "));
        Assert.True(pdf.Contains("Vaksinasi Gratis untuk Warga"));
        Assert.True(pdf.Contains(SummaryDocument.DialogicSentence(m.DialogicLoop)));
        var v = m.Verification;
        Assert.True(pdf.Contains($"Jumlah {v.Total} {v.Verified} {v.Rejected} {v.Pending} {v.Flagged} {v.Corrected} Bagian 100% 66,67% 16,67% 16,67% 16,67% 16,67%"));
        foreach (var nip in d.Nips)
        {
            Assert.False(pdf.Contains(nip), "raw NIP");
            Assert.False(pdf.Contains(Nip.FormatForDisplay(nip)), "formatted NIP");
        }
        // The head of Humas signs (a signer's NIP belongs in a signature block).
        Assert.True(pdf.PageContains(pdf.PageCount, "Dimas Prasetyo, S.I.Kom., M.A."));

        // Frame: kop on page 1 only, the running header line from page 2, "Halaman X dari Y" everywhere.
        Assert.True(pdf.PageCount >= 2, $"{pdf.PageCount} pages");
        for (var n = 1; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
            Assert.Equal(n > 1, pdf.PageContains(n, "Pemerintah Kota Uji — Ringkasan Pimpinan – Oktober 2026"));
            Assert.Equal(n == 1, pdf.PageContains(n, "PEMERINTAH KOTA UJI"));
        }

        // Draft: KONSEP on every page, no number nor code. Finalised: no KONSEP, the number and the code.
        var draftBytes = SummaryDocument.Render(m, Draft);
        var draft = Read(draftBytes, "summary-fixture-draft");
        Assert.All(AppendixDocumentTests.PageLetters(draftBytes), l => Assert.Contains(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.False(draft.Contains("Kode verifikasi"));
        Assert.False(draft.Contains("Nomor:"));
        Assert.All(AppendixDocumentTests.PageLetters(finalBytes), l => Assert.DoesNotContain(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.True(pdf.PageContains(1, "Nomor: B-7/HM.01/XI/2026"));
        Assert.True(pdf.PageContains(pdf.PageCount, "Kode verifikasi: ABCDEFGH23"));
        Assert.True(pdf.Contains("https://x.test/verifikasi/ABCDEFGH23"));

        // Pure: the same model and stamp give the same bytes.
        Assert.Equal(draftBytes, SummaryDocument.Render(m, Draft));
        Assert.Equal(finalBytes, SummaryDocument.Render(m, Final));
    }

    [Fact]
    public void A_large_approved_summary_without_previous_period_repeats_headers_and_charts_the_top_units()
    {
        var model = Large(units: 60, provisional: false, withPrevious: false, notes: null);
        var bytes = SummaryDocument.Render(model, Final);
        var pdf = Read(bytes, "summary-large");

        Assert.True(pdf.PageCount >= 4, $"{pdf.PageCount} pages");
        Assert.False(pdf.Contains("Angka sementara"));
        Assert.False(pdf.Contains("Catatan Interpretasi Humas"));
        Assert.True(pdf.PageContains(1, "Tidak ada periode sebelumnya sebagai pembanding."));
        Assert.True(pdf.Contains("Grafik menampilkan 15 dari 60 unit"));
        // Every unit row printed once, in the model's order; the unit table's header on every page it reaches.
        var all = string.Join(' ', pdf.Pages);
        var last = -1;
        for (var i = 0; i < model.Units.Count; i++)
        {
            var u = model.Units[i];
            Assert.True(pdf.Contains($"Unit Kerja Uji {i + 1:00} Bidang"));
            var row = $" {Id(u.EnrolledAgents)} {Id(u.ActiveAgents)} {u.ParticipationRate!.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))}% ";
            var at = all.IndexOf(row, StringComparison.Ordinal);
            Assert.True(at > last, row);
            last = at;
        }
        var unitPages = Enumerable.Range(1, pdf.PageCount).Where(n => n > 1 && pdf.PageContains(n, "Pelayanan Masyarakat")).ToList();
        Assert.True(unitPages.Count >= 2, "the unit table spans pages");
        Assert.All(unitPages, n => Assert.True(HasHeader(pdf, n, UnitHeader), $"unit header on page {n}"));
        Assert.True(pdf.Contains("Seluruh unit 1.234.567"));
        Assert.True(pdf.PageContains(2, $"Halaman 2 dari {pdf.PageCount}"));
        for (var n = 2; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, "Pemerintah Kota Besar — Ringkasan Pimpinan – November 2026"), $"running header on page {n}");
        }
        // No signature recorded: placeholders where the name goes.
        Assert.True(pdf.PageContains(pdf.PageCount, "...................."));
        // Pure, charts included (a bar label once fell back to a system face on the first render only).
        Assert.Equal(bytes, SummaryDocument.Render(model, Final));
    }

    [Fact]
    public void An_empty_period_still_renders_with_its_notices()
    {
        var empty = Large(units: 0, provisional: true, withPrevious: false, notes: "Belum ada kegiatan.") with
        {
            TopAgents = [], TopMessages = [],
            Current = Large(0, true, false, null).Current with { HasResults = false, RecognisedAgents = null, Recommendations = null, IncentiveTotal = null },
            DialogicLoop = new DialogicLoopFigure(0, 0, 0, 0),
        };
        var pdf = Read(SummaryDocument.Render(empty, Final), "summary-empty");
        Assert.True(pdf.PageContains(1, "Angka sementara."));
        Assert.True(pdf.Contains("Belum ada agen terdaftar maupun laporan sebaran pada periode ini."));
        Assert.True(pdf.Contains("Hasil penghargaan periode ini belum dihitung."));
        Assert.True(pdf.Contains("Tidak ada tanggapan publik yang tercatat pada periode ini."));
        Assert.True(pdf.Contains("Belum ada kegiatan."));
        Assert.All(Enumerable.Range(1, pdf.PageCount), n => Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}")));
    }

    private static string Id(long n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));

    /// <summary>A hand-built summary of <paramref name="units"/> units.</summary>
    internal static SummaryModel Large(int units, bool provisional, bool withPrevious, string? notes)
    {
        var letterhead = new LetterheadModel("Pemerintah Kota Besar", ["Provinsi Uji"], "Jl. Besar No. 1, Kota Besar", "Telp. (021) 1", null);
        var period = new SummaryPeriod("November 2026", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "1 November 2026 – 30 November 2026",
            provisional ? PeriodState.Calculated : PeriodState.Approved, provisional ? "Sudah dihitung" : "Disetujui", provisional);
        var current = new SummaryKeyFigures(1_234_567, 345_678, 28m, 2_000_000, 1_500_000, 75m, 98_765_432_100, 123_456_789_000, 1_000_000, 900_000, 12_345,
            true, provisional, 150, 12, 75_000_000);
        var unitRows = Enumerable.Range(1, units).Select(i => new UnitFigures(i, $"Unit Kerja Uji {i:00} Bidang Pelayanan Masyarakat",
            1000 + i, 300 + i, Math.Round((300m + i) * 100 / (1000 + i), 2), 4000 + i, 3000 + i, 10_000_000L - (i * 1000))).ToList();
        var charted = unitRows.Take(SummaryModelHandler.MaxChartUnits).ToList();
        var rows = new List<KeyFigureRow>
        {
            new("Agen terdaftar", FigureKind.Count, current.EnrolledAgents, null, null, null),
            new("Agen aktif", FigureKind.Count, current.ActiveAgents, null, null, null),
            new("Tingkat partisipasi", FigureKind.Percent, current.ParticipationRate, null, null, null),
            new("Jangkauan kumulatif", FigureKind.Count, current.CumulativeReach, null, null, null),
            new("Total insentif", FigureKind.Rupiah, current.IncentiveTotal, null, null, null),
        };
        var dialogic = new DialogicLoopFigure(500, 300, 250, 20);
        var missions = Enum.GetValues<MissionTag>().Select(t => new MissionFigures(t, t.Label(), [.. t.Kpis().Select(k => k.Label())],
            1000, 800, 300, 1_000_000, 2_000_000, 500, 400, 300, 200, 100, 50, dialogic)).ToList();
        return new SummaryModel(
            "Ringkasan Pimpinan Periode November 2026", new DateOnly(2026, 12, 4), letterhead, period, null, current, null, rows, missions, unitRows,
            new ChartModel("Jangkauan kumulatif per unit", "Jangkauan kumulatif", [.. charted.Select(u => u.UnitName)],
                [new ChartSeries("Jangkauan kumulatif", [.. charted.Select(u => (double)u.CumulativeReach)])]),
            new ChartModel("Tingkat partisipasi per unit", "Persen agen aktif", [.. charted.Select(u => u.UnitName)],
                [new ChartSeries("Tingkat partisipasi (%)", [.. charted.Select(u => (double)(u.ParticipationRate ?? 0))])]),
            [.. Enumerable.Range(1, 10).Select(i => new TopAgent(i, $"Dr. Agen Teladan {i}, S.Sos., M.Si.", $"Unit Kerja Uji {i:00}", 100 - i, 40 - i))],
            [.. Enumerable.Range(1, 10).Select(i => new TopMessage(i, $"Pesan kebijakan nomor {i} tentang layanan publik", MissionTag.Transparansi,
                MissionTag.Transparansi.Label(), 900 - i, 90_000 - i, 180_000 - i))],
            dialogic,
            new VerificationStats(2_000_000, 1_500_000, 300_000, 200_000, 5_000, 1_000),
            notes,
            null);
    }
}
