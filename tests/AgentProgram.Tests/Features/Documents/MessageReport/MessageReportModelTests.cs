using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Documents.MessageReport;
using AgentProgram.Web.Features.Documents.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.MessageReport;

/// <summary>Every figure of the Laporan Pesan of M1 on the hand-built <see cref="DocumentDataSet"/>.</summary>
public sealed class MessageReportModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_message_report_holds_every_figure_of_the_message()
    {
        var d = await DocumentDataSet.SeedAsync(app);
        var counter = new SummaryModelTests.StatementCounter();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = SummaryModelTests.CountingDb(scope.ServiceProvider, counter);
        var handler = new MessageReportModelHandler(db, scope.ServiceProvider.GetRequiredService<AgentProgram.Web.Infrastructure.Time.Display>(),
            scope.ServiceProvider.GetRequiredService<IConfiguration>(), new OfficialPartsHandler(db));

        var m = await handler.BuildAsync(d.M1, DocumentDataSet.IssuedOn);

        Assert.NotNull(m);
        Assert.True(counter.Count <= 8, $"{counter.Count} statements");
        Assert.Equal("Laporan Pesan: Vaksinasi Gratis untuk Warga", m.Title);
        Assert.Equal(DocumentDataSet.IssuedOn, m.IssuedOn);
        Assert.Equal("Pemerintah Kota Uji", m.Letterhead.InstitutionName);
        Assert.Equal("Kota Uji, 4 Desember 2026", m.Signature?.PlaceAndDate);

        // The message: published 2 Oct 02:00 UTC (09.00 WIB) for ten days.
        Assert.Equal("Vaksinasi Gratis untuk Warga", m.Message.Title);
        Assert.Equal(MissionTag.Transparansi, m.Message.Mission);
        Assert.Equal("Transparansi (menginformasikan)", m.Message.MissionLabel);
        Assert.Equal("2 Oktober 2026 09.00 WIB – 12 Oktober 2026 09.00 WIB", m.Message.ActiveWindow);
        Assert.Equal("Terbit", m.Message.StatusLabel);

        // Assignments A1–A4; A1, A2, A3 reported; only A1 has a verified share.
        Assert.Equal(new MessageAssignmentFigures(4, 3, 1, 75m), m.Assignments);

        // R1 X verified (200/300), R2 Facebook verified (400/700), R3 X pending, R4 Instagram rejected.
        Assert.Equal(new MessageShareTotals(4, 2, 1, 1, 50m, 600, 1_000, 4, 3, 2), m.Totals);
        Assert.Equal([Platform.Instagram, Platform.Facebook, Platform.X], m.Platforms.Select(p => p.Platform));
        Assert.Equal(("Instagram", 1, 0, 1, 0, 0L, 0L, 0L), P(m.Platforms[0]));
        Assert.Equal(("Facebook", 1, 1, 0, 0, 400L, 700L, 0L), P(m.Platforms[1]));
        Assert.Equal(("X", 2, 1, 0, 1, 200L, 300L, 4L), P(m.Platforms[2]));
        Assert.Equal(3, m.Platforms[2].UniqueVisitors); // v1, v2 in October, v9 in September; the bot is left out

        // Responses: a question answered in 8 hours and a complaint referred after two days.
        Assert.Equal([("Pertanyaan", 1), ("Keluhan", 1), ("Laporan hoaks", 0), ("Apresiasi", 0)], m.Responses.Select(r => (r.Label, r.Count)));
        Assert.Equal(new DialogicLoopFigure(2, 2, 1, 0), m.DialogicLoop);
        Assert.Equal(0.5, m.DialogicLoop.Rate);

        // Units: assignments by the agent's unit, reports by the report's unit.
        Assert.Equal(["Dinas Kominfo Uji", "Dinas Kesehatan Uji"], m.Units.Select(u => u.UnitName));
        Assert.Equal(new MessageUnitFigures(d.U1, "Dinas Kominfo Uji", 2, 2, 100m, 3, 2, 600, 1_000), m.Units[0]);
        Assert.Equal(new MessageUnitFigures(d.U2, "Dinas Kesehatan Uji", 2, 1, 50m, 1, 0, 0, 0), m.Units[1]);
        Assert.Equal(["Dinas Kominfo Uji"], m.TopUnits.Select(u => u.UnitName));
    }

    private static (string, int, int, int, int, long, long, long) P(PlatformFigures p) =>
        (p.PlatformName, p.Reported, p.Verified, p.Rejected, p.Pending, p.CumulativeReach, p.Views, p.LinkClicks);

    [Fact]
    public async Task An_unknown_message_gives_null()
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<MessageReportModelHandler>().BuildAsync(987_654, DocumentDataSet.IssuedOn));
    }
}
