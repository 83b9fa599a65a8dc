using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

/// <summary>What the workflow buttons post: the checklist (submit), the neutrality review (approve, publish) and the reason (withdraw).</summary>
public sealed class WorkflowForm
{
    public bool ChecklistSources { get; set; }
    public bool ChecklistNoHoax { get; set; }
    public bool ChecklistNoPartisan { get; set; }
    public bool ElectionReviewed { get; set; }
    public string? Reason { get; set; }

    /// <summary>The message version the page showed; a step on a message changed since then is refused (0 = not sent).</summary>
    public int Version { get; set; }
}

public enum ActOutcome { Done, NotFound, Refused }

/// <summary>Submit, approve, publish, close and withdraw, each decided by <see cref="MessageWorkflow.Decide"/> and audited.</summary>
public sealed class ActOnMessageHandler(AppDbContext db, MessageContextHandler context, AuditLog audit, TimeProvider clock,
    TrackedLinkResolver resolver, IStringLocalizer<SharedResource> l)
{
    public async Task<(ActOutcome Outcome, IReadOnlyList<FieldError> Errors)> HandleAsync(int id, MessageAction action, WorkflowForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.CurrentRevisionId is not int currentId) return (ActOutcome.NotFound, []);
        if (form.Version != 0 && form.Version != m.Version)
            return (ActOutcome.Refused, [new FieldError("", l["Pesan ini baru saja diubah oleh orang lain. Periksa isinya di bawah, lalu ulangi langkah Anda."])]);
        var r = await db.MessageRevisions.Include(x => x.Captions).SingleAsync(x => x.Id == currentId, ct);
        var actor = await context.ActorAsync(user, ct);
        var election = await context.ElectionAsync(m, r, ct);
        var checklist = action == MessageAction.Submit
            ? new MessageChecklist(form.ChecklistSources, form.ChecklistNoHoax, form.ChecklistNoPartisan)
            : new MessageChecklist(r.ChecklistSourcesVerified, r.ChecklistNoHoaxSlanderSara, r.ChecklistNoPartisanContent);
        var decision = MessageWorkflow.Decide(m.Status, action, actor, new WorkflowFacts
        {
            AuthorUserId = r.CreatedByUserId,
            Checklist = checklist,
            Election = election,
            ElectionReviewConfirmed = form.ElectionReviewed,
            Reason = form.Reason,
            PublishedBefore = m.PublishedUtc is not null,
            ApprovedRevisionId = m.ApprovedRevisionId,
        });
        if (!decision.IsAllowed) return (ActOutcome.Refused, [.. decision.Refusals.Select(x => new FieldError("", l[x.Format, x.FormatArgs]))]);

        var now = clock.GetUtcNow().UtcDateTime;
        var from = m.Status;
        m.Status = decision.To!.Value;
        m.ElectionFlag = election.IsFlagged ? Truncate(election.PeriodNames, 200) : null;
        switch (action)
        {
            case MessageAction.Submit:
                r.ChecklistSourcesVerified = form.ChecklistSources;
                r.ChecklistNoHoaxSlanderSara = form.ChecklistNoHoax;
                r.ChecklistNoPartisanContent = form.ChecklistNoPartisan;
                break;
            case MessageAction.Approve:
                r.ApprovedByUserId = actor.UserId;
                r.ApprovedUtc = now;
                m.ApprovedRevisionId = r.Id;
                break;
            case MessageAction.Publish:
                m.PublishedUtc ??= now;
                break;
            case MessageAction.Close:
                m.ClosedUtc = now;
                break;
            case MessageAction.Withdraw:
                m.WithdrawnUtc = now;
                m.WithdrawnReason = form.Reason!.Trim();
                break;
        }
        var detail = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["from"] = from.ToString(),
            ["to"] = m.Status.ToString(),
            ["revision"] = r.Number,
            ["reason"] = action == MessageAction.Withdraw ? m.WithdrawnReason : null,
            ["electionReviewed"] = election.IsFlagged && action is MessageAction.Approve or MessageAction.Publish ? true : null,
        });
        await audit.WriteAsync(MessageAuditActions.For(action), detail: detail, entityType: MessageAuditActions.EntityType,
            entityKey: m.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        // Cached token lookups must see a withdrawn, closed or newly approved message at once, not after the cache expires.
        resolver.Invalidate();
        return (ActOutcome.Done, []);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
