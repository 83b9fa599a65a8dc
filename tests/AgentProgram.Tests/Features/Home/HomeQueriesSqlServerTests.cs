using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Home;

/// <summary>No SQL Server runs here: the Humas and Pimpinan dashboards' queries are translated for SQL Server, one statement each, summed in the database.</summary>
public sealed class HomeQueriesSqlServerTests
{
    private static SqlServerAppDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options);

    private static readonly DateTime Start = new(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Participation_and_open_assignments_are_counted_in_the_database()
    {
        using var db = SqlServer();
        var participation = HomeFigures.ParticipationQuery(db, Start, End, [1, 2]).ToQueryString();
        Assert.Contains("UNION ALL", participation, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", participation, StringComparison.Ordinal);
        Assert.Contains("DISTINCT", participation, StringComparison.Ordinal);

        var open = HomeFigures.OpenAssignmentsQuery(db, End, null).ToQueryString();
        Assert.Contains("EXISTS", open, StringComparison.Ordinal);
        Assert.Contains("SUM(", open, StringComparison.Ordinal);
        Assert.Contains("MAX(", open, StringComparison.Ordinal);

        var period = HomeFigures.CurrentPeriodQuery(db, new DateOnly(2026, 10, 20)).ToQueryString();
        Assert.Contains("CASE", period, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Humas_figures_are_one_statement_each()
    {
        using var db = SqlServer();
        var pending = HumasHomeHandler.PendingQuery(db).ToQueryString();
        Assert.Contains("COUNT(", pending, StringComparison.Ordinal);
        Assert.Contains("&", pending, StringComparison.Ordinal); // the flag bits are tested in SQL

        var messages = HumasHomeHandler.MessageFiguresQuery(db, [1, 2]).ToQueryString();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(messages, "UNION ALL"));
        Assert.Contains("COUNT(DISTINCT", messages, StringComparison.Ordinal);
        Assert.Contains("DATEADD(", messages, StringComparison.Ordinal);

        var days = HumasHomeHandler.SharesByDayQuery(db, Start, End, 420).ToQueryString();
        Assert.Contains("DATEADD(minute", days, StringComparison.Ordinal);
        Assert.Contains("CONVERT(date", days, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", days, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trend_reads_the_runs_totals_beside_the_periods()
    {
        using var db = SqlServer();
        var trend = PimpinanHomeHandler.TrendQuery(db, new ReportingPeriod(1, "Oktober 2026", new(2026, 10, 1), new(2026, 10, 31), PeriodState.Calculated, 1, false))
            .ToQueryString();
        Assert.Contains("TOP(", trend, StringComparison.Ordinal);
        Assert.Contains("COUNT(", trend, StringComparison.Ordinal);
        Assert.Contains("[RewardRuns]", trend, StringComparison.Ordinal);
    }
}
