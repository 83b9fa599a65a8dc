using System.Globalization;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>
/// One thing wrong with a scheme's rules. <see cref="Field"/> is the property path in <see cref="RewardRules"/>
/// (lists by index, e.g. "Incentive.Tiers[1].ToRank"); <see cref="Message"/> is an Indonesian localizer key
/// (a <see cref="RewardRulesTexts"/> constant) formatted with <see cref="Args"/>.
/// </summary>
public sealed record RuleProblem(string Field, string Message, IReadOnlyList<object> Args) : IReportText
{
    public RuleProblem(string field, string message) : this(field, message, []) { }

    public string ToIndonesian() => string.Format(CultureInfo.GetCultureInfo("id-ID"), Message, [.. Args]);
}

/// <summary>The Indonesian texts of <see cref="RewardRulesCheck"/> (keys for the localizer; English in Resources/RewardSchemes.en.json).</summary>
public static class RewardRulesTexts
{
    public const string NotNegative = "Tidak boleh negatif.";
    public const string Between = "Harus antara {0} dan {1}.";
    public const string PercentRange = "Persen harus antara 0 dan 100.";
    public const string TopPercentRange = "Persen teratas harus lebih dari 0 dan paling banyak 100.";
    public const string CapAtLeastOne = "Isi angka minimal 1, atau kosongkan bila tanpa batas.";
    public const string TimelyHours = "Batas waktu tepat waktu harus antara 1 dan 720 jam.";
    public const string EngagementCap = "Batas poin keterlibatan per bagikan harus minimal 1.";
    public const string DuplicatePlatform = "Platform {0} tercantum lebih dari sekali.";
    public const string DuplicateEngagement = "Bobot misi {0} untuk metrik {1} tercantum lebih dari sekali.";
    public const string DuplicateEvidence = "Sumber angka {0} tercantum lebih dari sekali.";
    public const string RecognitionTopN = "Jumlah penerima piagam harus minimal 1, atau kosongkan.";
    public const string RecognitionMinScore = "Skor minimal piagam harus antara 0 dan 100, atau kosongkan.";
    public const string RecognitionNone = "Isi jumlah penerima teratas, skor minimal, atau keduanya.";
    public const string TierFromRank = "Peringkat awal harus minimal 1.";
    public const string TierOrder = "Peringkat awal ({0}) tidak boleh lebih besar dari peringkat akhir ({1}).";
    public const string TierOverlap = "Peringkat {0}–{1} tumpang tindih dengan tingkat peringkat {2}–{3}.";
    public const string TierAmount = "Nominal harus lebih dari Rp0.";
    public const string LegalBasisRequired = "Insentif uang hanya boleh aktif bila dasar hukumnya diisi.";
    public const string BudgetLineRequired = "Insentif uang hanya boleh aktif bila mata anggaran (DIPA/DPA) diisi.";
    public const string BudgetRequired = "Pagu anggaran harus lebih dari Rp0 bila insentif uang aktif.";
    public const string TiersRequired = "Isi minimal satu tingkat insentif bila insentif uang aktif.";
    public const string TooLong = "Paling banyak {0} karakter.";
    public const string ConsecutivePeriods = "Jumlah periode berturut-turut harus antara 1 dan 12.";
    public const string StudyKindUnknown = "Pilih jenis rekomendasi belajar.";
    public const string EvidenceOrder = "Bobot {0} ({1}%) tidak boleh lebih tinggi dari bobot {2} ({3}%): angka dengan bukti lebih kuat harus dihitung sekurang-kurangnya sama besar.";
}

/// <summary>Pure validation of a scheme's rules before it is saved or submitted: returns every problem, empty when the rules are sound.</summary>
public static class RewardRulesCheck
{
    public const decimal MaxPlatformWeight = 10m;
    public const int MaxLegalBasisLength = 500;
    public const int MaxBudgetLineLength = 200;

