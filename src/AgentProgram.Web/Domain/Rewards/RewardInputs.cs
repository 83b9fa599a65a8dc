using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>A period's dates (inclusive, local) as the UTC instants the computation compares against.</summary>
public sealed record PeriodWindow(DateOnly Start, DateOnly End, TimeZoneInfo Zone)
{
    public DateTime StartUtc => TimeZoneInfo.ConvertTimeToUtc(Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>Exclusive: the first instant of the day after <see cref="End"/>.</summary>
    public DateTime EndUtc => TimeZoneInfo.ConvertTimeToUtc(End.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>How long after the period's end readings still count: the 7-day window of a post made on its last day, plus a day.</summary>
    public static readonly TimeSpan EvidenceGrace = TimeSpan.FromDays(8);

    /// <summary>Snapshots and responses recorded after this instant do not count, so a finished period's results stay put.</summary>
    public DateTime EvidenceUntilUtc => EndUtc + EvidenceGrace;

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));
}

/// <summary>What the computation needs to know about an agent.</summary>
/// <param name="Assignments">Assignments of messages active in the period (the participation-rate denominator).</param>
/// <param name="PreviousTopPercents">The agent's top percent in the periods just before this one, newest first (null: not ranked there).</param>
public sealed record AgentFacts(
    int AgentId,
    int? UnitId,
    EmploymentType Type,
    LegalStatus LegalStatus = LegalStatus.Aktif,
    bool DisciplinarySanction = false,
    bool NeutralityBreach = false,
    DateOnly? ContractEnd = null,
    bool ConsentWithdrawn = false,
    int Assignments = 0,
    IReadOnlyList<decimal?>? PreviousTopPercents = null);

/// <summary>
/// A share's numbers after the evidence factor: for each metric, the reading of the strongest source
/// that gave one (the highest evidence percent; within it the largest value), times that percent. So a
/// CSV import's 300 views (× 100% = 30,000) beats a self-reported 1,000,000 (the weaker source is ignored,
/// not weighed against it), and 1,000 self-reported views alone count 400 (40,000 here; divide by 100).
/// The SQL loader computes the same thing in the database with <see cref="EvidenceKey"/>; <see cref="Of"/> is the reference.
/// </summary>
public readonly record struct WeightedMetrics(long Views, long Reach, long Likes, long Comments, long Reposts, long Saves)
{
    public long this[MetricKind kind] => kind switch
    {
        MetricKind.Views => Views,
        MetricKind.Reach => Reach,
        MetricKind.Likes => Likes,
        MetricKind.Comments => Comments,
        MetricKind.Reposts => Reposts,
        MetricKind.Saves => Saves,
        _ => 0,
    };

    public static WeightedMetrics Of(IEnumerable<(MetricSource Source, MetricValues Values)> snapshots, RewardRules rules)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(rules);
        long? v = null, r = null, l = null, c = null, p = null, s = null;
        foreach (var (source, values) in snapshots)
        {
            long pct = rules.EvidencePercent(source);
            v = EvidenceKey.Max(v, pct, values.Views);
            r = EvidenceKey.Max(r, pct, values.Reach);
            l = EvidenceKey.Max(l, pct, values.Likes);
            c = EvidenceKey.Max(c, pct, values.Comments);
            p = EvidenceKey.Max(p, pct, values.Reposts);
            s = EvidenceKey.Max(s, pct, values.Saves);
        }
        return new(EvidenceKey.Weighted(v), EvidenceKey.Weighted(r), EvidenceKey.Weighted(l), EvidenceKey.Weighted(c), EvidenceKey.Weighted(p), EvidenceKey.Weighted(s));
    }
}

/// <summary>
/// One number that orders readings by evidence first and value second: percent × <see cref="Scale"/> + value.
/// The largest key is the strongest source's largest reading, so a plain SQL MAX picks it on every provider.
/// </summary>
public static class EvidenceKey
{
    /// <summary>Above any real count (values are clamped below it).</summary>
    public const long Scale = 1_000_000_000_000;

    public static long Of(long percent, long value) => percent * Scale + Math.Clamp(value, 0, Scale - 1);

    public static long? Max(long? current, long percent, long? value) =>
        value is not { } v ? current : current is { } c ? Math.Max(c, Of(percent, v)) : Of(percent, v);

    /// <summary>The reading × its percent (0 when there is none).</summary>
    public static long Weighted(long? key) => key is { } k ? k % Scale * (k / Scale) : 0;
}

/// <summary>One share report as the computation sees it.</summary>
/// <param name="PublishedUtc">When the message was published (the timeliness bonus counts from here).</param>
/// <param name="Responses">Public responses recorded under the share.</param>
public readonly record struct ShareFacts(
    long ReportId,
    int AgentId,
    int MessageId,
    int AssignmentId,
    Platform Platform,
    DateTime PostedUtc,
    ReportState State,
    int CorrectionCount,
    MissionTag Mission,
    DateTime PublishedUtc,
    WeightedMetrics Metrics,
    int Responses = 0);
