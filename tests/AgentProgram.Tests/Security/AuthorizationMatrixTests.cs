using System.Net;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Security;

/// <summary>
/// Every endpoint the app maps has a row in the matrix (Security/Rules/*), and every role, and
/// anonymous visitors, get exactly the access the row gives.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static IReadOnlyList<EndpointRule> AllRules { get; } = typeof(AuthorizationMatrixTests).Assembly.GetTypes()
        .Where(t => typeof(IEndpointRuleSet).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => ((IEndpointRuleSet)Activator.CreateInstance(t)!).Rules)
        .ToList();

    public static readonly (Access Flag, string? Role)[] Subjects =
    [
        (Access.Anonymous, null),
        (Access.Administrator, Roles.Administrator),
        (Access.Kepegawaian, Roles.Kepegawaian),
        (Access.Humas, Roles.Humas),
        (Access.Pimpinan, Roles.Pimpinan),
        (Access.Agen, Roles.Agen),
    ];

    public static IEnumerable<(string Method, string Route)> MappedEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (m, (e.RoutePattern.RawText ?? "").Trim('/'))))
            .Distinct();

    [Fact]
    public void Every_endpoint_has_exactly_one_rule_and_every_rule_an_endpoint()
    {
        var mapped = MappedEndpoints(app.Services).Select(e => $"{e.Method} /{e.Route}").ToHashSet();
        var ruled = AllRules.Select(r => r.ToString()).ToList();
        var missing = mapped.Except(ruled).Order().ToList();
        var stale = ruled.Except(mapped).Order().ToList();
        var doubled = ruled.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a rule in Security/Rules:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rules for endpoints that do not exist:\n" + string.Join("\n", stale));
        Assert.True(doubled.Count == 0, "Endpoints with more than one rule:\n" + string.Join("\n", doubled));
    }

    [Fact]
    public async Task Every_subject_gets_exactly_the_access_its_rule_gives()
    {
        var failures = new List<string>();
        foreach (var (flag, role) in Subjects)
        {
            // One long-lived client per subject for safe requests.
            var reader = role is null ? app.Client() : await app.SignedInClientAsync(role);
            foreach (var rule in AllRules)
            {
                var allowed = rule.Allowed.HasFlag(flag);
                // Unsafe requests get a fresh client each: one may sign the client out or change its account.
                var client = rule.Method == "GET" ? reader : role is null ? app.Client() : await app.SignedInClientAsync(role);
                var response = rule.Method == "GET" ? await client.GetAsync(rule.Url) : await PostWithTokenAsync(client, rule.Url, signedIn: role is not null);
                var refused = IsRefused(response, anonymous: role is null);
                if (allowed == refused)
                    failures.Add($"{rule} as {role ?? "anonymous"}: expected {(allowed ? "access" : "refusal")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Refusal is a sign-in challenge for anonymous visitors and "access denied" (redirect or 403) for users.</summary>
    public static bool IsRefused(HttpResponseMessage response, bool anonymous)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return true;
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null) return false;
        var location = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        return anonymous
            ? location.StartsWith("/akun/masuk?kembali=", StringComparison.Ordinal)
            : location.StartsWith("/akun/akses-ditolak", StringComparison.Ordinal);
    }

    /// <summary>A POST with a valid antiforgery token and no fields: authorization runs before validation.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, bool signedIn)
    {
        var tokenPage = await client.GetAsync(signedIn ? "/akun/kata-sandi" : "/akun/masuk");
        var token = HttpClientExtensions.AntiforgeryToken(await tokenPage.Content.ReadAsStringAsync());
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__af", token)]));
    }
}
