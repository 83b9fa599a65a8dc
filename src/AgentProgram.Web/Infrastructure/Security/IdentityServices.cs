using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace AgentProgram.Web.Infrastructure.Security;

public static class IdentityServices
{
    public const string SignInRateLimit = "signin";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SecurityOptions>(config.GetSection(SecurityOptions.Section));
        var cookies = CookiePolicy.From(config);
        services.AddSingleton(TimeProvider.System);

        // One key ring in the database, shared by every instance behind a load balancer.
        services.AddDataProtection().SetApplicationName("AgentProgram").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = PasswordPolicyValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // Keep the original sign-in time across revalidation so the absolute limit holds.
            o.OnRefreshingPrincipal = ctx =>
            {
                var authTime = ctx.CurrentPrincipal?.FindFirst(AppClaims.AuthTime);
                if (authTime is not null && ctx.NewPrincipal?.Identity is ClaimsIdentity id)
                {
                    foreach (var c in id.FindAll(AppClaims.AuthTime).ToList()) id.RemoveClaim(c);
                    id.AddClaim(new Claim(AppClaims.AuthTime, authTime.Value));
                }
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            cookies.Apply(o.Cookie, "AgentProgram");
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/akun/masuk";
            o.LogoutPath = "/akun/keluar";
            o.AccessDeniedPath = "/akun/akses-ditolak";
            o.ReturnUrlParameter = "kembali";
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (IsPastAbsoluteLimit(ctx.Principal, ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>()))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => cookies.Apply(o.Cookie, "AgentProgram.2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => cookies.Apply(o.Cookie, "AgentProgram.2fa-remember"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => cookies.Apply(o.Cookie, "AgentProgram.ext"));

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http =>
            {
                var perMinute = config.GetValue(SecurityOptions.Section + ":SignInAttemptsPerMinutePerIp", 10);
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // No body: the status-code page (/galat/429) explains it in the user's language.
        });
        return services;
    }

    public static bool IsPastAbsoluteLimit(ClaimsPrincipal? principal, TimeProvider clock)
    {
        var value = principal?.FindFirstValue(AppClaims.AuthTime);
        if (value is null || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return true;
        return clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout;
    }
}

/// <summary>
/// Cookies are `__Host-` prefixed, Secure, HttpOnly and SameSite=Lax. Only for plain-http local
/// development (Security:AllowInsecureCookies, set in appsettings.Development.json) do they drop the
/// prefix and the Secure flag, because ASP.NET refuses Secure antiforgery cookies over http.
/// </summary>
public sealed record CookiePolicy(bool AllowInsecure)
{
    public static CookiePolicy From(IConfiguration config) => new(config.GetValue("Security:AllowInsecureCookies", false));

    public string Name(string baseName) => AllowInsecure ? baseName : "__Host-" + baseName;

    public void Apply(CookieBuilder cookie, string baseName)
    {
        cookie.Name = Name(baseName);
        cookie.HttpOnly = true;
        cookie.SecurePolicy = AllowInsecure ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
    }
}
