using System.Text.RegularExpressions;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Tests.Localization;

/// <summary>English is a full translation: every Indonesian UI text in code and views has its English entry.</summary>
public sealed partial class TranslationCompletenessTests
{
    // L["..."] / l["..."] lookups, validation messages, display names, menu labels and explicit I18n.Key("...") marks.
    [GeneratedRegex("""(?:\b[Ll]\[\s*|\bL\(\)\[\s*|ErrorMessage\s*=\s*|\bDisplay\(Name\s*=\s*|new NavItem\(\s*|I18n\.Key\(\s*)"((?:[^"\\]|\\.)+)"\s*[\],)]""")]
    private static partial Regex KeyPattern();

    public static IEnumerable<(string File, string Key)> UsedKeys()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains("Migrations", StringComparison.Ordinal));
        foreach (var f in files)
        {
            foreach (Match m in KeyPattern().Matches(File.ReadAllText(f)))
                yield return (Path.GetRelativePath(RepoPaths.Web, f), Regex.Unescape(m.Groups[1].Value));
        }
    }

    [Fact]
    public void Scanner_finds_the_keys_it_is_meant_to_find()
    {
        var keys = UsedKeys().Select(k => k.Key).ToHashSet();
        Assert.Contains("Masuk ke AgentProgram", keys);          // L["..."] in a view
        Assert.Contains("Email atau kata sandi salah.", keys);   // l["..."] in a handler
        Assert.Contains("Email wajib diisi.", keys);             // ErrorMessage =
        Assert.Contains("Tugas Saya", keys);                     // NavItem label
    }

    [Fact]
    public void Every_Indonesian_text_has_an_English_translation()
    {
        var english = JsonStringLocalizerFactory.LoadEnglish();
        var missing = UsedKeys().Where(k => !english.ContainsKey(k.Key)).Select(k => $"{k.File}: \"{k.Key}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "Add these to a Resources/*.en.json file:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void English_entries_are_not_empty_or_untranslated_placeholders()
    {
        var bad = JsonStringLocalizerFactory.LoadEnglish().Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Format_placeholders_match_between_languages()
    {
        var placeholder = new Regex(@"\{\d+(?::[^}]*)?\}");
        var mismatched = JsonStringLocalizerFactory.LoadEnglish()
            .Where(kv => !placeholder.Matches(kv.Key).Select(m => m.Value).Order().SequenceEqual(placeholder.Matches(kv.Value).Select(m => m.Value).Order()))
            .Select(kv => kv.Key).ToList();
        Assert.Empty(mismatched);
    }
}
