using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Shared;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Documents.Appendix;

/// <summary>
/// Builds the <see cref="AppendixModel"/> of a period's current run: one streaming query over the results with an
/// outcome joined to agents and employees, ordered by unit then rank (built for 80,000 rows), plus the unit names.
/// Signed by the head of Humas, who prepares the list.
/// </summary>
public sealed class AppendixModelHandler(AppDbContext db, OfficialPartsHandler parts)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public async Task<AppendixModel?> BuildAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var info = await PeriodRunInfo.LoadAsync(db, periodId, ct);
        if (info is null) return null;
        var studyKind = DocumentTexts.StudyKindOf(info.RulesJson);
        var incentiveLawful = IncentiveLawful(info.RulesJson);

        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var rows = from r in db.RewardResults.AsNoTracking()
                   where r.RunId == info.RunId && r.Outcomes != RewardOutcomes.None
                   join a in db.Agents on r.AgentId equals a.Id
                   join e in db.Employees on a.EmployeeId equals e.Id
                   orderby r.UnitId, r.Rank, e.Name, r.AgentId
                   select new
                   {
                       r.UnitId, r.AgentId, e.TitlePrefix, e.Name, e.TitleSuffix, e.Nip, e.GolonganCode, e.PositionName,
                       r.Score, r.Rank, r.Outcomes, r.IncentiveAmount,
                   };

        var labels = new string?[32];
        var groups = new List<AppendixUnit>();
        List<AppendixRow>? current = null;
        int? currentUnit = null;
        long unitIncentive = 0;
        long totalIncentive = 0;
        var totalAgents = 0;

        void Close()
        {
            if (current is null) return;
            groups.Add(new AppendixUnit(currentUnit, UnitName(unitNames, currentUnit), current, current.Count, unitIncentive));
        }

        await foreach (var x in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (current is null || x.UnitId != currentUnit)
            {
                Close();
                current = [];
                currentUnit = x.UnitId;
                unitIncentive = 0;
            }
            var flags = (int)x.Outcomes & 31;
            var label = labels[flags] ??= DocumentTexts.OutcomeLabels((RewardOutcomes)flags, studyKind);
            current.Add(new AppendixRow(
                current.Count + 1, x.AgentId, DocumentTexts.FullName(x.TitlePrefix, x.Name, x.TitleSuffix), Nip.FormatForDisplay(x.Nip),
                DocumentTexts.GradeName(x.GolonganCode), DocumentTexts.Text(x.PositionName), x.Score, x.Rank ?? 0, x.Outcomes, label,
                x.IncentiveAmount));
            unitIncentive += x.IncentiveAmount;
            totalIncentive += x.IncentiveAmount;
            totalAgents++;
        }
        Close();

        var comparer = StringComparer.Create(Indonesian, CompareOptions.IgnoreCase);
        var ordered = groups
            .OrderBy(g => g.UnitId is null ? 1 : 0)
            .ThenBy(g => g.UnitName, comparer)
            .ThenBy(g => g.UnitId)
            .ToList();

        var isFinal = info.RunApprovedUtc is not null;
        var status = isFinal
            ? DocumentTexts.Format(AppendixWording.Final, DocumentTexts.Date(DateOnly.FromDateTime(info.RunApprovedUtc!.Value)))
            : AppendixWording.Provisional;
        var dates = DocumentTexts.PeriodDates(info.Start, info.End);
        return new AppendixModel(
            issuedOn, info.PeriodId, info.PeriodName, info.Start, info.End, dates, info.RunNumber, isFinal, status,
            await parts.LetterheadAsync(ct),
            await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct),
            AppendixWording.Title,
            DocumentTexts.Format(AppendixWording.Subtitle, info.PeriodName, dates),
            incentiveLawful || totalIncentive > 0 || info.RunIncentiveTotal > 0,
            ordered, totalAgents, totalIncentive, info.RunIncentiveTotal,
            DocumentTexts.Format(AppendixWording.Subject, info.PeriodName),
            SubjectKeys.Appendix(info.PeriodId));
    }

    private static string UnitName(Dictionary<int, string> names, int? unitId) =>
        unitId is { } id && names.TryGetValue(id, out var name) ? name : DocumentTexts.NoUnit;

    private static bool IncentiveLawful(string? rulesJson)
    {
        if (string.IsNullOrWhiteSpace(rulesJson)) return false;
        try
        {
            return RewardRules.FromJson(rulesJson).Incentive.IsLawful;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
