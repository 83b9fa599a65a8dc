using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Reports;

/// <summary>When a reading counts as the 24-hour or the 7-day figure.</summary>
public sealed record SnapshotOptions
{
    public static readonly SnapshotOptions Default = new();

    /// <summary>A reading between these times after posting is the 24-hour figure.</summary>
    public TimeSpan Hours24From { get; init; } = TimeSpan.FromHours(20);

    public TimeSpan Hours24Until { get; init; } = TimeSpan.FromHours(30);

    /// <summary>A reading between these times after posting is the 7-day figure.</summary>
    public TimeSpan Days7From { get; init; } = TimeSpan.FromDays(6);

    public TimeSpan Days7Until { get; init; } = TimeSpan.FromDays(8);

    /// <summary>Clock leeway for "taken before the post" and "taken in the future".</summary>
    public TimeSpan ClockTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Any number above this is a typing slip.</summary>
    public long MaxCount { get; init; } = ShareReportOptions.Default.MaxCount;
}

/// <summary>A cumulative number that is lower in a later reading than in an earlier one.</summary>
/// <param name="Earlier">The highest earlier reading of the number.</param>
/// <param name="Later">The reading that is lower.</param>
public sealed record MetricDecrease(MetricKind Kind, MetricSnapshot Earlier, MetricSnapshot Later)
{
    public long EarlierValue => Earlier.Values[Kind] ?? 0;

    public long LaterValue => Later.Values[Kind] ?? 0;

    public long Drop => EarlierValue - LaterValue;
}

/// <summary>
/// The outcome of adding a snapshot: the window it belongs to, the problems that refuse it, and the
/// numbers it makes fall (not a refusal: Humas sees a flag).
/// </summary>
public sealed record SnapshotCheck(SnapshotWindow Window, IReadOnlyList<ShareReportProblem> Problems, IReadOnlyList<MetricDecrease> Decreases)
{
    public bool IsAccepted => Problems.Count == 0;
}

/// <summary>
/// Snapshots of a post's numbers (DOMAIN.md §8): each reading is stored as a new snapshot with its
/// source and window and is never changed or overwritten. Views, reach, likes, comments, reposts and
/// saves are lifetime counters: a later reading lower than an earlier one is flagged (likes can be
/// withdrawn, comments deleted, and sources differ), never refused.
/// </summary>
public static class SnapshotRules
{
    /// <summary>24-hour content: Instagram stories and WhatsApp Status; their numbers are final within 24 hours.</summary>
    public static bool IsEphemeral(Platform platform, PostKind? kind) => platform == Platform.WhatsApp || kind == PostKind.Story;

    /// <summary>
    /// The window of a reading: 24 hours when taken 20–30 hours after posting (for 24-hour content, any
    /// time up to 30 hours), 7 days when taken 6–8 days after, otherwise Other (also when taken before
    /// the post).
    /// </summary>
    public static SnapshotWindow WindowFor(DateTime postedUtc, DateTime takenUtc, bool ephemeral = false, SnapshotOptions? options = null)
    {
        options ??= SnapshotOptions.Default;
        var elapsed = takenUtc - postedUtc;
        if (elapsed < TimeSpan.Zero) return SnapshotWindow.Other;
        if (elapsed <= options.Hours24Until && (ephemeral || elapsed >= options.Hours24From)) return SnapshotWindow.Hours24;
        if (elapsed >= options.Days7From && elapsed <= options.Days7Until) return SnapshotWindow.Days7;
        return SnapshotWindow.Other;
    }

