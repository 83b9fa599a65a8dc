using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.Letters;

/// <summary>One hand-built agent of the document data set and its result in the approved run (null: no result).</summary>
public sealed record DocAgent(
    string Key, int AgentId, string FullName, string Nip, EmploymentType Type, string? Golongan, string? UnitName,
    RewardOutcomes? Outcomes, int? Rank, decimal Score, long Incentive);

/// <summary>
/// Seeded once for a test class: institution "Pemerintah Kota Uji" (Kota Uji) with the three signatories; units
/// created as Dinas Kominfo, Dinas Kesehatan, Badan Keuangan (so ids are not in name order); PNS, CPNS and PPPK agents
/// with every outcome; period <see cref="PeriodId"/> (October 2026) with an approved run whose results are written by
/// hand; period <see cref="NoRunPeriodId"/> without a run; period <see cref="ProvisionalPeriodId"/> with an unapproved
/// run. Three more agents without results test the decree: one ended before the period's end, one enrolled after it,
/// one suspended only after it.
/// </summary>
public sealed class DocumentDataApp : AppFactory, IAsyncLifetime
{
    public const string Institution = "Pemerintah Kota Uji";
    public const string PeriodName = "Oktober 2026";
    public const string HumasTitle = "Kepala Bagian Protokol dan Komunikasi Pimpinan";
    public const string HrTitle = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia";
    public const string HeadTitle = "Wali Kota Uji";
    public static readonly DateOnly Start = new(2026, 10, 1);
    public static readonly DateOnly End = new(2026, 10, 31);
    public static readonly DateOnly IssuedOn = new(2026, 11, 10);

    public List<DocAgent> Agents { get; } = [];
    public int PeriodId { get; private set; }
    public int NoRunPeriodId { get; private set; }
    public int ProvisionalPeriodId { get; private set; }
    public int RunId { get; private set; }
    public long RunIncentiveTotal { get; private set; }
    public int EndedAgentId { get; private set; }
    public int LateAgentId { get; private set; }
    public int SuspendedLaterAgentId { get; private set; }

    public DocAgent this[string key] => Agents.Single(a => a.Key == key);

