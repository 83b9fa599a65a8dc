using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>A text about an outcome: an Indonesian composite format string (the localizer key) and its arguments.</summary>
public sealed record OutcomeText(string Message, IReadOnlyList<object> Args) : IReportText
{
    public static OutcomeText Of(string message, params object[] args) => new(message, args);
}

/// <summary>One outcome of the agent's menu: its label (a localizer key), whether it was reached and, if not, what was missing.</summary>
public sealed record OutcomeExplanation(RewardOutcomes Outcome, string Label, bool Reached, IReadOnlyList<OutcomeText> Missing);

/// <summary>
/// What an agent's statement says about outcomes (pure). The menu depends on the employment type:
/// PNS piagam, insentif (only when lawful), promotion and study recommendations; PPPK piagam,
/// insentif and competence development; CPNS piagam and insentif. Recommendations are for the
/// authorised body to consider, never decisions. Texts are Indonesian localizer keys
/// (English in Resources/MyRewards.en.json, same placeholders; a test checks both).
/// </summary>
public static class OutcomeExplanations
{
    // Labels.
    public const string Recognition = "Piagam Penghargaan";
    public const string Incentive = "Insentif";
    public const string Promotion = "Direkomendasikan untuk dipertimbangkan kenaikan pangkat/jabatan";
    public const string StudyTugas = "Direkomendasikan untuk dipertimbangkan tugas belajar";
    public const string StudyIzin = "Direkomendasikan untuk dipertimbangkan izin belajar";
    public const string Development = "Direkomendasikan untuk dipertimbangkan pengembangan kompetensi";

    // What was missing. Ranks and counts are ints, percents and scores decimals.
    public const string NeedRank = "Perlu peringkat ≤ {0:N0}; peringkat Anda {1:N0} dari {2:N0}";
    public const string NeedRankOrScore = "Perlu peringkat ≤ {0:N0} atau skor minimal {1:0.##}; peringkat Anda {2:N0} dari {3:N0}, skor Anda {4:0.##}";
    public const string NeedScore = "Perlu skor minimal {0:0.##}; skor Anda {1:0.##}";
    public const string NeedPositiveScore = "Perlu skor lebih dari 0; skor Anda 0";
    public const string NeedTopPercent = "Perlu masuk {0:0.##}% teratas; Anda di {1:0.##}% teratas";
    public const string NeedStreak = "Perlu masuk {0:0.##}% teratas pada {1:N0} periode berturut-turut; tercapai {2:N0}";
    public const string NeedParticipation = "Persentase partisipasi minimal {0}%; Anda {1:0.##}%";
    public const string BudgetExhausted = "Anggaran insentif tidak cukup: setelah dibagi pro rata, bagian Anda kurang dari Rp 1";
    public const string NotEligible = "Tidak memenuhi syarat: {0}";

    // Ineligibility reasons (TextKey arguments of NotEligible).
    public const string ReasonLegalStatus = "kedudukan hukum tidak aktif";
    public const string ReasonDisciplinary = "tercatat hukuman disiplin pada periode ini";
    public const string ReasonNeutrality = "tercatat pelanggaran netralitas atau etika pada periode ini";
    public const string ReasonContract = "kontrak PPPK tidak berlaku sampai akhir periode";
    public const string ReasonConsent = "persetujuan penggunaan data ditarik";

    // Rank bands.
    public const string BandTop10 = "10% teratas";
    public const string BandTop25 = "25% teratas";
    public const string BandTop50 = "50% teratas";
    public const string BandBottom50 = "50% terbawah";

    public static readonly IReadOnlyList<string> AllTexts =
    [
        Recognition, Incentive, Promotion, StudyTugas, StudyIzin, Development,
        NeedRank, NeedRankOrScore, NeedScore, NeedPositiveScore, NeedTopPercent, NeedStreak, NeedParticipation, BudgetExhausted, NotEligible,
        ReasonLegalStatus, ReasonDisciplinary, ReasonNeutrality, ReasonContract, ReasonConsent,
        BandTop10, BandTop25, BandTop50, BandBottom50,
    ];

    /// <summary>The band an agent may see instead of an exact position (top percent as stored on the result).</summary>
    public static string RankBand(decimal topPercent) => topPercent switch
    {
        <= 10m => BandTop10,
        <= 25m => BandTop25,
        <= 50m => BandTop50,
        _ => BandBottom50,
    };

    /// <summary>Each reason the agent was not ranked, as a localizer key.</summary>
    public static IReadOnlyList<string> ReasonsOf(IneligibleReasons reasons)
    {
        var list = new List<string>();
        if (reasons.HasFlag(IneligibleReasons.LegalStatusNotActive)) list.Add(ReasonLegalStatus);
        if (reasons.HasFlag(IneligibleReasons.DisciplinarySanction)) list.Add(ReasonDisciplinary);
        if (reasons.HasFlag(IneligibleReasons.NeutralityBreach)) list.Add(ReasonNeutrality);
        if (reasons.HasFlag(IneligibleReasons.ContractNotCurrent)) list.Add(ReasonContract);
        if (reasons.HasFlag(IneligibleReasons.ConsentWithdrawn)) list.Add(ReasonConsent);
        return list;
    }

