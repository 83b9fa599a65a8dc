using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// Latencies and errors of a long mixed run, per request (e.g. "tasks.home") and so per kind (the
/// part before the dot): everything since <see cref="Start"/> for the final figures, and a window
/// that <see cref="Progress"/> empties for the per-minute line on stderr. Thread-safe.
/// </summary>
public sealed class SoakStats
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Series> _requests = new(StringComparer.Ordinal);
    private readonly List<string> _firstErrors = [];
    private readonly Dictionary<string, long> _errorCounts = new(StringComparer.Ordinal);
    private Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _windowStart;
    private CpuTime _windowCpu = CpuTime.Start();

    private sealed class Series
    {
        public List<double> All { get; } = new(capacity: 16384);
        public List<double> Window { get; } = new(capacity: 4096);
        public long Errors { get; set; }
        public long WindowErrors { get; set; }
    }

    /// <summary>Forgets everything recorded so far (the warm-up) and starts the measured clock.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _requests.Clear();
            _firstErrors.Clear();
            _errorCounts.Clear();
            _clock = Stopwatch.StartNew();
            _windowStart = TimeSpan.Zero;
            _windowCpu = CpuTime.Start();
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <param name="request">"kind.request", e.g. "shares.post".</param>
    /// <param name="error">Null when the answer was the expected one; otherwise what was wrong.</param>
    public void Record(string request, double milliseconds, string? error)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(request, out var series)) _requests[request] = series = new Series();
            series.All.Add(milliseconds);
            series.Window.Add(milliseconds);
            if (error is null) return;
            series.Errors++;
            series.WindowErrors++;
            var key = request + ": " + error;
            _errorCounts[key] = _errorCounts.GetValueOrDefault(key) + 1;
            if (_firstErrors.Count < 10) _firstErrors.Add($"{_clock.Elapsed.TotalSeconds:0.0} s {key}");
        }
    }

    /// <summary>One line per kind for the last window (rps, p95, errors), then empties the window.</summary>
    public string Progress(string extra)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var seconds = Math.Max(1e-9, (now - _windowStart).TotalSeconds);
            var text = new StringBuilder();
            var total = _requests.Values.Sum(s => (long)s.Window.Count);
            var cpu = _windowCpu.Elapsed.TotalSeconds / seconds / Environment.ProcessorCount * 100;
            text.Append(CultureInfo.InvariantCulture, $"{now.TotalMinutes:0.0} min: {total / seconds:0.0} req/s, process CPU {cpu:0}% of {Environment.ProcessorCount} cores{extra}");
            foreach (var kind in _requests.GroupBy(r => Kind(r.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var window = kind.SelectMany(r => r.Value.Window).ToArray();
                Array.Sort(window);
                text.Append(CultureInfo.InvariantCulture,
                    $"\n    {kind.Key,-9} {window.Length / seconds,7:0.0} req/s  p95 {Percentile(window, 95),7:0.0} ms  p99 {Percentile(window, 99),7:0.0} ms  errors {kind.Sum(r => r.Value.WindowErrors)} (total {kind.Sum(r => r.Value.Errors)})");
            }
            foreach (var series in _requests.Values)
            {
                series.Window.Clear();
                series.WindowErrors = 0;
            }
            _windowStart = now;
            _windowCpu = CpuTime.Start();
            return text.ToString();
        }
    }

    /// <summary>Everything since <see cref="Start"/>: overall, per kind and per request.</summary>
    public SoakFigures Figures(TimeSpan elapsed)
    {
        lock (_gate)
        {
            LoadResult Of(IEnumerable<Series> series)
            {
                var list = series.ToList();
                var all = list.SelectMany(s => s.All).ToArray();
                Array.Sort(all);
                return new LoadResult(all, list.Sum(s => s.Errors), elapsed);
            }
            var kinds = _requests.GroupBy(r => Kind(r.Key)).ToDictionary(g => g.Key, g => Of(g.Select(r => r.Value)), StringComparer.Ordinal);
            var requests = _requests.ToDictionary(r => r.Key, r => Of([r.Value]), StringComparer.Ordinal);
            return new SoakFigures(Of(_requests.Values), kinds, requests, [.. _firstErrors],
                _errorCounts.OrderByDescending(e => e.Value).Select(e => $"{e.Value} × {e.Key}").ToList());
        }
    }

    private static string Kind(string request)
    {
        var dot = request.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? request : request[..dot];
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <param name="Errors">Distinct error descriptions with their counts, most frequent first.</param>
public sealed record SoakFigures(LoadResult Overall, IReadOnlyDictionary<string, LoadResult> Kinds, IReadOnlyDictionary<string, LoadResult> Requests,
    IReadOnlyList<string> FirstErrors, IReadOnlyList<string> Errors);
