using System.Text;

namespace AgentProgram.Web.Domain.Platforms;

public enum ShareActionKind
{
    /// <summary>Open <see cref="ShareAction.Url"/>: the platform's share page, prefilled.</summary>
    OpenIntent,

    /// <summary>No share intent: download the media, copy the caption, open the app and post there.</summary>
    PostInApp,
}

/// <summary>
/// What the share button does for one platform. <see cref="CaptionToCopy"/> is always filled (the
/// caption with the hashtags that are not in it yet), because some intents carry no text (Facebook,
/// LinkedIn) and the agent pastes it. <see cref="Instruction"/> is a localizer key.
/// </summary>
public sealed record ShareAction(Platform Platform, ShareActionKind Kind, string? Url, string CaptionToCopy, string? LinkToCopy, string Instruction);

/// <summary>
/// Share intents per DOMAIN.md §8 (values UTF-8 percent-encoded with <see cref="Uri.EscapeDataString"/>):
/// <list type="bullet">
/// <item>X: <c>https://x.com/intent/tweet?text=&amp;url=&amp;hashtags=</c>, hashtags without '#', comma-separated; empty parameters left out.</item>
/// <item>Facebook: <c>https://www.facebook.com/sharer/sharer.php?u=</c> (no text: the preview comes from the page's Open Graph tags).</item>
/// <item>WhatsApp: <c>https://wa.me/?text=</c> with the link inside the text, on its own line.</item>
/// <item>LinkedIn: <c>https://www.linkedin.com/sharing/share-offsite/?url=</c> (link only).</item>
/// <item>Telegram: <c>https://t.me/share/url?url=&amp;text=</c>.</item>
/// <item>Threads: <c>https://www.threads.net/intent/post?text=</c> with the link inside the text.</item>
/// <item>Instagram, TikTok, YouTube: no intent; <see cref="ShareActionKind.PostInApp"/>.</item>
/// </list>
/// Hashtags are added only where the caption does not already contain them ("#Pajak" in the caption
/// is not repeated). For X they go in the hashtags parameter; elsewhere they end the text.
/// </summary>
public static class ShareIntents
{
    public const string InstructionOpenIntent = "Periksa teks yang sudah terisi, lalu kirim dari akun Anda.";
    public const string InstructionFacebook = "Salin keterangan lebih dulu: Facebook hanya mengisi tautannya. Tempel keterangan di kolom kiriman, lalu kirim.";
    public const string InstructionLinkedIn = "Salin keterangan lebih dulu: LinkedIn hanya mengisi tautannya. Tempel keterangan di kolom kiriman, lalu kirim.";
    public const string InstructionWhatsApp = "Pilih kontak atau grup, lalu kirim. Untuk Status WhatsApp, bagikan dari menu berbagi di ponsel Anda.";
    public const string InstructionInstagram = "Unduh media dan salin keterangan, lalu buka aplikasi Instagram dan unggah sebagai kiriman, reel, atau story. Tautan di keterangan Instagram tidak dapat diklik: tempel tautan pada stiker tautan di story.";
    public const string InstructionTikTok = "Unduh video dan salin keterangan, lalu buka aplikasi TikTok, unggah videonya, dan tempel keterangannya.";
    public const string InstructionYouTube = "Unduh video dan salin keterangan, lalu buka aplikasi YouTube, unggah videonya, dan tempel keterangannya di deskripsi.";

    /// <summary>
    /// Where a share button may send the browser: each intent's origin and the origins those pages
    /// forward to. The share button posts to the app, which redirects there, and browsers apply the
    /// page's CSP form-action to that redirect, so these origins are allowed in it (SecurityHeaders).
    /// </summary>
    public static readonly IReadOnlyList<string> IntentOrigins =
    [
        "https://x.com", "https://twitter.com",
        "https://www.facebook.com", "https://m.facebook.com",
        "https://wa.me", "https://api.whatsapp.com", "https://web.whatsapp.com",
        "https://www.linkedin.com",
        "https://t.me",
        "https://www.threads.net", "https://www.threads.com",
    ];

    /// <summary>Platforms whose posted text carries the link after the caption (X counts it as 23 characters).</summary>
    public static bool AppendsLink(Platform platform) => platform is Platform.X or Platform.WhatsApp or Platform.Threads or Platform.Telegram or Platform.YouTube;

