using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>Adds the few facts the account gate needs on every request, so it never queries the database.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, TimeProvider clock, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) id.AddClaim(new Claim(AppClaims.MustChangePassword, "1"));
        if (user.TwoFactorEnabled) id.AddClaim(new Claim(AppClaims.TwoFactorEnabled, "1"));
        if (await db.Agents.AnyAsync(a => a.UserId == user.Id && (a.CodeOfConductAcceptedUtc == null || a.DataConsentUtc == null || a.ConsentWithdrawnUtc != null)))
            id.AddClaim(new Claim(AppClaims.TermsPending, "1"));
        id.AddClaim(new Claim(AppClaims.AuthTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return id;
    }
}
