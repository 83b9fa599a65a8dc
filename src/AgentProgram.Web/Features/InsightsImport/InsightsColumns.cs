using System.Globalization;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.InsightsImport;

/// <summary>The columns an insights file can feed: the post link (required) and the six numbers of a snapshot.</summary>
public enum InsightsField
{
    Link = 0,
    Views = 1,
    Reach = 2,
    Likes = 3,
    Comments = 4,
    Reposts = 5,
    Saves = 6,
}

/// <summary>How a number cell reads.</summary>
public enum CountParse
{
    Empty,
    Ok,
    NotAWholeNumber,
    Negative,
}

/// <summary>
/// The insights file's columns: their labels, the header names that pre-select them (Indonesian and
/// English, as the platforms' exports and officers' own sheets name them), how a number cell reads,
/// and which platform a post link belongs to. Pure helpers, no database.
/// </summary>
public static partial class InsightsColumns
{
    public static IReadOnlyList<InsightsField> Fields { get; } = Enum.GetValues<InsightsField>();

    public static IReadOnlyList<InsightsField> NumberFields { get; } = [.. Fields.Where(f => f != InsightsField.Link)];

    // Normalised header names (lower case, letters and digits only). Exact matches win over "contains" matches.
    private static readonly Dictionary<InsightsField, string[]> Synonyms = new()
    {
        [InsightsField.Link] = ["link", "url", "tautan", "permalink", "postlink", "posturl", "tautankiriman", "linkpostingan", "linkkiriman", "tautanpostingan", "tautanunggahan", "linkunggahan"],
        [InsightsField.Views] = ["views", "tayangan", "impressions", "impresi", "plays", "videoviews", "penayangan", "dilihat", "jumlahtayangan", "view", "impression"],
        [InsightsField.Reach] = ["reach", "jangkauan", "accountsreached", "akunterjangkau", "jangkauanakun"],
        [InsightsField.Likes] = ["likes", "suka", "menyukai", "reactions", "reaksi", "like", "jumlahsuka", "tandasuka"],
        [InsightsField.Comments] = ["comments", "komentar", "comment", "replies", "balasan", "jumlahkomentar"],
        [InsightsField.Reposts] = ["shares", "reposts", "share", "repost", "retweets", "dibagikan", "bagikan", "bagikanulang", "berbagi", "kirimulang"],
        [InsightsField.Saves] = ["saves", "simpan", "disimpan", "save", "saved", "bookmarks", "markah"],
    };

    /// <summary>The column's label on the mapping and result pages (a localizer key).</summary>
    public static string Label(InsightsField field) => field switch
    {
        InsightsField.Link => I18n.Key("Tautan kiriman"),
        InsightsField.Views => I18n.Key("Tayangan"),
        InsightsField.Reach => I18n.Key("Jangkauan"),
        InsightsField.Likes => I18n.Key("Suka"),
        InsightsField.Comments => I18n.Key("Komentar"),
        InsightsField.Reposts => I18n.Key("Bagikan ulang"),
        InsightsField.Saves => I18n.Key("Disimpan"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static MetricKind Kind(InsightsField field) => field switch
    {
        InsightsField.Views => MetricKind.Views,
        InsightsField.Reach => MetricKind.Reach,
        InsightsField.Likes => MetricKind.Likes,
        InsightsField.Comments => MetricKind.Comments,
        InsightsField.Reposts => MetricKind.Reposts,
        InsightsField.Saves => MetricKind.Saves,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>
    /// The column each field most likely reads, from the header names: exact names first, then headers
    /// that contain a known name ("Post link", "Video views"). A column feeds one field at most.
    /// </summary>
    public static Dictionary<InsightsField, int> Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var normalised = headers.Select(Normalise).ToList();
        var result = new Dictionary<InsightsField, int>();
        var taken = new HashSet<int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in Fields)
            {
                if (result.ContainsKey(field)) continue;
                var index = Find(normalised, taken, Synonyms[field], exact);
                if (index < 0) continue;
                result[field] = index;
                taken.Add(index);
            }
        }
        return result;
    }

    private static int Find(List<string> headers, HashSet<int> taken, string[] names, bool exact)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var h = headers[i];
                if (h.Length == 0 || taken.Contains(i)) continue;
                if (exact ? h == name : h.Contains(name, StringComparison.Ordinal)) return i;
            }
        }
        return -1;
    }

    private static string Normalise(string header) =>
        new string((header ?? "").ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// A whole, non-negative count as people and exports write it: <c>1234</c>, <c>1.234</c>, <c>1,234</c>,
    /// <c>1 234</c>, <c>1.234.567</c>. A decimal (<c>12,5</c>), a shorthand (<c>1,2K</c>) or text is not a count.
    /// </summary>
    public static CountParse ParseCount(string? raw, out long value)
    {
        value = 0;
        var s = (raw ?? "").Trim().Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (s.Length == 0 || s == "-") return CountParse.Empty;
        var negative = s.StartsWith('-');
        var digits = negative ? s[1..].Trim() : s;
        if (!Grouped().IsMatch(digits)) return CountParse.NotAWholeNumber;
        var plain = new string(digits.Where(char.IsAsciiDigit).ToArray());
        if (!long.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return CountParse.NotAWholeNumber;
        if (negative && value != 0) return CountParse.Negative;
        return CountParse.Ok;
    }

    // Plain digits (an XLSX "1234" included), or groups of three after a separator that is the same throughout.
    [GeneratedRegex(@"^(?:\d{1,18}|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+)$")]
    private static partial Regex Grouped();

    /// <summary>
    /// The platform of a post link and its canonical form: each platform that has post links is tried
    /// with <see cref="PostLinks.Parse"/>, and the one that recognises the link wins. Null when none does.
    /// </summary>
    public static PostLink? Detect(string? url)
    {
        foreach (var platform in Enum.GetValues<Platform>())
        {
            if (!PostLinks.RequiresLink(platform)) continue;
            if (PostLinks.Parse(platform, url).Link is { } link) return link;
        }
        return null;
    }

    /// <summary>Why a link is not a post link: the problem reported for the platform that owns its host, or null when no platform owns it.</summary>
    public static PostLinkProblem? Problem(string? url) =>
        ProfileLinks.Recognise((url ?? "").Trim()) is { } owner && PostLinks.RequiresLink(owner) ? PostLinks.Parse(owner, url).Problem : null;
}
