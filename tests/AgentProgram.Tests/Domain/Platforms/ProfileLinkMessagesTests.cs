using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Domain.Platforms;

/// <summary>
/// Texts that reach the page through a constant rather than a literal L["..."] (so the translation
/// scanner cannot see them): profile-link messages, the system's own status reasons and the
/// eligibility rules an enrolment result shows.
/// </summary>
public sealed partial class ProfileLinkMessagesTests
{
    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(ProfileLinkMessages), typeof(AgentStatusReasons), typeof(EmployeeRules) })
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
        Assert.Equal(Placeholders(indonesian), Placeholders(translation));
        var args = Enumerable.Range(0, 5).Select(i => (object)$"<{i}>").ToArray();
        Assert.DoesNotContain("{", string.Format(CultureInfo.InvariantCulture, translation, args), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_the_rules_produce_formats_with_its_own_arguments()
    {
        var english = JsonStringLocalizerFactory.LoadEnglish();
        var problems = new[]
        {
            ProfileLinks.Parse(Platform.Instagram, ""), ProfileLinks.Parse(Platform.Instagram, "bukan tautan"),
            ProfileLinks.Parse(Platform.Instagram, "https://example.org/x"), ProfileLinks.Parse(Platform.Instagram, "https://x.com/a"),
            ProfileLinks.Parse(Platform.Instagram, "https://www.instagram.com/p/abc"), ProfileLinks.Parse(Platform.Instagram, "https://www.instagram.com/a%20b"),
            ProfileLinks.Check(Platform.Instagram, "https://www.instagram.com/a.b", "a_b"),
        }.Select(r => r.Problem!).ToList();
        Assert.Equal(Enum.GetValues<ProfileLinkError>().Order(), problems.Select(p => p.Code).Order());
        foreach (var p in problems)
        {
            var expected = Placeholders(p.Message).DefaultIfEmpty(-1).Max() + 1;
            Assert.Equal(expected, p.Args.Length);
            Assert.DoesNotContain("{", string.Format(CultureInfo.InvariantCulture, english[p.Message], p.Args), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderPattern();

    private static List<int> Placeholders(string s) =>
        PlaceholderPattern().Matches(s).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
}
