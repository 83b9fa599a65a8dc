using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Aggregates;

/// <summary>
/// The aggregates computed again in plain C# from the raw rows, written independently of the refresher (no shared
/// query, no shared grouping code), to compare the stored tables with.
/// </summary>
public static class AggregateOracle
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + Wib);

    private static int Percent(MetricSource s) => s switch
    {
        MetricSource.ApiVerified or MetricSource.CsvImport => 100,
        MetricSource.PublicCounter => 90,
        MetricSource.Screenshot => 70,
        _ => 40,
    };

    /// <summary>The strongest reading: highest evidence percent, then the largest value; 0 when none.</summary>
    private static long Best(IEnumerable<ReportSnapshot> snaps, Func<ReportSnapshot, long?> metric) =>
        snaps.Where(s => metric(s) is not null).OrderByDescending(s => Percent(s.Source)).ThenByDescending(s => metric(s)).Select(metric).FirstOrDefault() ?? 0;

    public sealed record Expected(
        List<string> Shares, List<string> Responses, List<string> Weeks, List<string> Activity);

    public static async Task<Expected> ComputeAsync(AppDbContext db)
    {
        var reports = await db.ShareReports.AsNoTracking().Include(r => r.Snapshots).ToListAsync();
        var mission = await db.PolicyMessages.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Mission);
        var shares = new Dictionary<(DateOnly, int, int, Platform), long[]>();
        long[] Cell(DateOnly d, int u, int m, Platform p)
        {
            if (!shares.TryGetValue((d, u, m, p), out var c)) shares.Add((d, u, m, p), c = new long[13]);
            return c;
        }
        foreach (var r in reports)
        {
            var c = Cell(Day(r.PostedUtc), r.UnitId ?? 0, r.MessageId, r.Platform);
            c[0]++;
            if (r.State == ReportState.Verified)
            {
                c[1]++;
                c[5] += Best(r.Snapshots, s => s.Reach);
                c[6] += Best(r.Snapshots, s => s.Views);
                c[7] += Best(r.Snapshots, s => s.Comments);
                c[8] += Best(r.Snapshots, s => s.Reposts);
                c[9] += Best(r.Snapshots, s => s.Saves);
            }
            if (r.State == ReportState.Rejected) c[2]++;
            if (r.State == ReportState.Pending) c[3]++;
            if (r.Flags != ReportFlagSet.None) c[4]++;
            if (r.CorrectionCount > 0) c[12]++;
        }
        var clicks = await (from c in db.LinkClicks.AsNoTracking()
                            join l in db.TrackedLinks on c.TrackedLinkId equals l.Id
                            join a in db.Assignments on l.AssignmentId equals a.Id
                            select new { c.TrackedLinkId, c.OccurredUtc, c.VisitorHash, c.IsBot, a.MessageId, l.Platform, a.Agent.Employee.UnitId }).ToListAsync();
        foreach (var g in clicks.Where(c => !c.IsBot).GroupBy(c => (Day(c.OccurredUtc), c.TrackedLinkId)))
        {
            var first = g.First();
            var cell = Cell(g.Key.Item1, first.UnitId ?? 0, first.MessageId, first.Platform);
            cell[10] += g.Count();
            cell[11] += g.Select(x => x.VisitorHash).Distinct().Count();
        }
        var shareRows = shares.Select(kv => $"{kv.Key.Item1:yyyy-MM-dd} u{kv.Key.Item2} m{kv.Key.Item3} {kv.Key.Item4}: {string.Join(",", kv.Value)}").Order(StringComparer.Ordinal).ToList();

        var byId = reports.ToDictionary(r => r.Id);
        var responses = await db.PublicResponses.AsNoTracking().ToListAsync();
        var responseRows = responses.GroupBy(p => (Day(p.RecordedUtc), byId[p.ReportId].UnitId ?? 0, p.MessageId, byId[p.ReportId].Platform, p.Kind))
            .Select(g => $"{g.Key.Item1:yyyy-MM-dd} u{g.Key.Item2} m{g.Key.MessageId} {g.Key.Platform} {g.Key.Kind}: {g.Count()},"
                         + $"{g.Count(p => p.ResolvedUtc is { } done && done - p.RecordedUtc <= TimeSpan.FromHours(24))},{g.Count(p => p.ResolvedUtc is null)}")
            .Order(StringComparer.Ordinal).ToList();

        var verified = reports.Where(r => r.State == ReportState.Verified).ToList();
        var weekRows = verified.GroupBy(r => (Monday(Day(r.PostedUtc)), r.UnitId ?? 0))
            .Select(g => $"{g.Key.Item1:yyyy-MM-dd} u{g.Key.Item2}: {g.Select(r => r.AgentId).Distinct().Count()}")
            .Order(StringComparer.Ordinal).ToList();
        var activityRows = verified.GroupBy(r => (r.AgentId, Day(r.PostedUtc).Year, r.UnitId ?? 0, mission[r.MessageId], r.Platform))
            .Select(g => $"a{g.Key.AgentId} {g.Key.Year} u{g.Key.Item3} {g.Key.Item4} {g.Key.Platform}: "
                         + string.Join(",", g.Select(r => Day(r.PostedUtc).DayOfYear).Distinct().Order()))
            .Order(StringComparer.Ordinal).ToList();
        return new Expected(shareRows, responseRows, weekRows, activityRows);
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The stored tables, in the oracle's text form (rows of zeros are left out: the oracle has none).</summary>
    public static async Task<Expected> StoredAsync(AppDbContext db)
    {
        var shares = (await db.AggDailyShares.AsNoTracking().ToListAsync())
            .Select(x => $"{x.Day:yyyy-MM-dd} u{x.UnitId} m{x.MessageId} {x.Platform}: {x.Reports},{x.Verified},{x.Rejected},{x.Pending},{x.Flagged},{x.Reach},{x.Views},{x.Comments},{x.Reposts},{x.Saves},{x.Clicks},{x.Visitors},{x.Corrected}")
            .Order(StringComparer.Ordinal).ToList();
        var responses = (await db.AggDailyResponses.AsNoTracking().ToListAsync())
            .Select(x => $"{x.Day:yyyy-MM-dd} u{x.UnitId} m{x.MessageId} {x.Platform} {x.Kind}: {x.Count},{x.Closed},{x.Open}")
            .Order(StringComparer.Ordinal).ToList();
        var weeks = (await db.AggUnitWeeks.AsNoTracking().ToListAsync())
            .Select(x => $"{x.WeekStart:yyyy-MM-dd} u{x.UnitId}: {x.ActiveAgents}").Order(StringComparer.Ordinal).ToList();
        var activity = (await db.AggAgentActivity.AsNoTracking().ToListAsync())
            .Select(x => $"a{x.AgentId} {x.Year} u{x.UnitId} {x.Mission} {x.Platform}: "
                         + string.Join(",", Enumerable.Range(1, 366).Where(d => d <= (DateTime.IsLeapYear(x.Year) ? 366 : 365) && DayBits.Has(x, new DateOnly(x.Year, 1, 1).AddDays(d - 1)))))
            .Order(StringComparer.Ordinal).ToList();
        return new Expected(shares, responses, weeks, activity);
    }

    /// <summary>Every monthly row (per unit and per message) is its month's daily rows summed, and every month with daily rows has its monthly rows.</summary>
    public static async Task AssertMonthsAreTheirDaysAsync(AppDbContext db)
    {
        static string Shares(IEnumerable<ShareCell> g) => string.Join(",", new long[]
        {
            g.Sum(x => x.Reports), g.Sum(x => x.Verified), g.Sum(x => x.Rejected), g.Sum(x => x.Pending), g.Sum(x => x.Flagged), g.Sum(x => x.Corrected),
            g.Sum(x => x.Reach), g.Sum(x => x.Views), g.Sum(x => x.Comments), g.Sum(x => x.Reposts), g.Sum(x => x.Saves), g.Sum(x => x.Clicks), g.Sum(x => x.Visitors),
        });
        static string Responses(IEnumerable<ResponseCell> g) => $"{g.Sum(x => x.Count)},{g.Sum(x => x.Closed)},{g.Sum(x => x.Open)}";
        static DateOnly Month(DateOnly d) => new(d.Year, d.Month, 1);

        var daily = await db.AggDailyShares.AsNoTracking().ToListAsync();
        var monthly = await db.AggMonthlyShares.AsNoTracking().ToListAsync();
        Assert.Equal(
            daily.GroupBy(x => (Month(x.Day), x.UnitId, x.MessageId, x.Platform)).Select(g => $"{g.Key}: {Shares(g)}").Order(StringComparer.Ordinal),
            monthly.GroupBy(x => (x.Day, x.UnitId, x.MessageId, x.Platform)).Select(g => $"{g.Key}: {Shares(g)}").Order(StringComparer.Ordinal));
        var dailyResponses = await db.AggDailyResponses.AsNoTracking().ToListAsync();
        var monthlyResponses = await db.AggMonthlyResponses.AsNoTracking().ToListAsync();
        Assert.Equal(
            dailyResponses.GroupBy(x => (Month(x.Day), x.UnitId, x.MessageId, x.Platform, x.Kind)).Select(g => $"{g.Key}: {Responses(g)}").Order(StringComparer.Ordinal),
            monthlyResponses.GroupBy(x => (x.Day, x.UnitId, x.MessageId, x.Platform, x.Kind)).Select(g => $"{g.Key}: {Responses(g)}").Order(StringComparer.Ordinal));

        // The per-message months are the days of every unit summed (from the daily rows, not the monthly ones they are written from).
        var messageMonths = await db.AggMonthlyMessageShares.AsNoTracking().ToListAsync();
        Assert.Equal(
            daily.GroupBy(x => (Month(x.Day), x.MessageId, x.Platform)).Select(g => $"{g.Key}: {Shares(g)}").Order(StringComparer.Ordinal),
            messageMonths.GroupBy(x => (x.Day, x.MessageId, x.Platform)).Select(g => $"{g.Key}: {Shares(g)}").Order(StringComparer.Ordinal));
        var messageMonthResponses = await db.AggMonthlyMessageResponses.AsNoTracking().ToListAsync();
        Assert.Equal(
            dailyResponses.GroupBy(x => (Month(x.Day), x.MessageId, x.Platform, x.Kind)).Select(g => $"{g.Key}: {Responses(g)}").Order(StringComparer.Ordinal),
            messageMonthResponses.GroupBy(x => (x.Day, x.MessageId, x.Platform, x.Kind)).Select(g => $"{g.Key}: {Responses(g)}").Order(StringComparer.Ordinal));
    }

    /// <summary>Every agent's year row is the bitwise OR of its activity rows of that year, and there is one exactly for each agent and year with any.</summary>
    public static async Task AssertYearsAreTheirActivityAsync(AppDbContext db)
    {
        static string Bits(DayBitRow x) => $"{x.D0},{x.D1},{x.D2},{x.D3},{x.D4},{x.D5}";
        var activity = await db.AggAgentActivity.AsNoTracking().ToListAsync();
        var expected = activity.GroupBy(a => (a.AgentId, a.Year)).Select(g => new AgentYearActivity
        {
            AgentId = g.Key.AgentId, Year = g.Key.Year,
            D0 = g.Aggregate(0L, (m, a) => m | a.D0), D1 = g.Aggregate(0L, (m, a) => m | a.D1), D2 = g.Aggregate(0L, (m, a) => m | a.D2),
            D3 = g.Aggregate(0L, (m, a) => m | a.D3), D4 = g.Aggregate(0L, (m, a) => m | a.D4), D5 = g.Aggregate(0L, (m, a) => m | a.D5),
        });
        var stored = await db.AggAgentYears.AsNoTracking().ToListAsync();
        Assert.Equal(
            expected.Select(y => $"a{y.AgentId} {y.Year}: {Bits(y)}").Order(StringComparer.Ordinal),
            stored.Select(y => $"a{y.AgentId} {y.Year}: {Bits(y)}").Order(StringComparer.Ordinal));
    }

    public static void Equal(Expected expected, Expected stored)
    {
        Assert.Equal(expected.Shares, stored.Shares);
        Assert.Equal(expected.Responses, stored.Responses);
        Assert.Equal(expected.Weeks, stored.Weeks);
        Assert.Equal(expected.Activity, stored.Activity);
    }

    public static async Task<RefreshResult> RefreshAsync(AppFactory app, bool all = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var refresher = ActivatorUtilities.CreateInstance<AggregateRefresher>(scope.ServiceProvider, TimeProvider.System);
        return all ? await refresher.RebuildAllAsync() : await refresher.RefreshAsync("test");
    }
}
