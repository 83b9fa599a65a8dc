using System.Globalization;

namespace AgentProgram.Web.Domain.Messages;

/// <summary>
/// Who is acting. Authorship is not a flag: it is decided by comparing <see cref="UserId"/> with
/// <see cref="WorkflowFacts.AuthorUserId"/>, so a caller cannot forget it and let an author approve
/// their own message.
/// </summary>
/// <param name="IsHumas">Any Humas officer (drafts, publishes, closes, withdraws, edits).</param>
/// <param name="IsPimpinan">Leadership: may approve, publish, close and withdraw.</param>
/// <param name="IsHumasApprover">A Humas officer the institution allows to approve messages.</param>
public sealed record WorkflowActor(string UserId, bool IsHumas = false, bool IsPimpinan = false, bool IsHumasApprover = false);

/// <summary>The three statements the author ticks before submitting (SE MenPANRB 137/2018, SKB 2/2022).</summary>
public sealed record MessageChecklist(bool SourcesNamedAndVerified, bool NoHoaxSlanderOrSara, bool NoPartisanContent)
{
    public static readonly MessageChecklist Empty = new(false, false, false);
    public static readonly MessageChecklist Complete = new(true, true, true);

    public bool IsComplete => SourcesNamedAndVerified && NoHoaxSlanderOrSara && NoPartisanContent;
}

/// <summary>What the workflow needs to know about the message besides its status.</summary>
public sealed record WorkflowFacts
{
    /// <summary>The author of the revision under decision (for an edited message, the editor).</summary>
    public required string AuthorUserId { get; init; }

    public MessageChecklist Checklist { get; init; } = MessageChecklist.Empty;

    /// <summary>The <see cref="ElectionGuard"/> result for the texts and window being decided on.</summary>
    public ElectionCheck Election { get; init; } = ElectionCheck.None;

    /// <summary>The approver states they re-checked neutrality (needed while the election check is Flagged).</summary>
    public bool ElectionReviewConfirmed { get; init; }

    /// <summary>Reason typed for a withdrawal.</summary>
    public string? Reason { get; init; }

    /// <summary>The message has been published before (its current content is a new revision under review).</summary>
    public bool PublishedBefore { get; init; }

    /// <summary>The last approved revision: what agents share while a newer revision is being reviewed.</summary>
    public int? ApprovedRevisionId { get; init; }
}

public enum WorkflowRefusalCode
{
    WrongStatus = 1,
    NotAuthor = 2,
    SelfApproval = 3,
    NotApprover = 4,
    NotPermitted = 5,
    ChecklistSources = 10,
    ChecklistNoHoax = 11,
    ChecklistNoPartisan = 12,
    ElectionBlocked = 20,
    ElectionReviewRequired = 21,
    ReasonRequired = 30,
    ReasonTooLong = 31,
}

/// <summary>Why an action is refused: a stable code and an Indonesian format string that is the localizer key.</summary>
public sealed record WorkflowRefusal(WorkflowRefusalCode Code, string Format, IReadOnlyList<string> Args)
{
    public WorkflowRefusal(WorkflowRefusalCode code, string format) : this(code, format, []) { }

    public object[] FormatArgs => [.. Args];
    public string Message => string.Format(CultureInfo.InvariantCulture, Format, FormatArgs);
    public override string ToString() => $"{Code}: {Message}";
}

public enum EditKind
{
    /// <summary>The text is changed in place.</summary>
    InPlace,

    /// <summary>Store the change as a new revision; the approved revision stays what agents share.</summary>
    NewRevision,
}

/// <summary>
/// What an edit means. <see cref="StatusAfter"/> is the message's status after the edit;
/// <see cref="KeepSharingRevisionId"/> is the approved revision agents keep sharing (null if none was
/// ever approved); <see cref="RevisionAuthorUserId"/> becomes the author of the edited text, so the
/// editor cannot approve their own change.
/// </summary>
public sealed record EditOutcome(EditKind Kind, MessageStatus StatusAfter, int? KeepSharingRevisionId, string RevisionAuthorUserId)
{
    public bool NewRevisionRequired => Kind == EditKind.NewRevision;
}

/// <summary>The answer: the new status, or every reason the action is refused.</summary>
public sealed record WorkflowDecision(MessageStatus From, MessageAction Action, MessageStatus? To, IReadOnlyList<WorkflowRefusal> Refusals, EditOutcome? Edit)
{
    public bool IsAllowed => Refusals.Count == 0;

    public bool IsRefusedFor(WorkflowRefusalCode code) => Refusals.Any(r => r.Code == code);
}