    public async Task InitializeAsync()
    {
        await WithDb(async db =>
        {
            if (!await db.Institutions.AnyAsync())
                db.Institutions.Add(new AgentProgram.Web.Domain.Organization.Institution { Name = Institution, ShortName = "Pemkot Uji", City = "Kota Uji", Address = "Jl. Merdeka 1" });
            db.Signatories.AddRange(
                new Signatory { Role = SignatoryRole.HeadOfInstitution, Name = "Dr. Hendra Wijaya, M.Si.", PositionTitle = HeadTitle, OmitRankAndNip = true },
                new Signatory { Role = SignatoryRole.HeadOfPublicRelations, Name = "Dimas Prasetyo, S.I.Kom., M.A.", PositionTitle = HumasTitle, Nip = "198203152006041002", GolonganCode = "41" },
                new Signatory { Role = SignatoryRole.HeadOfHumanResources, Name = "Rina Kusumawati, S.E., M.M.", PositionTitle = HrTitle, Nip = "197805202003122001", GolonganCode = "42" });
            return await db.SaveChangesAsync();
        });

        var kominfo = (await this.SeedUnitAsync("Dinas Kominfo")).Id;
        var kesehatan = (await this.SeedUnitAsync("Dinas Kesehatan")).Id;
        var keuangan = (await this.SeedUnitAsync("Badan Keuangan")).Id;
        var units = new Dictionary<int, string> { [kominfo] = "Dinas Kominfo", [kesehatan] = "Dinas Kesehatan", [keuangan] = "Badan Keuangan" };

        const RewardOutcomes R = RewardOutcomes.Recognition, I = RewardOutcomes.Incentive, P = RewardOutcomes.PromotionRecommendation,
            S = RewardOutcomes.StudyRecommendation, D = RewardOutcomes.DevelopmentRecommendation;
        // key, name, prefix, suffix, NIP, type, golongan, unit, outcomes, rank, score, incentive
        var specs = new (string Key, string Name, string? Prefix, string? Suffix, string Nip, EmploymentType Type, string? Gol, int? Unit, RewardOutcomes? Outcomes, int? Rank, decimal Score, long Incentive)[]
        {
            ("siti", "Siti Aminah", "Dr.", "S.Sos., M.Si.", "198609262015051001", EmploymentType.Pns, "34", kominfo, R | I | P | S, 1, 98.5m, 400_000),
            ("budi", "Budi Santoso", null, "S.E.", "198703142010011002", EmploymentType.Pns, "31", kesehatan, R | I, 2, 90m, 400_000),
            ("wayan", "Wayan Putra", null, "S.Kom.", "200012312024211001", EmploymentType.Pppk, "IX", kominfo, R | I | D, 3, 85.25m, 150_000),
            ("andi", "Andi Wijaya", null, null, "199001012015031003", EmploymentType.Pns, "32", kominfo, R, 3, 85.25m, 0),
            ("rina", "Rina Lestari", null, "A.Md.", "199505052023212002", EmploymentType.PppkParuhWaktu, "VII", null, R | I | D, 5, 80m, 150_000),
            ("agus", "Agus Salim", null, null, "199811112025011004", EmploymentType.Cpns, "21", keuangan, R, 6, 70m, 0),
            ("dewi", "Dewi Sartika", null, "S.H.", "198005052005012005", EmploymentType.Pns, "41", kesehatan, I, 7, 60m, 150_000),
            ("hendra", "Hendra Gunawan", null, null, "198808082012121006", EmploymentType.Pns, "32", kominfo, S, 8, 55m, 0),
            // PPPK with a promotion flag the engine would never set: the letters must still follow the employment type.
            ("made", "Made Wirawan", null, null, "199212122022211007", EmploymentType.Pppk, "X", keuangan, P | D, 9, 50m, 0),
            ("tono", "Tono Sugiarto", null, null, "198101012006041008", EmploymentType.Pns, "33", kominfo, RewardOutcomes.None, 10, 30m, 0),
            ("lina", "Lina Marlina", null, null, "198202022007042009", EmploymentType.Pns, "31", kesehatan, RewardOutcomes.None, null, 0m, 0),
        };
        foreach (var s in specs)
        {
            var seeded = await this.SeedAgentAsync(s.Name,
                employee: e =>
                {
                    e.Nip = s.Nip; e.TitlePrefix = s.Prefix; e.TitleSuffix = s.Suffix; e.EmploymentType = s.Type; e.GolonganCode = s.Gol;
                    e.UnitId = s.Unit; e.PositionName = "Pranata Humas " + s.Name.Split(' ')[0];
                    if (s.Type.IsPppk()) { e.ContractStart = new DateOnly(2024, 1, 1); e.ContractEnd = new DateOnly(2028, 12, 31); }
                },
                agent: a => a.EnrolledUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            Agents.Add(new DocAgent(s.Key, seeded.AgentId, seeded.Name, s.Nip, s.Type, s.Gol, s.Unit is { } u ? units[u] : null, s.Outcomes, s.Rank, s.Score, s.Incentive));
        }

        EndedAgentId = (await this.SeedAgentAsync("Eko Berhenti", employee: e => e.UnitId = kominfo, agent: a =>
        {
            a.EnrolledUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            a.Status = AgentStatus.Ended;
            a.StatusChangedUtc = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc);
        })).AgentId;
        LateAgentId = (await this.SeedAgentAsync("Fajar Terlambat", employee: e => e.UnitId = kesehatan,
            agent: a => a.EnrolledUtc = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc))).AgentId;
        SuspendedLaterAgentId = (await this.SeedAgentAsync("Gita Cuti", employee: e => e.UnitId = keuangan, agent: a =>
        {
            a.EnrolledUtc = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
            a.Status = AgentStatus.Suspended;
            a.StatusChangedUtc = new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc);
        })).AgentId;

        var rules = RewardRules.Default with
        {
            Incentive = new IncentiveRule(true, "Perwali 7/2026", "DPA 2.16.01", 1_250_000, [new(1, 2, 400_000), new(3, 7, 150_000)]),
            Study = new StudyRule(true, StudyKind.TugasBelajar, 40, 10),
        };
        var schemeId = await RewardSeed.SchemeAsync(this, rules, "Skema Dokumen");
        var period = await RewardSeed.PeriodAsync(this, schemeId, PeriodName, Start, End, PeriodState.Approved);
        PeriodId = period.Id;
        NoRunPeriodId = (await RewardSeed.PeriodAsync(this, schemeId, "November 2026", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30))).Id;
        ProvisionalPeriodId = (await RewardSeed.PeriodAsync(this, schemeId, "September 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), PeriodState.Calculated)).Id;

        var withResults = Agents.Where(a => a.Outcomes is not null).ToList();
        RunIncentiveTotal = withResults.Sum(a => a.Incentive);
        RunId = await WithDb(async db =>
        {
            var versionId = await db.RewardSchemeVersions.Where(v => v.SchemeId == schemeId).Select(v => v.Id).SingleAsync();
            var run = new RewardRun
            {
                PeriodId = PeriodId, Number = 1, SchemeVersionId = versionId, ComputedUtc = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc),
                ApprovedUtc = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc), ApprovedByUserId = "uji",
                Agents = withResults.Count, Eligible = withResults.Count(a => a.Rank is not null),
                Recognised = withResults.Count(a => a.Outcomes!.Value.HasFlag(RewardOutcomes.Recognition)),
                IncentiveTotal = RunIncentiveTotal, ResultHash = "uji",
            };
            db.RewardRuns.Add(run);
            await db.SaveChangesAsync();
            foreach (var a in withResults)
            {
                var unitId = a.UnitName is null ? (int?)null : units.Single(u => u.Value == a.UnitName).Key;
                db.RewardResults.Add(new RewardResult
                {
                    RunId = run.Id, AgentId = a.AgentId, UnitId = unitId, EmploymentType = a.Type, Score = a.Score, Rank = a.Rank,
                    Ineligible = a.Rank is null ? IneligibleReasons.DisciplinarySanction : IneligibleReasons.None,
                    Outcomes = a.Outcomes!.Value, IncentiveTierAmount = a.Incentive, IncentiveAmount = a.Incentive,
                });
            }
            var p = await db.RewardPeriods.SingleAsync(x => x.Id == PeriodId);
            p.CurrentRunId = run.Id;
            p.SchemeVersionId = versionId;

            var provisional = new RewardRun
            {
                PeriodId = ProvisionalPeriodId, Number = 1, SchemeVersionId = versionId, ComputedUtc = DateTime.UtcNow,
                Agents = 1, Eligible = 1, Recognised = 1, IncentiveTotal = 0, ResultHash = "uji",
            };
            db.RewardRuns.Add(provisional);
            await db.SaveChangesAsync();
            db.RewardResults.Add(new RewardResult
            {
                RunId = provisional.Id, AgentId = this["budi"].AgentId, UnitId = kesehatan, EmploymentType = EmploymentType.Pns,
                Score = 10m, Rank = 1, Outcomes = RewardOutcomes.Recognition,
            });
            var pp = await db.RewardPeriods.SingleAsync(x => x.Id == ProvisionalPeriodId);
            pp.CurrentRunId = provisional.Id;
            await db.SaveChangesAsync();
            return run.Id;
        });
    }

    /// <summary>A handler resolved from a scope of its own, as the app would.</summary>
    public async Task<T> Handle<T, THandler>(Func<THandler, Task<T>> work) where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
