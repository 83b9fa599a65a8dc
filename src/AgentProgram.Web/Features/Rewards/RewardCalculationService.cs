using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Imports;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Features.Rewards;

/// <summary>The outcome of pressing "Hitung": the run made, or why nothing was done (Indonesian localizer key + args).</summary>
public sealed record CalculationOutcome(RewardRun? Run, string? Refusal = null, object[]? RefusalArgs = null)
{
    public bool Done => Run is not null;
}

/// <summary>
/// Computes a reward period. One transaction: it first claims the period (a conditional UPDATE on its
/// version, so of two presses at once the second finds the version moved and is told so, and there is
/// one result set), then reads in the database what can be summed there — per-report evidence-weighted
/// snapshot maxima, unique visitors per tracked link, responses, assignments — streams the shares in agent
/// order through the pure <see cref="RewardEngine"/> (caps depend on posting order, which a GROUP BY cannot
/// express portably), and writes one run and one result row per agent. A crash anywhere leaves nothing.
/// </summary>
public sealed partial class RewardCalculationService(AppDbContext db, Display display, TimeProvider clock, AuditLog audit, IServiceScopeFactory scopes,
    ILogger<RewardCalculationService> logger)
{
    public const string RefusalChanged = "Periode ini baru saja dihitung atau diubah oleh pengguna lain. Hasil terbaru ditampilkan; muat ulang bila perlu.";
    public const string RefusalState = "Periode berstatus {0} tidak dapat dihitung ulang.";
    public const string RefusalNoScheme = "Skema penghargaan periode ini belum memiliki versi yang disetujui Pimpinan.";
    public const string RefusalMissing = "Periode tidak ditemukan.";

    public static readonly IReadOnlyList<string> Keys = [I18n.Key(RefusalChanged), I18n.Key(RefusalState), I18n.Key(RefusalNoScheme), I18n.Key(RefusalMissing)];

    /// <summary>
    /// Calculates (or recalculates) a period whose state is Open or Calculated and whose Version equals
    /// <paramref name="expectedVersion"/>. The first calculation takes the scheme's newest approved
    /// version and the period keeps it: a later approval of a new version does not change a period's
    /// rules unless Humas asks for it (<paramref name="useNewestVersion"/>). Approval freezes it.
    /// </summary>
    public async Task<CalculationOutcome> CalculateAsync(int periodId, int expectedVersion, string? userId, bool useNewestVersion = false, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var outcome = await CalculateInTransactionAsync(periodId, expectedVersion, userId, useNewestVersion, token);
            if (outcome.Done) await tx.CommitAsync(token);
            else await tx.RollbackAsync(token);
            return outcome;
        }, ct);
    }

    private async Task<CalculationOutcome> CalculateInTransactionAsync(int periodId, int expectedVersion, string? userId, bool useNewestVersion, CancellationToken ct)
    {
        var period = await db.RewardPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return new(null, RefusalMissing);
        if (period.State is not (PeriodState.Open or PeriodState.Calculated))
            return new(null, RefusalState, [PeriodWorkflow.Label(period.State)]);
        if (period.Version != expectedVersion) return new(null, RefusalChanged);

        var approvedVersions = db.RewardSchemeVersions.AsNoTracking()
            .Where(v => v.SchemeId == period.SchemeId && v.State == SchemeVersionState.Approved);
        var scheme = period.SchemeVersionId is { } kept && !useNewestVersion
            ? await approvedVersions.SingleOrDefaultAsync(v => v.Id == kept, ct)
            : await approvedVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (scheme is null) return new(null, RefusalNoScheme);

        // Claim the period first: the write lock (SQLite) or row lock (SQL Server) is held to the end,
        // and a concurrent press whose version no longer matches changes nothing.
        var claimed = await db.RewardPeriods
            .Where(p => p.Id == periodId && p.Version == expectedVersion && (p.State == PeriodState.Open || p.State == PeriodState.Calculated))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (claimed == 0) return new(null, RefusalChanged);

        var rules = scheme.Rules;
        var window = new PeriodWindow(period.StartDate, period.EndDate, display.Zone);
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var results = await ComputeAsync(rules, window, period, ct);
        var computed = timer.ElapsedMilliseconds;

        var number = (await db.RewardRuns.Where(r => r.PeriodId == periodId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var replaced = await db.RewardRuns.Where(r => r.PeriodId == periodId && r.ApprovedUtc == null).Select(r => r.Id).ToListAsync(ct);
        if (replaced.Count > 0)
        {
            await db.RewardResults.Where(r => replaced.Contains(r.RunId)).ExecuteDeleteAsync(ct);
            await db.RewardRuns.Where(r => replaced.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }

        var run = new RewardRun
        {
            PeriodId = periodId,
            Number = number,
            SchemeVersionId = scheme.Id,
            ComputedUtc = clock.GetUtcNow().UtcDateTime,
            ComputedByUserId = userId,
            Agents = results.Count,
            Eligible = results.Count(r => r.IsEligible),
            Recognised = results.Count(r => r.Outcomes.HasFlag(RewardOutcomes.Recognition)),
            IncentiveTotal = results.Sum(r => r.IncentiveAmount),
            Recommendations = results.Count(r => (r.Outcomes & (RewardOutcomes.PromotionRecommendation | RewardOutcomes.StudyRecommendation | RewardOutcomes.DevelopmentRecommendation)) != 0),
            CountedShares = results.Sum(r => r.CountedShares),
            ResultHash = RewardEngine.HashOf(results),
        };
        db.RewardRuns.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var r in results) r.RunId = run.Id;
        await new BulkInserter<RewardResult>(db).InsertAsync(db, results, ct);
        FaultPoints.Hit(FaultPoints.RewardResultsWritten);

        await db.RewardPeriods.Where(p => p.Id == periodId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.State, PeriodState.Calculated)
            .SetProperty(p => p.CurrentRunId, run.Id)
            .SetProperty(p => p.SchemeVersionId, scheme.Id), ct);
        await audit.WriteAsync("RewardPeriod.Calculated", userId: userId,
            detail: $"run {run.Number}, scheme version {scheme.Number}, agents {run.Agents}, eligible {run.Eligible}, recognised {run.Recognised}, incentives {run.IncentiveTotal}, recommendations {run.Recommendations}, hash {run.ResultHash}",
            entityType: nameof(RewardPeriod), entityKey: periodId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
        LogCalculated(logger, periodId, run.Number, computed, timer.ElapsedMilliseconds - computed);
        return new(run);
    }

    /// <summary>Reads the period's inputs and runs the engine (no writes). Public for tests and the benchmark.</summary>
    public async Task<IReadOnlyList<RewardResult>> ComputeAsync(RewardRules rules, PeriodWindow window, RewardPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(period);
        var start = window.StartUtc;
        var end = window.EndUtc;

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var agents = await AgentFactsAsync(rules, window, period, ct);
        var agentsRead = timer.ElapsedMilliseconds;
        // The visitors are counted on a second connection while the database prepares the shares' snapshot
        // sums for the first row (the two longest reads, side by side on two cores).
        var visitorsTask = Task.Run(() => VisitorsAsync(start, end, ct), ct);
        // Responses count once Humas has answered or referred them (the agent records them unchecked).
        var evidenceUntil = window.EvidenceUntilUtc;
        var responses = await db.PublicResponses.AsNoTracking()
            .Where(p => p.RecordedUtc >= start && p.RecordedUtc < evidenceUntil && p.Status != ResponseStatus.Open)
            .GroupBy(p => p.ReportId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var messages = await db.PolicyMessages.AsNoTracking()
            .Select(m => new { m.Id, m.Mission, Published = m.PublishedUtc ?? m.ActiveFromUtc })
            .ToDictionaryAsync(m => m.Id, m => (m.Mission, m.Published), ct);

        // Two cores, two stages: this thread steps SQLite through the shares (in agent order) and turns rows
        // into facts; the engine works through the finished agents on the other core as they come.
        using var queue = new System.Collections.Concurrent.BlockingCollection<(AgentFacts Agent, List<ShareFacts> Shares)>(boundedCapacity: 4096);
        using var engineFailed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var engineTask = Task.Run(async () =>
        {
            try
            {
                var engine = new RewardEngine(rules, window, await visitorsTask);
                foreach (var (agent, shares) in queue.GetConsumingEnumerable(ct)) engine.AddAgent(agent, shares);
                return engine;
            }
            catch
            {
                await engineFailed.CancelAsync(); // the reader must not wait on a full queue nobody empties
                throw;
            }
        }, ct);

        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var command = ShareRows(db, rules, start, end, evidenceUntil).CreateDbCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var col = new ShareColumns(reader);
            List<ShareFacts>? batch = null;
            AgentFacts? owner = null;
            var current = -1;
            while (await reader.ReadAsync(ct))
            {
                var agentId = reader.GetInt32(col.AgentId);
                if (agentId != current)
                {
                    if (owner is not null) queue.Add((owner, batch!), engineFailed.Token);
                    current = agentId;
                    owner = agents.Remove(agentId, out var facts) ? facts : null;
                    batch = owner is null ? null : [];
                }
                if (owner is null) continue;
                var id = reader.GetInt64(col.Id);
                var messageId = reader.GetInt32(col.MessageId);
                var (mission, published) = messages[messageId];
                batch!.Add(new ShareFacts(id, agentId, messageId, reader.GetInt32(col.AssignmentId),
                    PlatformOf(reader.GetString(col.Platform)), col.Utc(reader, col.PostedUtc), StateOf(reader.GetString(col.State)),
                    reader.GetInt32(col.CorrectionCount), mission, published,
                    new WeightedMetrics(ShareColumns.Weighted(reader, col.V), ShareColumns.Weighted(reader, col.R), ShareColumns.Weighted(reader, col.L),
                        ShareColumns.Weighted(reader, col.C), ShareColumns.Weighted(reader, col.P), ShareColumns.Weighted(reader, col.S)),
                    responses.TryGetValue(id, out var n) ? n : 0));
            }
            if (owner is not null) queue.Add((owner, batch!), engineFailed.Token);
        }
        catch (OperationCanceledException) when (engineTask.IsFaulted || (engineFailed.IsCancellationRequested && !ct.IsCancellationRequested))
        {
            // The engine failed: its exception is the one to report (awaited below).
        }
        finally
        {
            queue.CompleteAdding();
            await db.Database.CloseConnectionAsync();
        }
        var sharesRead = timer.ElapsedMilliseconds;
        var done = await engineTask;
        foreach (var a in agents.Values) done.AddAgent(a, []);
        var engineDone = timer.ElapsedMilliseconds;
        var results = done.Finish();
        LogPhases(logger, agentsRead, sharesRead, engineDone, timer.ElapsedMilliseconds, results.Count);
        return results;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reward period {PeriodId} run {Run}: computed in {ComputeMs} ms, written in {WriteMs} ms")]
    private static partial void LogCalculated(ILogger logger, int periodId, int run, long computeMs, long writeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reward computation: agents read at {AgentsMs} ms, shares read at {SharesMs} ms, engine through them at {EngineMs} ms, results at {FinishMs} ms ({Results} agents)")]
    private static partial void LogPhases(ILogger logger, long agentsMs, long sharesMs, long engineMs, long finishMs, int results);

    private static readonly Dictionary<string, Platform> Platforms = Enum.GetValues<Platform>().ToDictionary(p => p.ToString(), StringComparer.Ordinal);
    private static readonly Dictionary<string, ReportState> States = Enum.GetValues<ReportState>().ToDictionary(p => p.ToString(), StringComparer.Ordinal);

    private static Platform PlatformOf(string stored) => Platforms.TryGetValue(stored, out var p) ? p : Enum.Parse<Platform>(stored);

    private static ReportState StateOf(string stored) => States.TryGetValue(stored, out var p) ? p : Enum.Parse<ReportState>(stored);

    /// <summary>
    /// The share rows' columns found by name once (EF names them after the projection), read without EF's
    /// materialiser: the calculation reads a row per share, millions of them.
    /// </summary>
    private sealed class ShareColumns
    {
        public readonly int Id, AgentId, MessageId, AssignmentId, Platform, PostedUtc, State, CorrectionCount, V, R, L, C, P, S;
        private readonly bool _textDates;

        public ShareColumns(System.Data.Common.DbDataReader reader)
        {
            Id = reader.GetOrdinal(nameof(ShareRow.Id));
            AgentId = reader.GetOrdinal(nameof(ShareRow.AgentId));
            MessageId = reader.GetOrdinal(nameof(ShareRow.MessageId));
            AssignmentId = reader.GetOrdinal(nameof(ShareRow.AssignmentId));
            Platform = reader.GetOrdinal(nameof(ShareRow.Platform));
            PostedUtc = reader.GetOrdinal(nameof(ShareRow.PostedUtc));
            State = reader.GetOrdinal(nameof(ShareRow.State));
            CorrectionCount = reader.GetOrdinal(nameof(ShareRow.CorrectionCount));
            V = reader.GetOrdinal(nameof(ShareRow.V));
            R = reader.GetOrdinal(nameof(ShareRow.R));
            L = reader.GetOrdinal(nameof(ShareRow.L));
            C = reader.GetOrdinal(nameof(ShareRow.C));
            P = reader.GetOrdinal(nameof(ShareRow.P));
            S = reader.GetOrdinal(nameof(ShareRow.S));
            _textDates = reader.GetFieldType(PostedUtc) == typeof(string);
        }

        public static long Weighted(System.Data.Common.DbDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? 0 : EvidenceKey.Weighted(reader.GetInt64(ordinal));

        /// <summary>SQLite keeps EF's "yyyy-MM-dd HH:mm:ss.FFFFFFF" text; SQL Server returns datetime2.</summary>
        public DateTime Utc(System.Data.Common.DbDataReader reader, int ordinal) =>
            _textDates ? SqliteText.ParseDateTime(reader.GetString(ordinal)) : reader.GetDateTime(ordinal);
    }

    internal sealed record ShareRow(long Id, int AgentId, int MessageId, int AssignmentId, Platform Platform, DateTime PostedUtc, ReportState State,
        int CorrectionCount, long? V, long? R, long? L, long? C, long? P, long? S);

    /// <summary>
    /// Reports posted or submitted in the period and per
    /// metric the reading of the strongest source that gave one (largest value within it), as an
    /// <see cref="EvidenceKey"/> (the same as <see cref="WeightedMetrics.Of"/>), in agent order.
    /// Readings taken after <paramref name="evidenceUntil"/> are ignored, so a finished period does not move.
    /// </summary>
    internal static IQueryable<ShareRow> ShareRows(AppDbContext db, RewardRules rules, DateTime start, DateTime end, DateTime evidenceUntil)
    {
        long self = rules.EvidencePercent(MetricSource.SelfReported), shot = rules.EvidencePercent(MetricSource.Screenshot),
            csv = rules.EvidencePercent(MetricSource.CsvImport), counter = rules.EvidencePercent(MetricSource.PublicCounter),
            api = rules.EvidencePercent(MetricSource.ApiVerified);
        const long scale = EvidenceKey.Scale;
        // Snapshots are taken after posting, so those of posts inside the period are taken after its start.
        var snapshots =
            from s in db.ReportSnapshots
            where s.TakenUtc >= start && s.TakenUtc < evidenceUntil
            let pct = (s.Source == MetricSource.SelfReported ? self : s.Source == MetricSource.Screenshot ? shot
                : s.Source == MetricSource.CsvImport ? csv : s.Source == MetricSource.PublicCounter ? counter : api) * scale
            group new { s, pct } by s.ReportId into g
            select new
            {
                ReportId = g.Key,
                V = g.Max(x => x.s.Views == null ? null : x.pct + x.s.Views),
                R = g.Max(x => x.s.Reach == null ? null : x.pct + x.s.Reach),
                L = g.Max(x => x.s.Likes == null ? null : x.pct + x.s.Likes),
                C = g.Max(x => x.s.Comments == null ? null : x.pct + x.s.Comments),
                P = g.Max(x => x.s.Reposts == null ? null : x.pct + x.s.Reposts),
                S = g.Max(x => x.s.Saves == null ? null : x.pct + x.s.Saves),
            };
        return
            from r in db.ShareReports.AsNoTracking()
            where (r.PostedUtc >= start && r.PostedUtc < end) || (r.SubmittedUtc >= start && r.SubmittedUtc < end)
            join sn in snapshots on r.Id equals sn.ReportId into sj
            from sn in sj.DefaultIfEmpty()
            orderby r.AgentId
            select new ShareRow(r.Id, r.AgentId, r.MessageId, r.AssignmentId, r.Platform, r.PostedUtc, r.State, r.CorrectionCount,
                sn == null ? null : sn.V, sn == null ? null : sn.R, sn == null ? null : sn.L,
                sn == null ? null : sn.C, sn == null ? null : sn.P, sn == null ? null : sn.S);
    }

    /// <summary>Unique non-bot visitors per tracked link (assignment and platform) in the period, read on a connection of its own.</summary>
    private async Task<Dictionary<(int, Platform), int>> VisitorsAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await VisitorRows(own, start, end).ToListAsync(ct);
        var map = new Dictionary<(int, Platform), int>(rows.Count);
        foreach (var r in rows) map[(r.AssignmentId, r.Platform)] = r.Visitors;
        return map;
    }

    internal sealed record VisitorRow(int AssignmentId, Platform Platform, int Visitors);

    internal static IQueryable<VisitorRow> VisitorRows(AppDbContext db, DateTime start, DateTime end) =>
        from c in db.LinkClicks.AsNoTracking()
        where !c.IsBot && c.OccurredUtc >= start && c.OccurredUtc < end
        join l in db.TrackedLinks on c.TrackedLinkId equals l.Id
        group c.VisitorHash by new { l.AssignmentId, l.Platform } into g
        select new VisitorRow(g.Key.AssignmentId, g.Key.Platform, g.Distinct().Count());

    internal sealed record AssignmentCount(int AgentId, int Count);

    /// <summary>Assignments per agent of messages published (or closed) whose window overlaps the period.</summary>
    internal static IQueryable<AssignmentCount> AssignmentCounts(AppDbContext db, DateTime start, DateTime end) =>
        from a in db.Assignments.AsNoTracking()
        join m in db.PolicyMessages on a.MessageId equals m.Id
        where m.ActiveFromUtc < end && m.ActiveUntilUtc >= start
              && (m.Status == MessageStatus.Published || m.Status == MessageStatus.Closed)
        group a by a.AgentId into g
        select new AssignmentCount(g.Key, g.Count());

    /// <summary>Every agent enrolled by the period's end and not ended before it starts, with the gates' facts.</summary>
    private async Task<Dictionary<int, AgentFacts>> AgentFactsAsync(RewardRules rules, PeriodWindow window, RewardPeriod period, CancellationToken ct)
    {
        var start = window.StartUtc;
        var end = window.EndUtc;
        var agents = await db.Agents.AsNoTracking()
            .Where(a => a.EnrolledUtc < end && (a.Status != AgentStatus.Ended || a.StatusChangedUtc == null || a.StatusChangedUtc >= start))
            .Select(a => new
            {
                a.Id,
                a.Employee.UnitId,
                a.Employee.EmploymentType,
                a.Employee.LegalStatus,
                a.Employee.HasDisciplinarySanction,
                a.Employee.ContractEnd,
                Withdrawn = a.ConsentWithdrawnUtc != null,
            }).ToListAsync(ct);

        var pStart = period.StartDate;
        var pEnd = period.EndDate;
        var conduct = await db.ConductRecords.AsNoTracking()
            .Where(c => c.RevokedUtc == null && c.StartDate <= pEnd && (c.EndDate == null || c.EndDate >= pStart))
            .Select(c => new { c.AgentId, c.Kind }).ToListAsync(ct);
        var disciplinary = conduct.Where(c => c.Kind == ConductKind.Disciplinary).Select(c => c.AgentId).ToHashSet();
        var neutrality = conduct.Where(c => c.Kind == ConductKind.Neutrality).Select(c => c.AgentId).ToHashSet();

        var assignments = await AssignmentCounts(db, start, end).ToDictionaryAsync(x => x.AgentId, x => x.Count, ct);

        var previous = await PreviousTopPercentsAsync(rules, period, ct);

        var facts = new Dictionary<int, AgentFacts>(agents.Count);
        foreach (var a in agents)
            facts[a.Id] = new AgentFacts(a.Id, a.UnitId, a.EmploymentType, a.LegalStatus,
                a.HasDisciplinarySanction || disciplinary.Contains(a.Id), neutrality.Contains(a.Id), a.ContractEnd, a.Withdrawn,
                assignments.TryGetValue(a.Id, out var n) ? n : 0,
                previous.TryGetValue(a.Id, out var p) ? p : null);
        return facts;
    }

    /// <summary>
    /// Each agent's top percent in the approved periods just before this one, newest first, as many as
    /// the promotion rule looks back: the same scheme, each ending the day before the next starts. A gap
    /// or a period not yet approved ends the chain, so "consecutive" means consecutive.
    /// </summary>
    private async Task<Dictionary<int, IReadOnlyList<decimal?>>> PreviousTopPercentsAsync(RewardRules rules, RewardPeriod period, CancellationToken ct)
    {
        var back = Math.Max(0, rules.Promotion.ConsecutivePeriods - 1);
        var map = new Dictionary<int, IReadOnlyList<decimal?>>();
        if (back == 0 || !rules.Promotion.Enabled) return map;
        var perRun = new List<Dictionary<int, decimal?>>();
        var before = period.StartDate.AddDays(-1);
        for (var i = 0; i < back; i++)
        {
            var previous = await db.RewardPeriods.AsNoTracking()
                .Where(p => p.SchemeId == period.SchemeId && p.EndDate == before && p.CurrentRunId != null
                            && (p.State == PeriodState.Approved || p.State == PeriodState.Closed))
                .OrderBy(p => p.Id).Select(p => new { p.StartDate, RunId = p.CurrentRunId!.Value }).FirstOrDefaultAsync(ct);
            if (previous is null) break;
            perRun.Add(await db.RewardResults.AsNoTracking().Where(r => r.RunId == previous.RunId)
                .Select(r => new { r.AgentId, r.TopPercent }).ToDictionaryAsync(r => r.AgentId, r => r.TopPercent, ct));
            before = previous.StartDate.AddDays(-1);
        }
        if (perRun.Count == 0) return map;
        foreach (var agentId in perRun.SelectMany(d => d.Keys).Distinct())
            map[agentId] = [.. perRun.Select(d => d.TryGetValue(agentId, out var t) ? t : null)];
        return map;
    }
}
