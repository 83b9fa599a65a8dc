using System.Net;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentProgram.Tests.Reliability;

/// <summary>
/// An instance behind a load balancer: the client address and scheme are taken from X-Forwarded-* only when the
/// proxy is one configured in ForwardedHeaders (so the sign-in limit and the audit trail see the real client), the
/// shutdown timeout comes from configuration, and /health/ready tells the balancer when the database is gone.
/// </summary>
public sealed class BehindAProxyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentprogram-proxy", Guid.NewGuid().ToString("N"));

    public BehindAProxyTests() => Directory.CreateDirectory(_dir);

    private string Folder(string name)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Posts the sign-in form for an account that does not exist: 200 (the form again) or 429 (limited).</summary>
    private static async Task<HttpStatusCode> FailedSignInAsync(HttpClient client, string email)
    {
        var page = await client.GetHtmlAsync("/akun/masuk");
        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "Bukan-Sandi-Yang-Benar-1", ["__af"] = HttpClientExtensions.AntiforgeryToken(page),
        }));
        return response.StatusCode;
    }

    private static Task<List<(string Email, string? Ip)>> FailedSignInsAsync(AppInstance app) => app.WithDb(async db =>
        (await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.SignInFailed).OrderBy(a => a.Id)
            .Select(a => new { a.UserName, a.IpAddress }).ToListAsync()).Select(a => (a.UserName!, a.IpAddress)).ToList());

    [Fact]
    public async Task A_trusted_proxy_forwards_the_client_address_to_the_sign_in_limit_and_the_audit_trail()
    {
        using var app = new AppInstance(Folder("trusted"), new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinutePerIp"] = "2" });
        using var first = new LoadBalancer("203.0.113.1");
        using var second = new LoadBalancer("203.0.113.2");
        var a = first.To(app);
        var b = second.To(app);

        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(a, "tidak-ada-1@uji.test"));
        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(a, "tidak-ada-2@uji.test"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailedSignInAsync(a, "tidak-ada-3@uji.test"));
        // Another client behind the same proxy has its own allowance.
        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(b, "tidak-ada-4@uji.test"));

        Assert.Equal(
            [("tidak-ada-1@uji.test", "203.0.113.1"), ("tidak-ada-2@uji.test", "203.0.113.1"), ("tidak-ada-4@uji.test", "203.0.113.2")],
            await FailedSignInsAsync(app));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_configured_are_ignored()
    {
        // Only 10.1.2.3 is the proxy: requests from loopback that claim another client are taken as loopback's own
        // (plain http, so cookies without the Secure flag for this instance).
        using var app = new AppInstance(Folder("untrusted"), new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3",
            ["ForwardedHeaders:KnownProxies:1"] = null,
            ["Security:SignInAttemptsPerMinutePerIp"] = "2",
            ["Security:AllowInsecureCookies"] = "true",
        });
        using var first = new LoadBalancer("203.0.113.1");
        using var second = new LoadBalancer("203.0.113.2");

        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(first.To(app), "palsu-1@uji.test"));
        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(second.To(app), "palsu-2@uji.test"));
        // Both "clients" are loopback to the app: one allowance between them.
        Assert.Equal(HttpStatusCode.TooManyRequests, await FailedSignInAsync(second.To(app), "palsu-3@uji.test"));
        var audited = await FailedSignInsAsync(app);
        Assert.Equal(["palsu-1@uji.test", "palsu-2@uji.test"], audited.Select(a => a.Email));
        Assert.All(audited, a => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(a.Ip!)), a.Ip));
    }

    [Fact]
    public async Task Ready_answers_503_while_the_database_cannot_be_reached_and_200_again_after()
    {
        var folder = Folder("siap");
        using var app = new AppInstance(folder);
        using var balancer = new LoadBalancer();
        var client = balancer.To(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var moved = folder + "-pindah";
        Directory.Move(folder, moved);
        try
        {
            SqliteConnection.ClearAllPools();
            var down = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
            // Alive all the same: the balancer must not restart it for a database outage.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Directory.Move(moved, folder);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public void The_shutdown_timeout_and_the_proxies_come_from_configuration()
    {
        using var app = new AppInstance(Folder("stop"), new Dictionary<string, string?> { [InstanceSettings.ShutdownTimeoutKey] = "7" });
        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), InstanceSettings.ShutdownTimeout(Config()));

        var o = new ForwardedHeadersOptions();
        InstanceSettings.ApplyForwarded(o, Config(("ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6"), ("ForwardedHeaders:KnownNetworks:0", "172.16.0.0/12"),
            ("ForwardedHeaders:ForwardLimit", "2")));
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")], o.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("172.16.0.0/12")], o.KnownIPNetworks);
        Assert.Equal(2, o.ForwardLimit);

        // Nothing configured: ASP.NET's default (loopback) stands.
        var defaults = new ForwardedHeadersOptions();
        InstanceSettings.ApplyForwarded(defaults, Config());
        Assert.Equal([IPAddress.IPv6Loopback], defaults.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("127.0.0.0/8")], defaults.KnownIPNetworks);

        var bad = Assert.Throws<InvalidOperationException>(() => InstanceSettings.ApplyForwarded(new ForwardedHeadersOptions(), Config(("ForwardedHeaders:KnownProxies:0", "proxy.local"))));
        Assert.Contains("'proxy.local' is not an IP address", bad.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
