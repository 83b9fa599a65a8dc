using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Rewards;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run --project src/AgentProgram.Web -- compute-rewards --period &lt;id|name&gt;</c>: calculates
/// (or recalculates) a reward period now, in this process, with the same service as the "Hitung"
/// button (the scheme's newest approved version; no user recorded). Prints
/// <c>agents N, eligible N, recognised N, incentives Rp N, recommendations N</c>; a period that cannot be
/// calculated (frozen, no approved scheme version, …) ends with exit code 1 and the reason in English.
/// </summary>
public static class RewardsVerb
{
    public const string Name = "compute-rewards";

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        var key = args.Optional("--period");
        if (string.IsNullOrWhiteSpace(key)) throw new CliException($"usage: {Name} --period <id|name>");

        await DatabaseInitializer.MigrateAsync(services);
        var db = services.GetRequiredService<AppDbContext>();
        var period = await FindAsync(db, key)
            ?? throw new CliException($"no reward period with id or name '{key}'.");

        var outcome = await services.GetRequiredService<RewardCalculationService>()
            .CalculateAsync(period.Id, period.Version, userId: null, ct: CancellationToken.None);
        if (outcome.Run is not { } run)
            throw new CliException(outcome.Refusal is { } refusal ? English(refusal, outcome.RefusalArgs) : "the period was not calculated.");
        return Line(run.Agents, run.Eligible, run.Recognised, run.IncentiveTotal, run.Recommendations);
    }

    /// <summary>The printed line; numbers as plain invariant integers.</summary>
    public static string Line(int agents, int eligible, int recognised, long incentives, int recommendations) =>
        string.Create(CultureInfo.InvariantCulture, $"agents {agents}, eligible {eligible}, recognised {recognised}, incentives Rp {incentives}, recommendations {recommendations}");

    /// <summary>By id when the argument is a number naming a period, otherwise by exact name.</summary>
    internal static async Task<(int Id, int Version)?> FindAsync(AppDbContext db, string key)
    {
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var byId = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Version }).FirstOrDefaultAsync();
            if (byId is not null) return (byId.Id, byId.Version);
        }
        var byName = await db.RewardPeriods.AsNoTracking().Where(p => p.Name == key).Select(p => new { p.Id, p.Version }).FirstOrDefaultAsync();
        return byName is null ? null : (byName.Id, byName.Version);
    }

    /// <summary>Operator output is English, like the other verbs.</summary>
    private static string English(string key, object[]? args)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            // Arguments that are texts (a state's label) are localizer keys too.
            var english = (args ?? []).Select(a => a is string text ? JsonStringLocalizerFactory.Shared[text].Value : a).ToArray();
            return JsonStringLocalizerFactory.Shared[key, english].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
