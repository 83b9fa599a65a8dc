using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Localization;

/// <summary>
/// UI strings are written in Indonesian in the code and views; that text is the key. Each
/// Resources/*.en.json maps it to English. One file per feature keeps parallel work from
/// colliding; a test fails when any key used in code or views lacks its English entry.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    public static readonly JsonStringLocalizer Shared = new(LoadEnglish());

    public IStringLocalizer Create(Type resourceSource) => Shared;
    public IStringLocalizer Create(string baseName, string location) => Shared;

    public static FrozenDictionary<string, string> LoadEnglish()
    {
        var asm = Assembly.GetExecutingAssembly();
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".en.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(s) ?? [];
            foreach (var (k, v) in map)
            {
                if (!all.TryAdd(k, v) && all[k] != v)
                    throw new InvalidOperationException($"UI string translated twice, differently: \"{k}\" ({name}).");
            }
        }
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

public sealed class JsonStringLocalizer(FrozenDictionary<string, string> english) : IStringLocalizer
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public LocalizedString this[string name]
    {
        get
        {
            if (!IsEnglish) return new LocalizedString(name, name, resourceNotFound: false);
            var found = english.TryGetValue(name, out var value);
            return new LocalizedString(name, value ?? name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(kv => new LocalizedString(kv.Key, IsEnglish ? kv.Value : kv.Key));
}
