using System.Globalization;
using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Tests.Infrastructure.Pdf;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Appendix;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Infrastructure.Pdf.Components;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Documents.Appendix;

public sealed class AppendixDocumentTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private static readonly DocumentStamp Draft = DocumentStamp.Draft(DocumentDataApp.IssuedOn);

    private static readonly DocumentStamp Final = new(
        "800/12/BKPSDM/XI/2026", "ABCDEFGH23", "https://x.test/verifikasi/ABCDEFGH23", DocumentDataApp.IssuedOn, false);

    private const string Header = "No. Nama NIP Gol. Jabatan Skor Peringkat Penghargaan Insentif (Rp)";

    private async Task<AppendixModel> Build(int periodId) =>
        (await app.Handle<AppendixModel?, AppendixModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn)))!;

    private static PdfReading Read(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("PDF_DUMP_DIR") is { Length: > 0 } dir && dir.StartsWith("/tmp", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".pdf"), pdf);
        }
        return PdfReading.Open(pdf);
    }

    [Fact]
    public async Task Shows_the_institution_period_status_and_every_recipient_by_unit_with_formatted_nip()
    {
        var model = await Build(app.PeriodId);
        var pdf = Read(AppendixDocument.Render(model, Final), "appendix-fixture");

        Assert.True(pdf.PageContains(1, DocumentDataApp.Institution.ToUpperInvariant()));
        Assert.True(pdf.PageContains(1, AppendixWording.Title));
        Assert.True(pdf.PageContains(1, "Periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)"));
        Assert.True(pdf.PageContains(1, "Final: disetujui pada 3 November 2026"));
        Assert.True(pdf.PageContains(1, Header));
        foreach (var unit in new[] { "Badan Keuangan", "Dinas Kesehatan", "Dinas Kominfo", DocumentTexts.NoUnit })
        {
            Assert.True(pdf.Contains(unit), unit);
        }
        Assert.True(pdf.Contains("1 Dr. Siti Aminah, S.Sos., M.Si. 19860926 201505 1 001 III/d Pranata Humas Siti 98,5 1"));
        Assert.True(pdf.Contains("20001231 202421 1 001"));
        Assert.False(pdf.Contains("198609262015051001"));
        // "Tono" has no outcome and is not a recipient.
        Assert.False(pdf.Contains("Tono"));
        // Units in the model's order.
        var text = string.Join(' ', pdf.Pages);
        var positions = new[] { "Badan Keuangan", "Dinas Kesehatan", "Dinas Kominfo", "Jumlah " + DocumentTexts.NoUnit }
            .Select(u => text.IndexOf(u, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.True(pdf.PageContains(pdf.PageCount, "Kota Uji, 10 November 2026"));
        Assert.True(pdf.PageContains(pdf.PageCount, "Dimas Prasetyo, S.I.Kom., M.A."));
        Assert.True(pdf.Contains("19820315 200604 1 002"));
        Assert.All(Enumerable.Range(1, pdf.PageCount), n => Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}")));
    }

    [Fact]
    public async Task Printed_totals_equal_the_approved_results_to_the_rupiah()
    {
        var model = await Build(app.PeriodId);
        var (dbSum, dbCount, runTotal) = await app.WithDb(async db => (
            await db.RewardResults.Where(r => r.RunId == app.RunId).SumAsync(r => r.IncentiveAmount),
            await db.RewardResults.CountAsync(r => r.RunId == app.RunId && r.Outcomes != RewardOutcomes.None),
            await db.RewardRuns.Where(r => r.Id == app.RunId).Select(r => r.IncentiveTotal).SingleAsync()));
        Assert.Equal(runTotal, dbSum);

        var pdf = Read(AppendixDocument.Render(model, Final), "appendix-totals");

        Assert.True(pdf.Contains($"Jumlah seluruhnya: {dbCount} agen, insentif Rp {dbSum.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))}"));
        Assert.True(pdf.Contains("Jumlah seluruhnya: 9 agen, insentif Rp 1.250.000"));
        Assert.True(pdf.Contains("Jumlah seluruhnya 9 agen 1.250.000"));
        Assert.True(pdf.Contains("Jumlah Dinas Kominfo 4 agen 550.000"));
        Assert.True(pdf.Contains("Jumlah Dinas Kesehatan 2 agen 550.000"));
        Assert.True(pdf.Contains("Jumlah Badan Keuangan 2 agen 0"));
        Assert.True(pdf.Contains($"Jumlah {DocumentTexts.NoUnit} 1 agen 150.000"));
        Assert.True(pdf.Contains("Insentif (Rp)"));
    }

    [Fact]
    public async Task A_draft_carries_konsep_and_a_finalised_appendix_its_number_and_verification_code()
    {
        var model = await Build(app.PeriodId);

        var draftBytes = AppendixDocument.Render(model, Draft);
        var draft = Read(draftBytes, "appendix-konsep");
        Assert.All(PageLetters(draftBytes), letters => Assert.Contains(OfficialComponents.DraftWatermark, letters, StringComparison.Ordinal));
        Assert.False(draft.Contains("Kode verifikasi"));
        Assert.False(draft.Contains("Nomor:"));

        var finalBytes = AppendixDocument.Render(model, Final);
        var final = Read(finalBytes, "appendix-final");
        Assert.All(PageLetters(finalBytes), letters => Assert.DoesNotContain(OfficialComponents.DraftWatermark, letters, StringComparison.Ordinal));
        Assert.True(final.PageContains(1, "Nomor: 800/12/BKPSDM/XI/2026"));
        Assert.True(final.Contains("Kode verifikasi: ABCDEFGH23"));
        Assert.True(final.Contains("https://x.test/verifikasi/ABCDEFGH23"));
        Assert.False(final.Contains("Balai Sertifikasi Elektronik"));
    }

    [Fact]
    public async Task The_same_model_and_stamp_give_the_same_bytes()
    {
        var model = await Build(app.PeriodId);
        Assert.Equal(AppendixDocument.Render(model, Final), AppendixDocument.Render(model, Final));
        Assert.Equal(AppendixDocument.Render(model, Draft), AppendixDocument.Render(model, Draft));
    }

    [Fact]
    public async Task A_provisional_run_says_so()
    {
        var model = await Build(app.ProvisionalPeriodId);
        var pdf = Read(AppendixDocument.Render(model, Draft), "appendix-provisional");
        Assert.True(pdf.PageContains(1, AppendixWording.Provisional));
        Assert.True(pdf.Contains("Budi Santoso"));
    }

    [Fact]
    public void A_long_list_repeats_the_header_keeps_rows_whole_and_totals_every_unit()
    {
        var model = Large(3_000, 30, showIncentive: true);
        var pdf = Read(AppendixDocument.Render(model, Final), "appendix-large");

        Assert.True(pdf.PageCount > 40, $"{pdf.PageCount} pages");
        for (var n = 1; n <= pdf.PageCount; n++)
        {
            Assert.True(pdf.PageContains(n, Header), $"header on page {n}");
            Assert.True(pdf.PageContains(n, $"Halaman {n} dari {pdf.PageCount}"), $"page number on page {n}");
            Assert.True(pdf.PageContains(n, "Pemerintah Kota Besar"), $"running header on page {n}");
        }
        Assert.True(pdf.PageContains(2, $"Halaman 2 dari {pdf.PageCount}"));

        // Every unit has its total row, with the unit's own sum.
        foreach (var unit in model.Units)
        {
            Assert.True(pdf.Contains($"Jumlah {unit.UnitName} {unit.Agents} agen {AppendixDocument.Amount(unit.IncentiveTotal)}"), unit.UnitName);
        }
        var sum = model.Units.SelectMany(u => u.Rows).Sum(r => r.IncentiveAmount);
        Assert.Equal(model.TotalIncentive, sum);
        Assert.True(pdf.Contains($"Jumlah seluruhnya 3.000 agen {AppendixDocument.Amount(sum)}"));
        Assert.True(pdf.Contains($"Jumlah seluruhnya: 3.000 agen, insentif {DocumentTexts.Rupiah(sum)}"));

        // A row is never split: each agent's name and own position land on the same page, every row is printed once.
        var all = string.Join(' ', pdf.Pages);
        foreach (var row in model.Units.SelectMany(u => u.Rows))
        {
            var page = pdf.Pages.Single(p => p.Contains(row.Name + " ", StringComparison.Ordinal));
            Assert.Contains(row.Position, page, StringComparison.Ordinal);
            Assert.Contains(row.Nip, page, StringComparison.Ordinal);
        }
        Assert.Equal(3_000, all.Split("Agen Uji ").Length - 1);
        // Kop on page 1 only; the signature and the verification box after the last row.
        Assert.True(pdf.PageContains(1, "PEMERINTAH KOTA BESAR"));
        Assert.False(pdf.PageContains(2, "PEMERINTAH KOTA BESAR"));
        Assert.True(pdf.PageContains(pdf.PageCount, "Kode verifikasi: ABCDEFGH23"));
    }

    [Fact]
    public void Without_a_lawful_incentive_there_is_no_incentive_column()
    {
        var model = Large(40, 2, showIncentive: false);
        var pdf = Read(AppendixDocument.Render(model, Final), "appendix-no-incentive");
        Assert.False(pdf.Contains("Insentif (Rp)"));
        Assert.True(pdf.PageContains(1, "No. Nama NIP Gol. Jabatan Skor Peringkat Penghargaan"));
        Assert.True(pdf.Contains("Jumlah seluruhnya: 40 agen"));
        Assert.False(pdf.Contains("insentif Rp"));
        Assert.True(pdf.Contains("Jumlah Unit Kerja 01 20 agen"));
        Assert.True(pdf.Contains("Jumlah seluruhnya 40 agen"));
    }

    [Fact]
    public void An_empty_list_still_renders_header_total_and_signature()
    {
        var model = Large(0, 0, showIncentive: true);
        var pdf = Read(AppendixDocument.Render(model, Final), "appendix-empty");
        Assert.Equal(1, pdf.PageCount);
        Assert.True(pdf.Contains(Header));
        Assert.True(pdf.Contains("Jumlah seluruhnya: 0 agen, insentif Rp 0"));
    }

    /// <summary>All letters of each page in drawing order (the rotated KONSEP watermark is not a word).</summary>
    internal static List<string> PageLetters(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }

    /// <summary>A hand-built model: <paramref name="rows"/> agents spread evenly over <paramref name="units"/> units.</summary>
    internal static AppendixModel Large(int rows, int units, bool showIncentive)
    {
        const RewardOutcomes R = RewardOutcomes.Recognition, I = RewardOutcomes.Incentive, P = RewardOutcomes.PromotionRecommendation;
        var labels = new[]
        {
            OutcomeExplanations.Recognition,
            $"{OutcomeExplanations.Recognition}; {OutcomeExplanations.Incentive}",
            $"{OutcomeExplanations.Recognition}; {OutcomeExplanations.Incentive}; {OutcomeExplanations.Promotion}",
        };
        var outcomes = new[] { R, R | I, R | I | P };
        if (!showIncentive)
        {
            labels = [OutcomeExplanations.Recognition, OutcomeExplanations.Recognition, $"{OutcomeExplanations.Recognition}; {OutcomeExplanations.Promotion}"];
            outcomes = [R, R, R | P];
        }
        var list = new List<AppendixUnit>();
        long total = 0;
        var perUnit = units == 0 ? 0 : rows / units;
        var agent = 0;
        for (var u = 0; u < units; u++)
        {
            var unitRows = new List<AppendixRow>(perUnit);
            long unitTotal = 0;
            for (var i = 0; i < perUnit; i++)
            {
                agent++;
                var kind = agent % 3;
                long amount = showIncentive && kind > 0 ? 100_000 + (agent * 1_250L) : 0;
                var nip = string.Create(CultureInfo.InvariantCulture, $"19{60 + (agent % 40):D2}{1 + (agent % 12):D2}{1 + (agent % 28):D2} 20{10 + (agent % 15):D2}{1 + (agent % 12):D2} {1 + (agent % 2)} {1 + (agent / 40) % 999:D3}");
                unitRows.Add(new AppendixRow(
                    i + 1, agent, string.Create(CultureInfo.InvariantCulture, $"Agen Uji {agent:D4}"), nip, (agent % 4) switch { 0 => "III/a", 1 => "III/b", 2 => "IX", _ => "IV/a" },
                    string.Create(CultureInfo.InvariantCulture, $"Analis {agent:D4}"), 100m - (i * 0.25m), i + 1, outcomes[kind], labels[kind], amount));
                unitTotal += amount;
            }
            total += unitTotal;
            list.Add(new AppendixUnit(u + 1, string.Create(CultureInfo.InvariantCulture, $"Unit Kerja {u + 1:D2}"), unitRows, unitRows.Count, unitTotal));
        }
        var letterhead = new LetterheadModel("Pemerintah Kota Besar", ["Provinsi Uji"], "Jl. Merdeka 1", "Telepon (021) 123456", null);
        var signature = new SignatureModel("Kota Besar, 10 November 2026", "Kepala Bagian Protokol dan Komunikasi Pimpinan", "Dimas Prasetyo, S.I.Kom., M.A.", "Pembina, IV/a", "19820315 200604 1 002");
        return new AppendixModel(
            DocumentDataApp.IssuedOn, 1, "Oktober 2026", DocumentDataApp.Start, DocumentDataApp.End, "1 Oktober 2026 s.d. 31 Oktober 2026", 1, true,
            "Final: disetujui pada 3 November 2026", letterhead, signature, AppendixWording.Title,
            "Periode Oktober 2026 (1 Oktober 2026 s.d. 31 Oktober 2026)", showIncentive, list, agent, total, total,
            "Lampiran penerima penghargaan periode Oktober 2026", "appendix:period:1");
    }
}
