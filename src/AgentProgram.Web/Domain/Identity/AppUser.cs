using Microsoft.AspNetCore.Identity;

namespace AgentProgram.Web.Domain.Identity;

/// <summary>A person who signs in: staff (HR, humas, leadership, administrator) or an agent.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Deactivated accounts keep their history but cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator issues a temporary password; cleared by the user's own change.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }

    /// <summary>A Humas officer the administrator allows to approve policy messages (never their own).</summary>
    public bool CanApproveMessages { get; set; }
}

public class AppRole : IdentityRole
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
