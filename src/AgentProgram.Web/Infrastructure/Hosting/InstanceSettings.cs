using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AgentProgram.Web.Infrastructure.Hosting;

/// <summary>
/// What an instance behind a load balancer reads from configuration: which proxies' X-Forwarded-For and
/// X-Forwarded-Proto it believes (<c>ForwardedHeaders</c>), and how long it may take to stop
/// (<c>Hosting:ShutdownTimeoutSeconds</c>: in-flight requests finish and the click queue is written out).
/// </summary>
public static class InstanceSettings
{
    public const string ForwardedSection = "ForwardedHeaders";
    public const string ShutdownTimeoutKey = "Hosting:ShutdownTimeoutSeconds";
    public const int DefaultShutdownSeconds = 30;

    public static IServiceCollection AddAppInstanceSettings(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.Configure<ForwardedHeadersOptions>(o => ApplyForwarded(o, config));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout(config));
        return services;
    }

    public static TimeSpan ShutdownTimeout(IConfiguration config)
    {
        var seconds = config.GetValue(ShutdownTimeoutKey, DefaultShutdownSeconds);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 3600));
    }

    /// <summary>
    /// Forwarded client address and scheme, believed only from the listed proxies and networks. With none listed
    /// ASP.NET's default stands: loopback only (a proxy on the same machine).
    /// </summary>
    public static void ApplyForwarded(ForwardedHeadersOptions o, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(config);
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var section = config.GetSection(ForwardedSection);
        var proxies = Values(section.GetSection("KnownProxies"));
        var networks = Values(section.GetSection("KnownNetworks"));
        if (proxies.Count > 0 || networks.Count > 0)
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(p, out var address)
                    ? address
                    : throw new InvalidOperationException($"{ForwardedSection}:KnownProxies: '{p}' is not an IP address."));
            foreach (var n in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var network)
                    ? network
                    : throw new InvalidOperationException($"{ForwardedSection}:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/8)."));
        }
        if (section["ForwardLimit"] is { Length: > 0 } limit)
            o.ForwardLimit = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InvalidOperationException($"{ForwardedSection}:ForwardLimit must be a positive whole number.");
    }

    /// <summary>An array section (<c>KnownProxies:0</c>, <c>KnownProxies__0</c>) or one comma-separated value.</summary>
    private static List<string> Values(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return [.. items.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
