using System.Globalization;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Institution;

/// <summary>The institution profile (kop surat, logo) and the officials who sign letters: administrators only.</summary>
[Route("admin/instansi")]
[Authorize(Policy = Policies.Administrator)]
public sealed class InstitutionController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Home = "/admin/instansi";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EditInstitutionHandler handler) => View(await handler.LoadAsync());

    /// <summary>The logo is at most 512 KB; the limit leaves room for the other fields and the multipart framing.</summary>
    [HttpPost("")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Index(InstitutionForm form, [FromServices] EditInstitutionHandler handler)
    {
        if (!ModelState.IsValid) return View(await handler.LoadAsync(form));
        var (outcome, errors) = await handler.SaveAsync(form);
        if (outcome is InstitutionOutcome.Invalid or InstitutionOutcome.Conflict) return Invalid(View(await handler.LoadAsync(form)), errors);
        return Done(Home, outcome == InstitutionOutcome.Done ? l["Profil instansi disimpan."] : l["Tidak ada perubahan untuk disimpan."]);
    }

    [HttpGet("penandatangan/baru")]
    public IActionResult CreateSignatory() => View("Signatory", new SignatoryPage(null, new SignatoryForm()));

    [HttpPost("penandatangan/baru")]
    public Task<IActionResult> CreateSignatory(SignatoryForm form, [FromServices] EditSignatoryHandler handler) => SaveSignatoryAsync(null, form, handler);

    [HttpGet("penandatangan/{id:int}")]
    public async Task<IActionResult> EditSignatory(int id, [FromServices] EditSignatoryHandler handler) =>
        await handler.LoadAsync(id) is { } page ? View("Signatory", page) : NotFound();

    [HttpPost("penandatangan/{id:int}")]
    public Task<IActionResult> EditSignatory(int id, SignatoryForm form, [FromServices] EditSignatoryHandler handler) => SaveSignatoryAsync(id, form, handler);

    [HttpPost("penandatangan/{id:int}/hapus")]
    public async Task<IActionResult> DeleteSignatory(int id, [FromServices] DeleteSignatoryHandler handler) =>
        await handler.HandleAsync(id) is { } name ? Done(Home, l["Penandatangan {0} dihapus.", name]) : NotFound();

    private async Task<IActionResult> SaveSignatoryAsync(int? id, SignatoryForm form, EditSignatoryHandler handler)
    {
        var page = new SignatoryPage(id, form);
        if (!ModelState.IsValid) return View("Signatory", page);
        var (outcome, _, errors, warnings) = await handler.SaveAsync(id, form);
        if (outcome == SignatoryOutcome.NotFound) return NotFound();
        if (outcome is SignatoryOutcome.Invalid or SignatoryOutcome.Conflict) return Invalid(View("Signatory", page), errors);
        var message = outcome == SignatoryOutcome.Done ? l["Penandatangan {0} disimpan.", form.Name.Trim()].Value : l["Tidak ada perubahan untuk disimpan."].Value;
        if (warnings.Count > 0) message += " " + l["Perhatian:"] + " " + string.Join(" ", warnings);
        return Done(Home, message);
    }

    [HttpGet("penomoran")]
    public async Task<IActionResult> NumberFormats([FromServices] DocumentNumberFormatsHandler handler) => View(await handler.LoadAsync());

    [HttpPost("penomoran")]
    public async Task<IActionResult> NumberFormats(IFormCollection form, [FromServices] DocumentNumberFormatsHandler handler)
    {
        ArgumentNullException.ThrowIfNull(form);
        var typed = new Dictionary<Domain.Documents.DocumentKind, string>();
        foreach (var kind in Enum.GetValues<Domain.Documents.DocumentKind>())
            if (form.TryGetValue(DocumentNumberFormatsHandler.FieldName(kind), out var value)) typed[kind] = value.ToString();
        var (changed, errors) = await handler.SaveAsync(typed, form["Stamp"].ToString());
        if (errors.Count > 0) return Invalid(View(await handler.LoadAsync(typed)), errors);
        return Done(Home + "/penomoran", changed > 0 ? l["Pola nomor dokumen disimpan. Nomor yang sudah diberikan tidak berubah."] : l["Tidak ada perubahan untuk disimpan."]);
    }

    private IActionResult Invalid(IActionResult view, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        return view;
    }

    private RedirectResult Done(string url, string message)
    {
        TempData["Flash"] = message;
        return Redirect(url);
    }
}

/// <summary>
/// The logo, for any signed-in user: it appears on pages and in documents. Served with the type
/// recognised at upload and nosniff, so the bytes can never be read as anything but that image.
/// </summary>
[Route("admin/instansi/logo")]
public sealed class InstitutionLogoController : Controller
{
    [HttpGet("")]
    [AllowDuringAccountSetup]
    public async Task<IActionResult> Logo([FromServices] ServeLogoHandler handler)
    {
        if (await handler.LoadAsync() is not { } logo) return NotFound();
        var extension = logo.ContentType == LogoImage.Png ? "png" : "jpg";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"inline; filename=\"logo.{extension}\"");
        Response.Headers.CacheControl = "private, max-age=300";
        return File(logo.Bytes, logo.ContentType);
    }
}
