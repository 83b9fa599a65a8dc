namespace AgentProgram.Web.Domain.Reports;

/// <summary>A share report's verification state. Stored by name.</summary>
public enum ReportState
{
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

public enum ReportAction
{
    Verify = 1,
    Reject = 2,

    /// <summary>The agent corrects a rejected report; it goes back to the queue.</summary>
    Correct = 3,

    /// <summary>A verification or rejection is turned into the opposite decision.</summary>
    Reverse = 4,
}

/// <summary>
/// Who is acting. Whether the actor is the report's agent is decided by comparing <see cref="UserId"/>
/// with <see cref="ReportFacts.AgentUserId"/>, never by a flag the caller could forget.
/// </summary>
/// <param name="IsHumas">Any Humas officer: verifies and rejects.</param>
/// <param name="IsPimpinan">Leadership: verifies, rejects, and reverses decisions.</param>
/// <param name="IsHumasApprover">A Humas officer the institution allows to approve: may also reverse decisions.</param>
public sealed record ReportActor(string UserId, bool IsHumas = false, bool IsPimpinan = false, bool IsHumasApprover = false);

/// <summary>The report as the workflow needs it.</summary>
/// <param name="AgentUserId">The user id of the agent who reported the share.</param>
/// <param name="CorrectionCount">How many times the agent has corrected it after a rejection.</param>
public sealed record ReportFacts(ReportState State, string AgentUserId, int CorrectionCount = 0);

public enum ReportRefusalCode
{
    WrongState = 1,
    NotVerifier = 2,
    OwnReport = 3,
    NotReportAgent = 4,
    CorrectionUsed = 5,
    NotReverser = 6,
    ReasonRequired = 7,
    ReasonTooLong = 8,
}

public sealed record ReportRefusal(ReportRefusalCode Code, string Message, IReadOnlyList<object> Args) : IReportText;

/// <summary>
/// The outcome: the state and correction count to store and the reason (trimmed) to record in the
/// audit, or every refusal.
/// </summary>
public sealed record ReportDecision(ReportAction Action, ReportState From, ReportState? To, int CorrectionCount, string? Reason, IReadOnlyList<ReportRefusal> Refusals)
{
    public bool IsAllowed => Refusals.Count == 0;

    public bool IsRefusedFor(ReportRefusalCode code) => Refusals.Any(r => r.Code == code);
}

/// <summary>
/// The share-report verification workflow (issue 5). Pure: the caller loads the report and the actor,
/// stores the outcome and writes the audit entry.
/// <list type="bullet">
/// <item>Pending → Verified: a Humas officer or a Pimpinan, never the report's own agent.</item>
/// <item>Pending → Rejected: the same, with a reason.</item>
/// <item>Rejected → Pending (correct): only the report's agent, at most <see cref="MaxCorrections"/> time(s); the count goes up.</item>
/// <item>Verified ↔ Rejected (reverse): only a Pimpinan or a Humas officer allowed to approve, never the
/// report's own agent, with a reason.</item>
/// </list>
/// The state and the actor's right are checked first and, when they fail, are the only refusal.
/// </summary>
public static class ReportWorkflow
{
    public const int MaxCorrections = 1;
    public const int MaxReasonLength = 500;

    public static ReportDecision Decide(ReportAction action, ReportActor actor, ReportFacts facts, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        var isAgent = !string.IsNullOrEmpty(actor.UserId) && string.Equals(actor.UserId, facts.AgentUserId, StringComparison.Ordinal);
        var from = facts.State;
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

        ReportDecision Refuse(ReportRefusalCode code, string message, params object[] args) =>
            new(action, from, null, facts.CorrectionCount, trimmed, [new ReportRefusal(code, message, args)]);

        ReportDecision Allow(ReportState to, int corrections, List<ReportRefusal>? refusals = null) =>
            refusals is { Count: > 0 }
                ? new(action, from, null, facts.CorrectionCount, trimmed, refusals)
                : new(action, from, to, corrections, trimmed, []);

        switch (action)
        {
            case ReportAction.Verify:
                if (from != ReportState.Pending) return Refuse(ReportRefusalCode.WrongState, ReportTexts.VerifyWrongState);
                if (isAgent) return Refuse(ReportRefusalCode.OwnReport, ReportTexts.OwnReport);
                if (!actor.IsHumas && !actor.IsPimpinan) return Refuse(ReportRefusalCode.NotVerifier, ReportTexts.NotVerifier);
                return Allow(ReportState.Verified, facts.CorrectionCount);

            case ReportAction.Reject:
                if (from != ReportState.Pending) return Refuse(ReportRefusalCode.WrongState, ReportTexts.RejectWrongState);
                if (isAgent) return Refuse(ReportRefusalCode.OwnReport, ReportTexts.OwnReport);
                if (!actor.IsHumas && !actor.IsPimpinan) return Refuse(ReportRefusalCode.NotVerifier, ReportTexts.NotVerifier);
                return Allow(ReportState.Rejected, facts.CorrectionCount, ReasonProblems(trimmed, ReportTexts.ReasonRequired));

            case ReportAction.Correct:
                if (from != ReportState.Rejected) return Refuse(ReportRefusalCode.WrongState, ReportTexts.CorrectWrongState);
                if (!isAgent) return Refuse(ReportRefusalCode.NotReportAgent, ReportTexts.NotReportAgent);
                if (facts.CorrectionCount >= MaxCorrections) return Refuse(ReportRefusalCode.CorrectionUsed, ReportTexts.CorrectionUsed, facts.CorrectionCount, MaxCorrections);
                return Allow(ReportState.Pending, facts.CorrectionCount + 1);

            case ReportAction.Reverse:
                if (from == ReportState.Pending) return Refuse(ReportRefusalCode.WrongState, ReportTexts.ReverseWrongState);
                if (isAgent) return Refuse(ReportRefusalCode.OwnReport, ReportTexts.OwnReport);
                if (!actor.IsPimpinan && !actor.IsHumasApprover) return Refuse(ReportRefusalCode.NotReverser, ReportTexts.NotReverser);
                return Allow(from == ReportState.Verified ? ReportState.Rejected : ReportState.Verified, facts.CorrectionCount, ReasonProblems(trimmed, ReportTexts.ReverseReasonRequired));

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>The actions whose state and role conditions the actor meets (for showing buttons); the reason is checked when the action is taken.</summary>
    public static IReadOnlyList<ReportAction> AvailableActions(ReportActor actor, ReportFacts facts) =>
        [.. Enum.GetValues<ReportAction>().Where(a => Decide(a, actor, facts, "-").IsAllowed)];

    public static string Label(ReportState state) => state switch
    {
        ReportState.Pending => ReportTexts.StatePending,
        ReportState.Verified => ReportTexts.StateVerified,
        ReportState.Rejected => ReportTexts.StateRejected,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static List<ReportRefusal> ReasonProblems(string? reason, string requiredMessage)
    {
        if (reason is null) return [new(ReportRefusalCode.ReasonRequired, requiredMessage, [])];
        if (reason.Length > MaxReasonLength) return [new(ReportRefusalCode.ReasonTooLong, ReportTexts.ReasonTooLong, [MaxReasonLength, reason.Length])];
        return [];
    }
}
