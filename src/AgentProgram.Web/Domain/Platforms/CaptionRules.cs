using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Platforms;

/// <summary>How a platform counts a caption.</summary>
/// <param name="MaxLength">The platform's limit for a post's text.</param>
/// <param name="UrlLength">When set, every link counts as this many characters whatever its length (X's t.co links: 23).</param>
/// <param name="Weighted">X-style weighting: Latin and common punctuation count 1, other scripts and each emoji count 2.</param>
public sealed record CaptionLimit(int MaxLength, int? UrlLength = null, bool Weighted = false);

/// <summary>The measured caption: its effective length against the limit, with the message to show.</summary>
public sealed record CaptionCheck(Platform Platform, int EffectiveLength, int MaxLength, int UrlCount, bool UrlsShortened)
{
    public bool IsWithinLimit => EffectiveLength <= MaxLength;

    public int Excess => Math.Max(0, EffectiveLength - MaxLength);

    /// <summary>Localizer key: over the limit, or the "n of max" counter when within.</summary>
    public string Format => (IsWithinLimit, UrlsShortened) switch
    {
        (false, true) => CaptionRules.TooLongShortenedLinks,
        (false, false) => CaptionRules.TooLong,
        (true, true) => CaptionRules.CounterShortenedLinks,
        (true, false) => CaptionRules.Counter,
    };

    /// <summary>For <c>l[check.Format, check.FormatArgs]</c>: the numbers stay ints so each culture groups them its way.</summary>
    public object[] FormatArgs => [CaptionRules.PlatformName(Platform), EffectiveLength, MaxLength, Excess];

    /// <summary>The Indonesian text with Indonesian number format (convenience; the UI goes through the localizer).</summary>
    public string Message => string.Format(CultureInfo.GetCultureInfo("id-ID"), Format, FormatArgs);
}

/// <summary>
/// Caption limits per platform (one table; the numbers are the platforms' published limits and may
/// change, so they are kept here only) and the way each platform counts.
/// <para>
/// X: the text is weighted as X does (twitter-text v3: characters in U+0000–U+10FF and a few
/// punctuation ranges count 1, everything else 2, an emoji sequence counts 2); every link in the
/// text counts 23 (t.co), whatever its length; a link the share intent appends (the <c>url=</c>
/// parameter) counts 23 plus 1 for the space X puts before it; each hashtag the intent appends
/// (<c>hashtags=</c>) counts its "#tag" plus 1 for the space before it. X counts hashtags as text.
/// </para>
/// <para>
/// Other platforms do not shorten links: the caption counts in UTF-16 code units (what browsers and
/// most apps count; an emoji counts 2, so the check errs on the safe side), and an appended link
/// counts its full length plus one separator.
/// </para>
/// </summary>
public static partial class CaptionRules
{
    public const int XUrlLength = 23;

    // {0} platform, {1} effective length, {2} limit, {3} excess: numbers are passed as ints and shown per culture.
    public const string TooLongShortenedLinks = "Keterangan untuk {0} {1:N0} karakter (tautan dihitung 23); batasnya {2:N0}. Persingkat {3:N0} karakter.";
    public const string TooLong = "Keterangan untuk {0} {1:N0} karakter; batasnya {2:N0}. Persingkat {3:N0} karakter.";
    public const string CounterShortenedLinks = "{1:N0} dari {2:N0} karakter (tautan dihitung 23).";
    public const string Counter = "{1:N0} dari {2:N0} karakter.";

    /// <summary>
    /// TikTok: 2,200 is what its posting API enforces; the app allows up to 4,000 for many accounts,
    /// so 2,200 is the limit that is safe everywhere.
    /// </summary>
    public static readonly FrozenDictionary<Platform, CaptionLimit> Limits = new Dictionary<Platform, CaptionLimit>
    {
        [Platform.X] = new(280, UrlLength: XUrlLength, Weighted: true),
        [Platform.Instagram] = new(2_200),
        [Platform.TikTok] = new(2_200),
        [Platform.Facebook] = new(63_206),
        [Platform.LinkedIn] = new(3_000),
        [Platform.Threads] = new(500),
        [Platform.Telegram] = new(4_096),
        [Platform.WhatsApp] = new(65_536),
        [Platform.YouTube] = new(5_000),
    }.ToFrozenDictionary();

