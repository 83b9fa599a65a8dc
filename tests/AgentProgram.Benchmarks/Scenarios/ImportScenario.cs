using System.Diagnostics;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Imports;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// The SIASN bulk import at the scale of a large institution: a generated "Export Data ASN" CSV
/// (every SIASN column, a few faulty rows) and its unit file, imported into an empty throw-away
/// SQLite database through the engine the <c>import-employees</c> verb runs, then imported again
/// unchanged (the idempotent re-import HR does with each fresh export). The peak working set covers
/// the whole process, sampled while the imports run.
/// </summary>
public sealed class ImportScenario : IScenario
{
    public string Description => "SIASN employee import (CSV) into an empty database, then the same file again.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("rows", "80000", "employee rows in the generated SIASN export"),
        new("units", "400", "units in the generated unit file"),
        new("defects", "0.005", "share of rows with a planted fault (rejected or warned)"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var rows = args.GetInt32("rows", min: 1);
        var unitCount = args.GetInt32("units", min: 2);
        var defectRate = args.GetDouble("defects", min: 0);

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        var unitsFile = Path.Combine(database.Folder, "unor.csv");
        var employeesFile = Path.Combine(database.Folder, "export-data-asn.csv");
        var generate = Stopwatch.StartNew();
        var generator = new SiasnSampleGenerator(referenceDate: DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1));
        var units = generator.Units(unitCount);
        await using (var f = File.Create(unitsFile)) SiasnSampleGenerator.WriteUnitsCsv(f, units);
        int expectedRejected = 0, expectedValid = 0;
        await using (var f = File.Create(employeesFile))
        {
            SiasnSampleGenerator.WriteEmployeesCsv(f, generator.Employees(rows, units, defectRate).Select(e =>
            {
                if (e.Defect.Rejects()) expectedRejected++;
                else expectedValid++;
                return e;
            }));
        }
        BenchOutput.Note($"generated {rows} rows ({new FileInfo(employeesFile).Length / 1024.0 / 1024.0:0.0} MB) and {units.Count} units in {generate.Elapsed.TotalSeconds:0.0} s");

        await using var services = Services(database.ConnectionString);
        using var peak = new PeakSampler();

        var cpu = CpuSeconds();
        var first = Stopwatch.StartNew();
        var (unitCounts, counts) = await ImportAsync(services, unitsFile, employeesFile, ct);
        first.Stop();
        BenchOutput.Note($"first import: units {unitCounts.ToCliLine()}; employees {counts.ToCliLine()}; {CpuSeconds() - cpu:0.0} s of CPU");
        if (unitCounts.New != units.Count || counts.New != expectedValid || counts.Rejected != expectedRejected)
            throw new InvalidOperationException($"The first import should add {units.Count} units and {expectedValid} employees and reject {expectedRejected}; it did: {counts.ToCliLine()}.");

        cpu = CpuSeconds();
        var second = Stopwatch.StartNew();
        var (_, again) = await ImportAsync(services, unitsFile, employeesFile, ct);
        second.Stop();
        BenchOutput.Note($"re-import: {again.ToCliLine()}; {CpuSeconds() - cpu:0.0} s of CPU");
        if (again.Unchanged != expectedValid || again.New != 0 || again.Updated != 0)
            throw new InvalidOperationException($"The re-import should leave all {expectedValid} employees unchanged; it did: {again.ToCliLine()}.");

        output.Print(name, "seconds", first.Elapsed.TotalSeconds);
        output.Print($"{name}.reimport", "seconds", second.Elapsed.TotalSeconds);
        output.Print(name, "rows_per_s", rows / first.Elapsed.TotalSeconds);
        output.Print(name, "peak_mb", peak.PeakMegabytes);
    }

    /// <summary>CPU time of the whole process (all threads): with other work on the machine, it says more than wall time.</summary>
    private static double CpuSeconds()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>What the verb does: units first, then employees, each a batch of its own.</summary>
    private static async Task<(ImportCounts Units, ImportCounts Employees)> ImportAsync(ServiceProvider services, string unitsFile, string employeesFile, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var (_, units) = await runner.RunFileAsync(unitsFile, ImportKind.Units, ct);
        var (_, employees) = await runner.RunFileAsync(employeesFile, ImportKind.Employees, ct);
        return (units, employees);
    }

    /// <summary>The services the engine needs, as the web app registers them, without a web host.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        var config = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Display>();
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString));
        services.AddScoped<IAuditActor>(_ => new SystemAuditActor("bench"));
        services.AddScoped<AuditLog>();
        services.AddAppImports();
        return services.BuildServiceProvider();
    }

    /// <summary>The process's peak working set (the kernel's high-water mark, and samples every 50 ms in case it is not kept).</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

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

        public void Dispose() => _timer.Dispose();
    }
}
