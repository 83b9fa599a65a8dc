using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Messages;

/// <summary>Every Indonesian text the message and platform rules produce is a localizer key with an English entry.</summary>
public partial class PolicyMessageTextsTests
{
    private static readonly Type[] TextTypes =
        [typeof(PolicyMessageTexts), typeof(MessageLabels), typeof(MissionTags), typeof(CaptionRules), typeof(ShareIntents)];

    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in TextTypes)
        {
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                data.Add($"{type.Name}.{f.Name}", (string)f.GetRawConstantValue()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_has_an_english_translation_with_the_same_placeholders(string name, string indonesian)
    {
        var english = JsonStringLocalizerFactory.LoadEnglish();

        Assert.True(english.TryGetValue(indonesian, out var translation), $"{name} has no entry in Resources/*.en.json");
        Assert.NotEqual("", translation.Trim());
        Assert.Equal(PlaceholdersWithFormat(indonesian), PlaceholdersWithFormat(translation));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_is_a_valid_composite_format(string name, string indonesian)
    {
        var used = Placeholders(indonesian);
        var args = Enumerable.Range(0, used.DefaultIfEmpty(-1).Max() + 1).Select(i => (object)$"<{i}>").ToArray();
        var numbers = Enumerable.Range(0, args.Length).Select(i => (object)(1_000_000 + i)).ToArray();
        var english = JsonStringLocalizerFactory.LoadEnglish()[indonesian];

        var id = string.Format(CultureInfo.InvariantCulture, indonesian, args);
        var en = string.Format(CultureInfo.InvariantCulture, english, args);

        Assert.All(used, i => Assert.Contains($"<{i}>", id, StringComparison.Ordinal));
        Assert.All(used, i => Assert.Contains($"<{i}>", en, StringComparison.Ordinal));
        Assert.DoesNotContain("{", id, StringComparison.Ordinal);
        // Numeric placeholders ({1:N0}) must also accept the ints the rules pass.
        Assert.DoesNotContain("{", string.Format(CultureInfo.GetCultureInfo("id-ID"), indonesian, numbers), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Fact]
    public void Messages_en_json_keys_are_not_translated_differently_elsewhere()
    {
        var asm = typeof(PolicyMessageTexts).Assembly;
        var mine = Load(asm, ".Messages.en.json");
        var others = asm.GetManifestResourceNames()
            .Where(n => n.EndsWith(".en.json", StringComparison.Ordinal) && !n.EndsWith(".Messages.en.json", StringComparison.Ordinal))
            .SelectMany(n => Load(asm, n));

        var clashes = others.Where(kv => mine.TryGetValue(kv.Key, out var v) && v != kv.Value).Select(kv => kv.Key).ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void The_scan_covers_the_texts_of_every_rule()
    {
        var texts = Texts().Select(row => (string)row[1]).ToHashSet();

        Assert.Contains(PolicyMessageTexts.SelfApproval, texts);
        Assert.Contains(CaptionRules.TooLongShortenedLinks, texts);
        Assert.Contains(ShareIntents.InstructionInstagram, texts);
        Assert.Contains(MissionTags.KpiReach, texts);
        Assert.Contains(MessageLabels.StatusWithdrawn, texts);
    }

    private static Dictionary<string, string> Load(Assembly asm, string suffix)
    {
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    private static int[] Placeholders(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    /// <summary>Placeholders with their format ("{1:N0}"): the same number must be formatted the same way in both languages.</summary>
    private static string[] PlaceholdersWithFormat(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
