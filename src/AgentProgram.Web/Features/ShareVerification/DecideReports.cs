using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.ShareVerification;

/// <summary>What a decision button on the report page posts: the reason (reject, reverse) and the version the page showed.</summary>
public sealed class DecisionForm
{
    public string? Reason { get; set; }

    /// <summary>The report version the page showed; a report changed since then is refused (null = not sent: the workflow alone decides).</summary>
    public int? Version { get; set; }

    /// <summary>The queue page to go back to after the decision (a local /verifikasi-laporan URL only).</summary>
    public string? Kembali { get; set; }
}

/// <summary>The bulk form: the ticked reports ("id:version", or a bare id), verify or reject, one reason for all, and the queue to return to.</summary>
public sealed class BulkDecisionForm
{
    public const string VerifyAction = "verify";
    public const string RejectAction = "reject";

    public List<string> Ids { get; set; } = [];
    public string? Action { get; set; }
    public string? Reason { get; set; }
    public string? Status { get; set; }
    public int? Pesan { get; set; }
    public int? Unit { get; set; }
    public string? Platform { get; set; }
    public string? Bendera { get; set; }
    public int Hal { get; set; } = 1;

    public ReportQueueQuery Query => ReportQueueQuery.From(Status, Pesan, Unit, Platform, Bendera, Hal);

    public ReportAction? Decision => Action switch
    {
        VerifyAction => ReportAction.Verify,
        RejectAction => ReportAction.Reject,
        _ => null,
    };
}

public enum DecisionOutcome { Done, NotFound, Refused }

/// <summary>The result of one decision: refusals are already in the reader's language.</summary>
public sealed record SingleDecision(DecisionOutcome Outcome, IReadOnlyList<string> Refusals, ReportState? To = null);

/// <summary>
/// The result of a bulk decision: how many were done, how many refused, and why: one line per distinct
/// reason with the report numbers it applies to (so two hundred refusals stay a short message).
/// </summary>
public sealed record BulkDecision(string? Error, int Done, ReportAction? Action, int Refused, IReadOnlyList<string> Refusals);