    public static CaptionLimit LimitFor(Platform platform) =>
        Limits.TryGetValue(platform, out var limit) ? limit : throw new ArgumentOutOfRangeException(nameof(platform), platform, null);

    /// <summary>The platform's name as users know it (a brand: not translated).</summary>
    public static string PlatformName(Platform platform) => platform switch
    {
        Platform.X => "X",
        Platform.TikTok => "TikTok",
        Platform.YouTube => "YouTube",
        Platform.WhatsApp => "WhatsApp",
        Platform.LinkedIn => "LinkedIn",
        _ => platform.ToString(),
    };

    /// <summary>Measures a caption as the platform will count it.</summary>
    /// <param name="appendedLink">The link a share intent adds after the caption (X: its url= parameter), if any.</param>
    /// <param name="appendedHashtags">Hashtags a share intent adds (X: its hashtags= parameter), without '#'.</param>
    public static CaptionCheck Measure(Platform platform, string? caption, string? appendedLink = null, IEnumerable<string>? appendedHashtags = null)
    {
        var limit = LimitFor(platform);
        caption ??= "";
        var urls = FindUrls(caption);
        int length;
        if (limit.UrlLength is int urlLength)
        {
            length = 0;
            var at = 0;
            foreach (var (index, len) in urls)
            {
                length += Count(caption[at..index], limit.Weighted) + urlLength;
                at = index + len;
            }
            length += Count(caption[at..], limit.Weighted);
            if (!string.IsNullOrEmpty(appendedLink)) length += 1 + urlLength;
        }
        else
        {
            length = Count(caption, limit.Weighted);
            if (!string.IsNullOrEmpty(appendedLink)) length += 1 + Count(appendedLink, limit.Weighted);
        }

        foreach (var tag in appendedHashtags ?? [])
        {
            if (!string.IsNullOrWhiteSpace(tag)) length += 1 + Count("#" + tag.Trim().TrimStart('#'), limit.Weighted);
        }

        var shortened = limit.UrlLength is not null && (urls.Count > 0 || !string.IsNullOrEmpty(appendedLink));
        return new CaptionCheck(platform, length, limit.MaxLength, urls.Count + (string.IsNullOrEmpty(appendedLink) ? 0 : 1), shortened);
    }

    /// <summary>The links in a text as (index, length): http(s)://…, www.…, and bare domains such as kemenkeu.go.id/pajak.</summary>
    public static IReadOnlyList<(int Index, int Length)> FindUrls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int, int)>();
        foreach (Match m in UrlPattern().Matches(text))
        {
            var value = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"');
            // A closing bracket belongs to the link only if the link opened one ("…/Foo_(bar)").
            while (value.EndsWith(')') && value.Count(c => c == ')') > value.Count(c => c == '(')) value = value[..^1];
            if (value.Length > 0) found.Add((m.Index, value.Length));
        }
        return found;
    }

    /// <summary>Characters as X counts them (weighted) or as UTF-16 code units.</summary>
    public static int Count(string text, bool weighted)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!weighted) return text.Length;
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text.Normalize(NormalizationForm.FormC));
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var runes = element.EnumerateRunes().ToList();
            if (runes.Count > 1 && runes.Any(r => !IsLight(r.Value)))
            {
                total += 2; // an emoji sequence (flag, skin tone, ZWJ family, keycap) counts as one emoji
                continue;
            }
            foreach (var r in runes) total += IsLight(r.Value) ? 1 : 2;
        }
        return total;
    }

    private static bool IsLight(int cp) =>
        cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x2032 && cp <= 0x2037);

    [GeneratedRegex(@"(?:\bhttps?://|\bwww\.)[^\s<>""]+|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:go\.id|co\.id|ac\.id|or\.id|web\.id|my\.id|desa\.id|id|com|net|org|info|io|co|ly|me|gov|edu|int|app|dev|news|tv|link|gl|to|cc)\b(?:/[^\s<>""]*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
