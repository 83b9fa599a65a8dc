using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Infrastructure.Time;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>How often each kind of action is picked (relative weights).</summary>
public sealed record SoakWeights(int Tasks, int Links, int Shares, int Humas, int Pimpinan)
{
    public static readonly IReadOnlyList<string> Kinds = ["tasks", "links", "shares", "humas", "pimpinan"];

    public int Total => Tasks + Links + Shares + Humas + Pimpinan;

    public int Of(int kind) => kind switch
    {
        0 => Tasks,
        1 => Links,
        2 => Shares,
        3 => Humas,
        _ => Pimpinan,
    };

    /// <summary>The kind (index into <see cref="Kinds"/>) a roll in [0, <see cref="Total"/>) falls on.</summary>
    public int Pick(int roll)
    {
        for (var kind = 0; kind < Kinds.Count; kind++)
        {
            if (roll < Of(kind)) return kind;
            roll -= Of(kind);
        }
        return Kinds.Count - 1;
    }
}

/// <summary>A share report the load posted: its post link's status id (claim key x:status:{id}) and the report the app answered with (null: no answer with a report).</summary>
public sealed record SoakPost(long Status, int AgentIndex, Guid SubmissionKey, long? ReportId)
{
    public string ClaimKey => "x:status:" + Status.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A tracked link the load followed, with a user agent of its own (so its visitor hash identifies it); Redirected: the app answered the 302.</summary>
public sealed record SoakClick(int LinkId, string UserAgent, DateTime SentUtc, DateTime AnsweredUtc, bool Redirected);

/// <summary>
/// The soak's closed-loop workers and the five kinds of action they play, each a short browser
/// journey whose every request is timed and content-checked (<see cref="SoakStats"/>). What the app
/// confirmed (reports, clicks, decisions) is kept for the reconciliation.
/// </summary>
public sealed partial class SoakRun : IDisposable
{
    /// <summary>Status ids of the posted links; the seed and log-share's rows use other ranges.</summary>
    private const long StatusBase = 1_950_000_000_000_000_000;

