using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Messages;

/// <summary>
/// A pesan kebijakan. Its wording lives in revisions: editing an approved message makes a new
/// revision that needs approval again, while agents keep sharing <see cref="ApprovedRevisionId"/>.
/// </summary>
public class PolicyMessage : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The policy or programme it supports (Inpres 9/2015).</summary>
    public string PolicyReference { get; set; } = "";
    public MessageSource Source { get; set; }
    public int? SourceUnitId { get; set; }
    public Unit? SourceUnit { get; set; }
    public string? SourceNote { get; set; }
    public MissionTag Mission { get; set; }
    public MessageStatus Status { get; set; } = MessageStatus.Draft;
    public string AuthorUserId { get; set; } = "";

    public DateTime ActiveFromUtc { get; set; }
    public DateTime ActiveUntilUtc { get; set; }

    /// <summary>The revision being written or reviewed.</summary>
    public int? CurrentRevisionId { get; set; }

    /// <summary>The revision agents share; null until the first approval.</summary>
    public int? ApprovedRevisionId { get; set; }

    /// <summary>Set when the election guard flagged the message for extra review (period name).</summary>
    public string? ElectionFlag { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public DateTime? WithdrawnUtc { get; set; }
    public string? WithdrawnReason { get; set; }
    public int Version { get; set; }

    public List<MessageRevision> Revisions { get; } = [];
}

/// <summary>One version of a message's wording, captions, glossary and media; frozen once approved.</summary>
public class MessageRevision : IAudited
{
    public int Id { get; set; }
    public int MessageId { get; set; }
    public PolicyMessage Message { get; set; } = null!;
    public int Number { get; set; }
    public string KeyMessage { get; set; } = "";
    public string? PublicBenefit { get; set; }

    /// <summary>The institution's own page the tracked links lead to.</summary>
    public string CanonicalUrl { get; set; } = "";

    /// <summary>Space-separated, without '#'.</summary>
    public string? Hashtags { get; set; }

    public bool ChecklistSourcesVerified { get; set; }
    public bool ChecklistNoHoaxSlanderSara { get; set; }
    public bool ChecklistNoPartisanContent { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTime? ApprovedUtc { get; set; }

    public List<CaptionVariant> Captions { get; } = [];
    public List<GlossaryEntry> Glossary { get; } = [];
    public List<MediaFile> Media { get; } = [];
}

public class CaptionVariant
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public Platform Platform { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>A plain-language explanation of a term the message uses.</summary>
public class GlossaryEntry
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public string Term { get; set; } = "";
    public string Meaning { get; set; } = "";
}

/// <summary>An image or short video, checked by content, stored outside the web root (StoragePath under Storage:DataPath).</summary>
public class MediaFile
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public string StoragePath { get; set; } = "";
    public DateTime UploadedUtc { get; set; }
}

/// <summary>A message sent to one agent. One per agent per message, however the targets overlap.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int MessageId { get; set; }
    public PolicyMessage Message { get; set; } = null!;
    public int AgentId { get; set; }
    public Agents.Agent Agent { get; set; } = null!;
    public DateTime DueUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? AssignedByUserId { get; set; }
}

/// <summary>The agent's own link for one assignment and platform: /s/{Token}. The token is random, never an id or a NIP.</summary>
public class TrackedLink
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment Assignment { get; set; } = null!;
    public Platform Platform { get; set; }
    public string Token { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the agent first used the share action for this platform (not proof of a post: that is the share report).</summary>
    public DateTime? OpenedUtc { get; set; }
}

/// <summary>One follow of a tracked link. No IP address is stored: only a visitor hash salted per day.</summary>
public class LinkClick
{
    public long Id { get; set; }
    public int TrackedLinkId { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string VisitorHash { get; set; } = "";
    public bool IsBot { get; set; }
}

/// <summary>What a notification is about: decides the sentence it is shown in (in the reader's language).</summary>
public enum NotificationKind
{
    /// <summary><see cref="Notification.Text"/> is the message title.</summary>
    NewAssignment,

    /// <summary>A share report was verified; <see cref="Notification.Text"/> is the message title.</summary>
    ReportVerified,

    /// <summary>A share report was rejected; <see cref="Notification.Text"/> is the reason.</summary>
    ReportRejected,
}

/// <summary>An in-app notification (e.g. a new assignment).</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }

    /// <summary>The variable part (a title, a reason); the sentence around it comes from <see cref="Kind"/>.</summary>
    public string Text { get; set; } = "";
    public string? Url { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}

/// <summary>A configured campaign or masa tenang period for the election guard.</summary>
public class ElectionPeriodSetting : IAudited, IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public ElectionPeriodKind Kind { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
}

/// <summary>A candidate (incumbent) whose name blocks a message.</summary>
public class ElectionCandidate : IAudited
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
