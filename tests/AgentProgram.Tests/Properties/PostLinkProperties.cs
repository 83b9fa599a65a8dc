using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using CsCheck;

namespace AgentProgram.Tests.Properties;

/// <summary>
/// Property-based tests of the post-link recognisers (DOMAIN.md §8): they never throw, a recognised link's
/// canonical form is recognised again as the same post (round trip), and the claim key depends only on what
/// identifies the post, never on the scheme, www./m., a trailing slash, tracking parameters or a fragment.
/// </summary>
public sealed class PostLinkProperties
{
    private static readonly Platform[] LinkPlatforms = [.. Enum.GetValues<Platform>()];

    private const string Alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static Gen<string> Chars(string alphabet, int min, int max) => Gen.Char[alphabet].Array[min, max].Select(a => new string(a));

    private static Gen<string> Digits(int min, int max) => Gen.Select(Gen.Char['1', '9'], Chars("0123456789", min - 1, max - 1), (first, rest) => first + rest);

    private static readonly Gen<string> Name = Gen.Select(Gen.Char[Alnum], Chars(Alnum + "_", 0, 13), (first, rest) => first + rest);

    /// <summary>A post link written the canonical way, and the claim key DOMAIN.md gives it.</summary>
    public sealed record Sample(Platform Platform, string Url, string Key);

