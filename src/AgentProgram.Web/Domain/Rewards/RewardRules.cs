using System.Text.Json;
using System.Text.Json.Serialization;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>What engagement points can be earned for (the six post metrics, plus the two the system measures itself). Stored by name.</summary>
public enum EngagementMetric
{
    Views = 1,
    Reach = 2,
    Likes = 3,
    Comments = 4,
    Reposts = 5,
    Saves = 6,

    /// <summary>Unique visitors who followed the agent's tracked link: counted by the system, the strongest evidence.</summary>
    UniqueVisitors = 7,

    /// <summary>Public responses the agent recorded under the share.</summary>
    PublicResponses = 8,
}

/// <summary>Which study recommendation a scheme makes for PNS.</summary>
public enum StudyKind
{
    /// <summary>Tugas belajar: study leave, funded or released from duties.</summary>
    TugasBelajar = 1,

    /// <summary>Izin belajar: study permission alongside duties.</summary>
    IzinBelajar = 2,
}

public sealed record PlatformWeight(Platform Platform, decimal Weight);

/// <summary>Points per unit of a metric for shares of messages with one mission tag (e.g. 0.01 per view for Transparansi).</summary>
public sealed record EngagementWeight(MissionTag Mission, EngagementMetric Metric, decimal PointsPerUnit);

/// <summary>How much of a number counts when it comes from a source, in percent (tracked clicks always count 100).</summary>
public sealed record EvidenceFactor(MetricSource Source, int Percent);

/// <summary>An incentive tier: agents ranked FromRank..ToRank (inclusive, among eligible agents) get Amount rupiah.</summary>
public sealed record IncentiveTier(int FromRank, int ToRank, long Amount);

/// <summary>Piagam Penghargaan: the top N eligible agents and/or every agent at or above a score.</summary>
public sealed record RecognitionRule(int? TopN = 10, decimal? MinScore = null);

/// <summary>
/// Cash incentives (DOMAIN.md §7): only with a recorded legal basis and budget line, and never more
/// than the budget: when the tiers add up to more, every amount is scaled down pro rata to whole rupiah.
/// </summary>
public sealed record IncentiveRule(bool Enabled = false, string? LegalBasis = null, string? BudgetLine = null, long Budget = 0, IReadOnlyList<IncentiveTier>? Tiers = null)
{
    public IReadOnlyList<IncentiveTier> TierList => Tiers ?? [];

    /// <summary>Cash is paid only when switched on with a legal basis, a budget line, a budget and at least one tier.</summary>
    public bool IsLawful => Enabled && !string.IsNullOrWhiteSpace(LegalBasis) && !string.IsNullOrWhiteSpace(BudgetLine) && Budget > 0 && TierList.Count > 0;
}

/// <summary>
/// A recommendation to the authorised body (Tim Penilai Kinerja / PPK) to consider a PNS for promotion:
/// in the top X% of this period and the N−1 periods before it, with a minimum participation rate.
/// </summary>
public sealed record PromotionRule(bool Enabled = true, decimal TopPercent = 10, int ConsecutivePeriods = 2, int MinParticipationPercent = 80);

/// <summary>A study recommendation (tugas or izin belajar) for PNS in the top X% with a minimum participation rate.</summary>
public sealed record StudyRule(bool Enabled = true, StudyKind Kind = StudyKind.IzinBelajar, decimal TopPercent = 5, int MinParticipationPercent = 80);

/// <summary>A competence-development recommendation for PPPK in the top X% with a minimum participation rate.</summary>
public sealed record DevelopmentRule(bool Enabled = true, decimal TopPercent = 20, int MinParticipationPercent = 60);

/// <summary>
/// One version of a reward scheme: everything the computation needs, stored as JSON on the scheme
/// version and frozen with the period that used it. Pure data; <see cref="RewardRulesCheck"/> validates.
/// </summary>
public sealed record RewardRules
{
    // Participation: per verified share, weighted per platform, capped.
    public decimal PointsPerShare { get; init; } = 10m;
    public IReadOnlyList<PlatformWeight> PlatformWeights { get; init; } = [];

