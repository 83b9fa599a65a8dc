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

/// <summary>What <see cref="SyntheticRewards.AddRewardPeriodAsync"/> generated.</summary>
/// <param name="PeriodId">The Open period (a past quarter) covering the reports.</param>
/// <param name="StartUtc">The period's first instant (local midnight of its first day) in UTC.</param>
/// <param name="EndUtc">The first instant after the period's last day, in UTC (exclusive).</param>
public sealed record SeededRewards(int PeriodId, string PeriodName, DateTime StartUtc, DateTime EndUtc, int Agents, long Reports, long ReportsInPeriod,
    long Snapshots, long TrackedLinks, long Clicks, long Responses, long Assignments, long Rows, TimeSpan Elapsed)
{
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

    public static async Task<SeededRewards> AddRewardPeriodAsync(this SyntheticDatabase database, int agentCount, long reports, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = Stopwatch.StartNew();
        var zone = FindZone();
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(PeriodStart.ToDateTime(TimeOnly.MinValue), zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(PeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

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
            UPDATE Agents SET EnrolledUtc = '2026-01-12 02:00:00', CodeOfConductAcceptedUtc = '2026-01-12 02:05:00', DataConsentUtc = '2026-01-12 02:05:00';
            UPDATE Agents SET ConsentWithdrawnUtc = '2026-08-10 03:00:00' WHERE Id % 499 = 0;
            """, ct);

        var agents = new List<(int Id, string UserId, int? UnitId, string Handle)>(agentCount);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT a.Id, a.UserId, e.UnitId FROM Agents a JOIN Employees e ON e.Id = a.EmployeeId ORDER BY a.Id";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                agents.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), "agen" + reader.GetInt32(0).ToString("D6", CultureInfo.InvariantCulture)));
        }

        // Messages: published every 2.7 days from five days before the period; active for two weeks.
        var published = new DateTime[Messages];
        var messageIds = new int[Messages];
        var missions = new[] { MissionTag.Transparansi, MissionTag.Partisipasi, MissionTag.Kolaborasi };
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            using var quiet = db.SuppressEntityAudit();
            var created = new List<PolicyMessage>(Messages);
            for (var m = 0; m < Messages; m++)
            {
                published[m] = startUtc.AddDays(-5).AddHours(m * (97 * 24.0 / Messages) + 2);
                created.Add(new PolicyMessage
                {
                    Title = "Pesan Kebijakan Triwulan III No. " + (m + 1).ToString(CultureInfo.InvariantCulture),
                    PolicyReference = "Bench TW3/" + (m + 1).ToString(CultureInfo.InvariantCulture),
                    Source = MessageSource.OwnUnit,
                    Mission = missions[m % 3],
                    AuthorUserId = humas,
                    Status = MessageStatus.Closed,
                    ActiveFromUtc = published[m],
                    ActiveUntilUtc = published[m].AddDays(14),
                    CreatedUtc = published[m].AddDays(-1),
                    PublishedUtc = published[m],
                    ClosedUtc = published[m].AddDays(14),
                });
            }
            db.PolicyMessages.AddRange(created);

            var scheme = new RewardScheme { Name = "Skema Penghargaan Agen 2026", Description = "Skema bench", CreatedUtc = startUtc.AddDays(-30), CreatedByUserId = humas };
            db.RewardSchemes.Add(scheme);
            await db.SaveChangesAsync(ct);
            for (var m = 0; m < Messages; m++) messageIds[m] = created[m].Id;
            db.RewardSchemeVersions.Add(new RewardSchemeVersion
            {
                SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = Rules.ToJson(), ChangeNote = "Versi awal",
                CreatedByUserId = humas, CreatedUtc = startUtc.AddDays(-30), SubmittedUtc = startUtc.AddDays(-29), ApprovedByUserId = humas, ApprovedUtc = startUtc.AddDays(-28),
            });
            await db.SaveChangesAsync(ct);
            var period = new RewardPeriod
            {
                Name = PeriodName, Kind = PeriodKind.Quarterly, StartDate = PeriodStart, EndDate = PeriodEnd, SchemeId = scheme.Id,
                State = PeriodState.Open, CreatedUtc = startUtc.AddDays(-1), CreatedByUserId = humas,
            };
            db.RewardPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            rows += Messages + 3;
            var seeded = await LoadAsync(connection, agents, humas, published, messageIds, reports, startUtc, endUtc, clock, ct);
            return seeded with { PeriodId = period.Id, Rows = seeded.Rows + rows, Elapsed = clock.Elapsed };
        }
    }

    private static async Task<SeededRewards> LoadAsync(SqliteConnection connection, List<(int Id, string UserId, int? UnitId, string Handle)> agents,
        string humas, DateTime[] published, int[] messageIds, long reports, DateTime startUtc, DateTime endUtc, Stopwatch clock, CancellationToken ct)
    {
        var random = new Random(20261204);

        // How many reports each agent made: exponential, one in seven none, capped at five platforms per
        // assignment, scaled so the total comes to about `reports`.
        var maxPerAgent = AssignmentsPerAgent * Platforms.Length;
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
        var slotOf = new int[3, Messages];
        for (var r = 0; r < 3; r++)
        {
            var next = 0;
            for (var m = 0; m < Messages; m++) slotOf[r, m] = (m + r) % 3 == 0 ? -1 : next++;
        }
        var followersOf = new int[agents.Count];
        for (var k = 0; k < agents.Count; k++) followersOf[k] = 80 + (int)(3000 * -Math.Log(1 - random.NextDouble()));

        // Rows go in roughly in the order the app writes them: message by message (assignments when it is
        // published, then its reports, snapshots and clicks), so one agent's reports are spread over the
        // table as in production rather than stored together.
        var assignmentIds = new int[agents.Count * AssignmentsPerAgent];
        for (var m = 0; m < Messages; m++)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            foreach (var c in new[] { assignment, report, snapshot, link, click, response, conduct }) c.Transaction = tx;
            for (var k = 0; k < agents.Count; k++)
            {
                var s = slotOf[k % 3, m];
                if (s < 0) continue;
                var id = (int)++assignments;
                assignmentIds[k * AssignmentsPerAgent + s] = id;
                Set(assignment, id, messageIds[m], agents[k].Id, Utc(published[m].AddDays(3)), Utc(published[m]));
                assignment.ExecuteNonQuery();
            }
            for (var k = 0; k < agents.Count; k++)
            {
                var s = slotOf[k % 3, m];
                if (s < 0) continue;
                var agent = agents[k];
                var followers = followersOf[k];
                var assignmentId = assignmentIds[k * AssignmentsPerAgent + s];
                // The agent's j-th report goes to slot (7j + k) % 24 on platform j / 24; 7 is its own inverse mod 24.
                var t = (((s - k) % AssignmentsPerAgent + AssignmentsPerAgent) % AssignmentsPerAgent * 7) % AssignmentsPerAgent;
                for (var p = 0; p < Platforms.Length; p++)
                {
                    var j = p * AssignmentsPerAgent + t;
                    if (j >= counts[k]) break;
                    var id = ++reportId;

                    // Posted minutes to ten days after publication: 45% within a day.
                    var u = random.NextDouble();
                    var delayHours = u < 0.45 ? 0.1 + random.NextDouble() * 23.8 : u < 0.85 ? 24 + random.NextDouble() * 72 : 96 + random.NextDouble() * 144;
                    var posted = published[m].AddHours(delayHours);
                    if (posted >= startUtc && posted < endUtc) inPeriod++;
                    var submitted = posted.AddMinutes(20 + random.Next(2 * 24 * 60));
                    var roll = random.Next(100);
                    var state = roll < 85 ? "Verified" : roll < 90 ? "Pending" : "Rejected";
                    var corrections = state == "Rejected" ? random.Next(2) : 0;
                    var platform = Platforms[p];
                    var status = (7_000_000_000_000_000_000 + id).ToString(CultureInfo.InvariantCulture);
                    var url = p == 4 ? null : string.Format(CultureInfo.InvariantCulture, LinkPrefix[p], agent.Handle) + status;
                    Set(report, id, assignmentId, agent.Id, messageIds[m], agent.UnitId, platform, url,
                        p == 4 ? null : platform.ToLowerInvariant() + ":bench:" + status, p == 4 ? null : agent.Handle,
                        Utc7(posted), Utc7(submitted), Guid.NewGuid().ToString().ToUpperInvariant(), state,
                        state == "Rejected" ? "Tautan tidak menunjukkan kiriman pesan ini." : null,
                        state == "Pending" ? null : humas, state == "Pending" ? null : Utc7(submitted.AddHours(20)), corrections,
                        id % 50 == 3 ? 4 : 0, followers, state == "Pending" ? 1 : 2 + 2 * corrections);
                    report.ExecuteNonQuery();

                    // Snapshots: 10% none, 55% one, 35% two (a later 7-day reading, often from a stronger source).
                    var n = roll % 20 < 2 ? 0 : random.Next(100) < 61 ? 1 : 2;
                    var views = (long)(followers * (0.05 + random.NextDouble() * 1.5));
                    for (var q = 0; q < n; q++)
                    {
                        var taken = q == 0 ? posted.AddHours(24) : posted.AddDays(7);
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
                            Set(click, lid, Utc7(posted.AddMinutes(random.Next(7 * 24 * 60))), Visitor(lid, random.Next(distinct)), random.Next(20) == 0 ? 1 : 0);
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
                        Set(response, id, messageIds[m], agent.Id, "Tanggapan warga di bawah kiriman (bench).", kind, Sentiments[random.Next(Sentiments.Length)],
                            answered ? "Answered" : "Open", Utc7(recorded), answered ? Utc7(recorded.AddHours(5)) : null, answered ? humas : null);
                        response.ExecuteNonQuery();
                        responses++;
                    }
                }
            }
            await tx.CommitAsync(ct);
            if (m % 6 == 5 || m == Messages - 1)
                BenchOutput.Note($"  {m + 1} / {Messages} messages: {reportId:N0} reports, {snapshots:N0} snapshots, {clicks:N0} clicks ({clock.Elapsed.TotalSeconds:0} s)");
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
        foreach (var (_, sql) in indexes) await ExecAsync(connection, sql, ct);
        // Sampled statistics, as the other generators leave them: a full ANALYZE reads every index.
        await ExecAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=2000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", ct);
        BenchOutput.Note($"  indexes rebuilt ({clock.Elapsed.TotalSeconds:0} s)");

        var loaded = assignments + reportId + snapshots + links + clicks + responses + conducts;
        return new SeededRewards(0, PeriodName, startUtc, endUtc, agents.Count, reportId, inPeriod, snapshots, links, clicks, responses, assignments, loaded, TimeSpan.Zero);
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
