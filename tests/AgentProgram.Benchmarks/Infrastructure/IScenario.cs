namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>One measured situation. It reads its options, builds its data, measures, and prints BENCH lines.</summary>
public interface IScenario
{
    string Description { get; }

    /// <summary>Options the scenario understands (name without dashes, default, help text).</summary>
    IReadOnlyList<BenchOption> Options { get; }

    Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct);
}

public sealed record BenchOption(string Name, string Default, string Help);
