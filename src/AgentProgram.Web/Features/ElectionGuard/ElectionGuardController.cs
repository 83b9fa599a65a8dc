using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ElectionGuard;

/// <summary>Election periods and candidate names for the SKB 2/2022 guard: administrators and Humas.</summary>
[Route("admin/pemilu")]
[Authorize(Roles = Roles.Administrator + "," + Roles.Humas)]
public sealed class ElectionGuardController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ElectionSettingsHandler handler) => View(await handler.LoadAsync());

    [HttpPost("periode")]
    public async Task<IActionResult> AddPeriod([Bind(Prefix = "Period")] PeriodForm form, [FromServices] ElectionSettingsHandler handler)
    {
        if (!ModelState.IsValid) return View(nameof(Index), await handler.LoadAsync(period: form));
        var (outcome, errors) = await handler.SavePeriodAsync(null, form);
        return outcome == SettingOutcome.Done ? Done(l["Masa pemilu {0} ditambahkan.", form.Name.Trim()]) : Invalid(View(nameof(Index), await handler.LoadAsync(period: form)), errors);
    }

    [HttpGet("periode/{id:int}")]
    public async Task<IActionResult> EditPeriod(int id, [FromServices] ElectionSettingsHandler handler) =>
        await handler.PeriodFormAsync(id) is { } form ? View(nameof(Index), await handler.LoadAsync(period: form, editingId: id)) : NotFound();

    [HttpPost("periode/{id:int}")]
    public async Task<IActionResult> EditPeriod(int id, [Bind(Prefix = "Period")] PeriodForm form, [FromServices] ElectionSettingsHandler handler)
    {
        if (!ModelState.IsValid) return View(nameof(Index), await handler.LoadAsync(period: form, editingId: id));
        var (outcome, errors) = await handler.SavePeriodAsync(id, form);
        return outcome switch
        {
            SettingOutcome.NotFound => NotFound(),
            SettingOutcome.Invalid => Invalid(View(nameof(Index), await handler.LoadAsync(period: form, editingId: id)), errors),
            _ => Done(l["Perubahan masa pemilu disimpan."]),
        };
    }

    [HttpPost("periode/{id:int}/hapus")]
    public async Task<IActionResult> DeletePeriod(int id, [FromServices] ElectionSettingsHandler handler) =>
        await handler.DeletePeriodAsync(id) == SettingOutcome.NotFound ? NotFound() : Done(l["Masa pemilu dihapus."]);

    [HttpPost("calon")]
    public async Task<IActionResult> AddCandidate([Bind(Prefix = "Candidate")] CandidateForm form, [FromServices] ElectionSettingsHandler handler)
    {
        if (!ModelState.IsValid) return View(nameof(Index), await handler.LoadAsync(candidate: form));
        var (outcome, errors) = await handler.AddCandidateAsync(form);
        return outcome == SettingOutcome.Done ? Done(l["Nama calon ditambahkan."]) : Invalid(View(nameof(Index), await handler.LoadAsync(candidate: form)), errors);
    }

    [HttpPost("calon/{id:int}/hapus")]
    public async Task<IActionResult> DeleteCandidate(int id, [FromServices] ElectionSettingsHandler handler) =>
        await handler.DeleteCandidateAsync(id) == SettingOutcome.NotFound ? NotFound() : Done(l["Nama calon dihapus."]);

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field.Contains('.', StringComparison.Ordinal) ? e.Field : "Period." + e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect("/admin/pemilu");
    }
}
