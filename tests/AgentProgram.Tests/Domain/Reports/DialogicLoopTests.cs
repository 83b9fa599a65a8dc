using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class DialogicLoopTests
{
    private static readonly DateTime T0 = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    private static DialogicItem Item(ResponseKind kind, double? closedAfterHours) =>
        new(kind, T0, closedAfterHours is { } h ? T0.AddHours(h) : null);

    [Fact]
    public void No_responses_give_no_rate_rather_than_zero()
    {
        var f = DialogicLoop.Compute([]);
        Assert.Equal(0, f.Total);
        Assert.Equal(0, f.NeedingAnswer);
        Assert.Null(f.Rate);
    }

    [Fact]
    public void Hoax_reports_and_appreciation_do_not_need_an_answer()
    {
        var f = DialogicLoop.Compute([Item(ResponseKind.HoaxReport, null), Item(ResponseKind.Appreciation, 2)]);
        Assert.Equal(2, f.Total);
        Assert.Equal(0, f.NeedingAnswer);
        Assert.Equal(0, f.ClosedWithinWindow);
        Assert.Null(f.Rate);
    }

    [Fact]
    public void Questions_and_complaints_closed_within_24_hours_count_and_later_or_open_ones_do_not()
    {
        var f = DialogicLoop.Compute(
        [
            Item(ResponseKind.Question, 23),       // in time
            Item(ResponseKind.Complaint, 24),      // exactly 24 h: in time
            Item(ResponseKind.Complaint, 24.01),   // late
            Item(ResponseKind.Question, null),     // still open
            Item(ResponseKind.Appreciation, 1),    // not counted
            Item(ResponseKind.HoaxReport, null),   // not counted
        ]);
        Assert.Equal(6, f.Total);
        Assert.Equal(4, f.NeedingAnswer);
        Assert.Equal(2, f.ClosedWithinWindow);
        Assert.Equal(1, f.StillOpen);
        Assert.Equal(0.5, f.Rate);
    }

    [Fact]
    public void All_closed_in_time_is_a_full_rate()
    {
        var f = DialogicLoop.Compute([Item(ResponseKind.Question, 0.5), Item(ResponseKind.Question, 3), Item(ResponseKind.Complaint, 10)]);
        Assert.Equal(1.0, f.Rate);
        Assert.Equal(0, f.StillOpen);
    }

    [Fact]
    public void One_of_three_is_a_third()
    {
        var f = DialogicLoop.Compute([Item(ResponseKind.Question, 1), Item(ResponseKind.Question, 30), Item(ResponseKind.Complaint, null)]);
        Assert.Equal(1.0 / 3, f.Rate!.Value, 10);
    }

    [Theory]
    [InlineData(ResponseKind.Question, 25, null, true)]      // open past 24 h
    [InlineData(ResponseKind.Question, 23, null, false)]     // open, still in time
    [InlineData(ResponseKind.Complaint, 100, 30.0, true)]    // closed late
    [InlineData(ResponseKind.Complaint, 100, 20.0, false)]   // closed in time, long ago
    [InlineData(ResponseKind.Appreciation, 100, null, false)] // never overdue
    [InlineData(ResponseKind.HoaxReport, 100, null, false)]
    public void Overdue_means_an_answer_was_needed_and_24_hours_passed(ResponseKind kind, double hoursSinceRecorded, double? closedAfterHours, bool overdue)
    {
        var now = T0.AddHours(hoursSinceRecorded);
        Assert.Equal(overdue, DialogicLoop.IsOverdue(kind, T0, closedAfterHours is { } h ? T0.AddHours(h) : null, now));
    }

    [Fact]
    public void The_rule_agrees_with_the_entity()
    {
        foreach (var kind in Enum.GetValues<ResponseKind>())
        {
            var r = new PublicResponse { Kind = kind, RecordedUtc = T0, ResolvedUtc = T0.AddHours(24) };
            Assert.Equal(r.NeedsAnswer, DialogicLoop.NeedsAnswer(kind));
            Assert.Equal(r.ClosedWithin24Hours, DialogicLoop.ClosedWithinWindow(r.RecordedUtc, r.ResolvedUtc));
        }
        var late = new PublicResponse { Kind = ResponseKind.Question, RecordedUtc = T0, ResolvedUtc = T0.AddHours(25) };
        Assert.Equal(late.ClosedWithin24Hours, DialogicLoop.ClosedWithinWindow(late.RecordedUtc, late.ResolvedUtc));
    }
}
