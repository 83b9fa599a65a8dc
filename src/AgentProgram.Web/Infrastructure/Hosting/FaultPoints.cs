using System.Diagnostics;
using System.Globalization;

namespace AgentProgram.Web.Infrastructure.Hosting;

/// <summary>
/// Named places in long writes (a reward calculation, an import chunk, a document finalisation) where the fault
/// tests kill the process, so they prove "completed or left no trace" at a chosen moment instead of racing a timer.
/// Armed only by the environment variable <see cref="Variable"/> (<c>point</c> or <c>point#n</c> for its n-th hit),
/// read once at start-up; unset, <see cref="Hit"/> is one comparison with null.
/// </summary>
public static class FaultPoints
{
    public const string Variable = "AGENTPROGRAM_FAULT";

    /// <summary>In the reward calculation's transaction: the run and every result row written, the period not yet updated, nothing committed.</summary>
    public const string RewardResultsWritten = "rewards.results-written";

    /// <summary>In an employee-import chunk's transaction: employees, issues and the batch's progress written, not committed.</summary>
    public const string ImportChunkBeforeCommit = "imports.chunk-before-commit";

    /// <summary>Right after an employee-import chunk's commit, before the next chunk is read.</summary>
    public const string ImportChunkCommitted = "imports.chunk-committed";

    /// <summary>In a finalisation's transaction: number reserved, document row and PDF bytes written, not committed.</summary>
    public const string DocumentContentStored = "documents.content-stored";

    private static readonly Armed? Target = Parse(Environment.GetEnvironmentVariable(Variable));
    private static int _hits;

    private sealed record Armed(string Point, int OnHit);

    /// <summary>Kills the process (as <c>kill -9</c> would: no finally blocks, no flush) when this is the armed point's armed hit.</summary>
    public static void Hit(string point)
    {
        if (Target is null || !string.Equals(Target.Point, point, StringComparison.Ordinal)) return;
        if (Interlocked.Increment(ref _hits) < Target.OnHit) return;
        Console.Error.WriteLine($"fault point {point} reached: killing the process");
        Console.Error.Flush();
        using var self = Process.GetCurrentProcess();
        self.Kill();
        // Kill returns before the signal lands; nothing after this point may run.
        Thread.Sleep(Timeout.Infinite);
    }

    private static Armed? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Trim().Split('#', 2);
        var onHit = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        return new Armed(parts[0], onHit);
    }
}