    /// <summary>At most this many shares counted per message (null: no cap).</summary>
    public int? CapPerMessage { get; init; } = 3;

    /// <summary>At most this many shares counted per calendar day in the institution's time zone.</summary>
    public int? CapPerDay { get; init; } = 5;

    /// <summary>At most this many shares counted in the whole period.</summary>
    public int? CapPerPeriod { get; init; } = 60;

    /// <summary>Bonus points for a counted share posted within this many hours of the message's publication.</summary>
    public int TimelyWithinHours { get; init; } = 24;
    public decimal TimelyBonus { get; init; } = 2m;

    /// <summary>Points taken off participation for each report finally rejected (rejected with its correction used).</summary>
    public decimal RejectedDeduction { get; init; } = 5m;

    // Engagement: per mission tag, weighted by evidence, capped per share.
    public IReadOnlyList<EngagementWeight> EngagementWeights { get; init; } = [];
    public decimal EngagementCapPerShare { get; init; } = 50m;
    public IReadOnlyList<EvidenceFactor> EvidenceFactors { get; init; } = [];

    /// <summary>The score is this share participation and the rest engagement, each scaled to 0–100 against the period's best.</summary>
    public int ParticipationWeightPercent { get; init; } = 60;

    public RecognitionRule Recognition { get; init; } = new();
    public IncentiveRule Incentive { get; init; } = new();
    public PromotionRule Promotion { get; init; } = new();
    public StudyRule Study { get; init; } = new();
    public DevelopmentRule Development { get; init; } = new();

    public decimal PlatformWeightOf(Platform platform)
    {
        foreach (var w in PlatformWeights)
            if (w.Platform == platform) return w.Weight;
        return 1m;
    }

    public decimal PointsPer(MissionTag mission, EngagementMetric metric)
    {
        foreach (var w in EngagementWeights)
            if (w.Mission == mission && w.Metric == metric) return w.PointsPerUnit;
        return 0m;
    }

    /// <summary>The share of a number from <paramref name="source"/> that counts, in percent (0–100).</summary>
    public int EvidencePercent(MetricSource source)
    {
        foreach (var f in EvidenceFactors)
            if (f.Source == source) return f.Percent;
        return DefaultEvidence(source);
    }

    public static int DefaultEvidence(MetricSource source) => source switch
    {
        MetricSource.ApiVerified or MetricSource.CsvImport => 100,
        MetricSource.PublicCounter => 90,
        MetricSource.Screenshot => 70,
        _ => 40,
    };

    /// <summary>A sensible starting point (DOMAIN.md §10): what each mission tag is judged by.</summary>
    public static RewardRules Default { get; } = new()
    {
        EngagementWeights =
        [
            new(MissionTag.Transparansi, EngagementMetric.Views, 0.01m),
            new(MissionTag.Transparansi, EngagementMetric.Reach, 0.01m),
            new(MissionTag.Transparansi, EngagementMetric.UniqueVisitors, 0.5m),
            new(MissionTag.Partisipasi, EngagementMetric.Comments, 0.5m),
            new(MissionTag.Partisipasi, EngagementMetric.Reposts, 1m),
            new(MissionTag.Partisipasi, EngagementMetric.Saves, 0.5m),
            new(MissionTag.Partisipasi, EngagementMetric.UniqueVisitors, 0.5m),
            new(MissionTag.Kolaborasi, EngagementMetric.Reposts, 1m),
            new(MissionTag.Kolaborasi, EngagementMetric.PublicResponses, 2m),
            new(MissionTag.Kolaborasi, EngagementMetric.UniqueVisitors, 0.5m),
        ],
        EvidenceFactors = [.. Enum.GetValues<MetricSource>().Select(s => new EvidenceFactor(s, DefaultEvidence(s)))],
        PlatformWeights = [new(Platform.WhatsApp, 0.5m)],
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RewardRules FromJson(string json) =>
        JsonSerializer.Deserialize<RewardRules>(json, Json) ?? throw new InvalidOperationException("Empty reward rules.");
}
