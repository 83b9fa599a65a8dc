namespace AgentProgram.Web.Domain.Platforms;

/// <summary>Small URL helpers shared by the profile-link and post-link rules.</summary>
public static class UrlParts
{
    /// <summary>The domain itself or any subdomain of it (www., m., id.…), never a look-alike (evilinstagram.com).</summary>
    public static bool IsHost(string host, string domain)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(domain);
        return host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);
    }

    /// <summary>The query's parameters, unescaped; the first of a repeated name wins; names compare case-insensitively.</summary>
    public static Dictionary<string, string> ParseQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var i = pair.IndexOf('=', StringComparison.Ordinal);
            if (i <= 0) continue;
            result.TryAdd(Uri.UnescapeDataString(pair[..i]), Uri.UnescapeDataString(pair[(i + 1)..].Replace('+', ' ')));
        }
        return result;
    }
}
