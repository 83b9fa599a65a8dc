using System.Net;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// A signed-in browser: the cookies of a session signed in through the real form
/// (<see cref="SessionCookie"/>), kept in a jar that takes every Set-Cookie the app answers with
/// (the sliding renewal and the security-stamp refresh), so a long run behaves like a browser and
/// not like a client replaying its first cookie. Safe to share between workers (two tabs).
/// </summary>
public sealed class SoakSession
{
    private readonly CookieContainer _jar = new();
    private readonly Uri _baseUrl;

    private SoakSession(Uri baseUrl, string email, int index)
    {
        _baseUrl = baseUrl;
        Email = email;
        Index = index;
    }

    public string Email { get; }

    /// <summary>The account's position in the generator's list (agents) or in the officers' list.</summary>
    public int Index { get; }

    public static async Task<SoakSession> SignInAsync(Uri baseUrl, string email, int index, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var session = new SoakSession(baseUrl, email, index);
        var header = await SessionCookie.SignInAsync(baseUrl, email, SyntheticDatabase.Password, ct);
        foreach (var pair in header.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            session._jar.Add(baseUrl, new Cookie(pair[..eq], pair[(eq + 1)..]));
        }
        return session;
    }

    /// <summary>Adds the session's Cookie header to <paramref name="request"/>.</summary>
    public void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = _jar.GetCookieHeader(_baseUrl);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
    }

    /// <summary>Keeps what the app set (renewed or refreshed cookies, an expiry deletes).</summary>
    public void Store(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values)
        {
            try
            {
                _jar.SetCookies(_baseUrl, value);
            }
            catch (CookieException)
            {
                // A cookie the jar cannot parse is one a browser would also drop.
            }
        }
    }
}
