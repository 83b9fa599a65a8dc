using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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

    /// <summary>
    /// One of the statistics tables (tabel=pesan|platform|unit|agen) as CSV or XLSX (format=xlsx), with the page's
    /// filters, the agents every page of them (convention: Infrastructure/Web/TableExport.cs).
    /// </summary>
    [HttpGet("statistik-tautan/ekspor"), Authorize(Roles = Roles.Humas + "," + Roles.Pimpinan)]
    public Task<IActionResult> Export(int? pesan, string? platform, int? unit, string? tabel, string? format,
        [FromServices] LinkStatisticsHandler handler, [FromServices] IStringLocalizer<SharedResource> l)
    {
        var query = LinkStatisticsQuery.From(pesan, platform, unit, 1);
        var table = LinkStatisticsQuery.Tables.Contains(tabel ?? "") ? tabel! : LinkStatisticsQuery.MessagesTable;
        return this.ExportAsync(format, "statistik-tautan-" + table, query.Url(page: 1),
            async limit => await handler.ExportAsync(query, table, limit, l, HttpContext.RequestAborted),
            auditEntity: table == LinkStatisticsQuery.AgentsTable ? "TrackedLink" : null);
    }
}
