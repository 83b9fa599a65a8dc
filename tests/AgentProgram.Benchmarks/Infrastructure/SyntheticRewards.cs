using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>
/// How <see cref="SyntheticRewards.AddRewardPeriodAsync(SyntheticDatabase, int, long, RewardDataOptions, CancellationToken)"/>
/// spreads its data. <see cref="Quarter"/> (the default) is the rewards scenario's data set: 36 messages around one
/// past quarter (Q3 2026) and its Open period. <see cref="Year"/> spreads the reports over the twelve local months
/// ending with the current one, up to now: messages published all year (those of the last two weeks still active,
/// with open assignments), pending reports only among the last two weeks' submissions, and one monthly reward period
/// per month: the eleven past ones Approved with a generated run (totals and one result per agent, written directly,
/// not calculated), the current one Open and not calculated.
/// </summary>
/// <param name="Months">3: the fixed past quarter; 12: the last twelve months up to now.</param>
/// <param name="MessagesPerMonth">Messages published per month (a multiple of 3); null: 12 for the quarter, and for
/// the year enough that an agent's cap (assignments × 5 platforms) is about 3.5 times the mean per sharing agent.</param>
public sealed record RewardDataOptions(int Months = 3, int? MessagesPerMonth = null)
{
    public static RewardDataOptions Quarter { get; } = new();

    public static RewardDataOptions Year { get; } = new(12);

    public bool IsYear => Months != 3;
}

