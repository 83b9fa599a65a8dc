using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// Calculating one reward period (a quarter) for every agent over millions of share reports with their
/// snapshots, tracked-link clicks and public responses, through the app's own
/// <see cref="RewardCalculationService"/> in a fresh DI scope, as the "Hitung" button does. Beside it, in the
/// same run on the same database, the floor: the bare aggregate SQL over the same rows, read to the end.
/// The period is then calculated a second time: the result hash must not change.
/// </summary>
public sealed class RewardsScenario : IScenario
{
    public string Description => "One reward period computed for every agent over millions of share reports (snapshots, clicks, responses), beside the bare aggregate SQL over the same rows (the floor).";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("agents", "80000", "agents to generate (mixed PNS/PPPK, some not eligible)"),
        new("reports", "3200000", "share reports to generate (about 40 per agent, skewed; a few posted outside the period)"),
        new("trace", "0", "1: every SQL command the app runs for 20 ms or more, with its whole time, on stderr (where the calculation's time goes)"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var agents = args.GetInt32("agents", min: 1);
        var reports = args.GetInt32("reports", min: 0);
        var trace = args.GetInt32("trace", min: 0) > 0;

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {agents:N0} agents, {SyntheticRewards.Messages} messages, about {reports:N0} share reports with snapshots, tracked links, clicks and responses, and an Open period");
        var seed = await database.AddRewardPeriodAsync(agents, reports, ct);
        BenchOutput.Note($"seeded {seed.Reports:N0} reports ({seed.ReportsInPeriod:N0} posted in the period), {seed.Snapshots:N0} snapshots, {seed.TrackedLinks:N0} tracked links, {seed.Clicks:N0} clicks, {seed.Responses:N0} responses, {seed.Assignments:N0} assignments");
        output.Print($"{name}.seed", "seconds", seed.Elapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", seed.RowsPerSecond);

        // Nothing of the seeding may weigh on what follows: pooled connections hold 256 MB page caches.
        SqliteConnection.ClearAllPools();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        // The app's services over the database (no web server needed: the calculation is a service call).
        await using var app = new BenchApp(database, trace ? TraceSql : null);
        var services = app.Services;
        BenchOutput.Note($"load average before measuring: {LoadAverage()}");

        var floor = await FloorAsync(database, seed, ct);
        output.Print($"{name}.floor", "seconds", floor.Elapsed.TotalSeconds);

        var first = await CalculateAsync(services, seed.PeriodId, ct);
        output.Print(name, "seconds", first.Elapsed.TotalSeconds);
        output.Print(name, "ratio", first.Elapsed.TotalSeconds / floor.Elapsed.TotalSeconds);
        output.Print(name, "peak_mb", first.PeakMegabytes);
        BenchOutput.Note($"process CPU for the calculation (app and harness): {first.Cpu.TotalSeconds:0.0} s; load average after: {LoadAverage()}");

        var run = first.Run;
        BenchFacts.Print(name, "agents", run.Agents);
        BenchFacts.Print(name, "reports", seed.Reports);
        BenchFacts.Print(name, "reports_in_period", floor.Reports);
        BenchFacts.Print(name, "eligible", run.Eligible);
        BenchFacts.Print(name, "recognised", run.Recognised);
        BenchFacts.Print(name, "incentives", run.IncentiveTotal, "Rp");
        BenchFacts.Print(name, "recommendations", run.Recommendations);
        BenchFacts.Print(name, "counted_shares", run.CountedShares);

        // The run must be whole: one result per agent, totals that agree with the results.
        await CheckRunAsync(services, run, agents, floor, ct);

        var second = await CalculateAsync(services, seed.PeriodId, ct);
        output.Print($"{name}.repeat", "seconds", second.Elapsed.TotalSeconds);
        var same = string.Equals(first.Run.ResultHash, second.Run.ResultHash, StringComparison.Ordinal) && first.Run.ResultHash.Length > 0;
        BenchFacts.Print(name, "deterministic", same ? 1 : 0, "flag");
        if (!same) BenchOutput.Note($"result hashes differ: {first.Run.ResultHash} then {second.Run.ResultHash}");

        // Where the time goes: the reading and the engine alone (no transaction, no writes).
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var period = await db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Id == seed.PeriodId, ct);
            var window = new PeriodWindow(period.StartDate, period.EndDate, scope.ServiceProvider.GetRequiredService<Display>().Zone);
            var cpu = CpuTime.Start();
            var clock = Stopwatch.StartNew();
            var results = await scope.ServiceProvider.GetRequiredService<RewardCalculationService>().ComputeAsync(SyntheticRewards.Rules, window, period, ct);
            BenchOutput.Note($"reading and computing alone (no writes): {clock.Elapsed.TotalSeconds:0.00} s, CPU {cpu.Elapsed.TotalSeconds:0.00} s, {results.Count:N0} results; the rest of a calculation is the transaction and the writes");
        }
        if (trace && CommandTimer.Slowest is { } slowest) await RunAloneAsync(database, slowest.Sql, slowest.Parameters, ct);
    }

    /// <summary>The calculation's slowest query on its own connection, read to the end without materialising anything: the SQL's share of its time.</summary>
    private static async Task RunAloneAsync(SyntheticDatabase database, string sql, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The app's own SQL, as EF sent it.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (n, v) in parameters) command.Parameters.AddWithValue(n, v ?? DBNull.Value);
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var plan = new StringBuilder();
            while (await reader.ReadAsync(ct)) plan.Append("\n    ").Append(reader.GetString(3));
            BenchOutput.Note("the calculation's slowest query's plan:" + plan);
        }
        command.CommandText = sql;
        var cpu = CpuTime.Start();
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        BenchOutput.Note($"the calculation's slowest query alone (plain reader, read to the end): {clock.Elapsed.TotalSeconds:0.00} s, CPU {cpu.Elapsed.TotalSeconds:0.00} s, {rows:N0} rows");
    }

    /// <summary>Every command EF runs, with its whole time (a reader's until it is disposed, i.e. read to the end), on stderr.</summary>
    internal static void TraceSql(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(new CommandTimer()));
        services.AddLogging(b => b.AddFilter(typeof(RewardCalculationService).FullName, LogLevel.Information));
    }

    private sealed class CommandTimer : DbCommandInterceptor
    {
        private static readonly Lock Gate = new();

        /// <summary>The slowest reader seen: its SQL and parameter values, to be run again alone.</summary>
        public static (string Sql, (string Name, object? Value)[] Parameters, TimeSpan Duration)? Slowest { get; private set; }

        private static void Note(string kind, DbCommand command, TimeSpan duration)
        {
            if (kind == "read ")
                lock (Gate)
                    if (Slowest is null || duration > Slowest.Value.Duration)
                        Slowest = (command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))], duration);
            if (Environment.GetEnvironmentVariable("BENCH_SQL_DUMP") is { } dump)
                lock (Gate) File.AppendAllText(dump, $"-- {kind} {duration.TotalMilliseconds:0.0} ms\n{string.Join("\n", command.Parameters.Cast<DbParameter>().Select(p => $"-- {p.ParameterName} = {p.Value}"))}\n{command.CommandText};\n\n");
            if (duration < TimeSpan.FromMilliseconds(20)) return;
            var sql = string.Join(' ', command.CommandText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            BenchOutput.Note($"  sql {kind} {duration.TotalSeconds,7:0.000} s  {(sql.Length > 150 ? sql[..150] + "…" : sql)}");
        }

        /// <summary>When each reader's command started: EF's own duration on disposing stops at the first row of a streamed reader.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbCommand, object> Started = [];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Started.AddOrUpdate(command, Stopwatch.GetTimestamp());
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Started.AddOrUpdate(command, Stopwatch.GetTimestamp());
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Note("read ", command, Started.TryGetValue(command, out var start) ? Stopwatch.GetElapsedTime((long)start) : eventData.Duration);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Note("write", command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Note("write", command, eventData.Duration);
            return result;
        }
    }

    internal sealed record Calculation(RewardRun Run, TimeSpan Elapsed, double PeakMegabytes, TimeSpan Cpu);

    /// <summary>One press of "Hitung": a fresh scope, the period's current version, no user; timed end to end.</summary>
    internal static async Task<Calculation> CalculateAsync(IServiceProvider services, int periodId, CancellationToken ct)
    {
        int version;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            version = await db.RewardPeriods.AsNoTracking().Where(p => p.Id == periodId).Select(p => p.Version).SingleAsync(ct);
        }

        BenchOutput.Note($"calculating period {periodId} (version {version})");
        using var peak = new PeakMemory();
        if (!peak.KernelPeakReset) BenchOutput.Note("could not reset the kernel's peak RSS: peak_mb includes the seeding");
        var cpu = CpuTime.Start();
        var clock = Stopwatch.StartNew();
        CalculationOutcome outcome;
        await using (var scope = services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RewardCalculationService>();
            outcome = await service.CalculateAsync(periodId, version, userId: null, ct: ct);
        }
        var elapsed = clock.Elapsed;
        var peakMb = peak.PeakMegabytes;
        if (outcome.Run is not { } run)
            throw new InvalidOperationException($"The calculation was refused: {outcome.Refusal} {string.Join(", ", outcome.RefusalArgs ?? [])}");
        BenchOutput.Note($"run {run.Number}: {run.Agents:N0} agents, {run.Eligible:N0} eligible, {run.CountedShares:N0} counted shares in {elapsed.TotalSeconds:0.00} s, hash {run.ResultHash}");
        return new Calculation(run, elapsed, peakMb, cpu.Elapsed);
    }

    private sealed record Floor(TimeSpan Elapsed, int Agents, long Reports, long Snapshots, long Visitors, long Responses, long Assignments);

    /// <summary>
    /// The bare aggregate SQL over the rows the calculation reads (with the same filters), on a connection
    /// set up as the app sets its own, read to the end: per agent, the reports posted or submitted in the
    /// period with their message's mission and publication, each report's snapshot maxima weighted by
    /// source (the evidence factors of the scheme), the unique non-bot visitors of its tracked link in the
    /// period and its public responses; then each agent's assignments of messages active in the period,
    /// and the agents with their employees and conduct records. No ranking, no points, no writing.
    /// </summary>
    private static async Task<Floor> FloorAsync(SyntheticDatabase database, SeededRewards seed, CancellationToken ct)
    {
        var rules = SyntheticRewards.Rules;
        var weight = new StringBuilder("CASE Source");
        foreach (var source in Enum.GetValues<MetricSource>())
            weight.Append(CultureInfo.InvariantCulture, $" WHEN '{source}' THEN {rules.EvidencePercent(source)}");
        weight.Append(" ELSE 0 END");
        var w = weight.ToString();

        var reportsSql = $"""
            WITH snap AS (
                SELECT ReportId, MAX(Views * {w}) AS Views, MAX(Reach * {w}) AS Reach, MAX(Likes * {w}) AS Likes,
                       MAX(Comments * {w}) AS Comments, MAX(Reposts * {w}) AS Reposts, MAX(Saves * {w}) AS Saves
                FROM ReportSnapshots WHERE TakenUtc >= $start GROUP BY ReportId),
            visits AS (
                SELECT t.AssignmentId, t.Platform, COUNT(DISTINCT c.VisitorHash) AS Visitors
                FROM LinkClicks c JOIN TrackedLinks t ON t.Id = c.TrackedLinkId
                WHERE c.IsBot = 0 AND c.OccurredUtc >= $start AND c.OccurredUtc < $end
                GROUP BY t.AssignmentId, t.Platform),
            answers AS (SELECT ReportId, COUNT(*) AS Responses FROM PublicResponses WHERE RecordedUtc >= $start GROUP BY ReportId)
            SELECT r.AgentId, COUNT(*), SUM(r.State = 'Verified'), SUM(r.CorrectionCount), SUM(r.MessageId), SUM(r.AssignmentId), MAX(r.PostedUtc),
                   MIN(m.PublishedUtc), SUM(m.Mission = 'Kolaborasi'), SUM(r.Platform = 'WhatsApp'),
                   SUM(s.ReportId IS NOT NULL), SUM(s.Views), SUM(s.Reach), SUM(s.Likes), SUM(s.Comments), SUM(s.Reposts), SUM(s.Saves),
                   SUM(v.Visitors), SUM(a.Responses)
            FROM ShareReports r
            JOIN PolicyMessages m ON m.Id = r.MessageId
            LEFT JOIN snap s ON s.ReportId = r.Id
            LEFT JOIN visits v ON v.AssignmentId = r.AssignmentId AND v.Platform = r.Platform
            LEFT JOIN answers a ON a.ReportId = r.Id
            WHERE (r.PostedUtc >= $start AND r.PostedUtc < $end) OR (r.SubmittedUtc >= $start AND r.SubmittedUtc < $end)
            GROUP BY r.AgentId
            """;
        const string AssignmentsSql = """
            SELECT a.AgentId, COUNT(*) FROM Assignments a JOIN PolicyMessages m ON m.Id = a.MessageId
            WHERE m.ActiveFromUtc < $end AND m.ActiveUntilUtc >= $start AND m.Status IN ('Published', 'Closed')
            GROUP BY a.AgentId
            """;
        const string AgentsSql = """
            SELECT g.Id, g.Status, g.ConsentWithdrawnUtc, e.EmploymentType, e.LegalStatus, e.HasDisciplinarySanction, e.ContractEnd, e.UnitId,
                   (SELECT COUNT(*) FROM ConductRecords c WHERE c.AgentId = g.Id AND c.RevokedUtc IS NULL AND c.StartDate <= $last AND (c.EndDate IS NULL OR c.EndDate >= $first))
            FROM Agents g JOIN Employees e ON e.Id = g.EmployeeId
            """;

        BenchOutput.Note("floor: the aggregate SQL over the same rows");
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqlitePragmas.Sql;
            await pragmas.ExecuteNonQueryAsync(ct);
        }

        await using (var explain = Command(connection, "EXPLAIN QUERY PLAN " + reportsSql, seed))
        await using (var reader = await explain.ExecuteReaderAsync(ct))
        {
            var plan = new StringBuilder();
            while (await reader.ReadAsync(ct)) plan.Append("\n    ").Append(reader.GetString(3));
            BenchOutput.Note("floor query plan:" + plan);
        }
        var cpu = CpuTime.Start();
        var clock = Stopwatch.StartNew();

        int agents = 0;
        long reports = 0, snapshots = 0, visitors = 0, responses = 0, assignments = 0;
        var parts = new List<string>();
        var part = Stopwatch.StartNew();
        await using (var command = Command(connection, reportsSql, seed))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                for (var i = 2; i < 17; i++) _ = reader.GetValue(i);
                reports += reader.GetInt64(1);
                snapshots += reader.GetInt64(10);
                visitors += reader.IsDBNull(17) ? 0 : reader.GetInt64(17);
                responses += reader.IsDBNull(18) ? 0 : reader.GetInt64(18);
            }
        }
        parts.Add($"reports {part.Elapsed.TotalSeconds:0.00} s");
        part.Restart();
        await using (var command = Command(connection, AssignmentsSql, seed))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) assignments += reader.GetInt64(1);
        }
        parts.Add($"assignments {part.Elapsed.TotalSeconds:0.00} s");
        part.Restart();
        await using (var command = Command(connection, AgentsSql, seed))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                agents++;
                for (var i = 1; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        parts.Add($"agents {part.Elapsed.TotalSeconds:0.00} s");
        var elapsed = clock.Elapsed;
        BenchOutput.Note($"floor: {elapsed.TotalSeconds:0.00} s, CPU {cpu.Elapsed.TotalSeconds:0.00} s ({string.Join(", ", parts)}): {agents:N0} agents, {reports:N0} reports in the period, {snapshots:N0} with snapshots, {visitors:N0} unique visitors, {responses:N0} responses, {assignments:N0} assignments");
        return new Floor(elapsed, agents, reports, snapshots, visitors, responses, assignments);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, SeededRewards seed)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL; the evidence factors come from the scheme's rules, numbers only.
        command.CommandText = sql;
