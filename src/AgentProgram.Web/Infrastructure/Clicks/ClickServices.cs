using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentProgram.Web.Infrastructure.Clicks;

public static class ClickServices
{
    /// <summary>
    /// The tracked-link resolver (cached lookups), the visitor-hash secret and the click recorder
    /// (a bounded queue drained by a background writer). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddClickRecording(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ClickRecorder))) return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ClickRecordingOptions>().BindConfiguration(ClickRecordingOptions.Section);
        services.TryAddSingleton<VisitorHashSecret>();
        services.TryAddSingleton<TrackedLinkResolver>();
        services.TryAddSingleton<ClickRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ClickRecorder>());
        return services;
    }
}

/// <summary>Settings under "Clicks" (all optional; the defaults suit one 2-core server).</summary>
public sealed class ClickRecordingOptions
{
    public const string Section = "Clicks";

    /// <summary>Clicks the in-memory queue holds before a request waits (then writes through).</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Clicks written per database round trip at most.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>How long a request waits for room in a full queue before writing its click itself.</summary>
    public int FullQueueWaitMilliseconds { get; set; } = 200;

    /// <summary>How long a resolved token stays cached; also how long a withdrawal takes to reach every instance.</summary>
    public int CacheSeconds { get; set; } = 60;

    /// <summary>Tokens (found or not) the lookup cache holds at most.</summary>
    public int CacheEntries { get; set; } = 200_000;
}
