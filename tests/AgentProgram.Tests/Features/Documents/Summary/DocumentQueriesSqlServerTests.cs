using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Features.Documents.Summary;

/// <summary>No SQL Server runs here: the documents' set-based queries are translated for SQL Server and the sums stay in the database.</summary>
public sealed class DocumentQueriesSqlServerTests
{
    private static SqlServerAppDbContext SqlServer() => new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
        .UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options);

    private static readonly DateTime Start = new(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 10, 31, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Report_figures_are_grouped_and_summed_in_the_database()
    {
        using var db = SqlServer();
        var reports = db.ShareReports.Where(r => r.PostedUtc >= Start && r.PostedUtc < End);
        var sql = ShareFigures.Facts(db, RewardRules.Default, reports, Start, End.AddDays(8), Start)
            .GroupBy(f => new { f.Current, f.Mission, f.UnitId, f.UnitName })
            .Select(g => new { g.Key.Mission, Reports = g.Count(), Reach = g.Sum(f => f.State == ReportState.Verified ? f.Reach ?? 0 : 0) })
            .ToQueryString();

        Assert.Contains("GROUP BY", sql, StringComparison.Ordinal);
        Assert.Contains("SUM(", sql, StringComparison.Ordinal);
        Assert.Contains("MAX(", sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_report_readings_are_one_grouped_left_join_without_apply()
    {
        using var db = SqlServer();
        var reports = db.ShareReports.Where(r => r.PostedUtc >= Start && r.PostedUtc < End);
        var sql = ShareFigures.PerReport(db, RewardRules.Default, reports, Start, End.AddDays(8), Start).ToQueryString();

        Assert.Contains("LEFT JOIN [ReportSnapshots]", sql, StringComparison.Ordinal);
        Assert.Contains("GROUP BY [s].[Id]", sql, StringComparison.Ordinal);
        Assert.Contains("MAX(", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("APPLY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Clicks_and_responses_are_counted_in_the_database()
    {
        using var db = SqlServer();
        var clicks = ShareFigures.Clicks(db, Start, End, Start, Start).ToQueryString();
        var responses = ShareFigures.Responses(db, db.PublicResponses.Where(p => p.RecordedUtc >= Start), Start).ToQueryString();

        Assert.Contains("COUNT(DISTINCT", clicks, StringComparison.Ordinal);
        Assert.Contains("SUM(", clicks, StringComparison.Ordinal);
        Assert.Contains("DATEADD(", responses, StringComparison.Ordinal);
        Assert.Contains("GROUP BY", responses, StringComparison.Ordinal);
    }
}
