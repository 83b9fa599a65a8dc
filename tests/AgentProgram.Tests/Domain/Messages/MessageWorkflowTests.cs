using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Domain.Messages;

public class MessageWorkflowTests
{
    private const string AuthorId = "user-author";

    private static readonly WorkflowActor Author = new(AuthorId, IsHumas: true);
    private static readonly WorkflowActor AuthorWhoIsPimpinan = new(AuthorId, IsHumas: true, IsPimpinan: true, IsHumasApprover: true);
    private static readonly WorkflowActor Pimpinan = new("user-pimpinan", IsPimpinan: true);
    private static readonly WorkflowActor HumasApprover = new("user-approver", IsHumas: true, IsHumasApprover: true);
    private static readonly WorkflowActor HumasOfficer = new("user-humas", IsHumas: true);
    private static readonly WorkflowActor Agent = new("user-agent");

    private static readonly ElectionPeriod Campaign = new("Masa Kampanye Pilkada 2024", new DateTime(2024, 9, 24, 17, 0, 0, DateTimeKind.Utc), new DateTime(2024, 11, 23, 17, 0, 0, DateTimeKind.Utc));
    private static readonly ElectionCheck Flagged = new(ElectionVerdict.Flagged, [Campaign], []);
    private static readonly ElectionCheck Blocked = new(ElectionVerdict.Blocked, [], [new CandidateMention("Budi Santoso", "Judul", 10, 12, "budi  santoso")]);

    private static WorkflowFacts Facts(MessageChecklist? checklist = null, ElectionCheck? election = null, string? reason = null, bool reviewed = false, bool publishedBefore = false, int? approvedRevision = null) => new()
    {
        AuthorUserId = AuthorId,
        Checklist = checklist ?? MessageChecklist.Complete,
        Election = election ?? ElectionCheck.None,
        Reason = reason,
        ElectionReviewConfirmed = reviewed,
        PublishedBefore = publishedBefore,
        ApprovedRevisionId = approvedRevision,
    };

    private static WorkflowDecision Decide(MessageStatus from, MessageAction action, WorkflowActor actor, WorkflowFacts? facts = null) =>
        MessageWorkflow.Decide(from, action, actor, facts ?? Facts());

    private static void AssertAllowed(WorkflowDecision d, MessageStatus to)
    {
        Assert.True(d.IsAllowed, string.Join("; ", d.Refusals));
        Assert.Equal(to, d.To);
        Assert.Empty(d.Refusals);
    }

    private static void AssertRefused(WorkflowDecision d, params WorkflowRefusalCode[] codes)
    {
        Assert.False(d.IsAllowed);
        Assert.Null(d.To);
        Assert.Equal(codes, d.Refusals.Select(r => r.Code));
    }

