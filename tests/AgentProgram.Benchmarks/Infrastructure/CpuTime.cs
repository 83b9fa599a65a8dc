using System.Diagnostics;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// CPU time this process (client and app together) spent over one step. On a busy machine wall-clock
/// latencies mostly measure the queue for a core; CPU per request says what the work itself costs.
/// </summary>
public readonly struct CpuTime
{
    private readonly TimeSpan _start;

    private CpuTime(TimeSpan start) => _start = start;

    public static CpuTime Start()
    {
        using var process = Process.GetCurrentProcess();
        return new CpuTime(process.TotalProcessorTime);
    }

    public TimeSpan Elapsed
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime - _start;
        }
    }

    public double MillisecondsPer(long count) => count <= 0 ? double.NaN : Elapsed.TotalMilliseconds / count;
}
