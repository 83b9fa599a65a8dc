using System.Diagnostics;
using System.Net;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send a request, read the whole body, and send
/// the next, for a fixed time. Run it once unrecorded first so the JIT and caches settle.
/// A response that is not the expected status counts as an error, and its latency still counts.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _concurrency;

    public LoadGenerator(int concurrency)
    {
        _concurrency = concurrency;
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <param name="cookie">A Cookie header to send with every request (a signed-in session), or null.</param>
    public async Task<LoadResult> RunAsync(Uri url, TimeSpan duration, string? cookie = null, HttpStatusCode expected = HttpStatusCode.OK, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var stopAt = duration;
        var workers = Enumerable.Range(0, _concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(capacity: 4096);
            var errors = 0L;
            while (clock.Elapsed < stopAt && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (cookie is not null) request.Headers.Add("Cookie", cookie);
                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                    if (response.StatusCode != expected) errors++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    errors++; // the client's own timeout
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return (latencies, errors);
        }, ct)).ToList();

        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(all, results.Sum(r => r.errors), elapsed);
    }

    public void Dispose() => _client.Dispose();
}

public sealed record LoadResult(double[] SortedLatenciesMs, long Errors, TimeSpan Elapsed)
{
    public long Requests => SortedLatenciesMs.Length;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile of the request latencies, in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (SortedLatenciesMs.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * SortedLatenciesMs.Length);
        return SortedLatenciesMs[Math.Clamp(rank - 1, 0, SortedLatenciesMs.Length - 1)];
    }
}
