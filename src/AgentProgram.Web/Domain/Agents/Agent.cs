using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Agents;

public enum AgentStatus
{
    Active,
    Suspended,
    Ended,
}

/// <summary>An employee enrolled as a communication agent, with their sign-in account.</summary>
public class Agent : IAudited, IVersioned
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;

    public AgentStatus Status { get; set; } = AgentStatus.Active;
    public string? StatusReason { get; set; }
    public DateTime? StatusChangedUtc { get; set; }

    public DateTime EnrolledUtc { get; set; }
    public string? EnrolledByUserId { get; set; }

    /// <summary>SE MenPANRB 137/2018 and SKB 2/2022 acknowledgement, at first sign-in.</summary>
    public DateTime? CodeOfConductAcceptedUtc { get; set; }

    /// <summary>UU 27/2022 consent to process the agent's social-media data.</summary>
    public DateTime? DataConsentUtc { get; set; }

    /// <summary>Set when the agent withdraws consent; the enrolment is suspended until they consent again.</summary>
    public DateTime? ConsentWithdrawnUtc { get; set; }

    public int Version { get; set; }

    public List<SocialAccount> SocialAccounts { get; } = [];

    public bool HasAcceptedTerms => CodeOfConductAcceptedUtc is not null && DataConsentUtc is not null && ConsentWithdrawnUtc is null;
}

/// <summary>A social-media account an agent shares from; Humas verifies it.</summary>
public class SocialAccount : IAudited, IVersioned
{
    public int Id { get; set; }
    public int AgentId { get; set; }
    public Agent Agent { get; set; } = null!;
    public Platform Platform { get; set; }

    /// <summary>Without the leading @, lower-case: one account can be claimed by one agent only.</summary>
    public string Handle { get; set; } = "";
    public string ProfileUrl { get; set; } = "";
    public AccountKind Kind { get; set; }
    public int? Followers { get; set; }
    public DateOnly? FollowersAsOf { get; set; }

    public VerificationState State { get; set; } = VerificationState.Pending;
    public string? RejectionReason { get; set; }
    public string? ReviewedByUserId { get; set; }
    public DateTime? ReviewedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }
}
