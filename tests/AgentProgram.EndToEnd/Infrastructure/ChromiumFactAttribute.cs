namespace AgentProgram.EndToEnd.Infrastructure;

/// <summary>Where the browser lives and what to run when it is missing.</summary>
public static class Chromium
{
    /// <summary>/usr/bin/chromium (Debian's package); E2E_CHROMIUM_PATH overrides it, e.g. to check the skip path.</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("E2E_CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string MissingMessage => $"Chromium is not installed at {ExecutablePath}: run `apt-get install -y chromium` (as root, Debian) to run the browser tests.";

    public static bool IsInstalled => File.Exists(ExecutablePath);
}

/// <summary>A browser test: reported as skipped, with the install command, when Chromium is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled) Skip = Chromium.MissingMessage;
    }
}

/// <summary>A browser theory: reported as skipped, with the install command, when Chromium is missing.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Chromium.IsInstalled) Skip = Chromium.MissingMessage;
    }
}
