using System.Collections.Frozen;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Employees;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Imports;

/// <summary>
/// Shows a stored import message in the reader's language. ImportRowIssue keeps the Indonesian text
/// (the import log's language); every such text was made from one of the known format strings
/// (EmployeeMessages, ImportTexts), so the arguments are recovered by matching the text against its
/// format and the localizer formats them again. A text that matches no format is shown as stored.
/// </summary>
public static class IssueText
{
    private static readonly IReadOnlyList<(string Format, string Prefix, Regex Pattern)> Formats =
        typeof(EmployeeMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .Concat(typeof(ImportTexts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).Select(f => (string)f.GetValue(null)!))
            .Distinct()
            .Select(f => (f, f.IndexOf('{', StringComparison.Ordinal) is var i and >= 0 ? f[..i] : f, Compile(f)))
            .ToList();

    private static readonly FrozenDictionary<string, string> ExactKeys = Formats.Where(f => !f.Format.Contains('{', StringComparison.Ordinal))
        .ToFrozenDictionary(f => f.Format, f => f.Format, StringComparer.Ordinal);

    public static string Localize(IStringLocalizer l, string? message)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (string.IsNullOrEmpty(message)) return "";
        if (ExactKeys.ContainsKey(message)) return l[message];
        foreach (var (format, prefix, pattern) in Formats)
        {
            if (!message.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var m = pattern.Match(message);
            if (!m.Success) continue;
            var count = m.Groups.Count - 1;
            var args = new object[count];
            for (var i = 0; i < count; i++) args[i] = m.Groups["a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value;
            return l[format, args];
        }
        return message;
    }

    /// <summary>"Kolom {0} tidak …" → ^Kolom (?&lt;a0&gt;.*?) tidak …$ (a placeholder used twice must match the same text).</summary>
    private static Regex Compile(string format)
    {
        var pattern = new System.Text.StringBuilder("^");
        var seen = new HashSet<string>();
        var last = 0;
        foreach (Match m in Regex.Matches(format, @"\{(\d+)\}"))
        {
            pattern.Append(Regex.Escape(format[last..m.Index]));
            var name = "a" + m.Groups[1].Value;
            pattern.Append(seen.Add(name) ? $"(?<{name}>.*?)" : $"\\k<{name}>");
            last = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(format[last..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }
}
