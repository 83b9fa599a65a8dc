using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Storage;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.ShareReports;

public sealed record MyReportRow(long Id, string MessageTitle, Platform Platform, string? PostUrl, DateTime PostedUtc, ReportState State, string? Reason, long? Views);

public sealed record MyReportsPage(IReadOnlyList<MyReportRow> Rows, int Total, int Page, int PageCount, int Pending, int Verified, int Rejected);

public sealed record MyReportPage(ShareReport Report, string MessageTitle, IReadOnlyList<ReportSnapshot> Snapshots, bool CanCorrect,
    SnapshotForm Snapshot, CorrectionForm? Correction);

/// <summary>A later reading of the numbers (never replaces an earlier one).</summary>
public sealed class SnapshotForm
{
    public long? Views { get; set; }
    public long? Reach { get; set; }
    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Reposts { get; set; }
    public long? Saves { get; set; }

    public MetricValues Numbers => new(Views, Reach, Likes, Comments, Reposts, Saves);
}

/// <summary>The one correction of a rejected report: its link and posting time.</summary>
public sealed class CorrectionForm
{
    public string? PostUrl { get; set; }
    public DateTime? PostedAt { get; set; }
    public int Version { get; set; }
}

public enum MyReportOutcome { NotFound, Invalid, Done }

/// <summary>How the agent's pages show a report's state: the verification pages' colour, the short UX word (localizer key).</summary>
public static class MyReportStates
{
    public static (string Css, string Label) Badge(ReportState state) => (ShareVerification.ReportLabels.StateBadge(state), state switch
    {
        ReportState.Verified => "Terverifikasi",
        ReportState.Rejected => "Ditolak",
        _ => "Menunggu",
    });
}

