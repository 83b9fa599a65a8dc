using AgentProgram.Tests.Features.Documents.Appendix;
using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Documents.MessageReport;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.MessageReport;

public sealed class MessageReportDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] UnitHeader =
        ["No.", "Unit kerja", "Penugasan", "Agen membagikan", "Dilaporkan", "Terverifikasi", "Jangkauan kumulatif", "Tayangan"];

    [Fact]
    public async Task The_fixture_report_prints_the_message_and_its_figures_on_framed_pages()
    {
        var d = await DocumentDataSet.SeedAsync(app);
        MessageReportModel? built;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            built = await scope.ServiceProvider.GetRequiredService<MessageReportModelHandler>().BuildAsync(d.M1, DocumentDataSet.IssuedOn);
        }
        Assert.NotNull(built);
        var m = built;

        // Content is read on the finalised PDF: the diagonal KONSEP's letters mix into the words of a draft.
        var finalBytes = MessageReportDocument.Render(m, SummaryDocumentTests.Final);
        var pdf = SummaryDocumentTests.Read(finalBytes, "message-fixture-final");

        Assert.True(pdf.PageContains(1, "PEMERINTAH KOTA UJI"));
        Assert.True(pdf.PageContains(1, "LAPORAN PESAN"));
        Assert.True(pdf.PageContains(1, "Vaksinasi Gratis untuk Warga"));
        Assert.True(pdf.PageContains(1, "Misi Transparansi (menginformasikan)"));
        Assert.True(pdf.PageContains(1, "Masa aktif 2 Oktober 2026 09.00 WIB – 12 Oktober 2026 09.00 WIB"));
        Assert.True(pdf.PageContains(1, "Status Terbit"));
        Assert.True(pdf.PageContains(1, "Unit terdepan"));
        Assert.True(pdf.PageContains(1, "1. Dinas Kominfo Uji: 2 sebaran terverifikasi, jangkauan kumulatif 600"));

        // Per platform and the total row equal the model's totals (R1 X 200/300, R2 Facebook 400/700).
        Assert.True(pdf.Contains("Instagram 1 0 1 0 0 0 0 0"));
        Assert.True(pdf.Contains("Facebook 1 1 0 0 400 700 0 0"));
        Assert.True(pdf.Contains("X 2 1 0 1 200 300 4 3"));
        var t = m.Totals;
        Assert.True(pdf.Contains(
            $"Jumlah {Id(t.Reported)} {Id(t.Verified)} {Id(t.Rejected)} {Id(t.Pending)} {Id(t.CumulativeReach)} {Id(t.Views)} {Id(t.LinkClicks)} {Id(t.UniqueVisitors)}"));
        Assert.True(pdf.Contains("Jumlah 4 2 1 1 600 1.000 4 3"));
        // Responses, dialogic loop, units with the total row.
        Assert.True(pdf.Contains("Pertanyaan 1 Keluhan 1 Laporan hoaks 0 Apresiasi 0 Jumlah 2"));
        Assert.True(pdf.Contains("Tercatat 2 tanggapan publik, 2 di antaranya pertanyaan atau keluhan yang perlu dijawab: 1 dijawab atau dirujuk ke kanal resmi dalam 24 jam (50%), 0 masih terbuka."));
        Assert.Contains(Enumerable.Range(1, pdf.PageCount), n => SummaryDocumentTests.HasHeader(pdf, n, UnitHeader));
        Assert.True(pdf.Contains("1 Dinas Kominfo Uji 2 2 (100%) 3 2 600 1.000"));
        Assert.True(pdf.Contains("2 Dinas Kesehatan Uji 2 1 (50%) 1 0 0 0"));
        Assert.True(pdf.Contains("Jumlah 4 3 (75%) 4 2 600 1.000"));
        Assert.True(pdf.Contains("Dimas Prasetyo, S.I.Kom., M.A."));
        foreach (var nip in d.Nips)
        {
            Assert.False(pdf.Contains(Nip.FormatForDisplay(nip)), "agent NIP");
        }

        for (var n = 1; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
            Assert.Equal(n > 1, pdf.PageContains(n, "Pemerintah Kota Uji — Laporan Pesan – Vaksinasi Gratis untuk Warga"));
        }

        var draftBytes = MessageReportDocument.Render(m, SummaryDocumentTests.Draft);
        var draft = SummaryDocumentTests.Read(draftBytes, "message-fixture-draft");
        Assert.All(AppendixDocumentTests.PageLetters(draftBytes), l => Assert.Contains(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.False(draft.Contains("Kode verifikasi"));
        Assert.All(AppendixDocumentTests.PageLetters(finalBytes), l => Assert.DoesNotContain(OfficialComponents.DraftWatermark, l, StringComparison.Ordinal));
        Assert.True(pdf.PageContains(1, "Nomor: B-7/HM.01/XI/2026"));
        Assert.True(pdf.PageContains(pdf.PageCount, "Kode verifikasi: ABCDEFGH23"));

        Assert.Equal(draftBytes, MessageReportDocument.Render(m, SummaryDocumentTests.Draft));
        Assert.Equal(finalBytes, MessageReportDocument.Render(m, SummaryDocumentTests.Final));
    }

    [Fact]
    public void A_message_sent_to_many_units_repeats_the_unit_header_on_every_page()
    {
        var model = Large(150, signature: false);
        var bytes = MessageReportDocument.Render(model, SummaryDocumentTests.Final);
        var pdf = SummaryDocumentTests.Read(bytes, "message-large");

        Assert.True(pdf.PageCount >= 4, $"{pdf.PageCount} pages");
        var unitPages = Enumerable.Range(2, pdf.PageCount - 1).Where(n => pdf.PageContains(n, "Unit Uji ")).ToList();
        Assert.True(unitPages.Count >= 2);
        Assert.All(unitPages, n => Assert.True(SummaryDocumentTests.HasHeader(pdf, n, UnitHeader), $"unit header on page {n}"));
        for (var i = 0; i < model.Units.Count; i++)
        {
            Assert.Single(pdf.Pages, p => p.Contains($" {i + 1} Unit Uji {i + 1:000} ", StringComparison.Ordinal));
        }
        Assert.True(pdf.Contains("Jumlah 1.500 1.200 (80%) 15.000 12.000 123.456.789 987.654.321"));
        Assert.True(pdf.PageContains(2, $"Halaman 2 dari {pdf.PageCount}"));
        // No signature recorded: none printed, the verification box still closes the report.
        Assert.False(pdf.Contains("...................."));
        Assert.True(pdf.PageContains(pdf.PageCount, "Kode verifikasi: ABCDEFGH23"));
        Assert.Equal(bytes, MessageReportDocument.Render(model, SummaryDocumentTests.Final));
    }

    [Fact]
    public void A_message_without_reports_says_so()
    {
        var model = Large(0, signature: true) with { Platforms = [], TopUnits = [] };
        var pdf = SummaryDocumentTests.Read(MessageReportDocument.Render(model, SummaryDocumentTests.Final), "message-empty");
        Assert.True(pdf.Contains("Belum ada laporan sebaran untuk pesan ini."));
        Assert.True(pdf.Contains("Pesan ini belum ditugaskan kepada agen mana pun."));
        Assert.False(pdf.Contains("Unit terdepan"));
        Assert.True(pdf.Contains("Kepala Bagian Humas"));
    }

    private static string Id(long n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));

    private static MessageReportModel Large(int units, bool signature)
    {
        var letterhead = new LetterheadModel("Pemerintah Kota Besar", ["Provinsi Uji"], "Jl. Besar No. 1", null, null);
        var rows = Enumerable.Range(1, units).Select(i => new MessageUnitFigures(i, $"Unit Uji {i:000} Sekretariat Daerah", 10, 8, 80m, 100, 80, 1000 + i, 2000 + i)).ToList();
        return new MessageReportModel(
            "Laporan Pesan: Imunisasi Anak", new DateOnly(2026, 12, 4), letterhead,
            new MessageInfo("Imunisasi Anak", "Perwali 12/2026", MissionTag.Partisipasi, MissionTag.Partisipasi.Label(),
                [.. MissionTag.Partisipasi.Kpis().Select(k => k.Label())], new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 11, 8, 2, 0, 0, DateTimeKind.Utc), "1 November 2026 09.00 WIB – 8 November 2026 09.00 WIB", MessageStatus.Closed, "Ditutup"),
            new MessageAssignmentFigures(1_500, 1_200, 1_100, 80m),
            new MessageShareTotals(15_000, 12_000, 2_000, 1_000, 80m, 123_456_789, 987_654_321, 55_555, 44_444, 321),
            [new PlatformFigures(Platform.Instagram, "Instagram", 15_000, 12_000, 2_000, 1_000, 123_456_789, 987_654_321, 55_555, 44_444)],
            [new ResponseKindCount(ResponseKind.Question, "Pertanyaan", 300), new ResponseKindCount(ResponseKind.Appreciation, "Apresiasi", 21)],
            new DialogicLoopFigure(321, 300, 250, 10),
            rows,
            [.. rows.Take(5)],
            signature ? new SignatureModel("Kota Besar, 4 Desember 2026", "Kepala Bagian Humas", "Rina Wati, S.Sos.", "Pembina, IV/a", "19800101 200501 2 001") : null);
    }
}
