using System.Diagnostics;
using System.Globalization;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Infrastructure.Clicks;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// A realistic mix against the real app at full size for minutes: agents reading their assignments,
/// the public following agents' tracked links, agents logging shares through the real form, Humas
/// verifying from the queue, Pimpinan reading the dashboards. Closed loop: every worker picks a kind
/// by weight, plays its few requests as a browser would (content checked), and picks again. A
/// progress line per minute goes to stderr. Afterwards the click queue is drained and the database
/// is reconciled with what the load was told: every share report answered is stored exactly once,
/// every click redirected is stored exactly once.
/// </summary>
public sealed class SoakScenario : IScenario
{
    public string Description => "A realistic mix (assignments, tracked links, share logs, Humas verifying, Pimpinan dashboards) for minutes at full size; per-kind rps, p95, p99, errors; reports and clicks reconciled with the database.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("minutes", "10", "minutes of measured mixed load"),
        new("agents", "80000", "agents (account, employee, enrolment, verified X account, an assignment of the open message and its tracked link each)"),
        new("reports", "3200000", "share reports already stored (history over the past year, the newest tenth pending: the verification queue)"),
        new("concurrency", "16", "closed-loop workers"),
        new("sessions", "200", "agents signed in through the form, the pool the agent workers act as"),
        new("warmup", "20", "seconds of the same mix before the measured minutes (not counted in the figures; its reports and clicks are reconciled too)"),
        new("weight-tasks", "40", "share of actions: an agent opens Tugas Saya (/) and one assignment (/tugas/{id})"),
        new("weight-links", "30", "share of actions: someone follows an agent's tracked link (/s/{token}, anonymous)"),
        new("weight-shares", "15", "share of actions: an agent opens the share form, posts it (multipart) and sees the report"),
        new("weight-humas", "10", "share of actions: Humas opens the verification queue and verifies the oldest pending report"),
        new("weight-pimpinan", "5", "share of actions: Pimpinan opens the home dashboard and /analitik (30 days and a year, in turn)"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var minutes = args.GetDouble("minutes", min: 0.1);
        var agents = args.GetInt32("agents", min: 1);
        var reports = args.GetInt32("reports", min: 0);
        var concurrency = args.GetInt32("concurrency", min: 1);
        var sessionCount = Math.Min(agents, args.GetInt32("sessions", min: 1));
        var warmUp = TimeSpan.FromSeconds(args.GetDouble("warmup", min: 0));
        var weights = new SoakWeights(args.GetInt32("weight-tasks"), args.GetInt32("weight-links"), args.GetInt32("weight-shares"),
            args.GetInt32("weight-humas"), args.GetInt32("weight-pimpinan"));
        if (weights.Total == 0) throw new BenchUsageException("At least one --weight-… must be above 0.");

        BenchOutput.Note($"machine load before: {LoadAverage()}");
        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {agents:N0} agents with {reports:N0} share reports, the open message assigned to every agent with its tracked link, staff accounts");
        var seed = await database.AddSoakDataAsync(agents, reports, humasOfficers: 3, pimpinanOfficers: 2, ct);
        output.Print($"{name}.seed", "seconds", seed.Elapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", seed.RowsPerSecond);
        BenchOutput.Note($"seeded {seed.Rows:N0} rows in {seed.Elapsed.TotalSeconds:0} s; {seed.PendingReports.Count:N0} reports pending verification");

        await using var app = new BenchApp(database, settings: BenchApp.WithRefresher);
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");

        // The app builds its aggregates (the dashboards' source) on its own the first minute; the soak
        // starts from a running system, not from that one-off build.
        var buildClock = Stopwatch.StartNew();
        while (await database.AggregatesBuiltAsync(ct) is null)
        {
            if (buildClock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("The app did not build its aggregates within 30 minutes.");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        BenchOutput.Note($"the app's first aggregate build finished {buildClock.Elapsed.TotalSeconds:0} s after start");

        var signInClock = Stopwatch.StartNew();
        var agentSessions = await SignInAllAsync(baseUrl,
            Enumerable.Range(0, sessionCount).Select(i => (int)((long)i * agents / sessionCount)).Select(i => (seed.Reports.Agents[i].Email, i)).ToList(), ct);
        var humasSessions = await SignInAllAsync(baseUrl, seed.HumasEmails.Select((e, i) => (e, i)).ToList(), ct);
        var pimpinanSessions = await SignInAllAsync(baseUrl, seed.PimpinanEmails.Select((e, i) => (e, i)).ToList(), ct);
        BenchOutput.Note($"{agentSessions.Count} agents, {humasSessions.Count} Humas and {pimpinanSessions.Count} Pimpinan signed in through the form in {signInClock.Elapsed.TotalSeconds:0.0} s");

        var recorder = app.Services.GetRequiredService<ClickRecorder>();
        var display = app.Services.GetRequiredService<Display>();
        var stats = new SoakStats();
        using var run = new SoakRun(baseUrl, concurrency, seed, agentSessions, humasSessions, pimpinanSessions, display, stats, weights);
        var clicksBefore = await SoakReconciliation.LastClickIdAsync(database, ct);

        // Every kind must work before anything is timed.
        await run.ProbeAsync(ct);
        var probe = stats.Figures(stats.Elapsed);
        if (probe.Overall.Errors > 0)
            throw new InvalidOperationException($"Probing each kind once failed; not soaking a failing app: {string.Join(" | ", probe.FirstErrors)}");
        if (warmUp > TimeSpan.Zero)
        {
            BenchOutput.Note($"warm-up: {warmUp.TotalSeconds:0} s of the mix, {concurrency} workers");
            await run.RunAsync(warmUp, progressEvery: null, _ => "", ct);
            var warm = stats.Figures(stats.Elapsed);
            BenchOutput.Note($"warm-up: {warm.Overall.Requests:N0} requests, {warm.Overall.Errors} errors");
        }

        var duration = TimeSpan.FromMinutes(minutes);
        BenchOutput.Note($"soak: {duration.TotalMinutes:0.#} min, {concurrency} workers, weights tasks {weights.Tasks} / links {weights.Links} / shares {weights.Shares} / humas {weights.Humas} / pimpinan {weights.Pimpinan}; machine load {LoadAverage()}");
        stats.Start();
        var cpu = CpuTime.Start();
        double peakMb;
        TimeSpan elapsed;
        using (var peak = new PeakMemory())
        {
            var clock = Stopwatch.StartNew();
            await run.RunAsync(duration, TimeSpan.FromMinutes(1), _ =>
            {
                using var self = Process.GetCurrentProcess();
                return $", click queue {recorder.Pending:N0}, working set {self.WorkingSet64 / 1048576.0:0} MB, pending reports left {run.PendingLeft:N0}, load {LoadAverage()}";
            }, ct);
            elapsed = clock.Elapsed;
            peakMb = peak.PeakMegabytes;
        }
        var figures = stats.Figures(elapsed);
        BenchOutput.Note($"soak done: {figures.Overall.Requests:N0} requests in {elapsed.TotalSeconds:0} s, process CPU {cpu.Elapsed.TotalSeconds / elapsed.TotalSeconds / Environment.ProcessorCount * 100:0}% of {Environment.ProcessorCount} cores ({cpu.MillisecondsPer(figures.Overall.Requests):0.0} ms per request); machine load after: {LoadAverage()}");

        // Clicks are written in batches by the app's background recorder: drain it before counting.
        var flushClock = Stopwatch.StartNew();
        await recorder.FlushAsync(TimeSpan.FromMinutes(5), ct);
        BenchOutput.Note($"click queue drained {flushClock.Elapsed.TotalMilliseconds:0} ms after the load");
        var secret = app.Services.GetRequiredService<VisitorHashSecret>().Bytes;
        var reportCheck = await SoakReconciliation.CheckReportsAsync(database, seed.Reports.OpenMessageId, run.Posts, ct);
        var clickCheck = await SoakReconciliation.CheckClicksAsync(database, clicksBefore, run.Clicks, secret, display, ct);
        var decisionCheck = await SoakReconciliation.CheckDecisionsAsync(database, run.Verified, ct);
        foreach (var line in reportCheck.Notes.Concat(clickCheck.Notes).Concat(decisionCheck)) BenchOutput.Note(line);

        BenchOutput.Note("per request (measured minutes):");
        foreach (var (request, result) in figures.Requests.OrderBy(r => r.Key, StringComparer.Ordinal))
            BenchOutput.Note($"    {request,-24} {result.Requests,8:N0} requests {result.RequestsPerSecond,7:0.0} req/s  p50 {result.Percentile(50),7:0.0}  p95 {result.Percentile(95),7:0.0}  p99 {result.Percentile(99),7:0.0} ms  errors {result.Errors}");
        foreach (var error in figures.Errors.Take(10)) BenchOutput.Note($"error: {error}");

        output.PrintLoad(name, figures.Overall);
        foreach (var kind in SoakWeights.Kinds)
        {
            if (figures.Kinds.TryGetValue(kind, out var result)) output.PrintLoad($"{name}.{kind}", result);
        }
        output.Print($"{name}.reports", "lost", reportCheck.Lost);
        output.Print($"{name}.reports", "duplicates", reportCheck.Duplicates);
        output.Print($"{name}.clicks", "lost", clickCheck.Lost);
        output.Print($"{name}.clicks", "duplicates", clickCheck.Duplicates);
        output.Print(name, "peak_mb", peakMb);
        BenchFacts.Print(name, "agents", agents);
        BenchFacts.Print(name, "reports.submitted", reportCheck.Answered);
        BenchFacts.Print(name, "clicks.sent", clickCheck.Sent);
        BenchFacts.Print(name, "verified", run.Verified.Count);
    }

    private static async Task<List<SoakSession>> SignInAllAsync(Uri baseUrl, IReadOnlyList<(string Email, int Index)> accounts, CancellationToken ct)
    {
        var sessions = new SoakSession[accounts.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(4, accounts.Count)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < accounts.Count; i = Interlocked.Increment(ref next))
                sessions[i] = await SoakSession.SignInAsync(baseUrl, accounts[i].Email, accounts[i].Index, ct);
        }, ct)));
        return [.. sessions];
    }

    /// <summary>The machine's load averages (1, 5, 15 minutes), as uptime prints them.</summary>
    internal static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "?";
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
