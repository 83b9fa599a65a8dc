using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Employees;

public partial class EmployeeMessagesTests
{
    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(EmployeeMessages), typeof(EmployeeLabels) })
        {
            foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
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
        Assert.Equal(Placeholders(indonesian), Placeholders(translation));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_text_is_a_valid_composite_format(string name, string indonesian)
    {
        var args = Enumerable.Range(0, Placeholders(indonesian).DefaultIfEmpty(-1).Max() + 1).Select(i => (object)$"<{i}>").ToArray();
        var english = JsonStringLocalizerFactory.LoadEnglish()[indonesian];

        var id = string.Format(CultureInfo.InvariantCulture, indonesian, args);
        var en = string.Format(CultureInfo.InvariantCulture, english, args);

        Assert.All(args, a => Assert.Contains((string)a, id, StringComparison.Ordinal));
        Assert.All(args, a => Assert.Contains((string)a, en, StringComparison.Ordinal));
        Assert.DoesNotContain("{", id, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    [Fact]
    public void Employees_en_json_holds_only_texts_the_domain_uses()
    {
        var asm = typeof(EmployeeMessages).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith(".Employees.en.json", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        var used = Texts().Select(row => (string)row[1]).ToHashSet();

        Assert.DoesNotContain(file.Keys, k => !used.Contains(k));
    }

    [Fact]
    public void Issue_codes_are_unique()
    {
        var values = Enum.GetValues<ImportIssueCode>().Select(c => (int)c).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    private static int[] Placeholders(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();
}
