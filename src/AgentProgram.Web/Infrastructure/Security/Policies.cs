using AgentProgram.Web.Domain.Identity;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>Named authorization policies. Controllers use these names, never raw role strings.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    public const string Staff = "Staff";
    public const string HumanResources = "HumanResources";
    public const string PublicRelations = "PublicRelations";
    public const string Leadership = "Leadership";
    public const string Agent = "Agent";

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        // Fallback: every endpoint without its own rule requires a signed-in user.
        o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        o.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
        o.AddPolicy(Staff, p => p.RequireRole([.. Roles.Staff]));
        o.AddPolicy(HumanResources, p => p.RequireRole(Roles.Kepegawaian, Roles.Administrator));
        o.AddPolicy(PublicRelations, p => p.RequireRole(Roles.Humas));
        o.AddPolicy(Leadership, p => p.RequireRole(Roles.Pimpinan));
        o.AddPolicy(Agent, p => p.RequireRole(Roles.Agen));
    }
}

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Staff roles must enrol an authenticator app before using the app.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client IP address per minute.</summary>
    public int SignInAttemptsPerMinutePerIp { get; set; } = 10;
}

public static class AppClaims
{
    public const string DisplayName = "ap:name";
    public const string MustChangePassword = "ap:mcp";
    public const string TwoFactorEnabled = "ap:2fa";

    /// <summary>An agent who has not (or no longer) accepted the code of conduct and data consent.</summary>
    public const string TermsPending = "ap:terms";

    /// <summary>When the user signed in, in Unix seconds: the 12-hour absolute limit counts from here.</summary>
    public const string AuthTime = "ap:auth_time";
}
