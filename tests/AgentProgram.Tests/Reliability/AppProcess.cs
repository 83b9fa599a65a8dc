using System.Diagnostics;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Tests.Reliability;

/// <summary>The outcome of one run of the app's executable.</summary>
public sealed record ProcessResult(int ExitCode, string Out, string Err)
{
    /// <summary>Killed by <see cref="FaultPoints"/> at <paramref name="point"/>: the point's own line on stderr and no exit of its own.</summary>
    public bool KilledAt(string point) => ExitCode != 0 && Err.Contains($"fault point {point} reached", StringComparison.Ordinal);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Err}";
}

/// <summary>
/// Runs the built app (AgentProgram.Web.dll beside the tests) as a child process, as an operator runs a verb: Production,
/// a SQLite file and a data folder given by environment variables, and optionally a fault point armed with
/// <see cref="FaultPoints.Variable"/>. The process is killed if it outlives its time limit, and the test fails.
/// </summary>
public static class AppProcess
{
    public static async Task<ProcessResult> RunAsync(string dataDir, string database, string? fault, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = dataDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentProgram.Web.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ConnectionStrings__Default"] = $"Data Source={database}";
        psi.Environment["Storage__DataPath"] = dataDir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Institution__Name"] = "Pemerintah Kota Uji";
        psi.Environment["Institution__ShortName"] = "Pemkot Uji";
        psi.Environment.Remove(FaultPoints.Variable);
        if (fault is not null) psi.Environment[FaultPoints.Variable] = fault;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        try
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(150));
            await p.WaitForExitAsync(limit.Token);
            return new ProcessResult(p.ExitCode, (await stdout).Trim(), (await stderr).Trim());
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }
}
