using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Reports;

/// <summary>What looks wrong about a report. Stored by name or as a <see cref="ReportFlagSet"/> bit.</summary>
public enum ReportFlagCode
{
    /// <summary>Views or reach far above the account's registered followers.</summary>
    AboveFollowers = 1,

    /// <summary>The screenshot is byte-identical (same SHA-256) to another report's.</summary>
    DuplicateScreenshot = 2,

    /// <summary>Many reports by the same agent within a few minutes.</summary>
    Burst = 3,

    /// <summary>The link's handle is not one of the agent's verified accounts on the platform.</summary>
    HandleMismatch = 4,

    /// <summary>A cumulative number is lower in a later snapshot than in an earlier one.</summary>
    NumbersDecreased = 5,

    /// <summary>A short link (vt.tiktok.com, fb.watch, facebook.com/share/…) not opened yet.</summary>
    UnresolvedShortLink = 6,
}

/// <summary>The flags of a report as one column, for filtering the verification queue with a bit test.</summary>
[Flags]
public enum ReportFlagSet
{
    None = 0,
    AboveFollowers = 1 << 0,
    DuplicateScreenshot = 1 << 1,
    Burst = 1 << 2,
    HandleMismatch = 1 << 3,
    NumbersDecreased = 1 << 4,
    UnresolvedShortLink = 1 << 5,
}

/// <summary>A flag with its explanation for Humas (<see cref="Message"/> is the localizer key; see <see cref="ReportText.FormatArgs"/>).</summary>
public sealed record ReportFlag(ReportFlagCode Code, string Message, IReadOnlyList<object> Args) : IReportText;

/// <summary>Another report's screenshot, by content hash.</summary>
public sealed record ScreenshotRef(long ReportId, string Sha256);

/// <summary>The thresholds of the flags.</summary>
public sealed record ReportFlagOptions
{
    public static readonly ReportFlagOptions Default = new();

    /// <summary>Views or reach above this many times the followers is flagged.</summary>
    public int FollowerFactor { get; init; } = 20;

    /// <summary>Below this, views or reach are never flagged whatever the followers (a 3-follower account with 80 views is normal).</summary>
    public long MinCountForFollowerCheck { get; init; } = 1_000;

    /// <summary>This many reports (this one included) within <see cref="BurstWindow"/> is a burst.</summary>
    public int BurstCount { get; init; } = 5;

    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>Everything the flags look at, loaded by the caller.</summary>
public sealed record ReportFlagInput
{
    public required Platform Platform { get; init; }

    /// <summary>This report's id (0 before it is stored): excluded from the screenshot comparison.</summary>
    public long ReportId { get; init; }

    /// <summary>When this report was submitted (UTC).</summary>
    public required DateTime SubmittedUtc { get; init; }

    /// <summary>The recognised link (null for WhatsApp Status).</summary>
    public PostLink? Link { get; init; }

    /// <summary>A short link that Humas (or a resolver) has opened and confirmed.</summary>
    public bool LinkResolved { get; init; }

    public IReadOnlyCollection<AgentAccountRef> AgentAccounts { get; init; } = [];

    /// <summary>The registered follower count of the account the post was made from; null when unknown (no flag then).</summary>
    public long? Followers { get; init; }

    public IReadOnlyCollection<MetricSnapshot> Snapshots { get; init; } = [];

    /// <summary>The SHA-256 (hex) of this report's screenshot, if it has one.</summary>
    public string? ScreenshotSha256 { get; init; }

    /// <summary>Other reports' screenshots to compare with (the caller may pass only those with the same hash).</summary>
    public IReadOnlyCollection<ScreenshotRef> OtherScreenshots { get; init; } = [];

