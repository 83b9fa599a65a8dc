using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.AgentStatement;

/// <summary>
/// Laporan Kinerja Agen: one agent's own statement for a period, from the same data as the statement page
/// (<see cref="MyRewards.RewardStatementHandler"/>). Every text is Indonesian and already formatted.
/// </summary>
/// <param name="Title">"Laporan Kinerja Agen Periode Oktober 2026".</param>
/// <param name="IsProvisional">The period is not approved (nor closed): the figures may still change.</param>
/// <param name="IneligibleReasons">Why the agent was not ranked (empty when eligible).</param>
/// <param name="Signature">Head of Humas when recorded; optional on this document.</param>
public sealed record AgentStatementModel(
    string Title,
    DateOnly IssuedOn,
    LetterheadModel Letterhead,
    StatementAgent Agent,
    StatementPeriodInfo Period,
    bool IsProvisional,
    StatementScores Scores,
    StatementStanding Standing,
    IReadOnlyList<string> IneligibleReasons,
    IReadOnlyList<StatementOutcome> Outcomes,
    IReadOnlyList<StatementShareLine> Lines,
    SignatureModel? Signature);

/// <summary>The agent as the statement heads it: this is the agent's own document, so the NIP is shown.</summary>
/// <param name="Name">Full name with degrees.</param>
/// <param name="FormattedNip">"19860926 201505 1 001".</param>
/// <param name="EmploymentType">"PNS", "PPPK"…</param>
/// <param name="Grade">"Penata Muda, III/a" (PNS) or "Golongan IX" (PPPK); null when unknown.</param>
public sealed record StatementAgent(string Name, string FormattedNip, string EmploymentType, string? Grade, string? Position, string? UnitName);

/// <param name="DateRange">"1 Oktober 2026 – 31 Oktober 2026".</param>
public sealed record StatementPeriodInfo(string Name, DateOnly StartDate, DateOnly EndDate, string DateRange, PeriodState State, string StateLabel);

/// <summary>The sub-scores as stored on the result.</summary>
/// <param name="ParticipationPercent">Assignments shared ÷ assignments × 100.</param>
/// <param name="IncentiveAmount">Rupiah paid after the budget cap (0 when none).</param>
public sealed record StatementScores(
    decimal SharePoints, decimal TimelyPoints, decimal DeductionPoints, decimal Participation, decimal Engagement, decimal Score,
    int CountedShares, int UncountedShares, int Assignments, int AssignmentsShared, decimal ParticipationPercent, long IncentiveAmount);

/// <summary>Where the agent stands. Rank fields are null when the agent was not ranked.</summary>
/// <param name="Ranked">Eligible agents ranked in the run.</param>
/// <param name="RankBand">"10% teratas", "25% teratas", "50% teratas", "50% terbawah".</param>
/// <param name="UnitPosition">The unit's place among units by average score of ranked agents.</param>
public sealed record StatementStanding(
    int? Rank, int Ranked, decimal? TopPercent, string? RankBand,
    int? UnitRank, int RankedInUnit,
    string? UnitName, int? UnitPosition, int? Units, decimal? UnitAverageScore);

/// <param name="Label">"Piagam Penghargaan", "Direkomendasikan untuk dipertimbangkan …".</param>
/// <param name="Missing">What was missing, formatted ("Perlu peringkat ≤ 3; peringkat Anda 5 dari 12").</param>
public sealed record StatementOutcome(RewardOutcomes Outcome, string Label, bool Reached, IReadOnlyList<string> Missing);

/// <summary>One share on the statement.</summary>
/// <param name="MessageTitle">The message's title ("Laporan {id}" when the report is gone).</param>
/// <param name="PlatformName">"Instagram", "X"… ("–" when unknown).</param>
/// <param name="Posted">"05/10/2026 10.00 WIB" ("–" when unknown).</param>
/// <param name="StatusLabel">"Dihitung", "Belum diverifikasi", "Batas per hari tercapai"…</param>
public sealed record StatementShareLine(
    long ReportId, string MessageTitle, Platform? Platform, string PlatformName, DateTime? PostedUtc, string Posted,
    LineStatus Status, string StatusLabel, bool Counted,
    decimal SharePoints, decimal TimelyPoints, decimal EngagementPoints, decimal Deduction, int Visitors, decimal Total);
