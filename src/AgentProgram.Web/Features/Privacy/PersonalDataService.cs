using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Privacy;

/// <summary>Why an agent's personal data was erased; the status reason left on the agent says which.</summary>
public enum ErasureMode
{
    Retention,
    Request,
}

/// <summary>The texts left in place of personal data. They are localizer keys (the agent page shows the status reason through L).</summary>
public static class ErasureTexts
{
    public const string RetentionReason = "Data pribadi dihapus: masa retensi setelah keikutsertaan berakhir telah lewat.";
    public const string RequestReason = "Data pribadi dihapus atas permintaan agen.";

    /// <summary>What a required free-text field holds after erasure (public response, conduct note).</summary>
    public const string Erased = "[dihapus]";

    public static readonly string[] Reasons = [RetentionReason, RequestReason];

    public static bool IsErased(string? statusReason) => statusReason is not null && Reasons.Contains(statusReason, StringComparer.Ordinal);
}

/// <summary>Audit actions of this feature (not entity changes; no personal data in them).</summary>
public static class PrivacyAuditActions
{
    public const string PersonalDataErased = "PersonalDataErased";
    public const string ScreenshotsPurged = "ScreenshotsPurged";
}

/// <summary>What an erasure removes (or, in a dry run, would remove) for one or more agents.</summary>
public sealed record ErasureCounts(int SocialAccounts, int Reports, int Screenshots, int PublicResponses, int ConductRecords, int Notifications, int AuditEntries)
{
    public static readonly ErasureCounts Zero = new(0, 0, 0, 0, 0, 0, 0);

    public ErasureCounts Plus(ErasureCounts o) => new(
        SocialAccounts + o.SocialAccounts, Reports + o.Reports, Screenshots + o.Screenshots, PublicResponses + o.PublicResponses,
        ConductRecords + o.ConductRecords, Notifications + o.Notifications, AuditEntries + o.AuditEntries);
}

public enum ErasureOutcome
{
    Done,
    NotFound,
    AlreadyErased,
    Conflict,
}

public sealed record PurgeSummary(bool DryRun, DateTime CutoffUtc, int Agents, ErasureCounts Counts, int OldScreenshots, DateTime? ScreenshotCutoffUtc)
{
    /// <summary>The operator's one line (English, invariant numbers).</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{(DryRun ? "dry run, would purge" : "purged")}: agents {Agents} (enrolment ended before {CutoffUtc:yyyy-MM-dd}), social accounts {Counts.SocialAccounts}, " +
        $"reports {Counts.Reports}, screenshots {Counts.Screenshots + OldScreenshots} ({OldScreenshots} of reviewed reports before {(ScreenshotCutoffUtc is { } s ? s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")}), " +
        $"public responses {Counts.PublicResponses}, conduct records {Counts.ConductRecords}, notifications {Counts.Notifications}, audit entries {Counts.AuditEntries}");
}

/// <summary>
/// The one mechanism behind the retention purge (<c>purge</c> verb) and HR's erasure on request (UU 27/2022): it removes
/// an agent's personal data and keeps every figure that is counted. Removed: social accounts (handles, profile links,
/// followers), post links, claim keys and link handles of their share reports, screenshot files, the texts of public
/// responses they recorded, conduct-record notes, their notifications, and their sign-in account's identity (the account
/// is anonymised and locked, never deleted: agent and audit rows point at it). The audit trail keeps every entry, with
/// those values replaced by <see cref="ErasureTexts.Erased"/> and the agent's own user name and IP address removed
/// (the only change ever made to old audit entries). Kept: the agent row (status Ended, the erasure reason), reports with
/// their platform, dates, state, unit and snapshots, responses with kind, sentiment and status, assignments, tracked
/// links and clicks, reward runs and results, finalised documents (archive rules), and the employee record, which is
/// HR's master data from SIASN with its own basis and retention (see database/README.md).
/// Files go first, then one transaction for the rows: a failure leaves the agent unerased, and running again finishes it.
/// </summary>
public sealed class PersonalDataService(AppDbContext db, IFileStore store, IAuditActor actor, TimeProvider clock, IConfiguration config)
{
    /// <summary>Audit fields whose values are personal data of the agent or of the public (never keys, dates or numbers).</summary>
    private static readonly HashSet<string> PersonalFields = new(StringComparer.Ordinal)
    {
        nameof(SocialAccount.Handle), nameof(SocialAccount.ProfileUrl), nameof(SocialAccount.RejectionReason),
        nameof(ShareReport.PostUrl), nameof(ShareReport.ClaimKey), nameof(ShareReport.LinkHandle), nameof(ShareReport.DecisionReason),
        nameof(ShareReport.ScreenshotPath), nameof(ShareReport.ScreenshotSha256),
        nameof(PublicResponse.Text), nameof(PublicResponse.ResolutionNote),
        nameof(Domain.Rewards.ConductRecord.Note), nameof(Domain.Rewards.ConductRecord.RevokeReason),
        nameof(Agent.StatusReason),
    };

