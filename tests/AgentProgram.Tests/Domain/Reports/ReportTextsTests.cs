using AgentProgram.Tests.Localization;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Reports;

/// <summary>Every Indonesian text the report rules produce is a localizer key with an English entry (Resources/Reports.en.json).</summary>
public sealed partial class ReportTextsTests
{
    public static TheoryData<string, string> Texts() => TextConstants.Of(typeof(ReportTexts));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_has_an_English_translation_with_the_same_placeholders(string name, string indonesian)
    {
        var english = JsonStringLocalizerFactory.LoadEnglish();

        Assert.True(english.TryGetValue(indonesian, out var translation), $"ReportTexts.{name} has no entry in Resources/*.en.json");
        Assert.False(string.IsNullOrWhiteSpace(translation));
        Assert.NotEqual(indonesian, translation);
        Assert.Equal(TextConstants.Placeholders(indonesian), TextConstants.Placeholders(translation));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_formats_with_numbers_and_strings(string name, string indonesian)
    {
        var count = TextConstants.PlaceholderPattern().Matches(indonesian).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        var numbers = Enumerable.Range(0, count).Select(i => (object)(1_000_000L + i)).ToArray();
        var english = JsonStringLocalizerFactory.LoadEnglish()[indonesian];

        var id = string.Format(CultureInfo.GetCultureInfo("id-ID"), indonesian, numbers);
        var en = string.Format(CultureInfo.GetCultureInfo("en-US"), english, numbers);

        Assert.DoesNotContain("{", id, StringComparison.Ordinal);
        Assert.DoesNotContain("{", en, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void The_scan_covers_every_kind_of_text()
    {
        var texts = Texts().Select(row => (string)row[1]).ToHashSet();

        Assert.Contains(ReportTexts.LinkNotAPost, texts);
        Assert.Contains(ReportTexts.FlagBurst, texts);
        Assert.Contains(ReportTexts.MetricReach, texts);
        Assert.Contains(ReportTexts.NotReverser, texts);
        Assert.True(texts.Count >= 60);
    }

    [Fact]
    public void Every_label_the_rules_hand_out_is_a_text()
    {
        var texts = Texts().Select(row => (string)row[1]).ToHashSet();

        Assert.All(Enum.GetValues<MetricKind>(), k => Assert.Contains(MetricLabels.Name(k), texts));
        Assert.All(Enum.GetValues<MetricSource>(), s => Assert.Contains(MetricLabels.Label(s), texts));
        Assert.All(Enum.GetValues<SnapshotWindow>(), w => Assert.Contains(MetricLabels.Label(w), texts));
        Assert.All(Enum.GetValues<ReportFlagCode>(), c => Assert.Contains(ReportFlags.Label(c), texts));
        Assert.All(Enum.GetValues<ReportState>(), s => Assert.Contains(ReportWorkflow.Label(s), texts));
    }

    [Fact]
    public void Text_keys_and_dates_in_arguments_are_translated_and_formatted_by_the_caller()
    {
        var taken = new DateTime(2026, 3, 4, 1, 30, 0, DateTimeKind.Utc);
        var flag = new ReportFlag(ReportFlagCode.NumbersDecreased, ReportTexts.FlagNumbersDecreased, [new TextKey(ReportTexts.MetricLikes), 50L, taken, 40L, taken.AddDays(1)]);

        var args = flag.FormatArgs(k => k == ReportTexts.MetricLikes ? "likes" : k, d => d.ToString("d MMM HH:mm", CultureInfo.InvariantCulture));

        Assert.Equal(["likes", 50L, "4 Mar 01:30", 40L, "5 Mar 01:30"], args);
        Assert.Equal("Jumlah suka turun dari 50 (2026-03-04 01:30 UTC) menjadi 40 (2026-03-05 01:30 UTC). Angka kumulatif seharusnya tidak berkurang; periksa sumber kedua angka.", flag.ToIndonesian());
    }

}
