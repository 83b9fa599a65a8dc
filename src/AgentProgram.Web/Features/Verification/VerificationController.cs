using AgentProgram.Web.Domain.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Verification;

/// <summary>
/// The public page a QR code on a finalised document opens: anyone holding a printout can check it is genuine.
/// It shows the document's type, number, date, signer and subject, and nothing else.
/// </summary>
[AllowAnonymous]
[Route("verifikasi")]
public sealed class VerificationController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? kode, [FromServices] DocumentVerificationHandler handler)
    {
        if (string.IsNullOrWhiteSpace(kode)) return View(new VerificationPage(null, null));
        if (DocumentNumbering.NormalizeCode(kode) is { } code && await handler.FindAsync(code) is not null)
            return Redirect($"/verifikasi/{code}");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View(new VerificationPage(kode, null));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, [FromServices] DocumentVerificationHandler handler)
    {
        var found = await handler.FindAsync(code);
        if (found is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Index", new VerificationPage(code, found));
    }
}

public sealed record VerificationPage(string? TypedCode, VerifiedDocument? Document);