    private const int Chunk = 500;

    public PrivacySettings Settings { get; } = PrivacySettings.From(config);

    /// <summary>Enrolments that ended before this moment are due for purging.</summary>
    public DateTime CutoffUtc(DateTime nowUtc) => nowUtc.AddMonths(-Settings.RetentionMonths);

    /// <summary>
    /// Erases every agent whose enrolment ended before the cut-off and is not erased yet, then the screenshots of reviewed
    /// reports older than the screenshot retention. Idempotent: a second run finds nothing. A dry run changes nothing
    /// and reports what would go.
    /// </summary>
    public async Task<PurgeSummary> PurgeAsync(bool dryRun, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = CutoffUtc(now);
        var due = await db.Agents.AsNoTracking()
            .Where(a => a.Status == AgentStatus.Ended && a.StatusChangedUtc != null && a.StatusChangedUtc < cutoff
                        && a.StatusReason != ErasureTexts.RetentionReason && a.StatusReason != ErasureTexts.RequestReason)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);

        var total = ErasureCounts.Zero;
        var agents = 0;
        foreach (var id in due)
        {
            if (dryRun)
            {
                total = total.Plus(await PreviewAsync(id, ct));
                agents++;
                continue;
            }
            var (outcome, counts) = await EraseAsync(id, ErasureMode.Retention, reason: null, expectedVersion: null, ct);
            if (outcome != ErasureOutcome.Done) continue; // changed meanwhile: the next run takes it
            total = total.Plus(counts);
            agents++;
        }

