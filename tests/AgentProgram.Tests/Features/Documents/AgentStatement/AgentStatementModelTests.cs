using AgentProgram.Tests.Features.Documents.Summary;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.AgentStatement;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Documents.AgentStatement;

/// <summary>The Laporan Kinerja Agen of A1 (and A4, not eligible) for October on the hand-built <see cref="DocumentDataSet"/>.</summary>
public sealed class AgentStatementModelTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_statement_holds_the_agent_the_scores_the_outcomes_and_every_line()
    {
        var d = await DocumentDataSet.SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<AgentStatementModelHandler>();

        var m = await handler.BuildAsync(d.PeriodId, d.A1.AgentId, DocumentDataSet.IssuedOn);

        Assert.NotNull(m);
        Assert.Equal("Laporan Kinerja Agen Periode Oktober 2026", m.Title);
        Assert.Equal(DocumentDataSet.IssuedOn, m.IssuedOn);
        Assert.Equal("Pemerintah Kota Uji", m.Letterhead.InstitutionName);
        Assert.True(m.IsProvisional);
        Assert.Equal("1 Oktober 2026 – 31 Oktober 2026", m.Period.DateRange);

        // The agent's own document: the NIP is shown, formatted.
        var nip = d.Nips.Single(n => AgentProgram.Web.Domain.Employees.Nip.FormatForDisplay(n) == m.Agent.FormattedNip);
        Assert.Equal(18, nip.Length);
        Assert.Equal("Ani Lestari, S.Kom.", m.Agent.Name);
        Assert.Equal("PNS", m.Agent.EmploymentType);
        Assert.Equal("Penata Muda, III/a", m.Agent.Grade);
        Assert.Equal("Pranata Humas Ahli Pertama", m.Agent.Position);
        Assert.Equal("Dinas Kominfo Uji", m.Agent.UnitName);

        Assert.Equal(new StatementScores(2m, 2m, 0m, 4m, 3.5m, 80m, 2, 1, 2, 2, 100m, 0), m.Scores);
        // Ranked 2 of 3 eligible; in the unit, A1 and A2 are ranked (A4 is not); U2 (90) leads U1 ((80 + 10) / 2 = 45).
        Assert.Equal(new StatementStanding(2, 3, 66.67m, "50% terbawah", 1, 2, "Dinas Kominfo Uji", 2, 2, 45m), m.Standing);
        Assert.Empty(m.IneligibleReasons);

        // Outcomes under the scheme (recognition top 2; promotion and study by default; no lawful incentive).
        Assert.Equal(
        [
            ("Piagam Penghargaan", true, ""),
            ("Direkomendasikan untuk dipertimbangkan kenaikan pangkat/jabatan", false, "Perlu masuk 10% teratas pada 2 periode berturut-turut; tercapai 0"),
            ("Direkomendasikan untuk dipertimbangkan izin belajar", false, "Perlu masuk 5% teratas; Anda di 66,67% teratas"),
        ], m.Outcomes.Select(o => (o.Label, o.Reached, string.Join(" | ", o.Missing))));

        // Every line, in stored order, with message, platform, local time, status and points.
        Assert.Equal(
        [
            (d.R1, "Vaksinasi Gratis untuk Warga", "X", "02/10/2026 12.00 WIB", LineStatus.Counted, "Dihitung", 6.5m, 2),
            (d.R2, "Vaksinasi Gratis untuk Warga", "Facebook", "03/10/2026 12.00 WIB", LineStatus.CapPerDay, "Batas per hari tercapai", 0m, 0),
            (d.R6, "Ayo Daftar Posyandu", "X", "01/10/2026 01.00 WIB", LineStatus.Counted, "Dihitung", 1m, 0),
        ], m.Lines.Select(l => (l.ReportId, l.MessageTitle, l.PlatformName, l.Posted, l.Status, l.StatusLabel, l.Total, l.Visitors)));
        Assert.Equal((1m, 2m, 3.5m, 0m, Platform.X), (m.Lines[0].SharePoints, m.Lines[0].TimelyPoints, m.Lines[0].EngagementPoints, m.Lines[0].Deduction, m.Lines[0].Platform!.Value));

        // A4 was not ranked: the reason is spelled out, and on every outcome.
        var a4 = await handler.BuildAsync(d.PeriodId, d.A4.AgentId, DocumentDataSet.IssuedOn);
        Assert.NotNull(a4);
        Assert.Equal(["kedudukan hukum tidak aktif"], a4.IneligibleReasons);
        Assert.Null(a4.Standing.Rank);
        Assert.All(a4.Outcomes, o => Assert.Equal(["Tidak memenuhi syarat: kedudukan hukum tidak aktif"], o.Missing));
        Assert.Empty(a4.Lines);

        // Missing period, agent or result.
        Assert.Null(await handler.BuildAsync(987_654, d.A1.AgentId, DocumentDataSet.IssuedOn));
        Assert.Null(await handler.BuildAsync(d.PeriodId, 987_654, DocumentDataSet.IssuedOn));
        Assert.Null(await handler.BuildAsync(d.PeriodId, d.A5.AgentId, DocumentDataSet.IssuedOn));
    }
}
