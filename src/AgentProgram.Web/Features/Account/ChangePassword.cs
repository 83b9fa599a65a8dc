using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace AgentProgram.Web.Features.Account;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Kata sandi saat ini wajib diisi.")]
    [StringLength(PasswordLimits.Max)]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi saat ini")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Kata sandi baru wajib diisi.")]
    [StringLength(PasswordLimits.Max, ErrorMessage = "Kata sandi paling banyak 128 karakter.")]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi baru")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Ulangi kata sandi baru.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Kedua kata sandi baru tidak sama.")]
    [DataType(DataType.Password)]
    [Display(Name = "Ulangi kata sandi baru")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The user's own password change; clears a temporary password's must-change flag.</summary>
public sealed class ChangePasswordHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    public async Task<IReadOnlyList<(string Field, string Message)>> HandleAsync(ClaimsPrincipal principal, ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Signed-in user not found.");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
            return result.Errors.Select(e => (e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.NewPassword), e.Description)).ToList();
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await audit.WriteAsync(AuditActions.PasswordChanged, entityType: nameof(AppUser), entityKey: user.Id);
        // New claims (no must-change flag) and a new security stamp for this session.
        await signIn.RefreshSignInAsync(user);
        return [];
    }
}
