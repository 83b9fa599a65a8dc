using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Reports;

/// <summary>One of the agent's registered accounts, as the rules need it: the handle as stored (see <see cref="ProfileLinks.NormalizeHandle"/>).</summary>
public sealed record AgentAccountRef(Platform Platform, string Handle, VerificationState State);

/// <summary>What the agent claims: the form's values. Times are UTC.</summary>
/// <param name="PostUrl">Null or empty for WhatsApp Status (see <see cref="PostLinks.RequiresLink"/>).</param>
public sealed record ShareClaim(Platform Platform, string? PostUrl, DateTime? PostedUtc, MetricValues Numbers);

/// <summary>Tunable limits of the share-report rules.</summary>
public sealed record ShareReportOptions
{
    public static readonly ShareReportOptions Default = new();

    /// <summary>Phone and server clocks differ, and posting times are typed to the minute: this much leeway at every time bound.</summary>
    public TimeSpan ClockTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Any number above this is a typing slip (exclusive upper bound is this value + 1).</summary>
    public long MaxCount { get; init; } = 1_000_000_000;

    /// <summary>
    /// Accept a link whose handle belongs to one of the agent's accounts still awaiting verification
    /// (the report then carries the <see cref="ReportFlagCode.HandleMismatch"/> flag). Off by default.
    /// </summary>
    public bool AcceptPendingAccounts { get; init; }

    /// <summary>
    /// For links that carry no handle (Instagram /p/, YouTube, short links) and WhatsApp: the agent must
    /// at least have an account on the platform (verified, or pending when those are accepted).
    /// </summary>
    public bool RequireAccountOnPlatform { get; init; } = true;
}

/// <summary>The form's field names the problems refer to (the form model's property names should match, or be mapped).</summary>
public static class ShareReportFields
{
    public const string Platform = "Platform";
    public const string PostUrl = "PostUrl";
    public const string PostedAt = "PostedAt";
    public const string TakenAt = "TakenAt";
    public const string Views = "Views";
    public const string Reach = "Reach";
    public const string Likes = "Likes";
    public const string Comments = "Comments";
    public const string Reposts = "Reposts";
    public const string Saves = "Saves";

    /// <summary>The problem that concerns the numbers as a whole ("enter at least one").</summary>
    public const string Numbers = "Numbers";

