using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Analytics;

/// <summary>The analytics page for Humas and Pimpinan (and the administrator), read from the stored aggregates.</summary>
[Authorize(Roles = Roles.Humas + "," + Roles.Pimpinan + "," + Roles.Administrator)]
public sealed class AnalyticsController : Controller
{
    [HttpGet("analitik")]
    public async Task<IActionResult> Index(int? periode, string? dari, string? sampai, int? unit, int? pesan, string? misi, string? platform,
        [FromServices] AnalyticsHandler handler) =>
        View(await handler.HandleAsync(AnalyticsQuery.Parse(periode, dari, sampai, unit, pesan, misi, platform), HttpContext.RequestAborted));

    /// <summary>One of the page's tables (tabel=angka|pesan|peta) as CSV or XLSX (format=xlsx), with the page's filters.</summary>
    [HttpGet("analitik/ekspor")]
    public Task<IActionResult> Export(int? periode, string? dari, string? sampai, int? unit, int? pesan, string? misi, string? platform, string? tabel, string? format,
        [FromServices] AnalyticsHandler handler, [FromServices] IStringLocalizer<SharedResource> l)
    {
        var query = AnalyticsQuery.Parse(periode, dari, sampai, unit, pesan, misi, platform);
        var table = AnalyticsQuery.Tables.Contains(tabel ?? "") ? tabel! : AnalyticsQuery.FiguresTable;
        return this.ExportAsync(format, "analitik-" + table, query.Url(),
            async limit => AnalyticsExport.Table(await handler.HandleAsync(query, HttpContext.RequestAborted), table, limit, l));
    }
}
