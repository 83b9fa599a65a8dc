namespace AgentProgram.Web.Domain.Reports;

/// <summary>What the dialogic-loop figure needs of one public response.</summary>
public readonly record struct DialogicItem(ResponseKind Kind, DateTime RecordedUtc, DateTime? ResolvedUtc);

/// <summary>
/// The dialogic-loop figure of a group of responses: how many needed an answer (questions and
/// complaints), how many of those were answered or referred to an official channel within the window,
/// and the share. <see cref="Rate"/> is null when nothing needed an answer (no figure, not 0 %).
/// </summary>
public sealed record DialogicLoopFigure(int Total, int NeedingAnswer, int ClosedWithinWindow, int StillOpen)
{
    public double? Rate => NeedingAnswer == 0 ? null : (double)ClosedWithinWindow / NeedingAnswer;
}

/// <summary>
/// Kent and Taylor's dialogic loop as a KPI: the share of public questions and complaints on agents'
/// posts answered or referred to the official channel within 24 hours of being recorded. Reported,
/// not rewarded. Pure: the caller supplies the responses and, where needed, the current time.
/// </summary>
public static class DialogicLoop
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Questions and complaints expect a reply; hoax reports and appreciation do not count toward the figure.</summary>
    public static bool NeedsAnswer(ResponseKind kind) => kind is ResponseKind.Question or ResponseKind.Complaint;

    public static bool ClosedWithinWindow(DateTime recordedUtc, DateTime? resolvedUtc) =>
        resolvedUtc is { } done && done - recordedUtc <= Window;

    public static DialogicLoopFigure Compute(IEnumerable<DialogicItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int total = 0, needing = 0, closed = 0, open = 0;
        foreach (var item in items)
        {
            total++;
            if (!NeedsAnswer(item.Kind)) continue;
            needing++;
            if (ClosedWithinWindow(item.RecordedUtc, item.ResolvedUtc)) closed++;
            if (item.ResolvedUtc is null) open++;
        }
        return new DialogicLoopFigure(total, needing, closed, open);
    }

    /// <summary>
    /// A response that needs an answer and has gone past the window: still open after 24 hours, or
    /// closed later than 24 hours after it was recorded. Marked red in the queue.
    /// </summary>
    public static bool IsOverdue(ResponseKind kind, DateTime recordedUtc, DateTime? resolvedUtc, DateTime nowUtc) =>
        NeedsAnswer(kind) && (resolvedUtc ?? nowUtc) - recordedUtc > Window;
}
