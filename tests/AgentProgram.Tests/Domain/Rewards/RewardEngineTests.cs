using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;

namespace AgentProgram.Tests.Domain.Rewards;

/// <summary>The reward computation on hand-built cases; every expected figure is worked out here from the rules.</summary>
public sealed class RewardEngineTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");

    /// <summary>October 2026 in WIB: 30 Sep 17:00 UTC to 31 Oct 17:00 UTC.</summary>
    private static readonly PeriodWindow October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Wib);

    private static readonly DateTime Published = new(2026, 10, 5, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>10 points a share, nothing else, no caps: each test switches on what it checks.</summary>
    private static readonly RewardRules Plain = new()
    {
        PointsPerShare = 10m,
        CapPerMessage = null,
        CapPerDay = null,
        CapPerPeriod = null,
        TimelyBonus = 0m,
        RejectedDeduction = 0m,
        EngagementCapPerShare = 1000m,
        ParticipationWeightPercent = 60,
        Recognition = new RecognitionRule(TopN: null, MinScore: null),
        Promotion = new PromotionRule(Enabled: false),
        Study = new StudyRule(Enabled: false),
        Development = new DevelopmentRule(Enabled: false),
    };

    private long _nextReport = 1;

    private ShareFacts Share(int agent, int message = 1, DateTime? posted = null, ReportState state = ReportState.Verified, Platform platform = Platform.X,
        MissionTag mission = MissionTag.Transparansi, WeightedMetrics metrics = default, int corrections = 0, int assignment = 0, int responses = 0, long? id = null) =>
        new(id ?? _nextReport++, agent, message, assignment == 0 ? agent * 100 + message : assignment, platform, posted ?? Published.AddHours(2), state, corrections,
            mission, Published, metrics, responses);

    private static AgentFacts Pns(int id, int? unit = 1, int assignments = 1, params decimal?[] previous) =>
        new(id, unit, EmploymentType.Pns, Assignments: assignments, PreviousTopPercents: previous);

    private static RewardResult Only(IReadOnlyList<RewardResult> results, int agent) => results.Single(r => r.AgentId == agent);

    private static IReadOnlyList<StatementLine> Lines(RewardResult r) => StatementLines.Decode(r.Lines);

    [Fact]
    public void Cap_per_message_counts_the_earliest_posts_whatever_the_report_order()
    {
        var rules = Plain with { CapPerMessage = 3 };
        var t = Published.AddHours(1);
        // Report ids in reverse of posting order: the cap follows posting time.
        var shares = new[]
        {
            Share(1, posted: t.AddHours(4), id: 1), Share(1, posted: t.AddHours(3), id: 2),
            Share(1, posted: t.AddHours(2), id: 3), Share(1, posted: t.AddHours(1), id: 4),
            Share(1, message: 2, posted: t.AddHours(5), id: 5),
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1)], shares), 1);

        Assert.Equal(4, r.CountedShares);
        Assert.Equal(40m, r.SharePoints);
        var capped = Assert.Single(Lines(r), l => l.Status == LineStatus.CapPerMessage);
        Assert.Equal(1, capped.ReportId);
        Assert.Equal(1, r.UncountedShares);
    }

    [Fact]
    public void Cap_per_day_uses_the_institutions_local_day()
    {
        var rules = Plain with { CapPerDay = 1 };
        // 16:59 UTC is 23:59 WIB on the 10th; 17:01 UTC is 00:01 WIB on the 11th.
        var shares = new[]
        {
            Share(1, message: 1, posted: new DateTime(2026, 10, 10, 2, 0, 0, DateTimeKind.Utc)),
            Share(1, message: 2, posted: new DateTime(2026, 10, 10, 16, 59, 0, DateTimeKind.Utc)),
            Share(1, message: 3, posted: new DateTime(2026, 10, 10, 17, 1, 0, DateTimeKind.Utc)),
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([LineStatus.Counted, LineStatus.CapPerDay, LineStatus.Counted], Lines(r).Select(l => l.Status));
        Assert.Equal(20m, r.SharePoints);
    }

    [Fact]
    public void Cap_per_period_then_per_message_order_of_checks()
    {
        var rules = Plain with { CapPerPeriod = 2, CapPerMessage = 1 };
        var t = Published.AddHours(1);
        var shares = new[] { Share(1, 1, t), Share(1, 1, t.AddHours(1)), Share(1, 2, t.AddHours(2)), Share(1, 3, t.AddHours(3)) };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([LineStatus.Counted, LineStatus.CapPerMessage, LineStatus.Counted, LineStatus.CapPerPeriod], Lines(r).Select(l => l.Status));
        Assert.Equal(2, r.CountedShares);
    }

    [Fact]
    public void Platform_weight_scales_the_share_points()
    {
        var rules = Plain with { PlatformWeights = [new(Platform.WhatsApp, 0.5m), new(Platform.TikTok, 1.25m)] };
        var shares = new[] { Share(1, 1, platform: Platform.WhatsApp), Share(1, 2, platform: Platform.TikTok), Share(1, 3, platform: Platform.X) };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([5m, 12.5m, 10m], Lines(r).Select(l => l.SharePoints));
        Assert.Equal(27.5m, r.SharePoints);
    }

    [Fact]
    public void Evidence_factor_takes_the_best_weighted_reading_per_metric()
    {
        var rules = Plain with
        {
            EvidenceFactors = [new(MetricSource.SelfReported, 40), new(MetricSource.Screenshot, 70), new(MetricSource.CsvImport, 100)],
            EngagementWeights = [new(MissionTag.Transparansi, EngagementMetric.Views, 0.01m), new(MissionTag.Transparansi, EngagementMetric.Likes, 0.5m)],
        };
        // Views: 1,000 self-reported → 400; 800 from a screenshot → 560: 560 counts. Likes: 10 self-reported → 4; CSV 6 → 6.
        var metrics = WeightedMetrics.Of(
        [
            (MetricSource.SelfReported, new MetricValues(Views: 1000, Likes: 10)),
            (MetricSource.Screenshot, new MetricValues(Views: 800)),
            (MetricSource.CsvImport, new MetricValues(Likes: 6)),
        ], rules);
        Assert.Equal(56_000, metrics.Views);
        Assert.Equal(600, metrics.Likes);

        var r = Only(RewardEngine.Compute(rules, October, [Pns(1)], [Share(1, metrics: metrics)]), 1);
        // 560 × 0.01 + 6 × 0.5 = 5.6 + 3 = 8.6
        Assert.Equal(8.6m, r.Engagement);
        Assert.Equal(8.6m, Assert.Single(Lines(r)).EngagementPoints);
    }

    [Fact]
    public void A_stronger_source_overrides_a_larger_weaker_reading()
    {
        var rules = Plain with { EvidenceFactors = [new(MetricSource.SelfReported, 40), new(MetricSource.Screenshot, 70), new(MetricSource.CsvImport, 100)] };
        // The agent typed a million views; the platform export says 300. The export wins outright.
        var metrics = WeightedMetrics.Of(
        [
            (MetricSource.SelfReported, new MetricValues(Views: 1_000_000, Comments: 12)),
            (MetricSource.CsvImport, new MetricValues(Views: 300)),
            (MetricSource.SelfReported, new MetricValues(Views: 2_000_000)),
        ], rules);

        Assert.Equal(300 * 100, metrics.Views);
        Assert.Equal(12 * 40, metrics.Comments); // the export had no comments: the self-reported number stands, at 40%
        Assert.Equal(0, metrics.Likes);          // nobody gave likes
        Assert.Equal(300 * 100, EvidenceKey.Weighted(EvidenceKey.Of(100, 300)));
        Assert.True(EvidenceKey.Of(100, 1) > EvidenceKey.Of(70, 999_999_999));
    }

    [Fact]
    public void Engagement_weights_follow_the_mission_tag_and_are_capped_per_share()
    {
        var rules = Plain with
        {
            EngagementCapPerShare = 20m,
            EngagementWeights =
            [
                new(MissionTag.Transparansi, EngagementMetric.Views, 0.01m),
                new(MissionTag.Partisipasi, EngagementMetric.Comments, 0.5m),
                new(MissionTag.Kolaborasi, EngagementMetric.PublicResponses, 2m),
            ],
        };
        var m = new WeightedMetrics(Views: 100_000 * 100, Reach: 0, Likes: 0, Comments: 30 * 100, Reposts: 0, Saves: 0);
        var shares = new[]
        {
            Share(1, 1, mission: MissionTag.Transparansi, metrics: m), // 1,000 points of views → capped at 20
            Share(1, 2, mission: MissionTag.Partisipasi, metrics: m),  // views ignored; 30 comments × 0.5 = 15
            Share(1, 3, mission: MissionTag.Kolaborasi, metrics: m, responses: 3), // only responses: 3 × 2 = 6
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([20m, 15m, 6m], Lines(r).Select(l => l.EngagementPoints));
        Assert.Equal(41m, r.Engagement);
    }

    [Fact]
    public void Tracked_visitors_are_credited_once_per_link_to_the_first_counted_share()
    {
        var rules = Plain with { EngagementWeights = [new(MissionTag.Transparansi, EngagementMetric.UniqueVisitors, 0.5m)] };
        var t = Published.AddHours(1);
        var shares = new[]
        {
            Share(1, 1, t.AddHours(1), assignment: 7, platform: Platform.X),
            Share(1, 1, t, state: ReportState.Pending, assignment: 7, platform: Platform.X),
            Share(1, 1, t.AddHours(2), assignment: 7, platform: Platform.X),
            Share(1, 1, t.AddHours(3), assignment: 7, platform: Platform.Facebook),
        };
        var visitors = new Dictionary<(int, Platform), int> { [(7, Platform.X)] = 40, [(7, Platform.Facebook)] = 4 };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1)], shares, visitors), 1);
        var lines = Lines(r);

        Assert.Equal([0, 40, 0, 4], lines.Select(l => l.Visitors)); // the pending one comes first but does not count
        Assert.Equal(22m, r.Engagement); // (40 + 4) × 0.5
    }

    [Fact]
    public void Timeliness_bonus_within_N_hours_of_publication_only()
    {
        var rules = Plain with { TimelyWithinHours = 24, TimelyBonus = 3m };
        var shares = new[]
        {
            Share(1, 1, Published.AddHours(24)),      // exactly 24 h: on time
            Share(1, 2, Published.AddHours(24).AddMinutes(1)),
            Share(1, 3, Published.AddMinutes(-5)),    // before publication (clock skew): no bonus
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([3m, 0m, 0m], Lines(r).OrderBy(l => l.ReportId).Select(l => l.TimelyPoints));
        Assert.Equal(3m, r.TimelyPoints);
        Assert.Equal(33m, r.Participation);
    }

    [Fact]
    public void Deduction_only_for_reports_finally_rejected_and_participation_never_below_zero()
    {
        var rules = Plain with { RejectedDeduction = 15m };
        var shares = new[]
        {
            Share(1, 1),
            Share(1, 2, state: ReportState.Rejected, corrections: 0),
            Share(1, 3, state: ReportState.Rejected, corrections: ReportWorkflow.MaxCorrections),
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([LineStatus.Counted, LineStatus.Rejected, LineStatus.RejectedFinal], Lines(r).Select(l => l.Status));
        Assert.Equal(15m, r.DeductionPoints);
        Assert.Equal(0m, r.Participation); // 10 − 15 floors at 0
        Assert.Equal(10m, r.SharePoints);
    }

    [Fact]
    public void Pending_and_outside_the_period_are_listed_with_their_reason()
    {
        var shares = new[]
        {
            Share(1, 1, new DateTime(2026, 9, 30, 16, 59, 0, DateTimeKind.Utc)), // 23:59 WIB on 30 Sep
            Share(1, 1, new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc)),  // 00:00 WIB on 1 Oct
            Share(1, 2, state: ReportState.Pending),
            Share(1, 3, new DateTime(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc)), // 00:00 WIB on 1 Nov
        };
        var r = Only(RewardEngine.Compute(Plain, October, [Pns(1, assignments: 3)], shares), 1);

        Assert.Equal([LineStatus.OutsidePeriod, LineStatus.Counted, LineStatus.NotVerified, LineStatus.OutsidePeriod],
            Lines(r).OrderBy(l => l.ReportId).Select(l => l.Status));
        Assert.Equal(1, r.CountedShares);
        Assert.Equal(3, r.UncountedShares);
    }

    [Fact]
    public void Score_keeps_participation_and_engagement_apart_so_a_small_account_can_win()
    {
        var rules = Plain with { EngagementWeights = [new(MissionTag.Transparansi, EngagementMetric.Views, 0.01m)], ParticipationWeightPercent = 60 };
        var small = new WeightedMetrics(100 * 100, 0, 0, 0, 0, 0);       // 100 views: 1 point a share
        var big = new WeightedMetrics(200_000 * 100, 0, 0, 0, 0, 0);     // 200,000 views: 2,000 points → capped at 1,000
        var shares = new List<ShareFacts>();
        for (var m = 1; m <= 10; m++) shares.Add(Share(1, m, metrics: small)); // shares all ten messages
        shares.Add(Share(2, 1, metrics: big));                                  // one big post
        var results = RewardEngine.Compute(rules, October, [Pns(1, assignments: 10), Pns(2, assignments: 10)], shares);
        var a = Only(results, 1);
        var b = Only(results, 2);

        // A: participation 100 (best) → 100; engagement 10 of best 1,000 → 1. Score 0.6 × 100 + 0.4 × 1 = 60.4.
        // B: participation 10 → 10; engagement 1,000 → 100. Score 0.6 × 10 + 0.4 × 100 = 46.
        Assert.Equal(60.4m, a.Score);
        Assert.Equal(46m, b.Score);
        Assert.Equal(1, a.Rank);
        Assert.Equal(2, b.Rank);
        Assert.Equal(50m, a.TopPercent);
        Assert.Equal(100m, b.TopPercent);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        var rules = Plain with { Recognition = new RecognitionRule(TopN: 1) };
        var shares = new[] { Share(1, 1), Share(2, 1), Share(3, 1, state: ReportState.Pending) };
        var results = RewardEngine.Compute(rules, October, [Pns(1), Pns(2), Pns(3)], shares);

        Assert.Equal(1, Only(results, 1).Rank);
        Assert.Equal(1, Only(results, 2).Rank);
        Assert.Equal(3, Only(results, 3).Rank);
        // The tie counts at its last place: 2 of 3.
        Assert.Equal(66.6667m, Only(results, 1).TopPercent);
        Assert.Equal(66.6667m, Only(results, 2).TopPercent);
        Assert.Equal(100m, Only(results, 3).TopPercent);
        Assert.True(Only(results, 1).Outcomes.HasFlag(RewardOutcomes.Recognition));
        Assert.True(Only(results, 2).Outcomes.HasFlag(RewardOutcomes.Recognition));
        Assert.False(Only(results, 3).Outcomes.HasFlag(RewardOutcomes.Recognition));
    }

    [Fact]
    public void Recognition_by_minimum_score_and_never_for_zero()
    {
        var rules = Plain with { Recognition = new RecognitionRule(TopN: null, MinScore: 50m) };
        var shares = new[] { Share(1, 1), Share(1, 2), Share(2, 1) };
        var results = RewardEngine.Compute(rules, October, [Pns(1, assignments: 2), Pns(2, assignments: 2), Pns(3, assignments: 2)], shares);

        Assert.Equal(60m, Only(results, 1).Score); // best participation, no engagement anywhere
        Assert.Equal(30m, Only(results, 2).Score);
        Assert.Equal(RewardOutcomes.Recognition, Only(results, 1).Outcomes);
        Assert.Equal(RewardOutcomes.None, Only(results, 2).Outcomes);
        Assert.Equal(RewardOutcomes.None, Only(results, 3).Outcomes);
    }

    [Theory]
    [InlineData(nameof(IneligibleReasons.LegalStatusNotActive))]
    [InlineData(nameof(IneligibleReasons.DisciplinarySanction))]
    [InlineData(nameof(IneligibleReasons.NeutralityBreach))]
    [InlineData(nameof(IneligibleReasons.ContractNotCurrent))]
    [InlineData(nameof(IneligibleReasons.ConsentWithdrawn))]
    public void Each_eligibility_gate_bars_rank_and_outcomes(string gate)
    {
        var reason = Enum.Parse<IneligibleReasons>(gate);
        var barred = reason switch
        {
            IneligibleReasons.LegalStatusNotActive => Pns(2) with { LegalStatus = LegalStatus.Cltn },
            IneligibleReasons.DisciplinarySanction => Pns(2) with { DisciplinarySanction = true },
            IneligibleReasons.NeutralityBreach => Pns(2) with { NeutralityBreach = true },
            IneligibleReasons.ContractNotCurrent => new AgentFacts(2, 1, EmploymentType.Pppk, ContractEnd: new DateOnly(2026, 10, 30), Assignments: 1),
            _ => Pns(2) with { ConsentWithdrawn = true },
        };
        var rules = Plain with { Recognition = new RecognitionRule(TopN: 5) };
        var results = RewardEngine.Compute(rules, October, [Pns(1), barred], [Share(1, 1), Share(2, 1), Share(2, 2)]);
        var r = Only(results, 2);

        Assert.Equal(reason, r.Ineligible);
        Assert.Null(r.Rank);
        Assert.Null(r.TopPercent);
        Assert.Equal(RewardOutcomes.None, r.Outcomes);
        Assert.Equal(20m, r.SharePoints); // the statement still shows what was done
        Assert.Equal(1, Only(results, 1).Rank); // and the eligible agent is first of one
        Assert.Equal(100m, Only(results, 1).TopPercent);
    }

    [Fact]
    public void A_PPPK_contract_running_to_the_period_end_passes_and_an_unknown_one_does_not()
    {
        var results = RewardEngine.Compute(Plain, October,
            [new AgentFacts(1, 1, EmploymentType.Pppk, ContractEnd: new DateOnly(2026, 10, 31)), new AgentFacts(2, 1, EmploymentType.PppkParuhWaktu)],
            [Share(1, 1), Share(2, 1)]);

        Assert.Equal(IneligibleReasons.None, Only(results, 1).Ineligible);
        Assert.Equal(IneligibleReasons.ContractNotCurrent, Only(results, 2).Ineligible);
    }

    [Fact]
    public void PNS_and_PPPK_have_different_recommendation_menus()
    {
        var rules = Plain with
        {
            Promotion = new PromotionRule(Enabled: true, TopPercent: 75, ConsecutivePeriods: 2, MinParticipationPercent: 100),
            Study = new StudyRule(Enabled: true, Kind: StudyKind.TugasBelajar, TopPercent: 75, MinParticipationPercent: 100),
            Development = new DevelopmentRule(Enabled: true, TopPercent: 75, MinParticipationPercent: 100),
        };
        var agents = new[]
        {
            Pns(1, assignments: 1, previous: [10m]),                                                  // top 25% now, top 10% last period
            new AgentFacts(2, 1, EmploymentType.Pppk, ContractEnd: new DateOnly(2027, 12, 31), Assignments: 1, PreviousTopPercents: [10m]),
            new AgentFacts(3, 1, EmploymentType.Cpns, Assignments: 1, PreviousTopPercents: [10m]),
            Pns(4, assignments: 1, previous: [90m]),
        };
        // Agents 1–3 tie at the top (rank 1; the tie's last place is 3 of 4: 75%); agent 4 shares nothing (100%).
        var results = RewardEngine.Compute(rules, October, agents, [Share(1, 1), Share(2, 1), Share(3, 1)]);

        Assert.Equal(RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation, Only(results, 1).Outcomes);
        Assert.Equal(2, Only(results, 1).PromotionStreak);
        Assert.Equal(RewardOutcomes.DevelopmentRecommendation, Only(results, 2).Outcomes);
        Assert.Equal(RewardOutcomes.None, Only(results, 3).Outcomes); // CPNS: no promotion, no study, not PPPK
        Assert.Equal(RewardOutcomes.None, Only(results, 4).Outcomes);
    }

    [Fact]
    public void Promotion_needs_the_streak_and_the_participation_rate()
    {
        // All four tie (each the top 100%), so the gate is set at 100% and the history decides.
        var rules = Plain with { Promotion = new PromotionRule(Enabled: true, TopPercent: 100, ConsecutivePeriods: 3, MinParticipationPercent: 50) };
        var agents = new[]
        {
            Pns(1, assignments: 2, previous: [20m, 40m]),   // streak 3, rate 50%: yes
            Pns(2, assignments: 2, previous: [20m, null]),  // not ranked two periods ago: streak 2
            Pns(3, assignments: 4, previous: [20m, 40m]),   // rate 1 of 4 = 25%: no
            Pns(4, assignments: 2, previous: [null, 10m]),  // not ranked in the previous period: the streak breaks there
        };
        var shares = new[] { Share(1, 1), Share(2, 1), Share(3, 1), Share(4, 1) };
        var results = RewardEngine.Compute(rules, October, agents, shares);

        Assert.Equal([3, 2, 3, 1], results.Select(r => r.PromotionStreak));
        Assert.True(Only(results, 1).Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
        Assert.False(Only(results, 2).Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
        Assert.False(Only(results, 3).Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
        Assert.False(Only(results, 4).Outcomes.HasFlag(RewardOutcomes.PromotionRecommendation));
        Assert.Equal(50m, RewardEngine.ParticipationPercent(Only(results, 1)));
        Assert.Equal(25m, RewardEngine.ParticipationPercent(Only(results, 3)));
    }

    private static RewardRules WithIncentive(long budget, params IncentiveTier[] tiers) => Plain with
    {
        Incentive = new IncentiveRule(Enabled: true, LegalBasis: "Perbup 12/2026", BudgetLine: "DPA 5.1.02", Budget: budget, Tiers: tiers),
    };

    [Fact]
    public void Incentives_within_budget_are_paid_as_tiered()
    {
        var rules = WithIncentive(10_000_000, new IncentiveTier(1, 1, 1_500_000), new IncentiveTier(2, 3, 750_000));
        var shares = new[] { Share(1, 1), Share(1, 2), Share(1, 3), Share(2, 1), Share(2, 2), Share(3, 1), Share(4, 1) };
        var results = RewardEngine.Compute(rules, October, Enumerable.Range(1, 4).Select(i => Pns(i, assignments: 3)), shares);

        // Ranks 1, 2, 3, 3: agents 3 and 4 tie at rank 3 and both fall in the 2–3 tier.
        Assert.Equal([1, 2, 3, 3], results.Select(r => r.Rank!.Value));
        Assert.Equal([1_500_000L, 750_000, 750_000, 750_000], results.Select(r => r.IncentiveAmount));
        Assert.True(Only(results, 1).Outcomes.HasFlag(RewardOutcomes.Incentive));
    }

    [Fact]
    public void Ties_at_a_tier_edge_both_get_the_tier()
    {
        var rules = WithIncentive(10_000_000, new IncentiveTier(1, 3, 750_000));
        var shares = new[] { Share(1, 1), Share(1, 2), Share(2, 1), Share(3, 1), Share(4, 1) };
        var results = RewardEngine.Compute(rules, October, Enumerable.Range(1, 4).Select(i => Pns(i, assignments: 2)), shares);

        Assert.Equal([1, 2, 2, 2], results.Select(r => r.Rank!.Value));
        Assert.All(results, r => Assert.Equal(750_000, r.IncentiveAmount));
    }

    [Fact]
    public void Budget_cap_prorates_to_whole_rupiah_and_the_total_is_exactly_the_budget()
    {
        // Three agents at 1,000,000 each against a 2,000,000 budget: 666,666.67 each.
        // Floors 666,666 × 3 = 1,999,998; the 2 rupiah left go to the largest remainders (all equal: ranks 1 and 2).
        var rules = WithIncentive(2_000_000, new IncentiveTier(1, 3, 1_000_000));
        var shares = new[] { Share(1, 1), Share(1, 2), Share(1, 3), Share(2, 1), Share(2, 2), Share(3, 1) };
        var results = RewardEngine.Compute(rules, October, Enumerable.Range(1, 3).Select(i => Pns(i, assignments: 3)), shares);

        Assert.Equal([666_667L, 666_667, 666_666], results.Select(r => r.IncentiveAmount));
        Assert.Equal(2_000_000, results.Sum(r => r.IncentiveAmount));
        Assert.All(results, r => Assert.Equal(1_000_000, r.IncentiveTierAmount));
    }

    [Fact]
    public void Budget_cap_with_unequal_tiers_never_exceeds_the_budget()
    {
        // Tiers 1,000,000 / 500,000 / 500,000 = 2,000,000 against 1,000,001:
        // exact shares 500,000.5 / 250,000.25 / 250,000.25 → floors 500,000 + 250,000 + 250,000 = 1,000,000;
        // the one rupiah left goes to the largest remainder (rank 1: .5).
        var rules = WithIncentive(1_000_001, new IncentiveTier(1, 1, 1_000_000), new IncentiveTier(2, 3, 500_000));
        var shares = new[] { Share(1, 1), Share(1, 2), Share(1, 3), Share(2, 1), Share(2, 2), Share(3, 1) };
        var results = RewardEngine.Compute(rules, October, Enumerable.Range(1, 3).Select(i => Pns(i, assignments: 3)), shares);

        Assert.Equal([500_001L, 250_000, 250_000], results.Select(r => r.IncentiveAmount));
        Assert.Equal(1_000_001, results.Sum(r => r.IncentiveAmount));
    }

    [Theory]
    [InlineData(false, "Perbup 12/2026", "DPA 5.1.02", 1_000_000)]
    [InlineData(true, null, "DPA 5.1.02", 1_000_000)]
    [InlineData(true, "Perbup 12/2026", "", 1_000_000)]
    [InlineData(true, "Perbup 12/2026", "DPA 5.1.02", 0)]
    public void No_cash_without_legal_basis_budget_line_and_budget(bool enabled, string? basis, string? line, long budget)
    {
        var rules = Plain with { Incentive = new IncentiveRule(enabled, basis, line, budget, [new(1, 10, 100_000)]) };
        var results = RewardEngine.Compute(rules, October, [Pns(1)], [Share(1, 1)]);

        Assert.Equal(0, Only(results, 1).IncentiveAmount);
        Assert.False(Only(results, 1).Outcomes.HasFlag(RewardOutcomes.Incentive));
    }

    [Fact]
    public void Ineligible_agents_get_no_incentive_and_do_not_take_a_tier()
    {
        var rules = WithIncentive(10_000_000, new IncentiveTier(1, 1, 1_000_000), new IncentiveTier(2, 2, 400_000));
        var shares = new[] { Share(1, 1), Share(1, 2), Share(1, 3), Share(2, 1), Share(2, 2), Share(3, 1) };
        var agents = new[] { Pns(1, assignments: 3) with { DisciplinarySanction = true }, Pns(2, assignments: 3), Pns(3, assignments: 3) };
        var results = RewardEngine.Compute(rules, October, agents, shares);

        Assert.Equal([0L, 1_000_000, 400_000], results.Select(r => r.IncentiveAmount));
    }

    [Fact]
    public void Unit_rank_is_among_the_units_eligible_agents()
    {
        var shares = new[] { Share(1, 1), Share(1, 2), Share(2, 1), Share(3, 1), Share(3, 2), Share(3, 3) };
        var results = RewardEngine.Compute(Plain, October, [Pns(1, unit: 10, assignments: 3), Pns(2, unit: 10, assignments: 3), Pns(3, unit: 20, assignments: 3)], shares);

        Assert.Equal([2, 3, 1], results.Select(r => r.Rank!.Value));
        Assert.Equal([1, 2, 1], results.Select(r => r.UnitRank!.Value));
    }

    [Fact]
    public void Statement_lines_add_up_to_the_totals()
    {
        var rules = Plain with
        {
            CapPerMessage = 1, TimelyBonus = 2m, RejectedDeduction = 1.5m,
            EngagementWeights = [new(MissionTag.Transparansi, EngagementMetric.Views, 0.013m)],
        };
        var m = new WeightedMetrics(1234 * 70, 0, 0, 0, 0, 0);
        var shares = new[]
        {
            Share(1, 1, metrics: m), Share(1, 1, metrics: m), Share(1, 2, Published.AddDays(3), metrics: m),
            Share(1, 3, state: ReportState.Rejected, corrections: 1),
        };
        var r = Only(RewardEngine.Compute(rules, October, [Pns(1, assignments: 3)], shares), 1);
        var lines = Lines(r);

        Assert.Equal(r.SharePoints, lines.Sum(l => l.SharePoints));
        Assert.Equal(r.TimelyPoints, lines.Sum(l => l.TimelyPoints));
        Assert.Equal(r.Engagement, lines.Sum(l => l.EngagementPoints));
        Assert.Equal(r.DeductionPoints, lines.Sum(l => l.Deduction));
        Assert.Equal(r.SharePoints + r.TimelyPoints - r.DeductionPoints, r.Participation);
        // 1234 × 0.7 = 863.8 views × 0.013 = 11.2294 → 11.23 per counted share.
        Assert.Equal(11.23m, lines[0].EngagementPoints);
    }

    [Fact]
    public void Same_inputs_in_any_order_give_the_same_results_to_the_rupiah()
    {
        var rules = RewardRules.Default with
        {
            Incentive = new IncentiveRule(true, "Perbup 12/2026", "DPA 5.1.02", 25_000_000, [new(1, 10, 2_000_000), new(11, 50, 500_000), new(51, 200, 100_000)]),
        };
        var (agents, shares, visitors) = Generated(seed: 20261204, agents: 1500, shares: 40_000);
        var first = RewardEngine.Compute(rules, October, agents, shares, visitors);

        var random = new Random(7);
        var shuffledAgents = agents.OrderBy(_ => random.Next()).ToList();
        var shuffledShares = shares.OrderBy(_ => random.Next()).ToList();
        var second = RewardEngine.Compute(rules, October, shuffledAgents, shuffledShares, visitors);

        Assert.Equal(RewardEngine.HashOf(first), RewardEngine.HashOf(second));
        Assert.Equal(first.Sum(r => r.IncentiveAmount), second.Sum(r => r.IncentiveAmount));
        Assert.True(first.Sum(r => r.IncentiveAmount) <= 25_000_000);
        Assert.Equal(25_000_000, first.Sum(r => r.IncentiveAmount)); // the cap binds on this case
        Assert.True(first.Count(r => r.Outcomes != RewardOutcomes.None) > 10);
        Assert.True(first.Count(r => !r.IsEligible) > 10);

        // A different input changes the hash (the hash is not a constant).
        var changed = RewardEngine.Compute(rules, October, agents, shares.Skip(1), visitors);
        Assert.NotEqual(RewardEngine.HashOf(first), RewardEngine.HashOf(changed));
    }

    private static (List<AgentFacts>, List<ShareFacts>, Dictionary<(int, Platform), int>) Generated(int seed, int agents, int shares)
    {
        var rnd = new Random(seed);
        var facts = new List<AgentFacts>();
        for (var i = 1; i <= agents; i++)
        {
            var type = rnd.Next(4) == 0 ? EmploymentType.Pppk : EmploymentType.Pns;
            facts.Add(new AgentFacts(i, rnd.Next(1, 30), type,
                rnd.Next(50) == 0 ? LegalStatus.Cltn : LegalStatus.Aktif,
                rnd.Next(80) == 0, rnd.Next(100) == 0,
                type == EmploymentType.Pppk ? new DateOnly(2026, 6, 1).AddMonths(rnd.Next(12)) : null,
                rnd.Next(90) == 0, rnd.Next(5, 20),
                [rnd.Next(3) == 0 ? null : rnd.Next(1, 100)]));
        }
        var list = new List<ShareFacts>();
        var platforms = Enum.GetValues<Platform>();
        var missions = Enum.GetValues<MissionTag>();
        var visitors = new Dictionary<(int, Platform), int>();
        for (var i = 1; i <= shares; i++)
        {
            var agent = 1 + (int)(Math.Pow(rnd.NextDouble(), 2) * agents); // skewed: some agents share much more
            var message = rnd.Next(1, 40);
            var platform = platforms[rnd.Next(platforms.Length)];
            var state = rnd.Next(10) switch { 0 => ReportState.Pending, 1 => ReportState.Rejected, _ => ReportState.Verified };
            var posted = new DateTime(2026, 9, 28, 0, 0, 0, DateTimeKind.Utc).AddMinutes(rnd.Next(0, 36 * 24 * 60));
            var assignment = agent * 1000 + message;
            var metrics = new WeightedMetrics(rnd.Next(0, 50_000) * 40L, rnd.Next(0, 20_000) * 70L, rnd.Next(0, 500) * 100L, rnd.Next(0, 80) * 90L, rnd.Next(0, 40) * 100L, rnd.Next(0, 30) * 40L);
            list.Add(new ShareFacts(i, agent, message, assignment, platform, posted, state, rnd.Next(2), missions[message % 3], posted.AddHours(-rnd.Next(0, 72)), metrics, rnd.Next(4) == 0 ? rnd.Next(1, 4) : 0));
            if (rnd.Next(3) == 0) visitors[(assignment, platform)] = rnd.Next(1, 300);
        }
        return (facts, list, visitors);
    }
}
