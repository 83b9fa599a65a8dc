namespace AgentProgram.Web.Infrastructure.Web;

/// <summary>Headers every response carries. Scripts come only from our own files: no inline script anywhere.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// form-action also allows the share intents' origins: the agent's share button posts to the app
    /// (to record the use) and is redirected to the platform, and browsers check redirects of a form
    /// submission against form-action.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " +
        string.Join(' ', Domain.Platforms.ShareIntents.IntentOrigins) + "; frame-ancestors 'none'";

    public static IApplicationBuilder UseAppSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next();
        });
}
