using System.Net;
using AgentProgram.Web.Domain.Identity;

namespace AgentProgram.Tests.Security;

/// <summary>Every unsafe endpoint refuses a request without a valid antiforgery token.</summary>
public sealed class AntiforgeryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Dictionary<Access, string> RoleOf = new()
    {
        [Access.Administrator] = Roles.Administrator,
        [Access.Kepegawaian] = Roles.Kepegawaian,
        [Access.Humas] = Roles.Humas,
        [Access.Pimpinan] = Roles.Pimpinan,
        [Access.Agen] = Roles.Agen,
    };

    [Fact]
    public void Every_mapped_unsafe_endpoint_is_in_the_matrix()
    {
        var unsafeMapped = AuthorizationMatrixTests.MappedEndpoints(app.Services).Where(e => e.Method is not ("GET" or "HEAD" or "OPTIONS")).ToList();
        Assert.NotEmpty(unsafeMapped);
        var ruled = AuthorizationMatrixTests.AllRules.Select(r => r.ToString()).ToHashSet();
        Assert.All(unsafeMapped, e => Assert.Contains($"{e.Method} /{e.Route}", ruled));
    }

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_a_post_without_a_token()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var rule in AuthorizationMatrixTests.AllRules.Where(r => r.Method != "GET" && r.AntiforgeryExemptBecause is null))
        {
            // As someone the endpoint accepts, so the refusal can only come from the missing token.
            var role = RoleOf.FirstOrDefault(kv => rule.Allowed.HasFlag(kv.Key)).Value;
            var client = rule.Allowed.HasFlag(Access.Anonymous) || role is null ? app.Client() : await app.SignedInClientAsync(role);
            foreach (var body in new HttpContent[] { new FormUrlEncodedContent([]), new FormUrlEncodedContent([new("__af", "forged-token")]) })
            {
                var response = await client.PostAsync(rule.Url, body);
                checkedCount++;
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    failures.Add($"{rule}: answered {(int)response.StatusCode} {response.Headers.Location} without a valid token");
            }
        }
        Assert.True(checkedCount > 0);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
