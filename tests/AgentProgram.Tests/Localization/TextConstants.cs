using System.Reflection;
using System.Text.RegularExpressions;

namespace AgentProgram.Tests.Localization;

/// <summary>The Indonesian texts a domain class declares as string constants, and the placeholders of a format string.</summary>
public static partial class TextConstants
{
    /// <summary>(constant name, text) for every public string constant of <paramref name="type"/>.</summary>
    public static TheoryData<string, string> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var data = new TheoryData<string, string>();
        foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            data.Add(f.Name, (string)f.GetRawConstantValue()!);
        return data;
    }

    /// <summary>The distinct composite-format placeholders (`{0}`, `{1:N0}` …), sorted.</summary>
    public static string[] Placeholders(string format) =>
        [.. PlaceholderPattern().Matches(format).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>A placeholder; group 1 is its index.</summary>
    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    public static partial Regex PlaceholderPattern();
}
