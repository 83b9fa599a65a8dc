using System.Security.Claims;
using AgentProgram.Web.Data;

namespace AgentProgram.Web.Features.Home;

/// <summary>The Kepegawaian dashboard on the home page (to be filled: see issue 8).</summary>
public sealed record KepegawaianHome;

public sealed class KepegawaianHomeHandler(AppDbContext db)
{
    public Task<KepegawaianHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        _ = db;
        return Task.FromResult(new KepegawaianHome());
    }
}
