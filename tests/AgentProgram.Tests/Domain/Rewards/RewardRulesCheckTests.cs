using AgentProgram.Tests.Localization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Rewards;

public sealed partial class RewardRulesCheckTests
{
    private static readonly IncentiveRule Lawful = new(true, "Perwali Kota Uji No. 12 Tahun 2026", "DPA Diskominfo 2.16.01", 10_000_000,
        [new(1, 1, 1_000_000), new(2, 5, 500_000)]);

    private static IReadOnlyList<RuleProblem> Check(RewardRules rules) => RewardRulesCheck.Check(rules);

    private static RuleProblem Single(RewardRules rules, string field) =>
        Assert.Single(Check(rules), p => p.Field == field);

    [Fact]
    public void The_default_rules_and_a_lawful_incentive_pass()
    {
        Assert.Empty(Check(RewardRules.Default));
        Assert.Empty(Check(RewardRules.Default with { Incentive = Lawful }));
    }

    [Fact]
    public void Negative_points_bonus_deduction_and_engagement_weights_are_refused()
    {
        var rules = RewardRules.Default with
        {
            PointsPerShare = -1,
            TimelyBonus = -0.5m,
            RejectedDeduction = -2,
            EngagementWeights = [new(MissionTag.Transparansi, EngagementMetric.Views, 0.01m), new(MissionTag.Partisipasi, EngagementMetric.Comments, -1)],
        };

        var problems = Check(rules);

        Assert.Equal(["PointsPerShare", "TimelyBonus", "RejectedDeduction", "EngagementWeights[1].PointsPerUnit"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(RewardRulesTexts.NotNegative, p.Message));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.5)]
    public void A_platform_weight_outside_0_to_10_is_refused(double weight)
    {
        var rules = RewardRules.Default with { PlatformWeights = [new(Platform.Instagram, 1m), new(Platform.WhatsApp, (decimal)weight)] };

        var p = Single(rules, "PlatformWeights[1].Weight");

        Assert.Equal(RewardRulesTexts.Between, p.Message);
        Assert.Equal("Harus antara 0 dan 10.", p.ToIndonesian());
    }

    [Fact]
    public void A_platform_listed_twice_is_refused()
    {
        var rules = RewardRules.Default with { PlatformWeights = [new(Platform.X, 1m), new(Platform.X, 0.5m)] };

        Assert.Equal("Platform X tercantum lebih dari sekali.", Single(rules, "PlatformWeights[1].Weight").ToIndonesian());
    }

