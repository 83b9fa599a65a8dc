using AgentProgram.Tests.Features.Documents.Appendix;
using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.AgentStatement;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.AgentStatement;

public sealed class AgentStatementDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{

    [Fact]
    public async Task The_fixture_statements_print_the_agent_scores_outcomes_and_every_line()
    {
        var d = await DocumentDataSet.SeedAsync(app);
        AgentStatementModel? a1, a4;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<AgentStatementModelHandler>();
            a1 = await handler.BuildAsync(d.PeriodId, d.A1.AgentId, DocumentDataSet.IssuedOn);
            a4 = await handler.BuildAsync(d.PeriodId, d.A4.AgentId, DocumentDataSet.IssuedOn);
        }
        Assert.NotNull(a1);
        Assert.NotNull(a4);

        // Content is read on the finalised PDF: the diagonal KONSEP's letters mix into the words of a draft.
        var finalBytes = AgentStatementDocument.Render(a1, SummaryDocumentTests.Final);
        var pdf = SummaryDocumentTests.Read(finalBytes, "statement-fixture-final");

        Assert.True(pdf.PageContains(1, "PEMERINTAH KOTA UJI"));
        Assert.True(pdf.PageContains(1, "LAPORAN KINERJA AGEN"));
        Assert.True(pdf.PageContains(1, "Periode Oktober 2026 (1 Oktober 2026 – 31 Oktober 2026)"));
        Assert.True(pdf.PageContains(1, "Angka sementara."));
        // The agent's own document: the NIP, formatted, and never raw.
        Assert.True(pdf.PageContains(1, "Nama Ani Lestari, S.Kom."));
        Assert.True(pdf.PageContains(1, "NIP " + a1.Agent.FormattedNip));
        Assert.False(pdf.Contains(a1.Agent.FormattedNip.Replace(" ", "", StringComparison.Ordinal)));
        Assert.True(pdf.PageContains(1, "Pangkat/Golongan Penata Muda, III/a"));
        // Sub-scores and standing as the model has them.
        Assert.True(pdf.Contains("Poin sebaran 2 Bonus ketepatan waktu + 2 Pengurangan (laporan ditolak final) − 0"));
        Assert.True(pdf.Contains("Partisipasi (sebaran + ketepatan waktu − pengurangan) 4 Keterlibatan 3,5"));
        Assert.True(pdf.Contains("Skor akhir (0–100, dibandingkan dengan nilai tertinggi periode ini) 80"));
        Assert.True(pdf.Contains("Penugasan yang dibagikan 2 dari 2 (100%)"));
        Assert.True(pdf.Contains("Peringkat 2 dari 3 agen yang diperingkat (masuk 66,67% teratas; 50% terbawah)."));
        Assert.True(pdf.Contains("Unit Dinas Kominfo Uji berada di urutan 2 dari 2 unit menurut rata-rata skor agen yang diperingkat (rata-rata 45)."));
        // Outcomes: recommendations for consideration, never decisions.
        Assert.True(pdf.Contains("Piagam Penghargaan Tercapai"));
        // (A cell of two lines is read line by line across its row, so a wrapped label is checked in pieces.)
        Assert.True(pdf.Contains("Direkomendasikan untuk dipertimbangkan Belum tercapai"));
        Assert.True(pdf.Contains("kenaikan pangkat/jabatan"));
        Assert.True(pdf.Contains("Perlu masuk 5% teratas; Anda di 66,67% teratas"));
        Assert.False(pdf.Contains("ditetapkan"));
        // Every line, counted or not, with its reason and points; the line totals.
        Assert.True(pdf.Contains("1 Vaksinasi Gratis untuk X 02/10/2026 Dihitung 1 2 3,5 0 2 6,5"));
        Assert.True(pdf.Contains("2 Vaksinasi Gratis untuk Facebook 03/10/2026 Batas per hari tercapai 0 0 0 0 0 0"));
        Assert.True(pdf.Contains("3 Ayo Daftar Posyandu X 01/10/2026 Dihitung 1 0 0 0 0 1"));
        Assert.True(pdf.Contains("12.00 WIB"));
        Assert.True(pdf.Contains("Jumlah 3 sebaran 2 dihitung 2 2 3,5 0 2 7,5"));
        for (var n = 1; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
            Assert.Equal(n > 1, pdf.PageContains(n, "Pemerintah Kota Uji — Laporan Kinerja Agen – Oktober 2026 — Ani Lestari, S.Kom."));
        }

