namespace AgentProgram.Web.Domain.Messages;

public enum DueDateProblemCode
{
    WindowEndBeforeStart = 1,
    BeforeWindow = 2,
    AfterWindow = 3,
    InPast = 4,
}

/// <summary>
/// Why a due date is not accepted. <see cref="Format"/> is the localizer key; its placeholders are
/// {0} = the start and {1} = the end of the message's active window, which the caller formats in
/// the institution's time zone: <c>l[p.Format, p.Args(display.DateTime)]</c>.
/// </summary>
public sealed record DueDateProblem(DueDateProblemCode Code, string Format, DateTime WindowFromUtc, DateTime WindowUntilUtc)
{
    public object[] Args(Func<DateTime, string> formatUtc)
    {
        ArgumentNullException.ThrowIfNull(formatUtc);
        return [formatUtc(WindowFromUtc), formatUtc(WindowUntilUtc)];
    }
}

/// <summary>
/// An assignment's due date lies inside the message's active window, both ends included:
/// from ≤ due ≤ until. With <c>nowUtc</c> given (new assignments), it must also not be past.
/// All instants are UTC.
/// </summary>
public static class DueDate
{
    public static DueDateProblem? Check(DateTime dueUtc, DateTime windowFromUtc, DateTime windowUntilUtc, DateTime? nowUtc = null)
    {
        DueDateProblem Problem(DueDateProblemCode code, string format) => new(code, format, windowFromUtc, windowUntilUtc);

        if (windowUntilUtc <= windowFromUtc) return Problem(DueDateProblemCode.WindowEndBeforeStart, PolicyMessageTexts.WindowEndBeforeStart);
        if (dueUtc < windowFromUtc) return Problem(DueDateProblemCode.BeforeWindow, PolicyMessageTexts.DueBeforeWindow);
        if (dueUtc > windowUntilUtc) return Problem(DueDateProblemCode.AfterWindow, PolicyMessageTexts.DueAfterWindow);
        if (nowUtc is DateTime now && dueUtc < now) return Problem(DueDateProblemCode.InPast, PolicyMessageTexts.DueInPast);
        return null;
    }

    public static bool IsValid(DateTime dueUtc, DateTime windowFromUtc, DateTime windowUntilUtc, DateTime? nowUtc = null) =>
        Check(dueUtc, windowFromUtc, windowUntilUtc, nowUtc) is null;
}
