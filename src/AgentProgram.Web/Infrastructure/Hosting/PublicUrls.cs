namespace AgentProgram.Web.Infrastructure.Hosting;

/// <summary>Absolute links printed or shared outside the app (tracked links, verification QR codes).</summary>
public static class PublicUrls
{
    /// <summary>App:PublicBaseUrl when configured (behind a proxy), else this request's origin; no trailing slash.</summary>
    public static string PublicBaseUrl(this HttpRequest request, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        return config["App:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }
}
