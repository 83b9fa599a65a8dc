using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Appendix;

/// <summary>
/// Lampiran penerima: every agent of the period's current run with at least one outcome, grouped by unit (units by
/// name, "Tanpa unit" last), within a unit by rank. <see cref="TotalIncentive"/> is the sum of the run's
/// RewardResult.IncentiveAmount and equals <see cref="RunIncentiveTotal"/> (RewardRun.IncentiveTotal).
/// Numbers are raw; format them with DocumentTexts.Rupiah / Score / Count.
/// </summary>
/// <param name="IsFinal">The run is approved by a Pimpinan; otherwise the results are provisional.</param>
/// <param name="StatusText">"Final: disetujui pada 3 November 2026" or "Sementara: hasil perhitungan belum disetujui".</param>
/// <param name="ShowIncentive">The scheme pays a lawful incentive or the run paid any: show the incentive column.</param>
public sealed record AppendixModel(
    DateOnly IssuedOn,
    int PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string PeriodDates,
    int RunNumber,
    bool IsFinal,
    string StatusText,
    LetterheadModel Letterhead,
    SignatureModel? Signature,
    string Title,
    string Subtitle,
    bool ShowIncentive,
    IReadOnlyList<AppendixUnit> Units,
    int TotalAgents,
    long TotalIncentive,
    long RunIncentiveTotal,
    string Subject,
    string SubjectKey);

/// <summary>One unit's table and its totals (<see cref="UnitId"/> null: "Tanpa unit").</summary>
public sealed record AppendixUnit(int? UnitId, string UnitName, IReadOnlyList<AppendixRow> Rows, int Agents, long IncentiveTotal);

/// <summary>
/// One recipient. <see cref="Number"/> restarts at 1 in each unit. <see cref="OutcomeLabels"/> is one shared string per
/// combination of outcomes (the OutcomeExplanations labels joined by "; ").
/// </summary>
public readonly record struct AppendixRow(
    int Number,
    int AgentId,
    string Name,
    string Nip,
    string Grade,
    string Position,
    decimal Score,
    int Rank,
    RewardOutcomes Outcomes,
    string OutcomeLabels,
    long IncentiveAmount);
