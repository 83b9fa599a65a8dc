using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Aggregates;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Aggregates;

/// <summary>
/// Marks the days a pending save touches, in the same save (so a mark is never lost and never stands for a change
/// that was rolled back). Call it right before SaveChangesAsync in every write path that adds, changes or deletes
/// share reports, their snapshots or public responses. Clicks need no mark: they are only ever written at the
/// current time, and the refresher always recomputes the current and the previous day.
/// </summary>
public static class AggregateMarks
{
    public static async Task TrackAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instants = new HashSet<DateTime>();
        var reportIds = new HashSet<long>();
        var shas = new HashSet<string>();
        foreach (var e in db.ChangeTracker.Entries<ShareReport>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (e.State != EntityState.Added) instants.Add(e.OriginalValues.GetValue<DateTime>(nameof(ShareReport.PostedUtc)));
            if (e.State != EntityState.Deleted) instants.Add(e.Entity.PostedUtc);
            // A new report repeating an earlier screenshot flags the earlier ones too (after the save, in bulk).
            if (e.State == EntityState.Added && e.Entity.ScreenshotSha256 is { } sha && e.Entity.Flags.HasFlag(ReportFlagSet.DuplicateScreenshot)) shas.Add(sha);
        }
        foreach (var e in db.ChangeTracker.Entries<ReportSnapshot>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var owner = db.ChangeTracker.Entries<ShareReport>().FirstOrDefault(r => r.Entity.Id == e.Entity.ReportId || r.Entity.Snapshots.Contains(e.Entity));
            if (owner is not null) instants.Add(owner.Entity.PostedUtc);
            else reportIds.Add(e.Entity.ReportId);
        }
        foreach (var e in db.ChangeTracker.Entries<PublicResponse>())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (e.State != EntityState.Added) instants.Add(e.OriginalValues.GetValue<DateTime>(nameof(PublicResponse.RecordedUtc)));
            if (e.State != EntityState.Deleted) instants.Add(e.Entity.RecordedUtc);
        }
        if (reportIds.Count > 0)
            instants.UnionWith(await db.ShareReports.AsNoTracking().Where(r => reportIds.Contains(r.Id)).Select(r => r.PostedUtc).ToListAsync(ct));
        if (shas.Count > 0)
            instants.UnionWith(await db.ShareReports.AsNoTracking().Where(r => r.ScreenshotSha256 != null && shas.Contains(r.ScreenshotSha256)).Select(r => r.PostedUtc).ToListAsync(ct));
        foreach (var at in instants) db.AggDirtyDays.Add(new AggregateDirtyDay { AtUtc = at });
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
