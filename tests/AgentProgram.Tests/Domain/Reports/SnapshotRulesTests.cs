using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;

namespace AgentProgram.Tests.Domain.Reports;

public sealed class SnapshotRulesTests
{
    private static readonly DateTime Posted = new(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0.5, false, SnapshotWindow.Other)]     // right after posting
    [InlineData(19.9, false, SnapshotWindow.Other)]
    [InlineData(20, false, SnapshotWindow.Hours24)]
    [InlineData(24, false, SnapshotWindow.Hours24)]
    [InlineData(30, false, SnapshotWindow.Hours24)]
    [InlineData(30.1, false, SnapshotWindow.Other)]
    [InlineData(48, false, SnapshotWindow.Other)]
    [InlineData(6 * 24, false, SnapshotWindow.Days7)]
    [InlineData(7 * 24, false, SnapshotWindow.Days7)]
    [InlineData(8 * 24, false, SnapshotWindow.Days7)]
    [InlineData(8 * 24 + 1, false, SnapshotWindow.Other)]
    [InlineData(-1, false, SnapshotWindow.Other)]       // before the post
    [InlineData(0.5, true, SnapshotWindow.Hours24)]     // a story's numbers are final within 24 hours
    [InlineData(23, true, SnapshotWindow.Hours24)]
    [InlineData(7 * 24, true, SnapshotWindow.Days7)]
    public void The_window_follows_from_the_time_between_posting_and_reading(double hours, bool ephemeral, SnapshotWindow expected)
    {
        Assert.Equal(expected, SnapshotRules.WindowFor(Posted, Posted.AddHours(hours), ephemeral));
    }

    [Fact]
    public void The_windows_are_configurable()
    {
        var options = new SnapshotOptions { Hours24From = TimeSpan.FromHours(23), Hours24Until = TimeSpan.FromHours(25) };

        Assert.Equal(SnapshotWindow.Other, SnapshotRules.WindowFor(Posted, Posted.AddHours(22), options: options));
        Assert.Equal(SnapshotWindow.Hours24, SnapshotRules.WindowFor(Posted, Posted.AddHours(24.5), options: options));
    }

    [Theory]
    [InlineData(Platform.WhatsApp, null, true)]
    [InlineData(Platform.Instagram, PostKind.Story, true)]
    [InlineData(Platform.Instagram, PostKind.Post, false)]
    [InlineData(Platform.TikTok, PostKind.Video, false)]
    public void Stories_and_Status_are_24_hour_content(Platform platform, PostKind? kind, bool expected)
    {
        Assert.Equal(expected, SnapshotRules.IsEphemeral(platform, kind));
    }

    [Fact]
    public void A_later_reading_is_added_in_its_window_without_touching_earlier_ones()
    {
        var first = new MetricSnapshot(1, MetricSource.SelfReported, Posted.AddHours(1), new MetricValues(Views: 100, Likes: 5));
        var existing = new[] { first };
        var later = new MetricSnapshot(0, MetricSource.Screenshot, Posted.AddHours(24), new MetricValues(Views: 900, Reach: 700, Likes: 30));

        var check = SnapshotRules.Check(later, Posted, existing, Posted.AddHours(25));

        Assert.True(check.IsAccepted);
        Assert.Equal(SnapshotWindow.Hours24, check.Window);
        Assert.Empty(check.Decreases);
        Assert.Equal(new MetricValues(Views: 100, Likes: 5), first.Values); // records: the earlier reading is unchanged
    }

    [Fact]
    public void A_reading_with_lower_numbers_than_an_earlier_one_is_accepted_but_reported()
    {
        var existing = new[] { new MetricSnapshot(1, MetricSource.Screenshot, Posted.AddHours(24), new MetricValues(Views: 900, Likes: 30, Comments: 4)) };
        var later = new MetricSnapshot(0, MetricSource.PublicCounter, Posted.AddDays(7), new MetricValues(Views: 850, Likes: 31, Comments: 4));

        var check = SnapshotRules.Check(later, Posted, existing, Posted.AddDays(7).AddHours(1));

        Assert.True(check.IsAccepted);
        Assert.Equal(SnapshotWindow.Days7, check.Window);
        var fall = Assert.Single(check.Decreases);
        Assert.Equal(MetricKind.Views, fall.Kind);
        Assert.Equal(900, fall.EarlierValue);
        Assert.Equal(850, fall.LaterValue);
        Assert.Equal(50, fall.Drop);
        Assert.Same(later, fall.Later);
    }

    [Fact]
    public void A_back_dated_reading_higher_than_a_later_one_is_reported_too()
    {
        var existing = new[] { new MetricSnapshot(1, MetricSource.SelfReported, Posted.AddDays(7), new MetricValues(Views: 500)) };
        var backDated = new MetricSnapshot(0, MetricSource.CsvImport, Posted.AddDays(1), new MetricValues(Views: 800));

        var check = SnapshotRules.Check(backDated, Posted, existing, Posted.AddDays(8));

        var fall = Assert.Single(check.Decreases);
        Assert.Same(backDated, fall.Earlier);
        Assert.Equal(500, fall.LaterValue);
    }

    [Fact]
    public void Unknown_numbers_never_count_as_a_fall()
    {
        var existing = new[] { new MetricSnapshot(1, MetricSource.Screenshot, Posted.AddHours(24), new MetricValues(Views: 900, Reach: 800)) };
        var later = new MetricSnapshot(0, MetricSource.PublicCounter, Posted.AddDays(7), new MetricValues(Views: 950));

        Assert.Empty(SnapshotRules.Check(later, Posted, existing, Posted.AddDays(8)).Decreases);
    }

    [Fact]
    public void A_reading_without_numbers_is_refused()
    {
        var check = SnapshotRules.Check(new MetricSnapshot(0, MetricSource.SelfReported, Posted.AddHours(2), MetricValues.None), Posted, [], Posted.AddHours(3));

        Assert.Equal(ShareReportProblemCode.NumbersEmpty, Assert.Single(check.Problems).Code);
    }

    [Fact]
    public void A_negative_number_in_a_reading_is_refused_on_its_field()
    {
        var check = SnapshotRules.Check(new MetricSnapshot(0, MetricSource.SelfReported, Posted.AddHours(2), new MetricValues(Likes: -2)), Posted, [], Posted.AddHours(3));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(ShareReportProblemCode.NumberNegative, problem.Code);
        Assert.Equal(ShareReportFields.Likes, problem.Field);
    }

    [Theory]
    [InlineData(-10, ShareReportProblemCode.TakenBeforePost)]
    [InlineData(-4, null)]
    [InlineData(60 + 4, null)]
    [InlineData(60 + 10, ShareReportProblemCode.TakenInFuture)]
    public void A_reading_lies_between_the_post_and_now(int minutesAfterPost, ShareReportProblemCode? expected)
    {
        var now = Posted.AddHours(1);
        var snapshot = new MetricSnapshot(0, MetricSource.Screenshot, Posted.AddMinutes(minutesAfterPost), new MetricValues(Views: 10));

        var check = SnapshotRules.Check(snapshot, Posted, [], now);

        if (expected is null) Assert.True(check.IsAccepted);
        else
        {
            var problem = Assert.Single(check.Problems);
            Assert.Equal(expected, problem.Code);
            Assert.Equal(ShareReportFields.TakenAt, problem.Field);
        }
    }

    [Fact]
    public void The_same_reading_twice_is_refused_as_a_double_submit()
    {
        var taken = Posted.AddHours(24);
        var existing = new[] { new MetricSnapshot(7, MetricSource.Screenshot, taken, new MetricValues(Views: 900)) };

        var again = SnapshotRules.Check(new MetricSnapshot(0, MetricSource.Screenshot, taken, new MetricValues(Views: 900)), Posted, existing, taken.AddHours(1));
        var otherSource = SnapshotRules.Check(new MetricSnapshot(0, MetricSource.PublicCounter, taken, new MetricValues(Views: 900)), Posted, existing, taken.AddHours(1));

        Assert.Equal(ShareReportProblemCode.DuplicateSnapshot, Assert.Single(again.Problems).Code);
        Assert.True(otherSource.IsAccepted);
    }

    [Fact]
    public void Decreases_compare_each_reading_with_the_highest_before_it()
    {
        var snapshots = new[]
        {
            new MetricSnapshot(1, MetricSource.SelfReported, Posted.AddHours(1), new MetricValues(Views: 100, Likes: 10)),
            new MetricSnapshot(2, MetricSource.Screenshot, Posted.AddHours(24), new MetricValues(Views: 1_000, Likes: 9)),
            new MetricSnapshot(3, MetricSource.PublicCounter, Posted.AddDays(3), new MetricValues(Views: 700)),
            new MetricSnapshot(4, MetricSource.CsvImport, Posted.AddDays(7), new MetricValues(Views: 1_200, Likes: 12)),
        };

        var falls = SnapshotRules.Decreases(snapshots.Reverse());

        Assert.Equal(2, falls.Count);
        Assert.Contains(falls, f => f.Kind == MetricKind.Views && f.Earlier.Id == 2 && f.Later.Id == 3 && f.Drop == 300);
        Assert.Contains(falls, f => f.Kind == MetricKind.Likes && f.Earlier.Id == 1 && f.Later.Id == 2 && f.Drop == 1);
    }

    [Fact]
    public void The_window_figure_is_the_most_trusted_source_then_the_latest_reading()
    {
        var snapshots = new[]
        {
            new MetricSnapshot(1, MetricSource.SelfReported, Posted.AddHours(25), new MetricValues(Views: 5_000)),
            new MetricSnapshot(2, MetricSource.Screenshot, Posted.AddHours(22), new MetricValues(Views: 900)),
            new MetricSnapshot(3, MetricSource.Screenshot, Posted.AddHours(23), new MetricValues(Views: 950)),
            new MetricSnapshot(4, MetricSource.CsvImport, Posted.AddDays(7), new MetricValues(Views: 2_000)),
        };

        Assert.Equal(3, SnapshotRules.Best(snapshots, Posted, SnapshotWindow.Hours24)!.Id);
        Assert.Equal(4, SnapshotRules.Best(snapshots, Posted, SnapshotWindow.Days7)!.Id);
        Assert.Null(SnapshotRules.Best(snapshots, Posted, SnapshotWindow.Other));
        Assert.Equal(4, SnapshotRules.Latest(snapshots)!.Id);
    }

    [Fact]
    public void Sources_are_trusted_in_order()
    {
        var order = Enum.GetValues<MetricSource>().OrderBy(MetricLabels.Trust).ToArray();

        Assert.Equal([MetricSource.SelfReported, MetricSource.Screenshot, MetricSource.PublicCounter, MetricSource.CsvImport, MetricSource.ApiVerified], order);
    }
}