/// <summary>The agent's own share reports: list, detail, later snapshots and the one correction after a rejection. Always scoped to the signed-in agent.</summary>
public sealed class MyReportsHandler(AppDbContext db, ReportFlagService flags, Display display, TimeProvider clock, IFileStore store,
    IStringLocalizer<SharedResource> l)
{
    public const int PageSize = 20;

    public async Task<MyReportsPage?> ListAsync(string userId, int page, CancellationToken ct = default)
    {
        var agentId = await AgentIdAsync(userId, ct);
        if (agentId is null) return null;
        var q = db.ShareReports.AsNoTracking().Where(r => r.AgentId == agentId);
        var counts = await q.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await RowsAsync(Newest(q).Skip((page - 1) * PageSize).Take(PageSize), ct);
        int Count(ReportState s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new MyReportsPage(rows, total, page, pageCount, Count(ReportState.Pending), Count(ReportState.Verified), Count(ReportState.Rejected));
    }

    /// <summary>
    /// The signed-in agent's own reports (all pages, at most limit + 1), newest first, with what each card
    /// shows as columns; null when the user is not an agent. Scoped by the sign-in, never by the URL.
    /// </summary>
    public async Task<ExportTable?> ExportAsync(string userId, int limit, CancellationToken ct = default)
    {
        var agentId = await AgentIdAsync(userId, ct);
        if (agentId is null) return null;
        var rows = await RowsAsync(Newest(db.ShareReports.AsNoTracking().Where(r => r.AgentId == agentId)).Take(limit + 1), ct);
        return new ExportColumns<MyReportRow>()
            .Text(l["Pesan"], r => r.MessageTitle)
            .Text(l["Platform"], r => CaptionRules.PlatformName(r.Platform))
            .DateTime(l["Waktu unggah"], r => display.ToLocal(r.PostedUtc))
            .Text(l["Status"], r => l[MyReportStates.Badge(r.State).Label])
            .Number(l["Tayangan"], r => r.Views)
            .Text(l["Alasan penolakan"], r => r.State == ReportState.Rejected ? r.Reason : null)
            .Text(l["Tautan unggahan"], r => r.PostUrl)
            .Table(l["Laporan Sebaran Saya"], rows, limit);
    }

    private static IQueryable<ShareReport> Newest(IQueryable<ShareReport> reports) =>
        reports.OrderByDescending(r => r.SubmittedUtc).ThenByDescending(r => r.Id);

    private async Task<List<MyReportRow>> RowsAsync(IQueryable<ShareReport> reports, CancellationToken ct)
    {
        var rows = await reports
            .Select(r => new
            {
                r.Id, r.MessageId, r.Platform, r.PostUrl, r.PostedUtc, r.State, r.DecisionReason,
                Views = db.ReportSnapshots.Where(s => s.ReportId == r.Id).OrderByDescending(s => s.TakenUtc).Select(s => s.Views).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var messageIds = rows.Select(r => r.MessageId).Distinct().ToList();
        var titles = await db.PolicyMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        return [.. rows.Select(r => new MyReportRow(r.Id, titles.GetValueOrDefault(r.MessageId, ""), r.Platform, r.PostUrl, r.PostedUtc, r.State, r.DecisionReason, r.Views))];
    }

    public async Task<MyReportPage?> LoadAsync(string userId, long id, SnapshotForm? snapshot = null, CorrectionForm? correction = null, CancellationToken ct = default)
    {
        var report = await MineAsync(userId, id, tracked: false, ct);
        if (report is null) return null;
        var title = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == report.MessageId).Select(m => m.Title).SingleAsync(ct);
        var canCorrect = CanCorrect(report, userId);
        if (canCorrect)
            correction ??= new CorrectionForm { PostUrl = report.PostUrl, PostedAt = display.ToLocal(report.PostedUtc), Version = report.Version };
        return new MyReportPage(report, title, [.. report.Snapshots.OrderBy(s => s.TakenUtc).ThenBy(s => s.Id)], canCorrect,
            snapshot ?? new SnapshotForm(), canCorrect ? correction : null);
    }

    public async Task<(MyReportOutcome, IReadOnlyList<FieldError>)> AddSnapshotAsync(string userId, long id, SnapshotForm form, CancellationToken ct = default)
    {
        var report = await MineAsync(userId, id, tracked: true, ct);
        if (report is null) return (MyReportOutcome.NotFound, []);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = report.PostUrl is null ? null : PostLinks.Parse(report.Platform, report.PostUrl).Link;
        var ephemeral = SnapshotRules.IsEphemeral(report.Platform, link?.Kind);
        var candidate = new MetricSnapshot(0, MetricSource.SelfReported, now, form.Numbers);
        var check = SnapshotRules.Check(candidate, report.PostedUtc, [.. report.Snapshots.Select(s => s.ToRule())], now, ephemeral);
        if (check.Problems.Count > 0)
            return (MyReportOutcome.Invalid, [.. check.Problems.Select(p => new FieldError(p.Field, l[p.Message, p.FormatArgs(k => l[k], display.DateTimeShort)]))]);
        report.Snapshots.Add(new ReportSnapshot
        {
            Source = MetricSource.SelfReported, Window = check.Window, TakenUtc = now,
            Views = form.Views, Reach = form.Reach, Likes = form.Likes, Comments = form.Comments, Reposts = form.Reposts, Saves = form.Saves,
            CreatedByUserId = userId, CreatedUtc = now,
        });
        await AggregateMarks.TrackAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await RefreshFlagsAsync(report, ct);
        return (MyReportOutcome.Done, []);
    }

    /// <summary>The agent corrects a rejected report once: it goes back to the queue as Pending.</summary>
    public async Task<(MyReportOutcome, IReadOnlyList<FieldError>)> CorrectAsync(string userId, long id, CorrectionForm form, CancellationToken ct = default)
    {
        var report = await MineAsync(userId, id, tracked: true, ct);
        if (report is null) return (MyReportOutcome.NotFound, []);
        if (form.Version != report.Version)
            return (MyReportOutcome.Invalid, [new FieldError("", l["Laporan ini baru saja berubah. Periksa statusnya di bawah, lalu ulangi bila masih perlu."])]);
        var decision = ReportWorkflow.Decide(ReportAction.Correct, new ReportActor(userId), new ReportFacts(report.State, userId, report.CorrectionCount), null);
        if (!decision.IsAllowed)
            return (MyReportOutcome.Invalid, [.. decision.Refusals.Select(r => new FieldError("", l[r.Message, r.FormatArgs(k => l[k], display.DateTimeShort)]))]);

        var window = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == report.MessageId).Select(m => new { m.ActiveFromUtc, m.ActiveUntilUtc }).SingleAsync(ct);
        var accounts = await db.SocialAccounts.AsNoTracking().Where(s => s.AgentId == report.AgentId)
            .Select(s => new AgentAccountRef(s.Platform, s.Handle, s.State)).ToListAsync(ct);
        var postedUtc = form.PostedAt is { } local ? display.ToUtc(local) : (DateTime?)null;
        var now = clock.GetUtcNow().UtcDateTime;
        var check = ShareReportRules.Check(new ShareClaim(report.Platform, form.PostUrl, postedUtc, new MetricValues()), accounts, window.ActiveFromUtc, window.ActiveUntilUtc, now);
        var errors = check.Problems.Where(p => p.Code != ShareReportProblemCode.NumbersEmpty)
            .Select(p => new FieldError(p.Field, l[p.Message, p.FormatArgs(k => l[k], display.DateTimeShort)])).ToList();
        if (errors.Count == 0 && check.ClaimKey is { } key && key != report.ClaimKey && await db.ShareReports.AsNoTracking().AnyAsync(r => r.ClaimKey == key, ct))
            errors.Add(new(ShareReportFields.PostUrl, l[LogShareHandler.AlreadyClaimedText]));
        if (errors.Count > 0) return (MyReportOutcome.Invalid, errors);

        report.PostUrl = check.Link?.Url ?? report.PostUrl;
        report.ClaimKey = check.ClaimKey;
        report.LinkHandle = check.Link?.Handle;
        report.PostedUtc = postedUtc!.Value;
        report.State = ReportState.Pending;
        report.CorrectionCount = decision.CorrectionCount;
        await AggregateMarks.TrackAsync(db, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (MyReportOutcome.Invalid, [new FieldError("", l["Laporan ini baru saja berubah. Periksa statusnya di bawah, lalu ulangi bila masih perlu."])]);
        }
        catch (DbUpdateException)
        {
            // Another report claimed the same post between the check above and this save.
            if (report.ClaimKey is not { } claimed || !await ClaimedByAnotherAsync(claimed, report.Id, ct)) throw;
            return (MyReportOutcome.Invalid, [new FieldError(ShareReportFields.PostUrl, l[LogShareHandler.AlreadyClaimedText])]);
        }
        await RefreshFlagsAsync(report, ct);
        return (MyReportOutcome.Done, []);
    }

    /// <summary>The screenshot, for the report's agent and for Humas and Pimpinan.</summary>
    public async Task<(string ContentType, Stream Content)?> EvidenceAsync(ClaimsPrincipal user, long id, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var staff = user.IsInRole(Roles.Humas) || user.IsInRole(Roles.Pimpinan);
        var r = await db.ShareReports.AsNoTracking().Where(x => x.Id == id && x.ScreenshotPath != null)
            .Select(x => new { x.ScreenshotPath, x.ScreenshotContentType, AgentUserId = db.Agents.Where(a => a.Id == x.AgentId).Select(a => a.UserId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (r is null || (!staff && r.AgentUserId != userId)) return null;
        return store.Open(r.ScreenshotPath!) is { } content ? (r.ScreenshotContentType ?? "application/octet-stream", content) : null;
    }

    private static bool CanCorrect(ShareReport r, string userId) =>
        ReportWorkflow.Decide(ReportAction.Correct, new ReportActor(userId), new ReportFacts(r.State, userId, r.CorrectionCount), null).IsAllowed;

    private async Task<bool> ClaimedByAnotherAsync(string claimKey, long reportId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.ShareReports.AsNoTracking().AnyAsync(r => r.ClaimKey == claimKey && r.Id != reportId, ct);
    }

    /// <summary>Recomputes the stored flags from what is now in the database (the new snapshot or link included).</summary>
    private async Task RefreshFlagsAsync(ShareReport report, CancellationToken ct)
    {
        var set = ReportFlags.ToSet(await flags.EvaluateAsync(report, ct));
        if (set == report.Flags) return;
        report.Flags = set;
        await AggregateMarks.TrackAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<int?> AgentIdAsync(string userId, CancellationToken ct) =>
        await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    private async Task<ShareReport?> MineAsync(string userId, long id, bool tracked, CancellationToken ct)
    {
        var agentId = await AgentIdAsync(userId, ct);
        if (agentId is null) return null;
        var q = db.ShareReports.Include(r => r.Snapshots).Where(r => r.Id == id && r.AgentId == agentId);
        return await (tracked ? q : q.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
