using System.Globalization;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Privacy;

/// <summary>HR (Kepegawaian, and administrators) erases an agent's personal data on the agent's request, from the agent's page.</summary>
[Route("agen/{id:int}/hapus-data-pribadi")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class PrivacyController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Erase(int id, [FromServices] ErasePersonalDataHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Erase(int id, EraseForm form, [FromServices] ErasePersonalDataHandler handler)
    {
        var (outcome, errors) = await handler.EraseAsync(id, form);
        if (outcome == ErasureOutcome.NotFound) return NotFound();
        if (outcome == ErasureOutcome.Done)
        {
            TempData["Flash"] = l["Data pribadi agen dihapus. Angka agregat (laporan, klik, hasil penghargaan) tetap tersimpan."].Value;
            return Redirect("/agen/" + id.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return await handler.LoadAsync(id, form) is { } page ? View(page) : NotFound();
    }
}
