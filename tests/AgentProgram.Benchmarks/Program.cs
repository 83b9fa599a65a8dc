using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Benchmarks.Scenarios;

namespace AgentProgram.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/AgentProgram.Benchmarks -- &lt;scenario&gt; [--option value ...]
/// A new scenario is one class implementing IScenario plus one line here (and a row in README.md).
/// (Not top-level statements: those would declare a second global `Program` beside the app's.)
/// </summary>
public static class BenchProgram
{
    public static readonly IReadOnlyDictionary<string, Func<IScenario>> Scenarios = new Dictionary<string, Func<IScenario>>(StringComparer.OrdinalIgnoreCase)
    {
        ["pages"] = () => new PagesScenario(),
        ["import"] = () => new ImportScenario(),
        ["redirect"] = () => new RedirectScenario(),
        ["assign"] = () => new AssignScenario(),
        ["log-share"] = () => new LogShareScenario(),
        ["verify-queue"] = () => new VerifyQueueScenario(),
        ["rewards"] = () => new RewardsScenario(),
        ["pdf"] = () => new PdfScenario(),
        ["dashboard"] = () => new DashboardScenario(),
        ["soak"] = () => new SoakScenario(),
    };

    public static Task<int> Main(string[] args)
    {
        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in
        // the current directory; `dotnet run` starts wherever the caller stands.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        return BenchRunner.RunAsync(args, Scenarios);
    }
}
