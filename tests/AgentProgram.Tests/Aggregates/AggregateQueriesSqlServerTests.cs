using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Analytics;
using AgentProgram.Web.Infrastructure.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Aggregates;

/// <summary>No SQL Server runs here: the refresher's and the analytics page's queries translate for SQL Server, grouped and counted in the database.</summary>
public sealed class AggregateQueriesSqlServerTests
{
    private static SqlServerAppDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options);

    private static readonly DateTime Start = new(2026, 3, 1, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_refreshers_day_queries_group_in_the_database()
    {
        using var db = SqlServer();
        var clicks = AggregateRefresher.ClicksQuery(db, 420, Start, End).ToQueryString();
        Assert.Contains("COUNT(DISTINCT", clicks, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", clicks, StringComparison.Ordinal);
        Assert.Contains("[IsBot]", clicks, StringComparison.Ordinal);
        Assert.Contains("[OccurredUtc] >= @", clicks, StringComparison.Ordinal);

        var responses = AggregateRefresher.ResponsesQuery(db, 420, Start, End).ToQueryString();
        Assert.Contains("DATEADD(hour", responses, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", responses, StringComparison.Ordinal);
        Assert.Contains("[RecordedUtc] >= @", responses, StringComparison.Ordinal);

        var week = AggregateRefresher.WeekQuery(db, new DateOnly(2026, 3, 2), Start, End.AddDays(6)).ToQueryString();
        // The state is tested inside the count, so the WHERE holds the posting time alone (see WeekQuery).
        Assert.Contains("COUNT(DISTINCT", week, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", week, StringComparison.Ordinal);
        Assert.DoesNotContain("WHERE [s].[State]", week, StringComparison.Ordinal);

        var active = AggregateRefresher.ActiveOnQuery(db, Start, End).ToQueryString();
        Assert.Contains("SELECT DISTINCT", active, StringComparison.Ordinal);
        Assert.DoesNotContain("WHERE [s].[State]", active, StringComparison.Ordinal);
        Assert.Contains("[Mission]", active, StringComparison.Ordinal);

        // A rebuild's clicks and responses: every row, grouped per local day, the offset written into the SQL so the
        // GROUP BY and the select list hold the same expression (SQL Server requires it).
        var allClicks = AggregateRefresher.ClicksQuery(db, 420).ToQueryString();
        Assert.Contains("CONVERT(date, DATEADD(minute, CAST(420.0E0 AS int), [l].[OccurredUtc]))", allClicks, StringComparison.Ordinal);
        Assert.DoesNotContain("[OccurredUtc] >= @", allClicks, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(allClicks, "GROUP BY"));
        var allResponses = AggregateRefresher.ResponsesQuery(db, 420).ToQueryString();
        Assert.Contains("CONVERT(date, DATEADD(minute, CAST(420.0E0 AS int), [p].[RecordedUtc]))", allResponses, StringComparison.Ordinal);
        Assert.DoesNotContain("@", allResponses.Replace("@__hours", "", StringComparison.Ordinal).Replace("@hours", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_analytics_queries_sum_and_count_distinct_in_the_database()
    {
        using var db = SqlServer();
        var active = AnalyticsHandler.ActiveAgentsQuery(db, new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10), [1, 2], MissionTag.Partisipasi, Platform.X);
        var sql = active.Select(x => x).Distinct().ToQueryString();
        // One bitmask test per year of the range, ANDed in SQL (bigint &), never read into memory.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(sql, @"\[a\]\.\[Year\] = "));
        Assert.Contains("[D0] & ", sql, StringComparison.Ordinal);
        Assert.Contains("DISTINCT", sql, StringComparison.Ordinal);
        Assert.Contains("[AggAgentActivity]", sql, StringComparison.Ordinal);

        // Without unit, mission or platform: the agents' year rows, one per agent, so no DISTINCT within a year.
        var institution = AnalyticsHandler.ActiveAgentsQuery(db, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 6), null, null, null).ToQueryString();
        Assert.Contains("[AggAgentYears]", institution, StringComparison.Ordinal);
        Assert.DoesNotContain("DISTINCT", institution, StringComparison.Ordinal);
        var twoYears = AnalyticsHandler.ActiveAgentsQuery(db, new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10), null, null, null).ToQueryString();
        Assert.Contains("[AggAgentYears]", twoYears, StringComparison.Ordinal);
        Assert.Contains("DISTINCT", twoYears, StringComparison.Ordinal);

        var shares = AnalyticsHandler.Filter(db.AggDailyShares, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), [1], 3, [3, 4], Platform.X)
            .GroupBy(x => x.MessageId).Select(g => new { g.Key, Reports = g.Sum(x => x.Reports) }).ToQueryString();
        Assert.Contains("SUM(", shares, StringComparison.Ordinal);
        Assert.Contains("IN (", shares, StringComparison.Ordinal);

        // A range over whole months and edge days: one statement, the months' rows and the other days' rows of shares
        // and responses in a UNION ALL; with a unit filter the months come from the per-unit rows.
        var year = AnalyticsHandler.MessageSumsQuery(db, new DateOnly(2025, 12, 20), new DateOnly(2026, 11, 10), [1], null, [3, 4], Platform.X).ToQueryString();
        foreach (var table in new[] { "[AggMonthlyShares]", "[AggDailyShares]", "[AggMonthlyResponses]", "[AggDailyResponses]" })
            Assert.Contains(table, year, StringComparison.Ordinal);
        Assert.DoesNotContain("[AggMonthlyMessageShares]", year, StringComparison.Ordinal);
        Assert.Contains("UNION ALL", year, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", year, StringComparison.Ordinal);
        // The edge days as two date ranges, never one range with the months cut out of it.
        Assert.DoesNotContain(" OR [a].[Day] > ", year, StringComparison.Ordinal);
        // Without a unit filter the months come from the per-message rows; whole months read no daily rows.
        var quarter = AnalyticsHandler.MessageSumsQuery(db, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, 3, null, null).ToQueryString();
        Assert.Contains("[AggMonthlyMessageShares]", quarter, StringComparison.Ordinal);
        Assert.Contains("[AggMonthlyMessageResponses]", quarter, StringComparison.Ordinal);
        Assert.DoesNotContain("[AggDailyShares]", quarter, StringComparison.Ordinal);
        Assert.DoesNotContain("[AggDailyResponses]", quarter, StringComparison.Ordinal);
        Assert.DoesNotContain("[AggMonthlyShares]", quarter, StringComparison.Ordinal);
        var days = AnalyticsHandler.MessageSumsQuery(db, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 25), null, null, null, null).ToQueryString();
        Assert.DoesNotContain("[AggMonthlyShares]", days, StringComparison.Ordinal);
        Assert.DoesNotContain("[AggMonthlyMessageShares]", days, StringComparison.Ordinal);

        var enrolled = AnalyticsHandler.EnrolledQuery(db, Start, End, [1]).ToQueryString();
        Assert.Contains("GROUP BY", enrolled, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aggregate_tables_follow_the_SQL_Server_key_rules()
    {
        using var db = SqlServer();
        foreach (var type in new[] { typeof(DailyShareFigure), typeof(DailyResponseFigure), typeof(MonthlyShareFigure), typeof(MonthlyResponseFigure), typeof(MonthlyMessageShareFigure), typeof(MonthlyMessageResponseFigure), typeof(AgentActivity), typeof(AgentYearActivity), typeof(UnitWeekActivity) })
        {
            var entity = db.Model.FindEntityType(type)!;
            Assert.All(entity.FindPrimaryKey()!.Properties, p => Assert.False(p.IsNullable, $"{type.Name}.{p.Name} is a nullable key column"));
            Assert.All(entity.FindPrimaryKey()!.Properties.Where(p => p.ClrType == typeof(string)), p => Assert.NotNull(p.GetMaxLength()));
        }
    }
}
