using System.Text.RegularExpressions;

namespace AgentProgram.Web.Domain.Platforms;

public enum ProfileLinkError
{
    Empty,
    NotAUrl,

    /// <summary>A link of another platform we know (a TikTok link for Instagram).</summary>
    OtherPlatform,

    /// <summary>A host that belongs to no platform we know.</summary>
    UnknownHost,

    /// <summary>The platform's host, but a post, short link, group or page rather than a profile.</summary>
    NotAProfile,

    /// <summary>The name in the link is not a valid name on that platform.</summary>
    BadHandle,

    /// <summary>The link is fine, but names another account than the handle the agent typed.</summary>
    HandleMismatch,
}

/// <summary>A problem with a profile link: an Indonesian composite format string that is also the localizer key, and its arguments.</summary>
public sealed record ProfileLinkProblem(ProfileLinkError Code, string Message, params object[] Args);

/// <summary>A recognised profile: the handle as stored (lower case, no @) and the link in one canonical form.</summary>
public sealed record ProfileLink(Platform Platform, string Handle, string Url);

public sealed record ProfileLinkResult(ProfileLink? Link, ProfileLinkProblem? Problem)
{
    public bool IsValid => Link is not null;
}

/// <summary>
/// Recognises a social-media profile link per platform (DOMAIN.md §8), brings it to one canonical
/// form and extracts the handle, so that "one account, one agent" and later "the post belongs to
/// the registered account" compare like with like. Pure: no network, no clock.
/// </summary>
public static partial class ProfileLinks
{
    private static readonly (string Domain, Platform Platform)[] Hosts =
    [
        ("instagram.com", Platform.Instagram), ("instagr.am", Platform.Instagram),
        ("facebook.com", Platform.Facebook), ("fb.com", Platform.Facebook), ("fb.watch", Platform.Facebook), ("fb.me", Platform.Facebook),
        ("x.com", Platform.X), ("twitter.com", Platform.X), ("t.co", Platform.X),
        ("tiktok.com", Platform.TikTok),
        ("youtube.com", Platform.YouTube), ("youtu.be", Platform.YouTube),
        ("wa.me", Platform.WhatsApp), ("whatsapp.com", Platform.WhatsApp),
        ("linkedin.com", Platform.LinkedIn), ("lnkd.in", Platform.LinkedIn),
        ("threads.net", Platform.Threads), ("threads.com", Platform.Threads),
        ("t.me", Platform.Telegram), ("telegram.me", Platform.Telegram), ("telegram.org", Platform.Telegram),
    ];

    // First path segments that are site pages, posts or tools, never a user name.
    private static readonly HashSet<string> InstagramReserved = Set("p", "reel", "reels", "tv", "stories", "explore", "accounts", "direct", "about", "developer", "legal", "web", "s");
    private static readonly HashSet<string> FacebookReserved = Set("posts", "share", "watch", "groups", "events", "pages", "reel", "reels", "story.php", "photo.php", "photo", "photos", "videos", "permalink.php", "marketplace", "gaming", "hashtag", "login", "help", "sharer", "sharer.php", "stories", "home.php", "search");
    private static readonly HashSet<string> XReserved = Set("home", "explore", "search", "i", "intent", "share", "settings", "notifications", "messages", "hashtag", "compose", "login", "signup", "tos", "privacy");
    private static readonly HashSet<string> TelegramReserved = Set("joinchat", "s", "share", "addstickers", "addlist", "addemoji", "c", "proxy", "socks", "iv", "login");
    private static readonly HashSet<string> YouTubeTabs = Set("videos", "shorts", "featured", "streams", "about", "community", "playlists", "posts");

    /// <summary>The canonical form of a profile link on each platform, with a sample name; shown in help texts and messages.</summary>
    public static string Example(Platform platform) => platform switch
    {
        Platform.Instagram => "https://www.instagram.com/namaanda",
        Platform.Facebook => "https://www.facebook.com/namaanda",
        Platform.X => "https://x.com/namaanda",
        Platform.TikTok => "https://www.tiktok.com/@namaanda",
        Platform.YouTube => "https://www.youtube.com/@namaanda",
        Platform.WhatsApp => "https://wa.me/6281234567890",
        Platform.LinkedIn => "https://www.linkedin.com/in/namaanda",
        Platform.Threads => "https://www.threads.net/@namaanda",
        Platform.Telegram => "https://t.me/namaanda",
        _ => "",
    };

