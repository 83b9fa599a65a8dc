using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Agents;

/// <summary>HR's side of the agent programme: enrol employees, see and change an enrolment. Agents are addressed by id, never by NIP.</summary>
[Route("agen")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class AgentsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? status, int? unit, string? persetujuan, string? terverifikasi, string? urut,
        [FromServices] ListAgentsHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(AgentListQuery.From(q, status, unit, persetujuan, terverifikasi, urut, hal)));

    /// <summary>The list as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? q, string? status, int? unit, string? persetujuan, string? terverifikasi, string? urut, string? format,
        [FromServices] ListAgentsHandler handler)
    {
        var query = AgentListQuery.From(q, status, unit, persetujuan, terverifikasi, urut, 1);
        return this.ExportAsync(format, "agen", query.Url(), async limit => await handler.ExportAsync(query, limit), auditEntity: "Agent");
    }

    [HttpGet("daftarkan")]
    public async Task<IActionResult> Enrol(string? q, int? unit, string? jenis, string? pilih, [FromServices] EnrolAgentsHandler handler, int hal = 1) =>
        View(await handler.CandidatesAsync(EnrolQuery.From(q, unit, jenis, hal, pilih)));

    [HttpPost("daftarkan")]
    public async Task<IActionResult> Enrol(EnrolForm form, [FromServices] EnrolAgentsHandler handler)
    {
        var (result, error) = await handler.EnrolAsync(form, ActorId);
        if (result is null)
        {
            ModelState.AddModelError("", error ?? "");
            return View(await handler.CandidatesAsync(form.Filter));
        }
        // Rendered from the POST itself: the passwords are never in a URL, TempData, or a cache.
        NoStore();
        return View("EnrolResult", result);
    }

    [HttpPost("daftarkan/unduh")]
    public IActionResult DownloadCredentials(CredentialsForm form, [FromServices] EnrolAgentsHandler handler)
    {
        if (!ModelState.IsValid || handler.CredentialsCsv(form, $"{Request.Scheme}://{Request.Host}/akun/masuk") is not { } file) return BadRequest();
        NoStore();
        return Download(file);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromServices] AgentDetailHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/tangguhkan")]
    public Task<IActionResult> Suspend(int id, StatusChangeForm form, [FromServices] ChangeAgentStatusHandler handler, [FromServices] AgentDetailHandler detail) =>
        ChangeAsync(id, StatusChange.Suspend, form, handler, detail);

    [HttpPost("{id:int}/aktifkan")]
    public Task<IActionResult> Reactivate(int id, StatusChangeForm form, [FromServices] ChangeAgentStatusHandler handler, [FromServices] AgentDetailHandler detail) =>
        ChangeAsync(id, StatusChange.Reactivate, form, handler, detail);

    [HttpPost("{id:int}/akhiri")]
    public Task<IActionResult> End(int id, StatusChangeForm form, [FromServices] ChangeAgentStatusHandler handler, [FromServices] AgentDetailHandler detail) =>
        ChangeAsync(id, StatusChange.End, form, handler, detail);

    private async Task<IActionResult> ChangeAsync(int id, StatusChange change, StatusChangeForm form, ChangeAgentStatusHandler handler, AgentDetailHandler detail)
    {
        if (ModelState.IsValid)
        {
            var (outcome, message) = await handler.HandleAsync(id, change, form);
            if (outcome == StatusOutcome.NotFound) return NotFound();
            if (outcome == StatusOutcome.Done)
            {
                TempData["Flash"] = message;
                return Redirect("/agen/" + id.ToString(CultureInfo.InvariantCulture));
            }
            ModelState.AddModelError("", message ?? "");
        }
        ViewData["FailedChange"] = change;
        return await detail.LoadAsync(id) is { } page ? View(nameof(Detail), page) : NotFound();
    }

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }

    private FileContentResult Download(FileDownload file) => File(file.Content, file.ContentType, file.FileName);
}
