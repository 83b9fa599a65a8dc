using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Summary;

/// <summary>
/// Ringkasan Pimpinan: everything the period summary prints, already computed. Counts are of share reports
/// posted in the period (local dates of the institution); reach and views are of verified shares, per report
/// the reading of the strongest evidence source (as the reward calculation picks it), summed: jangkauan
/// kumulatif, not unique people. No NIP anywhere.
/// </summary>
public sealed record SummaryModel(
    string Title,
    DateOnly IssuedOn,
    LetterheadModel Letterhead,
    SummaryPeriod Period,
    SummaryPeriod? PreviousPeriod,
    SummaryKeyFigures Current,
    SummaryKeyFigures? Previous,
    IReadOnlyList<KeyFigureRow> KeyFigures,
    IReadOnlyList<MissionFigures> Missions,
    IReadOnlyList<UnitFigures> Units,
    ChartModel ReachByUnitChart,
    ChartModel ParticipationByUnitChart,
    IReadOnlyList<TopAgent> TopAgents,
    IReadOnlyList<TopMessage> TopMessages,
    DialogicLoopFigure DialogicLoop,
    VerificationStats Verification,
    string? Notes,
    SignatureModel? Signature);

/// <param name="DateRange">"1 Oktober 2026 – 31 Oktober 2026".</param>
/// <param name="StateLabel">Indonesian state label ("Sudah dihitung").</param>
/// <param name="IsProvisional">Not approved (nor closed) yet: reward figures may still change.</param>
public sealed record SummaryPeriod(string Name, DateOnly StartDate, DateOnly EndDate, string DateRange, PeriodState State, string StateLabel, bool IsProvisional);

/// <summary>The key figures of one period.</summary>
/// <param name="EnrolledAgents">Agents enrolled by the period's end and not ended before it started.</param>
/// <param name="ActiveAgents">Agents with at least one verified share posted in the period.</param>
/// <param name="ParticipationRate">Active ÷ enrolled × 100, two decimals; null when nobody is enrolled.</param>
/// <param name="VerifiedShareRate">Verified ÷ share reports × 100, two decimals; null when there are no reports.</param>
/// <param name="LinkClicks">Non-bot follows of tracked links in the period.</param>
/// <param name="UniqueVisitors">Unique visitors per tracked link, summed (as the reward calculation counts them).</param>
/// <param name="PublicResponses">Public responses recorded in the period.</param>
/// <param name="HasResults">The period has a calculated run; the four result figures are null otherwise.</param>
/// <param name="ResultsProvisional">The run is not approved yet.</param>
public sealed record SummaryKeyFigures(
    int EnrolledAgents,
    int ActiveAgents,
    decimal? ParticipationRate,
    int ShareReports,
    int VerifiedShares,
    decimal? VerifiedShareRate,
    long CumulativeReach,
    long Views,
    long LinkClicks,
    long UniqueVisitors,
    int PublicResponses,
    bool HasResults,
    bool ResultsProvisional,
    int? RecognisedAgents,
    int? Recommendations,
    long? IncentiveTotal);

public enum FigureKind
{
    Count = 1,

    /// <summary>A percentage 0–100; its change is in percentage points.</summary>
    Percent = 2,
    Rupiah = 3,
}

/// <summary>A key figure for a tile or the comparison table.</summary>
/// <param name="Label">Indonesian label.</param>
/// <param name="Previous">The previous period's value; null when there is no previous period or no value.</param>
/// <param name="Change">Current − previous (percentage points for percents); null when either is missing.</param>
/// <param name="ChangePercent">Relative change in percent, two decimals, for counts and rupiah; null when previous is 0 or missing.</param>
public sealed record KeyFigureRow(string Label, FigureKind Kind, decimal? Current, decimal? Previous, decimal? Change, decimal? ChangePercent);

/// <summary>The figures of the period for one mission tag (DOMAIN.md §10).</summary>
/// <param name="Label">"Transparansi (menginformasikan)".</param>
/// <param name="KpiLabels">The KPIs the tag is judged by, Indonesian.</param>
public sealed record MissionFigures(
    MissionTag Tag,
    string Label,
    IReadOnlyList<string> KpiLabels,
    int ShareReports,
    int VerifiedShares,
    int ActiveAgents,
    long CumulativeReach,
    long Views,
    long Comments,
    long Reposts,
    long Saves,
    long LinkClicks,
    long UniqueVisitors,
    int PublicResponses,
    DialogicLoopFigure DialogicLoop);

/// <summary>One unit's row. Enrolled agents by the employee's current unit; reports by the unit recorded on each report.</summary>
/// <param name="UnitName">"Tanpa unit" for agents or reports without one.</param>
public sealed record UnitFigures(
    int? UnitId,
    string UnitName,
    int EnrolledAgents,
    int ActiveAgents,
    decimal? ParticipationRate,
    int ShareReports,
    int VerifiedShares,
    long CumulativeReach);

/// <summary>A bar chart's data: one value per category per series (ScottPlot draws it).</summary>
public sealed record ChartModel(string Title, string ValueAxisLabel, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A top agent by the current run's rank: full name with degrees and unit, never the NIP.</summary>
public sealed record TopAgent(int Rank, string Name, string? UnitName, decimal Score, int CountedShares);

/// <param name="Position">1 = most verified shares (then most reach).</param>
public sealed record TopMessage(int Position, string Title, MissionTag Mission, string MissionLabel, int VerifiedShares, long CumulativeReach, long Views);

/// <summary>Share reports posted in the period by verification state; flagged and corrected overlap the states.</summary>
public sealed record VerificationStats(int Total, int Verified, int Rejected, int Pending, int Flagged, int Corrected);
