using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Audit;

/// <summary>The audit trail, read-only: there is no endpoint that changes or deletes an entry.</summary>
[Route("admin/jejak-audit")]
[Authorize(Policy = Policies.Administrator)]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? aksi, string? pengguna, string? entitas, string? kunci, string? dari, string? sampai,
        [FromServices] BrowseAuditTrailHandler handler, int hal = 1)
    {
        var page = await handler.HandleAsync(AuditQuery.Create(aksi, pengguna, entitas, kunci, dari, sampai, hal));
        foreach (var (field, message) in page.Errors) ModelState.AddModelError(field, message);
        return View(page);
    }

    /// <summary>
    /// The trail as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).
    /// Reading the trail out of the app is itself written to the trail.
    /// </summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? aksi, string? pengguna, string? entitas, string? kunci, string? dari, string? sampai, string? format,
        [FromServices] BrowseAuditTrailHandler handler)
    {
        var query = AuditQuery.Create(aksi, pengguna, entitas, kunci, dari, sampai, 1);
        return this.ExportAsync(format, "jejak-audit", query.Url(1), async limit => await handler.ExportAsync(query, limit), auditEntity: "AuditEntry");
    }
}
