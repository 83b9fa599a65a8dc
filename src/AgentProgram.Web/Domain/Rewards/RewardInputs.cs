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
/// A share's numbers after the evidence factor: for each metric, the largest value × percent over its
/// snapshots (so 1,000 self-reported views at 40% is 40,000; divide by 100 for the counted value).
/// The SQL loader computes the same thing in the database; <see cref="Of"/> is the reference.
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
        long v = 0, r = 0, l = 0, c = 0, p = 0, s = 0;
        foreach (var (source, values) in snapshots)
        {
            long pct = rules.EvidencePercent(source);
            v = Math.Max(v, (values.Views ?? 0) * pct);
            r = Math.Max(r, (values.Reach ?? 0) * pct);
            l = Math.Max(l, (values.Likes ?? 0) * pct);
            c = Math.Max(c, (values.Comments ?? 0) * pct);
            p = Math.Max(p, (values.Reposts ?? 0) * pct);
            s = Math.Max(s, (values.Saves ?? 0) * pct);
        }
        return new(v, r, l, c, p, s);
    }
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