    [Fact]
    public void Caps_below_1_are_refused_and_no_cap_is_allowed()
    {
        var rules = RewardRules.Default with { CapPerMessage = 0, CapPerDay = -3, CapPerPeriod = null };

        var problems = Check(rules);

        Assert.Equal(["CapPerMessage", "CapPerDay"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(RewardRulesTexts.CapAtLeastOne, p.Message));
        Assert.Empty(Check(RewardRules.Default with { CapPerMessage = 1, CapPerDay = null }));
    }

    [Fact]
    public void Timeliness_hours_and_the_engagement_cap_must_be_sensible()
    {
        Assert.Equal(RewardRulesTexts.TimelyHours, Single(RewardRules.Default with { TimelyWithinHours = 0 }, "TimelyWithinHours").Message);
        Assert.Equal(RewardRulesTexts.TimelyHours, Single(RewardRules.Default with { TimelyWithinHours = 721 }, "TimelyWithinHours").Message);
        Assert.Equal(RewardRulesTexts.EngagementCap, Single(RewardRules.Default with { EngagementCapPerShare = 0.5m }, "EngagementCapPerShare").Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Percentages_outside_0_to_100_are_refused(int percent)
    {
        var rules = RewardRules.Default with
        {
            ParticipationWeightPercent = percent,
            EvidenceFactors = [new(MetricSource.Screenshot, percent)],
            Promotion = new PromotionRule(MinParticipationPercent: percent),
            Study = new StudyRule(MinParticipationPercent: percent),
            Development = new DevelopmentRule(MinParticipationPercent: percent),
        };

        // (101% for screenshots also breaks the evidence order; that problem is checked on its own elsewhere.)
        var problems = Check(rules).Where(p => p.Message == RewardRulesTexts.PercentRange);

        Assert.Equal(["EvidenceFactors[0].Percent", "ParticipationWeightPercent", "Promotion.MinParticipationPercent", "Study.MinParticipationPercent", "Development.MinParticipationPercent"],
            problems.Select(p => p.Field));
        Assert.Empty(Check(RewardRules.Default with { ParticipationWeightPercent = 0 }));
        Assert.Empty(Check(RewardRules.Default with { ParticipationWeightPercent = 100 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    public void A_top_percent_must_be_above_0_and_at_most_100(double top)
    {
        var rules = RewardRules.Default with
        {
            Promotion = new PromotionRule(TopPercent: (decimal)top),
            Study = new StudyRule(TopPercent: (decimal)top),
            Development = new DevelopmentRule(TopPercent: (decimal)top),
        };

        Assert.Equal(["Promotion.TopPercent", "Study.TopPercent", "Development.TopPercent"], Check(rules).Select(p => p.Field));
    }

    [Fact]
    public void Promotion_needs_at_least_one_consecutive_period()
    {
        var p = Single(RewardRules.Default with { Promotion = new PromotionRule(ConsecutivePeriods: 0) }, "Promotion.ConsecutivePeriods");

        Assert.Equal(RewardRulesTexts.ConsecutivePeriods, p.Message);
        Assert.Empty(Check(RewardRules.Default with { Promotion = new PromotionRule(ConsecutivePeriods: 1) }));
    }

    [Fact]
    public void Recognition_needs_a_top_n_of_at_least_1_or_a_score_in_range_and_at_least_one_of_them()
    {
        Assert.Equal(RewardRulesTexts.RecognitionTopN, Single(RewardRules.Default with { Recognition = new(0) }, "Recognition.TopN").Message);
        Assert.Equal(RewardRulesTexts.RecognitionMinScore, Single(RewardRules.Default with { Recognition = new(10, 120) }, "Recognition.MinScore").Message);
        Assert.Equal(RewardRulesTexts.RecognitionNone, Single(RewardRules.Default with { Recognition = new(null, null) }, "Recognition.TopN").Message);
        Assert.Empty(Check(RewardRules.Default with { Recognition = new(null, 75) }));
    }

    [Fact]
    public void An_enabled_incentive_without_legal_basis_budget_line_budget_or_tiers_is_refused()
    {
        var rules = RewardRules.Default with { Incentive = new IncentiveRule(true, "  ", null, 0, []) };

        var problems = Check(rules);

        Assert.Equal(["Incentive.LegalBasis", "Incentive.BudgetLine", "Incentive.Budget", "Incentive.Tiers"], problems.Select(p => p.Field));
        Assert.Equal([RewardRulesTexts.LegalBasisRequired, RewardRulesTexts.BudgetLineRequired, RewardRulesTexts.BudgetRequired, RewardRulesTexts.TiersRequired],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void A_disabled_incentive_may_be_incomplete_but_its_tiers_must_still_be_sound()
    {
        Assert.Empty(Check(RewardRules.Default with { Incentive = new IncentiveRule(false, null, null, 0, [new(1, 3, 100_000)]) }));
        Assert.Single(Check(RewardRules.Default with { Incentive = new IncentiveRule(false, Tiers: [new(1, 3, 0)]) }), p => p.Field == "Incentive.Tiers[0].Amount");
    }

    [Fact]
    public void Tiers_with_a_reversed_range_a_rank_below_1_or_no_amount_are_refused()
    {
        var rules = RewardRules.Default with
        {
            Incentive = Lawful with { Tiers = [new(0, 2, 100), new(5, 3, 100), new(6, 8, 0), new(9, 9, -5)] },
        };

        var problems = Check(rules);

        Assert.Equal(["Incentive.Tiers[0].FromRank", "Incentive.Tiers[1].ToRank", "Incentive.Tiers[2].Amount", "Incentive.Tiers[3].Amount"], problems.Select(p => p.Field));
        Assert.Equal("Peringkat awal (5) tidak boleh lebih besar dari peringkat akhir (3).", problems[1].ToIndonesian());
    }

    [Fact]
    public void Overlapping_tiers_are_refused_in_any_order_and_touching_tiers_are_not()
    {
        var overlap = RewardRules.Default with { Incentive = Lawful with { Tiers = [new(4, 10, 100_000), new(1, 4, 500_000)] } };

        var p = Single(overlap, "Incentive.Tiers[1].FromRank");

        Assert.Equal("Peringkat 1–4 tumpang tindih dengan tingkat peringkat 4–10.", p.ToIndonesian());
        Assert.Empty(Check(RewardRules.Default with { Incentive = Lawful with { Tiers = [new(1, 3, 500_000), new(4, 10, 100_000)] } }));
    }

    [Fact]
    public void An_overlong_legal_basis_or_budget_line_is_refused()
    {
        var rules = RewardRules.Default with { Incentive = Lawful with { LegalBasis = new string('a', 501), BudgetLine = new string('b', 201) } };

        Assert.Equal(["Incentive.LegalBasis", "Incentive.BudgetLine"], Check(rules).Select(p => p.Field));
    }

    [Fact]
    public void Rules_round_trip_through_json_and_still_pass()
    {
        var rules = RewardRules.Default with { Incentive = Lawful, Study = new StudyRule(Kind: StudyKind.TugasBelajar) };

        var back = RewardRules.FromJson(rules.ToJson());

        Assert.Empty(Check(back));
        Assert.Equal(StudyKind.TugasBelajar, back.Study.Kind);
        Assert.Equal(2, back.Incentive.TierList.Count);
    }

    public static TheoryData<string, string> Texts() => TextConstants.Of(typeof(RewardRulesTexts));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_has_an_English_translation_with_the_same_placeholders(string name, string indonesian)
    {
        var english = JsonStringLocalizerFactory.LoadEnglish();

        Assert.True(english.TryGetValue(indonesian, out var translation), $"RewardRulesTexts.{name} has no entry in Resources/*.en.json");
        Assert.NotEqual(indonesian, translation);
        Assert.Equal(TextConstants.Placeholders(indonesian), TextConstants.Placeholders(translation!));
    }

}
