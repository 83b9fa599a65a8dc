using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.AccountVerification;

/// <summary>Humas verifies the social accounts agents register, oldest first, one by one or in bulk.</summary>
[Route("verifikasi-akun")]
[Authorize(Policy = Policies.PublicRelations)]
public sealed class AccountVerificationController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? platform, int? unit, [FromServices] VerificationQueueHandler handler, int hal = 1) =>
        View(await handler.HandleAsync(VerificationQuery.From(platform, unit, hal), User));

    /// <summary>The queue as CSV or XLSX (format=xlsx), every page of it (convention: Infrastructure/Web/TableExport.cs).</summary>
    [HttpGet("ekspor")]
    public Task<IActionResult> Export(string? platform, int? unit, string? format, [FromServices] VerificationQueueHandler handler)
    {
        var query = VerificationQuery.From(platform, unit, 1);
        return this.ExportAsync(format, "verifikasi-akun", query.Url(1), async limit => await handler.ExportAsync(query, User, limit),
            auditEntity: "SocialAccount");
    }

    [HttpPost("verifikasi")]
    public Task<IActionResult> Verify(ReviewForm form, [FromServices] ReviewAccountsHandler handler, [FromServices] VerificationQueueHandler queue) =>
        ReviewAsync(form, verify: true, handler, queue);

    [HttpPost("tolak")]
    public Task<IActionResult> Reject(ReviewForm form, [FromServices] ReviewAccountsHandler handler, [FromServices] VerificationQueueHandler queue) =>
        ReviewAsync(form, verify: false, handler, queue);

    private async Task<IActionResult> ReviewAsync(ReviewForm form, bool verify, ReviewAccountsHandler handler, VerificationQueueHandler queue)
    {
        var result = await handler.HandleAsync(form, verify, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        if (result.Error is not null)
        {
            ModelState.AddModelError("", result.Error);
            return View(nameof(Index), await queue.HandleAsync(form.Query, User));
        }
        TempData["Flash"] = result.Message;
        return Redirect(form.Query.Url());
    }
}
