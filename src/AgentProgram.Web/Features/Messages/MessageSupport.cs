using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Messages;

/// <summary>Audit action names for the message workflow (one entry per step, beside the automatic entity rows).</summary>
public static class MessageAuditActions
{
    public const string EntityType = nameof(PolicyMessage);
    public const string Created = "MessageCreated";
    public const string Edited = "MessageEdited";
    public const string RevisionCreated = "MessageRevisionCreated";
    public const string Submitted = "MessageSubmitted";
    public const string Approved = "MessageApproved";
    public const string Published = "MessagePublished";
    public const string Closed = "MessageClosed";
    public const string Withdrawn = "MessageWithdrawn";
    public const string MediaAdded = "MessageMediaAdded";
    public const string Assigned = "MessageAssigned";

    public static string For(MessageAction action) => action switch
    {
        MessageAction.Submit => Submitted,
        MessageAction.Approve => Approved,
        MessageAction.Publish => Published,
        MessageAction.Close => Closed,
        MessageAction.Withdraw => Withdrawn,
        _ => Edited,
    };
}

/// <summary>Builds the workflow actor and runs the election guard against the configured periods and candidates.</summary>
public sealed class MessageContextHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<WorkflowActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var isHumas = user.IsInRole(Roles.Humas);
        var canApprove = isHumas && await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.CanApproveMessages, ct);
        return new WorkflowActor(id, IsHumas: isHumas, IsPimpinan: user.IsInRole(Roles.Pimpinan), IsHumasApprover: canApprove);
    }

    public async Task<ElectionCheck> ElectionAsync(PolicyMessage m, MessageRevision r, CancellationToken ct = default)
    {
        var periods = await db.ElectionPeriods.AsNoTracking()
            .Select(p => new ElectionPeriod(p.Name, p.StartUtc, p.EndUtc, p.Kind)).ToListAsync(ct);
        var names = await db.ElectionCandidates.AsNoTracking().Select(c => c.Name).ToListAsync(ct);
        if (periods.Count == 0 && names.Count == 0) return ElectionCheck.None;
        var guard = new Domain.Messages.ElectionGuard(periods, names);
        var texts = new List<GuardedText>
        {
            new("Judul", m.Title),
            new("Pesan utama", r.KeyMessage),
            new("Tagar", r.Hashtags),
        };
        texts.AddRange(r.Captions.Select(c => new GuardedText("Keterangan " + CaptionRules.PlatformName(c.Platform), c.Text)));
        return guard.Check(texts, m.ActiveFromUtc, m.ActiveUntilUtc, clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The unit tree for the message form's "source unit" picker.</summary>
public sealed class MessageUnitsHandler(AppDbContext db)
{
    public Task<Features.Units.UnitTree> LoadAsync(CancellationToken ct = default) => Features.Units.UnitTree.LoadAsync(db, ct);
}
