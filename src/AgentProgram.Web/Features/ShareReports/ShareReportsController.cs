using System.Security.Claims;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.ShareReports;

/// <summary>The agent logs shares and follows their reports; every lookup starts from the signed-in agent.</summary>
public sealed class ShareReportsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Views = "/Features/ShareReports/";
    private const long UploadLimit = LogShareHandler.MaxScreenshotBytes + 256 * 1024;

    [HttpGet("tugas/{id:int}/lapor")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Log(int id, Platform? platform, [FromServices] LogShareHandler handler) =>
        await handler.LoadAsync(UserId, id, platform) is { } page ? View(Views + "Log.cshtml", page) : NotFound();

    [HttpPost("tugas/{id:int}/lapor")]
    [Authorize(Policy = Policies.Agent)]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Log(int id, ShareReportForm form, IFormFile? screenshot, [FromServices] LogShareHandler handler)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.SubmitAsync(UserId, id, form, screenshot);
            if (result.Outcome == LogShareOutcome.NotFound) return NotFound();
            if (result.Outcome == LogShareOutcome.Done)
            {
                TempData["Flash"] = l["Laporan sebaran terkirim dan menunggu verifikasi Humas."].Value;
                return Redirect("/laporan-saya/" + result.ReportId);
            }
            foreach (var e in result.Errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return await handler.LoadAsync(UserId, id, form.Platform, form) is { } page ? View(Views + "Log.cshtml", page) : NotFound();
    }

    [HttpGet("laporan-saya")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Mine([FromServices] MyReportsHandler handler, int hal = 1) =>
        await handler.ListAsync(UserId, hal) is { } page ? View(Views + "Mine.cshtml", page) : NotFound();

    /// <summary>The agent's own reports as CSV or XLSX (format=xlsx): only theirs, found from the sign-in (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("laporan-saya/ekspor")]
    [Authorize(Policy = Policies.Agent)]
    public Task<IActionResult> Export(string? format, [FromServices] MyReportsHandler handler) =>
        this.ExportAsync(format, "laporan-sebaran-saya", "/laporan-saya", limit => handler.ExportAsync(UserId, limit));

    [HttpGet("laporan-saya/{id:long}")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Report(long id, [FromServices] MyReportsHandler handler) =>
        await handler.LoadAsync(UserId, id) is { } page ? View(Views + "Report.cshtml", page) : NotFound();

    [HttpPost("laporan-saya/{id:long}/angka")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> AddSnapshot(long id, SnapshotForm form, [FromServices] MyReportsHandler handler)
    {
        if (ModelState.IsValid)
        {
            var (outcome, errors) = await handler.AddSnapshotAsync(UserId, id, form);
            if (outcome == MyReportOutcome.NotFound) return NotFound();
            if (outcome == MyReportOutcome.Done)
            {
                TempData["Flash"] = l["Angka terbaru dicatat. Angka sebelumnya tetap tersimpan."].Value;
                return Redirect("/laporan-saya/" + id);
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return await handler.LoadAsync(UserId, id, snapshot: form) is { } page ? View(Views + "Report.cshtml", page) : NotFound();
    }

    [HttpPost("laporan-saya/{id:long}/koreksi")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Correct(long id, CorrectionForm form, [FromServices] MyReportsHandler handler)
    {
        if (ModelState.IsValid)
        {
            var (outcome, errors) = await handler.CorrectAsync(UserId, id, form);
            if (outcome == MyReportOutcome.NotFound) return NotFound();
            if (outcome == MyReportOutcome.Done)
            {
                TempData["Flash"] = l["Koreksi terkirim. Laporan kembali menunggu verifikasi Humas."].Value;
                return Redirect("/laporan-saya/" + id);
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return await handler.LoadAsync(UserId, id, correction: form) is { } page ? View(Views + "Report.cshtml", page) : NotFound();
    }

    /// <summary>The screenshot of a report: its agent, Humas and Pimpinan only (others get 404, not a hint that it exists).</summary>
    [HttpGet("laporan-sebaran/{id:long}/bukti")]
    public async Task<IActionResult> Evidence(long id, [FromServices] MyReportsHandler handler)
    {
        if (await handler.EvidenceAsync(User, id) is not { } found) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=600";
        return File(found.Content, found.ContentType);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
