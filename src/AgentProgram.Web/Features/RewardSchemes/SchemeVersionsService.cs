using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.RewardSchemes;

/// <summary>What other features (reward periods, the calculation) ask of schemes.</summary>
public sealed class SchemeVersionsService(AppDbContext db)
{
    /// <summary>The scheme's approved version with the highest number, or null when none is approved yet.</summary>
    public Task<RewardSchemeVersion?> NewestApprovedAsync(int schemeId, CancellationToken ct = default) =>
        db.RewardSchemeVersions.AsNoTracking()
            .Where(v => v.SchemeId == schemeId && v.State == SchemeVersionState.Approved)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);
}