/// <summary>
/// Verifies, rejects and reverses share reports, each decided by <see cref="ReportWorkflow.Decide"/>.
/// A report is saved with its notification to the agent and its explicit audit entry in one
/// SaveChanges (the entity change is audited too). A report changed since the page showed it
/// (its Version) is refused, never overwritten. In bulk every report is decided on its own.
/// </summary>
public sealed class DecideReportsHandler(AppDbContext db, AuditLog audit, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public const int MaxPerBulk = 200;

    public async Task<SingleDecision> DecideOneAsync(long id, ReportAction action, DecisionForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = await ReportActors.LoadAsync(db, user, ct);
        var (outcome, refusals, to) = await DecideAsync(id, form.Version, action, form.Reason, actor, ct);
        return new(outcome, refusals, to);
    }

    public async Task<BulkDecision> DecideManyAsync(BulkDecisionForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Decision is not { } action) return new(l["Pilih tindakan: verifikasi atau tolak."], 0, null, 0, []);
        var wanted = new Dictionary<long, int?>();
        foreach (var item in form.Ids)
        {
            if (Parse(item) is { } parsed) wanted[parsed.Id] = parsed.Version;
        }
        if (wanted.Count == 0) return new(l["Pilih minimal satu laporan."], 0, action, 0, []);
        if (wanted.Count > MaxPerBulk) return new(l["Paling banyak {0} laporan sekali proses.", MaxPerBulk], 0, action, 0, []);
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        if (action == ReportAction.Reject && reason is null) return new(l[ReportTexts.ReasonRequired], 0, action, 0, []);
        if (reason is { Length: > ReportWorkflow.MaxReasonLength }) return new(l[ReportTexts.ReasonTooLong, ReportWorkflow.MaxReasonLength, reason.Length], 0, action, 0, []);

        var actor = await ReportActors.LoadAsync(db, user, ct);
        var done = 0;
        var refused = new List<(long Id, string Why)>();
        foreach (var (id, version) in wanted.OrderBy(w => w.Key))
        {
            var (outcome, why, _) = await DecideAsync(id, version, action, reason, actor, ct);
            switch (outcome)
            {
                case DecisionOutcome.Done:
                    done++;
                    break;
                case DecisionOutcome.NotFound:
                    refused.Add((id, l["Laporan tidak ditemukan."]));
                    break;
                default:
                    refused.Add((id, string.Join(" ", why)));
                    break;
            }
        }
        var lines = refused.GroupBy(r => r.Why, StringComparer.Ordinal)
            .Select(g => l["Laporan nomor {0}: {1}", string.Join(", ", g.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))), g.Key].Value)
            .ToList();
        return new(null, done, action, refused.Count, lines);
    }

    private async Task<(DecisionOutcome Outcome, IReadOnlyList<string> Refusals, ReportState? To)> DecideAsync(
        long id, int? version, ReportAction action, string? reason, ReportActor actor, CancellationToken ct)
    {
        var report = await db.ShareReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return (DecisionOutcome.NotFound, [], null);
        try
        {
            if (version is { } seen && seen != report.Version) return (DecisionOutcome.Refused, [Changed], null);
            var agentUserId = await db.Agents.AsNoTracking().Where(a => a.Id == report.AgentId).Select(a => a.UserId).SingleAsync(ct);
            var decision = ReportWorkflow.Decide(action, actor, new ReportFacts(report.State, agentUserId, report.CorrectionCount), reason);
            if (!decision.IsAllowed)
                return (DecisionOutcome.Refused, [.. decision.Refusals.Select(x => l[x.Message, x.FormatArgs(k => l[k], display.DateTimeShort)].Value)], null);

            var now = clock.GetUtcNow().UtcDateTime;
            var to = decision.To!.Value;
            report.State = to;
            report.DecisionReason = action == ReportAction.Verify ? null : decision.Reason;
            report.ReviewedByUserId = actor.UserId;
            report.ReviewedUtc = now;
            var title = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == report.MessageId).Select(m => m.Title).SingleOrDefaultAsync(ct) ?? "";
            db.Notifications.Add(new Notification
            {
                UserId = agentUserId,
                Kind = to == ReportState.Verified ? NotificationKind.ReportVerified : NotificationKind.ReportRejected,
                Text = to == ReportState.Verified ? title : decision.Reason ?? "",
                Url = "/laporan-saya/" + id.ToString(CultureInfo.InvariantCulture),
                CreatedUtc = now,
            });
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["from"] = decision.From.ToString(),
                ["to"] = to.ToString(),
                ["reason"] = decision.Reason,
            });
            await AggregateMarks.TrackAsync(db, ct);
            // WriteAsync saves: the report, the notification and both audit rows go in one transaction.
            await audit.WriteAsync(ReportLabels.AuditAction(action), detail: detail, entityType: ReportLabels.EntityType,
                entityKey: id.ToString(CultureInfo.InvariantCulture), ct: ct);
            return (DecisionOutcome.Done, [], to);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (DecisionOutcome.Refused, [Changed], null);
        }
        finally
        {
            // Each report stands alone: nothing of this one (saved or refused) is carried into the next.
            db.ChangeTracker.Clear();
        }
    }

    private string Changed => l["Laporan ini sudah diubah orang lain setelah halaman Anda dimuat (mungkin sudah diputuskan atau diperbaiki agen). Periksa keadaannya sekarang, lalu putuskan lagi bila perlu."];

    /// <summary>"id:version" or a bare id (no version check then: the workflow still refuses a decided report).</summary>
    public static (long Id, int? Version)? Parse(string? item)
    {
        var parts = (item ?? "").Split(':');
        if (parts.Length is < 1 or > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return null;
        if (parts.Length == 1) return (id, null);
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? (id, version) : null;
    }
}

/// <summary>Who is acting, as the report workflow needs it: a Humas officer may reverse only with the approve right.</summary>
internal static class ReportActors
{
    public static async Task<ReportActor> LoadAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var isHumas = user.IsInRole(Roles.Humas);
        var canApprove = isHumas && await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.CanApproveMessages, ct);
        return new ReportActor(id, IsHumas: isHumas, IsPimpinan: user.IsInRole(Roles.Pimpinan), IsHumasApprover: canApprove);
    }
}
