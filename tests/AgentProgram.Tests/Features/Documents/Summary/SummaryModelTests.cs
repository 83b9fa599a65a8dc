using System.Data.Common;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.Summary;

/// <summary>Every figure of the Ringkasan Pimpinan on the hand-built <see cref="DocumentDataSet"/>.</summary>
public sealed class SummaryModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(DocumentDataSet Data, SummaryModel Model, int Statements)> BuildAsync()
    {
        var data = await DocumentDataSet.SeedAsync(app);
        var counter = new StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = CountingDb(scope.ServiceProvider, counter);
        var handler = new SummaryModelHandler(db, scope.ServiceProvider.GetRequiredService<Display>(), new OfficialPartsHandler(db), scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>());
        var model = await handler.BuildAsync(data.PeriodId, DocumentDataSet.IssuedOn);
        Assert.NotNull(model);
        return (data, model, counter.Count);
    }

    /// <summary>A context on the test database that counts the statements it sends.</summary>
    internal static SqliteAppDbContext CountingDb(IServiceProvider sp, StatementCounter counter)
    {
        var connection = sp.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(counter).Options);
    }

    [Fact]
    public async Task The_summary_holds_every_figure_of_the_period_and_the_previous_one()
    {
        var (d, m, statements) = await BuildAsync();

        Assert.Equal("Ringkasan Pimpinan Periode Oktober 2026", m.Title);
        Assert.Equal(DocumentDataSet.IssuedOn, m.IssuedOn);
        Assert.True(statements <= 12, $"{statements} statements on this connection (the report figures run on a second one)");

        // Letterhead and signature.
        Assert.Equal("Pemerintah Kota Uji", m.Letterhead.InstitutionName);
        Assert.Equal(["PEMERINTAH PROVINSI UJI", "SEKRETARIAT DAERAH"], m.Letterhead.ParentLines);
        Assert.Equal("Jl. Merdeka No. 1, Kota Uji", m.Letterhead.Address);
        Assert.Equal("Telp. (021) 123456 | Email humas@kotauji.go.id | Laman kotauji.go.id", m.Letterhead.Contacts);
        Assert.NotNull(m.Signature);
        Assert.Equal("Kota Uji, 4 Desember 2026", m.Signature.PlaceAndDate);
        Assert.Equal("Pembina, IV/a", m.Signature.RankAndGrade);
        Assert.Equal("19820315 200604 1 002", m.Signature.FormattedNip);
        Assert.Equal("Dimas Prasetyo, S.I.Kom., M.A.", m.Signature.Name);

        // Periods: the previous is September of the same scheme (not August, not the other scheme's).
        Assert.Equal("1 Oktober 2026 – 31 Oktober 2026", m.Period.DateRange);
        Assert.Equal("Sudah dihitung", m.Period.StateLabel);
        Assert.True(m.Period.IsProvisional);
        Assert.NotNull(m.PreviousPeriod);
        Assert.Equal("September 2026", m.PreviousPeriod.Name);
        Assert.False(m.PreviousPeriod.IsProvisional);

        // Key figures, October.
        var c = m.Current;
        Assert.Equal(5, c.EnrolledAgents);
        Assert.Equal(2, c.ActiveAgents);
        Assert.Equal(40m, c.ParticipationRate);
        Assert.Equal(6, c.ShareReports);
        Assert.Equal(4, c.VerifiedShares);
        Assert.Equal(66.67m, c.VerifiedShareRate);
        Assert.Equal(1_600, c.CumulativeReach);
        Assert.Equal(3_000, c.Views);
        Assert.Equal(5, c.LinkClicks);
        Assert.Equal(4, c.UniqueVisitors);
        Assert.Equal(4, c.PublicResponses);
        Assert.True(c.HasResults);
        Assert.True(c.ResultsProvisional);
        Assert.Equal(2, c.RecognisedAgents);
        Assert.Equal(1, c.Recommendations);
        Assert.Equal(750_000, c.IncentiveTotal);

        // Key figures, September.
        var p = m.Previous;
        Assert.NotNull(p);
        Assert.Equal(5, p.EnrolledAgents);
        Assert.Equal(2, p.ActiveAgents);
        Assert.Equal(40m, p.ParticipationRate);
        Assert.Equal(3, p.ShareReports);
        Assert.Equal(2, p.VerifiedShares);
        Assert.Equal(66.67m, p.VerifiedShareRate);
        Assert.Equal(100, p.CumulativeReach);
        Assert.Equal(150, p.Views);
        Assert.Equal(1, p.LinkClicks);
        Assert.Equal(1, p.UniqueVisitors);
        Assert.Equal(1, p.PublicResponses);
        Assert.False(p.ResultsProvisional);
        Assert.Equal(1, p.RecognisedAgents);
        Assert.Equal(0, p.Recommendations);
        Assert.Equal(500_000, p.IncentiveTotal);

        // The comparison rows.
        var reach = m.KeyFigures.Single(k => k.Label == "Jangkauan kumulatif");
        Assert.Equal((1_600m, 100m, 1_500m, 1_500m), (reach.Current, reach.Previous, reach.Change, reach.ChangePercent));
        var participation = m.KeyFigures.Single(k => k.Label == "Tingkat partisipasi");
        Assert.Equal(FigureKind.Percent, participation.Kind);
        Assert.Equal((40m, 40m, 0m, (decimal?)null), (participation.Current, participation.Previous, participation.Change, participation.ChangePercent));
        var incentive = m.KeyFigures.Single(k => k.Label == "Total insentif");
        Assert.Equal((FigureKind.Rupiah, 750_000m, 500_000m, 250_000m, 50m), (incentive.Kind, incentive.Current, incentive.Previous, incentive.Change, incentive.ChangePercent));
        var reports = m.KeyFigures.Single(k => k.Label == "Laporan sebaran");
        Assert.Equal((6m, 3m, 3m, 100m), (reports.Current, reports.Previous, reports.Change, reports.ChangePercent));
        Assert.Equal(14, m.KeyFigures.Count);

        // Per mission tag.
        Assert.Equal([MissionTag.Transparansi, MissionTag.Partisipasi, MissionTag.Kolaborasi], m.Missions.Select(x => x.Tag));
        var t = m.Missions[0];
        Assert.Equal("Transparansi (menginformasikan)", t.Label);
        Assert.Contains("Klik ke laman resmi", t.KpiLabels);
        Assert.Equal((4, 2, 1, 600L, 1_000L, 5L, 0L, 0L), (t.ShareReports, t.VerifiedShares, t.ActiveAgents, t.CumulativeReach, t.Views, t.Comments, t.Reposts, t.Saves));
        Assert.Equal((3L, 2L, 2), (t.LinkClicks, t.UniqueVisitors, t.PublicResponses));
        Assert.Equal(new AgentProgram.Web.Domain.Reports.DialogicLoopFigure(2, 2, 1, 0), t.DialogicLoop);
        var pa = m.Missions[1];
        Assert.Equal((2, 2, 2, 1_000L, 2_000L, 10L, 4L, 3L), (pa.ShareReports, pa.VerifiedShares, pa.ActiveAgents, pa.CumulativeReach, pa.Views, pa.Comments, pa.Reposts, pa.Saves));
        Assert.Equal((2L, 2L, 2), (pa.LinkClicks, pa.UniqueVisitors, pa.PublicResponses));
        Assert.Equal(new AgentProgram.Web.Domain.Reports.DialogicLoopFigure(2, 1, 0, 1), pa.DialogicLoop);
        var k = m.Missions[2];
        Assert.Equal((0, 0, 0, 0L, 0L, 0), (k.ShareReports, k.VerifiedShares, k.ActiveAgents, k.CumulativeReach, k.LinkClicks, k.PublicResponses));

        // Per unit: most reach first; agents without a unit last.
        Assert.Equal(["Dinas Kesehatan Uji", "Dinas Kominfo Uji", "Tanpa unit"], m.Units.Select(u => u.UnitName));
        Assert.Equal((d.U2, 2, 1, 50m, 2, 1, 1_000L), Row(m.Units[0]));
        Assert.Equal((d.U1, 2, 1, 50m, 4, 3, 600L), Row(m.Units[1]));
        Assert.Equal(((int?)null, 1, 0, 0m, 0, 0, 0L), Row(m.Units[2]));
        Assert.Equal(["Dinas Kesehatan Uji", "Dinas Kominfo Uji", "Tanpa unit"], m.ReachByUnitChart.Categories);
        Assert.Equal([1_000d, 600d, 0d], m.ReachByUnitChart.Series.Single().Values);
        Assert.Equal([50d, 50d, 0d], m.ParticipationByUnitChart.Series.Single().Values);

        // Top agents by rank: names and units, no NIP anywhere in the model.
        Assert.Equal([(1, "Citra Dewi", "Dinas Kesehatan Uji", 90m), (2, "Ani Lestari, S.Kom.", "Dinas Kominfo Uji", 80m), (3, "Budi Santoso", "Dinas Kominfo Uji", 10m)],
            m.TopAgents.Select(a => (a.Rank, a.Name, a.UnitName, a.Score)));
        var json = JsonSerializer.Serialize(m);
        foreach (var nip in d.Nips)
        {
            Assert.DoesNotContain(nip, json, StringComparison.Ordinal);
            Assert.DoesNotContain(AgentProgram.Web.Domain.Employees.Nip.FormatForDisplay(nip), json, StringComparison.Ordinal);
        }

        // Top messages: most verified shares, then most reach (M2 and M1 both have 2).
        Assert.Equal([(1, "Ayo Daftar Posyandu", 2, 1_000L, 2_000L), (2, "Vaksinasi Gratis untuk Warga", 2, 600L, 1_000L)],
            m.TopMessages.Select(x => (x.Position, x.Title, x.VerifiedShares, x.CumulativeReach, x.Views)));
        Assert.Equal("Partisipasi (mengajak bertindak)", m.TopMessages[0].MissionLabel);

        // Dialogic loop and verification.
        Assert.Equal(new AgentProgram.Web.Domain.Reports.DialogicLoopFigure(4, 3, 1, 1), m.DialogicLoop);
        Assert.Equal(new VerificationStats(6, 4, 1, 1, 1, 1), m.Verification);
        Assert.Equal("Partisipasi naik setelah pelatihan agen di Dinas Kesehatan.", m.Notes);
    }

    private static (int?, int, int, decimal?, int, int, long) Row(UnitFigures u) =>
        (u.UnitId, u.EnrolledAgents, u.ActiveAgents, u.ParticipationRate ?? 0m, u.ShareReports, u.VerifiedShares, u.CumulativeReach);

    [Fact]
    public async Task An_unknown_period_gives_null_and_a_first_period_has_no_comparison()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<SummaryModelHandler>();
        Assert.Null(await handler.BuildAsync(987_654, DocumentDataSet.IssuedOn));

        var scheme = await Rewards.RewardSeed.SchemeAsync(app, RewardRules.Default, "Skema Baru");
        var period = await Rewards.RewardSeed.PeriodAsync(app, scheme, "Januari 2027", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));
        var model = await handler.BuildAsync(period.Id, DocumentDataSet.IssuedOn);
        Assert.NotNull(model);
        Assert.Null(model.PreviousPeriod);
        Assert.Null(model.Previous);
        Assert.All(model.KeyFigures, k => Assert.Null(k.Previous));
        Assert.False(model.Current.HasResults);
        Assert.Null(model.Current.RecognisedAgents);
        Assert.Empty(model.TopAgents);
        Assert.Null(model.Current.VerifiedShareRate);
    }

    [Fact]
    public async Task The_summary_read_from_the_stored_aggregates_equals_the_one_summed_from_the_raw_rows()
    {
        // A database of its own: before the aggregates' first build the summary sums the raw reports; after it, the aggregates.
        // The data set has readings taken after each period's evidence deadline (R5's CSV reading, P1's in October): the
        // aggregates count them, the summary must not, so they are taken out again for those reports.
        await using var fresh = new AppFactory();
        var data = await DocumentDataSet.SeedAsync(fresh);
        var raw = await BuildOnAsync(fresh, data.PeriodId);
        Assert.Null(raw.Statements.Figures);

        await AgentProgram.Tests.Aggregates.AggregateOracle.RefreshAsync(fresh);
        var stored = await BuildOnAsync(fresh, data.PeriodId);
        Assert.NotNull(stored.Statements.Figures?.AggregatesAsOfUtc);
        Assert.True(stored.Statements.Count <= 12, $"{stored.Statements.Count} statements");
        Assert.Equal(JsonSerializer.Serialize(raw.Model), JsonSerializer.Serialize(stored.Model));
        Assert.Equal(1_600, stored.Model.Current.CumulativeReach); // R5's late CSV reading is not counted

        // A change after the build: the document brings the aggregates up to date before it reads them (R3 verified now).
        await fresh.WithDb(async db =>
        {
            var r3 = await db.ShareReports.SingleAsync(r => r.Id == data.R3);
            r3.State = AgentProgram.Web.Domain.Reports.ReportState.Verified;
            await AgentProgram.Web.Infrastructure.Aggregates.AggregateMarks.TrackAsync(db);
            return await db.SaveChangesAsync();
        });
        var after = await BuildOnAsync(fresh, data.PeriodId);
        Assert.Equal(5, after.Model.Current.VerifiedShares);
        Assert.Equal(3, after.Model.Current.ActiveAgents);
    }

    [Fact]
    public void Rules_that_rank_evidence_sources_otherwise_than_the_aggregates_are_read_from_the_raw_rows()
    {
        Assert.True(SummaryFiguresReader.SameEvidenceOrder(RewardRules.Default, RewardRules.Default));
        var swapped = RewardRules.Default with
        {
            EvidenceFactors = [.. RewardRules.Default.EvidenceFactors.Select(f => f.Source == AgentProgram.Web.Domain.Reports.MetricSource.SelfReported ? f with { Percent = 95 } : f)],
        };
        Assert.False(SummaryFiguresReader.SameEvidenceOrder(swapped, RewardRules.Default));
        var scaled = RewardRules.Default with { EvidenceFactors = [.. RewardRules.Default.EvidenceFactors.Select(f => f with { Percent = f.Percent / 2 })] };
        Assert.True(SummaryFiguresReader.SameEvidenceOrder(scaled, RewardRules.Default));
        var periods = new SummaryPeriods(new SummaryPeriodRow(1, "P", new(2026, 10, 1), new(2026, 10, 31), PeriodState.Open, null, null, null, null, null), null,
            swapped, null, AggregatesBuilt: true, DateTime.UtcNow);
        Assert.False(SummaryFiguresReader.CanUseAggregates(periods));
        Assert.True(SummaryFiguresReader.CanUseAggregates(periods with { Rules = RewardRules.Default }));
        Assert.False(SummaryFiguresReader.CanUseAggregates(periods with { Rules = RewardRules.Default, AggregatesBuilt = false }));
    }

    private static async Task<(SummaryModel Model, (int Count, SummaryFigures? Figures) Statements)> BuildOnAsync(AppFactory app, int periodId)
    {
        var counter = new StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = CountingDb(scope.ServiceProvider, counter);
        var handler = new SummaryModelHandler(db, scope.ServiceProvider.GetRequiredService<Display>(), new OfficialPartsHandler(db), scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>());
        var model = await handler.BuildAsync(periodId, DocumentDataSet.IssuedOn);
        Assert.NotNull(model);
        var statements = counter.Count;
        var figures = await handler.FiguresAsync(periodId);
        return (model, (statements, figures?.AggregatesAsOfUtc is null ? null : figures));
    }

    internal sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