        var draftBytes = AgentStatementDocument.Render(a1, SummaryDocumentTests.Draft);
        var draft = SummaryDocumentTests.Read(draftBytes, "statement-fixture-draft");
        Assert.All(AppendixDocumentTests.PageLetters(draftBytes), l => Assert.Contains(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.False(draft.Contains("Kode verifikasi"));
        Assert.False(draft.Contains("Nomor:"));
        Assert.All(AppendixDocumentTests.PageLetters(finalBytes), l => Assert.DoesNotContain(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.True(pdf.PageContains(1, "Nomor: B-7/HM.01/XI/2026"));
        Assert.True(pdf.Contains("Kode verifikasi: ABCDEFGH23"));
        Assert.Equal(draftBytes, AgentStatementDocument.Render(a1, SummaryDocumentTests.Draft));
        Assert.Equal(finalBytes, AgentStatementDocument.Render(a1, SummaryDocumentTests.Final));

        // A4 was not ranked: the reason, no rank, no lines (one page, no lampiran).
        var four = SummaryDocumentTests.Read(AgentStatementDocument.Render(a4, SummaryDocumentTests.Final), "statement-fixture-a4");
        Assert.True(four.Contains("Tidak diperingkat pada periode ini karena: kedudukan hukum tidak aktif."));
        Assert.True(four.Contains("Tidak ada laporan sebaran pada periode ini."));
        Assert.True(four.Contains("Tidak memenuhi syarat: kedudukan hukum tidak aktif"));
        Assert.False(four.Contains("Lampiran"));
    }

    [Fact]
    public void A_long_statement_puts_every_line_in_a_landscape_lampiran_with_the_header_on_each_page()
    {
        var model = Long(200);
        var bytes = AgentStatementDocument.Render(model, SummaryDocumentTests.Final);
        var pdf = SummaryDocumentTests.Read(bytes, "statement-long");

        Assert.True(pdf.PageCount >= 4, $"{pdf.PageCount} pages");
        Assert.True(pdf.PageContains(2, $"Halaman 2 dari {pdf.PageCount}"));
        var linePages = Enumerable.Range(1, pdf.PageCount).Where(n => pdf.Sizes[n - 1].Width > pdf.Sizes[n - 1].Height).ToList();
        Assert.True(linePages.Count >= 3, $"{linePages.Count} lampiran pages");
        Assert.Equal(Enumerable.Range(pdf.PageCount - linePages.Count + 1, linePages.Count), linePages);
        Assert.All(linePages, n =>
        {
            Assert.True(SummaryDocumentTests.HasHeader(pdf, n, AgentStatementDocument.LineHeaders), $"table header on page {n}");
            Assert.True(pdf.PageContains(n, "Pemerintah Kota Besar — Laporan Kinerja Agen – November 2026 — Rina Wati, S.Sos."), $"running header on page {n}");
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
        });
        Assert.True(pdf.Sizes[0].Width < pdf.Sizes[0].Height);
        // Every line printed once, in order, with its reason.
        var all = string.Join(' ', pdf.Pages);
        var last = -1;
        for (var i = 1; i <= 200; i++)
        {
            var key = $"Pesan uji nomor {i:000} ";
            Assert.Single(pdf.Pages, p => p.Contains(key, StringComparison.Ordinal));
            var at = all.IndexOf(key, StringComparison.Ordinal);
            Assert.True(at > last, key);
            last = at;
        }
        Assert.True(pdf.Contains("Batas per pesan tercapai"));
        Assert.True(pdf.Contains("Ditolak — pengurangan"));
        Assert.True(pdf.Contains("Jumlah 200 sebaran 100 dihitung 100 50 225 − 50 300 325"));
        Assert.True(pdf.Contains("Rincian 200 laporan sebaran ada pada lampiran."));
        Assert.True(pdf.PageContains(1, "Insentif Rp 1.500.000"));
        Assert.Equal(bytes, AgentStatementDocument.Render(model, SummaryDocumentTests.Final));
    }

    private static AgentStatementModel Long(int lines)
    {
        var letterhead = new LetterheadModel("Pemerintah Kota Besar", ["Provinsi Uji"], "Jl. Besar No. 1", null, null);
        var statuses = new[] { LineStatus.Counted, LineStatus.CapPerMessage, LineStatus.Counted, LineStatus.RejectedFinal };
        var labels = new Dictionary<LineStatus, string>
        {
            [LineStatus.Counted] = "Dihitung",
            [LineStatus.CapPerMessage] = "Batas per pesan tercapai",
            [LineStatus.RejectedFinal] = "Ditolak — pengurangan poin",
        };
        var rows = Enumerable.Range(1, lines).Select(i =>
        {
            var status = statuses[i % statuses.Length];
            var counted = status == LineStatus.Counted;
            var posted = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc).AddHours(i * 3);
            return new StatementShareLine(i, $"Pesan uji nomor {i:000} tentang pelayanan publik yang cukup panjang", Platform.Instagram, "Instagram",
                posted, posted.AddHours(7).ToString("dd/MM/yyyy HH.mm", System.Globalization.CultureInfo.InvariantCulture) + " WIB", status, labels[status], counted,
                counted ? 1m : 0m, counted ? 0.5m : 0m, counted ? 2.25m : 0m, status == LineStatus.RejectedFinal ? 1m : 0m, counted ? 3 : 0,
                counted ? 3.75m : status == LineStatus.RejectedFinal ? -1m : 0m);
        }).ToList();
        return new AgentStatementModel(
            "Laporan Kinerja Agen Periode November 2026", new DateOnly(2026, 12, 4), letterhead,
            new StatementAgent("Rina Wati, S.Sos.", "19900101 201501 2 001", "PNS", "Penata, III/c", "Pranata Humas Ahli Muda", "Bagian Protokol"),
            new StatementPeriodInfo("November 2026", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "1 November 2026 – 30 November 2026",
                PeriodState.Approved, "Disetujui"),
            false,
            new StatementScores(100m, 50m, 50m, 100m, 225m, 97.5m, 100, 100, 120, 110, 91.67m, 1_500_000),
            new StatementStanding(3, 1_200, 0.25m, "10% teratas", 1, 40, "Bagian Protokol", 1, 30, 60.5m),
            [],
            [
                new StatementOutcome(RewardOutcomes.Recognition, "Piagam Penghargaan", true, []),
                new StatementOutcome(RewardOutcomes.Incentive, "Insentif", true, []),
                new StatementOutcome(RewardOutcomes.StudyRecommendation, "Direkomendasikan untuk dipertimbangkan tugas belajar", false,
                    ["Perlu masuk 5% teratas pada 2 periode berturut-turut; tercapai 1", "Perlu SKP terakhir minimal Baik"]),
            ],
            rows,
            new SignatureModel("Kota Besar, 4 Desember 2026", "Kepala Bagian Humas", "Dimas Prasetyo, S.I.Kom.", "Pembina, IV/a", "19820315 200604 1 002"));
    }
}
