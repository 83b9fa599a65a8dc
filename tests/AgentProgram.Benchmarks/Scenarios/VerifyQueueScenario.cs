using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Benchmarks.Infrastructure;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// Humas opening the verification queue's first page (GET /verifikasi-laporan: pending reports, oldest
/// first, 25 a page, with names, numbers, followers and flags) over the same generated reports as
/// <see cref="LogShareScenario"/>. The page must list a full page of reports before it is timed.
/// </summary>
public sealed partial class VerifyQueueScenario : IScenario
{
    private const string QueuePath = "/verifikasi-laporan";
    private const int PageSize = 25;

    [GeneratedRegex("data-testid=\"report-row\"")]
    private static partial Regex RowPattern();

    public string Description => "The share-report verification queue's first page as Humas, against millions of stored reports.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("reports", "3200000", "share reports already stored (the newest tenth pending)"),
        new("duration", "10", "seconds of measured load (first warmed for half of it, at most 3 s)"),
        new("concurrency", "4", "concurrent HTTP workers, all signed in as the same Humas officer"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var reports = args.GetInt32("reports", min: PageSize);
        var duration = TimeSpan.FromSeconds(args.GetDouble("duration", min: 0.5));
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 2));
        var concurrency = args.GetInt32("concurrency", min: 1);

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {reports:N0} share reports, their agents, messages and assignments");
        var seed = await database.AddShareReportsAsync(reports, loadAgents: 0, ct);
        output.Print($"{name}.seed", "seconds", seed.Elapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", seed.RowsPerSecond);

        await using var app = new BenchApp(database);
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");
        var cookie = await SessionCookie.SignInAsync(baseUrl, SyntheticReports.HumasEmail, SyntheticDatabase.Password, ct);

        var url = new Uri(baseUrl, QueuePath);
        using (var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request, ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            var rows = RowPattern().Count(html);
            if (response.StatusCode != HttpStatusCode.OK || rows != PageSize)
                throw new InvalidOperationException($"GET {QueuePath} as Humas answered {(int)response.StatusCode} {response.Headers.Location} with {rows} report rows; expected 200 with {PageSize}. Not benchmarking the wrong page.");
        }

        using var load = new LoadGenerator(concurrency);
        await load.RunAsync(url, warmUp, cookie, ct: ct);
        var cpu = CpuTime.Start();
        var result = await load.RunAsync(url, duration, cookie, ct: ct);
        BenchOutput.Note($"process CPU per page (client and app): {cpu.MillisecondsPer(result.Requests):0.0} ms; {result.Requests} pages in {result.Elapsed.TotalSeconds:0.0} s");
        output.PrintLoad(name, result);
    }
}
