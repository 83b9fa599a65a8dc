using System.Security.Claims;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Assignments;

/// <summary>
/// Assigning a message (Humas), the agent's assignment page with its share actions, and in-app
/// notifications. Tugas Saya itself is the agent's home page (HomeController).
/// </summary>
public sealed class AssignmentsController(IStringLocalizer<SharedResource> l, IConfiguration config) : Controller
{
    private const string Views = "/Features/Assignments/";

    [HttpGet("pesan/{id:int}/tugaskan")]
    [Authorize(Roles = Roles.Humas)]
    public async Task<IActionResult> Assign(int id, [FromServices] AssignMessageHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(Views + "Assign.cshtml", page) : NotFound();

    [HttpPost("pesan/{id:int}/tugaskan")]
    [Authorize(Roles = Roles.Humas)]
    public async Task<IActionResult> Assign(int id, AssignForm form, [FromServices] AssignMessageHandler handler)
    {
        if (!ModelState.IsValid)
            return await handler.LoadAsync(id, form) is { } invalid ? View(Views + "Assign.cshtml", invalid) : NotFound();
        var result = await handler.HandleAsync(id, form, User);
        if (result.Outcome == AssignOutcome.NotFound) return NotFound();
        if (result.Outcome == AssignOutcome.Done)
        {
            TempData["Flash"] = l["Pesan ditugaskan kepada {0:N0} agen. Mereka menerima pemberitahuan di aplikasi.", result.Preview!.ToCreate].Value;
            return Redirect("/pesan/" + id);
        }
        foreach (var e in result.Errors) ModelState.AddModelError(e.Field, e.Message);
        form.Confirmed = false;
        return await handler.LoadAsync(id, form, result.Preview) is { } page ? View(Views + "Assign.cshtml", page) : NotFound();
    }

    [HttpGet("tugas/{id:int}")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> ShowTask(int id, [FromServices] MyTasksHandler handler) =>
        await handler.LoadAsync(UserId, id, PublicBaseUrl()) is { } page ? View(Views + "Task.cshtml", page) : NotFound();

    /// <summary>The share button: records that the agent used it, then sends the browser to the platform's share page.</summary>
    [HttpPost("tugas/{id:int}/bagikan")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Share(int id, Platform platform, [FromServices] MyTasksHandler handler)
    {
        var action = await handler.OpenShareAsync(UserId, id, platform, PublicBaseUrl());
        if (action is null) return NotFound();
        if (action.Url is { } url) return Redirect(url);
        return Redirect("/tugas/" + id + "#" + platform.ToString().ToLowerInvariant());
    }

    /// <summary>Called by the page script after the phone's share sheet reports success (Web Share API).</summary>
    [HttpPost("tugas/{id:int}/dibagikan")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Shared(int id, Platform platform, [FromServices] MyTasksHandler handler) =>
        await handler.OpenShareAsync(UserId, id, platform, PublicBaseUrl()) is null ? NotFound() : NoContent();

    [HttpGet("notifikasi")]
    public async Task<IActionResult> Notifications([FromServices] NotificationsHandler handler, int hal = 1) =>
        View(Views + "Notifications.cshtml", await handler.ListAsync(UserId, hal));

    [HttpGet("notifikasi/{id:long}")]
    public async Task<IActionResult> OpenNotification(long id, [FromServices] NotificationsHandler handler) =>
        await handler.OpenAsync(UserId, id) is { } url ? LocalRedirect(url) : NotFound();

    [HttpPost("notifikasi/baca-semua")]
    public async Task<IActionResult> ReadAll([FromServices] NotificationsHandler handler)
    {
        await handler.ReadAllAsync(UserId);
        TempData["Flash"] = l["Semua pemberitahuan ditandai sudah dibaca."].Value;
        return Redirect("/notifikasi");
    }

    private string PublicBaseUrl() => Request.PublicBaseUrl(config);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
