using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Home;

/// <summary>No SQL Server runs here: the home dashboards' queries are translated for SQL Server, one statement each, summed in the database.</summary>
public sealed class HomeQueriesSqlServerTests
{
    private static SqlServerAppDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options);

    private static readonly DateTime Start = new(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    [Fact]
    public void Participation_and_open_assignments_are_counted_in_the_database()
    {
        using var db = SqlServer();
        var participation = HomeFigures.ParticipationQuery(db, From, To, Start, End, [1, 2]).ToQueryString();
        Assert.Contains("UNION ALL", participation, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", participation, StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT", participation, StringComparison.Ordinal);
        Assert.Contains("[AggAgentActivity]", participation, StringComparison.Ordinal);
        Assert.DoesNotContain("[ShareReports]", participation, StringComparison.Ordinal);

        var open = HomeFigures.OpenAssignmentsQuery(db, End, null).ToQueryString();
        Assert.Contains("EXISTS", open, StringComparison.Ordinal);
        Assert.Contains("SUM(", open, StringComparison.Ordinal);
        Assert.Contains("MAX(", open, StringComparison.Ordinal);

        var period = HomeFigures.CurrentPeriodQuery(db, new DateOnly(2026, 10, 20)).ToQueryString();
        Assert.Contains("CASE", period, StringComparison.Ordinal);

        var head = HomeFigures.HeadQuery(db, new DateOnly(2026, 10, 20)).ToQueryString();
        Assert.Contains("[AggRefreshState]", head, StringComparison.Ordinal);
        Assert.Contains("TOP(1)", head, StringComparison.Ordinal);
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

        var days = HumasHomeHandler.SharesByDayQuery(db, From, To).ToQueryString();
        Assert.Contains("[AggDailyShares]", days, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", days, StringComparison.Ordinal);
        Assert.Contains("HAVING", days, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trend_reads_the_runs_totals_beside_the_periods_and_counts_a_runs_active_agents_once()
    {
        using var db = SqlServer();
        var trend = PimpinanHomeHandler.TrendQuery(db, new ReportingPeriod(1, "Oktober 2026", new(2026, 10, 1), new(2026, 10, 31), PeriodState.Calculated, 1, false))
            .ToQueryString();
        Assert.Contains("TOP(", trend, StringComparison.Ordinal);
        Assert.Contains("[RewardRuns]", trend, StringComparison.Ordinal);
        Assert.DoesNotContain("[RewardResults]", trend, StringComparison.Ordinal);

        var active = PimpinanHomeHandler.RunActiveQuery(db, [1, 2]).ToQueryString();
        Assert.Contains("COUNT(", active, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [r].[RunId]", active, StringComparison.Ordinal);
    }

    [Fact]
    public void The_enrolment_stamp_is_one_statement_of_counts_maxima_and_version_sums()
    {
        using var db = SqlServer();
        var stamp = EnrolmentStamp.Query(db).ToQueryString();
        foreach (var table in new[] { "[Agents]", "[Employees]", "[Units]", "[SocialAccounts]" }) Assert.Contains(table, stamp, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(stamp, @"COUNT\("));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(stamp, @"MAX\("));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(stamp, @"SUM\("));
    }

    [Fact]
    public void The_summarys_period_figures_read_the_aggregates_in_the_database()
    {
        using var db = SqlServer();
        var sums = SummaryFiguresReader.ShareSumsQuery(db, From, To, new(2026, 9, 1), new(2026, 9, 30)).ToQueryString();
        Assert.Contains("[AggDailyShares]", sums, StringComparison.Ordinal);
        Assert.Contains("SUM(", sums, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN [Units]", sums, StringComparison.Ordinal);

        var responses = SummaryFiguresReader.ResponseSumsQuery(db, From, To, new(2026, 9, 1), new(2026, 9, 30)).ToQueryString();
        Assert.Contains("[AggDailyResponses]", responses, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", responses, StringComparison.Ordinal);

        var windows = new SummaryFiguresReader.Windows(Start, End, End.AddDays(8), Start.AddDays(-30), Start, Start.AddDays(8));
        var agents = SummaryFiguresReader.AgentsQuery(db, windows, From, To, new(2026, 9, 1), new(2026, 9, 30)).ToQueryString();
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(agents, "UNION ALL"));
        Assert.Contains("COUNT(DISTINCT", agents, StringComparison.Ordinal);
        Assert.Contains("COUNT(CASE", agents, StringComparison.Ordinal);
        Assert.Contains("&", agents, StringComparison.Ordinal); // the day bits are tested in SQL

        var late = SummaryFiguresReader.LateReadingsQuery(db, RewardRules.Default, windows, true, true).ToQueryString();
        // Driven from each report's latest reading (grouped in SQL), not one EXISTS probe per report of the windows.
        Assert.Contains("HAVING MAX(", late, StringComparison.Ordinal);
        Assert.DoesNotContain("EXISTS", late, StringComparison.Ordinal);
        Assert.Contains("MAX(", late, StringComparison.Ordinal);
        Assert.Contains("% CAST(1000000000000 AS bigint)", late.Replace("%  ", "% ", StringComparison.Ordinal), StringComparison.Ordinal);

        var enrolled = SummaryFiguresReader.EnrolledQuery(db, windows).ToQueryString();
        Assert.Contains("COUNT(CASE", enrolled, StringComparison.Ordinal);
    }

    [Fact]
    public void An_officers_own_open_tasks_are_one_statement_on_their_agent_id()
    {
        using var db = SqlServer();
        var tasks = AgentHomeHandler.OpenTasksQuery(db, 42, End).ToQueryString();
        Assert.Contains("TOP(", tasks, StringComparison.Ordinal);
        Assert.Contains("[AgentId] = @", tasks, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", tasks, StringComparison.Ordinal);
    }
}
