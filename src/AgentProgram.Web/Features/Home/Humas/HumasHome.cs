using System.Security.Claims;
using AgentProgram.Web.Data;

namespace AgentProgram.Web.Features.Home;

/// <summary>The Humas dashboard on the home page (to be filled: see issue 8).</summary>
public sealed record HumasHome;

public sealed class HumasHomeHandler(AppDbContext db)
{
    public Task<HumasHome> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        _ = db;
        return Task.FromResult(new HumasHome());
    }
}
