using System.Diagnostics;
using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>A tracked link of an agent's open assignment (platform X), as seeded for the soak.</summary>
public sealed record SoakLink(int LinkId, string Token);

/// <summary>What <see cref="SoakData.AddSoakDataAsync"/> generated on top of <see cref="SyntheticReports"/>.</summary>
/// <param name="Reports">The agents, the share-report history and the open message assigned to every agent.</param>
/// <param name="Links">The X tracked link of each agent's open assignment, in agent order (same index as <see cref="SeededReports.Agents"/>).</param>
/// <param name="PendingReports">Ids of the pending seeded reports, oldest submitted first (the verification queue's order).</param>
/// <param name="HumasEmails">Humas accounts (the generator's and the extra ones).</param>
/// <param name="PimpinanEmails">Pimpinan accounts.</param>
public sealed record SoakSeed(SeededReports Reports, IReadOnlyList<SoakLink> Links, IReadOnlyList<long> PendingReports,
    IReadOnlyList<string> HumasEmails, IReadOnlyList<string> PimpinanEmails, string OpenMessageTitle, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// The soak's data set: <see cref="SyntheticReports.AddShareReportsAsync"/> with every agent a load
/// agent (account, employee, enrolment, verified X account, share-report history, an assignment of
/// the open message), plus what the generator leaves out and the soak needs: an approved revision
/// for the open message (the assignment page and the tracked links need one), the X tracked link of
/// every open assignment (so link follows spread over all agents), and more Humas and Pimpinan accounts.
/// </summary>
public static class SoakData
{
    public const string CanonicalUrl = "https://kominfo.kotauji.go.id/berita/pekan-imunisasi";

    private static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static async Task<SoakSeed> AddSoakDataAsync(this SyntheticDatabase database, int agents, long reports, int humasOfficers, int pimpinanOfficers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clock = Stopwatch.StartNew();
        var seed = await database.AddShareReportsAsync(reports, agents, ct);
        if (seed.OpenAssignments.Count != agents)
            throw new InvalidOperationException($"The generator assigned the open message to {seed.OpenAssignments.Count} agents, not {agents}.");
        var rows = seed.Rows;

        var humas = new List<string> { SyntheticReports.HumasEmail };
        for (var i = 2; i <= humasOfficers; i++)
        {
            var email = $"humas{i.ToString(CultureInfo.InvariantCulture)}@{SyntheticDatabase.EmailDomain}";
            await database.AddStaffUserAsync(email, Roles.Humas, ct);
            humas.Add(email);
        }
        var pimpinan = new List<string>();
        for (var i = 1; i <= pimpinanOfficers; i++)
        {
            var email = i == 1 ? $"pimpinan@{SyntheticDatabase.EmailDomain}" : $"pimpinan{i.ToString(CultureInfo.InvariantCulture)}@{SyntheticDatabase.EmailDomain}";
            await database.AddStaffUserAsync(email, Roles.Pimpinan, ct);
            pimpinan.Add(email);
        }
        rows += 2L * (humas.Count - 1 + pimpinan.Count);

        var now = DateTime.UtcNow;
        string title;
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            using var quiet = db.SuppressEntityAudit();
            var message = await db.PolicyMessages.SingleAsync(m => m.Id == seed.OpenMessageId, ct);
            var revision = new MessageRevision
            {
                MessageId = message.Id,
                Number = 1,
                KeyMessage = "Imunisasi gratis untuk anak usia 0–59 bulan di puskesmas dan posyandu terdekat.",
                PublicBenefit = "Anak terlindung dari campak, polio, dan difteri.",
                CanonicalUrl = CanonicalUrl,
                Hashtags = "#PIN2026 #AyoImunisasi",
                ChecklistSourcesVerified = true,
                ChecklistNoHoaxSlanderSara = true,
                ChecklistNoPartisanContent = true,
                CreatedByUserId = seed.HumasUserId,
                CreatedUtc = now.AddHours(-3),
                ApprovedByUserId = seed.HumasUserId,
                ApprovedUtc = now.AddHours(-2),
            };
            db.MessageRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            message.ApprovedRevisionId = revision.Id;
            message.CurrentRevisionId = revision.Id;
            await db.SaveChangesAsync(ct);
            title = message.Title;
        }
        rows++;

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var links = new List<SoakLink>(agents);
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO TrackedLinks (AssignmentId, Platform, Token, CreatedUtc, OpenedUtc) VALUES ($assignment, $platform, $token, $created, NULL) RETURNING Id";
            var pAssignment = insert.Parameters.Add("$assignment", SqliteType.Integer);
            var pToken = insert.Parameters.Add("$token", SqliteType.Text);
            insert.Parameters.AddWithValue("$platform", nameof(Platform.X));
            insert.Parameters.AddWithValue("$created", Utc(now.AddMinutes(-50)));
            await insert.PrepareAsync(ct);
            foreach (var assignment in seed.OpenAssignments)
            {
                var token = TrackedLinkToken.New();
                pAssignment.Value = assignment;
                pToken.Value = token;
                // Synchronous on purpose, as in the other generators.
                links.Add(new SoakLink(Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture), token));
            }
            await tx.CommitAsync(ct);
        }
        rows += links.Count;

        var pending = new List<long>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT Id FROM ShareReports WHERE State = 'Pending' ORDER BY SubmittedUtc, Id";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) pending.Add(reader.GetInt64(0));
        }
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "PRAGMA analysis_limit=2000; ANALYZE;";
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return new SoakSeed(seed, links, pending, humas, pimpinan, title, rows, clock.Elapsed);
    }

    /// <summary>When the app's first aggregate build finished (it starts on its own at start-up), or null while it has not.</summary>
    public static async Task<DateTime?> AggregatesBuiltAsync(this SyntheticDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT LastFullRebuildUtc FROM AggRefreshState";
        return await command.ExecuteScalarAsync(ct) is string text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;
    }
}