    private const string QueuePath = "/verifikasi-laporan";

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"report-row\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("class=\"(?:text-danger|invalid-feedback|alert alert-danger)[^\"]*\"[^>]*>([^<]+)<")]
    private static partial Regex ErrorPattern();

    private readonly HttpClient _client;
    private readonly int _concurrency;
    private readonly SoakSeed _seed;
    private readonly IReadOnlyList<SoakSession> _agents;
    private readonly IReadOnlyList<SoakSession> _humas;
    private readonly IReadOnlyList<SoakSession> _pimpinan;
    private readonly Display _display;
    private readonly SoakStats _stats;
    private readonly SoakWeights _weights;
    private readonly ConcurrentQueue<long> _pending;
    private readonly ConcurrentQueue<long> _submitted = new();
    private long _status = StatusBase;
    private long _clickSequence;
    private long _analytics;
    private int _runs;

    public SoakRun(Uri baseUrl, int concurrency, SoakSeed seed, IReadOnlyList<SoakSession> agents, IReadOnlyList<SoakSession> humas,
        IReadOnlyList<SoakSession> pimpinan, Display display, SoakStats stats, SoakWeights weights)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _concurrency = concurrency;
        _seed = seed;
        _agents = agents;
        _humas = humas;
        _pimpinan = pimpinan;
        _display = display;
        _stats = stats;
        _weights = weights;
        _pending = new ConcurrentQueue<long>(seed.PendingReports);
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ConcurrentBag<SoakPost> Posts { get; } = [];

    public ConcurrentBag<SoakClick> Clicks { get; } = [];

    /// <summary>Reports whose verify decision the app confirmed (a redirect back to the queue).</summary>
    public ConcurrentBag<long> Verified { get; } = [];

    public int PendingLeft => _pending.Count;

    /// <summary>Each kind with a weight once, one after the other.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        var random = new Random(1);
        for (var kind = 0; kind < SoakWeights.Kinds.Count; kind++)
        {
            if (_weights.Of(kind) > 0) await ActAsync(kind, random, ct);
        }
    }

    /// <summary>The mix for <paramref name="duration"/> (an action under way is finished), with a progress line every <paramref name="progressEvery"/>.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan? progressEvery, Func<TimeSpan, string> progressExtra, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progressExtra);
        var run = Interlocked.Increment(ref _runs);
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = progressEvery is { } every
            ? Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await Task.Delay(every, stop.Token);
                        BenchOutput.Note(_stats.Progress(progressExtra(clock.Elapsed)));
                    }
                }
                catch (OperationCanceledException)
                {
                    // The run ended.
                }
            }, CancellationToken.None)
            : Task.CompletedTask;
        var workers = Enumerable.Range(0, _concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(7919 * (w + 1) + 104729 * run);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
                await ActAsync(_weights.Pick(random.Next(_weights.Total)), random, ct);
        }, ct)).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            await stop.CancelAsync();
            await progress;
        }
    }

    private Task ActAsync(int kind, Random random, CancellationToken ct) => kind switch
    {
        0 => TasksAsync(_agents[random.Next(_agents.Count)], ct),
        1 => FollowLinkAsync(random, ct),
        2 => ShareAsync(_agents[random.Next(_agents.Count)], ct),
        3 => VerifyAsync(_humas[random.Next(_humas.Count)], ct),
        _ => DashboardsAsync(_pimpinan[random.Next(_pimpinan.Count)], ct),
    };

    /// <summary>Tugas Saya (the open message's card), then the assignment page with the agent's tracked link.</summary>
    private async Task TasksAsync(SoakSession agent, CancellationToken ct)
    {
        var home = await SendAsync("tasks.home", HttpMethod.Get, "/", agent, null, null,
            a => Ok(a) ?? Has(a, "data-testid=\"task-card\"", "no task card") ?? Has(a, _seed.OpenMessageTitle, "no open message title"), ct);
        if (home.Answer is null) return;
        var link = "/s/" + _seed.Links[agent.Index].Token;
        await SendAsync("tasks.page", HttpMethod.Get, "/tugas/" + _seed.Reports.OpenAssignments[agent.Index].ToString(CultureInfo.InvariantCulture), agent, null, null,
            a => Ok(a) ?? Has(a, "data-testid=\"tracked-link-X\"", "no tracked link field") ?? Has(a, link, "not the agent's tracked link"), ct);
    }

    /// <summary>Someone opens an agent's tracked link (any of them), anonymous, with a browser user agent of its own.</summary>
    private async Task FollowLinkAsync(Random random, CancellationToken ct)
    {
        var link = _seed.Links[random.Next(_seed.Links.Count)];
        var n = Interlocked.Increment(ref _clickSequence);
        var userAgent = string.Create(CultureInfo.InvariantCulture,
            $"Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.{n / 10000}.{n % 10000} Mobile Safari/537.36");
        var sent = DateTime.UtcNow;
        var target = "utm_content=" + link.Token;
        var (answer, _) = await SendAsync("links.follow", HttpMethod.Get, "/s/" + link.Token, null, null, userAgent,
            a => a.Status != HttpStatusCode.Redirect ? Unexpected(a)
                : a.Location is { } l && l.StartsWith(SoakData.CanonicalUrl, StringComparison.Ordinal) && l.Contains(target, StringComparison.Ordinal) ? null
                : "redirected elsewhere", ct);
        Clicks.Add(new SoakClick(link.LinkId, userAgent, sent, DateTime.UtcNow, answer?.Status == HttpStatusCode.Redirect));
    }

    /// <summary>The share form (a fresh antiforgery token), the multipart post, and the report page it redirects to.</summary>
    private async Task ShareAsync(SoakSession agent, CancellationToken ct)
    {
        var path = "/tugas/" + _seed.Reports.OpenAssignments[agent.Index].ToString(CultureInfo.InvariantCulture) + "/lapor";
        var (form, _) = await SendAsync("shares.form", HttpMethod.Get, path, agent, null, null,
            a => Ok(a) ?? Has(a, "name=\"PostUrl\"", "no share form") ?? (TokenPattern().IsMatch(a.Body) ? null : "no antiforgery token"), ct);
        if (form is null) return;
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form.Body).Groups[1].Value);
        var status = Interlocked.Increment(ref _status);
        var key = Guid.NewGuid();
        var (post, _) = await SendAsync("shares.post", HttpMethod.Post, path, agent, ShareForm(token, key, _seed.Reports.Agents[agent.Index].Handle, status), null,
            a => ReportId(a) is null ? Unexpected(a) + Problem(a) : null, ct);
        var id = post is null ? null : ReportId(post);
        Posts.Add(new SoakPost(status, agent.Index, key, id));
        if (id is not { } reportId) return;
        _submitted.Enqueue(reportId);
        var statusText = status.ToString(CultureInfo.InvariantCulture);
        await SendAsync("shares.report", HttpMethod.Get, post!.Location!, agent, null, null, a => Ok(a) ?? Has(a, statusText, "not the posted link"), ct);
    }

    /// <summary>The queue's first page, then verify the oldest pending report (as the queue orders them) and go back to the queue.</summary>
    private async Task VerifyAsync(SoakSession humas, CancellationToken ct)
    {
        var (queue, _) = await SendAsync("humas.queue", HttpMethod.Get, QueuePath, humas, null, null,
            a => Ok(a) ?? (RowPattern().IsMatch(a.Body) ? null : "no report rows") ?? (TokenPattern().IsMatch(a.Body) ? null : "no antiforgery token"), ct);
        if (queue is null) return;
        long id;
        string? version = null;
        if (_pending.TryDequeue(out var seeded))
        {
            id = seeded;
            version = "1"; // as seeded; the page posts the version it showed
        }
        else if (!_submitted.TryDequeue(out id))
        {
            return;
        }
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__af", WebUtility.HtmlDecode(TokenPattern().Match(queue.Body).Groups[1].Value)),
            new("Kembali", QueuePath),
        };
        if (version is not null) fields.Add(new("Version", version));
        var (decided, _) = await SendAsync("humas.verify", HttpMethod.Post, QueuePath + "/" + id.ToString(CultureInfo.InvariantCulture) + "/verifikasi", humas,
            new FormUrlEncodedContent(fields), null,
            a => a.Status == HttpStatusCode.Redirect && a.Location == QueuePath ? null : Unexpected(a) + Problem(a), ct);
        if (decided is not null) Verified.Add(id);
    }

    /// <summary>Pimpinan's home dashboard, then the analytics page: the default 30 days and a whole year, in turn.</summary>
    private async Task DashboardsAsync(SoakSession pimpinan, CancellationToken ct)
    {
        await SendAsync("pimpinan.home", HttpMethod.Get, "/", pimpinan, null, null,
            a => Ok(a) ?? Has(a, "data-testid=\"pimpinan-dashboard\"", "no Pimpinan dashboard"), ct);
        var today = DateOnly.FromDateTime(_display.ToLocal(DateTime.UtcNow));
        var year = Interlocked.Increment(ref _analytics) % 2 == 1;
        var path = year
            ? string.Create(CultureInfo.InvariantCulture, $"/analitik?dari={today.AddDays(-364):yyyy-MM-dd}&sampai={today:yyyy-MM-dd}")
            : "/analitik";
        await SendAsync(year ? "pimpinan.analytics-year" : "pimpinan.analytics-30d", HttpMethod.Get, path, pimpinan, null, null,
            a => Ok(a) ?? Has(a, "data-testid=\"analytics-tiles\"", "no analytics tiles"), ct);
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string Body);

    /// <summary>One timed request (body read to the end), checked by <paramref name="check"/> (null = as expected); the answer is returned only when it passed.</summary>
    private async Task<(Answer? Answer, string? Error)> SendAsync(string request, HttpMethod method, string path, SoakSession? session, HttpContent? content,
        string? userAgent, Func<Answer, string?> check, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Answer? answer = null;
        string? error;
        try
        {
            using var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
            session?.Apply(message);
            if (userAgent is not null) message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            session?.Store(response);
            answer = new Answer(response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(ct));
            error = check(answer);
        }
        catch (HttpRequestException e)
        {
            error = "connection failed: " + e.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = "timeout (30 s)";
        }
        _stats.Record(request, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
        return (error is null ? answer : null, error);
    }

    private static string? Ok(Answer a) => a.Status == HttpStatusCode.OK ? null : Unexpected(a);

    private static string? Has(Answer a, string text, string otherwise) => a.Body.Contains(text, StringComparison.Ordinal) ? null : otherwise;

    private static string Unexpected(Answer a)
    {
        var location = a.Location is { } l ? " to " + (l.Length > 60 ? l[..60] : l) : "";
        return $"answered {(int)a.Status}{location}";
    }

    /// <summary>The first validation or error message of a page answered instead of a redirect.</summary>
    private static string Problem(Answer a)
    {
        if (a.Status == HttpStatusCode.Redirect) return "";
        var error = ErrorPattern().Match(a.Body);
        return error.Success ? ": " + WebUtility.HtmlDecode(error.Groups[1].Value).Trim() : "";
    }

    private static long? ReportId(Answer a) =>
        a.Status == HttpStatusCode.Redirect && a.Location is { } l && l.StartsWith("/laporan-saya/", StringComparison.Ordinal)
        && long.TryParse(l.AsSpan("/laporan-saya/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The share form as the browser posts it (multipart, an empty screenshot input), posted two minutes ago in local time.</summary>
    private MultipartFormDataContent ShareForm(string token, Guid key, string handle, long status)
    {
        var content = new MultipartFormDataContent();
        void Field(string name, string value)
        {
            var part = new StringContent(value);
            part.Headers.ContentType = null;
            content.Add(part, name);
        }
        Field("__af", token);
        Field("SubmissionKey", key.ToString());
        Field("Platform", "X");
        Field("PostUrl", $"https://x.com/{handle}/status/{status.ToString(CultureInfo.InvariantCulture)}");
        Field("PostedAt", _display.ToLocal(DateTime.UtcNow.AddMinutes(-2)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        Field("Views", (status % 5000 + 100).ToString(CultureInfo.InvariantCulture));
        Field("Reach", "");
        Field("Likes", (status % 300).ToString(CultureInfo.InvariantCulture));
        Field("Comments", "");
        Field("Reposts", "");
        Field("Saves", "");
        var file = new ByteArrayContent([]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"screenshot\"", FileName = "\"\"" };
        content.Add(file);
        return content;
    }

    public void Dispose() => _client.Dispose();
}