    public static IReadOnlyList<RuleProblem> Check(RewardRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var p = new List<RuleProblem>();

        NotNegative(p, nameof(RewardRules.PointsPerShare), rules.PointsPerShare);
        for (var i = 0; i < rules.PlatformWeights.Count; i++)
        {
            var w = rules.PlatformWeights[i];
            if (w.Weight < 0 || w.Weight > MaxPlatformWeight)
                p.Add(new($"PlatformWeights[{i}].Weight", RewardRulesTexts.Between, [0, MaxPlatformWeight]));
            if (rules.PlatformWeights.Take(i).Any(x => x.Platform == w.Platform))
                p.Add(new($"PlatformWeights[{i}].Weight", RewardRulesTexts.DuplicatePlatform, [w.Platform.ToString()]));
        }
        Cap(p, nameof(RewardRules.CapPerMessage), rules.CapPerMessage);
        Cap(p, nameof(RewardRules.CapPerDay), rules.CapPerDay);
        Cap(p, nameof(RewardRules.CapPerPeriod), rules.CapPerPeriod);
        if (rules.TimelyWithinHours is < 1 or > 720) p.Add(new(nameof(RewardRules.TimelyWithinHours), RewardRulesTexts.TimelyHours));
        NotNegative(p, nameof(RewardRules.TimelyBonus), rules.TimelyBonus);
        NotNegative(p, nameof(RewardRules.RejectedDeduction), rules.RejectedDeduction);

        for (var i = 0; i < rules.EngagementWeights.Count; i++)
        {
            var w = rules.EngagementWeights[i];
            NotNegative(p, $"EngagementWeights[{i}].PointsPerUnit", w.PointsPerUnit);
            if (rules.EngagementWeights.Take(i).Any(x => x.Mission == w.Mission && x.Metric == w.Metric))
                p.Add(new($"EngagementWeights[{i}].PointsPerUnit", RewardRulesTexts.DuplicateEngagement, [w.Mission.ToString(), w.Metric.ToString()]));
        }
        if (rules.EngagementCapPerShare < 1) p.Add(new(nameof(RewardRules.EngagementCapPerShare), RewardRulesTexts.EngagementCap));
        for (var i = 0; i < rules.EvidenceFactors.Count; i++)
        {
            var f = rules.EvidenceFactors[i];
            Percent(p, $"EvidenceFactors[{i}].Percent", f.Percent);
            if (rules.EvidenceFactors.Take(i).Any(x => x.Source == f.Source))
                p.Add(new($"EvidenceFactors[{i}].Percent", RewardRulesTexts.DuplicateEvidence, [f.Source.ToString()]));
        }
        EvidenceOrder(p, rules);
        Percent(p, nameof(RewardRules.ParticipationWeightPercent), rules.ParticipationWeightPercent);

        CheckRecognition(p, rules.Recognition);
        CheckIncentive(p, rules.Incentive);

        var promotion = rules.Promotion;
        TopPercent(p, "Promotion.TopPercent", promotion.TopPercent);
        if (promotion.ConsecutivePeriods is < 1 or > 12) p.Add(new("Promotion.ConsecutivePeriods", RewardRulesTexts.ConsecutivePeriods));
        Percent(p, "Promotion.MinParticipationPercent", promotion.MinParticipationPercent);

        var study = rules.Study;
        if (!Enum.IsDefined(study.Kind)) p.Add(new("Study.Kind", RewardRulesTexts.StudyKindUnknown));
        TopPercent(p, "Study.TopPercent", study.TopPercent);
        Percent(p, "Study.MinParticipationPercent", study.MinParticipationPercent);

        TopPercent(p, "Development.TopPercent", rules.Development.TopPercent);
        Percent(p, "Development.MinParticipationPercent", rules.Development.MinParticipationPercent);
        return p;
    }

    /// <summary>
    /// Stronger evidence never counts for less: tracked (API-verified) counts and CSV imports over public counters,
    /// those over screenshots, screenshots over self-reported numbers. The problem sits on the weaker source's field.
    /// </summary>
    public static readonly IReadOnlyList<MetricSource[]> EvidenceTiers =
    [
        [MetricSource.ApiVerified, MetricSource.CsvImport],
        [MetricSource.PublicCounter],
        [MetricSource.Screenshot],
        [MetricSource.SelfReported],
    ];

