using System.Diagnostics;
using System.Globalization;
using System.Net;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Clicks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// The tracked-link redirect /s/{token} with click recording on, next to a control endpoint that does
/// the same cached lookup and answers the same redirect without recording, in the same run and the
/// same pipeline. Each request picks one of the seeded tokens at random. Afterwards the recorder is
/// flushed and every click sent (each 302 from /s/, warm-up included) must be in LinkClicks.
/// </summary>
public sealed class RedirectScenario : IScenario
{
    private const string UserAgent = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    public string Description => "Tracked-link redirects per second with click recording, beside a control redirect without recording; clicks lost.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("links", "10000", "tracked links (one agent, assignment and link each) for one published message"),
        new("duration", "10", "seconds of measured load per endpoint (each is first warmed for half of it, at most 3 s)"),
        new("concurrency", "16", "concurrent HTTP workers"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var links = args.GetInt32("links", min: 1);
        var duration = TimeSpan.FromSeconds(args.GetDouble("duration", min: 0.5));
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 2));
        var concurrency = args.GetInt32("concurrency", min: 1);

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {links} agents, assignments and tracked links");
        var seedClock = Stopwatch.StartNew();
        await database.AddAgentsAsync(links, ct);
        var tokens = await SeedLinksAsync(database, links, ct);
        output.Print($"{name}.seed", "seconds", seedClock.Elapsed.TotalSeconds);

        await using var app = new BenchApp(database, services => services.AddBenchControlPage());
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");
        var recorder = app.Services.GetRequiredService<ClickRecorder>();

        using var load = new RandomTokenLoad(concurrency);
        // Both endpoints must really redirect to the same place before we time them.
        var sample = tokens[0];
        var real = await load.ProbeAsync(new Uri(baseUrl, "/s/" + sample), ct);
        var control = await load.ProbeAsync(new Uri(baseUrl, RedirectControl.Path + sample), ct);
        if (real != control || real is null || !real.Contains("utm_content=" + sample, StringComparison.Ordinal))
            throw new InvalidOperationException($"The redirect and the control disagree: {real} vs {control}.");
        long sent = 1;

        // Every token once through the control (no clicks): the lookup cache is shared, so both
        // endpoints are then measured in the steady state of a hot link set.
        var warmClock = Stopwatch.StartNew();
        await load.TouchAllAsync(baseUrl, RedirectControl.Path, tokens, ct);
        BenchOutput.Note($"{tokens.Length} tokens looked up (cache filled) in {warmClock.Elapsed.TotalSeconds:0.0} s");
        foreach (var path in new[] { RedirectControl.Path, "/s/" })
        {
            var warm = await load.RunAsync(baseUrl, path, tokens, warmUp, ct);
            if (path == "/s/") sent += warm.Redirects;
        }
        await recorder.FlushAsync(TimeSpan.FromMinutes(2), ct);

        var controlResult = await load.RunAsync(baseUrl, RedirectControl.Path, tokens, duration, ct);
        var redirectResult = await load.RunAsync(baseUrl, "/s/", tokens, duration, ct);
        sent += redirectResult.Redirects;

        var flushClock = Stopwatch.StartNew();
        await recorder.FlushAsync(TimeSpan.FromMinutes(5), ct);
        BenchOutput.Note($"queue flushed {flushClock.Elapsed.TotalMilliseconds:0} ms after the load");
        var stored = await CountClicksAsync(database, ct);

        output.PrintLoad(name, redirectResult.Load);
        output.PrintLoad($"{name}.control", controlResult.Load);
        output.Print(name, "ratio", redirectResult.Load.RequestsPerSecond / controlResult.Load.RequestsPerSecond);
        // "lost" is not one of BenchOutput's metrics; the issue asks for exactly this line.
        Console.Out.WriteLine($"BENCH {name}.lost {(sent - stored).ToString(CultureInfo.InvariantCulture)} count");
        Console.Out.Flush();
        BenchOutput.Note($"clicks sent {sent}, stored {stored}");
    }

    /// <summary>One employee, agent, assignment and WhatsApp/X/Facebook link per generated agent account, all for one published message.</summary>
    private static async Task<string[]> SeedLinksAsync(SyntheticDatabase database, int count, CancellationToken ct)
    {
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var quiet = db.SuppressEntityAudit();
        var now = DateTime.UtcNow;
        var message = new PolicyMessage
        {
            Title = "Pekan Imunisasi Nasional",
            PolicyReference = "Inpres 9/2015",
            AuthorUserId = "bench",
            Status = MessageStatus.Published,
            ActiveFromUtc = now.AddDays(-1),
            ActiveUntilUtc = now.AddDays(30),
            CreatedUtc = now,
            PublishedUtc = now,
        };
        db.PolicyMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var revision = new MessageRevision
        {
            MessageId = message.Id, Number = 1, KeyMessage = "Imunisasi gratis di puskesmas.", CanonicalUrl = "https://kominfo.kotauji.go.id/berita/pekan-imunisasi",
            CreatedByUserId = "bench", CreatedUtc = now, ApprovedByUserId = "bench", ApprovedUtc = now,
        };
        db.MessageRevisions.Add(revision);
        await db.SaveChangesAsync(ct);
        message.ApprovedRevisionId = revision.Id;
        message.CurrentRevisionId = revision.Id;
        db.Entry(message).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);

        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => u.Id).Take(count).ToListAsync(ct);
        var platforms = new[] { Platform.WhatsApp, Platform.X, Platform.Facebook };
        var tokens = new List<string>(count);
        for (var i = 0; i < users.Count; i++)
        {
            var employee = new Employee { Nip = (198001012005011000L + i).ToString(CultureInfo.InvariantCulture)[..18], Name = "Agen " + i.ToString(CultureInfo.InvariantCulture) };
            var agent = new Agent { Employee = employee, UserId = users[i], EnrolledUtc = now };
            var assignment = new Assignment { Message = message, Agent = agent, DueUtc = now.AddDays(2), CreatedUtc = now };
            var token = TrackedLinkToken.New();
            tokens.Add(token);
            db.Add(new TrackedLink { Assignment = assignment, Platform = platforms[i % platforms.Length], Token = token, CreatedUtc = now });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return [.. tokens];
    }

    private static async Task<long> CountClicksAsync(SyntheticDatabase database, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM LinkClicks";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private sealed record RandomLoadResult(LoadResult Load, long Redirects);

    /// <summary>Closed-loop load like <see cref="LoadGenerator"/>, but each request asks for a random seeded token.</summary>
    private sealed class RandomTokenLoad : IDisposable
    {
        private readonly HttpClient _client;
        private readonly int _concurrency;

        public RandomTokenLoad(int concurrency)
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
            _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        public async Task<string?> ProbeAsync(Uri url, CancellationToken ct)
        {
            using var response = await _client.GetAsync(url, ct);
            return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : null;
        }

        public async Task TouchAllAsync(Uri baseUrl, string prefix, string[] tokens, CancellationToken ct)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < tokens.Length; i = Interlocked.Increment(ref next))
                {
                    using var response = await _client.GetAsync(new Uri(baseUrl, prefix + tokens[i]), ct);
                    if (response.StatusCode != HttpStatusCode.Redirect)
                        throw new InvalidOperationException($"{prefix}{{token}} answered {(int)response.StatusCode} for a seeded token.");
                }
            }, ct)));
        }

        public async Task<RandomLoadResult> RunAsync(Uri baseUrl, string prefix, string[] tokens, TimeSpan duration, CancellationToken ct)
        {
            var urls = tokens.Select(t => new Uri(baseUrl, prefix + t)).ToArray();
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, _concurrency).Select(w => Task.Run(async () =>
            {
                var random = new Random(7919 * (w + 1));
                var latencies = new List<double>(capacity: 16384);
                long errors = 0, redirects = 0;
                while (clock.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await _client.GetAsync(urls[random.Next(urls.Length)], HttpCompletionOption.ResponseContentRead, ct);
                        if (response.StatusCode == HttpStatusCode.Redirect) redirects++;
                        else errors++;
                    }
                    catch (HttpRequestException)
                    {
                        errors++;
                    }
                    catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                    {
                        errors++;
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                return (latencies, errors, redirects);
            }, ct)).ToList();
            var results = await Task.WhenAll(workers);
            var elapsed = clock.Elapsed;
            var all = results.SelectMany(r => r.latencies).ToArray();
            Array.Sort(all);
            return new RandomLoadResult(new LoadResult(all, results.Sum(r => r.errors), elapsed), results.Sum(r => r.redirects));
        }

        public void Dispose() => _client.Dispose();
    }
}

public static class RedirectControl
{
    public const string Path = "/__bench/redirect-control/";
}

/// <summary>
/// The control for the redirect: the same cached token lookup and the same 302 as /s/{token}, with
/// no click recorded. Only the benchmark process has it (registered with the control page's
/// application part).
/// </summary>
[AllowAnonymous]
[Route("__bench/redirect-control/{token}")]
public sealed class RedirectControlController(TrackedLinkResolver links, TimeProvider clock) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get(string token)
    {
        var link = await links.ResolveAsync(token, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        if (link is null || !link.IsLive(clock.GetUtcNow().UtcDateTime)) return NotFound();
        return Redirect(link.TargetUrl!);
    }
}
