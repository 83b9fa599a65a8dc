using System.Security.Claims;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Documents;

/// <summary>
/// Period documents (summary, appendix, memo, letters, certificates, decree), agents' statements and message reports:
/// officers (Humas, Kepegawaian, Pimpinan, administrators) download drafts and finalised documents; only a Pimpinan
/// finalises; an agent downloads only their own statement and their own finalised letters and certificates (the
/// agent comes from the sign-in, never the URL; <see cref="MyDocumentsController"/>). Finalised documents are
/// always the stored bytes.
/// </summary>
[Route("dokumen")]
[Authorize(Roles = Officers)]
public sealed class DocumentsController(DocumentPagesHandler pages, IConfiguration config, IStringLocalizer<SharedResource> l) : Controller
{
    private const string Officers = Roles.Humas + "," + Roles.Kepegawaian + "," + Roles.Pimpinan + "," + Roles.Administrator;
    private const string Views = "/Features/Documents/";

    [HttpGet("periode/{periodId:int}")]
    public async Task<IActionResult> Period(int periodId, int hal = 1) =>
        await pages.PeriodAsync(periodId, hal) is { } page ? View(Views + "Period.cshtml", page) : NotFound();

    [HttpGet("periode/{periodId:int}/{slug}")]
    public async Task<IActionResult> PeriodFile(int periodId, string slug) =>
        DocumentPagesHandler.KindOf(slug) is { } kind && kind is not (DocumentKind.AgentStatement or DocumentKind.MessageReport)
            ? await SendAsync(new DocumentSubject(kind, periodId), $"/dokumen/periode/{periodId}")
            : NotFound();

    [HttpGet("periode/{periodId:int}/{slug}/agen/{agentId:int}")]
    public async Task<IActionResult> AgentFile(int periodId, string slug, int agentId) =>
        DocumentPagesHandler.KindOf(slug) is { } kind && (DocumentCatalogService.IsBatchKind(kind) || kind == DocumentKind.AgentStatement)
            ? await SendAsync(new DocumentSubject(kind, periodId, agentId), $"/dokumen/periode/{periodId}")
            : NotFound();

    [HttpGet("periode/{periodId:int}/{slug}/arsip")]
    public async Task<IActionResult> Archive(int periodId, string slug)
    {
        if (DocumentPagesHandler.KindOf(slug) is not { } kind) return NotFound();
        if (await pages.ArchiveAsync(kind, periodId) is { } file) return File(file.Bytes, file.ContentType, file.FileName);
        TempData["Flash"] = l["Belum ada dokumen final untuk diunduh."].Value;
        return Redirect($"/dokumen/periode/{periodId}");
    }

    [HttpPost("periode/{periodId:int}/{slug}/final")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> Finalise(int periodId, string slug, bool elektronik = false) =>
        DocumentPagesHandler.KindOf(slug) is { } kind && kind is not (DocumentKind.AgentStatement or DocumentKind.MessageReport)
            ? await FinaliseAsync(new DocumentSubject(kind, periodId), elektronik, $"/dokumen/periode/{periodId}")
            : NotFound();

    [HttpPost("periode/{periodId:int}/{slug}/agen/{agentId:int}/final")]
    [Authorize(Policy = Policies.Leadership)]
    public async Task<IActionResult> FinaliseForAgent(int periodId, string slug, int agentId, bool elektronik = false) =>
        DocumentPagesHandler.KindOf(slug) is { } kind && (DocumentCatalogService.IsBatchKind(kind) || kind == DocumentKind.AgentStatement)
            ? await FinaliseAsync(new DocumentSubject(kind, periodId, agentId), elektronik, $"/penghargaan/{periodId}/agen/{agentId}")
            : NotFound();

    [HttpGet("pesan/{messageId:int}")]
    public Task<IActionResult> Message(int messageId) =>
        SendAsync(new DocumentSubject(DocumentKind.MessageReport, MessageId: messageId), $"/pesan/{messageId}");

    [HttpPost("pesan/{messageId:int}/final")]
    [Authorize(Policy = Policies.Leadership)]
    public Task<IActionResult> FinaliseMessage(int messageId, bool elektronik = false) =>
        FinaliseAsync(new DocumentSubject(DocumentKind.MessageReport, MessageId: messageId), elektronik, $"/pesan/{messageId}");

    /// <summary>A finalised document's stored bytes.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Stored(long id) =>
        await pages.IssuedAsync(id) is { } doc && await pages.ContentAsync(id) is { } bytes ? File(bytes, "application/pdf", doc.FileName) : NotFound();

    private async Task<IActionResult> SendAsync(DocumentSubject subject, string back)
    {
        if (await pages.FileAsync(subject, Request.PublicBaseUrl(config)) is { } file) return File(file.Bytes, file.ContentType, file.FileName);
        TempData["Flash"] = l["Dokumen ini belum dapat dibuat: datanya belum ada (misalnya periode belum dihitung atau tidak ada penerima)."].Value;
        return Redirect(back);
    }

    private async Task<IActionResult> FinaliseAsync(DocumentSubject subject, bool electronic, string back)
    {
        var outcome = await pages.FinaliseAsync(subject, electronic, Request.PublicBaseUrl(config), UserId);
        if (!outcome.Found) return NotFound();
        TempData["Flash"] = outcome.Refusal is { } refusal
            ? l[refusal].Value
            : outcome.Finalised + outcome.AlreadyFinalised == 1
                ? (outcome.Finalised == 1 ? l["Dokumen difinalkan dengan nomor {0}.", outcome.Number ?? ""].Value : l["Dokumen ini sudah final dengan nomor {0}.", outcome.Number ?? ""].Value)
                : l["{0} dokumen difinalkan, {1} sudah final sebelumnya.", outcome.Finalised, outcome.AlreadyFinalised].Value;
        return Redirect(back);
    }


    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
