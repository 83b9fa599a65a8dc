using System.Security.Claims;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Documents;

/// <summary>
/// An agent's own documents: the statement of a period (stored when finalised, else a draft) and their own
/// finalised statements, letters and certificates. The agent comes from the sign-in, never the URL; anything
/// else answers 404.
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class MyDocumentsController(DocumentPagesHandler pages, IConfiguration config) : Controller
{
    [HttpGet("dokumen/saya/periode/{periodId:int}")]
    public async Task<IActionResult> MyStatement(int periodId)
    {
        if (await pages.AgentIdOfUserAsync(UserId) is not { } agentId) return NotFound();
        return await pages.FileAsync(new DocumentSubject(DocumentKind.AgentStatement, periodId, agentId), Request.PublicBaseUrl(config)) is { } file
            ? File(file.Bytes, file.ContentType, file.FileName)
            : NotFound();
    }

    [HttpGet("dokumen/saya/{id:long}")]
    public async Task<IActionResult> MyStored(long id)
    {
        var agentId = await pages.AgentIdOfUserAsync(UserId);
        if (agentId is null || await pages.IssuedAsync(id) is not { } doc || doc.AgentId != agentId) return NotFound();
        return await pages.ContentAsync(id) is { } bytes ? File(bytes, "application/pdf", doc.FileName) : NotFound();
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