    /// <summary>The outcomes on the agent's menu, in order, each reached or with what was missing.</summary>
    /// <param name="ranked">How many eligible agents were ranked in the run (<see cref="RewardRun.Eligible"/>).</param>
    public static IReadOnlyList<OutcomeExplanation> Explain(RewardResult result, RewardRules rules, int ranked)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<OutcomeExplanation>
        {
            Make(result, RewardOutcomes.Recognition, Recognition, () => RecognitionMissing(result, rules.Recognition, ranked)),
        };
        if (rules.Incentive.IsLawful)
            list.Add(Make(result, RewardOutcomes.Incentive, Incentive, () => IncentiveMissing(result, rules.Incentive, ranked)));

        var rate = RewardEngine.ParticipationPercent(result);
        if (result.EmploymentType == EmploymentType.Pns)
        {
            if (rules.Promotion.Enabled)
                list.Add(Make(result, RewardOutcomes.PromotionRecommendation, Promotion, () =>
                {
                    var m = new List<OutcomeText>();
                    if (result.PromotionStreak < rules.Promotion.ConsecutivePeriods)
                        m.Add(OutcomeText.Of(NeedStreak, rules.Promotion.TopPercent, rules.Promotion.ConsecutivePeriods, result.PromotionStreak));
                    if (rate < rules.Promotion.MinParticipationPercent)
                        m.Add(OutcomeText.Of(NeedParticipation, rules.Promotion.MinParticipationPercent, rate));
                    return m;
                }));
            if (rules.Study.Enabled)
                list.Add(Make(result, RewardOutcomes.StudyRecommendation, rules.Study.Kind == StudyKind.TugasBelajar ? StudyTugas : StudyIzin,
                    () => TopPercentMissing(result, rules.Study.TopPercent, rules.Study.MinParticipationPercent, rate)));
        }
        else if (RewardEngine.IsPppk(result.EmploymentType) && rules.Development.Enabled)
            list.Add(Make(result, RewardOutcomes.DevelopmentRecommendation, Development,
                () => TopPercentMissing(result, rules.Development.TopPercent, rules.Development.MinParticipationPercent, rate)));
        return list;
    }

    private static OutcomeExplanation Make(RewardResult r, RewardOutcomes outcome, string label, Func<List<OutcomeText>> missing)
    {
        if (r.Outcomes.HasFlag(outcome)) return new(outcome, label, true, []);
        if (!r.IsEligible)
            return new(outcome, label, false, [.. ReasonsOf(r.Ineligible).Select(k => OutcomeText.Of(NotEligible, new TextKey(k)))]);
        var m = missing();
        if (r.Score <= 0) m.Insert(0, OutcomeText.Of(NeedPositiveScore));
        return new(outcome, label, false, m);
    }

    private static List<OutcomeText> RecognitionMissing(RewardResult r, RecognitionRule rule, int ranked)
    {
        var rank = r.Rank ?? 0;
        if (rule.TopN is { } n && rule.MinScore is { } min)
            return rank > n && r.Score < min ? [OutcomeText.Of(NeedRankOrScore, n, min, rank, ranked, r.Score)] : [];
        if (rule.TopN is { } top && rank > top) return [OutcomeText.Of(NeedRank, top, rank, ranked)];
        if (rule.MinScore is { } minimum && r.Score < minimum) return [OutcomeText.Of(NeedScore, minimum, r.Score)];
        return [];
    }

    private static List<OutcomeText> IncentiveMissing(RewardResult r, IncentiveRule rule, int ranked)
    {
        var rank = r.Rank ?? 0;
        var paidRanks = rule.TierList.Where(t => t.Amount > 0).ToList();
        if (paidRanks.Count == 0) return [];
        if (!paidRanks.Any(t => rank >= t.FromRank && rank <= t.ToRank))
            return [OutcomeText.Of(NeedRank, paidRanks.Max(t => t.ToRank), rank, ranked)];
        return r.Score > 0 ? [OutcomeText.Of(BudgetExhausted)] : [];
    }

    private static List<OutcomeText> TopPercentMissing(RewardResult r, decimal topPercent, int minParticipation, decimal rate)
    {
        var m = new List<OutcomeText>();
        if (r.TopPercent is { } top && top > topPercent) m.Add(OutcomeText.Of(NeedTopPercent, topPercent, top));
        if (rate < minParticipation) m.Add(OutcomeText.Of(NeedParticipation, minParticipation, rate));
        return m;
    }
}
