using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Platforms;

namespace AgentProgram.Web.Domain.Reports;

public enum PostLinkError
{
    Empty = 1,
    NotAUrl = 2,

    /// <summary>A host that belongs to no platform we know.</summary>
    UnknownHost = 3,

    /// <summary>A link of another platform we know (a TikTok link for Instagram).</summary>
    OtherPlatform = 4,

    /// <summary>The platform's host, but a profile, the home page, a search… rather than one post.</summary>
    NotAPost = 5,

    /// <summary>The shape of a post link, but its id or code is cut short or malformed.</summary>
    BadId = 6,

    /// <summary>A generic short link (t.co, lnkd.in, fb.me) that hides which post it points to.</summary>
    ForeignShortLink = 7,

    /// <summary>The platform has no public post link (WhatsApp Status).</summary>
    NoPublicLink = 8,
}

public enum PostKind
{
    Post = 1,
    Video = 2,

    /// <summary>24-hour content (Instagram story): its numbers are final within 24 hours.</summary>
    Story = 3,
}

/// <summary>A problem with a post link: <see cref="Message"/> is the localizer key, its last argument an example of a valid link.</summary>
public sealed record PostLinkProblem(PostLinkError Code, string Message, IReadOnlyList<object> Args) : IReportText;

/// <summary>
/// A recognised post link.
/// <para><see cref="Key"/> is the claim key: one claim per key in the whole system. It depends only on
/// what identifies the post on the platform (never on the host, www./m., the scheme, a trailing slash,
/// the query or, where the id is global, the user part), e.g. <c>x:status:1790000000000000000</c>,
/// <c>instagram:media:C1a2B3c4D5e</c>. Codes keep their case (Instagram and YouTube codes are
/// case-sensitive); names are lower case. At most <see cref="PostLinks.MaxKeyLength"/> characters.</para>
/// <para><see cref="Handle"/> is the account name in the link, normalised like
/// <see cref="ProfileLinks.NormalizeHandle"/>; null when the link does not carry one.</para>
/// <para><see cref="NeedsResolving"/>: a short link (vt./vm.tiktok.com, fb.watch, facebook.com/share/…)
/// whose owner and real post are only known once it is opened; its key is the short code, so the same
/// post claimed once by short link and once by full link is not caught by the key alone.</para>
/// </summary>
public sealed record PostLink(Platform Platform, string Key, string Url, string? Handle, PostKind Kind, bool NeedsResolving);

public sealed record PostLinkResult(PostLink? Link, PostLinkProblem? Problem)
{
    public bool IsValid => Link is not null;
}

/// <summary>
/// Recognises a post link per platform (DOMAIN.md §8) and reduces it to a claim key and, where the
/// link carries one, the account's handle. Pure: no network, no clock. http/https, any subdomain
/// (www., m., mobile., web., id.…), query and fragment are ignored except where the id lives in the
/// query (youtube.com/watch?v=, facebook.com/permalink.php?story_fbid=).
/// </summary>
public static partial class PostLinks
{
    public const int MaxKeyLength = 200;

