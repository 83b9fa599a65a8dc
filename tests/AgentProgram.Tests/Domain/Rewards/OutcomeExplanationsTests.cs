using AgentProgram.Tests.Localization;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Rewards;

/// <summary>What a statement says about each outcome on the agent's menu, and why one was not reached.</summary>
public sealed partial class OutcomeExplanationsTests
{
    private static readonly RewardRules Rules = new()
    {
        Recognition = new RecognitionRule(TopN: 10),
        Incentive = new IncentiveRule(),
        Promotion = new PromotionRule(Enabled: true, TopPercent: 10, ConsecutivePeriods: 2, MinParticipationPercent: 80),
        Study = new StudyRule(Enabled: true, Kind: StudyKind.IzinBelajar, TopPercent: 5, MinParticipationPercent: 80),
        Development = new DevelopmentRule(Enabled: true, TopPercent: 20, MinParticipationPercent: 60),
    };

    private static readonly RewardRules Lawful = Rules with
    {
        Incentive = new IncentiveRule(true, "Perwali 12/2026", "5.1.02", 10_000_000, [new IncentiveTier(1, 3, 1_000_000), new IncentiveTier(4, 5, 500_000)]),
    };

    private static RewardResult Result(EmploymentType type = EmploymentType.Pns, int? rank = 3, decimal? top = 7.5m, decimal score = 80m, int streak = 1,
        RewardOutcomes outcomes = RewardOutcomes.Recognition, int assignments = 10, int shared = 10, IneligibleReasons ineligible = IneligibleReasons.None) => new()
    {
        AgentId = 1, EmploymentType = type, Rank = rank, TopPercent = top, Score = score, PromotionStreak = streak, Outcomes = outcomes,
        Assignments = assignments, AssignmentsShared = shared, Ineligible = ineligible,
    };

    private static List<string> Missing(OutcomeExplanation e) => [.. e.Missing.Select(m => m.ToIndonesian())];

    [Fact]
    public void Each_employment_type_has_its_own_menu()
    {
        Assert.Equal([RewardOutcomes.Recognition, RewardOutcomes.PromotionRecommendation, RewardOutcomes.StudyRecommendation],
            OutcomeExplanations.Explain(Result(EmploymentType.Pns), Rules, 40).Select(e => e.Outcome));
        Assert.Equal([RewardOutcomes.Recognition, RewardOutcomes.DevelopmentRecommendation],
            OutcomeExplanations.Explain(Result(EmploymentType.Pppk), Rules, 40).Select(e => e.Outcome));
        Assert.Equal([RewardOutcomes.Recognition, RewardOutcomes.DevelopmentRecommendation],
            OutcomeExplanations.Explain(Result(EmploymentType.PppkParuhWaktu), Rules, 40).Select(e => e.Outcome));
        Assert.Equal([RewardOutcomes.Recognition], OutcomeExplanations.Explain(Result(EmploymentType.Cpns), Rules, 40).Select(e => e.Outcome));

        // Cash appears only when the scheme makes it lawful (legal basis, budget line, budget, tiers).
        Assert.Equal([RewardOutcomes.Recognition, RewardOutcomes.Incentive],
            OutcomeExplanations.Explain(Result(EmploymentType.Cpns), Lawful, 40).Select(e => e.Outcome));
        Assert.Equal([RewardOutcomes.Recognition, RewardOutcomes.Incentive, RewardOutcomes.DevelopmentRecommendation],
            OutcomeExplanations.Explain(Result(EmploymentType.Pppk), Lawful, 40).Select(e => e.Outcome));
    }

