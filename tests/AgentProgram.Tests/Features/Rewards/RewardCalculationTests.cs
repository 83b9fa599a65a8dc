using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AgentProgram.Tests.Features.Rewards.RewardSeed;

namespace AgentProgram.Tests.Features.Rewards;

/// <summary>
/// The database path of the computation gives exactly what the pure engine gives on the same facts
/// worked out here in memory: gates, assignments in the period, evidence-weighted snapshot maxima,
/// unique non-bot visitors per tracked link inside the period, responses.
/// </summary>
public sealed class RewardCalculationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static readonly DateOnly End = new(2026, 10, 31);

    private static readonly RewardRules Rules = RewardRules.Default with
    {
        CapPerMessage = 2,
        CapPerDay = 3,
        TimelyBonus = 2m,
        RejectedDeduction = 4m,
        EngagementWeights = [.. RewardRules.Default.EngagementWeights, new(MissionTag.Transparansi, EngagementMetric.Likes, 0.25m), new(MissionTag.Kolaborasi, EngagementMetric.Comments, 0.5m)],
        Recognition = new RecognitionRule(TopN: 3),
        Incentive = new IncentiveRule(true, "Perwali 7/2026", "DPA 2.16.01", 1_000_000, [new(1, 2, 400_000), new(3, 6, 150_000)]),
        Promotion = new PromotionRule(true, 50, 1, 10),
        Study = new StudyRule(true, StudyKind.IzinBelajar, 40, 10),
        Development = new DevelopmentRule(true, 60, 10),
    };

    [Fact]
    public async Task The_database_path_equals_the_engine_on_the_same_facts()
    {
        var rnd = new Random(42);
        var window = new PeriodWindow(Start, End, Wib);
        var units = new[] { await TrackedLinks.TrackedLinkSeed.UnitAsync(app, "Dinas A"), await TrackedLinks.TrackedLinkSeed.UnitAsync(app, "Dinas B") };

        // Agents with every gate: (type, legal status, sanction, contract end, consent withdrawn, conduct record).
        var specs = new (EmploymentType Type, LegalStatus Legal, bool Sanction, DateOnly? Contract, bool Withdrawn, ConductKind? Conduct, bool ConductCounts)[]
        {
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, false, null, false),
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, false, null, false),
            (EmploymentType.Pppk, LegalStatus.Aktif, false, new DateOnly(2027, 3, 31), false, null, false),
            (EmploymentType.Pppk, LegalStatus.Aktif, false, new DateOnly(2026, 10, 15), false, null, false),
            (EmploymentType.Cpns, LegalStatus.Aktif, false, null, false, null, false),
            (EmploymentType.Pns, LegalStatus.Cltn, false, null, false, null, false),
            (EmploymentType.Pns, LegalStatus.Aktif, true, null, false, null, false),
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, false, ConductKind.Neutrality, true),
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, false, ConductKind.Disciplinary, false), // revoked
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, true, null, false),
            (EmploymentType.Pns, LegalStatus.Aktif, false, null, false, null, false),
            (EmploymentType.Pppk, LegalStatus.Aktif, false, new DateOnly(2026, 12, 31), false, ConductKind.Disciplinary, false), // ended in September
        };
        var agents = new List<AgentFacts>();
        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            var unit = units[i % 2];
            var agent = await AgentAsync(app, $"Agen Hitung {i}", unit);
            await app.WithDb(async db =>
            {
                var a = await db.Agents.Include(x => x.Employee).SingleAsync(x => x.Id == agent.AgentId);
                a.Employee.EmploymentType = s.Type;
                a.Employee.LegalStatus = s.Legal;
                a.Employee.HasDisciplinarySanction = s.Sanction;
                a.Employee.ContractEnd = s.Contract;
                a.EnrolledUtc = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
                if (s.Withdrawn) a.ConsentWithdrawnUtc = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc);
                if (s.Conduct is { } kind)
                    db.ConductRecords.Add(new ConductRecord
                    {
                        AgentId = a.Id, Kind = kind, Note = "uji", RecordedUtc = DateTime.UtcNow,
                        StartDate = i == 11 ? new DateOnly(2026, 8, 1) : new DateOnly(2026, 10, 10),
                        EndDate = i == 11 ? new DateOnly(2026, 9, 30) : null,
                        RevokedUtc = i == 8 ? DateTime.UtcNow : null,
                    });
                await db.SaveChangesAsync();
                return 0;
            });
            agents.Add(new AgentFacts(agent.AgentId, unit, s.Type, s.Legal, s.Sanction || (s.Conduct == ConductKind.Disciplinary && s.ConductCounts),
                s.Conduct == ConductKind.Neutrality && s.ConductCounts, s.Contract, s.Withdrawn));
        }

        // Messages: four published in October, one from September running into October, one only in August (not in the period).
        var messages = new List<(int Id, MissionTag Mission, DateTime Published, bool InPeriod)>();
        var missions = Enum.GetValues<MissionTag>();
        for (var m = 0; m < 4; m++)
        {
            var published = new DateTime(2026, 10, 2 + m * 6, 2, 0, 0, DateTimeKind.Utc);
            messages.Add((await MessageAsync(app, $"Pesan Hitung {m}", missions[m % 3], published), missions[m % 3], published, true));
        }
        var september = new DateTime(2026, 9, 25, 2, 0, 0, DateTimeKind.Utc);
        messages.Add((await MessageAsync(app, "Pesan September", MissionTag.Partisipasi, september, activeDays: 10), MissionTag.Partisipasi, september, true));
        var august = new DateTime(2026, 8, 3, 2, 0, 0, DateTimeKind.Utc);
        messages.Add((await MessageAsync(app, "Pesan Agustus", MissionTag.Kolaborasi, august, activeDays: 5), MissionTag.Kolaborasi, august, false));

        var shares = new List<ShareFacts>();
        var visitors = new Dictionary<(int, Platform), int>();
        var platforms = new[] { Platform.X, Platform.Facebook, Platform.Instagram };
        var sources = Enum.GetValues<MetricSource>();
        for (var i = 0; i < agents.Count; i++)
        {
            var assignedInPeriod = 0;
            foreach (var (messageId, mission, published, inPeriod) in messages)
            {
                var assignmentId = await AssignAsync(app, messageId, agents[i].AgentId);
                if (inPeriod) assignedInPeriod++;
                var reports = rnd.Next(0, 4);
                for (var k = 0; k < reports; k++)
                {
                    var platform = platforms[rnd.Next(platforms.Length)];
                    var posted = published.AddHours(rnd.Next(0, 60)).AddMinutes(rnd.Next(60));
                    if (!inPeriod) posted = new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc).AddHours(rnd.Next(0, 3)); // around the WIB start
                    var state = rnd.Next(6) switch { 0 => ReportState.Pending, 1 => ReportState.Rejected, _ => ReportState.Verified };
                    var corrections = state == ReportState.Rejected ? rnd.Next(2) : 0;
                    var snaps = Enumerable.Range(0, rnd.Next(0, 4)).Select(_ => (sources[rnd.Next(sources.Length)],
                        rnd.Next(4) == 0 ? (long?)null : rnd.Next(0, 20_000), (long?)rnd.Next(0, 300), rnd.Next(3) == 0 ? (long?)null : rnd.Next(0, 50), (long?)rnd.Next(0, 20))).ToList();
                    var id = await ReportAsync(app, assignmentId, posted, state, platform, corrections, snaps);
                    // Responses count once Humas answered or referred them; open ones do not.
                    var responses = rnd.Next(4) == 0 ? rnd.Next(1, 3) : 0;
                    var open = rnd.Next(3) == 0 ? 1 : 0;
                    if (responses + open > 0)
                        await app.WithDb(async db =>
                        {
                            for (var q = 0; q < responses + open; q++)
                                db.PublicResponses.Add(new PublicResponse
                                {
                                    ReportId = id, MessageId = messageId, AgentId = agents[i].AgentId, Text = "Tanya", Kind = ResponseKind.Question, Sentiment = Sentiment.Neutral,
                                    RecordedUtc = posted.AddHours(2), Status = q < responses ? (q % 2 == 0 ? ResponseStatus.Answered : ResponseStatus.Referred) : ResponseStatus.Open,
                                });
                            await db.SaveChangesAsync();
                            return 0;
                        });
                    shares.Add(new ShareFacts(id, agents[i].AgentId, messageId, assignmentId, platform, posted, state, corrections, mission, published,
                        WeightedMetrics.Of(snaps.Select(s => (s.Item1, new MetricValues(Views: s.Item2, Likes: s.Item3, Comments: s.Item4, Reposts: s.Item5))), Rules),
                        responses));
                }
                // A tracked link per platform with clicks: repeats of one visitor, bots, and clicks outside the period.
                foreach (var platform in platforms.Where(_ => rnd.Next(3) == 0))
                {
                    var hashes = Enumerable.Range(0, rnd.Next(1, 8)).Select(h => $"v{rnd.Next(0, 5)}").ToList();
                    var counted = hashes.Distinct().Count();
                    await app.WithDb(async db =>
                    {
                        var link = new TrackedLink { AssignmentId = assignmentId, Platform = platform, Token = Guid.NewGuid().ToString("N")[..12], CreatedUtc = published };
                        db.TrackedLinks.Add(link);
                        await db.SaveChangesAsync();
                        var inside = window.StartUtc.AddDays(3);
                        foreach (var h in hashes) db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = inside, VisitorHash = h });
                        db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = inside, VisitorHash = "bot", IsBot = true });
                        db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = window.EndUtc, VisitorHash = "late" });
                        db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = window.StartUtc.AddSeconds(-1), VisitorHash = "early" });
                        await db.SaveChangesAsync();
                        return 0;
                    });
                    visitors[(assignmentId, platform)] = counted;
                }
            }
            agents[i] = agents[i] with { Assignments = assignedInPeriod };
        }

        // A reading taken after the evidence grace does not count (were it counted, the CSV import would win).
        var late = shares.First(s => s.State == ReportState.Verified && window.Contains(s.PostedUtc)).ReportId;
        await app.WithDb(async db =>
        {
            db.ReportSnapshots.Add(new ReportSnapshot
            {
                ReportId = late, Source = MetricSource.CsvImport, Window = SnapshotWindow.Other, TakenUtc = window.EvidenceUntilUtc,
                CreatedUtc = window.EvidenceUntilUtc, Views = 9_000_000, Likes = 9_000, Comments = 900, Reposts = 900,
            });
            await db.SaveChangesAsync();
            return 0;
        });

        // The period considers reports posted or submitted (an hour after posting here) inside it.
        var considered = shares.Where(s => window.Contains(s.PostedUtc) || window.Contains(s.PostedUtc.AddHours(1))).ToList();
        Assert.True(considered.Count < shares.Count);
        Assert.Contains(considered, s => !window.Contains(s.PostedUtc));
        var expected = RewardEngine.Compute(Rules, window, agents, considered, visitors);
        var schemeId = await SchemeAsync(app, Rules);
        var period = await PeriodAsync(app, schemeId, "Oktober 2026", Start, End);

        var outcome = await Calculate(period.Id, period.Version);

        Assert.True(outcome.Done, outcome.Refusal);
        var run = outcome.Run!;
        // The stored rows read back as computed.
        var stored = await app.WithDb(db => db.RewardResults.AsNoTracking().Where(r => r.RunId == run.Id).OrderBy(r => r.AgentId).ToListAsync());
        Assert.Equal(expected.Select(r => (r.AgentId, r.Score, r.Rank, r.IncentiveAmount, r.Outcomes, r.Ineligible, r.Lines)),
            stored.Select(r => (r.AgentId, r.Score, r.Rank, r.IncentiveAmount, r.Outcomes, r.Ineligible, r.Lines)));
        Assert.Equal(RewardEngine.HashOf(expected), run.ResultHash);
        Assert.Equal(agents.Count, run.Agents);
        Assert.Equal(expected.Count(r => r.IsEligible), run.Eligible);
        Assert.Equal(expected.Sum(r => r.IncentiveAmount), run.IncentiveTotal);
        Assert.True(run.IncentiveTotal is > 0 and <= 1_000_000);
        Assert.Equal(7, run.Eligible); // the gates bar agents 3 (contract), 5 (CLTN), 6 (sanction), 7 (neutrality), 9 (consent)

        var saved = await app.WithDb(db => db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id));
        Assert.Equal(PeriodState.Calculated, saved.State);
        Assert.Equal(run.Id, saved.CurrentRunId);
        Assert.NotNull(saved.SchemeVersionId);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(e => e.Action == "RewardPeriod.Calculated" && e.EntityKey == period.Id.ToString())));
    }

    private Task<CalculationOutcome> Calculate(int periodId, int version) => CalculateAsync(app, periodId, version);
}