    private static readonly Gen<Sample> Posts = Gen.OneOf(
        Gen.Select(Gen.OneOf(Gen.Const("x.com"), Gen.Const("twitter.com"), Gen.Const("mobile.twitter.com")), Name, Digits(5, 25),
            (host, user, id) => new Sample(Platform.X, $"https://{host}/{user}/status/{id}", $"x:status:{id}")),
        Gen.Select(Gen.OneOf(Gen.Const("p"), Gen.Const("reel"), Gen.Const("tv")), Chars(Alnum + "_-", 5, 40),
            (kind, code) => new Sample(Platform.Instagram, $"https://www.instagram.com/{kind}/{code}/", $"instagram:media:{code}")),
        Gen.Select(Name, Digits(15, 25),
            (user, id) => new Sample(Platform.TikTok, $"https://www.tiktok.com/@{user}/video/{id}", $"tiktok:video:{id}")),
        Gen.Select(Chars(Alnum + "_-", 11, 11), Gen.Int[0, 2],
            (id, how) => new Sample(Platform.YouTube, how switch { 0 => $"https://www.youtube.com/watch?v={id}", 1 => $"https://youtu.be/{id}", _ => $"https://www.youtube.com/shorts/{id}" }, $"youtube:video:{id}")),
        Gen.Select(Gen.Select(Gen.Char[Alnum], Chars(Alnum + ".", 1, 20), (a, b) => a + b), Digits(5, 25),
            (user, id) => new Sample(Platform.Facebook, $"https://www.facebook.com/{user}/posts/{id}", $"facebook:post:{id}")),
        Gen.Select(Name, Chars(Alnum + "_-", 5, 40),
            (user, code) => new Sample(Platform.Threads, $"https://www.threads.net/@{user}/post/{code}", $"threads:post:{code}")),
        Gen.Select(Digits(15, 25),
            id => new Sample(Platform.LinkedIn, $"https://www.linkedin.com/feed/update/urn:li:activity:{id}/", $"linkedin:activity:{id}")),
        Gen.Select(Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Chars("abcdefghijklmnopqrstuvwxyz0123456789_", 4, 20), (a, b) => a + b), Digits(1, 12),
            (channel, id) => new Sample(Platform.Telegram, $"https://t.me/{channel}/{id}", $"telegram:{channel}:{id}")));

    /// <summary>Text that looks like a link: a known host, odd path segments, escapes, queries.</summary>
    private static readonly Gen<string> LinkLike =
        Gen.Select(
            Gen.OneOf(Gen.Const("https://"), Gen.Const("http://"), Gen.Const(""), Gen.Const("ftp://"), Gen.Const("javascript:")),
            Gen.OneOf(["www.instagram.com", "instagr.am", "facebook.com", "m.facebook.com", "fb.watch", "x.com", "twitter.com", "t.co", "tiktok.com", "vt.tiktok.com",
                "youtube.com", "youtu.be", "linkedin.com", "lnkd.in", "threads.net", "t.me", "telegram.org", "wa.me", "evilinstagram.com", "instagram.com.evil.test"]),
            Gen.OneOf(Chars(Alnum + "@._-~%/:?&=#+", 0, 12), Gen.Const("p"), Gen.Const("status"), Gen.Const("@user"), Gen.Const("watch"), Gen.Const("..")).Array[0, 6],
            Chars(Alnum + "=&%_-.", 0, 20),
            (scheme, host, segments, query) => scheme + host + "/" + string.Join('/', segments) + (query.Length > 0 ? "?" + query : ""));

    private static void AssertWellFormed(Platform platform, PostLinkResult r)
    {
        Assert.True((r.Link is null) != (r.Problem is null), "exactly one of link and problem");
        if (r.Link is not { } link) return;
        Assert.Equal(platform, link.Platform);
        Assert.True(link.Key.Length <= PostLinks.MaxKeyLength, link.Key);
        Assert.StartsWith(platform.ToString().ToLowerInvariant() + ":", link.Key, StringComparison.Ordinal);
        Assert.StartsWith("https://", link.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_never_throws_and_answers_a_link_or_a_problem()
    {
        Gen.Select(Gen.OneOf(Gen.String, LinkLike, Gen.Char.Array[0, 60].Select(a => new string(a))), Gen.Int[0, LinkPlatforms.Length - 1])
            .Sample((text, p) => AssertWellFormed(LinkPlatforms[p], PostLinks.Parse(LinkPlatforms[p], text)), iter: 5000);
    }

    [Fact]
    public void Whatever_is_recognised_is_recognised_again_from_its_canonical_form_as_the_same_post()
    {
        Gen.Select(Gen.OneOf(LinkLike, Posts.Select(s => s.Url)), Gen.Int[0, LinkPlatforms.Length - 1]).Sample((text, p) =>
        {
            var platform = LinkPlatforms[p];
            if (PostLinks.Parse(platform, text).Link is not { } link) return;
            var again = PostLinks.Parse(platform, link.Url);
            Assert.True(again.IsValid, $"{text} -> {link.Url} is refused: {again.Problem?.Code}");
            Assert.Equal(link.Key, again.Link!.Key);
            // The canonical form may drop the account (instagram.com/p/{code} has none) but never names another one.
            Assert.True(again.Link.Handle is null || again.Link.Handle == link.Handle, $"{text}: handle {link.Handle} became {again.Link.Handle}");
            Assert.Equal(link.Url, again.Link.Url);
        }, iter: 5000);
    }

    [Fact]
    public void A_post_link_gives_its_claim_key_however_it_is_written()
    {
        var variant = Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Bool);
        Gen.Select(Posts, variant).Sample((post, v) =>
        {
            var (http, sub, slash, tracking, fragment) = v;
            var url = post.Url;
            if (http) url = "http://" + url["https://".Length..];
            if (sub == 1 && url.Contains("://www.", StringComparison.Ordinal)) url = url.Replace("://www.", "://m.", StringComparison.Ordinal);
            if (sub == 2) url = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..]; // typed without a scheme
            if (slash && !url.Contains('?', StringComparison.Ordinal) && !url.EndsWith('/')) url += "/";
            if (tracking) url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "utm_source=wa&igsh=abc123";
            if (fragment) url += "#komentar";
            var r = PostLinks.Parse(post.Platform, url);
            Assert.True(r.IsValid, $"{url} refused: {r.Problem?.Code}");
            Assert.Equal(post.Key, r.Link!.Key);
        }, iter: 3000);
    }

    [Fact]
    public void Two_different_posts_never_share_a_claim_key()
    {
        Gen.Select(Posts, Posts).Where((a, b) => a.Platform != b.Platform || a.Key != b.Key).Sample((a, b) =>
            Assert.NotEqual(PostLinks.Parse(a.Platform, a.Url).Link!.Key, PostLinks.Parse(b.Platform, b.Url).Link!.Key), iter: 2000);
    }

    [Fact]
    public void A_link_of_one_platform_is_never_accepted_for_another()
    {
        Gen.Select(Posts, Gen.Int[0, LinkPlatforms.Length - 1]).Where((post, p) => LinkPlatforms[p] != post.Platform).Sample((post, p) =>
        {
            var r = PostLinks.Parse(LinkPlatforms[p], post.Url);
            Assert.False(r.IsValid, $"{post.Url} accepted as {LinkPlatforms[p]}");
        }, iter: 2000);
    }
}
