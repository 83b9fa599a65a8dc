using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class ReportFlagsTests
{
    private static readonly DateTime Posted = new(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Submitted = Posted.AddHours(1);
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly AgentAccountRef[] Accounts =
    [
        new(Platform.TikTok, "budi.santoso", VerificationState.Verified),
        new(Platform.Instagram, "budi.santoso", VerificationState.Pending),
    ];

    /// <summary>A clean report: no flag.</summary>
    private static ReportFlagInput Clean() => new()
    {
        Platform = Platform.TikTok,
        ReportId = 42,
        SubmittedUtc = Submitted,
        Link = PostLinks.Parse(Platform.TikTok, "https://www.tiktok.com/@budi.santoso/video/7350000000000000001").Link,
        AgentAccounts = Accounts,
        Followers = 500,
        Snapshots = [Snap(1, 1, new MetricValues(Views: 2_000, Likes: 50)), Snap(2, 24, new MetricValues(Views: 5_000, Likes: 80))],
        ScreenshotSha256 = Hash,
        OtherScreenshots = [new(42, Hash), new(7, "0000000000000000000000000000000000000000000000000000000000000000")],
        AgentOtherReportsUtc = [Submitted.AddMinutes(-3), Submitted.AddMinutes(2), Submitted.AddHours(-2)],
    };

    private static MetricSnapshot Snap(long id, double hours, MetricValues values, MetricSource source = MetricSource.Screenshot) =>
        new(id, source, Posted.AddHours(hours), values);

    [Fact]
    public void A_clean_report_raises_no_flag()
    {
        Assert.Empty(ReportFlags.Evaluate(Clean()));
    }

    // ---- Views or reach far above the followers

    [Theory]
    [InlineData(500L, 10_001L, true)]      // above 20 x 500
    [InlineData(500L, 10_000L, false)]     // exactly 20 x: not above
    [InlineData(10L, 999L, false)]         // under the minimum count: tiny accounts are not flagged
    [InlineData(10L, 1_000L, true)]
    [InlineData(0L, 5_000L, true)]         // no followers at all
    public void Views_far_above_the_followers_are_flagged(long followers, long views, bool flagged)
    {
        var input = Clean() with { Followers = followers, Snapshots = [Snap(1, 24, new MetricValues(Views: views))] };

        var flags = ReportFlags.Evaluate(input);

        Assert.Equal(flagged, flags.Any(f => f.Code == ReportFlagCode.AboveFollowers));
    }

    [Fact]
    public void No_follower_flag_when_the_followers_are_unknown()
    {
        var input = Clean() with { Followers = null, Snapshots = [Snap(1, 24, new MetricValues(Views: 1_000_000))] };

        Assert.DoesNotContain(ReportFlags.Evaluate(input), f => f.Code == ReportFlagCode.AboveFollowers);
    }

    [Fact]
    public void Reach_is_checked_too_and_the_explanation_gives_the_ratio()
    {
        var input = Clean() with { Followers = 100, Snapshots = [Snap(1, 24, new MetricValues(Views: 1_500, Reach: 4_000))] };

        var flag = Assert.Single(ReportFlags.Evaluate(input));

        Assert.Equal(ReportFlagCode.AboveFollowers, flag.Code);
        Assert.Equal([new TextKey(ReportTexts.MetricReach), 4_000L, 40L, 100L, 20], flag.Args);
    }

    [Fact]
    public void The_follower_factor_is_configurable()
    {
        var input = Clean() with { Followers = 500, Snapshots = [Snap(1, 24, new MetricValues(Views: 6_000))] };

        Assert.Empty(ReportFlags.Evaluate(input));
        Assert.Contains(ReportFlags.Evaluate(input, new ReportFlagOptions { FollowerFactor = 10 }), f => f.Code == ReportFlagCode.AboveFollowers);
    }

    // ---- Identical screenshot

    [Fact]
    public void A_screenshot_identical_to_another_reports_is_flagged_with_those_reports()
    {
        var input = Clean() with { OtherScreenshots = [new(42, Hash), new(9, Hash.ToUpperInvariant()), new(3, Hash)] };

        var flag = Assert.Single(ReportFlags.Evaluate(input));

        Assert.Equal(ReportFlagCode.DuplicateScreenshot, flag.Code);
        Assert.Equal(2, flag.Args[0]);
        Assert.Equal("3, 9", flag.Args[1]);
    }

    [Fact]
    public void No_screenshot_no_screenshot_flag()
    {
        var input = Clean() with { ScreenshotSha256 = null, OtherScreenshots = [new(9, Hash)] };

        Assert.Empty(ReportFlags.Evaluate(input));
    }

    // ---- Burst

    [Fact]
    public void Five_reports_within_ten_minutes_are_a_burst()
    {
        var input = Clean() with { AgentOtherReportsUtc = [Submitted.AddMinutes(-9), Submitted.AddMinutes(-5), Submitted.AddMinutes(-1), Submitted.AddMinutes(1)] };

        var flag = Assert.Single(ReportFlags.Evaluate(input));

        Assert.Equal(ReportFlagCode.Burst, flag.Code);
        Assert.Equal([5, 10, 5], flag.Args);
    }

    [Fact]
    public void Five_reports_spread_over_more_than_ten_minutes_are_not()
    {
        var input = Clean() with { AgentOtherReportsUtc = [Submitted.AddMinutes(-12), Submitted.AddMinutes(-6), Submitted.AddMinutes(-1), Submitted.AddMinutes(5)] };

        Assert.Empty(ReportFlags.Evaluate(input));
    }

    [Fact]
    public void Burst_thresholds_are_configurable()
    {
        var input = Clean() with { AgentOtherReportsUtc = [Submitted.AddMinutes(-1), Submitted.AddMinutes(1)] };

        Assert.Contains(ReportFlags.Evaluate(input, new ReportFlagOptions { BurstCount = 3, BurstWindow = TimeSpan.FromMinutes(5) }), f => f.Code == ReportFlagCode.Burst);
    }

    [Theory]
    [InlineData(new[] { -9, -5, -1, 1 }, 5)]
    [InlineData(new[] { -20, -15, 11, 12 }, 1)]
    [InlineData(new[] { -10, 10 }, 2)]            // both edges, but not in one window together
    [InlineData(new[] { -4, -4, 3, 8 }, 4)]
    public void Burst_size_is_the_fullest_window_that_contains_the_report(int[] minutes, int expected)
    {
        var others = minutes.Select(m => Submitted.AddMinutes(m));

        Assert.Equal(expected, ReportFlags.BurstSize(Submitted, others, TimeSpan.FromMinutes(10)));
    }

    // ---- Handle mismatch

    [Fact]
    public void A_link_of_an_account_awaiting_verification_is_flagged()
    {
        var input = Clean() with
        {
            Platform = Platform.Instagram,
            Link = PostLinks.Parse(Platform.Instagram, "https://www.instagram.com/stories/budi.santoso/3312345678901234567").Link,
        };

        var flag = Assert.Single(ReportFlags.Evaluate(input));

        Assert.Equal(ReportFlagCode.HandleMismatch, flag.Code);
        Assert.Equal(["@budi.santoso", "Instagram", "-"], flag.Args);
    }

    [Fact]
    public void A_link_of_another_account_is_flagged_with_the_agents_verified_accounts()
    {
        var input = Clean() with { Link = PostLinks.Parse(Platform.TikTok, "https://www.tiktok.com/@orang.lain/video/7350000000000000001").Link };

        var flag = Assert.Single(ReportFlags.Evaluate(input));

        Assert.Equal(ReportFlagCode.HandleMismatch, flag.Code);
        Assert.Equal("@budi.santoso", flag.Args[2]);
    }

    [Fact]
    public void A_link_without_a_handle_is_not_a_mismatch()
    {
        var input = Clean() with
        {
            Platform = Platform.YouTube,
            Link = PostLinks.Parse(Platform.YouTube, "https://youtu.be/AbCdEfGh123").Link,
        };

        Assert.Empty(ReportFlags.Evaluate(input));
    }

    // ---- Numbers that fall between snapshots

    [Fact]
    public void Numbers_that_fall_between_snapshots_are_flagged_once_per_number()
    {
        var input = Clean() with
        {
            Snapshots =
            [
                Snap(1, 1, new MetricValues(Views: 2_000, Likes: 50)),
                Snap(2, 24, new MetricValues(Views: 1_500, Likes: 40)),
                Snap(3, 48, new MetricValues(Views: 1_000, Likes: 60)),
            ],
        };

        var flags = ReportFlags.Evaluate(input).Where(f => f.Code == ReportFlagCode.NumbersDecreased).ToList();

        Assert.Equal(2, flags.Count);
        var views = Assert.Single(flags, f => f.Args[0].Equals(new TextKey(ReportTexts.MetricViews)));
        Assert.Equal(2_000L, views.Args[1]);
        Assert.Equal(1_000L, views.Args[3]); // the largest fall
        Assert.Equal(Posted.AddHours(48), views.Args[4]);
    }

    // ---- Short links

    [Fact]
    public void An_unopened_TikTok_short_link_is_flagged_until_resolved()
    {
        var input = Clean() with { Link = PostLinks.Parse(Platform.TikTok, "https://vt.tiktok.com/ZSabc123/").Link };

        var flag = Assert.Single(ReportFlags.Evaluate(input));
        Assert.Equal(ReportFlagCode.UnresolvedShortLink, flag.Code);
        Assert.Equal(["TikTok"], flag.Args);

        Assert.Empty(ReportFlags.Evaluate(input with { LinkResolved = true }));
    }

    // ---- Together

    [Fact]
    public void Several_flags_are_raised_together_and_fit_one_column()
    {
        var input = Clean() with
        {
            Link = PostLinks.Parse(Platform.TikTok, "https://vt.tiktok.com/ZSabc123/").Link,
            OtherScreenshots = [new(5, Hash)],
            Followers = 10,
        };

        var flags = ReportFlags.Evaluate(input);
        var set = ReportFlags.ToSet(flags);

        Assert.Equal(ReportFlagSet.AboveFollowers | ReportFlagSet.DuplicateScreenshot | ReportFlagSet.UnresolvedShortLink, set);
        Assert.All(flags, f => Assert.DoesNotContain("{", f.ToIndonesian(), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_flag_code_has_a_label_and_its_own_bit()
    {
        var codes = Enum.GetValues<ReportFlagCode>();

        Assert.Equal(codes.Length, codes.Select(ReportFlags.Label).Distinct().Count());
        Assert.Equal(codes.Length, codes.Select(ReportFlags.ToSet).Distinct().Count());
        Assert.DoesNotContain(ReportFlagSet.None, codes.Select(ReportFlags.ToSet));
    }
}
