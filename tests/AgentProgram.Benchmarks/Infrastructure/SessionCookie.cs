using System.Net;
using System.Text.RegularExpressions;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>Signs in through the real form (antiforgery token included) and returns the session as a Cookie header.</summary>
public static partial class SessionCookie
{
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> SignInAsync(Uri baseUrl, string email, string password, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var form = await client.GetStringAsync(new Uri("/akun/masuk", UriKind.Relative), ct);
        var token = TokenPattern().Match(form);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery token.");

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(new Uri("/akun/masuk", UriKind.Relative), body, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}; expected a redirect to /.");
        return cookies.GetCookieHeader(baseUrl);
    }
}
