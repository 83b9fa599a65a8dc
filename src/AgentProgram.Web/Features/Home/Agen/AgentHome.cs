using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Data;

namespace AgentProgram.Web.Features.Home;

/// <summary>The Agen dashboard on the home page (to be filled: see issue 8).</summary>
public sealed record AgentHome;

public sealed class AgentHomeHandler(AppDbContext db)
{
    public Task<AgentHome> LoadAsync(string userId, MyAgent agent, CancellationToken ct = default)
    {
        _ = db;
        return Task.FromResult(new AgentHome());
    }
}
