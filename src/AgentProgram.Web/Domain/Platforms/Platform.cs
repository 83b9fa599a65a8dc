namespace AgentProgram.Web.Domain.Platforms;

/// <summary>The social platforms agents share on (DOMAIN.md §8). Stored by name.</summary>
public enum Platform
{
    Instagram,
    Facebook,
    X,
    TikTok,
    YouTube,
    WhatsApp,
    LinkedIn,
    Threads,
    Telegram,
}

public enum AccountKind
{
    /// <summary>Public counters only.</summary>
    Personal,

    /// <summary>Business/creator account: the owner sees insights (reach, views…).</summary>
    Professional,
}

public enum VerificationState
{
    Pending,
    Verified,
    Rejected,
}
