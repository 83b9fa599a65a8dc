using AgentProgram.Web.Infrastructure.Clicks;

namespace AgentProgram.Web.Features.TrackedLinks;

/// <summary>
/// Follows a tracked link: a cached lookup, the click queued for the background writer, and the
/// redirect target (the message's canonical page with its UTM parameters). Null for a malformed,
/// unknown, withdrawn, closed or expired link: those clicks are not recorded.
/// </summary>
public sealed class FollowLinkHandler(TrackedLinkResolver links, ClickRecorder clicks, TimeProvider clock)
{
    public async ValueTask<string?> HandleAsync(string token, HttpContext http, CancellationToken ct)
    {
        var link = await links.ResolveAsync(token, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (link is null || !link.IsLive(now)) return null;
        await clicks.Record(link.TrackedLinkId, now, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        return link.TargetUrl;
    }

    public ValueTask<string?> InstitutionWebsiteAsync(CancellationToken ct) => links.InstitutionWebsiteAsync(ct);
}
