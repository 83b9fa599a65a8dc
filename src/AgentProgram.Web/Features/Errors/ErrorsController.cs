using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Errors;

/// <summary>Friendly error pages; never a stack trace outside Development.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed for failed POSTs (e.g. an expired form); changes nothing
[ApiExplorerSettings(IgnoreApi = true)]
[Infrastructure.Security.AllowDuringAccountSetup]
public sealed class ErrorsController : Controller
{
    [HttpGet("/galat"), HttpPost("/galat")]
    public IActionResult Error() => View("Error", 500);

    [HttpGet("/galat/{code:int}"), HttpPost("/galat/{code:int}")]
    public IActionResult Status(int code)
    {
        if (code is < 400 or > 599) code = 500;
        // A re-executed status page keeps the original status; a direct visit answers 200 with the page.
        return View("Error", code);
    }
}