    /// <summary>
    /// Checks a new reading against the post and the readings already stored. Refused: no number at
    /// all, a negative or absurd number, taken before the post or in the future, or the very same
    /// reading again (same source, time and numbers: a double submit). Otherwise it is added beside
    /// the others, and <see cref="SnapshotCheck.Decreases"/> lists the numbers it makes fall.
    /// </summary>
    public static SnapshotCheck Check(MetricSnapshot candidate, DateTime postedUtc, IReadOnlyCollection<MetricSnapshot> existing, DateTime nowUtc, bool ephemeral = false, SnapshotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        options ??= SnapshotOptions.Default;
        var problems = new List<ShareReportProblem>();

        if (!candidate.Values.HasAny)
            problems.Add(new(ShareReportFields.Numbers, ShareReportProblemCode.NumbersEmpty, ReportTexts.SnapshotEmpty, []));
        problems.AddRange(ShareReportRules.NumberProblems(candidate.Values, options.MaxCount));

        if (candidate.TakenUtc < postedUtc - options.ClockTolerance)
            problems.Add(new(ShareReportFields.TakenAt, ShareReportProblemCode.TakenBeforePost, ReportTexts.SnapshotBeforePost, [candidate.TakenUtc, postedUtc]));
        else if (candidate.TakenUtc > nowUtc + options.ClockTolerance)
            problems.Add(new(ShareReportFields.TakenAt, ShareReportProblemCode.TakenInFuture, ReportTexts.SnapshotInFuture, [candidate.TakenUtc]));

        if (existing.Any(e => e.Source == candidate.Source && e.TakenUtc == candidate.TakenUtc && e.Values == candidate.Values))
            problems.Add(new(ShareReportFields.Numbers, ShareReportProblemCode.DuplicateSnapshot, ReportTexts.SnapshotDuplicate, []));

        var probe = candidate with { Id = CandidateId(existing) };
        var decreases = problems.Count > 0
            ? []
            : Decreases([.. existing, probe])
                .Where(d => ReferenceEquals(d.Earlier, probe) || ReferenceEquals(d.Later, probe))
                .Select(d => new MetricDecrease(d.Kind, ReferenceEquals(d.Earlier, probe) ? candidate : d.Earlier, ReferenceEquals(d.Later, probe) ? candidate : d.Later))
                .ToList();
        return new SnapshotCheck(WindowFor(postedUtc, candidate.TakenUtc, ephemeral, options), problems, decreases);
    }

    /// <summary>
    /// Every fall of a cumulative number: readings in time order (then by id), each compared with the
    /// highest earlier reading of the same number. One entry per falling reading and number.
    /// </summary>
    public static IReadOnlyList<MetricDecrease> Decreases(IEnumerable<MetricSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var ordered = snapshots.OrderBy(s => s.TakenUtc).ThenBy(s => s.Id).ToList();
        var result = new List<MetricDecrease>();
        foreach (var kind in MetricValues.Kinds)
        {
            MetricSnapshot? peak = null;
            foreach (var s in ordered)
            {
                if (s.Values[kind] is not long value) continue;
                if (peak is not null && value < peak.Values[kind]!.Value && s.TakenUtc > peak.TakenUtc)
                    result.Add(new(kind, peak, s));
                if (peak is null || value > peak.Values[kind]!.Value) peak = s;
            }
        }
        return result;
    }

    /// <summary>
    /// The figure for a window: among its snapshots, the most trusted source, then the latest reading.
    /// Null when the window has none.
    /// </summary>
    public static MetricSnapshot? Best(IEnumerable<MetricSnapshot> snapshots, DateTime postedUtc, SnapshotWindow window, bool ephemeral = false, SnapshotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots
            .Where(s => WindowFor(postedUtc, s.TakenUtc, ephemeral, options) == window)
            .OrderByDescending(s => MetricLabels.Trust(s.Source))
            .ThenByDescending(s => s.TakenUtc)
            .ThenByDescending(s => s.Id)
            .FirstOrDefault();
    }

    /// <summary>The latest reading overall (any window), by time then id; null when there is none.</summary>
    public static MetricSnapshot? Latest(IEnumerable<MetricSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots.OrderByDescending(s => s.TakenUtc).ThenByDescending(s => s.Id).FirstOrDefault();
    }

    // The unsaved candidate sorts after every stored snapshot taken at the same instant.
    private static long CandidateId(IReadOnlyCollection<MetricSnapshot> existing) =>
        existing.Count == 0 ? 1 : existing.Max(e => e.Id) + 1;
}
