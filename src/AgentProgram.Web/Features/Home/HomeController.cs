using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.Assignments;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Home;

/// <summary>The first page after sign-in: what this user's role does here.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] HomePageHandler handler) => View(await handler.LoadAsync(User));
}

public sealed record HomePage(IReadOnlyList<string> Roles, MyAgent? Agent, IReadOnlyList<TaskCard> Tasks);

public sealed class HomePageHandler(AppDbContext db, MyTasksHandler tasks)
{
    public async Task<HomePage> LoadAsync(ClaimsPrincipal user)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var agent = user.IsInRole(Roles.Agen) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? await MyAgent.FindAsync(db, id)
            : null;
        var cards = agent is not null ? await tasks.OpenAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!) : [];
        return new HomePage(roles, agent, cards);
    }
}
