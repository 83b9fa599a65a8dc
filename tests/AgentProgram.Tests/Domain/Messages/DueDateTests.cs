using System.Globalization;
using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Domain.Messages;

public class DueDateTests
{
    private static readonly DateTime From = new(2026, 11, 22, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Until = new(2026, 11, 29, 16, 59, 0, DateTimeKind.Utc);

    private static string Wib(DateTime utc) => utc.AddHours(7).ToString("dd/MM/yyyy HH.mm", CultureInfo.InvariantCulture) + " WIB";

    [Fact]
    public void Both_ends_of_the_active_window_are_allowed()
    {
        Assert.Null(DueDate.Check(From, From, Until));
        Assert.Null(DueDate.Check(Until, From, Until));
        Assert.True(DueDate.IsValid(From.AddDays(3), From, Until));
    }

    [Fact]
    public void Before_the_window_is_refused_with_the_window_in_the_message()
    {
        var problem = DueDate.Check(From.AddMinutes(-1), From, Until);

        Assert.NotNull(problem);
        Assert.Equal(DueDateProblemCode.BeforeWindow, problem.Code);
        var text = string.Format(CultureInfo.InvariantCulture, problem.Format, problem.Args(Wib));
        Assert.Equal("Batas waktu tidak boleh sebelum pesan mulai aktif. Pilih waktu antara 22/11/2026 08.00 WIB dan 29/11/2026 23.59 WIB.", text);
    }

    [Fact]
    public void After_the_window_is_refused()
    {
        var problem = DueDate.Check(Until.AddTicks(1), From, Until);

        Assert.Equal(DueDateProblemCode.AfterWindow, problem!.Code);
        Assert.Equal(PolicyMessageTexts.DueAfterWindow, problem.Format);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_reported_first()
    {
        Assert.Equal(DueDateProblemCode.WindowEndBeforeStart, DueDate.Check(From, Until, From)!.Code);
        Assert.Equal(DueDateProblemCode.WindowEndBeforeStart, DueDate.Check(From, From, From)!.Code);
    }

    [Fact]
    public void With_now_given_a_due_date_in_the_past_is_refused()
    {
        var now = From.AddDays(2);

        Assert.Equal(DueDateProblemCode.InPast, DueDate.Check(From.AddDays(1), From, Until, now)!.Code);
        Assert.Null(DueDate.Check(now, From, Until, now));
        Assert.Null(DueDate.Check(From.AddDays(1), From, Until));
    }
}
