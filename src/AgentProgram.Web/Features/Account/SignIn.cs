using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Kata sandi wajib diisi.")]
    [StringLength(PasswordLimits.Max)]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public static class PasswordLimits
{
    public const int Max = 128;
}

public enum SignInOutcome { Success, NeedsTwoFactor, LockedOut, Failed }

/// <summary>Signs a user in by email. Every attempt, good or bad, goes to the audit trail.</summary>
public sealed class SignInHandler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(SignInOutcome Outcome, string? Error)> HandleAsync(SignInForm form)
    {
        var email = form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            // Same message for unknown and deactivated accounts: no account enumeration.
            await audit.WriteAsync(AuditActions.SignInFailed, userId: user?.Id, userName: email, detail: user is null ? "unknown account" : "inactive account");
            return (SignInOutcome.Failed, l["Email atau kata sandi salah."]);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSuccessAsync(user);
            return (SignInOutcome.Success, null);
        }
        if (result.RequiresTwoFactor) return (SignInOutcome.NeedsTwoFactor, null);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, userId: user.Id, userName: email);
            return (SignInOutcome.LockedOut, null);
        }
        await audit.WriteAsync(AuditActions.SignInFailed, userId: user.Id, userName: email, detail: "wrong password");
        return (SignInOutcome.Failed, l["Email atau kata sandi salah."]);
    }

    public async Task RecordSuccessAsync(AppUser user)
    {
        user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        await audit.WriteAsync(AuditActions.SignIn, userId: user.Id, userName: user.Email);
    }
}
