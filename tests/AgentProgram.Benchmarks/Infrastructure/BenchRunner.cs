using System.Diagnostics;

namespace AgentProgram.Benchmarks.Infrastructure;

public static class BenchRunner
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, Func<IScenario>> scenarios)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(scenarios);
            return args.Length == 0 ? 2 : 0;
        }
        if (!scenarios.TryGetValue(args[0], out var create))
        {
            Console.Error.WriteLine($"Unknown scenario '{args[0]}'.");
            PrintUsage(scenarios);
            return 2;
        }

        var name = args[0].ToLowerInvariant();
        var scenario = create();
        BenchArgs parsed;
        try
        {
            parsed = BenchArgs.Parse(args[1..], scenario.Options);
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            PrintUsage(scenarios);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var total = Stopwatch.StartNew();
        try
        {
            await scenario.RunAsync(name, parsed, new BenchOutput(), cts.Token);
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"Scenario '{name}' failed: {e}");
            return 1;
        }
        BenchOutput.Note($"{name} finished in {total.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void PrintUsage(IReadOnlyDictionary<string, Func<IScenario>> scenarios)
    {
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/AgentProgram.Benchmarks -- <scenario> [--option value ...]");
        foreach (var (name, create) in scenarios.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var s = create();
            Console.Error.WriteLine($"\n  {name}: {s.Description}");
            foreach (var o in s.Options) Console.Error.WriteLine($"    --{o.Name,-14} {o.Help} (default {o.Default})");
        }
    }
}