    private static readonly HashSet<string> InstagramMedia = new(["p", "reel", "reels", "tv"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a report on the platform carries a post link. WhatsApp Status has none: the evidence is a screenshot.</summary>
    public static bool RequiresLink(Platform platform) => platform != Platform.WhatsApp;

    /// <summary>A valid post link of the platform with sample values, shown in help texts and messages; empty for WhatsApp.</summary>
    public static string Example(Platform platform) => platform switch
    {
        Platform.Instagram => "https://www.instagram.com/p/C1a2B3c4D5e/",
        Platform.Facebook => "https://www.facebook.com/namaanda/posts/1234567890123456",
        Platform.X => "https://x.com/namaanda/status/1790000000000000000",
        Platform.TikTok => "https://www.tiktok.com/@namaanda/video/7350000000000000000",
        Platform.YouTube => "https://www.youtube.com/watch?v=AbCdEfGh123",
        Platform.LinkedIn => "https://www.linkedin.com/posts/namaanda_judul-activity-7190000000000000000-AbCd",
        Platform.Threads => "https://www.threads.net/@namaanda/post/C1a2B3c4D5e",
        Platform.Telegram => "https://t.me/namakanal/123",
        _ => "",
    };

    /// <summary>Recognises a post link of the platform and returns its claim key and handle, or what to fix.</summary>
    public static PostLinkResult Parse(Platform platform, string? url)
    {
        var name = PlatformName(platform);
        if (!RequiresLink(platform)) return Fail(PostLinkError.NoPublicLink, ReportTexts.LinkNotForWhatsApp);
        var raw = (url ?? "").Trim();
        if (raw.Length == 0) return Fail(PostLinkError.Empty, ReportTexts.LinkEmpty, name, Example(platform));
        if (!TryUri(raw, out var uri)) return Fail(PostLinkError.NotAUrl, ReportTexts.LinkNotAUrl, Shorten(raw), name, Example(platform));

        var host = uri.Host.ToLowerInvariant();
        var owner = ProfileLinks.Recognise(uri.AbsoluteUri);
        if (owner is null) return Fail(PostLinkError.UnknownHost, ReportTexts.LinkUnknownHost, host, name, Example(platform));
        if (owner != platform) return Fail(PostLinkError.OtherPlatform, ReportTexts.LinkOtherPlatform, PlatformName(owner.Value), name, Example(platform));

        var s = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var query = ParseQuery(uri.Query);
        var result = platform switch
        {
            Platform.Instagram => Instagram(host, s),
            Platform.TikTok => TikTok(host, s),
            Platform.X => X(host, s),
            Platform.Facebook => Facebook(host, s, query),
            Platform.YouTube => YouTube(host, s, query),
            Platform.LinkedIn => LinkedIn(host, s),
            Platform.Threads => Threads(s),
            Platform.Telegram => Telegram(host, s),
            _ => NotAPost(platform),
        };
        return result;
    }

    // instagram.com/(p|reel|reels|tv)/{code}, instagram.com/{user}/(p|reel)/{code}, instagram.com/stories/{user}/{id}
    private static PostLinkResult Instagram(string host, List<string> s)
    {
        const Platform p = Platform.Instagram;
        if (IsHost(host, "instagr.am") && s.Count == 0) return ShortLink(p, host);
        if (s.Count >= 2 && InstagramMedia.Contains(s[0])) return Media(s[0], s[1], null);
        if (s.Count >= 3 && InstagramMedia.Contains(s[1]) && !s[0].Equals("stories", StringComparison.OrdinalIgnoreCase))
            return Media(s[1], s[2], s[0]);
        if (s.Count >= 3 && s[0].Equals("stories", StringComparison.OrdinalIgnoreCase) && !s[1].Equals("highlights", StringComparison.OrdinalIgnoreCase))
        {
            if (!NumericId().IsMatch(s[2])) return BadId(p, s[2]);
            if (!NameChars().IsMatch(s[1])) return BadId(p, s[1]);
            var user = Handle(p, s[1]);
            return Ok(p, $"instagram:story:{s[2]}", $"https://www.instagram.com/stories/{user}/{s[2]}/", user, PostKind.Story);
        }
        return NotAPost(p);

        PostLinkResult Media(string kind, string code, string? user)
        {
            if (!MediaCode().IsMatch(code)) return BadId(p, code);
            if (user is not null && !NameChars().IsMatch(user)) return BadId(p, user);
            var video = !kind.Equals("p", StringComparison.OrdinalIgnoreCase);
            // /p/, /reel/ and /tv/ share one code space: the same media is reachable under each.
            return Ok(p, $"instagram:media:{code}", $"https://www.instagram.com/{(video ? "reel" : "p")}/{code}/",
                user is null ? null : Handle(p, user), video ? PostKind.Video : PostKind.Post);
        }
    }

    // tiktok.com/@{user}/(video|photo)/{id}; vt./vm.tiktok.com/{code} and tiktok.com/t/{code} are short links.
    private static PostLinkResult TikTok(string host, List<string> s)
    {
        const Platform p = Platform.TikTok;
        var shortHost = host.StartsWith("vt.", StringComparison.Ordinal) || host.StartsWith("vm.", StringComparison.Ordinal);
        if (shortHost || (s.Count == 2 && s[0] == "t"))
        {
            var code = shortHost ? (s.Count == 1 ? s[0] : null) : s[1];
            if (code is null) return NotAPost(p);
            if (!ShortCode().IsMatch(code)) return BadId(p, code);
            return Ok(p, $"tiktok:short:{code}", shortHost ? $"https://{host}/{code}/" : $"https://www.tiktok.com/t/{code}/", null, PostKind.Video, needsResolving: true);
        }
        if (s.Count >= 3 && s[0].StartsWith('@') && s[1] is "video" or "photo")
        {
            if (!LongNumericId().IsMatch(s[2])) return BadId(p, s[2]);
            var name = s[0][1..];
            if (!NameChars().IsMatch(name)) return BadId(p, s[0]);
            var user = Handle(p, name);
            return Ok(p, $"tiktok:video:{s[2]}", $"https://www.tiktok.com/@{user}/{s[1]}/{s[2]}", user, s[1] == "video" ? PostKind.Video : PostKind.Post);
        }
        return NotAPost(p);
    }

    // (x|twitter).com/{user}/status/{id}[/photo/1…], x.com/i/status/{id}, x.com/i/web/status/{id}
    private static PostLinkResult X(string host, List<string> s)
    {
        const Platform p = Platform.X;
        if (IsHost(host, "t.co")) return ShortLink(p, host);
        string? user = null;
        string? id = null;
        if (s.Count >= 4 && s[0].Equals("i", StringComparison.OrdinalIgnoreCase) && s[1].Equals("web", StringComparison.OrdinalIgnoreCase) && IsStatus(s[2])) id = s[3];
        else if (s.Count >= 3 && IsStatus(s[1]))
        {
            id = s[2];
            if (!s[0].Equals("i", StringComparison.OrdinalIgnoreCase)) user = s[0];
        }
        if (id is null) return NotAPost(p);
        if (!NumericId().IsMatch(id)) return BadId(p, id);
        if (user is not null && !XName().IsMatch(user)) return BadId(p, user);
        var handle = user is null ? null : Handle(p, user);
        // The key is the status id only: the same post under /i/status/, an old or a renamed user name is one post.
        return Ok(p, $"x:status:{id}", $"https://x.com/{handle ?? "i"}/status/{id}", handle, PostKind.Post);

        static bool IsStatus(string segment) => segment.Equals("status", StringComparison.OrdinalIgnoreCase) || segment.Equals("statuses", StringComparison.OrdinalIgnoreCase);
    }

    // facebook.com/{user}/posts/{id}, /{user}/videos/{id}, /reel/{id}, /watch?v={id}, /permalink.php?story_fbid=…&id=…,
    // /story.php?…, /photo?fbid=…, /groups/{group}/posts/{id}, /share/(p|r|v)/{code}, fb.watch/{code}
    private static PostLinkResult Facebook(string host, List<string> s, Dictionary<string, string> q)
    {
        const Platform p = Platform.Facebook;
        if (IsHost(host, "fb.me")) return ShortLink(p, host);
        if (IsHost(host, "fb.watch"))
        {
            if (s.Count != 1) return NotAPost(p);
            if (!ShortCode().IsMatch(s[0])) return BadId(p, s[0]);
            return Ok(p, $"facebook:watch:{s[0]}", $"https://fb.watch/{s[0]}/", null, PostKind.Video, needsResolving: true);
        }
        var first = s.Count > 0 ? s[0].ToLowerInvariant() : "";
        switch (first)
        {
            case "share" when s.Count >= 3 && s[1] is "p" or "r" or "v":
                if (!ShortCode().IsMatch(s[2])) return BadId(p, s[2]);
                return Ok(p, $"facebook:share:{s[2]}", $"https://www.facebook.com/share/{s[1]}/{s[2]}/", null, s[1] == "p" ? PostKind.Post : PostKind.Video, needsResolving: true);
            case "share" when s.Count == 2:
                if (!ShortCode().IsMatch(s[1])) return BadId(p, s[1]);
                return Ok(p, $"facebook:share:{s[1]}", $"https://www.facebook.com/share/{s[1]}/", null, PostKind.Post, needsResolving: true);
            case "reel" or "reels" when s.Count >= 2:
                return Video(s[1], null);
            case "watch":
                return q.TryGetValue("v", out var v) ? Video(v, null) : NotAPost(p);
            case "permalink.php" or "story.php":
                if (!q.TryGetValue("story_fbid", out var story)) return NotAPost(p);
                return Post(story, q.TryGetValue("id", out var owner) ? owner : null);
            case "photo" or "photo.php":
                if (!q.TryGetValue("fbid", out var photo)) return NotAPost(p);
                if (!NumericId().IsMatch(photo)) return BadId(p, photo);
                return Ok(p, $"facebook:photo:{photo}", $"https://www.facebook.com/photo/?fbid={photo}", null, PostKind.Post);
            case "groups" when s.Count >= 4 && s[2] is "posts" or "permalink":
                return Post(s[3], null);
        }
        if (s.Count >= 3 && s[1].Equals("posts", StringComparison.OrdinalIgnoreCase)) return Post(s[2], s[0]);
        if (s.Count >= 3 && s[1].Equals("videos", StringComparison.OrdinalIgnoreCase)) return Video(s[^1], s[0]);
        return NotAPost(p);

        PostLinkResult Post(string id, string? user)
        {
            if (!FacebookPostId().IsMatch(id)) return BadId(p, id);
            if (user is not null && !FacebookUser().IsMatch(user)) return BadId(p, user);
            var handle = user is null ? null : Handle(p, user);
            return Ok(p, $"facebook:post:{id}", handle is null ? $"https://www.facebook.com/permalink.php?story_fbid={id}" : $"https://www.facebook.com/{handle}/posts/{id}", handle, PostKind.Post);
        }

        PostLinkResult Video(string id, string? user)
        {
            if (!NumericId().IsMatch(id)) return BadId(p, id);
            if (user is not null && !FacebookUser().IsMatch(user)) return BadId(p, user);
            return Ok(p, $"facebook:video:{id}", $"https://www.facebook.com/reel/{id}", user is null ? null : Handle(p, user), PostKind.Video);
        }
    }

    // youtube.com/watch?v={id}, youtu.be/{id}, youtube.com/(shorts|live|embed)/{id}
    private static PostLinkResult YouTube(string host, List<string> s, Dictionary<string, string> q)
    {
        const Platform p = Platform.YouTube;
        string? id = null;
        var kind = PostKind.Video;
        if (IsHost(host, "youtu.be")) id = s.Count == 1 ? s[0] : null;
        else if (s.Count == 1 && s[0].Equals("watch", StringComparison.OrdinalIgnoreCase)) id = q.GetValueOrDefault("v");
        else if (s.Count >= 2 && s[0].ToLowerInvariant() is "shorts" or "live" or "embed" or "v") id = s[1];
        if (id is null) return NotAPost(p);
        if (!YouTubeId().IsMatch(id)) return BadId(p, id);
        return Ok(p, $"youtube:video:{id}", $"https://www.youtube.com/watch?v={id}", null, kind);
    }

    // linkedin.com/posts/{user}_{slug}-activity-{id}-{xxxx}, linkedin.com/feed/update/urn:li:activity:{id}
    private static PostLinkResult LinkedIn(string host, List<string> s)
    {
        const Platform p = Platform.LinkedIn;
        if (IsHost(host, "lnkd.in")) return ShortLink(p, host);
        if (s.Count >= 3 && s[0].Equals("feed", StringComparison.OrdinalIgnoreCase) && s[1].Equals("update", StringComparison.OrdinalIgnoreCase))
        {
            var urn = LinkedInUrn().Match(s[2]);
            if (!urn.Success) return BadId(p, s[2]);
            return Urn(urn.Groups[1].Value, urn.Groups[2].Value, null);
        }
        if (s.Count >= 2 && s[0].Equals("posts", StringComparison.OrdinalIgnoreCase))
        {
            var underscore = s[1].IndexOf('_', StringComparison.Ordinal);
            var m = LinkedInSlugId().Match(s[1]);
            if (underscore <= 0 || !m.Success) return BadId(p, s[1]);
            var user = s[1][..underscore];
            if (!LinkedInUser().IsMatch(user)) return BadId(p, user);
            return Urn(m.Groups[1].Value, m.Groups[2].Value, user);
        }
        return NotAPost(p);

        PostLinkResult Urn(string type, string id, string? user)
        {
            var kind = type.ToLowerInvariant();
            var handle = user is null ? null : Handle(p, user);
            return Ok(p, $"linkedin:{kind}:{id}", $"https://www.linkedin.com/feed/update/urn:li:{CanonicalUrnType(kind)}:{id}/", handle, PostKind.Post);
        }

        static string CanonicalUrnType(string kind) => kind == "ugcpost" ? "ugcPost" : kind;
    }

    // threads.net|threads.com/@{user}/post/{code}
    private static PostLinkResult Threads(List<string> s)
    {
        const Platform p = Platform.Threads;
        if (s.Count >= 3 && s[0].StartsWith('@') && s[1].Equals("post", StringComparison.OrdinalIgnoreCase))
        {
            if (!MediaCode().IsMatch(s[2])) return BadId(p, s[2]);
            var name = s[0][1..];
            if (!NameChars().IsMatch(name)) return BadId(p, s[0]);
            var user = Handle(p, name);
            return Ok(p, $"threads:post:{s[2]}", $"https://www.threads.net/@{user}/post/{s[2]}", user, PostKind.Post);
        }
        return NotAPost(p);
    }

    // t.me/{channel}/{id}, t.me/s/{channel}/{id}; private channels t.me/c/{internal}/{id} (no handle)
    private static PostLinkResult Telegram(string host, List<string> s)
    {
        const Platform p = Platform.Telegram;
        if (IsHost(host, "telegram.org")) return NotAPost(p);
        if (s.Count >= 1 && s[0] == "s") s = s[1..];
        if (s.Count >= 3 && s[0] == "c")
        {
            if (!NumericId().IsMatch(s[1])) return BadId(p, s[1]);
            if (!MessageId().IsMatch(s[^1])) return BadId(p, s[^1]);
            return Ok(p, $"telegram:c{s[1]}:{s[^1]}", $"https://t.me/c/{s[1]}/{s[^1]}", null, PostKind.Post);
        }
        if (s.Count == 2)
        {
            if (!TelegramName().IsMatch(s[0])) return NotAPost(p);
            if (!MessageId().IsMatch(s[1])) return BadId(p, s[1]);
            var channel = Handle(p, s[0]);
            return Ok(p, $"telegram:{channel}:{s[1]}", $"https://t.me/{channel}/{s[1]}", channel, PostKind.Post);
        }
        return NotAPost(p);
    }

    /// <summary>The platform's name as users know it (a brand: not translated).</summary>
    public static string PlatformName(Platform platform) => CaptionRules.PlatformName(platform);

    private static string Handle(Platform platform, string name) => ProfileLinks.NormalizeHandle(platform, name);

    private static PostLinkResult Ok(Platform platform, string key, string url, string? handle, PostKind kind, bool needsResolving = false) =>
        new(new PostLink(platform, key, url, handle, kind, needsResolving), null);

    private static PostLinkResult NotAPost(Platform platform) =>
        Fail(PostLinkError.NotAPost, ReportTexts.LinkNotAPost, PlatformName(platform), Example(platform));

    private static PostLinkResult BadId(Platform platform, string id) =>
        Fail(PostLinkError.BadId, ReportTexts.LinkBadId, Shorten(id), Example(platform));

    private static PostLinkResult ShortLink(Platform platform, string host) =>
        Fail(PostLinkError.ForeignShortLink, ReportTexts.LinkForeignShortLink, host, PlatformName(platform), Example(platform));

    private static PostLinkResult Fail(PostLinkError code, string message, params object[] args) =>
        new(null, new PostLinkProblem(code, message, args));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static bool TryUri(string raw, out Uri uri)
    {
        uri = null!;
        if (raw.Length > 2000 || raw.Any(char.IsWhiteSpace)) return false;
        var s = raw.Contains("://", StringComparison.Ordinal) ? raw : "https://" + raw;
        if (!Uri.TryCreate(s, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !parsed.Host.Contains('.', StringComparison.Ordinal))
            return false;
        uri = parsed;
        return true;
    }

    private static bool IsHost(string host, string domain) => UrlParts.IsHost(host, domain);

    private static Dictionary<string, string> ParseQuery(string query) => UrlParts.ParseQuery(query);

    [GeneratedRegex("^[A-Za-z0-9_-]{5,64}$")]
    private static partial Regex MediaCode();

    [GeneratedRegex("^[A-Za-z0-9_-]{5,40}$")]
    private static partial Regex ShortCode();

    [GeneratedRegex("^[0-9]{5,25}$")]
    private static partial Regex NumericId();

    [GeneratedRegex("^[0-9]{15,25}$")]
    private static partial Regex LongNumericId();

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex MessageId();

    [GeneratedRegex("^(?:[0-9]{5,25}|pfbid[A-Za-z0-9]{20,80})$")]
    private static partial Regex FacebookPostId();

    [GeneratedRegex("^[A-Za-z0-9.\\-]{2,80}$")]
    private static partial Regex FacebookUser();

    [GeneratedRegex("^[A-Za-z0-9._]{1,30}$")]
    private static partial Regex NameChars();

    [GeneratedRegex("^[A-Za-z0-9_]{1,15}$")]
    private static partial Regex XName();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[A-Za-z0-9_]{5,32}$")]
    private static partial Regex TelegramName();

    [GeneratedRegex("^[\\p{L}\\p{N}\\-]{3,100}$")]
    private static partial Regex LinkedInUser();

    [GeneratedRegex("^urn:li:(activity|share|ugcPost):([0-9]{15,25})$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkedInUrn();

    [GeneratedRegex("-(activity|share|ugcPost)-([0-9]{15,25})(?:-|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkedInSlugId();
}
