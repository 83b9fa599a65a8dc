using AgentProgram.Tests.Features.Rewards;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Aggregates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Aggregates;

/// <summary>
/// The stored aggregates equal a fresh computation from the raw rows (<see cref="AggregateOracle"/>) after inserts,
/// new readings, verifications, moves, deletions, responses and clicks, each marked the way the write paths mark them
/// (<see cref="AggregateMarks.TrackAsync"/> before the save) and refreshed by the real refresher.
/// </summary>
public sealed class AggregateConsistencyTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private sealed record World(int U1, int U2, int[] Agents, int[] Messages, Dictionary<(int Agent, int Message), int> Assignments, Dictionary<(int Assignment, Platform), int> Links);

    private static async Task<World> SeedAsync(AppFactory app)
    {
        var u1 = await TrackedLinkSeed.UnitAsync(app, "Dinas Agregat Satu");
        var u2 = await TrackedLinkSeed.UnitAsync(app, "Dinas Agregat Dua");
        int[] agents =
        [
            (await TrackedLinkSeed.AgentAsync(app, "Agen Satu", u1)).AgentId,
            (await TrackedLinkSeed.AgentAsync(app, "Agen Dua", u1)).AgentId,
            (await TrackedLinkSeed.AgentAsync(app, "Agen Tiga", u2)).AgentId,
            (await TrackedLinkSeed.AgentAsync(app, "Agen Empat", null)).AgentId,
        ];
        int[] messages =
        [
            await RewardSeed.MessageAsync(app, "Pesan Transparansi", MissionTag.Transparansi, Utc(2025, 12, 1, 0), 120),
            await RewardSeed.MessageAsync(app, "Pesan Partisipasi", MissionTag.Partisipasi, Utc(2025, 12, 1, 0), 120),
        ];
        var assignments = new Dictionary<(int, int), int>();
        var links = new Dictionary<(int, Platform), int>();
        foreach (var a in agents)
            foreach (var m in messages)
            {
                var id = await RewardSeed.AssignAsync(app, m, a);
                assignments[(a, m)] = id;
                foreach (var p in new[] { Platform.X, Platform.Instagram })
                {
                    links[(id, p)] = await app.WithDb(async db =>
                    {
                        var l = new TrackedLink { AssignmentId = id, Platform = p, Token = $"t{id}{p}"[..Math.Min(12, $"t{id}{p}".Length)] + id, CreatedUtc = DateTime.UtcNow };
                        db.TrackedLinks.Add(l);
                        await db.SaveChangesAsync();
                        return l.Id;
                    });
                }
            }
        return new World(u1, u2, agents, messages, assignments, links);
    }

    private static async Task<long> AddReportAsync(AppFactory app, World w, int agent, int message, Platform platform, DateTime posted, ReportState state,
        ReportFlagSet flags = ReportFlagSet.None, params (MetricSource Source, long? Views, long? Reach)[] snaps) =>
        await app.WithDb(async db =>
        {
            var unit = await db.Agents.Where(a => a.Id == agent).Select(a => a.Employee.UnitId).SingleAsync();
            var r = new ShareReport
            {
                AssignmentId = w.Assignments[(agent, message)], AgentId = agent, MessageId = message, UnitId = unit, Platform = platform,
                ClaimKey = "k:" + Guid.NewGuid().ToString("N"), PostedUtc = posted, SubmittedUtc = posted.AddHours(1), SubmissionKey = Guid.NewGuid(),
                State = state, Flags = flags,
            };
            foreach (var (source, views, reach) in snaps)
                r.Snapshots.Add(new ReportSnapshot { Source = source, Window = SnapshotWindow.Other, TakenUtc = posted.AddHours(5), CreatedUtc = posted.AddHours(5), Views = views, Reach = reach });
            db.ShareReports.Add(r);
            await AggregateMarks.TrackAsync(db);
            await db.SaveChangesAsync();
            return r.Id;
        });

    private static Task<int> ChangeAsync(AppFactory app, long id, Action<ShareReport> change) => app.WithDb(async db =>
    {
        var r = await db.ShareReports.SingleAsync(x => x.Id == id);
        change(r);
        await AggregateMarks.TrackAsync(db);
        return await db.SaveChangesAsync();
    });

    private static async Task AssertConsistentAsync(AppFactory app)
    {
        var expected = await app.WithDb(AggregateOracle.ComputeAsync);
        AggregateOracle.Equal(expected, await app.WithDb(AggregateOracle.StoredAsync));
        await app.WithDb(async db =>
        {
            await AggregateOracle.AssertMonthsAreTheirDaysAsync(db);
            await AggregateOracle.AssertYearsAreTheirActivityAsync(db);
            return 0;
        });
    }

    [Fact]
    public async Task Hand_built_changes_keep_every_aggregate_equal_to_the_raw_data()
    {
        using var app = new AppFactory();
        var w = await SeedAsync(app);
        int a1 = w.Agents[0], a2 = w.Agents[1], m1 = w.Messages[0];

        // Local day (WIB) 2 March 2026, a Monday: R1 at 01:00 local (18:00 UTC the day before), R2 and R3 later that day.
        var r1 = await AddReportAsync(app, w, a1, m1, Platform.X, Utc(2026, 3, 1, 18), ReportState.Verified, ReportFlagSet.None,
            (MetricSource.SelfReported, 500, 50), (MetricSource.Screenshot, 300, null));
        var r2 = await AddReportAsync(app, w, a2, m1, Platform.X, Utc(2026, 3, 2, 2), ReportState.Pending, ReportFlagSet.Burst,
            (MetricSource.CsvImport, 1000, null));
        var r3 = await AddReportAsync(app, w, a1, m1, Platform.Instagram, Utc(2026, 3, 2, 16, 59), ReportState.Verified, ReportFlagSet.None,
            (MetricSource.PublicCounter, 200, null), (MetricSource.CsvImport, 150, null));
        Assert.True((await AggregateOracle.RefreshAsync(app)).Claimed);

        // X: 2 reports, 1 verified, 0 rejected, 1 pending, 1 flagged; reach 50 (only the self-reported reading has one),
        // views 300 (the screenshot outranks the self-reported 500; R2 is not verified). Instagram: the CSV's 150 outranks the counter's 200.
        var stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.Equal([$"2026-03-02 u{w.U1} m{m1} Instagram: 1,1,0,0,0,0,150,0,0,0,0,0,0", $"2026-03-02 u{w.U1} m{m1} X: 2,1,0,1,1,50,300,0,0,0,0,0,0"], stored.Shares);
        Assert.Equal([$"2026-03-02 u{w.U1}: 1"], stored.Weeks);
        Assert.Equal([$"a{a1} 2026 u{w.U1} Transparansi Instagram: 61", $"a{a1} 2026 u{w.U1} Transparansi X: 61"], stored.Activity);
        await AssertConsistentAsync(app);

        // Verify R2 (corrected once by its agent): two agents active that week, views 300 + 1000, one corrected report.
        await ChangeAsync(app, r2, r => { r.State = ReportState.Verified; r.CorrectionCount = 1; });
        await AggregateOracle.RefreshAsync(app);
        stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.Contains($"2026-03-02 u{w.U1} m{m1} X: 2,2,0,0,1,50,1300,0,0,0,0,0,1", stored.Shares);
        Assert.Equal([$"2026-03-02 u{w.U1}: 2"], stored.Weeks);
        await AssertConsistentAsync(app);

        // Move R1 a week later, delete R3: the old day keeps R2 only, the Instagram row and A1's day 61 go.
        await ChangeAsync(app, r1, r => r.PostedUtc = Utc(2026, 3, 9, 3));
        await app.WithDb(async db =>
        {
            db.ShareReports.Remove(await db.ShareReports.Include(r => r.Snapshots).SingleAsync(r => r.Id == r3));
            await AggregateMarks.TrackAsync(db);
            return await db.SaveChangesAsync();
        });
        // A question recorded on R1 and answered 20 hours later; an appreciation left open.
        await app.WithDb(async db =>
        {
            db.PublicResponses.Add(new PublicResponse { ReportId = r1, MessageId = m1, AgentId = a1, Text = "Kapan?", Kind = ResponseKind.Question, Sentiment = Sentiment.Neutral,
                RecordedUtc = Utc(2026, 3, 9, 5), ResolvedUtc = Utc(2026, 3, 10, 1), Status = ResponseStatus.Answered });
            db.PublicResponses.Add(new PublicResponse { ReportId = r1, MessageId = m1, AgentId = a1, Text = "Bagus", Kind = ResponseKind.Appreciation, Sentiment = Sentiment.Positive,
                RecordedUtc = Utc(2026, 3, 9, 6) });
            await AggregateMarks.TrackAsync(db);
            return await db.SaveChangesAsync();
        });
        // Clicks on A1's X link: the same visitor twice and a bot (written outside the change tracker, so marked by hand).
        var link = w.Links[(w.Assignments[(a1, m1)], Platform.X)];
        await app.WithDb(async db =>
        {
            db.LinkClicks.AddRange(
                new LinkClick { TrackedLinkId = link, OccurredUtc = Utc(2026, 3, 9, 4), VisitorHash = "h1" },
                new LinkClick { TrackedLinkId = link, OccurredUtc = Utc(2026, 3, 9, 8), VisitorHash = "h1" },
                new LinkClick { TrackedLinkId = link, OccurredUtc = Utc(2026, 3, 9, 9), VisitorHash = "bot", IsBot = true });
            await db.SaveChangesAsync();
            await AggregateMarks.MarkAsync(db, [Utc(2026, 3, 9, 4)]);
            return 0;
        });
        await AggregateOracle.RefreshAsync(app);
        stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.Equal([$"2026-03-02 u{w.U1} m{m1} X: 1,1,0,0,1,0,1000,0,0,0,0,0,1", $"2026-03-09 u{w.U1} m{m1} X: 1,1,0,0,0,50,300,0,0,0,2,1,0"], stored.Shares);
        Assert.Equal([$"2026-03-09 u{w.U1} m{m1} X Appreciation: 1,0,1", $"2026-03-09 u{w.U1} m{m1} X Question: 1,1,0"], stored.Responses);
        Assert.Equal([$"2026-03-02 u{w.U1}: 1", $"2026-03-09 u{w.U1}: 1"], stored.Weeks);
        Assert.Equal([$"a{a1} 2026 u{w.U1} Transparansi X: 68", $"a{a2} 2026 u{w.U1} Transparansi X: 61"], stored.Activity);
        await AssertConsistentAsync(app);

        // Reject R2: its day keeps no verified share, so A2's bit for it is cleared and the row goes (the refresher
        // skips the bit pass only for a day that had and has no verified share).
        await ChangeAsync(app, r2, r => r.State = ReportState.Rejected);
        await AggregateOracle.RefreshAsync(app);
        stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.Contains($"2026-03-02 u{w.U1} m{m1} X: 1,0,1,0,1,0,0,0,0,0,0,0,1", stored.Shares);
        Assert.Equal([$"a{a1} 2026 u{w.U1} Transparansi X: 68"], stored.Activity);
        Assert.Equal([$"2026-03-09 u{w.U1}: 1"], stored.Weeks);
        await AssertConsistentAsync(app);

        // The full rebuild gives the same tables; the marks are all handled.
        await AggregateOracle.RefreshAsync(app, all: true);
        AggregateOracle.Equal(stored, await app.WithDb(AggregateOracle.StoredAsync));
        Assert.Equal(0, await app.WithDb(db => db.AggDirtyDays.CountAsync()));
    }

    [Fact]
    public async Task Random_inserts_readings_decisions_moves_deletions_responses_and_clicks_stay_consistent()
    {
        using var app = new AppFactory();
        var w = await SeedAsync(app);
        var random = new Random(20261205);
        var reports = new List<long>();
        var responses = new List<long>();
        // Around a new year, so days and agents' bitmaps fall in two years and weeks straddle them.
        DateTime RandomInstant() => Utc(2025, 12, 24, 0).AddMinutes(random.Next(0, 20 * 24 * 60));
        T Pick<T>(IReadOnlyList<T> xs) => xs[random.Next(xs.Count)];
        var sources = Enum.GetValues<MetricSource>();
        var platforms = new[] { Platform.X, Platform.Instagram };
        for (var step = 0; step < 160; step++)
        {
            var op = reports.Count < 5 ? 0 : random.Next(9);
            switch (op)
            {
                case 0 or 1:
                    reports.Add(await AddReportAsync(app, w, Pick(w.Agents), Pick(w.Messages), Pick(platforms), RandomInstant(),
                        (ReportState)random.Next(1, 4), random.Next(3) == 0 ? ReportFlagSet.Burst : ReportFlagSet.None,
                        (Pick(sources), random.Next(3) == 0 ? null : random.Next(0, 5000), random.Next(2) == 0 ? null : random.Next(0, 900))));
                    break;
                case 2:
                    var target = Pick(reports);
                    await app.WithDb(async db =>
                    {
                        db.ReportSnapshots.Add(new ReportSnapshot { ReportId = target, Source = Pick(sources), Window = SnapshotWindow.Other, TakenUtc = RandomInstant(), CreatedUtc = DateTime.UtcNow, Views = random.Next(0, 9000), Reach = random.Next(0, 2000) });
                        await AggregateMarks.TrackAsync(db);
                        return await db.SaveChangesAsync();
                    });
                    break;
                case 3:
                    var state = (ReportState)random.Next(1, 4);
                    // Back to Pending is the agent's correction after a rejection: it counts once more.
                    await ChangeAsync(app, Pick(reports), r => { if (state == ReportState.Pending && r.State == ReportState.Rejected) r.CorrectionCount++; r.State = state; });
                    break;
                case 4:
                    var moved = RandomInstant();
                    await ChangeAsync(app, Pick(reports), r => r.PostedUtc = moved);
                    break;
                case 5:
                    var gone = Pick(reports);
                    if (await app.WithDb(db => db.PublicResponses.AnyAsync(p => p.ReportId == gone))) break;
                    await app.WithDb(async db =>
                    {
                        db.ShareReports.Remove(await db.ShareReports.Include(r => r.Snapshots).SingleAsync(r => r.Id == gone));
                        await AggregateMarks.TrackAsync(db);
                        return await db.SaveChangesAsync();
                    });
                    reports.Remove(gone);
                    break;
                case 6:
                    var on = Pick(reports);
                    var recorded = RandomInstant();
                    responses.Add(await app.WithDb(async db =>
                    {
                        var r = await db.ShareReports.AsNoTracking().SingleAsync(x => x.Id == on);
                        var p = new PublicResponse { ReportId = on, MessageId = r.MessageId, AgentId = r.AgentId, Text = "uji", Kind = (ResponseKind)random.Next(1, 5), Sentiment = Sentiment.Neutral, RecordedUtc = recorded };
                        db.PublicResponses.Add(p);
                        await AggregateMarks.TrackAsync(db);
                        await db.SaveChangesAsync();
                        return p.Id;
                    }));
                    break;
                case 7 when responses.Count > 0:
                    var answered = Pick(responses);
                    var hours = random.Next(1, 48);
                    await app.WithDb(async db =>
                    {
                        var p = await db.PublicResponses.SingleAsync(x => x.Id == answered);
                        p.ResolvedUtc = p.RecordedUtc.AddHours(hours);
                        p.Status = ResponseStatus.Answered;
                        await AggregateMarks.TrackAsync(db);
                        return await db.SaveChangesAsync();
                    });
                    break;
                default:
                    var at = RandomInstant();
                    var linkId = Pick(w.Links.Values.ToList());
                    var visitor = "v" + random.Next(4);
                    var bot = random.Next(5) == 0;
                    await app.WithDb(async db =>
                    {
                        db.LinkClicks.Add(new LinkClick { TrackedLinkId = linkId, OccurredUtc = at, VisitorHash = visitor, IsBot = bot });
                        await db.SaveChangesAsync();
                        await AggregateMarks.MarkAsync(db, [at]);
                        return 0;
                    });
                    break;
            }
            if (random.Next(12) == 0) await AggregateOracle.RefreshAsync(app);
        }
        await AggregateOracle.RefreshAsync(app);
        var stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.NotEmpty(stored.Shares);
        Assert.Contains(stored.Activity, a => a.Contains(" 2025 ", StringComparison.Ordinal));
        Assert.Contains(stored.Activity, a => a.Contains(" 2026 ", StringComparison.Ordinal));
        await AssertConsistentAsync(app);

        await AggregateOracle.RefreshAsync(app, all: true);
        AggregateOracle.Equal(stored, await app.WithDb(AggregateOracle.StoredAsync));
        await AssertConsistentAsync(app);

        // The rebuild reads the reports in slices of ids: cut into slices of three, it writes the same rows.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var refresher = ActivatorUtilities.CreateInstance<AggregateRefresher>(scope.ServiceProvider, TimeProvider.System);
            refresher.ReportSlice = 3;
            Assert.True((await refresher.RebuildAllAsync()).Claimed);
        }
        AggregateOracle.Equal(stored, await app.WithDb(AggregateOracle.StoredAsync));
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task Moving_an_employee_to_another_unit_and_changing_a_messages_mission_mark_the_past_days_they_change()
    {
        using var app = new AppFactory();
        var w = await SeedAsync(app);
        int a1 = w.Agents[0], m1 = w.Messages[0];
        await AddReportAsync(app, w, a1, m1, Platform.X, Utc(2026, 1, 20, 3), ReportState.Verified, ReportFlagSet.None, (MetricSource.CsvImport, 400, 40));
        var link = w.Links[(w.Assignments[(a1, m1)], Platform.X)];
        await app.WithDb(async db =>
        {
            db.LinkClicks.Add(new LinkClick { TrackedLinkId = link, OccurredUtc = Utc(2026, 1, 20, 18), VisitorHash = "v1" });
            await db.SaveChangesAsync();
            await AggregateMarks.MarkAsync(db, [Utc(2026, 1, 20, 18)]);
            return 0;
        });
        await AggregateOracle.RefreshAsync(app);
        await AssertConsistentAsync(app);

        // The agent's employee moves to U2: their old click days count under U2 now (clicks follow the current unit).
        await app.WithDb(async db =>
        {
            var employee = await db.Employees.SingleAsync(e => db.Agents.Any(a => a.Id == a1 && a.EmployeeId == e.Id));
            employee.UnitId = w.U2;
            await AggregateMarks.StageClickDaysOfEmployeesAsync(db, [employee.Id]);
            return await db.SaveChangesAsync();
        });
        await AggregateOracle.RefreshAsync(app);
        Assert.Contains($"2026-01-21 u{w.U2} m{m1} X: 0,0,0,0,0,0,0,0,0,0,1,1,0", (await app.WithDb(AggregateOracle.StoredAsync)).Shares);
        await AssertConsistentAsync(app);

        // The message's mission changes: the agent's activity row moves to the new tag.
        await app.WithDb(async db =>
        {
            var message = await db.PolicyMessages.SingleAsync(m => m.Id == m1);
            message.Mission = MissionTag.Kolaborasi;
            await AggregateMarks.StageReportDaysOfMessageAsync(db, m1);
            return await db.SaveChangesAsync();
        });
        await AggregateOracle.RefreshAsync(app);
        Assert.Contains((await app.WithDb(AggregateOracle.StoredAsync)).Activity, x => x.StartsWith($"a{a1} 2026 u{w.U1} Kolaborasi X", StringComparison.Ordinal));
        await AssertConsistentAsync(app);
    }

    [Fact]
    public async Task The_first_refresh_builds_everything_even_rows_that_were_never_marked()
    {
        // Data that predates the aggregates (an upgrade) or was bulk-seeded: no marks at all.
        using var app = new AppFactory();
        var w = await SeedAsync(app);
        await AddReportAsync(app, w, w.Agents[0], w.Messages[0], Platform.X, Utc(2026, 1, 13, 4), ReportState.Verified, ReportFlagSet.None, (MetricSource.CsvImport, 700, 70));
        await app.WithDb(db => db.AggDirtyDays.ExecuteDeleteAsync());

        Assert.True((await AggregateOracle.RefreshAsync(app)).Claimed);
        var stored = await app.WithDb(AggregateOracle.StoredAsync);
        Assert.Contains($"2026-01-13 u{w.U1} m{w.Messages[0]} X: 1,1,0,0,0,70,700,0,0,0,0,0,0", stored.Shares);
        await AssertConsistentAsync(app);
        Assert.NotNull((await app.WithDb(db => db.AggRefreshState.AsNoTracking().SingleAsync())).LastFullRebuildUtc);
    }

    [Fact]
    public async Task Only_one_instance_holds_the_claim()
    {
        using var app = new AppFactory();
        await app.WithDb(db => db.AggRefreshState.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.ClaimedBy, "other").SetProperty(x => x.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(5))));
        Assert.False((await AggregateOracle.RefreshAsync(app)).Claimed);
        // The other instance died: its lease runs out and the next run claims.
        await app.WithDb(db => db.AggRefreshState.ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(-1))));
        Assert.True((await AggregateOracle.RefreshAsync(app)).Claimed);
        var state = await app.WithDb(db => db.AggRefreshState.AsNoTracking().SingleAsync());
        Assert.Null(state.ClaimedBy);
        Assert.NotNull(state.LastRefreshedUtc);
    }

    [Fact]
    public void Day_bits_cover_every_day_of_a_leap_year_once()
    {
        var a = new AgentProgram.Web.Domain.Aggregates.AgentActivity();
        for (var d = new DateOnly(2028, 1, 1); d.Year == 2028; d = d.AddDays(1)) AgentProgram.Web.Domain.Aggregates.DayBits.Set(a, d);
        Assert.Equal(366, Enumerable.Range(0, 6).Sum(c => System.Numerics.BitOperations.PopCount((ulong)AgentProgram.Web.Domain.Aggregates.DayBits.Column(a, c))));
        Assert.All(Enumerable.Range(0, 6), c => Assert.True(AgentProgram.Web.Domain.Aggregates.DayBits.Column(a, c) >= 0));
        var mask = AgentProgram.Web.Domain.Aggregates.DayBits.Mask(2026, new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 2));
        Assert.Equal([3L, 0, 0, 0, 0, 0], mask); // 1 and 2 January only
        Assert.Equal(new DateOnly(2026, 3, 2), AgentProgram.Web.Domain.Aggregates.DayBits.WeekStart(new DateOnly(2026, 3, 8)));
    }
}
