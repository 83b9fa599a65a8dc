using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Imports;

/// <summary>
/// SIASN imports: upload → preview (mapping, counts, first rows) → confirm → the background worker
/// runs it → the result waits on its own page. Batches are addressed by their number only.
/// </summary>
[Route("impor")]
[Authorize(Policy = Policies.HumanResources)]
public sealed class ImportsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListImportsHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(hal));

    [HttpPost("unggah")]
    [RequestSizeLimit(UploadImportHandler.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadImportHandler.RequestLimitBytes)]
    public async Task<IActionResult> Upload(UploadForm form, [FromServices] UploadImportHandler handler, [FromServices] ListImportsHandler list)
    {
        var (id, error) = await handler.HandleAsync(form, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (id is not null) return Redirect($"/impor/{id}");
        ModelState.AddModelError(nameof(UploadForm.File), error ?? "");
        return View(nameof(Index), await list.HandleAsync(1, form));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromServices] ShowImportHandler handler)
    {
        switch (await handler.LoadAsync(id))
        {
            case ImportPreviewPage preview:
                return View("Preview", preview);
            case ImportResultPage result:
                // The page follows a running import by reloading itself (no script; allowed by the CSP).
                if (result.InProgress) Response.Headers["Refresh"] = "2";
                return View("Result", result);
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:int}/pemetaan")]
    public async Task<IActionResult> Mapping(int id, MappingForm form, [FromServices] ChangeImportHandler handler) =>
        Outcome(id, await handler.SaveMappingAsync(id, form), l["Pemetaan kolom diterapkan. Periksa pratinjau di bawah."]);

    [HttpPost("{id:int}/mulai")]
    public async Task<IActionResult> Confirm(int id, [FromServices] ChangeImportHandler handler) =>
        Outcome(id, await handler.ConfirmAsync(id), l["Impor dimulai. Anda boleh meninggalkan halaman ini; hasilnya tetap tersedia di sini."]);

    [HttpPost("{id:int}/batal")]
    public async Task<IActionResult> Cancel(int id, [FromServices] ChangeImportHandler handler)
    {
        var outcome = await handler.CancelAsync(id);
        if (outcome != ImportChange.Done) return Outcome(id, outcome, "");
        TempData["Flash"] = l["Unggahan dibatalkan dan berkasnya dihapus. Tidak ada data yang diimpor."].Value;
        return Redirect("/impor");
    }

    [HttpGet("{id:int}/masalah.csv")]
    public async Task<IActionResult> Issues(int id, [FromServices] DownloadIssuesHandler handler)
    {
        if (await handler.HandleAsync(id) is not { } file) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    private IActionResult Outcome(int id, ImportChange outcome, string done)
    {
        if (outcome == ImportChange.NotFound) return NotFound();
        TempData["Flash"] = outcome switch
        {
            ImportChange.Done => done,
            ImportChange.HeadersUnusable => l[Infrastructure.Imports.ImportTexts.FileHeadersUnusable].Value,
            _ => l["Impor ini sudah dimulai atau dibatalkan; halaman ini menampilkan keadaannya sekarang."].Value,
        };
        return Redirect($"/impor/{id}");
    }
}
