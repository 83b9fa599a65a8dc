using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.InsightsImport;

/// <summary>
/// Humas imports the platforms' insights exports: upload → choose the columns → the import runs at
/// once and the result page lists every row that added nothing, with its reason.
/// </summary>
[Route("impor-insight")]
[Authorize(Policy = Policies.PublicRelations)]
public sealed class InsightsImportController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public IActionResult Index([FromServices] UploadInsightsHandler handler) => View(handler.Index());

    [HttpPost("unggah")]
    [RequestSizeLimit(UploadInsightsHandler.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadInsightsHandler.RequestLimitBytes)]
    public async Task<IActionResult> Upload(InsightsUploadForm form, [FromServices] UploadInsightsHandler handler)
    {
        var (page, refused) = await handler.HandleAsync(form, UserId);
        return page is not null ? View("Mapping", page) : View(nameof(Index), refused);
    }

    [HttpPost("impor")]
    public async Task<IActionResult> Import(InsightsMappingForm form, [FromServices] RunInsightsImportHandler handler, [FromServices] UploadInsightsHandler upload)
    {
        var (outcome, result, errors) = await handler.HandleAsync(form, UserId);
        if (outcome == InsightsImportOutcome.Done) return View("Result", result);
        if (outcome == InsightsImportOutcome.MappingInvalid && await upload.ReloadAsync(form, UserId, errors) is { } page) return View("Mapping", page);
        return View(nameof(Index), upload.Index(l[InsightsTexts.Expired]));
    }

    [HttpPost("baris.csv")]
    public IActionResult Rows([FromForm] string? rows, [FromServices] DownloadInsightsRowsHandler handler)
    {
        Response.Headers.CacheControl = "no-store";
        return File(handler.Handle(rows), Infrastructure.Web.Csv.ContentType, DownloadInsightsRowsHandler.FileName);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