    /// <summary>Platforms that have a share intent (the others are posted in the app).</summary>
    public static bool HasIntent(Platform platform) => platform is not (Platform.Instagram or Platform.TikTok or Platform.YouTube);

    /// <param name="text">The caption for this platform.</param>
    /// <param name="url">The agent's tracked link (see TrackedLinks.BuildTarget), or null.</param>
    /// <param name="hashtags">Hashtags with or without '#'.</param>
    public static ShareAction For(Platform platform, string? text, string? url, IEnumerable<string>? hashtags = null)
    {
        text = (text ?? "").Trim();
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        var missingTags = MissingHashtags(text, hashtags);
        var textWithTags = AppendHashtags(text, missingTags);
        var textWithLink = JoinLines(textWithTags, url);

        return platform switch
        {
            Platform.X => Intent(platform, BuildQuery("https://x.com/intent/tweet", Q("text", text), Q("url", url), ("hashtags", string.Join(',', missingTags.Select(Uri.EscapeDataString)), false)), textWithTags, url, InstructionOpenIntent),
            Platform.Facebook => Intent(platform, BuildQuery("https://www.facebook.com/sharer/sharer.php", Q("u", url)), textWithTags, url, InstructionFacebook),
            Platform.WhatsApp => Intent(platform, BuildQuery("https://wa.me/", Q("text", textWithLink)), textWithLink, url, InstructionWhatsApp),
            Platform.LinkedIn => Intent(platform, BuildQuery("https://www.linkedin.com/sharing/share-offsite/", Q("url", url)), textWithTags, url, InstructionLinkedIn),
            Platform.Telegram => Intent(platform, BuildQuery("https://t.me/share/url", Q("url", url), Q("text", textWithTags)), textWithTags, url, InstructionOpenIntent),
            Platform.Threads => Intent(platform, BuildQuery("https://www.threads.net/intent/post", Q("text", textWithLink)), textWithLink, url, InstructionOpenIntent),
            Platform.Instagram => InApp(platform, textWithTags, url, InstructionInstagram),
            Platform.TikTok => InApp(platform, textWithTags, url, InstructionTikTok),
            Platform.YouTube => InApp(platform, textWithLink, url, InstructionYouTube),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        };
    }

    /// <summary>The hashtags (without '#', letters, digits and '_' only, each once) that the text does not contain yet.</summary>
    public static IReadOnlyList<string> MissingHashtags(string text, IEnumerable<string>? hashtags)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<string>();
        if (hashtags is null) return result;
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '#') continue;
            var end = i + 1;
            while (end < text.Length && IsTagChar(text[end])) end++;
            if (end > i + 1) present.Add(text[(i + 1)..end]);
        }
        foreach (var raw in hashtags)
        {
            var tag = Clean(raw);
            if (tag.Length > 0 && present.Add(tag)) result.Add(tag);
        }
        return result;
    }

    private static string Clean(string? raw)
    {
        var sb = new StringBuilder();
        foreach (var c in (raw ?? "").Trim().TrimStart('#'))
        {
            if (IsTagChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string AppendHashtags(string text, IReadOnlyList<string> tags) =>
        tags.Count == 0 ? text : JoinLines(text, string.Join(' ', tags.Select(t => "#" + t)));

    private static string JoinLines(string first, string? second) =>
        string.IsNullOrEmpty(second) ? first : first.Length == 0 ? second : first + "\n" + second;

    private static ShareAction Intent(Platform platform, string url, string caption, string? link, string instruction) =>
        new(platform, ShareActionKind.OpenIntent, url, caption, link, instruction);

    private static ShareAction InApp(Platform platform, string caption, string? link, string instruction) =>
        new(platform, ShareActionKind.PostInApp, null, caption, link, instruction);

    private static (string Name, string? Value, bool Escape) Q(string name, string? value) => (name, value, true);

    private static string BuildQuery(string baseUrl, params (string Name, string? Value, bool Escape)[] parameters)
    {
        var sb = new StringBuilder(baseUrl);
        var first = true;
        foreach (var (name, value, escape) in parameters)
        {
            if (string.IsNullOrEmpty(value)) continue;
            sb.Append(first ? '?' : '&').Append(name).Append('=').Append(escape ? Uri.EscapeDataString(value) : value);
            first = false;
        }
        return sb.ToString();
    }
}
