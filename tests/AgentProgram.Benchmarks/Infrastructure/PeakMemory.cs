using System.Diagnostics;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Peak working set of this process (client and app together) over one step: the kernel's high-water
/// mark, reset when the step starts where Linux allows it (/proc/self/clear_refs), and samples every
/// 50 ms in case it cannot be reset or is not kept.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;
    private readonly bool _kernelReset;

    public PeakMemory()
    {
        _kernelReset = TryResetKernelPeak();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>False when the kernel's high-water mark could not be reset: the figure then includes earlier steps.</summary>
    public bool KernelPeakReset => _kernelReset;

    public double PeakMegabytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / 1024.0 / 1024.0;
        }
    }

    private void Sample()
    {
        using var p = Process.GetCurrentProcess();
        var value = Math.Max(p.PeakWorkingSet64, p.WorkingSet64);
        long seen;
        while (value > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, value, seen) != seen)
        {
        }
    }

    private static bool TryResetKernelPeak()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // "5" resets the peak resident set size (VmHWM) to the current one.
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _timer.Dispose();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>
    /// Hands memory the C heap freed back to the system (glibc keeps it mapped otherwise): for a harness that did heavy
    /// work of its own in this process (seeding) before measuring the app. True when anything was returned.
    /// </summary>
    public static bool ReturnFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
