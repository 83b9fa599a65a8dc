using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Home;

/// <summary>The first page after sign-in: what this user's role does here.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View(new HomePage(Roles.All.Where(User.IsInRole).ToList()));
}

public sealed record HomePage(IReadOnlyList<string> Roles);
