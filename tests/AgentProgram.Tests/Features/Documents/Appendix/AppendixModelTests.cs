using AgentProgram.Tests.Features.Documents.Letters;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Appendix;
using AgentProgram.Web.Features.Documents.Letters;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Documents.Appendix;

public sealed class AppendixModelTests(DocumentDataApp app) : IClassFixture<DocumentDataApp>
{
    private Task<AppendixModel?> Build(int periodId) =>
        app.Handle<AppendixModel?, AppendixModelHandler>(h => h.BuildAsync(periodId, DocumentDataApp.IssuedOn));

    [Fact]
    public async Task Groups_units_by_name_with_agents_without_a_unit_last_and_rows_by_rank()
    {
        var model = (await Build(app.PeriodId))!;

        Assert.Equal(["Badan Keuangan", "Dinas Kesehatan", "Dinas Kominfo", DocumentTexts.NoUnit], model.Units.Select(u => u.UnitName));
        Assert.Null(model.Units[^1].UnitId);
        string[] Ids(string unit) => [.. model.Units.Single(u => u.UnitName == unit).Rows.Select(r => app.Agents.Single(a => a.AgentId == r.AgentId).Key)];
        // Rank ties (Andi and Wayan share 3) go by name; "tono" has no outcome and is left out.
        Assert.Equal(["siti", "andi", "wayan", "hendra"], Ids("Dinas Kominfo"));
        Assert.Equal(["budi", "dewi"], Ids("Dinas Kesehatan"));
        Assert.Equal(["agus", "made"], Ids("Badan Keuangan"));
        Assert.Equal(["rina"], Ids(DocumentTexts.NoUnit));
        Assert.All(model.Units, u => Assert.Equal(Enumerable.Range(1, u.Rows.Count), u.Rows.Select(r => r.Number)));
        Assert.All(model.Units, u => Assert.Equal(u.Rows.Select(r => r.Rank).Order(), u.Rows.Select(r => r.Rank)));
    }

    [Fact]
    public async Task Totals_per_unit_and_overall_equal_the_run_to_the_rupiah()
    {
        var model = (await Build(app.PeriodId))!;
        var (dbSum, dbCount, runTotal) = await app.WithDb(async db => (
            await db.RewardResults.Where(r => r.RunId == app.RunId).SumAsync(r => r.IncentiveAmount),
            await db.RewardResults.CountAsync(r => r.RunId == app.RunId && r.Outcomes != RewardOutcomes.None),
            await db.RewardRuns.Where(r => r.Id == app.RunId).Select(r => r.IncentiveTotal).SingleAsync()));

        Assert.Equal(1_250_000, dbSum);
        Assert.Equal(dbSum, model.TotalIncentive);
        Assert.Equal(runTotal, model.TotalIncentive);
        Assert.Equal(runTotal, model.RunIncentiveTotal);
        Assert.Equal(dbCount, model.TotalAgents);
        Assert.Equal(9, model.TotalAgents);
        Assert.Equal(model.TotalIncentive, model.Units.Sum(u => u.IncentiveTotal));
        Assert.Equal(model.TotalAgents, model.Units.Sum(u => u.Agents));
        foreach (var unit in model.Units)
        {
            Assert.Equal(unit.Rows.Count, unit.Agents);
            Assert.Equal(unit.Rows.Sum(r => r.IncentiveAmount), unit.IncentiveTotal);
        }
        Assert.Equal(550_000, model.Units.Single(u => u.UnitName == "Dinas Kominfo").IncentiveTotal);
        Assert.Equal(550_000, model.Units.Single(u => u.UnitName == "Dinas Kesehatan").IncentiveTotal);
        Assert.Equal(0, model.Units.Single(u => u.UnitName == "Badan Keuangan").IncentiveTotal);
        Assert.Equal(150_000, model.Units.Single(u => u.UnitId is null).IncentiveTotal);
        Assert.True(model.ShowIncentive);
    }

    [Fact]
    public async Task A_row_shows_name_with_degrees_formatted_nip_grade_position_score_rank_outcomes_and_incentive()
    {
        var model = (await Build(app.PeriodId))!;
        var rows = model.Units.SelectMany(u => u.Rows).ToList();
        var siti = rows.Single(r => r.AgentId == app["siti"].AgentId);
        Assert.Equal("Dr. Siti Aminah, S.Sos., M.Si.", siti.Name);
        Assert.Equal("19860926 201505 1 001", siti.Nip);
        Assert.Equal("III/d", siti.Grade);
        Assert.Equal("Pranata Humas Siti", siti.Position);
        Assert.Equal(98.5m, siti.Score);
        Assert.Equal(1, siti.Rank);
        Assert.Equal(400_000, siti.IncentiveAmount);
        Assert.Equal(RewardOutcomes.Recognition | RewardOutcomes.Incentive | RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation, siti.Outcomes);
        Assert.Equal(
            $"{OutcomeExplanations.Recognition}; {OutcomeExplanations.Incentive}; {OutcomeExplanations.Promotion}; {OutcomeExplanations.StudyTugas}",
            siti.OutcomeLabels);

        var wayan = rows.Single(r => r.AgentId == app["wayan"].AgentId);
        Assert.Equal("20001231 202421 1 001", wayan.Nip);
        Assert.Equal("IX", wayan.Grade);
        Assert.Equal("Wayan Putra, S.Kom.", wayan.Name);
        Assert.Contains(OutcomeExplanations.Development, wayan.OutcomeLabels, StringComparison.Ordinal);
        Assert.Equal("II/a", rows.Single(r => r.AgentId == app["agus"].AgentId).Grade);
        // The same combination of outcomes shares one label string.
        Assert.Same(rows.Single(r => r.AgentId == app["andi"].AgentId).OutcomeLabels, rows.Single(r => r.AgentId == app["agus"].AgentId).OutcomeLabels);
    }

    [Fact]
    public async Task Carries_period_status_parts_and_subject()
    {
        var model = (await Build(app.PeriodId))!;
        Assert.True(model.IsFinal);
        Assert.Equal("Final: disetujui pada 3 November 2026", model.StatusText);
        Assert.Equal(DocumentDataApp.PeriodName, model.PeriodName);
        Assert.Equal(DocumentDataApp.Start, model.PeriodStart);
        Assert.Equal(DocumentDataApp.End, model.PeriodEnd);
        Assert.Equal("1 Oktober 2026 s.d. 31 Oktober 2026", model.PeriodDates);
        Assert.Equal(DocumentDataApp.IssuedOn, model.IssuedOn);
        Assert.Equal(DocumentDataApp.Institution, model.Letterhead.InstitutionName);
        Assert.Equal(DocumentDataApp.HumasTitle, model.Signature!.PositionTitle);
        Assert.Equal("Kota Uji, 10 November 2026", model.Signature.PlaceAndDate);
        Assert.Contains(DocumentDataApp.PeriodName, model.Subject, StringComparison.Ordinal);
        Assert.Equal($"appendix:period:{app.PeriodId}", model.SubjectKey);
    }

    [Fact]
    public async Task An_unapproved_run_is_provisional()
    {
        var model = (await Build(app.ProvisionalPeriodId))!;
        Assert.False(model.IsFinal);
        Assert.Equal(AppendixWording.Provisional, model.StatusText);
        Assert.Equal(app["budi"].AgentId, Assert.Single(Assert.Single(model.Units).Rows).AgentId);
        Assert.Equal(0, model.TotalIncentive);
    }

    [Fact]
    public async Task No_model_without_a_period_or_a_run()
    {
        Assert.Null(await Build(app.NoRunPeriodId));
        Assert.Null(await Build(999_999));
    }
}