    /// <summary>When the agent's other reports were submitted (UTC); those within <see cref="ReportFlagOptions.BurstWindow"/> of this one matter.</summary>
    public IReadOnlyCollection<DateTime> AgentOtherReportsUtc { get; init; } = [];
}

/// <summary>
/// The flags Humas sees on a report, each explained (issue 5). A flag points at something to look at;
/// it refuses nothing. Pure: records in, records out.
/// </summary>
public static class ReportFlags
{
    public static IReadOnlyList<ReportFlag> Evaluate(ReportFlagInput input, ReportFlagOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ReportFlagOptions.Default;
        var flags = new List<ReportFlag>();
        var name = PostLinks.PlatformName(input.Platform);

        if (AboveFollowers(input, options) is { } above) flags.Add(above);

        if (!string.IsNullOrWhiteSpace(input.ScreenshotSha256))
        {
            var same = input.OtherScreenshots
                .Where(o => o.ReportId != input.ReportId && string.Equals(o.Sha256.Trim(), input.ScreenshotSha256.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(o => o.ReportId).Distinct().Order().ToList();
            if (same.Count > 0)
                flags.Add(new(ReportFlagCode.DuplicateScreenshot, ReportTexts.FlagDuplicateScreenshot, [same.Count, string.Join(", ", same.Take(10))]));
        }

        var burst = BurstSize(input.SubmittedUtc, input.AgentOtherReportsUtc, options.BurstWindow);
        if (burst >= options.BurstCount)
            flags.Add(new(ReportFlagCode.Burst, ReportTexts.FlagBurst, [burst, (int)Math.Round(options.BurstWindow.TotalMinutes), options.BurstCount]));

        if (input.Link?.Handle is { } handle)
        {
            var verified = input.AgentAccounts
                .Where(a => a.Platform == input.Platform && a.State == VerificationState.Verified)
                .Select(a => ProfileLinks.NormalizeHandle(input.Platform, a.Handle))
                .ToList();
            if (!verified.Contains(handle, StringComparer.Ordinal))
            {
                var list = verified.Count == 0 ? "-" : string.Join(", ", verified.Select(h => ProfileLinks.DisplayHandle(input.Platform, h)));
                flags.Add(new(ReportFlagCode.HandleMismatch, ReportTexts.FlagHandleMismatch, [ProfileLinks.DisplayHandle(input.Platform, handle), name, list]));
            }
        }

        // One flag per number: its largest fall.
        foreach (var fall in SnapshotRules.Decreases(input.Snapshots).GroupBy(d => d.Kind).Select(g => g.MaxBy(d => d.Drop)!))
        {
            flags.Add(new(ReportFlagCode.NumbersDecreased, ReportTexts.FlagNumbersDecreased,
                [new TextKey(MetricLabels.Name(fall.Kind)), fall.EarlierValue, fall.Earlier.TakenUtc, fall.LaterValue, fall.Later.TakenUtc]));
        }

        if (input.Link is { NeedsResolving: true } && !input.LinkResolved)
            flags.Add(new(ReportFlagCode.UnresolvedShortLink, ReportTexts.FlagUnresolvedShortLink, [name]));

        return flags;
    }

    /// <summary>
    /// The largest number of reports (this one included) inside one window of the given length that
    /// contains this report.
    /// </summary>
    public static int BurstSize(DateTime submittedUtc, IEnumerable<DateTime> otherReportsUtc, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(otherReportsUtc);
        var near = otherReportsUtc.Where(t => (t - submittedUtc).Duration() <= window).Append(submittedUtc).Order().ToList();
        var best = 1;
        foreach (var start in near.Where(t => t <= submittedUtc))
        {
            var end = start + window;
            if (end < submittedUtc) continue;
            best = Math.Max(best, near.Count(t => t >= start && t <= end));
        }
        return best;
    }

    public static ReportFlagSet ToSet(IEnumerable<ReportFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return flags.Aggregate(ReportFlagSet.None, (set, f) => set | ToSet(f.Code));
    }

    public static ReportFlagSet ToSet(ReportFlagCode code) => code switch
    {
        ReportFlagCode.AboveFollowers => ReportFlagSet.AboveFollowers,
        ReportFlagCode.DuplicateScreenshot => ReportFlagSet.DuplicateScreenshot,
        ReportFlagCode.Burst => ReportFlagSet.Burst,
        ReportFlagCode.HandleMismatch => ReportFlagSet.HandleMismatch,
        ReportFlagCode.NumbersDecreased => ReportFlagSet.NumbersDecreased,
        ReportFlagCode.UnresolvedShortLink => ReportFlagSet.UnresolvedShortLink,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>The flag's short name for filters and badges (a localizer key).</summary>
    public static string Label(ReportFlagCode code) => code switch
    {
        ReportFlagCode.AboveFollowers => ReportTexts.FlagLabelAboveFollowers,
        ReportFlagCode.DuplicateScreenshot => ReportTexts.FlagLabelDuplicateScreenshot,
        ReportFlagCode.Burst => ReportTexts.FlagLabelBurst,
        ReportFlagCode.HandleMismatch => ReportTexts.FlagLabelHandleMismatch,
        ReportFlagCode.NumbersDecreased => ReportTexts.FlagLabelNumbersDecreased,
        ReportFlagCode.UnresolvedShortLink => ReportTexts.FlagLabelUnresolvedShortLink,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    private static ReportFlag? AboveFollowers(ReportFlagInput input, ReportFlagOptions options)
    {
        if (input.Followers is not long followers || followers < 0) return null;
        ReportFlag? worst = null;
        var worstRatio = 0.0;
        foreach (var kind in new[] { MetricKind.Views, MetricKind.Reach })
        {
            var values = input.Snapshots.Select(s => s.Values[kind]).OfType<long>().ToList();
            if (values.Count == 0) continue;
            var value = values.Max();
            if (value < options.MinCountForFollowerCheck || value <= (double)followers * options.FollowerFactor) continue;
            var ratio = (double)value / Math.Max(followers, 1);
            if (worst is not null && ratio <= worstRatio) continue;
            worstRatio = ratio;
            worst = new(ReportFlagCode.AboveFollowers, ReportTexts.FlagAboveFollowers,
                [new TextKey(MetricLabels.Name(kind)), value, (long)Math.Floor(ratio), followers, options.FollowerFactor]);
        }
        return worst;
    }
}
