using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>Lets a signed-in user reach an action even when their account set-up is not finished.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowDuringAccountSetupAttribute : Attribute;

/// <summary>
/// Sends a signed-in user to finish their account before anything else: a temporary password
/// must be changed, an agent must accept the code of conduct and data consent, and staff must
/// enrol an authenticator when the installation requires it.
/// Reads only claims, so it costs no query.
/// </summary>
public sealed class AccountGateFilter(IOptionsMonitor<SecurityOptions> options) : IAsyncActionFilter
{
    public const string ChangePasswordPath = "/akun/kata-sandi";
    public const string AuthenticatorPath = "/akun/autentikator";

    /// <summary>Where an agent accepts the code of conduct and gives data consent (Features/Agents).</summary>
    public const string TermsPath = "/agen/persetujuan";

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowDuringAccountSetupAttribute>().Any())
            return next();

        if (user.HasClaim(c => c.Type == AppClaims.MustChangePassword))
        {
            context.Result = new RedirectResult(ChangePasswordPath);
            return Task.CompletedTask;
        }
        if (user.HasClaim(c => c.Type == AppClaims.TermsPending))
        {
            context.Result = new RedirectResult(TermsPath);
            return Task.CompletedTask;
        }
        if (NeedsTwoFactor(user, options.CurrentValue))
        {
            context.Result = new RedirectResult(AuthenticatorPath);
            return Task.CompletedTask;
        }
        return next();
    }

    public static bool NeedsTwoFactor(System.Security.Claims.ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForStaff
        && !user.HasClaim(c => c.Type == AppClaims.TwoFactorEnabled)
        && Roles.Staff.Any(user.IsInRole);
}
