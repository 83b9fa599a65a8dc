using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Agents;

/// <summary>The signed-in agent's own enrolment: every self-service query starts from the user id, never from an id in the URL.</summary>
public sealed record MyAgent(
    int Id, AgentStatus Status, string? StatusReason, DateTime? StatusChangedUtc,
    DateTime? CodeOfConductAcceptedUtc, DateTime? DataConsentUtc, DateTime? ConsentWithdrawnUtc)
{
    public ConsentState Consent => AgentLabels.ConsentOf(CodeOfConductAcceptedUtc, DataConsentUtc, ConsentWithdrawnUtc);

    /// <summary>An ended enrolment keeps its data readable and deletable, but takes no new or changed accounts.</summary>
    public bool CanChangeAccounts => Status != AgentStatus.Ended;

    public static Task<MyAgent?> FindAsync(AppDbContext db, string userId, CancellationToken ct = default) =>
        db.Agents.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new MyAgent(a.Id, a.Status, a.StatusReason, a.StatusChangedUtc, a.CodeOfConductAcceptedUtc, a.DataConsentUtc, a.ConsentWithdrawnUtc))
            .SingleOrDefaultAsync(ct);
}
