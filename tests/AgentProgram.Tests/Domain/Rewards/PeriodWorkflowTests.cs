using AgentProgram.Web.Domain.Rewards;

namespace AgentProgram.Tests.Domain.Rewards;

public sealed class PeriodWorkflowTests
{
    private static readonly PeriodActor Humas = new(IsHumas: true, IsPimpinan: false, IsAdministrator: false);
    private static readonly PeriodActor Pimpinan = new(IsHumas: false, IsPimpinan: true, IsAdministrator: false);
    private static readonly PeriodActor Admin = new(IsHumas: false, IsPimpinan: false, IsAdministrator: true);
    private static readonly PeriodActor Hr = new(IsHumas: false, IsPimpinan: false, IsAdministrator: false);

    [Theory]
    [InlineData(PeriodState.Open, true)]
    [InlineData(PeriodState.Calculated, true)]
    [InlineData(PeriodState.Approved, false)]
    [InlineData(PeriodState.Closed, false)]
    public void Humas_calculates_only_open_or_calculated_periods(PeriodState state, bool allowed)
    {
        var d = PeriodWorkflow.Decide(PeriodAction.Calculate, Humas, state);
        Assert.Equal(allowed, d.IsAllowed);
        if (allowed) Assert.Equal(PeriodState.Calculated, d.To);
        else Assert.Equal(PeriodWorkflow.CalculateFrozen, d.Refusal);
    }

    [Fact]
    public void Only_Humas_calculates()
    {
        foreach (var actor in new[] { Pimpinan, Admin, Hr })
        {
            var d = PeriodWorkflow.Decide(PeriodAction.Calculate, actor, PeriodState.Open);
            Assert.False(d.IsAllowed);
            Assert.True(d.IsRoleRefusal);
            Assert.Equal(PeriodWorkflow.NotYourRole, d.Refusal);
        }
    }

    [Fact]
    public void Pimpinan_approves_a_calculated_period_with_a_current_run()
    {
        var d = PeriodWorkflow.Decide(PeriodAction.Approve, Pimpinan, PeriodState.Calculated, hasCurrentRun: true);
        Assert.True(d.IsAllowed);
        Assert.Equal(PeriodState.Approved, d.To);

        Assert.Equal(PeriodWorkflow.ApproveNeedsRun, PeriodWorkflow.Decide(PeriodAction.Approve, Pimpinan, PeriodState.Calculated, hasCurrentRun: false).Refusal);
        Assert.Equal(PeriodWorkflow.ApproveNeedsCalculated, PeriodWorkflow.Decide(PeriodAction.Approve, Pimpinan, PeriodState.Open, hasCurrentRun: true).Refusal);
        Assert.Equal(PeriodWorkflow.ApproveNeedsCalculated, PeriodWorkflow.Decide(PeriodAction.Approve, Pimpinan, PeriodState.Approved, hasCurrentRun: true).Refusal);
        Assert.True(PeriodWorkflow.Decide(PeriodAction.Approve, Humas, PeriodState.Calculated, hasCurrentRun: true).IsRoleRefusal);
        Assert.True(PeriodWorkflow.Decide(PeriodAction.Approve, Admin, PeriodState.Calculated, hasCurrentRun: true).IsRoleRefusal);
    }