    /// <summary>The platform a link's host belongs to, whatever the path; null for other sites.</summary>
    public static Platform? Recognise(string? url) =>
        TryUri(url, out var uri) ? PlatformOfHost(uri.Host) : null;

    /// <summary>
    /// The handle as it is stored and compared: trimmed, without a leading @, lower case.
    /// WhatsApp numbers keep digits only, and a national 0 prefix becomes Indonesia's 62, as wa.me needs.
    /// </summary>
    public static string NormalizeHandle(Platform platform, string? typed)
    {
        var s = (typed ?? "").Trim();
        if (platform == Platform.WhatsApp)
        {
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            return digits.StartsWith('0') ? "62" + digits[1..] : digits;
        }
        return s.TrimStart('@').Trim().ToLowerInvariant();
    }

    /// <summary>How a stored handle reads to a person: @name, +62… for WhatsApp, the bare id for numeric or channel ids.</summary>
    public static string DisplayHandle(Platform platform, string handle) => platform switch
    {
        Platform.WhatsApp => "+" + handle,
        Platform.Facebook when handle.All(char.IsAsciiDigit) => handle,
        Platform.YouTube when ChannelId().IsMatch(handle) => handle,
        Platform.LinkedIn => handle,
        _ => "@" + handle,
    };

    /// <summary>Parses the link for the platform and checks that it names the account the agent typed.</summary>
    public static ProfileLinkResult Check(Platform platform, string? url, string? typedHandle)
    {
        var parsed = Parse(platform, url);
        if (parsed.Link is not { } link) return parsed;
        var typed = NormalizeHandle(platform, typedHandle);
        if (!string.Equals(typed, link.Handle, StringComparison.Ordinal))
            return Fail(ProfileLinkError.HandleMismatch, ProfileLinkMessages.HandleMismatch, link.Handle, typed.Length == 0 ? "-" : typed);
        return parsed;
    }

    /// <summary>Recognises a profile link of the platform: host, path shape and a valid name.</summary>
    public static ProfileLinkResult Parse(Platform platform, string? url)
    {
        var raw = (url ?? "").Trim();
        if (raw.Length == 0) return Fail(ProfileLinkError.Empty, ProfileLinkMessages.Empty);
        if (!TryUri(raw, out var uri)) return Fail(ProfileLinkError.NotAUrl, ProfileLinkMessages.NotAUrl, raw, Example(platform));

        var host = uri.Host.ToLowerInvariant();
        var owner = PlatformOfHost(host);
        if (owner is null) return Fail(ProfileLinkError.UnknownHost, ProfileLinkMessages.UnknownHost, host, platform.ToString(), Example(platform));
        if (owner != platform)
            return Fail(ProfileLinkError.OtherPlatform, ProfileLinkMessages.OtherPlatform, owner.Value.ToString(), platform.ToString(), Example(platform));

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = ParseQuery(uri.Query);
        return platform switch
        {
            Platform.Instagram => Instagram(host, segments),
            Platform.Facebook => Facebook(host, segments, query),
            Platform.X => X(host, segments),
            Platform.TikTok => TikTok(host, segments),
            Platform.YouTube => YouTube(host, segments),
            Platform.WhatsApp => WhatsApp(host, segments, query),
            Platform.LinkedIn => LinkedIn(host, segments),
            Platform.Threads => Threads(segments),
            Platform.Telegram => Telegram(host, segments),
            _ => NotAProfile(platform),
        };
    }

    private static ProfileLinkResult Instagram(string host, List<string> s)
    {
        if (IsHost(host, "instagr.am") && s.Count == 0) return NotAProfile(Platform.Instagram);
        if (s.Count != 1 || InstagramReserved.Contains(s[0])) return NotAProfile(Platform.Instagram);
        return Named(Platform.Instagram, s[0].TrimStart('@'), InstagramName(), h => $"https://www.instagram.com/{h}");
    }

