using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// Agents logging share reports through the real form (POST /tugas/{id}/lapor, multipart, signed in,
/// with the antiforgery field) against a database that already holds millions of reports. Beside it,
/// in the same run, the floor: plain single-row insert transactions into ShareReports from as many
/// workers for as long. Afterwards every successful post must be stored exactly once, and one form
/// posted several times at once must make one report.
/// </summary>
public sealed partial class LogShareScenario : IScenario
{
    /// <summary>Numeric status ids of the posted links; the seed and the floor use other ranges.</summary>
    private const long PostStatusBase = 1_900_000_000_000_000_000;
    private const long FloorStatusBase = 1_800_000_000_000_000_000;

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public string Description => "Share reports posted through the real form per second against millions of stored reports, beside plain single-row inserts (the floor); duplicates.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("reports", "3200000", "share reports already stored before the load"),
        new("duration", "20", "seconds of measured load, for the floor and for the form posts (the posts are first warmed for a quarter of it, at most 5 s)"),
        new("concurrency", "16", "concurrent workers (HTTP for the posts, SQLite connections for the floor)"),
        new("agents", "64", "signed-in agents the workers take turns posting as (each with a verified X account and an assignment)"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var reports = args.GetInt32("reports", min: 0);
        var duration = TimeSpan.FromSeconds(args.GetDouble("duration", min: 0.5));
        var warmUp = TimeSpan.FromSeconds(Math.Min(5, duration.TotalSeconds / 4));
        var concurrency = args.GetInt32("concurrency", min: 1);
        var agentCount = args.GetInt32("agents", min: 1);

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {reports:N0} share reports, their agents, messages and assignments, and {agentCount} load agents");
        var seed = await database.AddShareReportsAsync(reports, agentCount, ct);
        output.Print($"{name}.seed", "seconds", seed.Elapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", seed.RowsPerSecond);

        await using var app = new BenchApp(database);
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");
        var display = app.Services.GetRequiredService<Display>();

        var signInClock = Stopwatch.StartNew();
        var sessions = await OpenFormsAsync(baseUrl, seed, agentCount, ct);
        BenchOutput.Note($"{sessions.Count} agents signed in and holding a form in {signInClock.Elapsed.TotalSeconds:0.0} s");

        // The floor first, on a quiet app: what the database alone does for this table.
        var floorCpu = CpuTime.Start();
        var floor = await FloorAsync(database, seed, concurrency, duration, ct);
        BenchOutput.Note($"process CPU per floor insert: {floorCpu.MillisecondsPer(floor.Requests):0.00} ms");
        BenchOutput.Note($"floor: {floor.Requests:N0} single-row insert transactions, {floor.Errors} failed");

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        // Posted five minutes ago, local time of the institution as the form sends it.
        var postedAt = display.ToLocal(DateTime.UtcNow.AddMinutes(-5)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var load = new PostLoad(client, sessions, postedAt, database, seed.OpenMessageId);

        // Must work before it is timed.
        var probe = await load.PostAsync(sessions[0], Guid.NewGuid(), load.NextStatus(), ct);
        if (probe.ReportId is null)
            throw new InvalidOperationException($"POST /tugas/{sessions[0].AssignmentId}/lapor answered {probe.Describe()}; expected a redirect to /laporan-saya/{{id}}. Not benchmarking a failing form.");

        var warm = await load.RunAsync(concurrency, warmUp, ct);
        BenchOutput.Note($"warm-up: {warm.Result.Requests} posts, {warm.Result.Errors} errors");
        var cpu = CpuTime.Start();
        var measured = await load.RunAsync(concurrency, duration, ct);
        BenchOutput.Note($"process CPU per post (client and app): {cpu.MillisecondsPer(measured.Result.Requests):0.0} ms; {measured.Result.Requests} posts in {measured.Result.Elapsed.TotalSeconds:0.0} s");
        if (measured.FirstError is { } first) BenchOutput.Note($"first error: {first}");

        // One form posted several times at once, then twice more: one report.
        BenchOutput.Note("posting one form 7 times (5 at once): the app may log the lost races as a database error (UNIQUE constraint); that is the double-submit path working");
        var twice = await RepeatSameFormAsync(load, sessions[0], ct);
        if (twice.Wrong > 0)
            BenchOutput.Note($"the repeated form got {twice.Wrong} answer(s) other than a redirect to its report: {twice.Answers}");

        var (stored, duplicates) = await CheckStoredAsync(database, seed.OpenMessageId, ct);
        var answered = new HashSet<long>(warm.ReportIds.Concat(measured.ReportIds)) { probe.ReportId.Value, twice.ReportId };
        var lost = answered.Count(id => !stored.Contains(id));
        var extra = stored.Count(id => !answered.Contains(id));
        var successes = 1 + warm.Successes + measured.Successes + 1;
        BenchOutput.Note($"posts answered with a report: {successes} ({answered.Count} distinct reports), stored for the open message: {stored.Count}, stored without an answer: {extra}, repeated form made {twice.Rows} row(s)");
        if (answered.Count != successes)
            BenchOutput.Note($"{successes - answered.Count} successful posts pointed at a report another post also pointed at");

        output.PrintLoad(name, measured.Result);
        output.Print($"{name}.floor", "rps", floor.RequestsPerSecond);
        output.Print($"{name}.floor", "p95_ms", floor.Percentile(95));
        output.Print(name, "ratio", measured.Result.RequestsPerSecond / floor.RequestsPerSecond);
        output.Print(name, "duplicates", duplicates + extra + Math.Max(0, twice.Rows - 1) + (successes - answered.Count));
        output.Print(name, "lost", lost);
        output.Print($"{name}.repeat", "errors", twice.Wrong);
    }

    /// <summary>An agent signed in through the form, holding its open assignment's share form (antiforgery token).</summary>
    private sealed record AgentForm(int AssignmentId, string Handle, string Cookie, string Token);

    private static async Task<List<AgentForm>> OpenFormsAsync(Uri baseUrl, SeededReports seed, int count, CancellationToken ct)
    {
        var forms = new AgentForm[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(4, count)).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var agent = seed.Agents[i];
                var session = await SessionCookie.SignInAsync(baseUrl, agent.Email, SyntheticDatabase.Password, ct);
                var cookies = new CookieContainer();
                foreach (var pair in session.Split("; ", StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    cookies.Add(baseUrl, new Cookie(pair[..eq], pair[(eq + 1)..]));
                }
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
                var path = $"/tugas/{seed.OpenAssignments[i].ToString(CultureInfo.InvariantCulture)}/lapor";
                using var page = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
                var html = await page.Content.ReadAsStringAsync(ct);
                var token = TokenPattern().Match(html);
                if (page.StatusCode != HttpStatusCode.OK || !token.Success || !html.Contains("name=\"PostUrl\"", StringComparison.Ordinal))
                    throw new InvalidOperationException($"GET {path} as {agent.Email} answered {(int)page.StatusCode} {page.Headers.Location} without the share form.");
                forms[i] = new AgentForm(seed.OpenAssignments[i], agent.Handle, cookies.GetCookieHeader(baseUrl), WebUtility.HtmlDecode(token.Groups[1].Value));
            }
        }, ct)));
        return [.. forms];
    }

    /// <summary>
    /// Plain single-row insert transactions into ShareReports (the columns EF writes, a new claim key
    /// each), one SQLite connection per worker with the app's connection string, for <paramref name="duration"/>.
    /// The rows go to the background agents and messages, so the form posts' look-ups do not see them.
    /// </summary>
    private static async Task<LoadResult> FloorAsync(SyntheticDatabase database, SeededReports seed, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var next = -1L;
        var background = seed.Agents.Count > seed.OpenAssignments.Count ? seed.Agents.Skip(seed.OpenAssignments.Count).ToArray() : [.. seed.Agents];
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Factory.StartNew(() =>
        {
            var latencies = new List<double>(capacity: 16384);
            var errors = 0L;
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO ShareReports (AssignmentId, AgentId, MessageId, UnitId, Platform, PostUrl, ClaimKey, LinkHandle,
                    PostedUtc, SubmittedUtc, SubmissionKey, State, DecisionReason, ReviewedByUserId, ReviewedUtc, CorrectionCount,
                    Flags, ScreenshotPath, ScreenshotContentType, ScreenshotSha256, FollowersAtSubmission, Version)
                VALUES ($assignment, $agent, $message, $unit, 'X', $url, $claim, $handle,
                    $posted, $submitted, $key, 'Pending', NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, 100, 1)
                RETURNING Id
                """;
            var pAssignment = insert.Parameters.Add("$assignment", SqliteType.Integer);
            var pAgent = insert.Parameters.Add("$agent", SqliteType.Integer);
            var pMessage = insert.Parameters.Add("$message", SqliteType.Integer);
            var pUnit = insert.Parameters.Add("$unit", SqliteType.Integer);
            var pUrl = insert.Parameters.Add("$url", SqliteType.Text);
            var pClaim = insert.Parameters.Add("$claim", SqliteType.Text);
            var pHandle = insert.Parameters.Add("$handle", SqliteType.Text);
            var pPosted = insert.Parameters.Add("$posted", SqliteType.Text);
            var pSubmitted = insert.Parameters.Add("$submitted", SqliteType.Text);
            var pKey = insert.Parameters.Add("$key", SqliteType.Text);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var n = Interlocked.Increment(ref next);
                var agent = background[(int)(n % background.Length)];
                var status = (FloorStatusBase + n).ToString(CultureInfo.InvariantCulture);
                var now = DateTime.UtcNow;
                try
                {
                    using var tx = connection.BeginTransaction();
                    insert.Transaction = tx;
                    // Any existing assignment and message: the floor is about the table, not the references.
                    pAssignment.Value = 1;
                    pAgent.Value = agent.AgentId;
                    pMessage.Value = 1;
                    pUnit.Value = agent.UnitId is { } u ? u : DBNull.Value;
                    pUrl.Value = $"https://x.com/{agent.Handle}/status/{status}";
                    pClaim.Value = "x:status:" + status;
                    pHandle.Value = agent.Handle;
                    pPosted.Value = now.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                    pSubmitted.Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                    pKey.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                    insert.ExecuteScalar();
                    tx.Commit();
                }
                catch (SqliteException)
                {
                    errors++;
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return (latencies, errors);
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        return new LoadResult(all, results.Sum(r => r.errors), elapsed);
    }

    /// <param name="ReportId">The report most answers pointed at.</param>
    /// <param name="Rows">Rows stored with the form's submission key.</param>
    /// <param name="Wrong">Answers that were not a redirect to that report.</param>
    private sealed record Repeated(long ReportId, long Rows, int Wrong, string Answers);

    private static async Task<Repeated> RepeatSameFormAsync(PostLoad load, AgentForm form, CancellationToken ct)
    {
        var key = Guid.NewGuid();
        var status = load.NextStatus();
        var together = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => load.PostAsync(form, key, status, ct)));
        var after = new[] { await load.PostAsync(form, key, status, ct), await load.PostAsync(form, key, status, ct) };
        var answers = together.Concat(after).ToList();
        var id = answers.Select(a => a.ReportId).OfType<long>().GroupBy(x => x).OrderByDescending(g => g.Count()).Select(g => (long?)g.Key).FirstOrDefault()
            ?? throw new InvalidOperationException($"The same form posted 7 times never answered with a report: {string.Join(", ", answers.Select(a => a.Describe()))}.");
        return new Repeated(id, await load.CountKeyAsync(key, ct), answers.Count(a => a.ReportId != id), string.Join(" | ", answers.Select(a => a.Describe())));
    }

    /// <summary>The open message's reports (ids), rows beyond one per claim key or per (agent, submission key), and the rows not accounted for.</summary>
    private static async Task<(HashSet<long> Ids, long Duplicates)> CheckStoredAsync(SyntheticDatabase database, int messageId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var ids = new HashSet<long>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT Id FROM ShareReports WHERE MessageId = $message";
            select.Parameters.AddWithValue("$message", messageId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        }
        await using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT (SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) c FROM ShareReports WHERE MessageId = $message AND ClaimKey IS NOT NULL GROUP BY ClaimKey HAVING c > 1))
                 + (SELECT COALESCE(SUM(c - 1), 0) FROM (SELECT COUNT(*) c FROM ShareReports WHERE MessageId = $message GROUP BY AgentId, SubmissionKey HAVING c > 1))
            """;
        count.Parameters.AddWithValue("$message", messageId);
        var duplicates = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        // The seed writes submission keys as upper-case text; say so if the app writes them otherwise.
        await using (var sample = connection.CreateCommand())
        {
            sample.CommandText = "SELECT SubmissionKey FROM ShareReports WHERE MessageId = $message LIMIT 1";
            sample.Parameters.AddWithValue("$message", messageId);
            if (await sample.ExecuteScalarAsync(ct) is string written && written.Any(char.IsLower))
                BenchOutput.Note($"the app wrote a submission key as '{written}', not in the seed's upper-case form");
        }
        return (ids, duplicates);
    }

    private sealed record PostAnswer(HttpStatusCode Status, string? Location, string? Body)
    {
        public long? ReportId => Status == HttpStatusCode.Redirect && Location is { } l && l.StartsWith("/laporan-saya/", StringComparison.Ordinal)
            && long.TryParse(l.AsSpan("/laporan-saya/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

        public string Describe() => $"{(int)Status} {Location}{(Body is null ? "" : " " + Body)}";
    }

    private sealed record PostRun(LoadResult Result, long Successes, List<long> ReportIds, string? FirstError);

    /// <summary>Closed-loop form posts: each worker posts as the next agent of its share, a new submission key and post link each time.</summary>
    private sealed class PostLoad(HttpClient client, IReadOnlyList<AgentForm> forms, string postedAt, SyntheticDatabase database, int messageId)
    {
        private long _status = PostStatusBase;

        public long NextStatus() => Interlocked.Increment(ref _status);

        /// <summary>Reports of the open message with this submission key, however the key is written.</summary>
        public async Task<long> CountKeyAsync(Guid key, CancellationToken ct)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM ShareReports WHERE MessageId = $message AND upper(SubmissionKey) = $key";
            command.Parameters.AddWithValue("$message", messageId);
            command.Parameters.AddWithValue("$key", key.ToString().ToUpperInvariant());
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        public async Task<PostAnswer> PostAsync(AgentForm form, Guid key, long status, CancellationToken ct)
        {
            using var content = new MultipartFormDataContent();
            void Field(string name, string value)
            {
                var part = new StringContent(value);
                part.Headers.ContentType = null;
                content.Add(part, name);
            }
            Field("__af", form.Token);
            Field("SubmissionKey", key.ToString());
            Field("Platform", "X");
            Field("PostUrl", $"https://x.com/{form.Handle}/status/{status.ToString(CultureInfo.InvariantCulture)}");
            Field("PostedAt", postedAt);
            Field("Views", (status % 5000 + 100).ToString(CultureInfo.InvariantCulture));
            Field("Reach", "");
            Field("Likes", (status % 300).ToString(CultureInfo.InvariantCulture));
            Field("Comments", "");
            Field("Reposts", "");
            Field("Saves", "");
            // An empty file input, as a browser sends it when no screenshot is chosen.
            var file = new ByteArrayContent([]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"screenshot\"", FileName = "\"\"" };
            content.Add(file);

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/tugas/{form.AssignmentId.ToString(CultureInfo.InvariantCulture)}/lapor", UriKind.Relative)) { Content = content };
            request.Headers.Add("Cookie", form.Cookie);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = response.StatusCode == HttpStatusCode.Redirect ? null : Snippet(await response.Content.ReadAsStringAsync(ct));
            return new PostAnswer(response.StatusCode, response.Headers.Location?.OriginalString, body);
        }

        private static string Snippet(string html)
        {
            var error = Regex.Match(html, "class=\"text-danger[^\"]*\"[^>]*>([^<]+)<", RegexOptions.None, TimeSpan.FromSeconds(1));
            return error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value).Trim() : html.Length > 200 ? html[..200] : html;
        }

        public async Task<PostRun> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            string? firstError = null;
            var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var latencies = new List<double>(capacity: 4096);
                var ids = new List<long>(capacity: 4096);
                long errors = 0;
                for (var k = 0L; clock.Elapsed < duration && !ct.IsCancellationRequested; k++)
                {
                    var form = forms[(int)((w + k * concurrency) % forms.Count)];
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var answer = await PostAsync(form, Guid.NewGuid(), NextStatus(), ct);
                        if (answer.ReportId is { } id) ids.Add(id);
                        else
                        {
                            errors++;
                            Interlocked.CompareExchange(ref firstError, answer.Describe(), null);
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        errors++;
                        Interlocked.CompareExchange(ref firstError, e.Message, null);
                    }
                    catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                    {
                        errors++; // the client's own timeout
                        Interlocked.CompareExchange(ref firstError, "timeout", null);
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                return (latencies, ids, errors);
            }, ct)).ToList();
            var results = await Task.WhenAll(workers);
            var elapsed = clock.Elapsed;
            var all = results.SelectMany(r => r.latencies).ToArray();
            Array.Sort(all);
            var reportIds = results.SelectMany(r => r.ids).ToList();
            return new PostRun(new LoadResult(all, results.Sum(r => r.errors), elapsed), reportIds.Count, reportIds, firstError);
        }
    }
}
