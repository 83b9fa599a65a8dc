using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Account;

[Route("akun")]
[AllowDuringAccountSetup]
public sealed class AccountController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("masuk"), AllowAnonymous]
    public IActionResult SignIn(string? kembali) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturn(kembali)) : View(new SignInForm { ReturnUrl = kembali });

    [HttpPost("masuk"), AllowAnonymous, EnableRateLimiting(IdentityServices.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInForm form, [FromServices] SignInHandler handler)
    {
        if (!ModelState.IsValid) return View(form);
        var (outcome, error) = await handler.HandleAsync(form);
        return outcome switch
        {
            SignInOutcome.Success => LocalRedirect(SafeReturn(form.ReturnUrl)),
            SignInOutcome.NeedsTwoFactor => RedirectToAction(nameof(TwoFactor), new { kembali = form.ReturnUrl }),
            SignInOutcome.LockedOut => RedirectToAction(nameof(LockedOut)),
            _ => Invalid(form, error),
        };
    }

    [HttpGet("masuk-2fa"), AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? kembali, bool pemulihan, [FromServices] TwoFactorSignInHandler handler) =>
        await handler.PendingUserAsync() is null
            ? RedirectToAction(nameof(SignIn))
            : View(new TwoFactorForm { ReturnUrl = kembali, UseRecoveryCode = pemulihan });

    [HttpPost("masuk-2fa"), AllowAnonymous, EnableRateLimiting(IdentityServices.SignInRateLimit)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form, [FromServices] TwoFactorSignInHandler handler)
    {
        if (!ModelState.IsValid) return View(form);
        var (outcome, error) = await handler.HandleAsync(form);
        return outcome switch
        {
            SignInOutcome.Success => LocalRedirect(SafeReturn(form.ReturnUrl)),
            SignInOutcome.LockedOut => RedirectToAction(nameof(LockedOut)),
            _ => Invalid(form, error),
        };
    }

    [HttpGet("terkunci"), AllowAnonymous]
    public IActionResult LockedOut() => View();

    [HttpGet("akses-ditolak"), AllowAnonymous]
    public IActionResult AccessDenied() => View();

    [HttpPost("keluar")]
    public async Task<IActionResult> SignOut([FromServices] SignInManager<AppUser> signIn, [FromServices] AuditLog audit)
    {
        await audit.WriteAsync(AuditActions.SignOut);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("kata-sandi")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("kata-sandi")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangePasswordHandler handler)
    {
        if (!ModelState.IsValid) return View(form);
        var errors = await handler.HandleAsync(User, form);
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        if (errors.Count > 0) return View(form);
        TempData["Flash"] = l["Kata sandi berhasil diubah."].Value;
        return Redirect("/");
    }

    [HttpGet("autentikator")]
    public async Task<IActionResult> Authenticator([FromServices] SetUpAuthenticatorHandler handler) =>
        View(await handler.LoadAsync(User));

    [HttpPost("autentikator")]
    public async Task<IActionResult> Authenticator(AuthenticatorForm form, [FromServices] SetUpAuthenticatorHandler handler)
    {
        if (ModelState.IsValid)
        {
            var codes = await handler.EnableAsync(User, form);
            if (codes is not null) return View(await handler.LoadAsync(User, codes));
            ModelState.AddModelError(nameof(form.Code), l["Kode salah. Pastikan jam ponsel Anda tepat lalu masukkan kode yang sedang tampil."]);
        }
        return View(await handler.LoadAsync(User));
    }

    [HttpPost("autentikator/kode-pemulihan")]
    public async Task<IActionResult> RecoveryCodes([FromServices] SetUpAuthenticatorHandler handler) =>
        View(nameof(Authenticator), await handler.LoadAsync(User, await handler.RegenerateRecoveryCodesAsync(User)));

    [HttpPost("autentikator/nonaktifkan")]
    public async Task<IActionResult> DisableAuthenticator([FromServices] SetUpAuthenticatorHandler handler)
    {
        TempData["Flash"] = await handler.DisableAsync(User)
            ? l["Aplikasi autentikator dinonaktifkan."].Value
            : l["Instansi mewajibkan verifikasi dua langkah untuk peran Anda."].Value;
        return RedirectToAction(nameof(Authenticator));
    }

    /// <summary>Language choice, kept in a cookie for a year.</summary>
    [HttpPost("/bahasa"), AllowAnonymous]
    public IActionResult Language(string budaya, string? kembali)
    {
        var culture = budaya == "en-US" ? "en-US" : "id-ID";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(SafeReturn(kembali));
    }

    private ViewResult Invalid<T>(T form, string? error)
    {
        ModelState.AddModelError("", error ?? l["Terjadi kesalahan. Silakan coba lagi."]);
        return View(form);
    }

    private string SafeReturn(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