    private static ProfileLinkResult Facebook(string host, List<string> s, Dictionary<string, string> query)
    {
        if (IsHost(host, "fb.watch") || IsHost(host, "fb.me")) return NotAProfile(Platform.Facebook);
        if (s.Count == 1 && s[0].Equals("profile.php", StringComparison.OrdinalIgnoreCase))
        {
            return query.TryGetValue("id", out var id)
                ? Named(Platform.Facebook, id, NumericId(), h => $"https://www.facebook.com/profile.php?id={h}")
                : NotAProfile(Platform.Facebook);
        }
        // facebook.com/people/Full-Name/100012345678901/ is the profile link of someone without a user name.
        if (s.Count == 3 && s[0].Equals("people", StringComparison.OrdinalIgnoreCase))
            return Named(Platform.Facebook, s[2], NumericId(), h => $"https://www.facebook.com/profile.php?id={h}");
        if (s.Count != 1 || FacebookReserved.Contains(s[0])) return NotAProfile(Platform.Facebook);
        return Named(Platform.Facebook, s[0], FacebookName(), h => $"https://www.facebook.com/{h}");
    }

    private static ProfileLinkResult X(string host, List<string> s)
    {
        if (IsHost(host, "t.co")) return NotAProfile(Platform.X);
        if (s.Count != 1 || XReserved.Contains(s[0])) return NotAProfile(Platform.X);
        return Named(Platform.X, s[0].TrimStart('@'), XName(), h => $"https://x.com/{h}");
    }

    private static ProfileLinkResult TikTok(string host, List<string> s)
    {
        // vt./vm.tiktok.com are short links: they must be opened to know whose they are.
        if (host.StartsWith("vt.", StringComparison.Ordinal) || host.StartsWith("vm.", StringComparison.Ordinal)) return NotAProfile(Platform.TikTok);
        if (s.Count != 1 || !s[0].StartsWith('@')) return NotAProfile(Platform.TikTok);
        return Named(Platform.TikTok, s[0][1..], TikTokName(), h => $"https://www.tiktok.com/@{h}");
    }

    private static ProfileLinkResult YouTube(string host, List<string> s)
    {
        if (IsHost(host, "youtu.be") || s.Count == 0) return NotAProfile(Platform.YouTube);
        if (s[0].StartsWith('@') && (s.Count == 1 || (s.Count == 2 && YouTubeTabs.Contains(s[1]))))
            return Named(Platform.YouTube, s[0][1..], YouTubeName(), h => $"https://www.youtube.com/@{h}");
        if (s[0].Equals("channel", StringComparison.OrdinalIgnoreCase) && (s.Count == 2 || (s.Count == 3 && YouTubeTabs.Contains(s[2]))))
        {
            // Channel ids are case-sensitive in the link; the stored handle is lower case like every other.
            var id = s[1];
            if (!ChannelId().IsMatch(id)) return BadName(Platform.YouTube, id);
            return new(new ProfileLink(Platform.YouTube, id.ToLowerInvariant(), $"https://www.youtube.com/channel/{id}"), null);
        }
        return NotAProfile(Platform.YouTube);
    }

    private static ProfileLinkResult WhatsApp(string host, List<string> s, Dictionary<string, string> query)
    {
        string? number = null;
        if (IsHost(host, "wa.me") && s.Count == 1) number = s[0];
        else if (host == "api.whatsapp.com" && s.Count == 1 && s[0] == "send" && query.TryGetValue("phone", out var phone)) number = phone;
        if (number is null || number.Equals("message", StringComparison.OrdinalIgnoreCase)) return NotAProfile(Platform.WhatsApp);
        var digits = number.TrimStart('+');
        if (!PhoneDigits().IsMatch(digits)) return BadName(Platform.WhatsApp, number);
        return new(new ProfileLink(Platform.WhatsApp, digits, $"https://wa.me/{digits}"), null);
    }

    private static ProfileLinkResult LinkedIn(string host, List<string> s)
    {
        if (IsHost(host, "lnkd.in")) return NotAProfile(Platform.LinkedIn);
        if (s.Count != 2 || !s[0].Equals("in", StringComparison.OrdinalIgnoreCase)) return NotAProfile(Platform.LinkedIn);
        return Named(Platform.LinkedIn, s[1], LinkedInName(), h => $"https://www.linkedin.com/in/{Uri.EscapeDataString(h)}");
    }

    private static ProfileLinkResult Threads(List<string> s)
    {
        if (s.Count != 1 || !s[0].StartsWith('@')) return NotAProfile(Platform.Threads);
        return Named(Platform.Threads, s[0][1..], InstagramName(), h => $"https://www.threads.net/@{h}");
    }

    private static ProfileLinkResult Telegram(string host, List<string> s)
    {
        if (IsHost(host, "telegram.org")) return NotAProfile(Platform.Telegram);
        if (s.Count != 1 || s[0].StartsWith('+') || TelegramReserved.Contains(s[0])) return NotAProfile(Platform.Telegram);
        return Named(Platform.Telegram, s[0].TrimStart('@'), TelegramName(), h => $"https://t.me/{h}");
    }

