using System.Security.Claims;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

/// <summary>
/// The agent's own pages: first-sign-in acceptance, social accounts and "My data". Everything is
/// looked up from the signed-in user, so one agent can never reach another's records. The consent
/// page and My data stay reachable while consent is pending or withdrawn (the account gate would
/// otherwise send the agent in a circle, and withdrawing must not cost the right of access).
/// </summary>
[Route("agen")]
[Authorize(Policy = Policies.Agent)]
public sealed class AgentSelfServiceController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string Views = "/Features/Agents/";

    /// <summary>These actions skip the account gate; a temporary password must still be changed first.</summary>
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (User.HasClaim(c => c.Type == AppClaims.MustChangePassword))
            context.Result = Redirect(AccountGateFilter.ChangePasswordPath);
    }

    [HttpGet("persetujuan"), AllowDuringAccountSetup]
    public async Task<IActionResult> Consent([FromServices] ConsentHandler handler)
    {
        var page = await handler.LoadAsync(UserId);
        return page.Agent is null ? NotEnrolled() : View(Views + "Consent.cshtml", page);
    }

    [HttpPost("persetujuan"), AllowDuringAccountSetup]
    public async Task<IActionResult> Consent(ConsentForm form, [FromServices] ConsentHandler handler)
    {
        var (outcome, errors) = await handler.AcceptAsync(UserId, form);
        switch (outcome)
        {
            case ConsentOutcome.NotEnrolled:
                return NotEnrolled();
            case ConsentOutcome.Done:
                TempData["Flash"] = l["Terima kasih. Persetujuan Anda telah dicatat."].Value;
                return Redirect("/");
            default:
                foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
                return View(Views + "Consent.cshtml", await handler.LoadAsync(UserId, form));
        }
    }

    [HttpGet("akun-media-sosial")]
    public async Task<IActionResult> Accounts([FromServices] SocialAccountsHandler handler) =>
        await handler.ListAsync(UserId) is { } page ? View(Views + "SocialAccounts.cshtml", page) : NotEnrolled();

    [HttpGet("akun-media-sosial/baru")]
    public async Task<IActionResult> NewAccount([FromServices] SocialAccountsHandler handler) =>
        await handler.NewAsync(UserId) is { } page ? View(Views + "SocialAccountForm.cshtml", page) : NotEnrolled();

    [HttpPost("akun-media-sosial/baru")]
    public Task<IActionResult> NewAccount(SocialAccountForm form, [FromServices] SocialAccountsHandler handler) =>
        SaveAccountAsync(null, form, handler, l["Akun ditambahkan dan menunggu verifikasi Humas."]);

    [HttpGet("akun-media-sosial/{id:int}")]
    public async Task<IActionResult> EditAccount(int id, [FromServices] SocialAccountsHandler handler) =>
        await handler.EditAsync(UserId, id) is { } page ? View(Views + "SocialAccountForm.cshtml", page) : NotFound();

    [HttpPost("akun-media-sosial/{id:int}")]
    public Task<IActionResult> EditAccount(int id, SocialAccountForm form, [FromServices] SocialAccountsHandler handler) =>
        SaveAccountAsync(id, form, handler, l["Perubahan akun disimpan."]);

    [HttpPost("akun-media-sosial/{id:int}/hapus")]
    public async Task<IActionResult> DeleteAccount(int id, [FromServices] SocialAccountsHandler handler)
    {
        if (!await handler.DeleteAsync(UserId, id)) return NotFound();
        TempData["Flash"] = l["Akun dihapus."].Value;
        return Redirect("/agen/akun-media-sosial");
    }

    [HttpGet("data-saya"), AllowDuringAccountSetup]
    public async Task<IActionResult> MyData([FromServices] MyDataHandler handler) =>
        await handler.LoadAsync(UserId) is { } page ? View(Views + "MyData.cshtml", page) : NotEnrolled();

    [HttpGet("data-saya/unduh"), AllowDuringAccountSetup]
    public async Task<IActionResult> DownloadMyData([FromServices] MyDataHandler handler)
    {
        if (await handler.DownloadAsync(UserId) is not { } file) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    [HttpPost("data-saya/tarik-persetujuan"), AllowDuringAccountSetup]
    public async Task<IActionResult> Withdraw(WithdrawForm form, [FromServices] MyDataHandler handler)
    {
        switch (await handler.WithdrawAsync(UserId, form))
        {
            case WithdrawOutcome.NotEnrolled:
                return NotFound();
            case WithdrawOutcome.Invalid:
                ModelState.AddModelError(nameof(form.Confirm), l["Centang pernyataan bahwa Anda memahami akibat penarikan persetujuan."]);
                return await handler.LoadAsync(UserId) is { } page ? View(Views + "MyData.cshtml", page) : NotFound();
            default:
                TempData["Flash"] = l["Persetujuan Anda telah ditarik. Keikutsertaan Anda ditangguhkan dan data baru tidak dikumpulkan lagi."].Value;
                return Redirect(AccountGateFilter.TermsPath);
        }
    }

    private async Task<IActionResult> SaveAccountAsync(int? id, SocialAccountForm form, SocialAccountsHandler handler, string done)
    {
        if (ModelState.IsValid)
        {
            var (outcome, errors) = await handler.SaveAsync(UserId, id, form);
            if (outcome == AccountOutcome.NotFound) return NotFound();
            if (outcome == AccountOutcome.Done)
            {
                TempData["Flash"] = done;
                return Redirect("/agen/akun-media-sosial");
            }
            foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        }
        var page = id is { } existing ? await handler.EditAsync(UserId, existing, form) : await handler.NewAsync(UserId, form);
        return page is null ? NotFound() : View(Views + "SocialAccountForm.cshtml", page);
    }

    private ViewResult NotEnrolled() => View(Views + "NotEnrolled.cshtml");

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
