using System.Security.Claims;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>
/// Public responses: the agent records reactions seen under their own shares; Humas routes and closes
/// them (Pimpinan reads); both see the dialogic-loop figure.
/// </summary>
public sealed class PublicResponsesController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Readers = Roles.Humas + "," + Roles.Pimpinan;

    [HttpGet("laporan-saya/{reportId:long}/tanggapan")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Record(long reportId, [FromServices] RecordResponseHandler handler) =>
        await handler.LoadAsync(UserId, reportId) is { } page ? View(page) : NotFound();

    [HttpPost("laporan-saya/{reportId:long}/tanggapan")]
    [Authorize(Policy = Policies.Agent)]
    public async Task<IActionResult> Record(long reportId, RecordResponseForm form, [FromServices] RecordResponseHandler handler)
    {
        if (ModelState.IsValid)
        {
            var (outcome, errors) = await handler.SaveAsync(UserId, reportId, form);
            if (outcome == RecordOutcome.NotFound) return NotFound();
            if (outcome == RecordOutcome.Done)
            {
                TempData["Flash"] = l["Tanggapan publik dicatat. Humas akan meneruskannya ke unit kerja yang tepat."].Value;
                return Redirect("/laporan-saya/" + reportId);
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        return await handler.LoadAsync(UserId, reportId, form) is { } page ? View(page) : NotFound();
    }

    [HttpGet("tanggapan-publik")]
    [Authorize(Roles = Readers)]
    public async Task<IActionResult> Index(string? status, string? jenis, int? pesan, int? unit, [FromServices] ResponseQueueHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(ResponseQuery.From(status, jenis, pesan, unit, hal)));

    /// <summary>The queue as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("tanggapan-publik/ekspor")]
    [Authorize(Roles = Readers)]
    public Task<IActionResult> Export(string? status, string? jenis, int? pesan, int? unit, string? format, [FromServices] ResponseQueueHandler handler)
    {
        var query = ResponseQuery.From(status, jenis, pesan, unit, 1);
        return this.ExportAsync(format, "tanggapan-publik", query.Url(1), async limit => await handler.ExportAsync(query, limit),
            auditEntity: nameof(Domain.Reports.PublicResponse));
    }

    [HttpPost("tanggapan-publik/{id:long}/teruskan")]
    [Authorize(Policy = Policies.PublicRelations)]
    public Task<IActionResult> RouteToUnit(long id, ResolveForm form, [FromServices] ResolveResponseHandler handler, [FromServices] ResponseQueueHandler queue) =>
        ResolveAsync(id, ResolveAction.Route, form, handler, queue);

    [HttpPost("tanggapan-publik/{id:long}/dijawab")]
    [Authorize(Policy = Policies.PublicRelations)]
    public Task<IActionResult> Answer(long id, ResolveForm form, [FromServices] ResolveResponseHandler handler, [FromServices] ResponseQueueHandler queue) =>
        ResolveAsync(id, ResolveAction.Answer, form, handler, queue);

    [HttpPost("tanggapan-publik/{id:long}/dirujuk")]
    [Authorize(Policy = Policies.PublicRelations)]
    public Task<IActionResult> Refer(long id, ResolveForm form, [FromServices] ResolveResponseHandler handler, [FromServices] ResponseQueueHandler queue) =>
        ResolveAsync(id, ResolveAction.Refer, form, handler, queue);

    [HttpGet("tanggapan-publik/ringkasan")]
    [Authorize(Roles = Readers)]
    public async Task<IActionResult> Summary(string? dari, string? sampai, [FromServices] DialogicSummaryHandler handler) =>
        View(await handler.HandleAsync(SummaryQuery.Parse(dari, sampai)));

    private async Task<IActionResult> ResolveAsync(long id, ResolveAction action, ResolveForm form, ResolveResponseHandler handler, ResponseQueueHandler queue)
    {
        var result = await handler.HandleAsync(id, action, form, UserId);
        if (result.Outcome == ResolveOutcome.NotFound) return NotFound();
        if (result.Outcome == ResolveOutcome.Done)
        {
            TempData["Flash"] = result.Message;
            return Redirect(form.ReturnUrl);
        }
        ModelState.AddModelError("", result.Message ?? "");
        return View(nameof(Index), await queue.HandleAsync(ResponseQuery.FromUrl(form.ReturnUrl)));
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