    private static ProfileLinkResult Named(Platform platform, string name, Regex valid, Func<string, string> canonical)
    {
        if (!valid.IsMatch(name)) return BadName(platform, name);
        var handle = name.ToLowerInvariant();
        return new(new ProfileLink(platform, handle, canonical(handle)), null);
    }

    private static ProfileLinkResult BadName(Platform platform, string name) =>
        Fail(ProfileLinkError.BadHandle, ProfileLinkMessages.BadHandle, name, platform.ToString(), Example(platform));

    private static ProfileLinkResult NotAProfile(Platform platform) =>
        Fail(ProfileLinkError.NotAProfile, ProfileLinkMessages.NotAProfile, platform.ToString(), Example(platform));

    private static ProfileLinkResult Fail(ProfileLinkError code, string message, params object[] args) =>
        new(null, new ProfileLinkProblem(code, message, args));

    private static bool TryUri(string? raw, out Uri uri)
    {
        uri = null!;
        var s = (raw ?? "").Trim();
        if (s.Length == 0 || s.Length > 2000 || s.Any(char.IsWhiteSpace)) return false;
        if (!s.Contains("://", StringComparison.Ordinal)) s = "https://" + s;
        if (!Uri.TryCreate(s, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !parsed.Host.Contains('.', StringComparison.Ordinal))
            return false;
        uri = parsed;
        return true;
    }

    private static Platform? PlatformOfHost(string host)
    {
        host = host.ToLowerInvariant();
        foreach (var (domain, platform) in Hosts)
        {
            if (IsHost(host, domain)) return platform;
        }
        return null;
    }

    private static bool IsHost(string host, string domain) => UrlParts.IsHost(host, domain);

    private static Dictionary<string, string> ParseQuery(string query) => UrlParts.ParseQuery(query);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9._]{1,30}$")]
    private static partial Regex InstagramName();

    [GeneratedRegex("^[A-Za-z0-9.\\-]{2,80}$")]
    private static partial Regex FacebookName();

    [GeneratedRegex("^[0-9]{5,20}$")]
    private static partial Regex NumericId();

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex XName();

    [GeneratedRegex("^[A-Za-z0-9._]{2,24}$")]
    private static partial Regex TikTokName();

    [GeneratedRegex("^[A-Za-z0-9._\\-]{3,30}$")]
    private static partial Regex YouTubeName();

    [GeneratedRegex("^UC[A-Za-z0-9_\\-]{22}$", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[0-9]{8,15}$")]
    private static partial Regex PhoneDigits();

    [GeneratedRegex("^[\\p{L}\\p{N}\\-_]{3,100}$")]
    private static partial Regex LinkedInName();

    [GeneratedRegex("^[A-Za-z0-9_]{5,32}$")]
    private static partial Regex TelegramName();
}

/// <summary>
/// The profile-link messages: Indonesian composite format strings that are also the localizer keys
/// (English in Resources/Agents.en.json). {0}… are filled from <see cref="ProfileLinkProblem.Args"/>.
/// </summary>
public static class ProfileLinkMessages
{
    public const string Empty = "Tautan profil wajib diisi.";
    public const string NotAUrl = "`{0}` bukan tautan yang dikenali. Buka profil Anda di aplikasi atau peramban, salin tautannya, lalu tempel di sini. Contoh: {1}";
    public const string UnknownHost = "Tautan ke `{0}` bukan tautan {1}. Tautan profil {1} berbentuk {2}";
    public const string OtherPlatform = "Ini tautan {0}, bukan {1}. Pilih platform {0}, atau tempel tautan profil {1} seperti {2}";
    public const string NotAProfile = "Ini bukan tautan profil {0} (mungkin tautan unggahan, tautan pendek, atau grup). Buka halaman profil Anda lalu salin tautannya; bentuknya {1}";
    public const string BadHandle = "Nama `{0}` pada tautan bukan nama pengguna {1} yang sah. Periksa tautannya; bentuknya {2}";
    public const string HandleMismatch = "Nama pengguna pada tautan (`{0}`) tidak sama dengan nama pengguna yang Anda ketik (`{1}`). Periksa setiap huruf, terutama titik (.) dan garis bawah (_) yang sering tertukar.";
}
