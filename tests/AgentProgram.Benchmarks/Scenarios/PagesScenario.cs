using System.Diagnostics;
using AgentProgram.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// Throughput and latency of whole pages on a database with many agents, each next to a control
/// page (one no-tracking query, a 20-row table, no Razor) served by the same pipeline. The ratio
/// page rps / control rps says how much a page costs beyond the framework's own per-request work,
/// and stays comparable across machines.
/// </summary>
public sealed class PagesScenario : IScenario
{
    public string Description => "Sign-in page, an agent's home page and a control page under concurrent load.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("agents", "80000", "agent accounts to generate"),
        new("duration", "10", "seconds of measured load per page (each page is first warmed for half of it, at most 3 s)"),
        new("concurrency", "16", "concurrent HTTP workers"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var agents = args.GetInt32("agents", min: 1);
        var duration = TimeSpan.FromSeconds(args.GetDouble("duration", min: 0.5));
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 2));
        var concurrency = args.GetInt32("concurrency", min: 1);

        var migrateClock = Stopwatch.StartNew();
        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"schema migrated in {migrateClock.Elapsed.TotalSeconds:0.00} s; generating {agents} agents");
        var rows = await database.AddAgentsAsync(agents, ct);
        output.Print($"{name}.seed", "seconds", rows.Elapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", rows.RowsPerSecond);

        await using var app = new BenchApp(database, services => services.AddBenchControlPage());
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");

        var cookie = await SessionCookie.SignInAsync(baseUrl, SyntheticDatabase.AgentEmail(1), SyntheticDatabase.Password, ct);
        using var load = new LoadGenerator(concurrency);

        // Each page must really be what we think it is before we time it.
        await ExpectPageAsync(baseUrl, ControlPage.Path, null, "<table", ct);
        await ExpectPageAsync(baseUrl, "/akun/masuk", null, "Masuk ke AgentProgram", ct);
        await ExpectPageAsync(baseUrl, "/", cookie, "Tugas Saya", ct);

        var pages = new (string Part, string Path, string? Cookie)[]
        {
            ("control", ControlPage.Path, null),
            ("signin", "/akun/masuk", null),
            ("home", "/", cookie),
        };
        // Warm every page before measuring any, so the first page measured is not the one that
        // pays for the JIT and the connection pool.
        foreach (var (part, path, session) in pages)
        {
            BenchOutput.Note($"warm-up {part}: {warmUp.TotalSeconds:0.#} s");
            await load.RunAsync(new Uri(baseUrl, path), warmUp, session, ct: ct);
        }
        var results = new Dictionary<string, LoadResult>();
        foreach (var (part, path, session) in pages)
        {
            BenchOutput.Note($"{part}: GET {path}, {concurrency} workers, {duration.TotalSeconds:0.#} s");
            var result = await load.RunAsync(new Uri(baseUrl, path), duration, session, ct: ct);
            results[part] = result;
            output.PrintLoad($"{name}.{part}", result);
        }
        foreach (var part in new[] { "signin", "home" })
            output.Print($"{name}.{part}", "ratio", results[part].RequestsPerSecond / results["control"].RequestsPerSecond);

        using var self = Process.GetCurrentProcess();
        output.Print(name, "peak_mb", self.PeakWorkingSet64 / (1024.0 * 1024.0));
    }

    private static async Task ExpectPageAsync(Uri baseUrl, string path, string? cookie, string text, CancellationToken ct)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, path));
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != System.Net.HttpStatusCode.OK || !html.Contains(text, StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location} without \"{text}\"; not benchmarking the wrong page.");
    }
}
