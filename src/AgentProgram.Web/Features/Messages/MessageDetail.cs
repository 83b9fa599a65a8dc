using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Messages;

public sealed record CaptionView(Platform Platform, string Text, CaptionCheck Check);

public sealed record RevisionView(MessageRevision Revision, IReadOnlyList<CaptionView> Captions, string? AuthorName, string? ApproverName);

public sealed record HistoryRow(DateTime OccurredUtc, string Action, string? UserName, string? Detail);

public sealed record MessageDetailPage(
    PolicyMessage Message, string AuthorName, RevisionView Current, RevisionView? Approved, ElectionCheck Election,
    IReadOnlyList<MessageAction> Actions, IReadOnlyList<HistoryRow> History, WorkflowForm Workflow, int AssignedCount, string? SourceUnitName);

public sealed class MessageDetailHandler(AppDbContext db, MessageContextHandler context, Shared.Conflicts.ConflictService conflicts, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    public async Task<MessageDetailPage?> LoadAsync(int id, ClaimsPrincipal user, WorkflowForm? workflow = null, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.CurrentRevisionId is not int currentId) return null;
        var ids = new[] { currentId, m.ApprovedRevisionId ?? currentId }.Distinct().ToList();
        var revisions = await db.MessageRevisions.AsNoTracking().AsSplitQuery()
            .Include(r => r.Captions).Include(r => r.Glossary).Include(r => r.Media)
            .Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var userIds = revisions.SelectMany(r => new[] { r.CreatedByUserId, r.ApprovedByUserId }).Append(m.AuthorUserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        RevisionView View(MessageRevision r) => new(r,
            [.. r.Captions.OrderBy(c => c.Platform).Select(c => new CaptionView(c.Platform, c.Text, MessageFormRules.MeasureAsShared(c.Platform, c.Text, (r.Hashtags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))))],
            names.GetValueOrDefault(r.CreatedByUserId), r.ApprovedByUserId is null ? null : names.GetValueOrDefault(r.ApprovedByUserId));

        var current = revisions.Single(r => r.Id == currentId);
        var approved = m.ApprovedRevisionId is int a && a != currentId ? revisions.SingleOrDefault(r => r.Id == a) : null;
        var actor = await context.ActorAsync(user, ct);
        var actions = MessageWorkflow.AvailableActions(m.Status, actor, current.CreatedByUserId, m.PublishedUtc is not null);
        var key = m.Id.ToString(CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == MessageAuditActions.EntityType && e.EntityKey == key && e.Action.StartsWith("Message"))
            .OrderBy(e => e.Id)
            .Select(e => new HistoryRow(e.OccurredUtc, e.Action, e.UserName, e.Changes))
            .ToListAsync(ct);
        return new MessageDetailPage(m, names.GetValueOrDefault(m.AuthorUserId) ?? "", View(current), approved is null ? null : View(approved),
            await context.ElectionAsync(m, current, ct), actions, history, workflow ?? new WorkflowForm(),
            await db.Assignments.CountAsync(a => a.MessageId == m.Id, ct),
            m.SourceUnitId is int su ? await db.Units.AsNoTracking().Where(u => u.Id == su).Select(u => u.Name).FirstOrDefaultAsync(ct) : null);
    }

    /// <summary>The edit form filled from the current revision, or null when there is no such message.</summary>
    public async Task<(PolicyMessage Message, MessageForm Form)?> LoadFormAsync(int id, Infrastructure.Time.Display display, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.CurrentRevisionId is not int currentId) return null;
        var r = await db.MessageRevisions.AsNoTracking().Include(x => x.Captions).Include(x => x.Glossary).SingleAsync(x => x.Id == currentId, ct);
        var form = MessageForm.From(m, r, display);
        conflicts.Start(form, MessageConflictFields.Describe(form, await MessageConflictFields.UnitNamesAsync(db, [form.SourceUnitId], ct), l));
        return (m, form);
    }

    public Task<PolicyMessage?> FindAsync(int id, CancellationToken ct = default) =>
        db.PolicyMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
}

/// <summary>Labels for the history rows (Indonesian keys).</summary>
public static class MessageHistoryLabels
{
    public static string Label(string action) => action switch
    {
        MessageAuditActions.Created => "Draf dibuat",
        MessageAuditActions.Edited => "Isi pesan diubah",
        MessageAuditActions.RevisionCreated => "Revisi baru dibuat dan diajukan",
        MessageAuditActions.Submitted => "Diajukan untuk persetujuan",
        MessageAuditActions.Approved => "Disetujui",
        MessageAuditActions.Published => "Diterbitkan",
        MessageAuditActions.Closed => "Ditutup",
        MessageAuditActions.Withdrawn => "Ditarik",
        MessageAuditActions.MediaAdded => "Media ditambahkan",
        MessageAuditActions.Assigned => "Ditugaskan ke agen",
        _ => action,
    };

    public static bool IsAuditAction(AuditEntry e) => e.Action.StartsWith("Message", StringComparison.Ordinal);
}
