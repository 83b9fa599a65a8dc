using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.MessageReport;

/// <summary>
/// Laporan Pesan: one policy message's campaign report over its whole life (no period). Reach and views are of
/// verified shares, per report the reading of the strongest evidence source, summed (jangkauan kumulatif).
/// </summary>
/// <param name="Title">"Laporan Pesan: {judul pesan}".</param>
/// <param name="Units">Every unit with assignments or reports, most verified shares first.</param>
/// <param name="TopUnits">The first <see cref="MessageReportModelHandler.TopUnitCount"/> units of <paramref name="Units"/> that have verified shares.</param>
/// <param name="Signature">Head of Humas; null when none is recorded (the signature is optional on this report).</param>
public sealed record MessageReportModel(
    string Title,
    DateOnly IssuedOn,
    LetterheadModel Letterhead,
    MessageInfo Message,
    MessageAssignmentFigures Assignments,
    MessageShareTotals Totals,
    IReadOnlyList<PlatformFigures> Platforms,
    IReadOnlyList<ResponseKindCount> Responses,
    DialogicLoopFigure DialogicLoop,
    IReadOnlyList<MessageUnitFigures> Units,
    IReadOnlyList<MessageUnitFigures> TopUnits,
    SignatureModel? Signature);

/// <param name="ActiveWindow">"1 Oktober 2026 09.00 WIB – 11 Oktober 2026 09.00 WIB" (institution's time zone).</param>
/// <param name="StatusLabel">"Terbit", "Ditutup"…</param>
/// <param name="KpiLabels">The KPIs the mission tag is judged by (DOMAIN.md §10).</param>
public sealed record MessageInfo(
    string Title,
    string PolicyReference,
    MissionTag Mission,
    string MissionLabel,
    IReadOnlyList<string> KpiLabels,
    DateTime ActiveFromUtc,
    DateTime ActiveUntilUtc,
    string ActiveWindow,
    MessageStatus Status,
    string StatusLabel);

/// <param name="Assignments">Agents the message was sent to (one assignment per agent).</param>
/// <param name="AgentsShared">Assigned agents with at least one share report (any state).</param>
/// <param name="AgentsVerified">Assigned agents with at least one verified share.</param>
/// <param name="SharedRate">AgentsShared ÷ Assignments × 100, two decimals; null without assignments.</param>
public sealed record MessageAssignmentFigures(int Assignments, int AgentsShared, int AgentsVerified, decimal? SharedRate);

/// <param name="LinkClicks">Non-bot follows of the message's tracked links.</param>
/// <param name="UniqueVisitors">Unique visitors per tracked link, summed.</param>
public sealed record MessageShareTotals(
    int Reported, int Verified, int Rejected, int Pending, decimal? VerifiedRate,
    long CumulativeReach, long Views, long LinkClicks, long UniqueVisitors, int PublicResponses);

/// <param name="PlatformName">"Instagram", "X"…</param>
public sealed record PlatformFigures(
    Platform Platform, string PlatformName, int Reported, int Verified, int Rejected, int Pending,
    long CumulativeReach, long Views, long LinkClicks, long UniqueVisitors);

/// <param name="Label">"Pertanyaan", "Keluhan", "Laporan hoaks", "Apresiasi".</param>
public sealed record ResponseKindCount(ResponseKind Kind, string Label, int Count);

/// <summary>One unit: assignments and agents by the agent's current unit; reports by the unit recorded on each report.</summary>
/// <param name="UnitName">"Tanpa unit" when none.</param>
public sealed record MessageUnitFigures(
    int? UnitId, string UnitName, int Assignments, int AgentsShared, decimal? SharedRate,
    int Reported, int Verified, long CumulativeReach, long Views);