    private static void EvidenceOrder(List<RuleProblem> p, RewardRules rules)
    {
        for (var i = 0; i < rules.EvidenceFactors.Count; i++)
        {
            var weaker = rules.EvidenceFactors[i];
            var tier = Tier(weaker.Source);
            if (tier < 0) continue;
            // The first stronger source (in tier order) that this one outweighs.
            var stronger = EvidenceTiers.Take(tier).SelectMany(t => t).Select(s => (Source: s, Percent: rules.EvidencePercent(s)))
                .FirstOrDefault(s => s.Percent < weaker.Percent);
            if (stronger.Source != default)
                p.Add(new($"EvidenceFactors[{i}].Percent", RewardRulesTexts.EvidenceOrder,
                    [new TextKey(MetricLabels.Label(weaker.Source)), weaker.Percent, new TextKey(MetricLabels.Label(stronger.Source)), stronger.Percent]));
        }
    }

    private static int Tier(MetricSource source)
    {
        for (var t = 0; t < EvidenceTiers.Count; t++)
            if (EvidenceTiers[t].Contains(source)) return t;
        return -1;
    }

    private static void CheckRecognition(List<RuleProblem> p, RecognitionRule r)
    {
        if (r.TopN is < 1) p.Add(new("Recognition.TopN", RewardRulesTexts.RecognitionTopN));
        if (r.MinScore is { } min && (min < 0 || min > 100)) p.Add(new("Recognition.MinScore", RewardRulesTexts.RecognitionMinScore));
        if (r.TopN is null && r.MinScore is null) p.Add(new("Recognition.TopN", RewardRulesTexts.RecognitionNone));
    }

    private static void CheckIncentive(List<RuleProblem> p, IncentiveRule r)
    {
        var tiers = r.TierList;
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            var field = $"Incentive.Tiers[{i}]";
            if (t.FromRank < 1) p.Add(new(field + ".FromRank", RewardRulesTexts.TierFromRank));
            else if (t.FromRank > t.ToRank) p.Add(new(field + ".ToRank", RewardRulesTexts.TierOrder, [t.FromRank, t.ToRank]));
            else if (tiers.Take(i).FirstOrDefault(o => o.FromRank >= 1 && o.FromRank <= o.ToRank && o.FromRank <= t.ToRank && t.FromRank <= o.ToRank) is { } other)
                p.Add(new(field + ".FromRank", RewardRulesTexts.TierOverlap, [t.FromRank, t.ToRank, other.FromRank, other.ToRank]));
            if (t.Amount <= 0) p.Add(new(field + ".Amount", RewardRulesTexts.TierAmount));
        }
        if (r.Budget < 0) p.Add(new("Incentive.Budget", RewardRulesTexts.NotNegative));
        if ((r.LegalBasis?.Length ?? 0) > MaxLegalBasisLength) p.Add(new("Incentive.LegalBasis", RewardRulesTexts.TooLong, [MaxLegalBasisLength]));
        if ((r.BudgetLine?.Length ?? 0) > MaxBudgetLineLength) p.Add(new("Incentive.BudgetLine", RewardRulesTexts.TooLong, [MaxBudgetLineLength]));
        if (!r.Enabled) return;
        if (string.IsNullOrWhiteSpace(r.LegalBasis)) p.Add(new("Incentive.LegalBasis", RewardRulesTexts.LegalBasisRequired));
        if (string.IsNullOrWhiteSpace(r.BudgetLine)) p.Add(new("Incentive.BudgetLine", RewardRulesTexts.BudgetLineRequired));
        if (r.Budget <= 0) p.Add(new("Incentive.Budget", RewardRulesTexts.BudgetRequired));
        if (tiers.Count == 0) p.Add(new("Incentive.Tiers", RewardRulesTexts.TiersRequired));
    }

    private static void NotNegative(List<RuleProblem> p, string field, decimal value)
    {
        if (value < 0) p.Add(new(field, RewardRulesTexts.NotNegative));
    }

    private static void Cap(List<RuleProblem> p, string field, int? value)
    {
        if (value is < 1) p.Add(new(field, RewardRulesTexts.CapAtLeastOne));
    }

    private static void Percent(List<RuleProblem> p, string field, int value)
    {
        if (value is < 0 or > 100) p.Add(new(field, RewardRulesTexts.PercentRange));
    }

    private static void TopPercent(List<RuleProblem> p, string field, decimal value)
    {
        if (value <= 0 || value > 100) p.Add(new(field, RewardRulesTexts.TopPercentRange));
    }
}