    [Fact]
    public void Humas_or_Pimpinan_close_an_approved_period()
    {
        Assert.Equal(PeriodState.Closed, PeriodWorkflow.Decide(PeriodAction.Close, Humas, PeriodState.Approved).To);
        Assert.Equal(PeriodState.Closed, PeriodWorkflow.Decide(PeriodAction.Close, Pimpinan, PeriodState.Approved).To);
        Assert.Equal(PeriodWorkflow.CloseNeedsApproved, PeriodWorkflow.Decide(PeriodAction.Close, Humas, PeriodState.Calculated).Refusal);
        Assert.True(PeriodWorkflow.Decide(PeriodAction.Close, Admin, PeriodState.Approved).IsRoleRefusal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("   ", false)]
    [InlineData("terlalu  ", false)]
    [InlineData("  Data salah ", true)]
    [InlineData("Laporan unit keliru dan telah dikoreksi", true)]
    public void Reopening_needs_a_reason_of_at_least_ten_characters(string? reason, bool allowed)
    {
        var d = PeriodWorkflow.Decide(PeriodAction.Reopen, Admin, PeriodState.Closed, hasCurrentRun: true, reason);
        Assert.Equal(allowed, d.IsAllowed);
        if (allowed)
        {
            Assert.Equal(PeriodState.Open, d.To);
            Assert.Equal(reason!.Trim(), d.Reason);
        }
        else
        {
            Assert.Equal(PeriodWorkflow.ReopenReasonRequired, d.Refusal);
        }
    }

    [Fact]
    public void Only_an_administrator_reopens_and_only_a_closed_period()
    {
        const string reason = "Ada laporan yang salah verifikasi";
        Assert.True(PeriodWorkflow.Decide(PeriodAction.Reopen, Humas, PeriodState.Closed, true, reason).IsRoleRefusal);
        Assert.True(PeriodWorkflow.Decide(PeriodAction.Reopen, Pimpinan, PeriodState.Closed, true, reason).IsRoleRefusal);
        Assert.Equal(PeriodWorkflow.ReopenNeedsClosed, PeriodWorkflow.Decide(PeriodAction.Reopen, Admin, PeriodState.Approved, true, reason).Refusal);
        Assert.Equal(PeriodWorkflow.ReopenReasonTooLong, PeriodWorkflow.Decide(PeriodAction.Reopen, Admin, PeriodState.Closed, true, new string('x', 501)).Refusal);
    }

    [Theory]
    [InlineData(PeriodState.Open, true)]
    [InlineData(PeriodState.Calculated, true)]
    [InlineData(PeriodState.Approved, false)]
    [InlineData(PeriodState.Closed, false)]
    public void Notes_are_editable_by_Humas_until_frozen(PeriodState state, bool allowed)
    {
        Assert.Equal(allowed, PeriodWorkflow.Decide(PeriodAction.EditNotes, Humas, state).IsAllowed);
        Assert.False(PeriodWorkflow.Decide(PeriodAction.EditNotes, Pimpinan, state).IsAllowed);
    }

    [Fact]
    public void Available_actions_follow_role_and_state()
    {
        Assert.Equal([PeriodAction.Calculate, PeriodAction.EditNotes], PeriodWorkflow.Available(Humas, PeriodState.Open, false));
        Assert.Equal([PeriodAction.Approve], PeriodWorkflow.Available(Pimpinan, PeriodState.Calculated, true));
        Assert.Empty(PeriodWorkflow.Available(Pimpinan, PeriodState.Calculated, false));
        Assert.Equal([PeriodAction.Close], PeriodWorkflow.Available(Humas, PeriodState.Approved, true));
        Assert.Equal([PeriodAction.Reopen], PeriodWorkflow.Available(Admin, PeriodState.Closed, true));
        Assert.Empty(PeriodWorkflow.Available(Hr, PeriodState.Calculated, true));
        Assert.Empty(PeriodWorkflow.Available(Admin, PeriodState.Approved, true));
    }

    [Fact]
    public void Monthly_periods_cover_the_whole_month_and_are_named_in_Indonesian()
    {
        var oct = PeriodDates.Monthly(2026, 10);
        Assert.Equal(new DateOnly(2026, 10, 1), oct.Start);
        Assert.Equal(new DateOnly(2026, 10, 31), oct.End);
        Assert.Equal("Oktober 2026", oct.Name);

        var feb = PeriodDates.Monthly(2028, 2); // a leap year
        Assert.Equal(new DateOnly(2028, 2, 29), feb.End);
        Assert.Equal("Februari 2028", feb.Name);
        Assert.Equal(29, feb.Days);
    }

    [Theory]
    [InlineData(1, 1, 1, 3, 31, "Triwulan I 2026")]
    [InlineData(2, 4, 1, 6, 30, "Triwulan II 2026")]
    [InlineData(3, 7, 1, 9, 30, "Triwulan III 2026")]
    [InlineData(4, 10, 1, 12, 31, "Triwulan IV 2026")]
    public void Quarters(int q, int startMonth, int startDay, int endMonth, int endDay, string name)
    {
        var r = PeriodDates.Quarterly(2026, q);
        Assert.Equal(new DateOnly(2026, startMonth, startDay), r.Start);
        Assert.Equal(new DateOnly(2026, endMonth, endDay), r.End);
        Assert.Equal(name, r.Name);
    }

    [Fact]
    public void Semesters()
    {
        var first = PeriodDates.Semester(2026, 1);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), "Semester I 2026"), (first.Start, first.End, first.Name));
        var second = PeriodDates.Semester(2026, 2);
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31), "Semester II 2026"), (second.Start, second.End, second.Name));
    }

    [Fact]
    public void Out_of_range_parts_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodDates.Monthly(2026, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodDates.Quarterly(2026, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodDates.Semester(2026, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodDates.Monthly(1999, 1));
    }

    [Fact]
    public void Custom_ranges_are_validated()
    {
        var (ok, error) = PeriodDates.Custom(new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 14));
        Assert.Null(error);
        Assert.Equal("15 Maret – 14 April 2026", ok!.Name);
        Assert.Equal(31, ok.Days);

        Assert.Equal("20 Desember 2026 – 10 Januari 2027", PeriodDates.Custom(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10)).Range!.Name);
        Assert.Null(PeriodDates.Custom(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1)).Error); // one day
        Assert.Equal(PeriodDates.EndBeforeStart, PeriodDates.Custom(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1)).Error);
        Assert.Null(PeriodDates.Custom(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)).Error); // 366 days
        Assert.Equal(PeriodDates.TooLong, PeriodDates.Custom(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 2)).Error); // 367 days
        Assert.Equal(PeriodDates.YearOutOfRange, PeriodDates.Custom(new DateOnly(1999, 12, 1), new DateOnly(2000, 1, 1)).Error);
    }
}
