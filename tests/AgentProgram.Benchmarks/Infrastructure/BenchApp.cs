using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// The real app on Kestrel (plain http, free loopback port) over a <see cref="SyntheticDatabase"/>,
/// configured like production except for what a loopback benchmark needs: environment "Benchmark"
/// (not Development: no developer exception page, no demo seed), cookies without the Secure flag
/// because there is no TLS, no second-factor requirement, and a sign-in rate limit out of the way.
/// </summary>
/// <param name="settings">Extra configuration (e.g. Aggregates:RefreshSeconds), applied after the defaults above.</param>
public sealed class BenchApp(SyntheticDatabase database, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The app's own once-a-minute aggregate refresher on, as in production.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithRefresher = new Dictionary<string, string> { ["Aggregates:RefreshSeconds"] = "60" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Storage:DataPath", database.Folder);
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:DemoOnStartup", "false");
        builder.UseSetting("Security:AllowInsecureCookies", "true");
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        builder.UseSetting("Security:SignInAttemptsPerMinutePerIp", "100000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        // The dashboards' aggregate refresher would rebuild everything in the background on a generated database and
        // compete with what is measured: off unless a scenario turns it on (dashboard, soak).
        builder.UseSetting("Aggregates:RefreshSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = new Uri(address);
        return BaseUrl;
    }
}
