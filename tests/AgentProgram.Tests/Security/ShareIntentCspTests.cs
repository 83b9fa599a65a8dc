using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Web;

namespace AgentProgram.Tests.Security;

/// <summary>The share button posts to the app and is redirected to the platform: the CSP's form-action must allow every intent's origin, and nothing wider.</summary>
public sealed class ShareIntentCspTests
{
    public static TheoryData<Platform> IntentPlatforms => [.. Enum.GetValues<Platform>().Where(ShareIntents.HasIntent)];

    [Theory]
    [MemberData(nameof(IntentPlatforms))]
    public void Form_action_allows_the_origin_of_each_share_intent(Platform platform)
    {
        var action = ShareIntents.For(platform, "Teks", "https://agen.contoh.go.id/s/AAAAAAAAAAAAAAAAAAAAAA", ["Tagar"]);
        var origin = new Uri(action.Url!).GetLeftPart(UriPartial.Authority);
        Assert.Contains(origin, ShareIntents.IntentOrigins);
        var formAction = SecurityHeaders.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal));
        Assert.Contains(" " + origin, formAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_action_lists_only_self_and_https_origins()
    {
        var formAction = SecurityHeaders.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action ", StringComparison.Ordinal));
        var sources = formAction.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal("'self'", sources[0]);
        Assert.All(sources.Skip(1), s => Assert.Matches("^https://[a-z0-9.-]+$", s));
        Assert.DoesNotContain("*", formAction, StringComparison.Ordinal);
    }
}