    [Fact]
    public void The_happy_path_goes_draft_submitted_approved_published_closed()
    {
        AssertAllowed(Decide(MessageStatus.Draft, MessageAction.Submit, Author), MessageStatus.Submitted);
        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Approve, Pimpinan), MessageStatus.Approved);
        AssertAllowed(Decide(MessageStatus.Approved, MessageAction.Publish, Author), MessageStatus.Published);
        AssertAllowed(Decide(MessageStatus.Published, MessageAction.Close, HumasOfficer), MessageStatus.Closed);
    }

    // Submit

    [Fact]
    public void Only_the_author_submits()
    {
        var d = Decide(MessageStatus.Draft, MessageAction.Submit, HumasApprover);

        AssertRefused(d, WorkflowRefusalCode.NotAuthor);
        Assert.Equal(PolicyMessageTexts.SubmitNotAuthor, d.Refusals[0].Format);
        AssertRefused(Decide(MessageStatus.Draft, MessageAction.Submit, Pimpinan), WorkflowRefusalCode.NotAuthor);
    }

    [Fact]
    public void Submit_lists_every_unticked_checklist_statement()
    {
        var d = Decide(MessageStatus.Draft, MessageAction.Submit, Author, Facts(checklist: MessageChecklist.Empty));

        AssertRefused(d, WorkflowRefusalCode.ChecklistSources, WorkflowRefusalCode.ChecklistNoHoax, WorkflowRefusalCode.ChecklistNoPartisan);
        Assert.Contains("SE MenPANRB 137/2018", d.Refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("politik praktis", d.Refusals[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, true, WorkflowRefusalCode.ChecklistSources)]
    [InlineData(true, false, true, WorkflowRefusalCode.ChecklistNoHoax)]
    [InlineData(true, true, false, WorkflowRefusalCode.ChecklistNoPartisan)]
    public void Each_checklist_statement_is_required(bool sources, bool noHoax, bool noPartisan, WorkflowRefusalCode expected)
    {
        var checklist = new MessageChecklist(sources, noHoax, noPartisan);

        Assert.False(checklist.IsComplete);
        AssertRefused(Decide(MessageStatus.Draft, MessageAction.Submit, Author, Facts(checklist: checklist)), expected);
    }

    [Theory]
    [InlineData(MessageStatus.Submitted)]
    [InlineData(MessageStatus.Approved)]
    [InlineData(MessageStatus.Published)]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Only_a_draft_can_be_submitted(MessageStatus from)
    {
        var d = Decide(from, MessageAction.Submit, Author);

        AssertRefused(d, WorkflowRefusalCode.WrongStatus);
        Assert.Equal(PolicyMessageTexts.SubmitWrongStatus, d.Refusals[0].Format);
    }

    [Fact]
    public void A_wrong_status_is_the_only_refusal_even_when_other_things_are_wrong_too()
    {
        var d = Decide(MessageStatus.Closed, MessageAction.Submit, Agent, Facts(checklist: MessageChecklist.Empty, election: Blocked));

        AssertRefused(d, WorkflowRefusalCode.WrongStatus);
    }

    // Approve

    [Fact]
    public void A_pimpinan_or_an_allowed_humas_approver_approves()
    {
        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Approve, Pimpinan), MessageStatus.Approved);
        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Approve, HumasApprover), MessageStatus.Approved);
    }

    [Fact]
    public void A_humas_officer_without_the_approver_right_cannot_approve()
    {
        var d = Decide(MessageStatus.Submitted, MessageAction.Approve, HumasOfficer);

        AssertRefused(d, WorkflowRefusalCode.NotApprover);
        AssertRefused(Decide(MessageStatus.Submitted, MessageAction.Approve, Agent), WorkflowRefusalCode.NotApprover);
    }

    [Fact]
    public void The_author_cannot_approve_their_own_message_even_as_pimpinan_and_approver()
    {
        var d = Decide(MessageStatus.Submitted, MessageAction.Approve, AuthorWhoIsPimpinan);

        AssertRefused(d, WorkflowRefusalCode.SelfApproval);
        Assert.Equal(PolicyMessageTexts.SelfApproval, d.Refusals[0].Format);
        Assert.Contains("Anda tulis sendiri", d.Refusals[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorship_is_decided_by_user_id_not_by_a_flag()
    {
        var sameIdOtherRecord = new WorkflowActor(string.Concat("user-", "author"), IsPimpinan: true);
        var differentCase = new WorkflowActor("USER-AUTHOR", IsPimpinan: true);

        AssertRefused(Decide(MessageStatus.Submitted, MessageAction.Approve, sameIdOtherRecord), WorkflowRefusalCode.SelfApproval);
        // Identity user ids are exact strings: a different id is a different person.
        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Approve, differentCase), MessageStatus.Approved);
    }

    [Fact]
    public void An_empty_user_id_is_never_the_author()
    {
        var facts = Facts() with { AuthorUserId = "" };

        AssertRefused(MessageWorkflow.Decide(MessageStatus.Draft, MessageAction.Submit, new WorkflowActor(""), facts), WorkflowRefusalCode.NotAuthor);
    }

    [Theory]
    [InlineData(MessageStatus.Draft)]
    [InlineData(MessageStatus.Approved)]
    [InlineData(MessageStatus.Published)]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Only_a_submitted_message_can_be_approved(MessageStatus from) =>
        AssertRefused(Decide(from, MessageAction.Approve, Pimpinan), WorkflowRefusalCode.WrongStatus);

    // Publish and close

    [Theory]
    [InlineData(MessageStatus.Draft)]
    [InlineData(MessageStatus.Submitted)]
    [InlineData(MessageStatus.Published)]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Only_an_approved_message_can_be_published(MessageStatus from) =>
        AssertRefused(Decide(from, MessageAction.Publish, HumasOfficer), WorkflowRefusalCode.WrongStatus);

    [Fact]
    public void Publishing_is_for_humas_pimpinan_or_the_author()
    {
        AssertAllowed(Decide(MessageStatus.Approved, MessageAction.Publish, HumasOfficer), MessageStatus.Published);
        AssertAllowed(Decide(MessageStatus.Approved, MessageAction.Publish, Pimpinan), MessageStatus.Published);
        AssertAllowed(Decide(MessageStatus.Approved, MessageAction.Publish, new WorkflowActor(AuthorId)), MessageStatus.Published);
        AssertRefused(Decide(MessageStatus.Approved, MessageAction.Publish, Agent), WorkflowRefusalCode.NotPermitted);
    }

    [Theory]
    [InlineData(MessageStatus.Draft)]
    [InlineData(MessageStatus.Submitted)]
    [InlineData(MessageStatus.Approved)]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Only_a_published_message_can_be_closed(MessageStatus from) =>
        AssertRefused(Decide(from, MessageAction.Close, HumasOfficer), WorkflowRefusalCode.WrongStatus);

    [Fact]
    public void A_published_message_under_re_review_can_still_be_closed()
    {
        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Close, HumasOfficer, Facts(publishedBefore: true)), MessageStatus.Closed);
        AssertAllowed(Decide(MessageStatus.Draft, MessageAction.Close, HumasOfficer, Facts(publishedBefore: true)), MessageStatus.Closed);
        AssertRefused(Decide(MessageStatus.Published, MessageAction.Close, Agent), WorkflowRefusalCode.NotPermitted);
    }

    // Withdraw

    [Theory]
    [InlineData(MessageStatus.Draft)]
    [InlineData(MessageStatus.Submitted)]
    [InlineData(MessageStatus.Approved)]
    [InlineData(MessageStatus.Published)]
    public void Withdraw_works_from_every_open_status_with_a_reason(MessageStatus from) =>
        AssertAllowed(Decide(from, MessageAction.Withdraw, Pimpinan, Facts(reason: "Data anggaran diralat oleh Kementerian Keuangan.")), MessageStatus.Withdrawn);

    [Theory]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Closed_or_withdrawn_messages_cannot_be_withdrawn(MessageStatus from)
    {
        var d = Decide(from, MessageAction.Withdraw, Pimpinan, Facts(reason: "Alasan"));

        AssertRefused(d, WorkflowRefusalCode.WrongStatus);
        Assert.Equal(PolicyMessageTexts.WithdrawWrongStatus, d.Refusals[0].Format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Withdraw_requires_a_reason(string? reason)
    {
        var d = Decide(MessageStatus.Published, MessageAction.Withdraw, HumasOfficer, Facts(reason: reason));

        AssertRefused(d, WorkflowRefusalCode.ReasonRequired);
        Assert.Equal(PolicyMessageTexts.WithdrawReasonRequired, d.Refusals[0].Format);
    }

    [Fact]
    public void Withdraw_reason_has_a_maximum_length_counted_after_trimming()
    {
        var tooLong = Decide(MessageStatus.Published, MessageAction.Withdraw, HumasOfficer, Facts(reason: new string('a', MessageWorkflow.MaxReasonLength + 1)));
        var padded = Decide(MessageStatus.Published, MessageAction.Withdraw, HumasOfficer, Facts(reason: "  " + new string('a', MessageWorkflow.MaxReasonLength) + "  "));

        AssertRefused(tooLong, WorkflowRefusalCode.ReasonTooLong);
        Assert.Equal("Alasan penarikan paling banyak 500 karakter; saat ini 501 karakter.", tooLong.Refusals[0].Message);
        AssertAllowed(padded, MessageStatus.Withdrawn);
    }

    [Fact]
    public void An_agent_cannot_withdraw() =>
        AssertRefused(Decide(MessageStatus.Published, MessageAction.Withdraw, Agent, Facts(reason: "x")), WorkflowRefusalCode.NotPermitted);

    // Edit

    [Fact]
    public void Editing_a_draft_edits_in_place_and_stays_draft()
    {
        var d = Decide(MessageStatus.Draft, MessageAction.Edit, Author, Facts(checklist: MessageChecklist.Empty));

        AssertAllowed(d, MessageStatus.Draft);
        Assert.NotNull(d.Edit);
        Assert.Equal(EditKind.InPlace, d.Edit.Kind);
        Assert.False(d.Edit.NewRevisionRequired);
        Assert.Equal(MessageStatus.Draft, d.Edit.StatusAfter);
    }

    [Fact]
    public void Editing_a_submitted_message_returns_it_to_draft_so_it_must_be_submitted_again()
    {
        var edit = Decide(MessageStatus.Submitted, MessageAction.Edit, Author);

        AssertAllowed(edit, MessageStatus.Draft);
        Assert.Equal(EditKind.InPlace, edit.Edit!.Kind);
        AssertRefused(Decide(edit.To!.Value, MessageAction.Approve, Pimpinan), WorkflowRefusalCode.WrongStatus);
        AssertAllowed(Decide(edit.To!.Value, MessageAction.Submit, Author), MessageStatus.Submitted);
    }

    [Theory]
    [InlineData(MessageStatus.Approved)]
    [InlineData(MessageStatus.Published)]
    public void Editing_an_approved_or_published_message_makes_a_new_revision_that_needs_approval_again(MessageStatus from)
    {
        var d = Decide(from, MessageAction.Edit, Author, Facts(approvedRevision: 41));

        AssertAllowed(d, MessageStatus.Submitted);
        Assert.Equal(EditKind.NewRevision, d.Edit!.Kind);
        Assert.True(d.Edit.NewRevisionRequired);
        Assert.Equal(MessageStatus.Submitted, d.Edit.StatusAfter);
        Assert.Equal(41, d.Edit.KeepSharingRevisionId);
        Assert.Equal(AuthorId, d.Edit.RevisionAuthorUserId);
    }

    [Fact]
    public void A_published_message_edited_goes_back_to_published_once_the_revision_is_re_approved()
    {
        var edit = Decide(MessageStatus.Published, MessageAction.Edit, HumasOfficer, Facts(approvedRevision: 7));
        var revisionFacts = Facts(publishedBefore: true, approvedRevision: 7) with { AuthorUserId = edit.Edit!.RevisionAuthorUserId };

        // The editor becomes the author of the revision and cannot approve it…
        AssertRefused(MessageWorkflow.Decide(edit.To!.Value, MessageAction.Approve, HumasOfficer with { IsHumasApprover = true }, revisionFacts), WorkflowRefusalCode.SelfApproval);
        // …another approver can, and the message is live again at once (no second publish step).
        AssertAllowed(MessageWorkflow.Decide(edit.To!.Value, MessageAction.Approve, HumasApprover, revisionFacts), MessageStatus.Published);
        AssertAllowed(MessageWorkflow.Decide(edit.To!.Value, MessageAction.Approve, Pimpinan, revisionFacts), MessageStatus.Published);
    }

    [Fact]
    public void An_approved_but_never_published_message_edited_is_approved_again_then_published()
    {
        var edit = Decide(MessageStatus.Approved, MessageAction.Edit, Author, Facts(approvedRevision: 3));

        var approve = Decide(edit.To!.Value, MessageAction.Approve, Pimpinan, Facts(approvedRevision: 3));
        AssertAllowed(approve, MessageStatus.Approved);
        AssertAllowed(Decide(approve.To!.Value, MessageAction.Publish, Author), MessageStatus.Published);
    }

    [Fact]
    public void Editing_an_approved_message_needs_the_checklist_because_the_revision_is_submitted_at_once()
    {
        var d = Decide(MessageStatus.Published, MessageAction.Edit, Author, Facts(checklist: new MessageChecklist(true, true, false)));

        AssertRefused(d, WorkflowRefusalCode.ChecklistNoPartisan);
        Assert.Null(d.Edit);
    }

    [Fact]
    public void In_place_edits_keep_the_approved_revision_for_sharing()
    {
        var d = Decide(MessageStatus.Submitted, MessageAction.Edit, Author, Facts(publishedBefore: true, approvedRevision: 12));

        Assert.Equal(12, d.Edit!.KeepSharingRevisionId);
    }

    [Fact]
    public void A_humas_officer_editing_someone_elses_draft_becomes_its_author()
    {
        var d = Decide(MessageStatus.Draft, MessageAction.Edit, HumasOfficer);

        AssertAllowed(d, MessageStatus.Draft);
        Assert.Equal(HumasOfficer.UserId, d.Edit!.RevisionAuthorUserId);
    }

    [Fact]
    public void Agents_and_pimpinan_who_are_not_humas_cannot_edit()
    {
        AssertRefused(Decide(MessageStatus.Draft, MessageAction.Edit, Agent), WorkflowRefusalCode.NotPermitted);
        AssertRefused(Decide(MessageStatus.Published, MessageAction.Edit, Pimpinan), WorkflowRefusalCode.NotPermitted);
    }

    [Theory]
    [InlineData(MessageStatus.Closed)]
    [InlineData(MessageStatus.Withdrawn)]
    public void Closed_or_withdrawn_messages_cannot_be_edited(MessageStatus from)
    {
        var d = Decide(from, MessageAction.Edit, Author);

        AssertRefused(d, WorkflowRefusalCode.WrongStatus);
        Assert.Null(d.Edit);
    }

    // Election guard

    [Fact]
    public void A_blocked_election_check_refuses_submit_approve_publish_and_a_resubmitting_edit()
    {
        var facts = Facts(election: Blocked, reviewed: true);

        var submit = Decide(MessageStatus.Draft, MessageAction.Submit, Author, facts);
        AssertRefused(submit, WorkflowRefusalCode.ElectionBlocked);
        Assert.Contains("(Budi Santoso)", submit.Refusals[0].Message, StringComparison.Ordinal);
        AssertRefused(Decide(MessageStatus.Submitted, MessageAction.Approve, Pimpinan, facts), WorkflowRefusalCode.ElectionBlocked);
        AssertRefused(Decide(MessageStatus.Approved, MessageAction.Publish, HumasOfficer, facts), WorkflowRefusalCode.ElectionBlocked);
        AssertRefused(Decide(MessageStatus.Published, MessageAction.Edit, Author, facts), WorkflowRefusalCode.ElectionBlocked);
    }

    [Fact]
    public void A_blocked_message_can_still_be_edited_as_a_draft_withdrawn_or_closed()
    {
        var facts = Facts(election: Blocked, reason: "Menyebut calon kepala daerah.");

        AssertAllowed(Decide(MessageStatus.Draft, MessageAction.Edit, Author, facts), MessageStatus.Draft);
        AssertAllowed(Decide(MessageStatus.Published, MessageAction.Withdraw, Pimpinan, facts), MessageStatus.Withdrawn);
        AssertAllowed(Decide(MessageStatus.Published, MessageAction.Close, Pimpinan, facts), MessageStatus.Closed);
    }

    [Fact]
    public void Submit_and_checklist_problems_are_listed_together_with_the_block()
    {
        var d = Decide(MessageStatus.Draft, MessageAction.Submit, Author, Facts(checklist: new MessageChecklist(true, true, false), election: Blocked));

        AssertRefused(d, WorkflowRefusalCode.ChecklistNoPartisan, WorkflowRefusalCode.ElectionBlocked);
    }

    [Fact]
    public void A_flagged_message_can_be_submitted_but_approval_needs_the_neutrality_confirmation()
    {
        AssertAllowed(Decide(MessageStatus.Draft, MessageAction.Submit, Author, Facts(election: Flagged)), MessageStatus.Submitted);

        var unconfirmed = Decide(MessageStatus.Submitted, MessageAction.Approve, Pimpinan, Facts(election: Flagged));
        AssertRefused(unconfirmed, WorkflowRefusalCode.ElectionReviewRequired);
        Assert.Contains("Masa Kampanye Pilkada 2024", unconfirmed.Refusals[0].Message, StringComparison.Ordinal);

        AssertAllowed(Decide(MessageStatus.Submitted, MessageAction.Approve, Pimpinan, Facts(election: Flagged, reviewed: true)), MessageStatus.Approved);
    }

    [Fact]
    public void A_flagged_message_is_published_only_with_the_confirmation_recorded()
    {
        AssertRefused(Decide(MessageStatus.Approved, MessageAction.Publish, HumasOfficer, Facts(election: Flagged)), WorkflowRefusalCode.ElectionReviewRequired);
        AssertAllowed(Decide(MessageStatus.Approved, MessageAction.Publish, HumasOfficer, Facts(election: Flagged, reviewed: true)), MessageStatus.Published);
    }

    // Available actions

    [Fact]
    public void Available_actions_follow_status_and_role()
    {
        Assert.Equal([MessageAction.Submit, MessageAction.Withdraw, MessageAction.Edit], MessageWorkflow.AvailableActions(MessageStatus.Draft, Author, AuthorId));
        Assert.Equal([MessageAction.Withdraw, MessageAction.Edit], MessageWorkflow.AvailableActions(MessageStatus.Submitted, AuthorWhoIsPimpinan, AuthorId));
        Assert.Equal([MessageAction.Approve, MessageAction.Withdraw, MessageAction.Edit], MessageWorkflow.AvailableActions(MessageStatus.Submitted, HumasApprover, AuthorId));
        Assert.Equal([MessageAction.Close, MessageAction.Withdraw], MessageWorkflow.AvailableActions(MessageStatus.Published, Pimpinan, AuthorId));
        Assert.Empty(MessageWorkflow.AvailableActions(MessageStatus.Published, Agent, AuthorId));
        Assert.Empty(MessageWorkflow.AvailableActions(MessageStatus.Closed, HumasApprover, AuthorId));
    }

    [Fact]
    public void Every_status_and_action_has_a_label()
    {
        Assert.All(Enum.GetValues<MessageStatus>(), s => Assert.False(string.IsNullOrWhiteSpace(s.Label())));
        Assert.All(Enum.GetValues<MessageAction>(), a => Assert.False(string.IsNullOrWhiteSpace(a.Label())));
        Assert.All(Enum.GetValues<MessageSource>(), s => Assert.False(string.IsNullOrWhiteSpace(s.Label())));
        Assert.Equal("Narasi tunggal nasional", MessageSource.NationalNarrative.Label());
        Assert.Equal(Enum.GetValues<MessageStatus>().Length, Enum.GetValues<MessageStatus>().Select(s => s.Label()).Distinct().Count());
    }
}
