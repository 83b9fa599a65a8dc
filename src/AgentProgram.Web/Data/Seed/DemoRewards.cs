using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Data.Seed;

/// <summary>
/// The demo's rewards: an approved scheme (with a lawful incentive: legal basis, budget line, budget),
/// an approved period (the month of the closed APBD campaign) and a calculated one (the month of the
/// running campaigns), both computed by the real calculation, and one neutrality record kept by HR.
/// </summary>
public sealed class DemoRewards(AppDbContext db, RewardCalculationService calculator, TimeProvider clock)
{
    public const string SchemeName = "Skema Agen Komunikasi 2026";

    public static RewardRules Rules { get; } = RewardRules.Default with
    {
        Recognition = new RecognitionRule(TopN: 5, MinScore: 80m),
        Incentive = new IncentiveRule(true, "Peraturan Wali Kota Contoh Nomor 12 Tahun 2026 tentang Pemberian Penghargaan bagi Agen Komunikasi",
            "DPA Bagian Protokol dan Komunikasi Pimpinan 5.1.02.01.01.0026", 2_500_000, [new(1, 1, 1_000_000), new(2, 3, 750_000), new(4, 5, 250_000)]),
        Promotion = new PromotionRule(true, TopPercent: 20, ConsecutivePeriods: 2, MinParticipationPercent: 50),
        Study = new StudyRule(true, StudyKind.IzinBelajar, TopPercent: 10, MinParticipationPercent: 50),
        Development = new DevelopmentRule(true, TopPercent: 30, MinParticipationPercent: 50),
    };

    public async Task SeedAsync(string humasUserId, string pimpinanUserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scheme = new RewardScheme { Name = SchemeName, Description = "Penghargaan bagi ASN yang menyebarluaskan pesan kebijakan pemerintah daerah.", CreatedUtc = now.AddDays(-60), CreatedByUserId = humasUserId };
        db.RewardSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        db.RewardSchemeVersions.Add(new RewardSchemeVersion
        {
            SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = Rules.ToJson(),
            ChangeNote = "Versi pertama, mengikuti Perwali 12/2026.", CreatedByUserId = humasUserId, CreatedUtc = now.AddDays(-60),
            SubmittedUtc = now.AddDays(-59), ApprovedByUserId = pimpinanUserId, ApprovedUtc = now.AddDays(-58),
        });

        // One extra agent carries a neutrality breach recorded by HR: the statement shows why they are not ranked.
        var flagged = await db.Agents.Where(a => a.Status == AgentStatus.Active && a.CodeOfConductAcceptedUtc != null).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync(ct);
        db.ConductRecords.Add(new ConductRecord
        {
            AgentId = flagged, Kind = ConductKind.Neutrality, StartDate = DateOnly.FromDateTime(now.AddDays(-70)),
            Note = "Membagikan unggahan dukungan kepada bakal calon kepala daerah (laporan Bawaslu).", RecordedUtc = now.AddDays(-20),
        });
        await db.SaveChangesAsync(ct);

        var earlier = DateOnly.FromDateTime(now.AddDays(-38));
        var recent = DateOnly.FromDateTime(now.AddDays(-3));
        var approved = await PeriodAsync(scheme.Id, PeriodDates.Monthly(earlier.Year, earlier.Month), humasUserId, now, ct);
        var calculated = await PeriodAsync(scheme.Id, PeriodDates.Monthly(recent.Year, recent.Month), humasUserId, now, ct);

        var first = await calculator.CalculateAsync(approved.Id, approved.Version, humasUserId, ct: ct);
        if (!first.Done) throw new InvalidOperationException("Demo period could not be calculated: " + first.Refusal);
        db.ChangeTracker.Clear();
        var period = await db.RewardPeriods.SingleAsync(p => p.Id == approved.Id, ct);
        period.State = PeriodState.Approved;
        period.ApprovedUtc = now.AddDays(-1);
        period.ApprovedByUserId = pimpinanUserId;
        period.Notes = "Partisipasi naik setelah pelatihan agen di kecamatan; unit teknis perlu didorong ikut menyebarkan pesan APBD.";
        var run = await db.RewardRuns.SingleAsync(r => r.Id == first.Run!.Id, ct);
        run.ApprovedUtc = period.ApprovedUtc;
        run.ApprovedByUserId = pimpinanUserId;
        await db.SaveChangesAsync(ct);

        var second = await calculator.CalculateAsync(calculated.Id, calculated.Version, humasUserId, ct: ct);
        if (!second.Done) throw new InvalidOperationException("Demo period could not be calculated: " + second.Refusal);
    }

    private async Task<RewardPeriod> PeriodAsync(int schemeId, PeriodRange range, string by, DateTime now, CancellationToken ct)
    {
        var period = new RewardPeriod
        {
            Name = range.Name, Kind = PeriodKind.Monthly, StartDate = range.Start, EndDate = range.End, SchemeId = schemeId,
            CreatedUtc = now.AddDays(-2), CreatedByUserId = by,
        };
        db.RewardPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        return period;
    }
}
