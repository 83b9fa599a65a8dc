using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Web.Domain.Rewards;

/// <summary>A named reward scheme (Skema Penghargaan). Its rules live in versions; a change makes a new version.</summary>
public class RewardScheme : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public int Version { get; set; }

    public List<RewardSchemeVersion> Versions { get; } = [];
}

public enum SchemeVersionState
{
    /// <summary>Humas is still editing it.</summary>
    Draft = 1,

    /// <summary>Sent to a Pimpinan for approval; no longer editable.</summary>
    Submitted = 2,

    /// <summary>Approved by a Pimpinan: periods compute with the newest approved version. Never changes again.</summary>
    Approved = 3,
}

/// <summary>One version of a scheme's rules. Approved versions are immutable; periods record the version they used.</summary>
public class RewardSchemeVersion : IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public int Number { get; set; }
    public SchemeVersionState State { get; set; } = SchemeVersionState.Draft;

    /// <summary>The <see cref="RewardRules"/> as JSON.</summary>
    public string RulesJson { get; set; } = "";

    /// <summary>What changed and why (shown in the version history).</summary>
    public string? ChangeNote { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public int Version { get; set; }

    public RewardRules Rules => RewardRules.FromJson(RulesJson);
}

public enum PeriodKind
{
    Monthly = 1,
    Quarterly = 2,
    Semester = 3,
    Custom = 4,
}

/// <summary>Open → Calculated → Approved → Closed; an administrator may reopen a closed period with a reason.</summary>
public enum PeriodState
{
    Open = 1,
    Calculated = 2,
    Approved = 3,
    Closed = 4,
}

/// <summary>A reward period (Periode Penghargaan): dates are inclusive, in the institution's time zone.</summary>
public class RewardPeriod : IAudited, IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public PeriodKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public int SchemeId { get; set; }
    public PeriodState State { get; set; } = PeriodState.Open;

    /// <summary>The run whose results are shown now (null until the first calculation).</summary>
    public int? CurrentRunId { get; set; }

    /// <summary>The scheme version of the current run; frozen with it at approval.</summary>
    public int? SchemeVersionId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public string? ClosedByUserId { get; set; }
    public DateTime? ReopenedUtc { get; set; }
    public string? ReopenedByUserId { get; set; }
    public string? ReopenReason { get; set; }

    /// <summary>Humas's short interpretation notes for the leadership summary.</summary>
    public string? Notes { get; set; }
    public int Version { get; set; }

    public bool IsFrozen => State is PeriodState.Approved or PeriodState.Closed;
}

/// <summary>
/// One calculation of a period. A recalculation while Calculated replaces the unapproved run; an
/// approved run is never deleted, so a reopened period keeps its old results in history.
/// </summary>
public class RewardRun
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int Number { get; set; }
    public int SchemeVersionId { get; set; }
    public DateTime ComputedUtc { get; set; }
    public string? ComputedByUserId { get; set; }
    public DateTime? ApprovedUtc { get; set; }
    public string? ApprovedByUserId { get; set; }

    public int Agents { get; set; }
    public int Eligible { get; set; }
    public int Recognised { get; set; }
    public long IncentiveTotal { get; set; }
    public int Recommendations { get; set; }
    public int CountedShares { get; set; }

    /// <summary>SHA-256 of the results in a canonical form: the same data and scheme version give the same hash.</summary>
    public string ResultHash { get; set; } = "";
}

/// <summary>Why an agent is not eligible for outcomes in a period (bit set).</summary>
[Flags]
public enum IneligibleReasons
{
    None = 0,
    LegalStatusNotActive = 1,
    DisciplinarySanction = 2,
    NeutralityBreach = 4,
    ContractNotCurrent = 8,
    ConsentWithdrawn = 16,
}

/// <summary>The outcomes an agent reached (bit set).</summary>
[Flags]
public enum RewardOutcomes
{
    None = 0,
    Recognition = 1,
    Incentive = 2,
    PromotionRecommendation = 4,
    StudyRecommendation = 8,
    DevelopmentRecommendation = 16,
}

/// <summary>One agent's result in one run: sub-scores, rank, outcomes and the statement lines.</summary>
public class RewardResult
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int AgentId { get; set; }
    public int? UnitId { get; set; }
    public EmploymentType EmploymentType { get; set; }

    public IneligibleReasons Ineligible { get; set; }
    public bool IsEligible => Ineligible == IneligibleReasons.None;

    public decimal SharePoints { get; set; }
    public decimal TimelyPoints { get; set; }
    public decimal DeductionPoints { get; set; }

    /// <summary>Share + timely − deductions, never below zero.</summary>
    public decimal Participation { get; set; }
    public decimal Engagement { get; set; }
    public decimal Score { get; set; }

    public int CountedShares { get; set; }
    public int UncountedShares { get; set; }
    public int Assignments { get; set; }
    public int AssignmentsShared { get; set; }

    /// <summary>Rank among eligible agents (ties share a rank); null when not eligible.</summary>
    public int? Rank { get; set; }
    public int? UnitRank { get; set; }

    /// <summary>Place ÷ number ranked × 100 (1 of 200 is the top 0.5%); a tie group counts at its last place.</summary>
    public decimal? TopPercent { get; set; }

    /// <summary>Consecutive periods, ending with this one, in the promotion rule's top percent.</summary>
    public int PromotionStreak { get; set; }

    public RewardOutcomes Outcomes { get; set; }

    /// <summary>Rupiah before the budget cap, and paid (after it).</summary>
    public long IncentiveTierAmount { get; set; }
    public long IncentiveAmount { get; set; }

    /// <summary>Every share considered, encoded by <see cref="StatementLines"/>.</summary>
    public string Lines { get; set; } = "";
}

public enum ConductKind
{
    /// <summary>Hukuman disiplin.</summary>
    Disciplinary = 1,

    /// <summary>A breach of neutrality (SKB 2/2022) or of the programme's ethics.</summary>
    Neutrality = 2,
}

/// <summary>A disciplinary or neutrality flag HR records against an agent for a date range; it bars outcomes in overlapping periods.</summary>
public class ConductRecord : IAudited, IVersioned
{
    public int Id { get; set; }
    public int AgentId { get; set; }
    public ConductKind Kind { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>Null: still in force.</summary>
    public DateOnly? EndDate { get; set; }
    public string Note { get; set; } = "";
    public string? RecordedByUserId { get; set; }
    public DateTime RecordedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedByUserId { get; set; }
    public string? RevokeReason { get; set; }
    public int Version { get; set; }

    public bool Overlaps(DateOnly start, DateOnly end) =>
        RevokedUtc is null && StartDate <= end && (EndDate is null || EndDate >= start);
}
