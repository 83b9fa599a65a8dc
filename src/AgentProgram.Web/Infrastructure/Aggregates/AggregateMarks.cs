using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Aggregates;

/// <summary>
/// Marks the days a pending save touches, in the same save (so a mark is never lost and never stands for a change
/// that was rolled back). Call it right before SaveChangesAsync in every write path that adds, changes or deletes
/// share reports, their snapshots or public responses. Clicks need no mark: they are only ever written at the
/// current time, and the refresher always recomputes the current and the previous day; but moving an employee to
/// another unit or changing a message's mission tag changes figures of past days (the Stage* methods).
/// </summary>
public static class AggregateMarks
{
    /// <summary>Ids per IN list: SQL Server takes at most 2,100 parameters in one statement.</summary>
    internal const int InListChunk = 1000;

    public static async Task TrackAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instants = new HashSet<DateTime>();
        var reportIds = new HashSet<long>();
        var shas = new HashSet<string>();
        var reports = db.ChangeTracker.Entries<ShareReport>().ToList();
        foreach (var e in reports)
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (e.State != EntityState.Added) instants.Add(e.OriginalValues.GetValue<DateTime>(nameof(ShareReport.PostedUtc)));
            if (e.State != EntityState.Deleted) instants.Add(e.Entity.PostedUtc);
            // A new report repeating an earlier screenshot flags the earlier ones too (in the same save, see LogShare).
            if (e.State == EntityState.Added && e.Entity.ScreenshotSha256 is { } sha && e.Entity.Flags.HasFlag(ReportFlagSet.DuplicateScreenshot)) shas.Add(sha);
        }
        // A snapshot's report: the tracked one holding it in its collection (new reports have no id yet), else by id.
        var owners = new Dictionary<ReportSnapshot, ShareReport>(ReferenceEqualityComparer.Instance);
        var byId = new Dictionary<long, ShareReport>();
        foreach (var r in reports.Select(e => e.Entity))
        {
            foreach (var snap in r.Snapshots) owners.TryAdd(snap, r);
            if (r.Id > 0) byId.TryAdd(r.Id, r);
        }
        foreach (var e in db.ChangeTracker.Entries<ReportSnapshot>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (owners.TryGetValue(e.Entity, out var owner) || byId.TryGetValue(e.Entity.ReportId, out owner)) instants.Add(owner.PostedUtc);
            else reportIds.Add(e.Entity.ReportId);
        }
        foreach (var e in db.ChangeTracker.Entries<PublicResponse>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (e.State != EntityState.Added) instants.Add(e.OriginalValues.GetValue<DateTime>(nameof(PublicResponse.RecordedUtc)));
            if (e.State != EntityState.Deleted) instants.Add(e.Entity.RecordedUtc);
        }
        foreach (var chunk in reportIds.Chunk(InListChunk))
            instants.UnionWith(await db.ShareReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => r.PostedUtc).ToListAsync(ct));
        foreach (var chunk in shas.Chunk(InListChunk))
            instants.UnionWith(await db.ShareReports.AsNoTracking().Where(r => r.ScreenshotSha256 != null && chunk.Contains(r.ScreenshotSha256)).Select(r => r.PostedUtc).ToListAsync(ct));
        foreach (var at in instants) db.AggDirtyDays.Add(new AggregateDirtyDay { AtUtc = at });
    }

    /// <summary>
    /// Stages marks (saved with the caller's next save) for every day with people's clicks on the tracked links of
    /// these employees' agents: clicks count under the agent's current unit, so moving an employee changes those days.
    /// Each UTC date is marked at its first and last instant, which covers both local days it overlaps.
    /// </summary>
    public static async Task StageClickDaysOfEmployeesAsync(AppDbContext db, IReadOnlyCollection<int> employeeIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(employeeIds);
        var dates = new HashSet<DateTime>();
        foreach (var chunk in employeeIds.Distinct().Chunk(InListChunk))
        {
            dates.UnionWith(await (
                from c in db.LinkClicks.AsNoTracking()
                where !c.IsBot
                join l in db.TrackedLinks on c.TrackedLinkId equals l.Id
                join a in db.Assignments on l.AssignmentId equals a.Id
                join ag in db.Agents on a.AgentId equals ag.Id
                where chunk.Contains(ag.EmployeeId)
                select c.OccurredUtc.Date).Distinct().ToListAsync(ct));
        }
        StageDates(db, dates);
    }

    /// <summary>
    /// Stages marks for every day with a share report of this message: the agents' activity rows are kept per mission
    /// tag, so changing a message's mission changes those days.
    /// </summary>
    public static async Task StageReportDaysOfMessageAsync(AppDbContext db, int messageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dates = await db.ShareReports.AsNoTracking().Where(r => r.MessageId == messageId).Select(r => r.PostedUtc.Date).Distinct().ToListAsync(ct);
        StageDates(db, dates);
    }

    private static void StageDates(AppDbContext db, IEnumerable<DateTime> utcDates)
    {
        foreach (var date in utcDates)
        {
            var start = DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
            db.AggDirtyDays.Add(new AggregateDirtyDay { AtUtc = start });
            db.AggDirtyDays.Add(new AggregateDirtyDay { AtUtc = start.AddDays(1).AddTicks(-10) });
        }
    }

    /// <summary>Marks the days of the given instants now (for writes outside the change tracker).</summary>
    public static async Task MarkAsync(AppDbContext db, IEnumerable<DateTime> instantsUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instantsUtc);
        foreach (var at in instantsUtc.Distinct()) db.AggDirtyDays.Add(new AggregateDirtyDay { AtUtc = at });
        await db.SaveChangesAsync(ct);
    }
}
