using System.Globalization;

namespace AgentProgram.Web.Features.Privacy;

/// <summary>
/// Retention (UU 27/2022), section <c>Privacy</c> of the settings; defaults and reasons in database/README.md
/// ("Record of processing"). <see cref="RetentionMonths"/>: how long an agent's personal data stays after their
/// enrolment ended. <see cref="ScreenshotRetentionMonths"/>: how long a reviewed report keeps its screenshot, for
/// every agent (0 keeps screenshots until the agent's own data is purged).
/// </summary>
public sealed record PrivacySettings(int RetentionMonths, int ScreenshotRetentionMonths)
{
    public const int DefaultRetentionMonths = 24;
    public const int DefaultScreenshotRetentionMonths = 12;

    public static PrivacySettings From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var retention = config.GetValue("Privacy:RetentionMonths", DefaultRetentionMonths);
        var screenshots = config.GetValue("Privacy:ScreenshotRetentionMonths", DefaultScreenshotRetentionMonths);
        // A zero or negative period would purge the data of an agent ended a minute ago: refused, not guessed.
        if (retention < 1)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Privacy:RetentionMonths must be at least 1 (it is {retention})."));
        if (screenshots < 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Privacy:ScreenshotRetentionMonths must be 0 (off) or more (it is {screenshots})."));
        return new PrivacySettings(retention, screenshots);
    }
}