#pragma warning restore CA2100
        // The formats EF Core's SQLite provider writes: DateTime to the tick, DateOnly as yyyy-MM-dd.
        command.Parameters.AddWithValue("$start", seed.StartUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$end", seed.EndUtc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$first", SyntheticRewards.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$last", SyntheticRewards.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return command;
    }

    /// <summary>One result row per agent, and the run's totals equal to what its results add up to; otherwise the scenario fails.</summary>
    private static async Task CheckRunAsync(IServiceProvider services, RewardRun run, int seededAgents, Floor floor, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var results = db.RewardResults.AsNoTracking().Where(r => r.RunId == run.Id);
        var count = await results.CountAsync(ct);
        var eligible = await results.CountAsync(r => r.Ineligible == IneligibleReasons.None, ct);
        var counted = await results.SumAsync(r => r.CountedShares, ct);
        var incentives = await results.SumAsync(r => r.IncentiveAmount, ct);
        if (count != run.Agents || eligible != run.Eligible || counted != run.CountedShares || incentives != run.IncentiveTotal)
            throw new InvalidOperationException($"Run {run.Id} says {run.Agents} agents, {run.Eligible} eligible, {run.CountedShares} counted shares, Rp {run.IncentiveTotal}; its results hold {count}, {eligible}, {counted}, Rp {incentives}.");
        if (run.Agents != seededAgents)
            throw new InvalidOperationException($"The run has {run.Agents} agents; {seededAgents} were generated, all enrolled before the period. Not benchmarking the wrong calculation.");
        if (run.CountedShares > floor.Reports)
            throw new InvalidOperationException($"The run counted {run.CountedShares} shares; only {floor.Reports} reports were posted in the period.");
        var budget = SyntheticRewards.Rules.Incentive.Budget;
        if (run.IncentiveTotal > budget)
            throw new InvalidOperationException($"The run pays Rp {run.IncentiveTotal}, more than the budget of Rp {budget}.");
    }

    internal static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
