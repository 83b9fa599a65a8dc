using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Storage;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.ShareReports;

/// <summary>The share-report form. Property names are <see cref="ShareReportFields"/>, so rule problems land beside their inputs.</summary>
public sealed class ShareReportForm
{
    /// <summary>Generated when the form is shown; the same form posted twice makes one report.</summary>
    public Guid SubmissionKey { get; set; }

    public Platform Platform { get; set; }
    public string? PostUrl { get; set; }

    /// <summary>Local time (the institution's time zone).</summary>
    public DateTime? PostedAt { get; set; }

    public long? Views { get; set; }
    public long? Reach { get; set; }
    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Reposts { get; set; }
    public long? Saves { get; set; }

    public MetricValues Numbers => new(Views, Reach, Likes, Comments, Reposts, Saves);
}

public sealed record LogSharePage(int AssignmentId, string MessageTitle, DateTime ActiveFromUtc, DateTime ActiveUntilUtc,
    IReadOnlyList<Platform> Platforms, ShareReportForm Form, bool IsOpen);

public enum LogShareOutcome { NotFound, Invalid, Done }

public sealed record LogShareResult(LogShareOutcome Outcome, long? ReportId, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Logs a share: checks the claim (<see cref="ShareReportRules"/>), the screenshot by content, the one
/// claim per post (a unique index decides between simultaneous claims), stores the report with its
/// first snapshot and its flags. A form posted twice (same submission key) returns the first report.
/// </summary>
public sealed class LogShareHandler(AppDbContext db, IFileStore store, ReportFlagService flags, Display display, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public const long MaxScreenshotBytes = 5L * 1024 * 1024;

    private sealed record Mine(int AssignmentId, int AgentId, int MessageId, int? UnitId, string Title, DateTime From, DateTime Until, MessageStatus Status);

    public async Task<LogSharePage?> LoadAsync(string userId, int assignmentId, Platform? platform, ShareReportForm? form = null, CancellationToken ct = default)
    {
        var a = await FindAsync(userId, assignmentId, ct);
        if (a is null) return null;
        var platforms = await db.SocialAccounts.AsNoTracking()
            .Where(s => s.AgentId == a.AgentId && s.State != VerificationState.Rejected)
            .Select(s => s.Platform).Distinct().ToListAsync(ct);
        platforms.Sort();
        form ??= new ShareReportForm
        {
            SubmissionKey = Guid.NewGuid(),
            Platform = platform is { } p && platforms.Contains(p) ? p : platforms.FirstOrDefault(),
            PostedAt = Minute(display.ToLocal(clock.GetUtcNow().UtcDateTime)),
        };
        return new LogSharePage(a.AssignmentId, a.Title, a.From, a.Until, platforms, form, IsOpen(a));
    }

    public async Task<LogShareResult> SubmitAsync(string userId, int assignmentId, ShareReportForm form, IFormFile? screenshot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var a = await FindAsync(userId, assignmentId, ct);
        if (a is null) return new(LogShareOutcome.NotFound, null, []);

        // The same form again (double tap, retry on a slow connection): the report it already made.
        if (form.SubmissionKey != Guid.Empty && await SameSubmissionAsync(a.AgentId, form.SubmissionKey, ct) is { } earlier)
            return new(LogShareOutcome.Done, earlier, []);
        if (!IsOpen(a))
            return Invalid("", l["Penugasan ini sudah tidak aktif, jadi sebarannya tidak dapat dilaporkan lagi."]);
        if (form.SubmissionKey == Guid.Empty)
            return Invalid("", l["Formulir ini tidak lengkap. Muat ulang halaman, lalu isi lagi."]);

        var now = clock.GetUtcNow().UtcDateTime;
        var accounts = await db.SocialAccounts.AsNoTracking().Where(s => s.AgentId == a.AgentId)
            .Select(s => new AccountFacts(s.AgentId, s.Platform, s.Handle, s.State, s.Followers)).ToListAsync(ct);
        var postedUtc = form.PostedAt is { } local
            ? display.ToUtc(local)
            : (DateTime?)null;
        var check = ShareReportRules.Check(new ShareClaim(form.Platform, form.PostUrl, postedUtc, form.Numbers),
            [.. accounts.Select(x => new AgentAccountRef(x.Platform, x.Handle, x.State))], a.From, a.Until, now);
        var errors = check.Problems.Select(p => new FieldError(p.Field, l[p.Message, p.FormatArgs(k => l[k], display.DateTimeShort)])).ToList();

        SniffedType? type = null;
        if (screenshot is { Length: > 0 })
        {
            await using var probe = screenshot.OpenReadStream();
            type = await ContentSniffer.SniffAsync(probe, ct);
            if (type is null || type.IsVideo)
                errors.Add(new(nameof(screenshot), l["Tangkapan layar harus gambar PNG, JPEG, atau WebP. Jenis berkas diperiksa dari isinya, bukan dari namanya."]));
            else if (screenshot.Length > MaxScreenshotBytes)
                errors.Add(new(nameof(screenshot), l["Tangkapan layar paling besar 5 MB."]));
        }
        if (errors.Count == 0 && check.ClaimKey is { } key && await db.ShareReports.AsNoTracking().AnyAsync(r => r.ClaimKey == key, ct))
        {
            // The twin of a double-submitted form may have stored the claim meanwhile: that is this form's report, not a refusal.
            if (await SameSubmissionAsync(a.AgentId, form.SubmissionKey, ct) is { } twin) return new(LogShareOutcome.Done, twin, []);
            errors.Add(AlreadyClaimed());
        }
        if (errors.Count > 0) return new(LogShareOutcome.Invalid, null, errors);

        var report = new ShareReport
        {
            AssignmentId = a.AssignmentId,
            AgentId = a.AgentId,
            MessageId = a.MessageId,
            UnitId = a.UnitId,
            Platform = form.Platform,
            PostUrl = string.IsNullOrWhiteSpace(form.PostUrl) ? null : check.Link?.Url ?? form.PostUrl.Trim(),
            ClaimKey = check.ClaimKey,
            LinkHandle = check.Link?.Handle,
            PostedUtc = postedUtc!.Value,
            SubmittedUtc = now,
            SubmissionKey = form.SubmissionKey,
            FollowersAtSubmission = ReportFlagService.Followers(accounts.Select(x => (x.Platform, x.State, x.Followers)), form.Platform),
        };
        StoredFile? stored = null;
        if (type is not null)
        {
            await using var content = screenshot!.OpenReadStream();
            stored = await store.SaveAsync(content, type.Extension, ct);
            report.ScreenshotPath = stored.RelativePath;
            report.ScreenshotContentType = type.ContentType;
            report.ScreenshotSha256 = stored.Sha256;
        }
        if (form.Numbers.HasAny)
        {
            var ephemeral = SnapshotRules.IsEphemeral(form.Platform, check.Link?.Kind);
            report.Snapshots.Add(new ReportSnapshot
            {
                Source = stored is null ? MetricSource.SelfReported : MetricSource.Screenshot,
                Window = SnapshotRules.WindowFor(report.PostedUtc, now, ephemeral),
                TakenUtc = now,
                Views = form.Views, Reach = form.Reach, Likes = form.Likes, Comments = form.Comments, Reposts = form.Reposts, Saves = form.Saves,
                CreatedByUserId = userId,
                CreatedUtc = now,
            });
        }
        var raised = await flags.EvaluateAsync(report, accounts, ct);
        report.Flags = ReportFlags.ToSet(raised);
        db.ShareReports.Add(report);
        await AggregateMarks.TrackAsync(db, ct);
        // A repeated screenshot flags the earlier reports too, in the same transaction as the save and its day marks
        // (an aggregate refresh between the two would otherwise miss the earlier reports' new flag).
        var repeatedSha = report.Flags.HasFlag(ReportFlagSet.DuplicateScreenshot) ? report.ScreenshotSha256 : null;
        try
        {
            if (repeatedSha is null) await db.SaveChangesAsync(ct);
            else await SaveFlaggingEarlierAsync(repeatedSha, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (stored is not null) store.Delete(stored.RelativePath);
            // Lost a race: the same form submitted twice at once, or another agent claimed the same post first.
            if (await SameSubmissionAsync(a.AgentId, form.SubmissionKey, ct) is { } same) return new(LogShareOutcome.Done, same, []);
            if (check.ClaimKey is { } claimed && await db.ShareReports.AsNoTracking().AnyAsync(r => r.ClaimKey == claimed, ct))
                return new(LogShareOutcome.Invalid, null, [AlreadyClaimed()]);
            throw;
        }
        return new(LogShareOutcome.Done, report.Id, []);
    }

    private Task SaveFlaggingEarlierAsync(string sha, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.ShareReports.Where(r => r.ScreenshotSha256 == sha)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Flags, r => r.Flags | ReportFlagSet.DuplicateScreenshot), token);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);

    private Task<long?> SameSubmissionAsync(int agentId, Guid key, CancellationToken ct) =>
        db.ShareReports.AsNoTracking().Where(r => r.AgentId == agentId && r.SubmissionKey == key).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>The refusal of a post someone already reported (also used by the correction of a rejected report).</summary>
    public static readonly string AlreadyClaimedText = I18n.Key("Kiriman ini sudah dilaporkan. Setiap kiriman hanya dapat dilaporkan satu kali di seluruh sistem. Bila ini kiriman Anda dan belum pernah Anda laporkan, hubungi Humas.");

    private FieldError AlreadyClaimed() => new(ShareReportFields.PostUrl, l[AlreadyClaimedText]);

    private static LogShareResult Invalid(string field, string message) => new(LogShareOutcome.Invalid, null, [new FieldError(field, message)]);

    private bool IsOpen(Mine a)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return a.Status is MessageStatus.Published or MessageStatus.Closed && a.From <= now
            && now <= a.Until.AddDays(ReportGraceDays);
    }

    /// <summary>Days after the active window in which a share made inside it can still be reported.</summary>
    public const int ReportGraceDays = 7;

    private Task<Mine?> FindAsync(string userId, int assignmentId, CancellationToken ct) =>
        db.Assignments.AsNoTracking()
            .Where(x => x.Id == assignmentId && x.Agent.UserId == userId && x.Agent.Status == AgentStatus.Active)
            .Select(x => new Mine(x.Id, x.AgentId, x.MessageId, x.Agent.Employee.UnitId, x.Message.Title, x.Message.ActiveFromUtc, x.Message.ActiveUntilUtc, x.Message.Status))
            .SingleOrDefaultAsync(ct);

    private static DateTime Minute(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Kind);
}
