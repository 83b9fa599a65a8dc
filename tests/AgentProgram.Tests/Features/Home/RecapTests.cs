using System.Net;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Home;

/// <summary>The WhatsApp recap: its exact text from hand-built figures, and the recap on a unit's page (that unit and its sub-units only).</summary>
public sealed class RecapTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly TimeZoneInfo Wib = RewardSeed.Wib;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static ParticipationWindow October => new(new ReportingPeriod(7, "Oktober 2026", new(2026, 10, 1), new(2026, 10, 31), PeriodState.Calculated, 1, false),
        new(2026, 10, 1), new(2026, 10, 31), Utc(9, 30, 17), Utc(10, 31, 17));

    [Fact]
    public void The_recap_reads_period_participation_most_and_least_active_and_open_assignments()
    {
        // Ranked as the dashboards rank: by rate, then active agents; "Tanpa unit" is listed but never named most or least active.
        var units = HomeFigures.Rank(
        [
            new UnitParticipation(1, "Dinas Kominfo", 4, 3),      // 75%
            new UnitParticipation(2, "Dinas Kesehatan", 3, 1),    // 33,33%
            new UnitParticipation(3, "Badan Keuangan", 2, 2),     // 100%
            new UnitParticipation(4, "Bappeda", 5, 0),            // 0%
            new UnitParticipation(null, "Tanpa unit", 1, 0),      // 0%, after Bappeda (named units first)
            new UnitParticipation(5, "Unit Kosong", 0, 0),        // nobody: left out
        ]);
        var open = new List<OpenMessage>
        {
            // Due 24 Oct 16:59 UTC = 23:59 WIB.
            new(11, "Pemutihan denda *PBB*", Utc(10, 24, 16, 59), Utc(10, 25, 0), 8, 5),
            new(12, "Vaksinasi HPV\ngratis", Utc(10, 26, 3), Utc(10, 27, 0), 4, 0),
        };
        var text = RecapText.Build(new RecapData(null, October, Utc(10, 20, 7, 30), units, open), Wib, "WIB");

        Assert.Equal(
            "*Rekap Agen Komunikasi*\n" +
            "Periode: *Oktober 2026* (1 Oktober 2026 – 31 Oktober 2026)\n" +
            "Per 20 Oktober 2026 pukul 14.30 WIB\n" +
            "\n*Partisipasi per unit* (agen aktif/terdaftar)\n" +
            "1. Badan Keuangan: 100% (2/2)\n" +
            "2. Dinas Kominfo: 75% (3/4)\n" +
            "3. Dinas Kesehatan: 33,33% (1/3)\n" +
            "4. Bappeda: 0% (0/5)\n" +
            "5. Tanpa unit: 0% (0/1)\n" +
            "Jumlah: 40% (6/15)\n" +
            "\n*Paling aktif:* Badan Keuangan (100%), Dinas Kominfo (75%), Dinas Kesehatan (33,33%)\n" +
            "*Perlu didorong:* Bappeda (0%)\n" +
            "\n*Penugasan terbuka:* 12 penugasan pada 2 pesan, 5 belum dilaporkan\n" +
            "- Pemutihan denda ∗PBB∗ (batas 24 Oktober 2026 pukul 23.59 WIB): 8 agen, 5 belum melapor\n" +
            "- Vaksinasi HPV gratis (batas 26 Oktober 2026 pukul 10.00 WIB): 4 agen, 0 belum melapor\n" +
            "\n_Agen aktif: punya sedikitnya satu sebaran terverifikasi yang diunggah dalam periode ini._",
            text);
        Assert.DoesNotContain('<', text);
    }

    [Fact]
    public void A_long_recap_is_cut_with_a_count_and_an_empty_one_says_so()
    {
        var many = HomeFigures.Rank(Enumerable.Range(1, 13).Select(i => new UnitParticipation(i, $"Unit {i:00}", 10, i - 1)));
        var open = Enumerable.Range(1, 12).Select(i => new OpenMessage(i, $"Pesan {i}", Utc(10, 20, 0).AddHours(i), Utc(10, 30, 0), 1, 1)).ToList();
        var text = RecapText.Build(new RecapData("Sekretariat Daerah", October, Utc(10, 20, 0), many, open), Wib, "WIB");
        Assert.Contains("Unit: *Sekretariat Daerah* (termasuk sub-unit)\n", text, StringComparison.Ordinal);
        Assert.Contains("1. Unit 13: 120% (12/10)", text, StringComparison.Ordinal); // by the report's unit: more active than enrolled is possible
        Assert.Contains("10. Unit 04: 30% (3/10)\n…dan 3 unit lainnya\nJumlah: 60% (78/130)", text, StringComparison.Ordinal);
        Assert.Contains("*Perlu didorong:* Unit 01 (0%), Unit 02 (10%), Unit 03 (20%)", text, StringComparison.Ordinal);
        Assert.Contains("…dan 2 pesan lainnya", text, StringComparison.Ordinal);
        Assert.Equal(RecapText.MaxMessages, text.Split('\n').Count(l => l.StartsWith("- Pesan ", StringComparison.Ordinal)));

        var empty = RecapText.Build(new RecapData(null, new ParticipationWindow(null, new(2026, 9, 21), new(2026, 10, 20), Utc(9, 20, 17), Utc(10, 20, 17)), Utc(10, 20, 0), [], []), Wib, "WIB");
        Assert.Contains("Periode: *30 hari terakhir* (21 September 2026 – 20 Oktober 2026)", empty, StringComparison.Ordinal);
        Assert.Contains("Belum ada agen terdaftar.", empty, StringComparison.Ordinal);
        Assert.Contains("*Penugasan terbuka:* tidak ada pesan yang sedang dibagikan.", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Paling aktif", empty, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_cannot_open_WhatsApp_formatting_or_break_lines()
    {
        Assert.Equal("Dinas ∗Kominfo∗ - Kota", RecapText.Plain("Dinas *Kominfo*\n~ Kota"));
        Assert.Equal("a b", RecapText.Plain("  a\r\n\tb  "));
    }

    [Fact]
    public async Task A_units_page_carries_the_recap_of_that_unit_and_its_sub_units_only()
    {
        // Parent P with child C; another unit O. Agents: P1 (P, verified share 2 days ago), C1 (C, none), C2 (C, verified 1 day ago), O1 (O, verified).
        var p = await app.SeedUnitAsync("Sekretariat Rekap");
        var c = await app.SeedUnitAsync("Bagian Rekap Anak", p.Id);
        var o = await app.SeedUnitAsync("Dinas Lain Rekap");
        var p1 = await RewardSeed.AgentAsync(app, "Putu Rekap", p.Id);
        var c1 = await RewardSeed.AgentAsync(app, "Cahya Rekap", c.Id);
        var c2 = await RewardSeed.AgentAsync(app, "Candra Rekap", c.Id);
        var o1 = await RewardSeed.AgentAsync(app, "Oki Rekap", o.Id);
        var message = await TrackedLinkSeed.MessageAsync(app, "Pesan Rekap Unit", MessageStatus.Published);
        var now = DateTime.UtcNow;
        foreach (var (agent, unit, daysAgo) in new[] { (p1, p.Id, 2), (c2, c.Id, 1), (o1, o.Id, 1) })
        {
            var assignment = await RewardSeed.AssignAsync(app, message, agent.AgentId);
            var report = await RewardSeed.ReportAsync(app, assignment, now.AddDays(-daysAgo), ReportState.Verified, Platform.X);
            await app.WithDb(async db =>
            {
                (await db.ShareReports.SingleAsync(r => r.Id == report)).UnitId = unit;
                return await db.SaveChangesAsync();
            });
        }
        await RewardSeed.AssignAsync(app, message, c1.AgentId); // assigned, not reported
        await AgentProgram.Tests.Aggregates.AggregateOracle.RefreshAsync(app, all: true); // participation reads the stored aggregates
        var nips = await app.WithDb(db => db.Employees.Select(e => e.Nip).ToListAsync());

        var (_, hr) = await app.StaffAsync(Roles.Kepegawaian);
        var raw = await hr.GetHtmlAsync($"/unit-kerja/{p.Id}");
        var text = WebUtility.HtmlDecode(Assert.Single(AgentTestKit.TextsOf(raw, "recap-text")));

        Assert.Contains("Unit: *Sekretariat Rekap* (termasuk sub-unit)", text, StringComparison.Ordinal);
        // No reward period here: the last 30 days. P 1/1 = 100%, C 1/2 = 50%; O is not part of P.
        Assert.Contains("*30 hari terakhir*", text, StringComparison.Ordinal);
        Assert.Contains("1. Sekretariat Rekap: 100% (1/1)\n2. Bagian Rekap Anak: 50% (1/2)\nJumlah: 66,67% (2/3)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dinas Lain Rekap", text, StringComparison.Ordinal);
        // Three of P's agents are assigned the message (O1's assignment is outside), one has not reported.
        Assert.Contains("*Penugasan terbuka:* 3 penugasan pada 1 pesan, 1 belum dilaporkan", text, StringComparison.Ordinal);
        Assert.All(nips, nip => Assert.DoesNotContain(nip, raw, StringComparison.Ordinal));
        Assert.Equal(1, AgentTestKit.Count(raw, "recap-copy"));

        // The child's page: only the child.
        var child = WebUtility.HtmlDecode(Assert.Single(AgentTestKit.TextsOf(await hr.GetHtmlAsync($"/unit-kerja/{c.Id}"), "recap-text")));
        Assert.Contains("1. Bagian Rekap Anak: 50% (1/2)\nJumlah: 50% (1/2)", child, StringComparison.Ordinal);
        Assert.Contains("2 penugasan pada 1 pesan, 1 belum dilaporkan", child, StringComparison.Ordinal);
    }
}