/// <summary>
/// The policy-message state machine (pure: the caller loads the message, the actor and the facts,
/// and stores the outcome).
/// <list type="bullet">
/// <item>Draft → Submitted: only the author, with the three checklist statements ticked.</item>
/// <item>Submitted → Approved: a Pimpinan or an allowed Humas approver, never the author (even a Pimpinan author).
/// A revision of a message that was already published goes straight back to Published on approval
/// (agents were sharing it all along; it needs no second publish step).</item>
/// <item>Approved → Published → Closed: a Humas officer, a Pimpinan or the author. A message under
/// re-review after publication can also be closed.</item>
/// <item>Withdraw: from any status except Closed and Withdrawn, same actors, with a reason.</item>
/// <item>Edit (author or a Humas officer): a Draft is edited in place; a Submitted message is edited in
/// place and returns to Draft, so it must be submitted again; an Approved or Published message gets a
/// new revision that is Submitted at once (checklist required), while agents keep sharing the last
/// approved revision.</item>
/// <item>An election check that is Blocked refuses Submit, Approve, Publish and a re-submitting edit;
/// Flagged requires the approver's neutrality confirmation to Approve or Publish.</item>
/// </list>
/// The status and the actor's right are checked first and, when they fail, are the only refusal;
/// otherwise every unmet condition is listed so the user can fix them all at once.
/// </summary>
public static class MessageWorkflow
{
    public const int MaxReasonLength = 500;

    public static WorkflowDecision Decide(MessageStatus current, MessageAction action, WorkflowActor actor, WorkflowFacts facts)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        var isAuthor = !string.IsNullOrEmpty(actor.UserId) && string.Equals(actor.UserId, facts.AuthorUserId, StringComparison.Ordinal);
        var canManage = actor.IsHumas || actor.IsPimpinan || isAuthor;

        return action switch
        {
            MessageAction.Submit => Submit(current, isAuthor, facts),
            MessageAction.Approve => Approve(current, actor, isAuthor, facts),
            MessageAction.Publish => Publish(current, canManage, facts),
            MessageAction.Close => Close(current, canManage, facts),
            MessageAction.Withdraw => Withdraw(current, canManage, facts),
            MessageAction.Edit => Edit(current, actor, isAuthor, facts),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>
    /// The actions whose status and role conditions the actor meets (for showing buttons); the
    /// checklist, election and reason are checked when the action is taken.
    /// </summary>
    public static IReadOnlyList<MessageAction> AvailableActions(MessageStatus current, WorkflowActor actor, string authorUserId, bool publishedBefore = false)
    {
        var probe = new WorkflowFacts
        {
            AuthorUserId = authorUserId,
            Checklist = MessageChecklist.Complete,
            ElectionReviewConfirmed = true,
            Reason = "-",
            PublishedBefore = publishedBefore,
        };
        return [.. Enum.GetValues<MessageAction>().Where(a => Decide(current, a, actor, probe).IsAllowed)];
    }

    private static WorkflowDecision Submit(MessageStatus current, bool isAuthor, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Submit;
        if (current != MessageStatus.Draft) return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.SubmitWrongStatus);
        if (!isAuthor) return Refuse(current, action, WorkflowRefusalCode.NotAuthor, PolicyMessageTexts.SubmitNotAuthor);

        var refusals = new List<WorkflowRefusal>();
        AddChecklist(refusals, facts.Checklist);
        AddElectionBlock(refusals, facts.Election);
        return Decision(current, action, MessageStatus.Submitted, refusals);
    }

    private static WorkflowDecision Approve(MessageStatus current, WorkflowActor actor, bool isAuthor, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Approve;
        if (current != MessageStatus.Submitted) return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.ApproveWrongStatus);
        if (isAuthor) return Refuse(current, action, WorkflowRefusalCode.SelfApproval, PolicyMessageTexts.SelfApproval);
        if (!actor.IsPimpinan && !actor.IsHumasApprover) return Refuse(current, action, WorkflowRefusalCode.NotApprover, PolicyMessageTexts.NotApprover);

