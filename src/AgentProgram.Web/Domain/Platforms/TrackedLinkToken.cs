using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Platforms;

/// <summary>
/// The opaque token in an agent's tracked link (utm_content, or the path of a short link): 16 random
/// bytes from the OS generator, base64url without padding, so 22 characters of [A-Za-z0-9_-]. It
/// carries no meaning (never a NIP or an id) and cannot be guessed (128 bits).
/// </summary>
public static class TrackedLinkToken
{
    public const int ByteLength = 16;
    public const int Length = 22;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// Whether <paramref name="token"/> could have come from <see cref="New"/>: exactly 22 base64url
    /// characters, the last one canonical (its 4 unused bits zero). Check this before any database
    /// lookup so junk and probes cost nothing.
    /// </summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Length) return false;
        foreach (var c in token)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')) return false;
        }
        // 22 characters hold 132 bits; the last character carries 2 data bits and 4 zero bits.
        return token[^1] is 'A' or 'Q' or 'g' or 'w';
    }
}

/// <summary>Builds the target of an agent's tracked link: the message's canonical page with UTM parameters.</summary>
public static partial class TrackedLinks
{
    public const string Medium = "asn_agent";

    private static readonly string[] OwnParameters = ["utm_source", "utm_medium", "utm_campaign", "utm_content"];

    /// <summary>
    /// <c>{canonicalUrl}?{its own query}&amp;utm_source={platform}&amp;utm_medium=asn_agent&amp;utm_campaign={campaign}&amp;utm_content={agentToken}#{its fragment}</c>.
    /// The canonical URL's own query parameters and fragment are kept as written; any utm_source,
    /// utm_medium, utm_campaign or utm_content it already had are replaced. Nothing personal goes in:
    /// the platform is its lower-case name, the campaign a message id or slug (letters, digits,
    /// '.', '_', '-'; up to 64; never 18 digits, the shape of a NIP), the agent token must be a well-formed <see cref="TrackedLinkToken"/>
    /// (null leaves utm_content out, for the message's general link).
    /// </summary>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), the campaign is not a slug, or the token is malformed.</exception>
    public static string BuildTarget(string canonicalUrl, Platform platform, string campaign, string? agentToken = null)
    {
        ArgumentNullException.ThrowIfNull(canonicalUrl);
        ArgumentNullException.ThrowIfNull(campaign);
        canonicalUrl = canonicalUrl.Trim();
        if (!Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("The canonical URL must be an absolute http(s) URL.", nameof(canonicalUrl));
        if (!CampaignPattern().IsMatch(campaign))
            throw new ArgumentException("The campaign must be a message id or slug: letters, digits, '.', '_' or '-', at most 64.", nameof(campaign));
        if (campaign.Length == 18 && campaign.All(char.IsAsciiDigit))
            throw new ArgumentException("An 18-digit campaign looks like a NIP; use the message id or a slug.", nameof(campaign));
        if (agentToken is not null && !TrackedLinkToken.IsWellFormed(agentToken))
            throw new ArgumentException("The agent token is not a well-formed tracked-link token.", nameof(agentToken));

        var hash = canonicalUrl.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? canonicalUrl[hash..] : "";
        var beforeFragment = hash >= 0 ? canonicalUrl[..hash] : canonicalUrl;
        var question = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        var path = question >= 0 ? beforeFragment[..question] : beforeFragment;
        var query = question >= 0 ? beforeFragment[(question + 1)..] : "";

        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !OwnParameters.Contains(Uri.UnescapeDataString(p.Split('=', 2)[0]), StringComparer.OrdinalIgnoreCase));
        var ours = new List<string>
        {
            "utm_source=" + Source(platform),
            "utm_medium=" + Medium,
            "utm_campaign=" + Uri.EscapeDataString(campaign),
        };
        if (agentToken is not null) ours.Add("utm_content=" + agentToken);

        return path + "?" + string.Join('&', kept.Concat(ours)) + fragment;
    }

    public static string BuildTarget(string canonicalUrl, Platform platform, int messageId, string? agentToken = null) =>
        BuildTarget(canonicalUrl, platform, messageId.ToString(CultureInfo.InvariantCulture), agentToken);

    /// <summary>The utm_source value: the platform's name in lower case ("x", "instagram", "whatsapp").</summary>
    public static string Source(Platform platform) => platform.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CampaignPattern();
}

/// <summary>
/// Counts unique visitors of a tracked link without storing who they are. The hash is
/// HMAC-SHA-256, keyed with a salt derived for the day (HMAC-SHA-256 of the server secret and the
/// date), over the IP address and user agent. No IP is stored; the same visitor gets a different hash
/// the next day, so hashes cannot be linked across days; without the secret they cannot be reversed
/// by trying all IPv4 addresses.
/// </summary>
public static class VisitorHash
{
    public const int MinSecretLength = 32;

    /// <returns>64 lower-case hex characters.</returns>
    public static string Compute(string? ip, string? userAgent, DateOnly day, byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinSecretLength)
            throw new ArgumentException($"The secret must be at least {MinSecretLength} bytes.", nameof(secret));

        var salt = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("visitor-salt:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        // Length-prefixed fields, so ("1.2.3.4", "x") and ("1.2.3.4x", "") can never collide.
        var ipText = NormalizeIp(ip);
        var ua = (userAgent ?? "").Trim();
        var data = Encoding.UTF8.GetBytes($"{ipText.Length}:{ipText}|{ua.Length}:{ua}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, data));
    }

    /// <summary>The IP in one canonical form (IPv4-mapped IPv6 as IPv4, IPv6 compressed); unparsable input trimmed as is.</summary>
    public static string NormalizeIp(string? ip)
    {
        var text = (ip ?? "").Trim();
        if (!IPAddress.TryParse(text, out var address)) return text;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        else if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) address.ScopeId = 0;
        return address.ToString();
    }
}

/// <summary>
/// Link-preview fetchers, crawlers and scripts: their requests are not counted as clicks. An empty
/// user agent counts as a bot (every real browser sends one). In-app browsers of Facebook, Instagram,
/// TikTok and LINE are people and are not matched.
/// </summary>
public static partial class BotDetector
{
    public static bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return true;
        return BotPattern().IsMatch(userAgent);
    }

    // "(?<!cu)bot": Cubot phones ("CUBOT_X30") are people; every other *bot / *Bot name is a bot.
    [GeneratedRegex(
        @"(?<!cu)bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-external|whatsapp/|embedly|iframely|pinterest/|skypeuripreview|preview|vkshare|" +
        @"google-inspectiontool|google-read-aloud|mediapartners-google|adsbot|feedfetcher|lighthouse|pagespeed|gtmetrix|pingdom|uptime|" +
        @"headlesschrome|phantomjs|puppeteer|playwright|selenium|" +
        @"^curl/|\bcurl/|wget|python-requests|python-urllib|python/|aiohttp|httpx|go-http-client|okhttp|java/|apache-httpclient|libwww-perl|" +
        @"node-fetch|undici|axios|got \(|postmanruntime|insomnia|powershell|httpie|scrapy|dataprovider|ahrefs|semrush|mj12|petalbot|bytespider|gptbot|claudebot|ccbot",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotPattern();
}
