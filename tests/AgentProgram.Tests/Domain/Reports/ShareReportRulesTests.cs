using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class ShareReportRulesTests
{
    private static readonly DateTime From = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Until = new(2026, 3, 9, 16, 59, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 3, 4, 5, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Posted = new(2026, 3, 3, 2, 30, 0, DateTimeKind.Utc);

    private static readonly AgentAccountRef[] Accounts =
    [
        new(Platform.X, "BudiSantoso_", VerificationState.Verified),
        new(Platform.TikTok, "budi.santoso", VerificationState.Verified),
        new(Platform.Instagram, "budi.santoso", VerificationState.Pending),
        new(Platform.Threads, "budi.lama", VerificationState.Rejected),
        new(Platform.WhatsApp, "6281234567890", VerificationState.Verified),
        new(Platform.YouTube, "budisantoso", VerificationState.Verified),
    ];

    private const string XLink = "https://x.com/budisantoso_/status/1790000000000000000";

    private static ShareReportCheck Check(ShareClaim claim, ShareReportOptions? options = null, IReadOnlyCollection<AgentAccountRef>? accounts = null) =>
        ShareReportRules.Check(claim, accounts ?? Accounts, From, Until, Now, options);

    private static ShareClaim Claim(Platform platform = Platform.X, string? url = XLink, DateTime? posted = null, MetricValues? numbers = null) =>
        new(platform, url, posted ?? Posted, numbers ?? new MetricValues(Views: 1_200, Likes: 40));

    [Theory]
    [InlineData(Platform.X, XLink, "x:status:1790000000000000000")]
    [InlineData(Platform.X, "https://twitter.com/BUDISANTOSO_/status/1790000000000000000?s=20", "x:status:1790000000000000000")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@budi.santoso/video/7350000000000000001", "tiktok:video:7350000000000000001")]
    [InlineData(Platform.YouTube, "https://youtu.be/AbCdEfGh123", "youtube:video:AbCdEfGh123")]
    [InlineData(Platform.TikTok, "https://vt.tiktok.com/ZSabc123/", "tiktok:short:ZSabc123")]
    public void A_correct_claim_has_no_problem_and_gives_the_claim_key(Platform platform, string url, string key)
    {
        var check = Check(Claim(platform, url));

        Assert.True(check.IsValid, string.Join("\n", check.Problems.Select(p => p.ToIndonesian())));
        Assert.Equal(key, check.ClaimKey);
    }

    [Fact]
    public void A_WhatsApp_Status_report_needs_no_link_and_has_no_claim_key()
    {
        var check = Check(Claim(Platform.WhatsApp, url: null));

        Assert.True(check.IsValid);
        Assert.Null(check.ClaimKey);
    }

    [Fact]
    public void A_link_typed_for_WhatsApp_is_refused_on_the_link_field()
    {
        var check = Check(Claim(Platform.WhatsApp, url: "https://wa.me/6281234567890"));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportFields.PostUrl, problem.Field);
        Assert.Equal(PostLinkError.NoPublicLink, problem.LinkError);
    }

    [Theory]
    [InlineData("", PostLinkError.Empty)]
    [InlineData("https://x.com/budisantoso_", PostLinkError.NotAPost)]
    [InlineData("https://www.instagram.com/p/C1a2B3c4D5e/", PostLinkError.OtherPlatform)]
    public void A_link_that_does_not_match_the_platform_is_a_link_problem(string url, PostLinkError error)
    {
        var check = Check(Claim(url: url));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.Link, problem.Code);
        Assert.Equal(error, problem.LinkError);
        Assert.Equal(ShareReportFields.PostUrl, problem.Field);
        Assert.Null(check.Link);
    }

    [Fact]
    public void A_link_of_someone_elses_account_is_refused_and_names_the_agents_accounts()
    {
        var check = Check(Claim(url: "https://x.com/orang_lain/status/1790000000000000000"));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.HandleNotVerified, problem.Code);
        Assert.Equal(ShareReportFields.PostUrl, problem.Field);
        var text = problem.ToIndonesian();
        Assert.Contains("@orang_lain", text, StringComparison.Ordinal);
        Assert.Contains("@budisantoso_", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_of_an_account_awaiting_verification_is_refused_by_default()
    {
        var check = Check(Claim(Platform.Instagram, "https://www.instagram.com/stories/budi.santoso/3312345678901234567"));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.HandleNotVerified, problem.Code);
        Assert.Equal(ReportTexts.HandleNotVerifiedNone, problem.Message);
    }

    [Fact]
    public void A_link_of_an_account_awaiting_verification_passes_when_pending_accounts_are_accepted()
    {
        var options = new ShareReportOptions { AcceptPendingAccounts = true };

        var check = Check(Claim(Platform.Instagram, "https://www.instagram.com/stories/budi.santoso/3312345678901234567"), options);

        Assert.True(check.IsValid);
    }

    [Fact]
    public void A_rejected_account_never_counts()
    {
        var options = new ShareReportOptions { AcceptPendingAccounts = true };

        var check = Check(Claim(Platform.Threads, "https://www.threads.net/@budi.lama/post/C1a2B3c4D5e"), options);

        Assert.True(check.Has(ShareReportProblemCode.HandleNotVerified));
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/")]
    [InlineData(Platform.Facebook, "https://fb.watch/qRsTuV1234/")]
    public void A_link_without_handle_needs_a_verified_account_on_the_platform(Platform platform, string url)
    {
        var check = Check(Claim(platform, url));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.NoVerifiedAccount, problem.Code);
        Assert.Equal(ShareReportFields.Platform, problem.Field);
    }

    [Fact]
    public void The_platform_account_rule_can_be_switched_off()
    {
        var check = Check(Claim(Platform.Facebook, "https://fb.watch/qRsTuV1234/"), new ShareReportOptions { RequireAccountOnPlatform = false });

        Assert.True(check.IsValid);
    }

    [Fact]
    public void A_missing_posting_time_is_required()
    {
        var check = Check(new ShareClaim(Platform.X, XLink, null, MetricValues.None));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.PostedAtRequired, problem.Code);
        Assert.Equal(ShareReportFields.PostedAt, problem.Field);
    }

    public static TheoryData<DateTime, ShareReportProblemCode?> PostingTimes => new()
    {
        { From, null },
        { From.AddMinutes(-4), null },               // within the clock tolerance
        { Now.AddMinutes(4), null },                  // phone clock slightly ahead
        { From.AddMinutes(-6), ShareReportProblemCode.PostedBeforeWindow },
        { From.AddDays(-1), ShareReportProblemCode.PostedBeforeWindow },
        { Now.AddMinutes(6), ShareReportProblemCode.PostedInFuture },
        { Now.AddDays(2), ShareReportProblemCode.PostedInFuture },
    };

    [Theory]
    [MemberData(nameof(PostingTimes))]
    public void The_posting_time_lies_in_the_active_window_and_not_in_the_future(DateTime posted, ShareReportProblemCode? expected)
    {
        var check = Check(Claim(posted: posted));

        if (expected is null) Assert.True(check.IsValid, string.Join("\n", check.Problems.Select(p => p.ToIndonesian())));
        else Assert.Equal(expected, Assert.Single(check.Problems).Code);
    }

    [Fact]
    public void A_post_at_the_last_minute_of_the_window_is_accepted_after_it_closed()
    {
        var check = ShareReportRules.Check(Claim(posted: Until.AddMinutes(4)), Accounts, From, Until, Until.AddDays(1));

        Assert.True(check.IsValid);
    }

    [Fact]
    public void A_post_after_the_window_closed_is_refused()
    {
        var later = Until.AddHours(3);

        var check = ShareReportRules.Check(Claim(posted: later), Accounts, From, Until, later.AddHours(1));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.PostedAfterWindow, problem.Code);
        Assert.Equal(ShareReportFields.PostedAt, problem.Field);
        // The caller formats the dates in the institution's time zone.
        var args = problem.FormatArgs(formatUtc: d => d.AddHours(7).ToString("dd/MM HH.mm", System.Globalization.CultureInfo.InvariantCulture) + " WIB");
        Assert.Equal("09/03 23.59 WIB", args[2]);
    }

    [Theory]
    [InlineData(MetricKind.Views, -1L, ShareReportProblemCode.NumberNegative)]
    [InlineData(MetricKind.Reach, -5L, ShareReportProblemCode.NumberNegative)]
    [InlineData(MetricKind.Likes, 1_000_000_001L, ShareReportProblemCode.NumberTooLarge)]
    [InlineData(MetricKind.Comments, long.MaxValue, ShareReportProblemCode.NumberTooLarge)]
    [InlineData(MetricKind.Reposts, -1L, ShareReportProblemCode.NumberNegative)]
    [InlineData(MetricKind.Saves, 2_000_000_000L, ShareReportProblemCode.NumberTooLarge)]
    public void Numbers_are_unknown_or_within_bounds(MetricKind kind, long value, ShareReportProblemCode expected)
    {
        var numbers = With(kind, value);

        var check = Check(Claim(numbers: numbers));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(expected, problem.Code);
        Assert.Equal(ShareReportFields.For(kind), problem.Field);
        Assert.Contains(MetricLabels.Name(kind), problem.ToIndonesian(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1_000_000_000L)]
    public void Zero_and_the_maximum_are_accepted(long value)
    {
        var check = Check(Claim(numbers: new MetricValues(value, value, value, value, value, value)));

        Assert.True(check.IsValid);
    }

    [Fact]
    public void Unknown_numbers_are_accepted()
    {
        Assert.True(Check(Claim(numbers: MetricValues.None)).IsValid);
    }

    [Fact]
    public void Every_problem_is_returned_at_once_each_on_its_field()
    {
        var claim = new ShareClaim(Platform.X, "https://x.com/orang_lain/status/1790000000000000000", Now.AddDays(1), new MetricValues(Views: -1, Saves: 5_000_000_000));

        var check = Check(claim);

        Assert.Equal(
            [ShareReportFields.PostUrl, ShareReportFields.PostedAt, ShareReportFields.Views, ShareReportFields.Saves],
            check.Problems.Select(p => p.Field).ToArray());
        Assert.NotNull(check.Link); // the link itself was recognised
    }

    [Fact]
    public void The_English_arguments_translate_metric_names()
    {
        var problem = Assert.Single(Check(Claim(numbers: new MetricValues(Reach: -3))).Problems);

        var args = problem.FormatArgs(translate: k => k == ReportTexts.MetricReach ? "reach" : "?");

        Assert.Equal("reach", args[0]);
    }

    private static MetricValues With(MetricKind kind, long value) => kind switch
    {
        MetricKind.Views => new(Views: value),
        MetricKind.Reach => new(Reach: value),
        MetricKind.Likes => new(Likes: value),
        MetricKind.Comments => new(Comments: value),
        MetricKind.Reposts => new(Reposts: value),
        MetricKind.Saves => new(Saves: value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
