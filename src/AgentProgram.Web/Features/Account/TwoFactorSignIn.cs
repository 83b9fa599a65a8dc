using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Account;

public sealed class TwoFactorForm
{
    [Required(ErrorMessage = "Kode wajib diisi.")]
    [StringLength(64)]
    [Display(Name = "Kode")]
    public string Code { get; set; } = "";

    /// <summary>True when the code is a recovery code rather than a 6-digit authenticator code.</summary>
    public bool UseRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of sign-in: an authenticator code or a one-time recovery code.</summary>
public sealed class TwoFactorSignInHandler(SignInManager<AppUser> signIn, SignInHandler firstStep, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    public Task<AppUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    public async Task<(SignInOutcome Outcome, string? Error)> HandleAsync(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return (SignInOutcome.Failed, l["Sesi masuk sudah berakhir. Silakan masuk lagi."]);
        // Recovery codes are stored with their dash (xxxxx-xxxxx); authenticator codes are digits only.
        var code = form.Code.Replace(" ", "", StringComparison.Ordinal);
        var result = form.UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace("-", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await firstStep.RecordSuccessAsync(user);
            return (SignInOutcome.Success, null);
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, userId: user.Id, userName: user.Email);
            return (SignInOutcome.LockedOut, null);
        }
        await audit.WriteAsync(AuditActions.SignInFailed, userId: user.Id, userName: user.Email, detail: form.UseRecoveryCode ? "wrong recovery code" : "wrong authenticator code");
        return (SignInOutcome.Failed, form.UseRecoveryCode ? l["Kode pemulihan tidak valid atau sudah dipakai."] : l["Kode autentikator salah. Periksa jam ponsel Anda lalu coba kode yang baru."]);
    }
}