/// <summary>Runs, recalculation, freezing and concurrent presses on a small period.</summary>
public sealed class RewardRunTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<CalculationOutcome> Calculate(int periodId, int version) => CalculateAsync(app, periodId, version);

    private Task<RewardPeriod> Reload(int id) => app.WithDb(db => db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == id));

    private async Task<(int SchemeId, int Agents)> SmallDataAsync(string tag)
    {
        var published = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc);
        var message = await MessageAsync(app, "Pesan " + tag, MissionTag.Transparansi, published);
        for (var i = 0; i < 3; i++)
        {
            var agent = await AgentAsync(app, $"Agen {tag} {i}");
            var assignment = await AssignAsync(app, message, agent.AgentId);
            for (var k = 0; k <= i; k++) await ReportAsync(app, assignment, published.AddHours(k + 1));
        }
        var agents = await app.WithDb(db => db.Agents.CountAsync());
        return (await SchemeAsync(app, RewardRules.Default, "Skema " + tag), agents);
    }

    [Fact]
    public async Task Two_presses_at_once_make_one_result_set()
    {
        var (scheme, agents) = await SmallDataAsync("serentak");
        for (var round = 0; round < 4; round++)
        {
            var period = await PeriodAsync(app, scheme, $"Serentak {round}", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));
            var outcomes = await Task.WhenAll(Calculate(period.Id, period.Version), Calculate(period.Id, period.Version));

            Assert.Single(outcomes, o => o.Done);
            Assert.Equal(RewardCalculationService.RefusalChanged, Assert.Single(outcomes, o => !o.Done).Refusal);
            var runs = await app.WithDb(db => db.RewardRuns.Where(r => r.PeriodId == period.Id).Select(r => r.Id).ToListAsync());
            var run = Assert.Single(runs);
            Assert.Equal(agents, await app.WithDb(db => db.RewardResults.CountAsync(r => r.RunId == run)));
        }
    }

    [Fact]
    public async Task Recalculation_replaces_the_unapproved_run_approval_freezes_and_a_reopened_period_keeps_its_history()
    {
        var (scheme, agents) = await SmallDataAsync("ulang");
        var period = await PeriodAsync(app, scheme, "Ulang", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        var first = await Calculate(period.Id, period.Version);
        Assert.True(first.Done);
        // A stale version (the page before the first calculation) is refused.
        Assert.Equal(RewardCalculationService.RefusalChanged, (await Calculate(period.Id, period.Version)).Refusal);

        var second = await Calculate(period.Id, (await Reload(period.Id)).Version);
        Assert.True(second.Done);
        Assert.Equal(2, second.Run!.Number);
        Assert.Equal(first.Run!.ResultHash, second.Run.ResultHash); // same data, same scheme version: same results
        Assert.Equal([second.Run.Id], await app.WithDb(db => db.RewardRuns.Where(r => r.PeriodId == period.Id).Select(r => r.Id).ToListAsync()));
        Assert.Equal(0, await app.WithDb(db => db.RewardResults.CountAsync(r => r.RunId == first.Run.Id)));

        // Approved: frozen.
        await app.WithDb(async db =>
        {
            var p = await db.RewardPeriods.SingleAsync(x => x.Id == period.Id);
            p.State = PeriodState.Approved;
            var run = await db.RewardRuns.SingleAsync(r => r.Id == second.Run.Id);
            run.ApprovedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return 0;
        });
        var frozen = await Calculate(period.Id, (await Reload(period.Id)).Version);
        Assert.False(frozen.Done);
        Assert.Equal(RewardCalculationService.RefusalState, frozen.Refusal);

        // Reopened by an administrator: a new run; the approved one stays with its results.
        await app.WithDb(async db =>
        {
            var p = await db.RewardPeriods.SingleAsync(x => x.Id == period.Id);
            p.State = PeriodState.Open;
            await db.SaveChangesAsync();
            return 0;
        });
        var third = await Calculate(period.Id, (await Reload(period.Id)).Version);
        Assert.True(third.Done);
        Assert.Equal(3, third.Run!.Number);
        Assert.Equal(agents, await app.WithDb(db => db.RewardResults.CountAsync(r => r.RunId == second.Run.Id)));
        Assert.Equal(third.Run.Id, (await Reload(period.Id)).CurrentRunId);
    }

    [Fact]
    public async Task A_scheme_without_an_approved_version_is_refused()
    {
        var scheme = await app.WithDb(async db =>
        {
            var s = new RewardScheme { Name = "Konsep saja", CreatedUtc = DateTime.UtcNow };
            db.RewardSchemes.Add(s);
            await db.SaveChangesAsync();
            db.RewardSchemeVersions.Add(new RewardSchemeVersion { SchemeId = s.Id, Number = 1, State = SchemeVersionState.Draft, RulesJson = RewardRules.Default.ToJson(), CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return s.Id;
        });
        var period = await PeriodAsync(app, scheme, "Tanpa skema", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        var outcome = await Calculate(period.Id, period.Version);

        Assert.Equal(RewardCalculationService.RefusalNoScheme, outcome.Refusal);
        Assert.Equal(PeriodState.Open, (await Reload(period.Id)).State);
        Assert.Equal(0, await app.WithDb(db => db.RewardRuns.CountAsync(r => r.PeriodId == period.Id)));
}
}

/// <summary>The promotion rule's streak counts the agent's standing in the approved periods before this one.</summary>
public sealed class RewardStreakTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<CalculationOutcome> Calculate(int periodId, int version) => CalculateAsync(app, periodId, version);

    [Fact]
    public async Task Promotion_streak_reads_the_previous_approved_period()
    {
        var rules = RewardRules.Default with { Promotion = new PromotionRule(true, TopPercent: 50, ConsecutivePeriods: 2, MinParticipationPercent: 0) };
        var published = new DateTime(2026, 9, 5, 2, 0, 0, DateTimeKind.Utc);
        var september = await MessageAsync(app, "Pesan Sep", MissionTag.Transparansi, published, activeDays: 5);
        var october = await MessageAsync(app, "Pesan Okt", MissionTag.Transparansi, published.AddMonths(1), activeDays: 5);
        var steady = await AgentAsync(app, "Agen Konsisten");
        var newcomer = await AgentAsync(app, "Agen Baru");
        foreach (var (agent, sepShares) in new[] { (steady, 2), (newcomer, 0) })
        {
            var a = await AssignAsync(app, september, agent.AgentId);
            for (var k = 0; k < sepShares; k++) await ReportAsync(app, a, published.AddHours(k + 1));
            var b = await AssignAsync(app, october, agent.AgentId);
            for (var k = 0; k < (agent == steady ? 3 : 2); k++) await ReportAsync(app, b, published.AddMonths(1).AddHours(k + 1));
        }
        var scheme = await SchemeAsync(app, rules, "Skema Beruntun");
        var sep = await PeriodAsync(app, scheme, "Sep Beruntun", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
        Assert.True((await Calculate(sep.Id, sep.Version)).Done);
        await app.WithDb(async db =>
        {
            (await db.RewardPeriods.SingleAsync(p => p.Id == sep.Id)).State = PeriodState.Approved;
            await db.SaveChangesAsync();
            return 0;
        });
        var oct = await PeriodAsync(app, scheme, "Okt Beruntun", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31));

        var run = (await Calculate(oct.Id, oct.Version)).Run!;

        var results = await app.WithDb(db => db.RewardResults.AsNoTracking().Where(r => r.RunId == run.Id).ToDictionaryAsync(r => r.AgentId));
        Assert.Equal(2, results[steady.AgentId].PromotionStreak);
        Assert.True(results[steady.AgentId].Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
        Assert.Equal(0, results[newcomer.AgentId].PromotionStreak); // second of two: the top 100%, outside the top 50%
        Assert.False(results[newcomer.AgentId].Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
    }
}
