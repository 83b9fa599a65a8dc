using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.ShareReports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.ShareVerification;

/// <summary>One decision in a report's history, read back from the audit trail.</summary>
public sealed record DecisionHistoryRow(DateTime OccurredUtc, string Action, string? UserName, string? From, string? To, string? Reason);

public sealed record ReportReviewPage(
    ShareReport Report, ReportAgent? Agent, string? Unit, string MessageTitle, IReadOnlyList<ReportSnapshot> Snapshots,
    IReadOnlyList<ReportFlag> Flags, int? Followers, string? ReviewerName, IReadOnlyList<DecisionHistoryRow> History,
    IReadOnlyList<ReportAction> Actions, bool IsOwn, DecisionForm Form, string? Back)
{
    public bool Can(ReportAction action) => Actions.Contains(action);
}

/// <summary>One report in full for Humas: every snapshot, the flags explained, the decisions so far and what this user may do.</summary>
public sealed class ReportReviewHandler(AppDbContext db, ReportFlagService flagService)
{
    public async Task<ReportReviewPage?> LoadAsync(long id, ClaimsPrincipal user, DecisionForm? form = null, CancellationToken ct = default)
    {
        var report = await db.ShareReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        var agent = (await ReportPeople.AgentsAsync(db, [report.AgentId], ct)).GetValueOrDefault(report.AgentId);
        var unit = report.UnitId is { } unitId ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct) : agent?.Unit;
        var title = await db.PolicyMessages.AsNoTracking().Where(m => m.Id == report.MessageId).Select(m => m.Title).SingleOrDefaultAsync(ct) ?? "";
        var snapshots = await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == id)
            .OrderBy(s => s.TakenUtc).ThenBy(s => s.Id).ToListAsync(ct);
        var flags = await flagService.EvaluateAsync(report, ct);
        var followers = (await ReportPeople.FollowersAsync(db, [report], ct)).GetValueOrDefault(report.Id);
        var reviewer = report.ReviewedByUserId is { } rid
            ? await db.Users.AsNoTracking().Where(u => u.Id == rid).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        var key = id.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == ReportLabels.EntityType && e.EntityKey == key && e.Action.StartsWith("Report"))
            .OrderBy(e => e.Id)
            .Select(e => new { e.OccurredUtc, e.Action, e.UserName, e.Changes })
            .ToListAsync(ct);
        var history = entries.Select(e =>
        {
            var (from, to, reason) = ReadDetail(e.Changes);
            return new DecisionHistoryRow(e.OccurredUtc, e.Action, e.UserName, from, to, reason);
        }).ToList();

        var actor = await ReportActors.LoadAsync(db, user, ct);
        var actions = agent is null ? [] : ReportWorkflow.AvailableActions(actor, new ReportFacts(report.State, agent.UserId, report.CorrectionCount))
            .Where(a => a != ReportAction.Correct).ToList();
        form ??= new DecisionForm();
        return new ReportReviewPage(report, agent, unit, title, snapshots, flags, followers, reviewer, history, actions,
            agent is not null && agent.UserId == actor.UserId, form, LocalQueueUrl(form.Kembali));
    }

    /// <summary>Only a path inside the verification queue is followed back, so the field cannot redirect elsewhere.</summary>
    public static string? LocalQueueUrl(string? url) =>
        url is not null && url.StartsWith(ReportQueueQuery.BasePath, StringComparison.Ordinal)
            && (url.Length == ReportQueueQuery.BasePath.Length || url[ReportQueueQuery.BasePath.Length] is '?' or '/')
            && !url.Contains('\\', StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
            ? url
            : null;

    private static (string? From, string? To, string? Reason) ReadDetail(string? json)
    {
        if (string.IsNullOrEmpty(json)) return (null, null, null);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, null, null);
            string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Get("from"), Get("to"), Get("reason"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}
