using AgentProgram.Web.Features.Privacy;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Cli;

/// <summary>
/// <c>purge [--dry-run]</c>: the retention purge (UU 27/2022). Erases the personal data of every agent whose enrolment
/// ended more than Privacy:RetentionMonths ago (evidence files, handles, post links, public-response texts, the sign-in
/// identity), keeping every counted figure, and deletes screenshots of reviewed reports older than
/// Privacy:ScreenshotRetentionMonths. Audited, idempotent; run it daily (cron or a scheduled task). With --dry-run it
/// only counts. Prints one line of counts.
/// </summary>
public static class PurgeVerb
{
    public const string Name = "purge";

    public static async Task<string> RunAsync(IServiceProvider services, CliArgs args)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positional.Length > 0) throw new CliException($"usage: {Name} [--dry-run]");
        await DatabaseInitializer.MigrateAsync(services);
        var summary = await services.GetRequiredService<PersonalDataService>().PurgeAsync(args.Flag("--dry-run"));
        return summary.Line();
    }
}
