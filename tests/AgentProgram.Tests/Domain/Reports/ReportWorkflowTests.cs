using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class ReportWorkflowTests
{
    private const string AgentId = "agent-1";
    private static readonly ReportActor Agent = new(AgentId);
    private static readonly ReportActor OtherAgent = new("agent-2");
    private static readonly ReportActor Humas = new("humas-1", IsHumas: true);
    private static readonly ReportActor HumasApprover = new("humas-2", IsHumas: true, IsHumasApprover: true);
    private static readonly ReportActor Pimpinan = new("pimpinan-1", IsPimpinan: true);

    /// <summary>A Humas officer who is also an agent and reported this share.</summary>
    private static readonly ReportActor HumasWhoIsTheAgent = new(AgentId, IsHumas: true, IsPimpinan: true, IsHumasApprover: true);

    private static ReportFacts Facts(ReportState state, int corrections = 0) => new(state, AgentId, corrections);

    [Theory]
    [InlineData(ReportAction.Verify, ReportState.Verified)]
    [InlineData(ReportAction.Reject, ReportState.Rejected)]
    public void Humas_or_Pimpinan_decide_a_pending_report(ReportAction action, ReportState to)
    {
        foreach (var actor in new[] { Humas, HumasApprover, Pimpinan })
        {
            var decision = ReportWorkflow.Decide(action, actor, Facts(ReportState.Pending), "  Tangkapan layar bukan dari unggahan ini.  ");

            Assert.True(decision.IsAllowed);
            Assert.Equal(to, decision.To);
            Assert.Equal(ReportState.Pending, decision.From);
            Assert.Equal("Tangkapan layar bukan dari unggahan ini.", decision.Reason);
        }
    }

    [Theory]
    [InlineData(ReportAction.Verify, ReportState.Verified)]
    [InlineData(ReportAction.Verify, ReportState.Rejected)]
    [InlineData(ReportAction.Reject, ReportState.Verified)]
    [InlineData(ReportAction.Reject, ReportState.Rejected)]
    public void Verify_and_reject_only_from_pending(ReportAction action, ReportState from)
    {
        var decision = ReportWorkflow.Decide(action, Humas, Facts(from), "alasan");

        Assert.False(decision.IsAllowed);
        Assert.Null(decision.To);
        Assert.Equal(ReportRefusalCode.WrongState, Assert.Single(decision.Refusals).Code);
    }

    [Theory]
    [InlineData(ReportAction.Verify)]
    [InlineData(ReportAction.Reject)]
    public void An_agent_cannot_decide_reports(ReportAction action)
    {
        Assert.True(ReportWorkflow.Decide(action, OtherAgent, Facts(ReportState.Pending), "x").IsRefusedFor(ReportRefusalCode.NotVerifier));
    }

    [Theory]
    [InlineData(ReportAction.Verify)]
    [InlineData(ReportAction.Reject)]
    public void Nobody_decides_their_own_report(ReportAction action)
    {
        Assert.True(ReportWorkflow.Decide(action, HumasWhoIsTheAgent, Facts(ReportState.Pending), "x").IsRefusedFor(ReportRefusalCode.OwnReport));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_needs_a_reason(string? reason)
    {
        var decision = ReportWorkflow.Decide(ReportAction.Reject, Humas, Facts(ReportState.Pending), reason);

        Assert.Equal(ReportRefusalCode.ReasonRequired, Assert.Single(decision.Refusals).Code);
        Assert.Null(decision.To);
    }

    [Fact]
    public void A_reason_has_a_maximum_length()
    {
        var decision = ReportWorkflow.Decide(ReportAction.Reject, Humas, Facts(ReportState.Pending), new string('a', ReportWorkflow.MaxReasonLength + 1));

        var refusal = Assert.Single(decision.Refusals);
        Assert.Equal(ReportRefusalCode.ReasonTooLong, refusal.Code);
        Assert.Equal([ReportWorkflow.MaxReasonLength, ReportWorkflow.MaxReasonLength + 1], refusal.Args);
    }

    [Fact]
    public void Verifying_needs_no_reason()
    {
        Assert.True(ReportWorkflow.Decide(ReportAction.Verify, Humas, Facts(ReportState.Pending)).IsAllowed);
    }

    [Fact]
    public void The_agent_corrects_a_rejected_report_once_and_it_goes_back_to_the_queue()
    {
        var first = ReportWorkflow.Decide(ReportAction.Correct, Agent, Facts(ReportState.Rejected));

        Assert.True(first.IsAllowed);
        Assert.Equal(ReportState.Pending, first.To);
        Assert.Equal(1, first.CorrectionCount);

        var second = ReportWorkflow.Decide(ReportAction.Correct, Agent, Facts(ReportState.Rejected, first.CorrectionCount));

        var refusal = Assert.Single(second.Refusals);
        Assert.Equal(ReportRefusalCode.CorrectionUsed, refusal.Code);
        Assert.Equal(1, second.CorrectionCount);
    }

    [Theory]
    [InlineData(ReportState.Pending)]
    [InlineData(ReportState.Verified)]
    public void Only_a_rejected_report_can_be_corrected(ReportState from)
    {
        Assert.True(ReportWorkflow.Decide(ReportAction.Correct, Agent, Facts(from)).IsRefusedFor(ReportRefusalCode.WrongState));
    }

    [Fact]
    public void Only_the_reports_agent_corrects_it()
    {
        foreach (var actor in new[] { OtherAgent, Humas, Pimpinan })
            Assert.True(ReportWorkflow.Decide(ReportAction.Correct, actor, Facts(ReportState.Rejected)).IsRefusedFor(ReportRefusalCode.NotReportAgent));
    }

    [Theory]
    [InlineData(ReportState.Verified, ReportState.Rejected)]
    [InlineData(ReportState.Rejected, ReportState.Verified)]
    public void Pimpinan_or_a_Humas_approver_reverse_a_decision_with_a_reason(ReportState from, ReportState to)
    {
        foreach (var actor in new[] { Pimpinan, HumasApprover })
        {
            var decision = ReportWorkflow.Decide(ReportAction.Reverse, actor, Facts(from, corrections: 1), "Angka publik ternyata sesuai.");

            Assert.True(decision.IsAllowed);
            Assert.Equal(to, decision.To);
            Assert.Equal(1, decision.CorrectionCount);
        }
    }

    [Fact]
    public void A_plain_Humas_officer_cannot_reverse()
    {
        Assert.True(ReportWorkflow.Decide(ReportAction.Reverse, Humas, Facts(ReportState.Verified), "x").IsRefusedFor(ReportRefusalCode.NotReverser));
    }

    [Fact]
    public void The_reports_own_agent_never_reverses_even_with_every_role()
    {
        Assert.True(ReportWorkflow.Decide(ReportAction.Reverse, HumasWhoIsTheAgent, Facts(ReportState.Rejected), "x").IsRefusedFor(ReportRefusalCode.OwnReport));
    }

    [Fact]
    public void Reversing_needs_a_reason_and_a_decision()
    {
        Assert.True(ReportWorkflow.Decide(ReportAction.Reverse, Pimpinan, Facts(ReportState.Verified), " ").IsRefusedFor(ReportRefusalCode.ReasonRequired));
        Assert.True(ReportWorkflow.Decide(ReportAction.Reverse, Pimpinan, Facts(ReportState.Pending), "x").IsRefusedFor(ReportRefusalCode.WrongState));
    }

    [Fact]
    public void Available_actions_follow_state_and_role()
    {
        Assert.Equal([ReportAction.Verify, ReportAction.Reject], ReportWorkflow.AvailableActions(Humas, Facts(ReportState.Pending)));
        Assert.Equal([ReportAction.Reverse], ReportWorkflow.AvailableActions(Pimpinan, Facts(ReportState.Rejected)));
        Assert.Empty(ReportWorkflow.AvailableActions(Humas, Facts(ReportState.Rejected)));
        Assert.Equal([ReportAction.Correct], ReportWorkflow.AvailableActions(Agent, Facts(ReportState.Rejected)));
        Assert.Empty(ReportWorkflow.AvailableActions(Agent, Facts(ReportState.Rejected, corrections: 1)));
        Assert.Empty(ReportWorkflow.AvailableActions(Agent, Facts(ReportState.Pending)));
    }

    [Fact]
    public void Every_state_has_a_label()
    {
        Assert.Equal(3, Enum.GetValues<ReportState>().Select(ReportWorkflow.Label).Distinct().Count());
    }
}
