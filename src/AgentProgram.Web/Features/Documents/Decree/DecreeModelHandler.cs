using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Decree;

/// <summary>
/// Builds the draft SK Penetapan Agen Komunikasi of a period: the agents enrolled by the period's end and active at
/// it (status Active now, or changed away from Active only after the end), with their current unit, by unit name
/// then name. Needs the period only, not a run. Signed by the head of the institution.
/// </summary>
public sealed class DecreeModelHandler(AppDbContext db, OfficialPartsHandler parts, Display display)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<DecreeModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var period = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate }).FirstOrDefaultAsync(ct);
        if (period is null) return null;
        var endUtc = new PeriodWindow(period.StartDate, period.EndDate, display.Zone).EndUtc;

        var rows = await (from a in db.Agents.AsNoTracking()
                          where a.EnrolledUtc < endUtc
                                && (a.Status == AgentStatus.Active || (a.StatusChangedUtc != null && a.StatusChangedUtc >= endUtc))
                          join e in db.Employees on a.EmployeeId equals e.Id
                          select new
                          {
                              AgentId = a.Id, e.TitlePrefix, e.Name, e.TitleSuffix, e.Nip, e.GolonganCode, e.PositionName,
                              UnitName = e.Unit == null ? null : e.Unit.Name,
                          }).ToListAsync(ct);
        var comparer = StringComparer.Create(Indonesian, CompareOptions.IgnoreCase);
        var agents = rows
            .OrderBy(r => r.UnitName is null ? 1 : 0).ThenBy(r => r.UnitName ?? "", comparer).ThenBy(r => r.Name, comparer).ThenBy(r => r.AgentId)
            .Select((r, i) => new DecreeAgentRow(i + 1, r.AgentId, DocumentTexts.FullName(r.TitlePrefix, r.Name, r.TitleSuffix), Nip.FormatForDisplay(r.Nip),
                DocumentTexts.GradeName(r.GolonganCode), DocumentTexts.Text(r.PositionName), r.UnitName ?? DocumentTexts.NoUnit))
            .ToList();

        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfInstitution, issuedOn, ct);
        var city = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.City).FirstOrDefaultAsync(ct);
        return Decree(period.Id, period.Name, period.StartDate, period.EndDate, issuedOn, letterhead, signature, city, agents);
    }

    /// <summary>Pure: the decree's texts around the given agents.</summary>
    public static DecreeModel Decree(int periodId, string periodName, DateOnly start, DateOnly end, DateOnly issuedOn,
        Infrastructure.Pdf.Components.LetterheadModel letterhead, Infrastructure.Pdf.Components.SignatureModel? signature, string? city,
        IReadOnlyList<DecreeAgentRow> agents)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var institution = letterhead.InstitutionName.Trim();
        var title = string.IsNullOrWhiteSpace(signature?.PositionTitle)
            ? DocumentTexts.Format(DecreeWording.HeadFallback, institution).Trim()
            : signature.PositionTitle.Trim();
        var dates = DocumentTexts.PeriodDates(start, end);
        object[] args = [institution, title, periodName, dates];
        object[] upper = [institution.ToUpper(Indonesian), title.ToUpper(Indonesian), periodName.ToUpper(Indonesian), dates];
        string F(string format) => string.Format(Indonesian, format, args);
        string U(string format) => string.Format(Indonesian, format, upper);

        IReadOnlyList<DecreeClause> considering =
        [
            new("a.", F(DecreeWording.ConsideringA), []),
            new("b.", F(DecreeWording.ConsideringB), []),
            new("c.", F(DecreeWording.ConsideringC), []),
        ];
        IReadOnlyList<DecreeClause> recalling =
        [
            new("1.", DecreeWording.RecallingAsn, []),
            new("2.", DecreeWording.RecallingPdp, []),
            new("3.", DecreeWording.RecallingInpres, []),
            new("4.", DecreeWording.RecallingAgenPerubahan, []),
        ];
        IReadOnlyList<DecreeClause> articles =
        [
            new(DecreeWording.Diktum[0], F(DecreeWording.First), []),
            new(DecreeWording.Diktum[1], DecreeWording.Second, [DecreeWording.SecondA, DecreeWording.SecondB, DecreeWording.SecondC, DecreeWording.SecondD]),
            new(DecreeWording.Diktum[2], DecreeWording.Third, []),
            new(DecreeWording.Diktum[3], DecreeWording.Fourth, []),
            new(DecreeWording.Diktum[4], DecreeWording.Fifth, []),
        ];
        return new DecreeModel(
            issuedOn, periodId, periodName, start, end, letterhead, signature,
            U(DecreeWording.Heading), DecreeWording.NumberLabel, DecreeWording.AboutLabel, U(DecreeWording.Topic), DecreeWording.Blessing,
            U(DecreeWording.Authority), DecreeWording.ConsideringLabel, considering, DecreeWording.RecallingLabel, recalling,
            DecreeWording.Decides, DecreeWording.EnactingLabel, U(DecreeWording.Enacting), articles,
            string.IsNullOrWhiteSpace(city) ? DocumentTexts.Placeholder : city.Trim(), DocumentTexts.Date(issuedOn),
            [DecreeWording.AppendixLine1, U(DecreeWording.AppendixLine2), DecreeWording.AppendixLine3, U(DecreeWording.AppendixLine4), U(DecreeWording.AppendixTitle)],
            DecreeWording.AppendixColumns, agents,
            F(DecreeWording.Subject), SubjectKeys.Decree(periodId));
    }
}
