using System.Diagnostics;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Summary;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Aggregates;

/// <summary>What one refresh did.</summary>
public sealed record RefreshResult(bool Claimed, int Days, int Weeks, TimeSpan Elapsed);

/// <summary>
/// Keeps the stored aggregates (Domain/Aggregates) equal to a fresh computation from the raw rows. A day is always
/// recomputed whole, set-based: its daily rows are deleted and written again, the agents' day bit is cleared and set
/// again, and its week's heat-map cells are counted again. <see cref="RefreshAsync"/> handles the marked days (and
/// the current and previous day, for clicks) under a claim that only one instance holds at a time;
/// <see cref="RebuildAllAsync"/> starts from nothing: one pass over every report in key order totalled in memory
/// (<see cref="RebuildTotals"/>), the clicks and responses grouped per local day in one statement each, and the rows
/// written through prepared inserts, instead of the refresh's day at a time (which at tens of millions of reports
/// reads the report table once per day, in random order).
/// </summary>
public sealed class AggregateRefresher(AppDbContext db, Display display, TimeProvider clock)
{
    /// <summary>How long a claim holds if its holder dies mid-run.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly DateTime NoCutOff = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TimeZoneInfo _zone = display.Zone;

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone));

    private (DateTime Start, DateTime End) Window(DateOnly from, DateOnly to)
    {
        var w = new PeriodWindow(from, to, _zone);
        return (w.StartUtc, w.EndUtc);
    }

    /// <summary>Claims the run (a conditional UPDATE: one instance wins), recomputes the marked days and releases it.</summary>
    public async Task<RefreshResult> RefreshAsync(string instance, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Lease;
        var claimed = await db.AggRefreshState
            .Where(s => s.Id == AggregateRefreshState.SingletonId && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, instance).SetProperty(x => x.ClaimedUntilUtc, until), ct);
        if (claimed == 0) return new RefreshResult(false, 0, 0, watch.Elapsed);
        try
        {
            // Never built (a fresh install, demo data just seeded, data that predates the aggregates, or a rebuild
            // asked for): build them all, under this claim.
            var built = await db.AggRefreshState.AsNoTracking().Where(s => s.Id == AggregateRefreshState.SingletonId)
                .Select(s => s.LastFullRebuildUtc).SingleOrDefaultAsync(ct);
            if (built is null) return await RebuildCoreAsync(instance, watch, ct);
            // The marks read now are the ones deleted at the end, by id: a mark committed meanwhile (even with a lower
            // id, as SQL Server may hand them out) stays for the next round.
            var marks = await db.AggDirtyDays.AsNoTracking().Select(d => new { d.Id, d.AtUtc }).ToListAsync(ct);
            var today = LocalDay(now);
            var days = marks.Select(m => LocalDay(m.AtUtc)).Append(today).Append(today.AddDays(-1)).Distinct().Order().ToList();
            var weeks = 0;
            foreach (var day in days)
            {
                await RefreshDayAsync(day, ct);
                await RenewAsync(instance, ct);
            }
            foreach (var week in days.Select(DayBits.WeekStart).Distinct())
            {
                await RefreshWeekAsync(week, ct);
                weeks++;
            }
            foreach (var month in days.Select(MonthStart).Distinct()) await RefreshMonthAsync(month, ct);
            await DeleteMarksAsync(marks.Select(m => m.Id), ct);
            var done = clock.GetUtcNow().UtcDateTime;
            await db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRefreshedUtc, done), ct);
            return new RefreshResult(true, days.Count, weeks, watch.Elapsed);
        }
        finally
        {
            await db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId && s.ClaimedBy == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, (string?)null).SetProperty(x => x.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        }
    }

    /// <summary>Keeps the claim while a long run goes on (a dead holder's claim still runs out after <see cref="Lease"/>).</summary>
    private Task<int> RenewAsync(string instance, CancellationToken ct)
    {
        var until = clock.GetUtcNow().UtcDateTime + Lease;
        return db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId && s.ClaimedBy == instance)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntilUtc, until), ct);
    }

    private async Task DeleteMarksAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(AggregateMarks.InListChunk))
            await db.AggDirtyDays.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Every aggregate from nothing, under the same claim as <see cref="RefreshAsync"/> (so never beside a running
    /// refresh on another instance). Returns Claimed = false when another instance holds the claim now. While it runs
    /// the pages read partial figures; it is meant for repairs (refresh-aggregates --all), not routine work.
    /// </summary>
    public async Task<RefreshResult> RebuildAllAsync(string instance, CancellationToken ct = default)
    {
        await db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastFullRebuildUtc, (DateTime?)null), ct);
        return await RefreshAsync(instance, ct);
    }

    public Task<RefreshResult> RebuildAllAsync(CancellationToken ct = default) => RebuildAllAsync("rebuild-" + Environment.MachineName, ct);

    private async Task<RefreshResult> RebuildCoreAsync(string instance, Stopwatch watch, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marks = await db.AggDirtyDays.AsNoTracking().Select(d => d.Id).ToListAsync(ct);
        await db.AggDailyShares.ExecuteDeleteAsync(ct);
        await db.AggDailyResponses.ExecuteDeleteAsync(ct);
        await db.AggMonthlyShares.ExecuteDeleteAsync(ct);
        await db.AggMonthlyResponses.ExecuteDeleteAsync(ct);
        await db.AggMonthlyMessageShares.ExecuteDeleteAsync(ct);
        await db.AggMonthlyMessageResponses.ExecuteDeleteAsync(ct);
        await db.AggAgentActivity.ExecuteDeleteAsync(ct);
        await db.AggAgentYears.ExecuteDeleteAsync(ct);
        await db.AggUnitWeeks.ExecuteDeleteAsync(ct);

        var firsts = new[]
        {
            await db.ShareReports.MinAsync(r => (DateTime?)r.PostedUtc, ct),
            await db.PublicResponses.MinAsync(r => (DateTime?)r.RecordedUtc, ct),
            await db.LinkClicks.MinAsync(c => (DateTime?)c.OccurredUtc, ct),
        };
        var lasts = new[]
        {
            await db.ShareReports.MaxAsync(r => (DateTime?)r.PostedUtc, ct),
            await db.PublicResponses.MaxAsync(r => (DateTime?)r.RecordedUtc, ct),
            await db.LinkClicks.MaxAsync(c => (DateTime?)c.OccurredUtc, ct),
        };
        var today = LocalDay(now);
        var from = firsts.Where(f => f is not null).Select(f => LocalDay(f!.Value)).DefaultIfEmpty(today).Min();
        var to = lasts.Where(f => f is not null).Select(f => LocalDay(f!.Value)).Append(today).Max();
        var days = to.DayNumber - from.DayNumber + 1;
        var weeks = (DayBits.WeekStart(to).DayNumber - DayBits.WeekStart(from).DayNumber) / 7 + 1;

        // Every report once, in key order (slices of ids, so the claim is renewed between them), totalled in memory
        // per day cell, agent and week; then the clicks and responses per local day, each one grouped statement.
        var totals = new RebuildTotals(LocalDay, await db.PolicyMessages.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Mission, ct));
        var lastId = await db.ShareReports.MaxAsync(r => (long?)r.Id, ct) ?? 0;
        for (long after = 0; after < lastId; after += ReportSlice)
        {
            var (low, high) = (after, after + ReportSlice);
            var slice = db.ShareReports.AsNoTracking().Where(r => r.Id > low && r.Id <= high);
            await foreach (var f in ShareFigures.PerReport(db, RewardRules.Default, slice, NoCutOff, NoCutOff, NoCutOff).AsAsyncEnumerable().WithCancellation(ct))
                totals.Add(f);
            await RenewAsync(instance, ct);
        }
        var offset = _zone.BaseUtcOffset.TotalMinutes;
        await foreach (var c in ClicksQuery(db, offset).AsAsyncEnumerable().WithCancellation(ct)) totals.Add(c);
        await RenewAsync(instance, ct);
        var responses = (await ResponsesQuery(db, offset).ToListAsync(ct)).Select(r => r.ToFigure()).ToList();
        await InsertAsync(totals.DailyShares(), ct);
        await InsertAsync(responses, ct);
        await InsertAsync(totals.Activity(), ct);
        await InsertAsync(totals.Years(), ct);
        await InsertAsync(totals.Weeks(), ct);
        await RenewAsync(instance, ct);
        for (var month = MonthStart(from); month <= to; month = month.AddMonths(1))
        {
            await RefreshMonthAsync(month, ct);
            await RenewAsync(instance, ct);
        }
        await DeleteMarksAsync(marks, ct);
        var done = clock.GetUtcNow().UtcDateTime;
        await db.AggRefreshState.Where(s => s.Id == AggregateRefreshState.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRefreshedUtc, done).SetProperty(x => x.LastFullRebuildUtc, done), ct);
        return new RefreshResult(true, days, weeks, watch.Elapsed);
    }

    /// <summary>
    /// One day's daily rows and the agents' bit for that day, written in one transaction. The day's week must be
    /// refreshed after (<see cref="RefreshWeekAsync"/>). Clearing a day's bit reads every activity row of its year,
    /// so it is skipped when the day had no verified share before and has none now: the rows and the bits are always
    /// written together, so no bit can be set for a day whose stored rows count no verified share (today and
    /// yesterday, refreshed every round, are often such days).
    /// </summary>
    public async Task RefreshDayAsync(DateOnly day, CancellationToken ct = default)
    {
        var hadVerified = await db.AggDailyShares.AnyAsync(x => x.Day == day && x.Verified > 0, ct);
        var (shares, responses) = await DailyRowsAsync(day, ct);
        var (s, e) = Window(day, day);
        var active = (await ActiveOnQuery(db, s, e).ToListAsync(ct)).Where(a => a.Verified).ToList();
        await Transaction(async () =>
        {
            await WriteDailyAsync(day, shares, responses, ct);
            if (hadVerified || active.Count > 0) await WriteActivityDayAsync(day, active, ct);
        }, ct);
    }

    /// <summary>Ids per slice of the rebuild's pass over the reports (settable so tests can cut a few reports into slices).</summary>
    internal long ReportSlice { get; set; } = 1_000_000;

    /// <summary>Rows per transaction when a rebuild writes its tables.</summary>
    private const int InsertChunk = 20_000;

    /// <summary>New rows through one prepared INSERT (no change tracking), a transaction per chunk.</summary>
    private async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var inserter = new BulkInserter<T>(db);
        foreach (var chunk in rows.Chunk(InsertChunk))
            await Transaction(() => inserter.InsertAsync(db, chunk, ct), ct);
    }

    private async Task WriteDailyAsync(DateOnly day, IReadOnlyCollection<DailyShareFigure> shares, IReadOnlyCollection<DailyResponseFigure> responses, CancellationToken ct)
    {
        await db.AggDailyShares.Where(x => x.Day == day).ExecuteDeleteAsync(ct);
        await db.AggDailyResponses.Where(x => x.Day == day).ExecuteDeleteAsync(ct);
        db.AggDailyShares.AddRange(shares);
        db.AggDailyResponses.AddRange(responses);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The daily share, click and response rows of one local day, computed from the source tables.</summary>
    private async Task<(List<DailyShareFigure> Shares, List<DailyResponseFigure> Responses)> DailyRowsAsync(DateOnly day, CancellationToken ct)
    {
        var (s, e) = Window(day, day);
        var reports = db.ShareReports.AsNoTracking().Where(r => r.PostedUtc >= s && r.PostedUtc < e);
        var cells = new Dictionary<(int Unit, int Message, Platform Platform), ShareFigures.Group>();
        await foreach (var f in ShareFigures.PerReport(db, RewardRules.Default, reports, s, NoCutOff, NoCutOff).AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = (f.UnitId ?? 0, f.MessageId, f.Platform);
            if (!cells.TryGetValue(key, out var g)) cells.Add(key, g = new ShareFigures.Group());
            g.Add(f);
        }

        // The window is the day: every row's local day is this one (the day key of the queries is not needed here).
        var offset = _zone.BaseUtcOffset.TotalMinutes;
        var clicks = await ClicksQuery(db, offset, s, e).ToListAsync(ct);
        var responses = (await ResponsesQuery(db, offset, s, e).ToListAsync(ct)).Select(r => r.ToFigure(day)).ToList();

        var rows = cells.ToDictionary(c => c.Key, c => Daily(day, c.Key.Unit, c.Key.Message, c.Key.Platform, c.Value));
        foreach (var c in clicks)
        {
            var key = (c.UnitId, c.MessageId, c.Platform);
            if (!rows.TryGetValue(key, out var row)) rows.Add(key, row = new DailyShareFigure { Day = day, UnitId = c.UnitId, MessageId = c.MessageId, Platform = c.Platform });
            row.Clicks += c.Clicks;
            row.Visitors += c.Visitors;
        }
        return ([.. rows.Values], responses);
    }

    /// <summary>A daily row with the figures of one cell's reports (no clicks yet).</summary>
    internal static DailyShareFigure Daily(DateOnly day, int unit, int message, Platform platform, ShareFigures.Group g) => new()
    {
        Day = day, UnitId = unit, MessageId = message, Platform = platform,
        Reports = g.Reports, Verified = g.Verified, Rejected = g.Rejected, Pending = g.Pending, Flagged = g.Flagged,
        Reach = g.Reach, Views = g.Views, Comments = g.Comments, Reposts = g.Reposts, Saves = g.Saves, Corrected = g.Corrected,
    };

    internal sealed class ClickCell
    {
        /// <summary>The local day (the time part is midnight).</summary>
        public DateTime Day { get; init; }
        public int UnitId { get; init; }
        public int MessageId { get; init; }
        public Platform Platform { get; init; }
        public int Clicks { get; init; }
        public int Visitors { get; init; }
    }

    /// <summary>
    /// People's clicks per tracked link and local day (distinct visitors per link and day), summed per (local day,
    /// agent's unit, message, link platform); only those in [s, e) when a window is given. The local day is UTC
    /// shifted by <paramref name="offsetMinutes"/> (a constant in the SQL, so grouping by it is the same expression
    /// in the select list on every provider).
    /// </summary>
    internal static IQueryable<ClickCell> ClicksQuery(AppDbContext db, double offsetMinutes, DateTime? s = null, DateTime? e = null)
    {
        var clicks = db.LinkClicks.AsNoTracking().Where(c => !c.IsBot);
        if (s is { } start && e is { } end) clicks = clicks.Where(c => c.OccurredUtc >= start && c.OccurredUtc < end);
        var perLink =
            from c in clicks
            group c by new { c.TrackedLinkId, Day = c.OccurredUtc.AddMinutes(EF.Constant(offsetMinutes)).Date } into g
            select new { LinkId = g.Key.TrackedLinkId, g.Key.Day, Clicks = g.Count(), Visitors = g.Select(x => x.VisitorHash).Distinct().Count() };
        return
            from x in perLink
            join l in db.TrackedLinks on x.LinkId equals l.Id
            join a in db.Assignments on l.AssignmentId equals a.Id
            join ag in db.Agents on a.AgentId equals ag.Id
            join em in db.Employees on ag.EmployeeId equals em.Id
            group x by new { x.Day, UnitId = em.UnitId ?? 0, a.MessageId, l.Platform } into g
            select new ClickCell { Day = g.Key.Day, UnitId = g.Key.UnitId, MessageId = g.Key.MessageId, Platform = g.Key.Platform, Clicks = g.Sum(y => y.Clicks), Visitors = g.Sum(y => y.Visitors) };
    }

    /// <summary>Public responses of one local day and cell, as the database groups them (the day as a date-time at midnight).</summary>
    internal sealed class ResponseRow
    {
        public DateTime Day { get; init; }
        public int UnitId { get; init; }
        public int MessageId { get; init; }
        public Platform Platform { get; init; }
        public ResponseKind Kind { get; init; }
        public int Count { get; init; }
        public int Closed { get; init; }
        public int Open { get; init; }

        public DailyResponseFigure ToFigure(DateOnly? day = null) => new()
        {
            Day = day ?? DateOnly.FromDateTime(Day), UnitId = UnitId, MessageId = MessageId, Platform = Platform, Kind = Kind,
            Count = Count, Closed = Closed, Open = Open,
        };
    }

    /// <summary>
    /// Responses per (local day recorded, report's unit, message, report's platform, kind) with the dialogic-loop
    /// counts; only those recorded in [s, e) when a window is given. The local day as in <see cref="ClicksQuery"/>.
    /// </summary>
    internal static IQueryable<ResponseRow> ResponsesQuery(AppDbContext db, double offsetMinutes, DateTime? s = null, DateTime? e = null)
    {
        var hours = DialogicLoop.Window.TotalHours;
        var responses = db.PublicResponses.AsNoTracking();
        if (s is { } start && e is { } end) responses = responses.Where(p => p.RecordedUtc >= start && p.RecordedUtc < end);
        return
            from p in responses
            join r in db.ShareReports on p.ReportId equals r.Id
            group p by new { Day = p.RecordedUtc.AddMinutes(EF.Constant(offsetMinutes)).Date, UnitId = r.UnitId ?? 0, p.MessageId, r.Platform, p.Kind } into g
            select new ResponseRow
            {
                Day = g.Key.Day, UnitId = g.Key.UnitId, MessageId = g.Key.MessageId, Platform = g.Key.Platform, Kind = g.Key.Kind,
                Count = g.Count(),
                Closed = g.Count(y => y.ResolvedUtc != null && y.ResolvedUtc <= y.RecordedUtc.AddHours(hours)),
                Open = g.Count(y => y.ResolvedUtc == null),
            };
    }

    /// <summary>
    /// Distinct agents with a verified share posted in [s, e), per unit on the report. The state is tested inside the
    /// count, not in the WHERE: SQLite without statistics takes <c>State = ?</c> for the most selective term and walks
    /// every verified report through the state index instead of the week's reports through the posting-time index.
    /// </summary>
    internal static IQueryable<UnitWeekActivity> WeekQuery(AppDbContext db, DateOnly weekStart, DateTime s, DateTime e) =>
        db.ShareReports.AsNoTracking()
            .Where(r => r.PostedUtc >= s && r.PostedUtc < e)
            .GroupBy(r => r.UnitId ?? 0)
            .Select(g => new UnitWeekActivity
            {
                WeekStart = weekStart, UnitId = g.Key,
                ActiveAgents = g.Where(r => r.State == ReportState.Verified).Select(r => r.AgentId).Distinct().Count(),
            })
            .Where(x => x.ActiveAgents > 0);

    internal sealed class ActiveKey
    {
        public int AgentId { get; init; }
        public int UnitId { get; init; }
        public MissionTag Mission { get; init; }
        public Platform Platform { get; init; }
        public bool Verified { get; init; }
    }

    /// <summary>
    /// Distinct (agent, unit, mission, platform, verified or not) of the reports posted in [s, e); the caller keeps the
    /// verified ones. The state is part of the key rather than the WHERE for the reason given on <see cref="WeekQuery"/>.
    /// </summary>
    internal static IQueryable<ActiveKey> ActiveOnQuery(AppDbContext db, DateTime s, DateTime e) =>
        (from r in db.ShareReports.AsNoTracking()
         where r.PostedUtc >= s && r.PostedUtc < e
         join m in db.PolicyMessages on r.MessageId equals m.Id
         select new ActiveKey { AgentId = r.AgentId, UnitId = r.UnitId ?? 0, Mission = m.Mission, Platform = r.Platform, Verified = r.State == ReportState.Verified }).Distinct();

    /// <summary>The day's bit: cleared in every row of its year, then set again for the agents active that day (inside the caller's transaction).</summary>
    private async Task WriteActivityDayAsync(DateOnly day, IReadOnlyList<ActiveKey> active, CancellationToken ct)
    {
        var (column, bit) = DayBits.Of(day);
        var year = day.Year;
        await ClearBitAsync(year, column, bit, ct);
        var agents = active.Select(a => a.AgentId).Distinct().ToList();
        var byKey = new Dictionary<(int, int, MissionTag, Platform), AgentActivity>();
        foreach (var chunk in agents.Chunk(AggregateMarks.InListChunk))
            foreach (var row in await db.AggAgentActivity.Where(a => a.Year == year && chunk.Contains(a.AgentId)).ToListAsync(ct))
                byKey.Add((row.AgentId, row.UnitId, row.Mission, row.Platform), row);
        foreach (var k in active)
        {
            if (!byKey.TryGetValue((k.AgentId, k.UnitId, k.Mission, k.Platform), out var row))
            {
                row = new AgentActivity { AgentId = k.AgentId, Year = year, UnitId = k.UnitId, Mission = k.Mission, Platform = k.Platform };
                db.AggAgentActivity.Add(row);
                byKey.Add((k.AgentId, k.UnitId, k.Mission, k.Platform), row);
            }
            DayBits.Set(row, day);
        }
        // The agents' rows for the whole year: cleared the same way, set for every agent active that day.
        await ClearBitAsync(db.AggAgentYears.Where(a => a.Year == year), column, bit, ct);
        var years = new Dictionary<int, AgentYearActivity>();
        foreach (var chunk in agents.Chunk(AggregateMarks.InListChunk))
            foreach (var row in await db.AggAgentYears.Where(a => a.Year == year && chunk.Contains(a.AgentId)).ToListAsync(ct))
                years.Add(row.AgentId, row);
        foreach (var agent in agents)
        {
            if (!years.TryGetValue(agent, out var row))
            {
                row = new AgentYearActivity { AgentId = agent, Year = year };
                db.AggAgentYears.Add(row);
                years.Add(agent, row);
            }
            DayBits.Set(row, day);
        }
        await db.SaveChangesAsync(ct);
        await db.AggAgentActivity.Where(a => a.Year == year).Where(DayBitRow.IsEmpty<AgentActivity>()).ExecuteDeleteAsync(ct);
        await db.AggAgentYears.Where(a => a.Year == year).Where(DayBitRow.IsEmpty<AgentYearActivity>()).ExecuteDeleteAsync(ct);
    }

    private Task<int> ClearBitAsync(int year, int column, long bit, CancellationToken ct) =>
        ClearBitAsync(db.AggAgentActivity.Where(a => a.Year == year), column, bit, ct);

    private static Task<int> ClearBitAsync<T>(IQueryable<T> rows, int column, long bit, CancellationToken ct) where T : DayBitRow
    {
        var keep = ~bit;
        return column switch
        {
            0 => rows.Where(a => (a.D0 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D0, a => a.D0 & keep), ct),
            1 => rows.Where(a => (a.D1 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D1, a => a.D1 & keep), ct),
            2 => rows.Where(a => (a.D2 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D2, a => a.D2 & keep), ct),
            3 => rows.Where(a => (a.D3 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D3, a => a.D3 & keep), ct),
            4 => rows.Where(a => (a.D4 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D4, a => a.D4 & keep), ct),
            _ => rows.Where(a => (a.D5 & bit) != 0).ExecuteUpdateAsync(x => x.SetProperty(a => a.D5, a => a.D5 & keep), ct),
        };
    }

    /// <summary>The heat-map cells of the week starting on <paramref name="weekStart"/>: distinct agents with a verified share per unit.</summary>
    public async Task RefreshWeekAsync(DateOnly weekStart, CancellationToken ct = default)
    {
        var (s, e) = Window(weekStart, weekStart.AddDays(6));
        var counts = await WeekQuery(db, weekStart, s, e).ToListAsync(ct);
        await Transaction(async () =>
        {
            await db.AggUnitWeeks.Where(x => x.WeekStart == weekStart).ExecuteDeleteAsync(ct);
            db.AggUnitWeeks.AddRange(counts);
            await db.SaveChangesAsync(ct);
        }, ct);
        db.ChangeTracker.Clear();
    }

    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The month's rows as the sums of its daily rows (the days must be refreshed first), deleted and written again in
    /// one transaction. Summed in the database: one row per (unit, message, platform) of the month comes back; those
    /// summed over the units give the month's rows per message.
    /// </summary>
    public async Task RefreshMonthAsync(DateOnly monthStart, CancellationToken ct = default)
    {
        var last = monthStart.AddMonths(1).AddDays(-1);
        var shares = await db.AggDailyShares.AsNoTracking().Where(x => x.Day >= monthStart && x.Day <= last)
            .GroupBy(x => new { x.UnitId, x.MessageId, x.Platform })
            .Select(g => new MonthlyShareFigure
            {
                Day = monthStart, UnitId = g.Key.UnitId, MessageId = g.Key.MessageId, Platform = g.Key.Platform,
                Reports = g.Sum(x => x.Reports), Verified = g.Sum(x => x.Verified), Rejected = g.Sum(x => x.Rejected), Pending = g.Sum(x => x.Pending),
                Flagged = g.Sum(x => x.Flagged), Corrected = g.Sum(x => x.Corrected), Reach = g.Sum(x => x.Reach), Views = g.Sum(x => x.Views),
                Comments = g.Sum(x => x.Comments), Reposts = g.Sum(x => x.Reposts), Saves = g.Sum(x => x.Saves), Clicks = g.Sum(x => x.Clicks),
                Visitors = g.Sum(x => x.Visitors),
            }).ToListAsync(ct);
        var responses = await db.AggDailyResponses.AsNoTracking().Where(x => x.Day >= monthStart && x.Day <= last)
            .GroupBy(x => new { x.UnitId, x.MessageId, x.Platform, x.Kind })
            .Select(g => new MonthlyResponseFigure
            {
                Day = monthStart, UnitId = g.Key.UnitId, MessageId = g.Key.MessageId, Platform = g.Key.Platform, Kind = g.Key.Kind,
                Count = g.Sum(x => x.Count), Closed = g.Sum(x => x.Closed), Open = g.Sum(x => x.Open),
            }).ToListAsync(ct);
        // The same month over every unit, summed here from the rows just read.
        var messageShares = shares.GroupBy(x => (x.MessageId, x.Platform)).Select(g =>
        {
            var row = new MonthlyMessageShareFigure { Day = monthStart, MessageId = g.Key.MessageId, Platform = g.Key.Platform };
            foreach (var x in g) row.Add(x);
            return row;
        }).ToList();
        var messageResponses = responses.GroupBy(x => (x.MessageId, x.Platform, x.Kind)).Select(g =>
        {
            var row = new MonthlyMessageResponseFigure { Day = monthStart, MessageId = g.Key.MessageId, Platform = g.Key.Platform, Kind = g.Key.Kind };
            foreach (var x in g) row.Add(x);
            return row;
        }).ToList();
        await Transaction(async () =>
        {
            await db.AggMonthlyShares.Where(x => x.Day == monthStart).ExecuteDeleteAsync(ct);
            await db.AggMonthlyResponses.Where(x => x.Day == monthStart).ExecuteDeleteAsync(ct);
            await db.AggMonthlyMessageShares.Where(x => x.Day == monthStart).ExecuteDeleteAsync(ct);
            await db.AggMonthlyMessageResponses.Where(x => x.Day == monthStart).ExecuteDeleteAsync(ct);
            await new BulkInserter<MonthlyShareFigure>(db).InsertAsync(db, shares, ct);
            await new BulkInserter<MonthlyResponseFigure>(db).InsertAsync(db, responses, ct);
            await new BulkInserter<MonthlyMessageShareFigure>(db).InsertAsync(db, messageShares, ct);
            await new BulkInserter<MonthlyMessageResponseFigure>(db).InsertAsync(db, messageResponses, ct);
        }, ct);
    }

    private async Task Transaction(Func<Task> work, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A retried attempt starts from a clean context (the failed one may have left rows tracked).
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await work();
            await tx.CommitAsync(token);
        }, ct);
        db.ChangeTracker.Clear();
    }
}