        var refusals = new List<WorkflowRefusal>();
        AddElection(refusals, facts);
        return Decision(current, action, facts.PublishedBefore ? MessageStatus.Published : MessageStatus.Approved, refusals);
    }

    private static WorkflowDecision Publish(MessageStatus current, bool canManage, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Publish;
        if (current != MessageStatus.Approved) return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.PublishWrongStatus);
        if (!canManage) return Refuse(current, action, WorkflowRefusalCode.NotPermitted, PolicyMessageTexts.NotPermittedToManage);

        var refusals = new List<WorkflowRefusal>();
        AddElection(refusals, facts);
        return Decision(current, action, MessageStatus.Published, refusals);
    }

    private static WorkflowDecision Close(MessageStatus current, bool canManage, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Close;
        var open = current is MessageStatus.Draft or MessageStatus.Submitted or MessageStatus.Approved;
        if (current != MessageStatus.Published && !(open && facts.PublishedBefore))
            return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.CloseWrongStatus);
        if (!canManage) return Refuse(current, action, WorkflowRefusalCode.NotPermitted, PolicyMessageTexts.NotPermittedToManage);
        return Decision(current, action, MessageStatus.Closed, []);
    }

    private static WorkflowDecision Withdraw(MessageStatus current, bool canManage, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Withdraw;
        if (current is MessageStatus.Closed or MessageStatus.Withdrawn)
            return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.WithdrawWrongStatus);
        if (!canManage) return Refuse(current, action, WorkflowRefusalCode.NotPermitted, PolicyMessageTexts.NotPermittedToManage);

        var refusals = new List<WorkflowRefusal>();
        var reason = facts.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            refusals.Add(new(WorkflowRefusalCode.ReasonRequired, PolicyMessageTexts.WithdrawReasonRequired));
        else if (reason.Length > MaxReasonLength)
            refusals.Add(new(WorkflowRefusalCode.ReasonTooLong, PolicyMessageTexts.WithdrawReasonTooLong, [Num(MaxReasonLength), Num(reason.Length)]));
        return Decision(current, action, MessageStatus.Withdrawn, refusals);
    }

    private static WorkflowDecision Edit(MessageStatus current, WorkflowActor actor, bool isAuthor, WorkflowFacts facts)
    {
        const MessageAction action = MessageAction.Edit;
        if (current is MessageStatus.Closed or MessageStatus.Withdrawn)
            return Refuse(current, action, WorkflowRefusalCode.WrongStatus, PolicyMessageTexts.EditWrongStatus);
        if (!isAuthor && !actor.IsHumas) return Refuse(current, action, WorkflowRefusalCode.NotPermitted, PolicyMessageTexts.NotPermittedToEdit);

        if (current is MessageStatus.Draft or MessageStatus.Submitted)
        {
            // Editing a submitted message pulls it back: the approver must see what was finally submitted.
            var inPlace = new EditOutcome(EditKind.InPlace, MessageStatus.Draft, facts.ApprovedRevisionId, actor.UserId);
            return new WorkflowDecision(current, action, MessageStatus.Draft, [], inPlace);
        }

        // Approved or Published: the change is submitted at once as a new revision, so it must meet the submission rules.
        var refusals = new List<WorkflowRefusal>();
        AddChecklist(refusals, facts.Checklist);
        AddElectionBlock(refusals, facts.Election);
        if (refusals.Count > 0) return new WorkflowDecision(current, action, null, refusals, null);
        var revision = new EditOutcome(EditKind.NewRevision, MessageStatus.Submitted, facts.ApprovedRevisionId, actor.UserId);
        return new WorkflowDecision(current, action, MessageStatus.Submitted, [], revision);
    }

    private static void AddChecklist(List<WorkflowRefusal> refusals, MessageChecklist checklist)
    {
        if (!checklist.SourcesNamedAndVerified) refusals.Add(new(WorkflowRefusalCode.ChecklistSources, PolicyMessageTexts.ChecklistSourcesMissing));
        if (!checklist.NoHoaxSlanderOrSara) refusals.Add(new(WorkflowRefusalCode.ChecklistNoHoax, PolicyMessageTexts.ChecklistNoHoaxMissing));
        if (!checklist.NoPartisanContent) refusals.Add(new(WorkflowRefusalCode.ChecklistNoPartisan, PolicyMessageTexts.ChecklistNoPartisanMissing));
    }

    private static void AddElectionBlock(List<WorkflowRefusal> refusals, ElectionCheck election)
    {
        if (election.IsBlocked) refusals.Add(new(WorkflowRefusalCode.ElectionBlocked, PolicyMessageTexts.ElectionBlocked, [election.CandidateNames]));
    }

    private static void AddElection(List<WorkflowRefusal> refusals, WorkflowFacts facts)
    {
        AddElectionBlock(refusals, facts.Election);
        if (facts.Election.IsFlagged && !facts.ElectionReviewConfirmed)
            refusals.Add(new(WorkflowRefusalCode.ElectionReviewRequired, PolicyMessageTexts.ElectionReviewRequired, [facts.Election.PeriodNames]));
    }

    private static WorkflowDecision Refuse(MessageStatus current, MessageAction action, WorkflowRefusalCode code, string format) =>
        new(current, action, null, [new WorkflowRefusal(code, format)], null);

    private static WorkflowDecision Decision(MessageStatus current, MessageAction action, MessageStatus to, List<WorkflowRefusal> refusals) =>
        refusals.Count == 0 ? new(current, action, to, [], null) : new(current, action, null, refusals, null);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