        DateTime? shotCutoff = Settings.ScreenshotRetentionMonths > 0 ? now.AddMonths(-Settings.ScreenshotRetentionMonths) : null;
        var oldShots = shotCutoff is { } sc ? await PurgeOldScreenshotsAsync(sc, dryRun, ct) : 0;
        return new PurgeSummary(dryRun, cutoff, agents, total, oldShots, shotCutoff);
    }

    /// <summary>What erasing one agent would remove, counted without changing anything.</summary>
    public async Task<ErasureCounts> PreviewAsync(int agentId, CancellationToken ct = default)
    {
        var userId = await db.Agents.Where(a => a.Id == agentId).Select(a => a.UserId).SingleOrDefaultAsync(ct) ?? "";
        var keys = await KeysAsync(agentId, ct);
        return new ErasureCounts(
            keys.Accounts.Count,
            await db.ShareReports.CountAsync(r => r.AgentId == agentId && (r.PostUrl != null || r.ClaimKey != null || r.LinkHandle != null || r.ScreenshotPath != null || r.DecisionReason != null), ct),
            keys.Screenshots.Count,
            await db.PublicResponses.CountAsync(p => p.AgentId == agentId && p.Text != ErasureTexts.Erased, ct),
            await db.ConductRecords.CountAsync(c => c.AgentId == agentId && c.Note != ErasureTexts.Erased, ct),
            await db.Notifications.CountAsync(n => n.UserId == userId, ct),
            (await AuditToRedactAsync(keys, ct)).Count + await db.AuditEntries.CountAsync(e => e.UserId == userId && (e.UserName != null || e.IpAddress != null), ct));
    }

    /// <summary>
    /// Erases one agent's personal data now (ending the enrolment if it is still running). <paramref name="expectedVersion"/>
    /// is the version HR saw: a change made meanwhile is not overwritten.
    /// </summary>
    public async Task<(ErasureOutcome Outcome, ErasureCounts Counts)> EraseAsync(int agentId, ErasureMode mode, string? reason, int? expectedVersion, CancellationToken ct = default)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.Id, a.UserId, a.Status, a.StatusReason, a.Version }).SingleOrDefaultAsync(ct);
        if (agent is null) return (ErasureOutcome.NotFound, ErasureCounts.Zero);
        if (ErasureTexts.IsErased(agent.StatusReason)) return (ErasureOutcome.AlreadyErased, ErasureCounts.Zero);
        if (expectedVersion is { } seen && seen != agent.Version) return (ErasureOutcome.Conflict, ErasureCounts.Zero);

        var now = clock.GetUtcNow().UtcDateTime;
        var email = await db.Users.Where(u => u.Id == agent.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var keys = await KeysAsync(agentId, ct);
        var redactions = await AuditToRedactAsync(keys, ct);
        var agentRoleId = await db.Roles.Where(r => r.Name == Roles.Agen).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var staff = await db.UserRoles.AnyAsync(x => x.UserId == agent.UserId && x.RoleId != agentRoleId, ct);

        // Files first: if the rows then fail, running again finds the same rows and no file is left unreferenced.
        foreach (var path in keys.Screenshots) store.Delete(path);

        var strategy = db.Database.CreateExecutionStrategy();
        var counts = await strategy.ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var statusReason = mode == ErasureMode.Request ? ErasureTexts.RequestReason : ErasureTexts.RetentionReason;
            var ended = agent.Status == AgentStatus.Ended;
            var changed = await db.Agents.Where(a => a.Id == agentId && a.Version == agent.Version).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AgentStatus.Ended)
                .SetProperty(a => a.StatusReason, statusReason)
                .SetProperty(a => a.StatusChangedUtc, a => ended ? a.StatusChangedUtc : now)
                .SetProperty(a => a.Version, a => a.Version + 1), token);
            if (changed == 0) return null;

            var accounts = await db.SocialAccounts.Where(s => s.AgentId == agentId).ExecuteDeleteAsync(token);
            var reports = await db.ShareReports
                .Where(r => r.AgentId == agentId && (r.PostUrl != null || r.ClaimKey != null || r.LinkHandle != null || r.ScreenshotPath != null || r.DecisionReason != null))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.PostUrl, (string?)null).SetProperty(r => r.ClaimKey, (string?)null).SetProperty(r => r.LinkHandle, (string?)null)
                    .SetProperty(r => r.DecisionReason, (string?)null).SetProperty(r => r.ScreenshotPath, (string?)null)
                    .SetProperty(r => r.ScreenshotContentType, (string?)null).SetProperty(r => r.ScreenshotSha256, (string?)null)
                    .SetProperty(r => r.Version, r => r.Version + 1), token);
            var responses = await db.PublicResponses.Where(p => p.AgentId == agentId && p.Text != ErasureTexts.Erased).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Text, ErasureTexts.Erased).SetProperty(p => p.ResolutionNote, (string?)null)
                .SetProperty(p => p.Version, p => p.Version + 1), token);
            var conduct = await db.ConductRecords.Where(c => c.AgentId == agentId && c.Note != ErasureTexts.Erased).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Note, ErasureTexts.Erased).SetProperty(c => c.RevokeReason, c => c.RevokeReason == null ? null : ErasureTexts.Erased)
                .SetProperty(c => c.Version, c => c.Version + 1), token);
            int notifications;
            int audit;
            if (staff)
            {
                // The person also works here as an officer: their sign-in account, notifications and their staff
                // actions in the audit trail stay; only the agent role goes with the agent's data.
                notifications = 0;
                await db.UserRoles.Where(x => x.UserId == agent.UserId && x.RoleId == agentRoleId).ExecuteDeleteAsync(token);
                audit = await RedactAuditAsync(redactions, null, null, token);
            }
            else
            {
                notifications = await db.Notifications.Where(n => n.UserId == agent.UserId).ExecuteDeleteAsync(token);
                await AnonymiseAccountAsync(agentId, agent.UserId, token);
                audit = await RedactAuditAsync(redactions, agent.UserId, email, token);
            }

            var entryCounts = new ErasureCounts(accounts, reports, keys.Screenshots.Count, responses, conduct, notifications, audit);
            await WriteAuditAsync(agentId, mode, reason, entryCounts, now, token);
            await tx.CommitAsync(token);
            return entryCounts;
        }, ct);
        return counts is null ? (ErasureOutcome.Conflict, ErasureCounts.Zero) : (ErasureOutcome.Done, counts);
    }

    private sealed record AgentKeys(List<int> Accounts, List<long> Reports, List<long> Responses, List<int> Conduct, List<string> Screenshots, int AgentId);

    private async Task<AgentKeys> KeysAsync(int agentId, CancellationToken ct)
    {
        var accounts = await db.SocialAccounts.Where(s => s.AgentId == agentId).Select(s => s.Id).ToListAsync(ct);
        var reports = await db.ShareReports.Where(r => r.AgentId == agentId).Select(r => new { r.Id, r.ScreenshotPath }).ToListAsync(ct);
        var responses = await db.PublicResponses.Where(p => p.AgentId == agentId).Select(p => p.Id).ToListAsync(ct);
        var conduct = await db.ConductRecords.Where(c => c.AgentId == agentId).Select(c => c.Id).ToListAsync(ct);
        return new AgentKeys(accounts, reports.Select(r => r.Id).ToList(), responses, conduct,
            reports.Where(r => r.ScreenshotPath != null).Select(r => r.ScreenshotPath!).ToList(), agentId);
    }

    /// <summary>The audit entries about the agent's records that hold a personal value, with that value replaced.</summary>
    private async Task<List<(long Id, string Changes)>> AuditToRedactAsync(AgentKeys keys, CancellationToken ct)
    {
        var wanted = new List<(string Type, List<string> Keys)>
        {
            (nameof(Agent), [keys.AgentId.ToString(CultureInfo.InvariantCulture)]),
            (nameof(SocialAccount), keys.Accounts.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()),
            (nameof(ShareReport), keys.Reports.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()),
            (nameof(PublicResponse), keys.Responses.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()),
            (nameof(Domain.Rewards.ConductRecord), keys.Conduct.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList()),
        };
        var result = new List<(long, string)>();
        foreach (var (type, list) in wanted)
        {
            foreach (var chunk in list.Chunk(Chunk))
            {
                var entries = await db.AuditEntries.AsNoTracking()
                    .Where(e => e.EntityType == type && e.EntityKey != null && chunk.Contains(e.EntityKey) && e.Changes != null)
                    .Select(e => new { e.Id, e.Changes }).ToListAsync(ct);
                foreach (var e in entries)
                {
                    if (Redact(e.Changes!) is { } redacted) result.Add((e.Id, redacted));
                }
            }
        }
        return result;
    }

    /// <summary>The changes JSON with every personal field's old and new values replaced, or null when it holds none.</summary>
    public static string? Redact(string changes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(changes);
        }
        catch (JsonException)
        {
            return null;
        }
        if (root is not JsonObject fields) return null;
        var touched = false;
        foreach (var name in PersonalFields)
        {
            if (fields[name] is not JsonObject change) continue;
            foreach (var side in new[] { "old", "new" })
            {
                if (change[side] is JsonValue value && value.GetValueKind() != JsonValueKind.Null
                    && !(value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == ErasureTexts.Erased))
                {
                    change[side] = ErasureTexts.Erased;
                    touched = true;
                }
            }
        }
        // Decisions write their reason beside the change ({"from","to","reason"}): the reason may describe the person.
        if (fields["reason"] is JsonValue reason && reason.GetValueKind() == JsonValueKind.String && reason.GetValue<string>() != ErasureTexts.Erased)
        {
            fields["reason"] = ErasureTexts.Erased;
            touched = true;
        }
        return touched ? fields.ToJsonString() : null;
    }

    private async Task<int> RedactAuditAsync(List<(long Id, string Changes)> redactions, string? userId, string? email, CancellationToken ct)
    {
        var count = 0;
        foreach (var (id, changes) in redactions)
            count += await db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Changes, changes), ct);
        if (userId is null) return count;
        // The agent's own sign-ins and actions: who (the account id) stays, their e-mail and IP address go.
        count += await db.AuditEntries.Where(e => e.UserId == userId && (e.UserName != null || e.IpAddress != null))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, (string?)null).SetProperty(e => e.IpAddress, (string?)null), ct);
        if (!string.IsNullOrEmpty(email))
        {
            count += await db.AuditEntries
                .Where(e => (e.Action == AuditActions.SignInFailed || e.Action == AuditActions.LockedOut) && e.UserName == email)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, (string?)null).SetProperty(e => e.IpAddress, (string?)null), ct);
        }
        return count;
    }

    /// <summary>
    /// The sign-in account stays (the agent row and the audit trail point at it) but says nothing about the person any
    /// more and can never sign in: no e-mail, name, phone or password, locked, inactive, a new security stamp (every
    /// session ends at its next check), no roles, logins, tokens or claims.
    /// </summary>
    private async Task AnonymiseAccountAsync(int agentId, string userId, CancellationToken ct)
    {
        var placeholder = string.Create(CultureInfo.InvariantCulture, $"agen-{agentId}@dihapus.invalid");
        var display = string.Create(CultureInfo.InvariantCulture, $"Agen #{agentId} (data dihapus)");
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.UserName, placeholder).SetProperty(u => u.NormalizedUserName, placeholder.ToUpperInvariant())
            .SetProperty(u => u.Email, placeholder).SetProperty(u => u.NormalizedEmail, placeholder.ToUpperInvariant())
            .SetProperty(u => u.EmailConfirmed, false).SetProperty(u => u.DisplayName, display)
            .SetProperty(u => u.PhoneNumber, (string?)null).SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null).SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")).SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
            .SetProperty(u => u.LockoutEnabled, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
            .SetProperty(u => u.IsActive, false).SetProperty(u => u.MustChangePassword, false), ct);
        await db.UserRoles.Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(x => x.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>One entry per erased agent: the mode, HR's reason (on request) and the counts; never a removed value.</summary>
    private async Task WriteAuditAsync(int agentId, ErasureMode mode, string? reason, ErasureCounts c, DateTime now, CancellationToken ct)
    {
        var detail = JsonSerializer.Serialize(new
        {
            mode = mode == ErasureMode.Request ? "request" : "retention",
            reason,
            socialAccounts = c.SocialAccounts, reports = c.Reports, screenshots = c.Screenshots, publicResponses = c.PublicResponses,
            conductRecords = c.ConductRecords, notifications = c.Notifications, auditEntriesRedacted = c.AuditEntries,
        });
        await InsertAuditAsync(PrivacyAuditActions.PersonalDataErased, nameof(Agent), agentId.ToString(CultureInfo.InvariantCulture), detail, now, ct);
    }

    private async Task InsertAuditAsync(string action, string? entityType, string? entityKey, string detail, DateTime now, CancellationToken ct)
    {
        var userName = actor.UserName ?? "system";
        var userId = actor.UserId;
        var ip = actor.IpAddress;
        var path = actor.Path;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO AuditEntries (OccurredUtc, UserId, UserName, Action, EntityType, EntityKey, Changes, IpAddress, Path) VALUES ({now}, {userId}, {userName}, {action}, {entityType}, {entityKey}, {detail}, {ip}, {path})",
            ct);
    }

    /// <summary>Screenshots of reviewed reports submitted before the cut-off, of every agent: file, path and type go; the hash stays (reuse detection).</summary>
    private async Task<int> PurgeOldScreenshotsAsync(DateTime cutoff, bool dryRun, CancellationToken ct)
    {
        var due = db.ShareReports.Where(r => r.ScreenshotPath != null && r.SubmittedUtc < cutoff && r.State != ReportState.Pending);
        if (dryRun) return await due.CountAsync(ct);
        var total = 0;
        while (true)
        {
            var batch = await due.OrderBy(r => r.Id).Select(r => new { r.Id, r.ScreenshotPath }).Take(Chunk).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var r in batch) store.Delete(r.ScreenshotPath!);
            var ids = batch.Select(r => r.Id).ToArray();
            var cleared = await db.ShareReports.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ScreenshotPath, (string?)null).SetProperty(r => r.ScreenshotContentType, (string?)null)
                .SetProperty(r => r.Version, r => r.Version + 1), ct);
            if (cleared == 0) break;
            total += cleared;
        }
        if (total > 0)
        {
            var detail = JsonSerializer.Serialize(new { screenshots = total, submittedBefore = cutoff });
            await InsertAuditAsync(PrivacyAuditActions.ScreenshotsPurged, nameof(ShareReport), null, detail, clock.GetUtcNow().UtcDateTime, ct);
        }
        return total;
    }
}
