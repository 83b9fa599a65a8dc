using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.TrackedLinks;

/// <summary>
/// Agents' tracked links (/s/{token}: anonymous, the hottest path in the system) and the
/// statistics Humas reads (Pimpinan may read them too).
/// </summary>
public sealed class TrackedLinksController : Controller
{
    [HttpGet("s/{token}"), AllowAnonymous]
    public async Task<IActionResult> Follow(string token, [FromServices] FollowLinkHandler handler)
    {
        var target = await handler.HandleAsync(token, HttpContext, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        if (target is not null) return Redirect(target);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Unknown", await handler.InstitutionWebsiteAsync(HttpContext.RequestAborted));
    }

    [HttpGet("statistik-tautan"), Authorize(Roles = Roles.Humas + "," + Roles.Pimpinan)]
    public async Task<IActionResult> Statistics(int? pesan, string? platform, int? unit, [FromServices] LinkStatisticsHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(LinkStatisticsQuery.From(pesan, platform, unit, hal), HttpContext.RequestAborted));
}
