using System.Globalization;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Informational BENCH lines that are counts of what a step saw or produced (agents, reports, a run's
/// totals), not measurements: `BENCH &lt;scenario&gt;.&lt;fact&gt; &lt;integer&gt; &lt;unit&gt;`, unit `count`
/// unless given (e.g. `Rp`, `flag`). Same format as <see cref="BenchOutput"/>, whose closed metric list
/// stays for measurements that scripts compare against targets.
/// </summary>
public static class BenchFacts
{
    public static void Print(string name, string fact, long value, string unit = "count")
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace) || string.IsNullOrWhiteSpace(fact) || fact.Any(char.IsWhiteSpace))
            throw new ArgumentException("A measurement name has no spaces.", nameof(name));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH {name}.{fact} {value} {unit}"));
        Console.Out.Flush();
    }
}
