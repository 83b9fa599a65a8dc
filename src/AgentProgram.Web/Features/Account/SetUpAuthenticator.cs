using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace AgentProgram.Web.Features.Account;

public sealed class AuthenticatorForm
{
    [Required(ErrorMessage = "Kode wajib diisi.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Kode terdiri dari 6 angka.")]
    [Display(Name = "Kode dari aplikasi")]
    public string Code { get; set; } = "";
}

public sealed record AuthenticatorPage(
    bool Enabled, bool Required, string? SharedKey, string? QrDataUri, IReadOnlyList<string>? NewRecoveryCodes, int RecoveryCodesLeft);

/// <summary>TOTP enrolment (RFC 6238, any authenticator app), recovery codes, and switching it off where allowed.</summary>
public sealed class SetUpAuthenticatorHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, IOptionsMonitor<SecurityOptions> options)
{
    public const string Issuer = "AgentProgram";

    public async Task<AuthenticatorPage> LoadAsync(ClaimsPrincipal principal, IReadOnlyList<string>? newCodes = null)
    {
        var user = await GetUserAsync(principal);
        var required = options.CurrentValue.RequireTwoFactorForStaff && Roles.Staff.Any(principal.IsInRole);
        if (user.TwoFactorEnabled)
            return new AuthenticatorPage(true, required, null, null, newCodes, await users.CountRecoveryCodesAsync(user));

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorPage(false, required, Group(key), "data:image/png;base64," + Convert.ToBase64String(png), null, 0);
    }

    /// <summary>Checks the first code; on success enables 2FA and returns ten recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, AuthenticatorForm form)
    {
        var user = await GetUserAsync(principal);
        var code = form.Code.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, entityType: nameof(AppUser), entityKey: user.Id);
        await signIn.RefreshSignInAsync(user);
        return codes;
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await GetUserAsync(principal);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
    }

    /// <summary>Staff cannot switch it off while the installation requires it.</summary>
    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        if (options.CurrentValue.RequireTwoFactorForStaff && Roles.Staff.Any(principal.IsInRole)) return false;
        var user = await GetUserAsync(principal);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditActions.TwoFactorDisabled, entityType: nameof(AppUser), entityKey: user.Id);
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    private async Task<AppUser> GetUserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("Signed-in user not found.");

    private static string Group(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
