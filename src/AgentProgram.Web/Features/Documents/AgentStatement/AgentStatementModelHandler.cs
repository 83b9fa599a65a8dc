using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Features.MyRewards;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.AgentStatement;

/// <summary>
/// Builds the Laporan Kinerja Agen from <see cref="RewardStatementHandler.LoadAsync"/> (the statement page's own
/// data: the stored run, never recomputed) plus the agent's identity, the letterhead and the optional signature.
/// </summary>
public sealed class AgentStatementModelHandler(AppDbContext db, RewardStatementHandler statements, Display display, IConfiguration config, OfficialPartsHandler parts)
{
    /// <summary>The agent's own statement (every ineligibility reason shown). Null when the period, its run or the agent's result is missing.</summary>
    public Task<AgentStatementModel?> BuildAsync(int periodId, int agentId, DateOnly issuedOn, CancellationToken ct = default) =>
        BuildAsync(periodId, agentId, issuedOn, withholdConduct: false, ct);

    /// <param name="withholdConduct">For readers outside Kepegawaian: disciplinary and neutrality reasons become one generic reason (as on the officer page).</param>
    public async Task<AgentStatementModel?> BuildAsync(int periodId, int agentId, DateOnly issuedOn, bool withholdConduct, CancellationToken ct = default)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new
            {
                a.Employee.Nip, a.Employee.TitlePrefix, a.Employee.Name, a.Employee.TitleSuffix, a.Employee.EmploymentType,
                a.Employee.GolonganCode, a.Employee.PositionName, Unit = a.Employee.Unit != null ? a.Employee.Unit.Name : null,
            }).SingleOrDefaultAsync(ct);
        if (agent is null) return null;
        var page = await statements.LoadAsync(periodId, agentId, ct);
        if (page is null) return null;
        if (withholdConduct) page = MyRewardsHandler.ConductWithheld(page);

        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);

        var r = page.Result;
        var p = page.Period;
        var zone = config["Institution:TimeZoneLabel"] ?? "WIB";
        return new AgentStatementModel(
            $"Laporan Kinerja Agen Periode {p.Name}",
            issuedOn,
            letterhead,
            new StatementAgent(
                new Employee { TitlePrefix = agent.TitlePrefix, Name = agent.Name, TitleSuffix = agent.TitleSuffix }.FullName,
                Nip.FormatForDisplay(agent.Nip), agent.EmploymentType.Label(), OfficialPartsHandler.RankAndGrade(agent.GolonganCode),
                agent.PositionName, agent.Unit),
            new StatementPeriodInfo(p.Name, p.StartDate, p.EndDate,
                $"{OfficialPartsHandler.FormatDate(p.StartDate)} – {OfficialPartsHandler.FormatDate(p.EndDate)}", p.State, PeriodWorkflow.Label(p.State)),
            p.IsProvisional,
            new StatementScores(r.SharePoints, r.TimelyPoints, r.DeductionPoints, r.Participation, r.Engagement, r.Score,
                r.CountedShares, r.UncountedShares, r.Assignments, r.AssignmentsShared, page.ParticipationPercent, r.IncentiveAmount),
            new StatementStanding(r.Rank, page.Ranked, r.TopPercent, page.RankBand, r.UnitRank, page.RankedInUnit,
                page.Unit?.UnitName, page.Unit?.Position, page.Unit?.Units, page.Unit?.AverageScore),
            page.IneligibleReasons,
            [.. page.Outcomes.Select(o => new StatementOutcome(o.Outcome, o.Label, o.Reached, [.. o.Missing.Select(m => m.ToIndonesian())]))],
            [.. page.Rows.Select(row => new StatementShareLine(
                row.Line.ReportId,
                row.MessageTitle.Length > 0 ? row.MessageTitle : $"Laporan {row.Line.ReportId.ToString(CultureInfo.InvariantCulture)}",
                row.Platform,
                row.Platform is { } platform ? CaptionRules.PlatformName(platform) : "–",
                row.PostedUtc,
                row.PostedUtc is { } posted ? $"{display.ToLocal(posted).ToString("dd/MM/yyyy HH.mm", CultureInfo.InvariantCulture)} {zone}" : "–",
                row.Line.Status, StatementLabels.Status(row.Line.Status), row.Line.Counted,
                row.Line.SharePoints, row.Line.TimelyPoints, row.Line.EngagementPoints, row.Line.Deduction, row.Line.Visitors, row.Line.Total))],
            signature);
    }
}
