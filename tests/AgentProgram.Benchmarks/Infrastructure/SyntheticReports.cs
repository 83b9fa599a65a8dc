using System.Diagnostics;
using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>An enrolled agent of the synthetic database, with its verified X account.</summary>
public sealed record BenchAgent(int AgentId, string UserId, string Email, int? UnitId, string Handle);

/// <summary>What <see cref="SyntheticReports.AddShareReportsAsync"/> generated.</summary>
/// <param name="Agents">Every generated agent, in e-mail order (the first ones are the load agents).</param>
/// <param name="OpenMessageId">The published message whose window covers now.</param>
/// <param name="OpenAssignments">Assignment id of the open message for each load agent (same order as the first agents).</param>
/// <param name="HumasUserId">The Humas account (<see cref="SyntheticReports.HumasEmail"/>).</param>
public sealed record SeededReports(IReadOnlyList<BenchAgent> Agents, int OpenMessageId, IReadOnlyList<int> OpenAssignments,
    string HumasUserId, long Reports, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Share reports at scale for the log-share and verify-queue scenarios: agents (account, employee,
/// enrolment, a verified X account each), closed past messages with assignments, and
/// <c>reports</c> X share reports over them (two per assignment, one in four with a snapshot), oldest
/// first, most verified, some rejected, the newest tenth pending. Plus one open message assigned to
/// the first <c>loadAgents</c> agents. Same technique as <see cref="SyntheticDatabase"/>: prepared
/// statements, values in the formats EF Core's SQLite provider writes (enums as names, Guid as
/// upper-case text), one transaction per chunk.
/// </summary>
public static class SyntheticReports
{
    public const string HumasEmail = "humas@" + SyntheticDatabase.EmailDomain;

    /// <summary>Reports per generated agent: 3.2 million reports make 20,000 agents.</summary>
    public const int ReportsPerAgent = 160;

    /// <summary>First numeric status id of the generated reports; load and floor rows use other ranges.</summary>
    public const long SeedStatusBase = 1_000_000_000_000_000_000;

    private const int Chunk = 100_000;

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string HandleOf(int n) => "agen" + n.ToString("D6", CultureInfo.InvariantCulture);

    public static async Task<SeededReports> AddShareReportsAsync(this SyntheticDatabase database, long reports, int loadAgents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = Stopwatch.StartNew();
        var agentCount = (int)Math.Max(loadAgents, Math.Max(1, (reports + ReportsPerAgent - 1) / ReportsPerAgent));
        var accounts = await database.AddAgentsAsync(agentCount, ct);
        var units = await database.AddUnitTreeAsync(ct: ct);
        var enrolled = await database.EnrolAgentsAsync(units, ct);
        var humas = await database.AddStaffUserAsync(HumasEmail, Roles.Humas, ct);
        long rows = accounts.Rows + enrolled.Rows + units.Length + 2;

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", ct);

        var agents = new List<BenchAgent>(agentCount);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT a.Id, a.UserId, u.Email, e.UnitId FROM Agents a
                JOIN AspNetUsers u ON u.Id = a.UserId JOIN Employees e ON e.Id = a.EmployeeId
                ORDER BY u.NormalizedEmail
                """;
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var email = reader.GetString(2);
                var n = int.Parse(email.AsSpan(4, 6), CultureInfo.InvariantCulture);
                agents.Add(new BenchAgent(reader.GetInt32(0), reader.GetString(1), email, reader.IsDBNull(3) ? null : reader.GetInt32(3), HandleOf(n)));
            }
        }

        var now = DateTime.UtcNow;
        var random = new Random(20261204);
        var followers = new int[agents.Count];
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO SocialAccounts (AgentId, Platform, Handle, ProfileUrl, Kind, Followers, FollowersAsOf, State,
                    RejectionReason, ReviewedByUserId, ReviewedUtc, CreatedUtc, Version)
                VALUES ($agent, 'X', $handle, $url, 'Personal', $followers, $asOf, 'Verified', NULL, $humas, $now, $now, 1)
                """;
            var pAgent = insert.Parameters.Add("$agent", SqliteType.Integer);
            var pHandle = insert.Parameters.Add("$handle", SqliteType.Text);
            var pUrl = insert.Parameters.Add("$url", SqliteType.Text);
            var pFollowers = insert.Parameters.Add("$followers", SqliteType.Integer);
            insert.Parameters.AddWithValue("$asOf", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$humas", humas);
            insert.Parameters.AddWithValue("$now", Utc(now.AddDays(-400)));
            await insert.PrepareAsync(ct);
            for (var i = 0; i < agents.Count; i++)
            {
                followers[i] = 50 + random.Next(5000);
                pAgent.Value = agents[i].AgentId;
                pHandle.Value = agents[i].Handle;
                pUrl.Value = "https://x.com/" + agents[i].Handle;
                pFollowers.Value = followers[i];
                insert.ExecuteNonQuery();
            }
            await tx.CommitAsync(ct);
        }
        rows += agents.Count;

        // Past messages: assignment j goes to agent j % agents and message j / agents, two reports each.
        var assignments = (reports + 1) / 2;
        var messages = (int)Math.Max(1, (assignments + agents.Count - 1) / agents.Count);
        var first = now.AddDays(-370);
        var span = TimeSpan.FromDays(360);
        DateTime Submitted(long i) => first + span * (i / (double)Math.Max(1, reports));
        var messageIds = new int[messages];
        int openMessageId;
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            using var quiet = db.SuppressEntityAudit();
            var created = new List<PolicyMessage>(messages + 1);
            for (var m = 0; m < messages; m++)
            {
                var from = Submitted(2L * m * agents.Count).AddDays(-1);
                var until = Submitted(Math.Min(reports, 2L * (m + 1) * agents.Count)).AddDays(1);
                created.Add(new PolicyMessage
                {
                    Title = "Pesan Kebijakan Bench " + (m + 1).ToString(CultureInfo.InvariantCulture),
                    PolicyReference = "Bench " + (m + 1).ToString(CultureInfo.InvariantCulture),
                    Source = MessageSource.OwnUnit,
                    Mission = MissionTag.Transparansi,
                    AuthorUserId = humas,
                    Status = MessageStatus.Closed,
                    ActiveFromUtc = from,
                    ActiveUntilUtc = until,
                    CreatedUtc = from.AddDays(-1),
                    PublishedUtc = from,
                    ClosedUtc = until,
                });
            }
            var open = new PolicyMessage
            {
                Title = "Pekan Imunisasi Nasional",
                PolicyReference = "Inpres 9/2015",
                Source = MessageSource.OwnUnit,
                Mission = MissionTag.Transparansi,
                AuthorUserId = humas,
                Status = MessageStatus.Published,
                ActiveFromUtc = now.AddHours(-1),
                ActiveUntilUtc = now.AddDays(7),
                CreatedUtc = now.AddHours(-2),
                PublishedUtc = now.AddHours(-1),
            };
            created.Add(open);
            db.PolicyMessages.AddRange(created);
            await db.SaveChangesAsync(ct);
            for (var m = 0; m < messages; m++) messageIds[m] = created[m].Id;
            openMessageId = open.Id;
        }
        rows += messages + 1;

        // Assignments with explicit ids 1..assignments (the table is empty), then the open ones.
        var openAssignments = new List<int>(loadAgents);
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO Assignments (Id, MessageId, AgentId, DueUtc, CreatedUtc, AssignedByUserId) VALUES ($id, $message, $agent, $due, $created, $humas)";
            var pId = insert.Parameters.Add("$id", SqliteType.Integer);
            var pMessage = insert.Parameters.Add("$message", SqliteType.Integer);
            var pAgent = insert.Parameters.Add("$agent", SqliteType.Integer);
            var pDue = insert.Parameters.Add("$due", SqliteType.Text);
            var pCreated = insert.Parameters.Add("$created", SqliteType.Text);
            insert.Parameters.AddWithValue("$humas", humas);
            await insert.PrepareAsync(ct);
            for (long j = 0; j < assignments; j++)
            {
                var m = (int)(j / agents.Count);
                var at = Submitted(2L * m * agents.Count).AddDays(-1);
                pId.Value = j + 1;
                pMessage.Value = messageIds[m];
                pAgent.Value = agents[(int)(j % agents.Count)].AgentId;
                pDue.Value = Utc(at.AddDays(3));
                pCreated.Value = Utc(at);
                insert.ExecuteNonQuery();
            }
            pId.Value = DBNull.Value;
            insert.CommandText = "INSERT INTO Assignments (MessageId, AgentId, DueUtc, CreatedUtc, AssignedByUserId) VALUES ($message, $agent, $due, $created, $humas) RETURNING Id";
            insert.Parameters.Remove(pId);
            for (var a = 0; a < loadAgents; a++)
            {
                pMessage.Value = openMessageId;
                pAgent.Value = agents[a].AgentId;
                pDue.Value = Utc(now.AddDays(3));
                pCreated.Value = Utc(now.AddHours(-1));
                openAssignments.Add(Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
            }
            await tx.CommitAsync(ct);
        }
        rows += assignments + loadAgents;

        // The reports, with explicit ids so snapshots can point at them, one transaction per chunk.
        await using (var insert = connection.CreateCommand())
        await using (var snapshot = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO ShareReports (Id, AssignmentId, AgentId, MessageId, UnitId, Platform, PostUrl, ClaimKey, LinkHandle,
                    PostedUtc, SubmittedUtc, SubmissionKey, State, DecisionReason, ReviewedByUserId, ReviewedUtc, CorrectionCount,
                    Flags, ScreenshotPath, ScreenshotContentType, ScreenshotSha256, FollowersAtSubmission, Version)
                VALUES ($id, $assignment, $agent, $message, $unit, 'X', $url, $claim, $handle,
                    $posted, $submitted, $key, $state, $reason, $reviewer, $reviewed, 0,
                    $flags, NULL, NULL, NULL, $followers, $version)
                """;
            var pId = insert.Parameters.Add("$id", SqliteType.Integer);
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
            var pState = insert.Parameters.Add("$state", SqliteType.Text);
            var pReason = insert.Parameters.Add("$reason", SqliteType.Text);
            var pReviewer = insert.Parameters.Add("$reviewer", SqliteType.Text);
            var pReviewed = insert.Parameters.Add("$reviewed", SqliteType.Text);
            var pFlags = insert.Parameters.Add("$flags", SqliteType.Integer);
            var pFollowers = insert.Parameters.Add("$followers", SqliteType.Integer);
            var pVersion = insert.Parameters.Add("$version", SqliteType.Integer);

            snapshot.CommandText = """
                INSERT INTO ReportSnapshots (ReportId, Source, Window, TakenUtc, Views, Reach, Likes, Comments, Reposts, Saves, CreatedByUserId, CreatedUtc)
                VALUES ($report, 'SelfReported', 'Hours24', $taken, $views, NULL, $likes, $comments, $reposts, NULL, $user, $taken)
                """;
            var sReport = snapshot.Parameters.Add("$report", SqliteType.Integer);
            var sTaken = snapshot.Parameters.Add("$taken", SqliteType.Text);
            var sViews = snapshot.Parameters.Add("$views", SqliteType.Integer);
            var sLikes = snapshot.Parameters.Add("$likes", SqliteType.Integer);
            var sComments = snapshot.Parameters.Add("$comments", SqliteType.Integer);
            var sReposts = snapshot.Parameters.Add("$reposts", SqliteType.Integer);
            var sUser = snapshot.Parameters.Add("$user", SqliteType.Text);

            var pendingFrom = reports - reports / 10;
            for (long start = 0; start < reports; start += Chunk)
            {
                ct.ThrowIfCancellationRequested();
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                insert.Transaction = tx;
                snapshot.Transaction = tx;
                await insert.PrepareAsync(ct);
                await snapshot.PrepareAsync(ct);
                var end = Math.Min(reports, start + Chunk);
                for (var i = start; i < end; i++)
                {
                    var j = i / 2;
                    var a = (int)(j % agents.Count);
                    var agent = agents[a];
                    var submitted = Submitted(i);
                    var status = (SeedStatusBase + i).ToString(CultureInfo.InvariantCulture);
                    pId.Value = i + 1;
                    pAssignment.Value = j + 1;
                    pAgent.Value = agent.AgentId;
                    pMessage.Value = messageIds[(int)(j / agents.Count)];
                    pUnit.Value = agent.UnitId is { } u ? u : DBNull.Value;
                    pUrl.Value = $"https://x.com/{agent.Handle}/status/{status}";
                    pClaim.Value = "x:status:" + status;
                    pHandle.Value = agent.Handle;
                    pPosted.Value = Utc(submitted.AddHours(-2));
                    pSubmitted.Value = Utc(submitted);
                    pKey.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                    var pending = i >= pendingFrom;
                    var rejected = !pending && i % 20 == 7;
                    pState.Value = pending ? "Pending" : rejected ? "Rejected" : "Verified";
                    pReason.Value = rejected ? "Tautan tidak menunjukkan kiriman pesan ini." : DBNull.Value;
                    pReviewer.Value = pending ? DBNull.Value : humas;
                    pReviewed.Value = pending ? DBNull.Value : Utc(submitted.AddDays(1));
                    pFlags.Value = i % 50 == 3 ? 4 : 0;
                    pFollowers.Value = followers[a];
                    pVersion.Value = pending ? 1 : 2;
                    insert.ExecuteNonQuery();
                    if (i % 4 == 0)
                    {
                        sReport.Value = i + 1;
                        sTaken.Value = Utc(submitted.AddMinutes(-5));
                        var views = random.Next(50, 20000);
                        sViews.Value = views;
                        sLikes.Value = views / 20;
                        sComments.Value = views / 200;
                        sReposts.Value = views / 100;
                        sUser.Value = agent.UserId;
                        snapshot.ExecuteNonQuery();
                        rows++;
                    }
                }
                await tx.CommitAsync(ct);
                rows += end - start;
                BenchOutput.Note($"  {end:N0} / {reports:N0} reports ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }
        // Sampled statistics: a full ANALYZE reads every index of millions of rows.
        await ExecAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=2000; ANALYZE;", ct);
        return new SeededReports(agents, openMessageId, openAssignments, humas, reports, rows, clock.Elapsed);
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