/// <summary>What <see cref="SyntheticRewards.AddRewardPeriodAsync"/> generated.</summary>
/// <param name="PeriodId">The Open period (a past quarter) covering the reports.</param>
/// <param name="StartUtc">The period's first instant (local midnight of its first day) in UTC.</param>
/// <param name="EndUtc">The first instant after the period's last day, in UTC (exclusive).</param>
public sealed record SeededRewards(int PeriodId, string PeriodName, DateTime StartUtc, DateTime EndUtc, int Agents, long Reports, long ReportsInPeriod,
    long Snapshots, long TrackedLinks, long Clicks, long Responses, long Assignments, long Rows, TimeSpan Elapsed)
{
    /// <summary>Year data: the monthly periods, oldest first (the last is the current, Open one); empty for the quarter.</summary>
    public IReadOnlyList<int> MonthlyPeriodIds { get; init; } = [];

    /// <summary>Messages generated.</summary>
    public int Messages { get; init; }

    /// <summary>Reward runs and result rows generated for the past monthly periods (year data).</summary>
    public long RunResults { get; init; }

    /// <summary>Verified reports per (agent index, month) while loading year data; internal to the generator.</summary>
    internal int[,]? Tally { get; init; }

    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// A reward period at scale for the rewards scenario. Agents (account, employee, enrolment; mixed PNS,
/// CPNS, PPPK and part-time PPPK, some contracts ended inside the period, some not Aktif, a few
/// sanctions, withdrawn consents and conduct records), 36 messages of the three mission tags published
/// every 2.7 days from five days before the period to three days before its end (each assigned to two
/// agents in three), and about <c>reports</c> share reports over them: the number per agent skewed
/// (exponential; one agent in seven shares nothing), spread over the agent's assignments and up to five
/// platforms, posted from minutes to ten days after publication (so a few fall outside the period),
/// mostly Verified, some Pending, some Rejected with the correction used or not. Most reports have one
/// or two snapshots from various sources and windows; one report in three has a tracked link with
/// clicks (visitor hashes, some repeated, some bots, some after the period); one in fifty a public
/// response. An approved scheme version (the default rules with a lawful incentive whose tiers exceed
/// the budget, so the cap binds) and the Open period.
/// Rows go in message by message, as the app writes them over a quarter (so an agent's reports are spread
/// over the table, not stored together), through prepared statements, one transaction per message; the big tables' secondary indexes
/// are dropped while loading and rebuilt afterwards with the app's own definitions (sorting once is
/// several times faster than keeping 3 million random-order index entries up to date).
/// </summary>
public static class SyntheticRewards
{
    public const string HumasEmail = "humas@" + SyntheticDatabase.EmailDomain;
    public const string PeriodName = "Triwulan III 2026 (bench)";
    public const int Messages = 36;

    /// <summary>Every agent is assigned the messages m with (m + agent index) % 3 != 0.</summary>
    public const int AssignmentsPerAgent = Messages * 2 / 3;

    private static readonly string[] Platforms = [nameof(Platform.X), nameof(Platform.Instagram), nameof(Platform.Facebook), nameof(Platform.TikTok), nameof(Platform.WhatsApp)];
    private static readonly string[] LinkPrefix = ["https://x.com/{0}/status/", "https://www.instagram.com/p/{0}", "https://www.facebook.com/{0}/posts/", "https://www.tiktok.com/@{0}/video/", ""];
    private static readonly string[] Sources = ["SelfReported", "Screenshot", "PublicCounter", "CsvImport"];
    private static readonly string[] Kinds = ["Question", "Complaint", "Appreciation", "HoaxReport"];
    private static readonly string[] Sentiments = ["Positive", "Neutral", "Negative"];
    private static readonly string[] LoadedTables = ["Assignments", "ShareReports", "ReportSnapshots", "TrackedLinks", "LinkClicks", "PublicResponses", "ConductRecords"];

    public static readonly DateOnly PeriodStart = new(2026, 7, 1);
    public static readonly DateOnly PeriodEnd = new(2026, 9, 30);

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Utc7(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The rules of the approved version: the defaults, plus cash for the top 200 worth 140 million against a 50 million budget.</summary>
    public static RewardRules Rules { get; } = RewardRules.Default with
    {
        Incentive = new IncentiveRule(
            Enabled: true,
            LegalBasis: "Peraturan Wali Kota Uji Nomor 12 Tahun 2026",
            BudgetLine: "5.1.02.01.01.0026 Belanja Hadiah",
            Budget: 50_000_000,
            Tiers: [new(1, 10, 2_500_000), new(11, 50, 1_000_000), new(51, 200, 500_000)]),
    };

    public static Task<SeededRewards> AddRewardPeriodAsync(this SyntheticDatabase database, int agentCount, long reports, CancellationToken ct = default) =>
        database.AddRewardPeriodAsync(agentCount, reports, RewardDataOptions.Quarter, ct);

    public static async Task<SeededRewards> AddRewardPeriodAsync(this SyntheticDatabase database, int agentCount, long reports, RewardDataOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var zone = FindZone();
        var now = DateTime.UtcNow;
        now = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var firstDay = options.IsYear ? new DateOnly(today.Year, today.Month, 1).AddMonths(1 - options.Months) : PeriodStart;
        var lastDay = options.IsYear ? new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1) : PeriodEnd;
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(firstDay.ToDateTime(TimeOnly.MinValue), zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        // Year data stops at now (nothing is posted, taken or clicked in the future); the quarter lies in the past.
        var dataEnd = options.IsYear ? now.AddMinutes(-10) : DateTime.MaxValue;
        var messageCount = options.IsYear
            ? options.Months * (options.MessagesPerMonth ?? MessagesPerMonthFor(agentCount, reports, options.Months))
            : options.MessagesPerMonth is { } perMonth ? perMonth * 3 : Messages;
        if (messageCount % 3 != 0) throw new ArgumentException("Messages per month must be a multiple of 3.", nameof(options));

        var accounts = await database.AddAgentsAsync(agentCount, ct);
        var units = await database.AddUnitTreeAsync(ct: ct);
        var enrolled = await database.EnrolAgentsAsync(units, ct);
        var humas = await database.AddStaffUserAsync(HumasEmail, Roles.Humas, ct);
        long rows = accounts.Rows + enrolled.Rows + units.Length + 2;
        BenchOutput.Note($"  {agentCount:N0} agents enrolled ({clock.Elapsed.TotalSeconds:0} s)");

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144;", ct);

        // The mix of employees: 70% PNS, 5% CPNS, 20% PPPK (one in seven with a contract that ended in
        // August), 5% part-time PPPK; about 3.5% not Aktif; 0.3% with a sanction; 0.2% withdrew consent.
        await ExecAsync(connection, """
            UPDATE Employees SET
                EmploymentType = CASE WHEN Id % 20 < 14 THEN 'Pns' WHEN Id % 20 = 14 THEN 'Cpns' WHEN Id % 20 < 19 THEN 'Pppk' ELSE 'PppkParuhWaktu' END,
                ContractStart = CASE WHEN Id % 20 >= 15 THEN '2024-03-01' END,
                ContractEnd = CASE WHEN Id % 20 >= 15 THEN CASE WHEN Id % 7 = 3 THEN '2026-08-31' ELSE '2029-02-28' END END,
                LegalStatus = CASE WHEN Id % 53 = 0 THEN 'Cltn' WHEN Id % 71 = 0 THEN 'TugasBelajar' WHEN Id % 97 = 0 THEN 'MasaPersiapanPensiun' WHEN Id % 211 = 0 THEN 'PemberhentianSementara' ELSE 'Aktif' END,
                HasDisciplinarySanction = CASE WHEN Id % 307 = 0 THEN 1 ELSE 0 END;
            """, ct);
        // Enrolled before the data starts (2026-01-12 for the quarter, as before); a few withdrew consent later.
        var enrolledAt = options.IsYear ? startUtc.AddDays(-10) : new DateTime(2026, 1, 12, 2, 0, 0, DateTimeKind.Utc);
        var withdrawnAt = options.IsYear ? startUtc + (now - startUtc) * 0.6 : new DateTime(2026, 8, 10, 3, 0, 0, DateTimeKind.Utc);
        await using (var enrol = connection.CreateCommand())
        {
            enrol.CommandText = """
                UPDATE Agents SET EnrolledUtc = $enrolled, CodeOfConductAcceptedUtc = $accepted, DataConsentUtc = $accepted;
                UPDATE Agents SET ConsentWithdrawnUtc = $withdrawn WHERE Id % 499 = 0;
                """;
            enrol.Parameters.AddWithValue("$enrolled", Utc(enrolledAt));
            enrol.Parameters.AddWithValue("$accepted", Utc(enrolledAt.AddMinutes(5)));
            enrol.Parameters.AddWithValue("$withdrawn", Utc(withdrawnAt));
            await enrol.ExecuteNonQueryAsync(ct);
        }

        var agents = new List<(int Id, string UserId, int? UnitId, string Handle)>(agentCount);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT a.Id, a.UserId, e.UnitId FROM Agents a JOIN Employees e ON e.Id = a.EmployeeId ORDER BY a.Id";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                agents.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), "agen" + reader.GetInt32(0).ToString("D6", CultureInfo.InvariantCulture)));
        }

        // Messages: the quarter's published every 2.7 days from five days before the period; the year's evenly from
        // five days before its start to a day ago. Active for two weeks (the year's latest ones still are).
        var published = new DateTime[messageCount];
        var messageIds = new int[messageCount];
        var missions = new[] { MissionTag.Transparansi, MissionTag.Partisipasi, MissionTag.Kolaborasi };
        var spacingHours = options.IsYear ? (now.AddDays(-1) - startUtc.AddDays(-5)).TotalHours / messageCount : 97 * 24.0 / messageCount;
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            using var quiet = db.SuppressEntityAudit();
            var created = new List<PolicyMessage>(messageCount);
            for (var m = 0; m < messageCount; m++)
            {
                published[m] = startUtc.AddDays(-5).AddHours(m * spacingHours + 2);
                var until = published[m].AddDays(14);
                var active = options.IsYear && until > now;
                created.Add(new PolicyMessage
                {
                    Title = (options.IsYear ? "Pesan Kebijakan Bench No. " : "Pesan Kebijakan Triwulan III No. ") + (m + 1).ToString(CultureInfo.InvariantCulture),
                    PolicyReference = (options.IsYear ? "Bench/" : "Bench TW3/") + (m + 1).ToString(CultureInfo.InvariantCulture),
                    Source = MessageSource.OwnUnit,
                    Mission = missions[m % 3],
                    AuthorUserId = humas,
                    Status = active ? MessageStatus.Published : MessageStatus.Closed,
                    ActiveFromUtc = published[m],
                    ActiveUntilUtc = until,
                    CreatedUtc = published[m].AddDays(-1),
                    PublishedUtc = published[m],
                    ClosedUtc = active ? null : until,
                });
            }
            db.PolicyMessages.AddRange(created);

            var scheme = new RewardScheme { Name = "Skema Penghargaan Agen 2026", Description = "Skema bench", CreatedUtc = startUtc.AddDays(-30), CreatedByUserId = humas };
            db.RewardSchemes.Add(scheme);
            await db.SaveChangesAsync(ct);
            for (var m = 0; m < messageCount; m++) messageIds[m] = created[m].Id;
            db.RewardSchemeVersions.Add(new RewardSchemeVersion
            {
                SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = Rules.ToJson(), ChangeNote = "Versi awal",
                CreatedByUserId = humas, CreatedUtc = startUtc.AddDays(-30), SubmittedUtc = startUtc.AddDays(-29), ApprovedByUserId = humas, ApprovedUtc = startUtc.AddDays(-28),
            });
            await db.SaveChangesAsync(ct);
            if (!options.IsYear)
            {
                var period = new RewardPeriod
                {
                    Name = PeriodName, Kind = PeriodKind.Quarterly, StartDate = PeriodStart, EndDate = PeriodEnd, SchemeId = scheme.Id,
                    State = PeriodState.Open, CreatedUtc = startUtc.AddDays(-1), CreatedByUserId = humas,
                };
                db.RewardPeriods.Add(period);
                await db.SaveChangesAsync(ct);
                rows += Messages + 3;
                var seeded = await LoadAsync(connection, agents, humas, published, messageIds, reports, startUtc, endUtc, dataEnd, null, clock, ct);
                return seeded with { PeriodId = period.Id, Rows = seeded.Rows + rows, Elapsed = clock.Elapsed, Messages = messageCount };
            }

            // One monthly period per month; the months before the current one are Approved (their runs come after the load).
            var periods = new List<RewardPeriod>(options.Months);
            for (var i = 0; i < options.Months; i++)
            {
                var first = firstDay.AddMonths(i);
                var current = i == options.Months - 1;
                var closedAt = TimeZoneInfo.ConvertTimeToUtc(first.AddMonths(1).ToDateTime(new TimeOnly(9, 0)), zone).AddDays(4);
                periods.Add(new RewardPeriod
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"Bulan {first:yyyy-MM} (bench)"), Kind = PeriodKind.Monthly,
                    StartDate = first, EndDate = first.AddMonths(1).AddDays(-1), SchemeId = scheme.Id,
                    State = current ? PeriodState.Open : PeriodState.Approved, CreatedUtc = startUtc.AddDays(-1), CreatedByUserId = humas,
                    ApprovedUtc = current ? null : closedAt, ApprovedByUserId = current ? null : humas,
                });
            }
            db.RewardPeriods.AddRange(periods);
            await db.SaveChangesAsync(ct);
            rows += messageCount + 2 + periods.Count;
            var months = periods.Select(p => (p.Id, TimeZoneInfo.ConvertTimeToUtc(p.StartDate.ToDateTime(TimeOnly.MinValue), zone))).ToArray();
            var loaded = await LoadAsync(connection, agents, humas, published, messageIds, reports, startUtc, endUtc, dataEnd, months, clock, ct);
            var runResults = await AddMonthlyRunsAsync(connection, agents, periods, db.RewardSchemeVersions.Local.Single().Id, humas, loaded.Tally!,
                messageCount * 2 / 3 / options.Months, ct);
            return loaded with
            {
                PeriodId = periods[^1].Id, PeriodName = periods[^1].Name, Rows = loaded.Rows + rows + runResults, Elapsed = clock.Elapsed,
                MonthlyPeriodIds = [.. periods.Select(p => p.Id)], Messages = messageCount, RunResults = runResults, Tally = null,
            };
        }
    }

    /// <summary>Messages per month for year data: an agent's cap (assignments × 5 platforms) about 3.5 times the mean per sharing agent (six in seven share).</summary>
    private static int MessagesPerMonthFor(int agents, long reports, int months)
    {
        var perSharingAgent = reports / (double)Math.Max(1, agents) * 7 / 6;
        var assignmentsPerAgent = 3.5 * perSharingAgent / Platforms.Length;
        var perMonth = (int)Math.Ceiling(assignmentsPerAgent * 3 / 2 / months);
        return Math.Max(3, (perMonth + 2) / 3 * 3);
    }

    /// <param name="dataEnd">Nothing is posted, submitted, taken or clicked after it (year data: now; the quarter: no limit).</param>
    /// <param name="months">Year data: each monthly period's id and first instant (UTC), to tally verified reports per agent and month.</param>
    private static async Task<SeededRewards> LoadAsync(SqliteConnection connection, List<(int Id, string UserId, int? UnitId, string Handle)> agents,
        string humas, DateTime[] published, int[] messageIds, long reports, DateTime startUtc, DateTime endUtc, DateTime dataEnd,
        (int Id, DateTime StartUtc)[]? months, Stopwatch clock, CancellationToken ct)
    {
        var random = new Random(20261204);
        var year = months is not null;
        var messageCount = published.Length;
        var perAgent = messageCount * 2 / 3;
        // The quarter's historic spreading (7 is its own inverse mod 24) stays; other sizes use consecutive slots.
        var spread = perAgent == AssignmentsPerAgent ? 7 : 1;
        var tally = year ? new int[agents.Count, months!.Length] : null;

        // How many reports each agent made: exponential, one in seven none, capped at five platforms per
        // assignment, scaled so the total comes to about `reports`.
        var maxPerAgent = perAgent * Platforms.Length;
        var weight = new double[agents.Count];
        for (var k = 0; k < weight.Length; k++) weight[k] = k % 7 == 3 ? 0 : -Math.Log(1 - random.NextDouble());
        var scale = reports / Math.Max(1e-9, weight.Sum());
        for (var i = 0; i < 20; i++)
        {
            var total = weight.Sum(w => Math.Min(maxPerAgent, Math.Round(w * scale)));
            if (total <= 0) break;
            scale *= reports / total;
        }
        var counts = weight.Select(w => (int)Math.Min(maxPerAgent, Math.Round(w * scale))).ToArray();

        // Secondary indexes of the loaded tables, rebuilt after the load with the same statements.
        var indexes = new List<(string Name, string Sql)>();
        foreach (var table in LoadedTables)
        {
            await using var list = connection.CreateCommand();
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            list.Parameters.AddWithValue("$t", table);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecAsync(connection, $"DROP INDEX \"{name}\"", ct);
        if (year)
        {
            // Tens of millions of rows: no rollback journal (a failed load is thrown away anyway), so each page is
            // written once instead of once to the WAL and again at the checkpoint. WAL comes back after the load.
            // Leaving WAL needs the only connection: the pooled ones of the steps before are closed first.
            SqliteConnection.ClearAllPools();
            await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
            try
            {
                await ExecAsync(connection, "PRAGMA journal_mode=OFF;", ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5)
            {
                BenchOutput.Note("  another connection holds the database: loading in WAL mode");
            }
        }

        await using var assignment = Prepare(connection, "INSERT INTO Assignments (Id, MessageId, AgentId, DueUtc, CreatedUtc, AssignedByUserId) VALUES ($id, $message, $agent, $due, $created, $humas)",
            "$id", "$message", "$agent", "$due", "$created");
        await using var report = Prepare(connection, """
            INSERT INTO ShareReports (Id, AssignmentId, AgentId, MessageId, UnitId, Platform, PostUrl, ClaimKey, LinkHandle,
                PostedUtc, SubmittedUtc, SubmissionKey, State, DecisionReason, ReviewedByUserId, ReviewedUtc, CorrectionCount,
                Flags, ScreenshotPath, ScreenshotContentType, ScreenshotSha256, FollowersAtSubmission, Version)
            VALUES ($id, $assignment, $agent, $message, $unit, $platform, $url, $claim, $handle,
                $posted, $submitted, $key, $state, $reason, $reviewer, $reviewed, $corrections,
                $flags, NULL, NULL, NULL, $followers, $version)
            """, "$id", "$assignment", "$agent", "$message", "$unit", "$platform", "$url", "$claim", "$handle", "$posted", "$submitted", "$key",
            "$state", "$reason", "$reviewer", "$reviewed", "$corrections", "$flags", "$followers", "$version");
        await using var snapshot = Prepare(connection, """
            INSERT INTO ReportSnapshots (ReportId, Source, Window, TakenUtc, Views, Reach, Likes, Comments, Reposts, Saves, CreatedByUserId, CreatedUtc)
            VALUES ($report, $source, $window, $taken, $views, $reach, $likes, $comments, $reposts, $saves, $user, $taken)
            """, "$report", "$source", "$window", "$taken", "$views", "$reach", "$likes", "$comments", "$reposts", "$saves", "$user");
        await using var link = Prepare(connection, "INSERT INTO TrackedLinks (Id, AssignmentId, Platform, Token, CreatedUtc, OpenedUtc) VALUES ($id, $assignment, $platform, $token, $created, $created)",
            "$id", "$assignment", "$platform", "$token", "$created");
        await using var click = Prepare(connection, "INSERT INTO LinkClicks (TrackedLinkId, OccurredUtc, VisitorHash, IsBot) VALUES ($link, $at, $visitor, $bot)",
            "$link", "$at", "$visitor", "$bot");
        await using var response = Prepare(connection, """
            INSERT INTO PublicResponses (ReportId, MessageId, AgentId, Text, Kind, Sentiment, ConcernedUnitId, RoutedUnitId, Status, ResolutionNote,
                RecordedUtc, RoutedUtc, ResolvedUtc, ResolvedByUserId, Version)
            VALUES ($report, $message, $agent, $text, $kind, $sentiment, NULL, NULL, $status, NULL, $recorded, NULL, $resolved, $resolver, 1)
            """, "$report", "$message", "$agent", "$text", "$kind", "$sentiment", "$status", "$recorded", "$resolved", "$resolver");
        await using var conduct = Prepare(connection, """
            INSERT INTO ConductRecords (AgentId, Kind, StartDate, EndDate, Note, RecordedByUserId, RecordedUtc, RevokedUtc, RevokedByUserId, RevokeReason, Version)
            VALUES ($agent, $kind, $start, $end, 'Catatan bench', $humas, $recorded, $revoked, $revoker, $reason, 1)
            """, "$agent", "$kind", "$start", "$end", "$recorded", "$revoked", "$revoker", "$reason");
        assignment.Parameters.AddWithValue("$humas", humas);
        conduct.Parameters.AddWithValue("$humas", humas);

        long reportId = 0, linkId = 0, snapshots = 0, links = 0, clicks = 0, responses = 0, assignments = 0, inPeriod = 0, conducts = 0;

        // Agent k is assigned the messages m with (m + k) % 3 != 0; its slot for m (0..23) depends on k % 3 only.
        var slotOf = new int[3, messageCount];
        for (var r = 0; r < 3; r++)
        {
            var next = 0;
            for (var m = 0; m < messageCount; m++) slotOf[r, m] = (m + r) % 3 == 0 ? -1 : next++;
        }
        var followersOf = new int[agents.Count];
        for (var k = 0; k < agents.Count; k++) followersOf[k] = 80 + (int)(3000 * -Math.Log(1 - random.NextDouble()));

        // Rows go in roughly in the order the app writes them: message by message (assignments when it is
        // published, then its reports, snapshots and clicks), so one agent's reports are spread over the
        // table as in production rather than stored together.
        var assignmentIds = new int[agents.Count * perAgent];
        for (var m = 0; m < messageCount; m++)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            foreach (var c in new[] { assignment, report, snapshot, link, click, response, conduct }) c.Transaction = tx;
            for (var k = 0; k < agents.Count; k++)
            {
                var s = slotOf[k % 3, m];
                if (s < 0) continue;
                var id = (int)++assignments;
                assignmentIds[k * perAgent + s] = id;
                Set(assignment, id, messageIds[m], agents[k].Id, Utc(published[m].AddDays(3)), Utc(published[m]));
                assignment.ExecuteNonQuery();
            }
            for (var k = 0; k < agents.Count; k++)
            {
                var s = slotOf[k % 3, m];
                if (s < 0) continue;
                var agent = agents[k];
                var followers = followersOf[k];
                var assignmentId = assignmentIds[k * perAgent + s];
                // The quarter's j-th report of an agent goes to slot (7j + k) % 24 on platform j / 24 (7 is its own
                // inverse mod 24); other sizes use slot (j + k) % slots.
                var t = (((s - k) % perAgent + perAgent) % perAgent * spread) % perAgent;
                for (var p = 0; p < Platforms.Length; p++)
                {
                    var j = p * perAgent + t;
                    if (j >= counts[k]) break;
                    var id = ++reportId;

                    // Posted minutes to ten days after publication: 45% within a day.
                    var u = random.NextDouble();
                    var delayHours = u < 0.45 ? 0.1 + random.NextDouble() * 23.8 : u < 0.85 ? 24 + random.NextDouble() * 72 : 96 + random.NextDouble() * 144;
                    var posted = published[m].AddHours(delayHours);
                    if (posted > dataEnd) posted = published[m] + (dataEnd - published[m]) * random.NextDouble();
                    if (posted >= startUtc && posted < endUtc) inPeriod++;
                    var submitted = posted.AddMinutes(20 + random.Next(2 * 24 * 60));
                    if (submitted > dataEnd) submitted = posted + (dataEnd - posted) * random.NextDouble();
                    var roll = random.Next(100);
                    var state = roll < 85 ? "Verified" : roll < 90 ? "Pending" : "Rejected";
                    if (year)
                    {
                        // Humas keeps up: what is still pending was submitted in the last two weeks, most of it in the last three days.
                        var age = dataEnd - submitted;
                        if (age > TimeSpan.FromDays(14) && state == "Pending") state = "Verified";
                        else if (age < TimeSpan.FromDays(3) && roll < 70) state = "Pending";
                    }
                    var reviewed = submitted.AddHours(20);
                    if (reviewed > dataEnd) reviewed = submitted + (dataEnd - submitted) * 0.5;
                    if (tally is not null && state == "Verified")
                    {
                        var month = months!.Length - 1;
                        while (month > 0 && posted < months[month].StartUtc) month--;
                        if (posted >= months[0].StartUtc) tally[k, month]++;
                    }
                    var corrections = state == "Rejected" ? random.Next(2) : 0;
                    var platform = Platforms[p];
                    var status = (7_000_000_000_000_000_000 + id).ToString(CultureInfo.InvariantCulture);
                    var url = p == 4 ? null : string.Format(CultureInfo.InvariantCulture, LinkPrefix[p], agent.Handle) + status;
                    Set(report, id, assignmentId, agent.Id, messageIds[m], agent.UnitId, platform, url,
                        p == 4 ? null : platform.ToLowerInvariant() + ":bench:" + status, p == 4 ? null : agent.Handle,
                        Utc7(posted), Utc7(submitted), Guid.NewGuid().ToString().ToUpperInvariant(), state,
                        state == "Rejected" ? "Tautan tidak menunjukkan kiriman pesan ini." : null,
                        state == "Pending" ? null : humas, state == "Pending" ? null : Utc7(reviewed), corrections,
                        id % 50 == 3 ? 4 : 0, followers, state == "Pending" ? 1 : 2 + 2 * corrections);
                    report.ExecuteNonQuery();

                    // Snapshots: 10% none, 55% one, 35% two (a later 7-day reading, often from a stronger source).
                    var n = roll % 20 < 2 ? 0 : random.Next(100) < 61 ? 1 : 2;
                    var views = (long)(followers * (0.05 + random.NextDouble() * 1.5));
                    for (var q = 0; q < n; q++)
                    {
                        var taken = q == 0 ? posted.AddHours(24) : posted.AddDays(7);
                        if (taken > dataEnd)
                        {
                            // Not read yet: the 7-day reading does not exist, the first is as recent as it can be.
                            if (q == 1) break;
                            taken = posted + (dataEnd - posted) * 0.9;
                        }
                        var v = q == 0 ? views : views + (long)(views * random.NextDouble() * 0.6);
                        var source = Sources[random.Next(q == 0 ? 2 : Sources.Length)];
                        Set(snapshot, id, source, q == 0 ? "Hours24" : "Days7", Utc7(taken), v, p == 4 ? null : v * 7 / 10, v / 20, v / 200, v / 100,
                            p is 1 or 3 ? v / 150 : null, agent.UserId);
                        snapshot.ExecuteNonQuery();
                        snapshots++;
                    }

                    // A tracked link (and its clicks) for one share in three, never on WhatsApp status; clicks
                    // over the week after posting, a few repeat visitors, one in twenty a bot.
                    if (p != 4 && id % 3 == 1)
                    {
                        var lid = ++linkId;
                        Set(link, lid, assignmentId, platform, Token(lid), Utc7(published[m].AddMinutes(30 + random.Next(600))));
                        link.ExecuteNonQuery();
                        links++;
                        var many = random.Next(10) < 6 ? 0 : (int)(-12 * Math.Log(1 - random.NextDouble()));
                        var distinct = Math.Max(1, many * 3 / 4);
                        for (var x = 0; x < many; x++)
                        {
                            var at = posted.AddMinutes(random.Next(7 * 24 * 60));
                            if (at > dataEnd) at = posted + (dataEnd - posted) * random.NextDouble();
                            Set(click, lid, Utc7(at), Visitor(lid, random.Next(distinct)), random.Next(20) == 0 ? 1 : 0);
                            click.ExecuteNonQuery();
                        }
                        clicks += many;
                    }

                    // A public response under one verified share in fifty.
                    if (state == "Verified" && id % 50 == 17)
                    {
                        var kind = Kinds[random.Next(Kinds.Length)];
                        var answered = random.Next(3) > 0;
                        var recorded = posted.AddHours(3 + random.Next(48));
                        if (recorded > dataEnd) recorded = posted + (dataEnd - posted) * random.NextDouble();
                        if (recorded.AddHours(5) > dataEnd) answered = false;
                        Set(response, id, messageIds[m], agent.Id, "Tanggapan warga di bawah kiriman (bench).", kind, Sentiments[random.Next(Sentiments.Length)],
                            answered ? "Answered" : "Open", Utc7(recorded), answered ? Utc7(recorded.AddHours(5)) : null, answered ? humas : null);
                        response.ExecuteNonQuery();
                        responses++;
                    }
                }
            }
            await tx.CommitAsync(ct);
            if (m % Math.Max(6, messageCount / 24) == 5 || m == messageCount - 1)
                BenchOutput.Note($"  {m + 1} / {messageCount} messages: {reportId:N0} reports, {snapshots:N0} snapshots, {clicks:N0} clicks ({clock.Elapsed.TotalSeconds:0} s)");
        }

        // Conduct records for one agent in 331 (disciplinary) and one in 331 (neutrality); some ended before the period, some revoked.
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            conduct.Transaction = tx;
            for (var k = 0; k < agents.Count; k++)
            {
                if (k % 331 is not (5 or 17)) continue;
                var ended = k % 662 == 17;
                var revoked = k % 993 == 5;
                Set(conduct, agents[k].Id, k % 331 == 5 ? "Disciplinary" : "Neutrality", ended ? "2026-01-05" : "2026-08-01", ended ? "2026-04-30" : null,
                    Utc(startUtc.AddDays(30)), revoked ? Utc(startUtc.AddDays(40)) : null, revoked ? humas : null, revoked ? "Keputusan dibatalkan" : null);
                conduct.ExecuteNonQuery();
                conducts++;
            }
            await tx.CommitAsync(ct);
        }

        BenchOutput.Note($"  rebuilding {indexes.Count} indexes ({clock.Elapsed.TotalSeconds:0} s)");
        if (year) await ExecAsync(connection, "PRAGMA threads=2;", ct);
        foreach (var (_, sql) in indexes) await ExecAsync(connection, sql, ct);
        if (year) await ExecAsync(connection, "PRAGMA journal_mode=WAL;", ct);
        // Sampled statistics, as the other generators leave them: a full ANALYZE reads every index.
        await ExecAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=2000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        BenchOutput.Note($"  indexes rebuilt ({clock.Elapsed.TotalSeconds:0} s)");

        var loaded = assignments + reportId + snapshots + links + clicks + responses + conducts;
        return new SeededRewards(0, PeriodName, startUtc, endUtc, agents.Count, reportId, inPeriod, snapshots, links, clicks, responses, assignments, loaded, TimeSpan.Zero)
        {
            Tally = tally,
        };
    }

    /// <summary>
    /// A run for each past monthly period (all but the last), written directly rather than calculated: one result per
    /// agent whose counted shares are its verified reports posted that month, a score from them, ranks among the
    /// eligible (ties share a rank), recognition for the top tenth and the incentive tiers for the top 200 scaled to the
    /// budget; totals equal to the results. The period points at its run. Returns the rows written.
    /// </summary>
    private static async Task<long> AddMonthlyRunsAsync(SqliteConnection connection, List<(int Id, string UserId, int? UnitId, string Handle)> agents,
        List<RewardPeriod> periods, int schemeVersionId, string humas, int[,] tally, int assignmentsPerMonth, CancellationToken ct)
    {
        long rows = 0;
        var random = new Random(20261205);
        var types = new[] { "Pns", "Cpns", "Pppk", "PppkParuhWaktu" };
        var budget = Rules.Incentive.Budget;
        var tierTotal = Rules.Incentive.TierList.Sum(t => (long)(t.ToRank - t.FromRank + 1) * t.Amount);
        await using var run = Prepare(connection, """
            INSERT INTO RewardRuns (PeriodId, Number, SchemeVersionId, ComputedUtc, ComputedByUserId, ApprovedUtc, ApprovedByUserId,
                Agents, Eligible, Recognised, IncentiveTotal, Recommendations, CountedShares, ResultHash)
            VALUES ($period, 1, $version, $computed, $humas, $approved, $humas, $agents, $eligible, $recognised, $incentives, $recommendations, $counted, $hash)
            RETURNING Id
            """, "$period", "$version", "$computed", "$humas", "$approved", "$agents", "$eligible", "$recognised", "$incentives", "$recommendations", "$counted", "$hash");
        await using var result = Prepare(connection, """
            INSERT INTO RewardResults (RunId, AgentId, UnitId, EmploymentType, Ineligible, SharePoints, TimelyPoints, DeductionPoints, Participation,
                Engagement, Score, CountedShares, UncountedShares, Assignments, AssignmentsShared, Rank, UnitRank, TopPercent, PromotionStreak,
                Outcomes, IncentiveTierAmount, IncentiveAmount, Lines)
            VALUES ($run, $agent, $unit, $type, $ineligible, $share, $timely, 0, $participation, $engagement, $score, $counted, $uncounted,
                $assignments, $shared, $rank, NULL, $top, 0, $outcomes, $tier, $paid, '')
            """, "$run", "$agent", "$unit", "$type", "$ineligible", "$share", "$timely", "$participation", "$engagement", "$score", "$counted",
            "$uncounted", "$assignments", "$shared", "$rank", "$top", "$outcomes", "$tier", "$paid");
        await using var point = Prepare(connection, "UPDATE RewardPeriods SET CurrentRunId = $run, SchemeVersionId = $version WHERE Id = $period", "$run", "$version", "$period");
        string D(decimal d) => d.ToString("0.0###", CultureInfo.InvariantCulture);

        for (var i = 0; i < periods.Count - 1; i++)
        {
            var period = periods[i];
            var n = agents.Count;
            var ineligible = new int[n];
            var score = new decimal[n];
            for (var k = 0; k < n; k++)
            {
                var id = agents[k].Id;
                ineligible[k] = (id % 53 == 0 || id % 71 == 0 || id % 97 == 0 || id % 211 == 0 ? 1 : 0) | (id % 307 == 0 ? 2 : 0) | (id % 499 == 0 && i >= periods.Count * 6 / 10 ? 16 : 0);
                score[k] = tally[k, i] * 10m + Math.Round((decimal)random.NextDouble() * 20m, 2);
            }
            var ranked = Enumerable.Range(0, n).Where(k => ineligible[k] == 0).OrderByDescending(k => score[k]).ToArray();
            var rank = new int?[n];
            var top = new decimal?[n];
            var tierOf = new long[n];
            for (var place = 0; place < ranked.Length; place++)
            {
                var k = ranked[place];
                rank[k] = place > 0 && score[ranked[place - 1]] == score[k] ? rank[ranked[place - 1]] : place + 1;
                top[k] = Math.Round((place + 1) * 100m / ranked.Length, 4);
                // Tiers by place, so ties at a tier's edge cannot pay more places than the tiers hold.
                tierOf[k] = Rules.Incentive.TierList.FirstOrDefault(t => place + 1 >= t.FromRank && place + 1 <= t.ToRank)?.Amount ?? 0;
            }
            long tiers = 0, paid = 0, counted = 0;
            int recognised = 0, recommendations = 0;
            using var tx = connection.BeginTransaction();
            run.Transaction = tx;
            result.Transaction = tx;
            point.Transaction = tx;
            var endUtc = period.ApprovedUtc!.Value;
            var eligible = ranked.Length;
            for (var k = 0; k < n; k++)
            {
                var isRecognised = top[k] is <= 10m;
                var recommended = top[k] is <= 2m;
                recognised += isRecognised ? 1 : 0;
                recommendations += recommended ? 1 : 0;
                counted += tally[k, i];
                tiers += tierOf[k];
                paid += tierOf[k] * budget / Math.Max(1, tierTotal);
            }
            Set(run, period.Id, schemeVersionId, Utc7(endUtc.AddDays(-2)), humas, Utc7(endUtc), n, eligible, recognised, paid, recommendations, counted,
                Convert.ToHexString(BitConverter.GetBytes(random.NextInt64())) + new string('0', 48));
            var runId = Convert.ToInt32(run.ExecuteScalar(), CultureInfo.InvariantCulture);
            for (var k = 0; k < n; k++)
            {
                var c = tally[k, i];
                var outcomes = (top[k] is <= 10m ? 1 : 0) | (tierOf[k] > 0 ? 2 : 0) | (top[k] is <= 2m ? 4 : 0);
                var assignments = assignmentsPerMonth;
                Set(result, runId, agents[k].Id, agents[k].UnitId, types[agents[k].Id % 20 < 14 ? 0 : agents[k].Id % 20 == 14 ? 1 : agents[k].Id % 20 < 19 ? 2 : 3],
                    ineligible[k], D(c * 10m), D(c / 2), D(c * 10m + c / 2), D(score[k] - c * 10m), D(score[k]), c, c / 20, assignments, Math.Min(assignments, c),
                    rank[k], top[k] is { } t ? D(t) : null, outcomes, tierOf[k], tierOf[k] * budget / Math.Max(1, tierTotal));
                result.ExecuteNonQuery();
            }
            Set(point, runId, schemeVersionId, period.Id);
            point.ExecuteNonQuery();
            tx.Commit();
            rows += n + 1;
        }
        return rows;
    }

    /// <summary>The institution's zone as the app finds it (Asia/Jakarta, UTC+7 without data).</summary>
    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB"); }
    }

    /// <summary>22 URL-safe characters, unique per link id.</summary>
    private static string Token(long id)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Mix((ulong)id));
        BitConverter.TryWriteBytes(bytes[8..], (ulong)id);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>64 lower-case hex characters, as <c>VisitorHash.Compute</c> gives; the same (link, visitor) gives the same hash.</summary>
    private static string Visitor(long link, int visitor)
    {
        var seed = ((ulong)link << 20) ^ (ulong)visitor;
        return string.Create(64, seed, static (span, s) =>
        {
            for (var i = 0; i < 4; i++)
                Mix(s + (ulong)i * 0x9E3779B97F4A7C15UL).TryFormat(span[(i * 16)..], out _, "x16", CultureInfo.InvariantCulture);
        });
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        // No declared type: each value binds as what it is (integer, text), as EF binds it.
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        return command;
    }

    /// <summary>Sets the command's first parameters, in declaration order (null as DBNull); constants follow them.</summary>
    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL and index definitions read from the schema.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
