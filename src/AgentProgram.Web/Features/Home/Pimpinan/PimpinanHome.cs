using System.Security.Claims;
using AgentProgram.Web.Data;

namespace AgentProgram.Web.Features.Home;

/// <summary>The Pimpinan dashboard on the home page (to be filled: see issue 8).</summary>
public sealed record PimpinanHome;

public sealed class PimpinanHomeHandler(AppDbContext db)
{
    public Task<PimpinanHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        _ = db;
        return Task.FromResult(new PimpinanHome());
    }
}
