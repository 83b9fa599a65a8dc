using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ConductRecords;

/// <summary>HR's disciplinary and neutrality records (Kepegawaian and administrators): an agent with one overlapping a period gets no outcome in it.</summary>
[Route("catatan-disiplin")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class ConductRecordsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? jenis, string? status, [FromServices] ConductRecordListHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(ConductQuery.From(q, jenis, status, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? q, string? jenis, string? status, string? format, [FromServices] ConductRecordListHandler handler)
    {
        var query = ConductQuery.From(q, jenis, status, 1);
        return this.ExportAsync(format, "catatan-disiplin", query.Url(1), async limit => await handler.ExportAsync(query, limit),
            auditEntity: nameof(Domain.Rewards.ConductRecord));
    }

    [HttpGet("tambah")]
    public async Task<IActionResult> Add([FromServices] AddConductRecordHandler handler) => View(await handler.LoadAsync());

    [HttpPost("tambah")]
    public async Task<IActionResult> Add(ConductForm form, [FromServices] AddConductRecordHandler handler)
    {
        if (form.Find)
        {
            ModelState.Clear();
            return View(await handler.LoadAsync(form));
        }
        if (ModelState.IsValid)
        {
            var (outcome, _, errors) = await handler.SaveAsync(form, UserId);
            if (outcome == AddConductOutcome.Done)
            {
                TempData["Flash"] = l["Catatan disiplin disimpan."].Value;
                return Redirect(ConductQuery.BasePath);
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return View(await handler.LoadAsync(form));
    }

    [HttpGet("{id:int}/cabut")]
    public async Task<IActionResult> Revoke(int id, [FromServices] RevokeConductRecordHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/cabut")]
    public async Task<IActionResult> Revoke(int id, RevokeForm form, [FromServices] RevokeConductRecordHandler handler)
    {
        var (outcome, errors) = await handler.RevokeAsync(id, form, UserId);
        if (outcome == RevokeOutcome.NotFound) return NotFound();
        if (outcome == RevokeOutcome.Done)
        {
            TempData["Flash"] = l["Catatan disiplin dicabut."].Value;
            return Redirect(ConductQuery.BasePath);
        }
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return await handler.LoadAsync(id, form) is { } page ? View(page) : NotFound();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
