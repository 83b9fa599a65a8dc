using System.Collections.Frozen;
using System.Globalization;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Prints results as `BENCH &lt;scenario&gt;[.&lt;part&gt;].&lt;metric&gt; &lt;value&gt; &lt;unit&gt;`, one per line, so
/// scripts can grep them. Metric names come from a closed list and each metric has one unit.
/// Everything else the harness says goes to stderr.
/// </summary>
public sealed class BenchOutput(TextWriter? writer = null)
{
    public static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["rps"] = "req/s",
        ["p50_ms"] = "ms",
        ["p95_ms"] = "ms",
        ["p99_ms"] = "ms",
        ["seconds"] = "s",
        ["rows_per_s"] = "rows/s",
        ["per_s"] = "/s",
        ["peak_mb"] = "MB",
        ["errors"] = "count",
        ["lost"] = "count",
        ["duplicates"] = "count",
        ["ratio"] = "x",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly TextWriter _out = writer ?? Console.Out;

    /// <param name="name">Scenario name, optionally with sub-measurement names: "pages" or "pages.signin".</param>
    public void Print(string name, string metric, double value)
    {
        if (!Units.TryGetValue(metric, out var unit))
            throw new ArgumentException($"Unknown metric '{metric}'. Use one of: {string.Join(", ", Units.Keys)}.", nameof(metric));
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            throw new ArgumentException("A measurement name has no spaces.", nameof(name));
        var format = metric switch
        {
            "errors" or "lost" or "duplicates" => "F0",
            "ratio" => "F3",
            _ => Math.Abs(value) >= 100 ? "F1" : "F2",
        };
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        _out.WriteLine($"BENCH {name}.{metric} {text} {unit}");
        _out.Flush();
    }

    public void PrintLoad(string name, LoadResult result)
    {
        Print(name, "rps", result.RequestsPerSecond);
        Print(name, "p50_ms", result.Percentile(50));
        Print(name, "p95_ms", result.Percentile(95));
        Print(name, "p99_ms", result.Percentile(99));
        Print(name, "errors", result.Errors);
    }

    /// <summary>Progress for the person watching; never a BENCH line.</summary>
    public static void Note(string message) => Console.Error.WriteLine($"[bench] {message}");
}
