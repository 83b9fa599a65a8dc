
namespace AgentProgram.Web.Infrastructure.Aggregates;

public static class AggregateServices
{
    /// <summary>The background refresher (Aggregates:RefreshSeconds, default 60; 0 turns it off, e.g. in tests that refresh by hand).</summary>
    public static IServiceCollection AddAggregates(this IServiceCollection services)
    {
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<AggregateRefresher>(sp, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService<AggregateRefreshService>();
        return services;
    }
}

/// <summary>
/// Runs <see cref="AggregateRefresher.RefreshAsync"/> every minute. Several instances may run it: the claim in the
/// database lets one through at a time, the others skip that round.
/// </summary>
public sealed partial class AggregateRefreshService(IServiceScopeFactory scopes, IConfiguration config, ILogger<AggregateRefreshService> logger) : BackgroundService
{
    private readonly string _instance = Truncate($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static string Truncate(string s) => s.Length <= 100 ? s : s[^100..];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Aggregates:RefreshSeconds", 60);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AggregateRefresher>().RefreshAsync(_instance, stoppingToken);
                if (result.Claimed) LogRefreshed(logger, result.Days, result.Elapsed.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round is logged and retried next round; the service must not stop.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregates refreshed: {Days} days in {Milliseconds} ms.")]
    private static partial void LogRefreshed(ILogger logger, int days, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the aggregates failed; retrying next round.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
