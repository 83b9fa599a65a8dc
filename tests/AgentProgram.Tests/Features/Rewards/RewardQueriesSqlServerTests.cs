using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Rewards;

/// <summary>
/// No SQL Server runs here, so the calculation's set-based queries are translated for SQL Server and
/// the SQL is checked: every one translates, values are parameters, and the sums stay in the database.
/// </summary>
public sealed class RewardQueriesSqlServerTests
{
    private static SqlServerAppDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options);

    private static readonly DateTime Start = new(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Share_rows_aggregate_snapshots_by_report_with_the_evidence_factors_as_parameters()
    {
        using var db = SqlServer();
        var sql = RewardCalculationService.ShareRows(db, RewardRules.Default, Start, End, End.AddDays(8)).ToQueryString();

        Assert.Contains("GROUP BY [r", sql, StringComparison.Ordinal);
        Assert.Contains("MAX(", sql, StringComparison.Ordinal);
        Assert.Contains("CASE", sql, StringComparison.Ordinal);
        Assert.Contains("N'SelfReported'", sql, StringComparison.Ordinal); // the source column is stored by name
        Assert.Contains("@start", sql, StringComparison.Ordinal);
        Assert.Contains("@end", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [s].[AgentId]", sql, StringComparison.Ordinal);
        // ToQueryString declares the parameters first; the statement itself carries no literal date.
        Assert.Contains("DECLARE @start datetime2 = '2026-09-30T17:00:00", sql, StringComparison.Ordinal);
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        Assert.DoesNotContain("2026-", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Visitors_and_assignments_are_counted_in_the_database()
    {
        using var db = SqlServer();
        var visitors = RewardCalculationService.VisitorRows(db, Start, End).ToQueryString();
        var assignments = RewardCalculationService.AssignmentCounts(db, Start, End).ToQueryString();

        Assert.Contains("COUNT(DISTINCT", visitors, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [t].[AssignmentId], [t].[Platform]", visitors, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", assignments, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [a].[AgentId]", assignments, StringComparison.Ordinal);
    }
}
