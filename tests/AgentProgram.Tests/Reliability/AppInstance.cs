using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Reliability;

/// <summary>
/// One instance of the real app on Kestrel, on a loopback port of its own, over a data folder and SQLite file that
/// several instances share (as instances behind a load balancer share SQL Server and a storage folder). Production
/// cookie settings, and loopback named as the trusted proxy, so <see cref="LoadBalancer"/> can speak for the client.
/// </summary>
public sealed class AppInstance : AppFactory
{
    private readonly string _sharedDir;
    private readonly Dictionary<string, string?> _settings;

    public AppInstance(string sharedDir, IDictionary<string, string?>? settings = null)
    {
        _sharedDir = sharedDir;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = sharedDir,
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(sharedDir, "shared.db")};Default Timeout=30",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["ForwardedHeaders:KnownProxies:1"] = "::1",
            // Several instances over one SQLite file: a Running import may belong to the other one.
            ["Imports:SingleInstance"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(0);
        StartServer();
    }

    protected override IDictionary<string, string?> Settings => _settings;

    public string SharedDir => _sharedDir;

    /// <summary>The address Kestrel listens on (http://127.0.0.1:port), read from the server itself.</summary>
    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }
}

/// <summary>
/// What a TLS-terminating load balancer does for one browser: keeps its cookies for the public name, sends each
/// request to the instance the test picks, and adds X-Forwarded-Proto: https and X-Forwarded-For with the client's address.
/// </summary>
public sealed class LoadBalancer(string clientAddress = "203.0.113.10") : IDisposable
{
    private static readonly Uri PublicOrigin = new("https://agen.contohkota.go.id/");
    private readonly CookieContainer _jar = new();
    private readonly List<HttpClient> _clients = [];

    public string ClientAddress { get; set; } = clientAddress;

    /// <summary>A client whose requests reach <paramref name="instance"/>, sharing this browser's cookies with every other client made here.</summary>
    public HttpClient To(AppInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var client = new HttpClient(new ProxyHandler(this, new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            BaseAddress = instance.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _clients.Add(client);
        return client;
    }

    public string? Cookie(string name) => _jar.GetCookies(PublicOrigin).FirstOrDefault(c => c.Name == name)?.Value;

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
    }

    private sealed class ProxyHandler(LoadBalancer balancer, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var publicUri = new Uri(PublicOrigin, request.RequestUri!.PathAndQuery);
            request.Headers.Remove("X-Forwarded-Proto");
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", balancer.ClientAddress);
            var cookies = balancer._jar.GetCookieHeader(publicUri);
            if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var header in set) balancer._jar.SetCookies(publicUri, header);
            return response;
        }
    }
}
