using System.Globalization;
using AgentProgram.Web.Infrastructure.Aggregates;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run --project src/AgentProgram.Web -- refresh-aggregates [--all]</c>: recomputes the stored aggregates of
/// the marked days now (the background refresher's work; refused while another instance holds the claim), or with
/// <c>--all</c> rebuilds them from nothing. Prints <c>days N, weeks N, seconds S</c>.
/// </summary>
public static class RefreshAggregatesVerb
{
    public const string Name = "refresh-aggregates";

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        await DatabaseInitializer.MigrateAsync(services);
        var refresher = ActivatorUtilities.CreateInstance<AggregateRefresher>(services, TimeProvider.System);
        var all = args.Flag("--all");
        var result = all ? await refresher.RebuildAllAsync() : await refresher.RefreshAsync("cli-" + Environment.MachineName);
        if (!result.Claimed) throw new CliException("another instance is refreshing the aggregates now; try again later.");
        return string.Create(CultureInfo.InvariantCulture, $"days {result.Days}, weeks {result.Weeks}, seconds {result.Elapsed.TotalSeconds:0.0}");
    }
}
