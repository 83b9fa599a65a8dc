using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Reports;

/// <summary>
/// A Laporan Sebaran: one post an agent says they made for an assignment, with its link, evidence and
/// numbers. <see cref="ClaimKey"/> (from <see cref="PostLinks"/>) is unique across the whole system, so
/// a post can be claimed once; WhatsApp Status has no link and no key. Agent, message and unit are
/// copied from the assignment at submission so the verification queue filters without joins.
/// </summary>
public class ShareReport : IAudited, IVersioned
{
    public long Id { get; set; }
    public int AssignmentId { get; set; }
    public int AgentId { get; set; }
    public int MessageId { get; set; }

    /// <summary>The agent's unit when the report was made (for filtering and per-unit figures).</summary>
    public int? UnitId { get; set; }

    public Platform Platform { get; set; }
    public string? PostUrl { get; set; }
    public string? ClaimKey { get; set; }

    /// <summary>The handle the link carries (normalised), if any.</summary>
    public string? LinkHandle { get; set; }

    public DateTime PostedUtc { get; set; }
    public DateTime SubmittedUtc { get; set; }

    /// <summary>A random value the form carries: the same form posted twice makes one report.</summary>
    public Guid SubmissionKey { get; set; }

    public ReportState State { get; set; } = ReportState.Pending;
    public string? DecisionReason { get; set; }
    public string? ReviewedByUserId { get; set; }
    public DateTime? ReviewedUtc { get; set; }
    public int CorrectionCount { get; set; }

    /// <summary>The flags the system raised, as a bit set (see <see cref="ReportFlags"/>); explanations are recomputed for display.</summary>
    public ReportFlagSet Flags { get; set; }

    public string? ScreenshotPath { get; set; }
    public string? ScreenshotContentType { get; set; }
    public string? ScreenshotSha256 { get; set; }

    /// <summary>The follower count of the agent's account on this platform when the report was made.</summary>
    public int? FollowersAtSubmission { get; set; }

    public int Version { get; set; }

    public List<ReportSnapshot> Snapshots { get; } = [];
}

/// <summary>The numbers of a report at one moment, with where they came from. Never overwritten: a later reading is a new row.</summary>
public class ReportSnapshot
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public MetricSource Source { get; set; }
    public SnapshotWindow Window { get; set; }
    public DateTime TakenUtc { get; set; }
    public long? Views { get; set; }
    public long? Reach { get; set; }
    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Reposts { get; set; }
    public long? Saves { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }

    public MetricValues Values => new(Views, Reach, Likes, Comments, Reposts, Saves);

    public MetricSnapshot ToRule() => new(Id, Source, TakenUtc, Values);
}

public enum ResponseKind
{
    Question = 1,
    Complaint = 2,
    HoaxReport = 3,
    Appreciation = 4,
}

public enum Sentiment
{
    Positive = 1,
    Neutral = 2,
    Negative = 3,
}

public enum ResponseStatus
{
    Open = 1,
    Answered = 2,
    Referred = 3,
}

/// <summary>A notable public reaction an agent saw under a share; Humas routes it and closes the loop.</summary>
public class PublicResponse : IAudited, IVersioned
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public int MessageId { get; set; }
    public int AgentId { get; set; }
    public string Text { get; set; } = "";
    public ResponseKind Kind { get; set; }
    public Sentiment Sentiment { get; set; }

    /// <summary>The unit the reaction is about, as the agent saw it.</summary>
    public int? ConcernedUnitId { get; set; }

    /// <summary>The unit Humas routed it to.</summary>
    public int? RoutedUnitId { get; set; }

    public ResponseStatus Status { get; set; } = ResponseStatus.Open;
    public string? ResolutionNote { get; set; }
    public DateTime RecordedUtc { get; set; }
    public DateTime? RoutedUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public string? ResolvedByUserId { get; set; }
    public int Version { get; set; }

    /// <summary>Questions and complaints count toward the dialogic loop: answered or referred within 24 hours.</summary>
    public bool NeedsAnswer => Kind is ResponseKind.Question or ResponseKind.Complaint;

    public bool ClosedWithin24Hours => ResolvedUtc is { } done && done - RecordedUtc <= TimeSpan.FromHours(24);
}