    public static string For(MetricKind kind) => kind switch
    {
        MetricKind.Views => Views,
        MetricKind.Reach => Reach,
        MetricKind.Likes => Likes,
        MetricKind.Comments => Comments,
        MetricKind.Reposts => Reposts,
        MetricKind.Saves => Saves,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

public enum ShareReportProblemCode
{
    /// <summary>See <see cref="ShareReportProblem.LinkError"/> for which.</summary>
    Link = 1,
    HandleNotVerified = 2,
    NoVerifiedAccount = 3,
    PostedAtRequired = 10,
    PostedInFuture = 11,
    PostedBeforeWindow = 12,
    PostedAfterWindow = 13,
    NumberNegative = 20,
    NumberTooLarge = 21,
    NumbersEmpty = 22,
    TakenBeforePost = 30,
    TakenInFuture = 31,
    DuplicateSnapshot = 32,
}

/// <summary>A problem with one input: the form shows <see cref="Message"/> (localizer key, with <see cref="ReportText.FormatArgs"/>) next to <see cref="Field"/>.</summary>
public sealed record ShareReportProblem(string Field, ShareReportProblemCode Code, string Message, IReadOnlyList<object> Args, PostLinkError? LinkError = null) : IReportText;

/// <summary>The outcome: the recognised link (null when invalid, or for WhatsApp) and every problem.</summary>
public sealed record ShareReportCheck(PostLink? Link, IReadOnlyList<ShareReportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The claim key to store and keep unique (null for WhatsApp Status, which has no link).</summary>
    public string? ClaimKey => Link?.Key;

    public bool Has(ShareReportProblemCode code) => Problems.Any(p => p.Code == code);
}

/// <summary>
/// Checks a claimed share before it is stored (issue 5): the link matches the platform's post-link
/// pattern; a handle in the link is one of the agent's verified accounts on that platform; the
/// posting time is known, not in the future and inside the message's active window; the numbers
/// are unknown or 0 ≤ n ≤ max. Every problem is returned, each with its field, so the agent fixes all
/// at once. The "one claim per link" rule needs the database: store <see cref="ShareReportCheck.ClaimKey"/>
/// under a unique index. Pure: the clock is passed in.
/// </summary>
public static class ShareReportRules
{
    public static ShareReportCheck Check(
        ShareClaim claim,
        IReadOnlyCollection<AgentAccountRef> accounts,
        DateTime windowFromUtc,
        DateTime windowUntilUtc,
        DateTime nowUtc,
        ShareReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(accounts);
        options ??= ShareReportOptions.Default;
        var problems = new List<ShareReportProblem>();
        var platform = claim.Platform;
        var name = PostLinks.PlatformName(platform);

        PostLink? link = null;
        if (PostLinks.RequiresLink(platform) || !string.IsNullOrWhiteSpace(claim.PostUrl))
        {
            var parsed = PostLinks.Parse(platform, claim.PostUrl);
            if (parsed.Problem is { } lp)
                problems.Add(new(ShareReportFields.PostUrl, ShareReportProblemCode.Link, lp.Message, lp.Args, lp.Code));
            link = parsed.Link;
        }

        var mine = accounts.Where(a => a.Platform == platform).ToList();
        var verified = mine.Where(a => a.State == VerificationState.Verified).Select(a => ProfileLinks.NormalizeHandle(platform, a.Handle)).ToList();
        var acceptable = mine.Where(a => a.State == VerificationState.Verified || (options.AcceptPendingAccounts && a.State == VerificationState.Pending))
            .Select(a => ProfileLinks.NormalizeHandle(platform, a.Handle)).ToHashSet(StringComparer.Ordinal);

        if (link?.Handle is { } handle)
        {
            if (!acceptable.Contains(handle))
            {
                problems.Add(verified.Count == 0
                    ? new(ShareReportFields.PostUrl, ShareReportProblemCode.HandleNotVerified, ReportTexts.HandleNotVerifiedNone, [name, ProfileLinks.DisplayHandle(platform, handle)])
                    : new(ShareReportFields.PostUrl, ShareReportProblemCode.HandleNotVerified, ReportTexts.HandleNotVerified,
                        [name, ProfileLinks.DisplayHandle(platform, handle), string.Join(", ", verified.Select(h => ProfileLinks.DisplayHandle(platform, h)))]));
            }
        }
        else if (options.RequireAccountOnPlatform && acceptable.Count == 0 && (link is not null || !PostLinks.RequiresLink(platform)))
        {
            problems.Add(new(ShareReportFields.Platform, ShareReportProblemCode.NoVerifiedAccount, ReportTexts.NoVerifiedAccount, [name]));
        }

        var tolerance = options.ClockTolerance;
        if (claim.PostedUtc is not DateTime posted)
        {
            problems.Add(new(ShareReportFields.PostedAt, ShareReportProblemCode.PostedAtRequired, ReportTexts.PostedAtRequired, []));
        }
        else if (posted > nowUtc + tolerance)
        {
            problems.Add(new(ShareReportFields.PostedAt, ShareReportProblemCode.PostedInFuture, ReportTexts.PostedAtInFuture, [posted, nowUtc]));
        }
        else if (posted < windowFromUtc - tolerance)
        {
            problems.Add(new(ShareReportFields.PostedAt, ShareReportProblemCode.PostedBeforeWindow, ReportTexts.PostedBeforeWindow, [posted, windowFromUtc, windowUntilUtc]));
        }
        else if (posted > windowUntilUtc + tolerance)
        {
            problems.Add(new(ShareReportFields.PostedAt, ShareReportProblemCode.PostedAfterWindow, ReportTexts.PostedAfterWindow, [posted, windowFromUtc, windowUntilUtc]));
        }

        problems.AddRange(NumberProblems(claim.Numbers ?? MetricValues.None, options.MaxCount));
        return new ShareReportCheck(link, problems);
    }

    /// <summary>Each number is unknown or 0 ≤ n ≤ <paramref name="maxCount"/>.</summary>
    public static IReadOnlyList<ShareReportProblem> NumberProblems(MetricValues values, long maxCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<ShareReportProblem>();
        foreach (var (kind, value) in values.Known())
        {
            var label = new TextKey(MetricLabels.Name(kind));
            if (value < 0)
                problems.Add(new(ShareReportFields.For(kind), ShareReportProblemCode.NumberNegative, ReportTexts.NumberNegative, [label]));
            else if (value > maxCount)
                problems.Add(new(ShareReportFields.For(kind), ShareReportProblemCode.NumberTooLarge, ReportTexts.NumberTooLarge, [label, value, maxCount]));
        }
        return problems;
    }
}
