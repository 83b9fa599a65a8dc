using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ShareVerification;

/// <summary>
/// Humas verifies share reports, oldest first, one by one or in bulk; Pimpinan sees the queue and may
/// decide too. Who may do what to a given report (never one's own, reversal only with the right) is
/// the workflow's decision, not the route's.
/// </summary>
[Route("verifikasi-laporan")]
[Authorize(Roles = Roles.Humas + "," + Roles.Pimpinan)]
public sealed class ShareVerificationController(IStringLocalizer<SharedResource> l) : Controller
{
    public const string RefusalsKey = "ReportRefusals";
    public const string RefusedCountKey = "ReportRefusedCount";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int? pesan, int? unit, string? platform, string? bendera,
        [FromServices] ReportQueueHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(ReportQueueQuery.From(status, pesan, unit, platform, bendera, hal), User));

    /// <summary>The queue as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? status, int? pesan, int? unit, string? platform, string? bendera, string? format,
        [FromServices] ReportQueueHandler handler, [FromServices] Display display)
    {
        var query = ReportQueueQuery.From(status, pesan, unit, platform, bendera, 1);
        return this.ExportAsync(format, "laporan-sebaran", query.Url(1),
            async limit => await handler.ExportAsync(query, User, limit, l, display), auditEntity: ReportLabels.EntityType);
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Detail(long id, string? kembali, [FromServices] ReportReviewHandler handler) =>
        await handler.LoadAsync(id, User, new DecisionForm { Kembali = kembali }) is { } page ? View(page) : NotFound();

    [HttpPost("{id:long}/verifikasi")]
    public Task<IActionResult> Verify(long id, DecisionForm form, [FromServices] DecideReportsHandler handler, [FromServices] ReportReviewHandler review) =>
        DecideAsync(id, ReportAction.Verify, form, handler, review);

    [HttpPost("{id:long}/tolak")]
    public Task<IActionResult> Reject(long id, DecisionForm form, [FromServices] DecideReportsHandler handler, [FromServices] ReportReviewHandler review) =>
        DecideAsync(id, ReportAction.Reject, form, handler, review);

    [HttpPost("{id:long}/balikkan")]
    public Task<IActionResult> Reverse(long id, DecisionForm form, [FromServices] DecideReportsHandler handler, [FromServices] ReportReviewHandler review) =>
        DecideAsync(id, ReportAction.Reverse, form, handler, review);

    [HttpPost("massal")]
    public async Task<IActionResult> Bulk(BulkDecisionForm form, [FromServices] DecideReportsHandler handler, [FromServices] ReportQueueHandler queue)
    {
        var result = await handler.DecideManyAsync(form, User);
        if (result.Error is not null)
        {
            ModelState.AddModelError("", result.Error);
            return View(nameof(Index), await queue.HandleAsync(form.Query, User, form));
        }
        if (result.Done > 0)
            TempData["Flash"] = result.Action == ReportAction.Verify ? l["{0} laporan diverifikasi.", result.Done].Value : l["{0} laporan ditolak.", result.Done].Value;
        if (result.Refused > 0)
        {
            TempData[RefusedCountKey] = result.Refused;
            TempData[RefusalsKey] = string.Join("\n", result.Refusals);
        }
        return Redirect(form.Query.Url());
    }

    private async Task<IActionResult> DecideAsync(long id, ReportAction action, DecisionForm form, DecideReportsHandler handler, ReportReviewHandler review)
    {
        var result = await handler.DecideOneAsync(id, action, form, User);
        switch (result.Outcome)
        {
            case DecisionOutcome.NotFound:
                return NotFound();
            case DecisionOutcome.Refused:
                foreach (var e in result.Refusals) ModelState.AddModelError("", e);
                return await review.LoadAsync(id, User, form) is { } page ? View(nameof(Detail), page) : NotFound();
        }
        TempData["Flash"] = action switch
        {
            ReportAction.Verify => l["Laporan diverifikasi."].Value,
            ReportAction.Reject => l["Laporan ditolak."].Value,
            _ => result.To == ReportState.Verified ? l["Keputusan dibalik: laporan kini terverifikasi."].Value : l["Keputusan dibalik: laporan kini ditolak."].Value,
        };
        return Redirect(ReportReviewHandler.LocalQueueUrl(form.Kembali) ?? $"{ReportQueueQuery.BasePath}/{id}");
    }
}