    [Fact]
    public void Recommendations_are_worded_for_consideration_never_as_decisions()
    {
        var labels = OutcomeExplanations.Explain(Result(), Rules, 40).Skip(1).Select(e => e.Label)
            .Concat(OutcomeExplanations.Explain(Result(EmploymentType.Pppk), Rules, 40).Skip(1).Select(e => e.Label)).ToList();
        Assert.Equal(3, labels.Count);
        Assert.All(labels, l => Assert.StartsWith("Direkomendasikan untuk dipertimbangkan", l, StringComparison.Ordinal));
        Assert.All(labels, l => Assert.DoesNotContain("ditetapkan", l, StringComparison.OrdinalIgnoreCase));
        Assert.All(labels, l => Assert.DoesNotContain("diberikan", l, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(OutcomeExplanations.StudyIzin, labels[1]);

        var tugas = Rules with { Study = Rules.Study with { Kind = StudyKind.TugasBelajar } };
        Assert.Equal(OutcomeExplanations.StudyTugas, OutcomeExplanations.Explain(Result(), tugas, 40)[2].Label);
    }

    [Fact]
    public void A_promotion_not_reached_says_how_many_consecutive_periods_were_missing()
    {
        var e = OutcomeExplanations.Explain(Result(streak: 1), Rules, 40).Single(x => x.Outcome == RewardOutcomes.PromotionRecommendation);

        Assert.False(e.Reached);
        Assert.Equal(["Perlu masuk 10% teratas pada 2 periode berturut-turut; tercapai 1"], Missing(e));
    }

    [Fact]
    public void A_low_participation_rate_is_named_with_both_percentages()
    {
        var result = Result(top: 2m, rank: 1, streak: 2, assignments: 8, shared: 4);
        var explained = OutcomeExplanations.Explain(result, Rules, 40);

        Assert.Equal(["Persentase partisipasi minimal 80%; Anda 50%"], Missing(explained.Single(x => x.Outcome == RewardOutcomes.PromotionRecommendation)));
        Assert.Equal(["Persentase partisipasi minimal 80%; Anda 50%"], Missing(explained.Single(x => x.Outcome == RewardOutcomes.StudyRecommendation)));
    }

    [Fact]
    public void A_rank_or_top_percent_too_low_is_named_with_the_agents_own_figure()
    {
        var explained = OutcomeExplanations.Explain(Result(rank: 12, top: 30m, outcomes: RewardOutcomes.None), Rules, 40);

        Assert.Equal(["Perlu peringkat ≤ 10; peringkat Anda 12 dari 40"], Missing(explained[0]));
        Assert.Equal(["Perlu masuk 5% teratas; Anda di 30% teratas"], Missing(explained.Single(x => x.Outcome == RewardOutcomes.StudyRecommendation)));

        var pppk = OutcomeExplanations.Explain(Result(EmploymentType.Pppk, rank: 12, top: 22.5m, outcomes: RewardOutcomes.None, shared: 5), Rules, 40);
        Assert.Equal(["Perlu masuk 20% teratas; Anda di 22,5% teratas", "Persentase partisipasi minimal 60%; Anda 50%"],
            Missing(pppk.Single(x => x.Outcome == RewardOutcomes.DevelopmentRecommendation)));
    }

    [Fact]
    public void Recognition_by_rank_or_score_names_both_ways_in()
    {
        var rules = Rules with { Recognition = new RecognitionRule(TopN: 5, MinScore: 75m) };
        var e = OutcomeExplanations.Explain(Result(rank: 8, score: 60.5m, outcomes: RewardOutcomes.None), rules, 40)[0];

        Assert.Equal(["Perlu peringkat ≤ 5 atau skor minimal 75; peringkat Anda 8 dari 40, skor Anda 60,5"], Missing(e));
    }

    [Fact]
    public void An_incentive_outside_every_paid_tier_names_the_last_paid_rank()
    {
        var e = OutcomeExplanations.Explain(Result(rank: 9, outcomes: RewardOutcomes.Recognition), Lawful, 40).Single(x => x.Outcome == RewardOutcomes.Incentive);
        Assert.Equal(["Perlu peringkat ≤ 5; peringkat Anda 9 dari 40"], Missing(e));

        var reached = OutcomeExplanations.Explain(Result(rank: 2, outcomes: RewardOutcomes.Recognition | RewardOutcomes.Incentive), Lawful, 40)
            .Single(x => x.Outcome == RewardOutcomes.Incentive);
        Assert.True(reached.Reached);
        Assert.Empty(reached.Missing);
    }

    [Fact]
    public void A_score_of_zero_is_said_first()
    {
        var e = OutcomeExplanations.Explain(Result(rank: 3, score: 0m, outcomes: RewardOutcomes.None), Rules, 40)[0];
        Assert.Equal("Perlu skor lebih dari 0; skor Anda 0", Missing(e)[0]);
    }

    [Fact]
    public void An_ineligible_agent_is_told_each_reason_for_every_outcome()
    {
        var result = Result(rank: null, top: null, outcomes: RewardOutcomes.None,
            ineligible: IneligibleReasons.DisciplinarySanction | IneligibleReasons.NeutralityBreach);
        var explained = OutcomeExplanations.Explain(result, Rules, 40);

        Assert.All(explained, e => Assert.False(e.Reached));
        Assert.All(explained, e => Assert.Equal(
            ["Tidak memenuhi syarat: tercatat hukuman disiplin pada periode ini", "Tidak memenuhi syarat: tercatat pelanggaran netralitas atau etika pada periode ini"],
            Missing(e)));
        Assert.Equal(5, OutcomeExplanations.ReasonsOf((IneligibleReasons)31).Count);
        Assert.Empty(OutcomeExplanations.ReasonsOf(IneligibleReasons.None));
    }

    [Fact]
    public void Reached_outcomes_have_nothing_missing()
    {
        var all = RewardOutcomes.Recognition | RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation;
        var explained = OutcomeExplanations.Explain(Result(rank: 1, top: 2.5m, streak: 2, outcomes: all), Rules, 40);
        Assert.All(explained, e => Assert.True(e.Reached));
        Assert.All(explained, e => Assert.Empty(e.Missing));
    }

    [Theory]
    [InlineData("0.5", OutcomeExplanations.BandTop10)]
    [InlineData("10", OutcomeExplanations.BandTop10)]
    [InlineData("10.01", OutcomeExplanations.BandTop25)]
    [InlineData("25", OutcomeExplanations.BandTop25)]
    [InlineData("25.5", OutcomeExplanations.BandTop50)]
    [InlineData("50", OutcomeExplanations.BandTop50)]
    [InlineData("50.01", OutcomeExplanations.BandBottom50)]
    [InlineData("100", OutcomeExplanations.BandBottom50)]
    public void Rank_bands_follow_the_top_percent(string topPercent, string band) =>
        Assert.Equal(band, OutcomeExplanations.RankBand(decimal.Parse(topPercent, CultureInfo.InvariantCulture)));

    [Fact]
    public void Every_text_has_an_English_translation_with_the_same_placeholders()
    {
        var consts = TextConstants.Of(typeof(OutcomeExplanations)).Select(row => (string)row[1]).ToList();
        Assert.Equal(consts.Order(StringComparer.Ordinal), OutcomeExplanations.AllTexts.Order(StringComparer.Ordinal));

        var english = JsonStringLocalizerFactory.LoadEnglish();
        foreach (var text in consts)
        {
            Assert.True(english.TryGetValue(text, out var translation), $"No English for \"{text}\"");
            Assert.NotEqual(text, translation);
            Assert.Equal(TextConstants.Placeholders(text), TextConstants.Placeholders(translation!));
        }
    }

}
