using System.Globalization;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Data.Sqlite;

namespace AgentProgram.Benchmarks.Scenarios;

/// <param name="Answered">Posts the app answered with a report.</param>
/// <param name="Lost">Answered posts whose report is not stored under the post's claim key.</param>
/// <param name="Duplicates">Rows beyond one per claim key, plus rows for a claim the load never posted.</param>
public sealed record SoakReportCheck(long Answered, long Lost, long Duplicates, IReadOnlyList<string> Notes);

/// <param name="Sent">Clicks the app answered with the redirect.</param>
/// <param name="Lost">Redirected clicks with no stored row.</param>
/// <param name="Duplicates">Rows beyond one per click, plus rows that match no click the load made.</param>
public sealed record SoakClickCheck(long Sent, long Lost, long Duplicates, IReadOnlyList<string> Notes);

/// <summary>
/// What the soak was told against what the database holds, read with plain SQL after the load
/// (and after the click recorder drained). Reports are matched by claim key (the post link), which
/// the load made unique per post. Clicks are matched one by one: each carried a user agent of its
/// own, so its visitor hash (the app's secret, the loopback address, the local day) names it.
/// </summary>
public static class SoakReconciliation
{
    private const string Loopback = "127.0.0.1";

    public static async Task<long> LastClickIdAsync(SyntheticDatabase database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM LinkClicks";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static async Task<SoakReportCheck> CheckReportsAsync(SyntheticDatabase database, int openMessageId, IEnumerable<SoakPost> posts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(posts);
        var sent = posts.ToList();
        var rows = new List<(long Id, string? Claim, long Agent, string Key)>();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var select = connection.CreateCommand();
            // Only the load writes reports of the open message: the seeded history is on closed ones.
            select.CommandText = "SELECT Id, ClaimKey, AgentId, SubmissionKey FROM ShareReports WHERE MessageId = $message";
            select.Parameters.AddWithValue("$message", openMessageId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? "" : reader.GetString(3)));
        }

        var byClaim = rows.Where(r => r.Claim is not null).GroupBy(r => r.Claim!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList(), StringComparer.Ordinal);
        var sentClaims = sent.Select(p => p.ClaimKey).ToHashSet(StringComparer.Ordinal);
        var answered = sent.Where(p => p.ReportId is not null).ToList();
        var lost = answered.Count(p => !(byClaim.TryGetValue(p.ClaimKey, out var ids) && ids.Contains(p.ReportId!.Value)));
        var beyondOne = byClaim.Values.Sum(ids => (long)Math.Max(0, ids.Count - 1));
        var unknown = rows.Count(r => r.Claim is null || !sentClaims.Contains(r.Claim));
        var sameKey = rows.GroupBy(r => (r.Agent, r.Key.ToUpperInvariant())).Sum(g => (long)Math.Max(0, g.Count() - 1));
        var unanswered = sent.Where(p => p.ReportId is null).ToList();
        var storedUnanswered = unanswered.Count(p => byClaim.ContainsKey(p.ClaimKey));
        var notes = new List<string>
        {
            $"share reports: {sent.Count:N0} posted, {answered.Count:N0} answered with a report, {rows.Count:N0} stored for the open message; "
            + $"{unanswered.Count} posts got no report in answer ({storedUnanswered} of them stored anyway); {lost} answered but not stored; "
            + $"{beyondOne} rows beyond one per claim key, {unknown} rows for a claim never posted, {sameKey} rows beyond one per (agent, submission key)",
        };
        if (rows.Count > 0 && answered.Count > 0 && lost == answered.Count)
            notes.Add($"no answered report was found under its claim key: the app writes claim keys as e.g. '{rows[0].Claim}', the soak expected '{answered[0].ClaimKey}'");
        return new SoakReportCheck(answered.Count, lost, beyondOne + unknown, notes);
    }

    public static async Task<SoakClickCheck> CheckClicksAsync(SyntheticDatabase database, long afterClickId, IEnumerable<SoakClick> clicks, byte[] secret, Display display, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clicks);
        ArgumentNullException.ThrowIfNull(display);
        var sent = clicks.ToList();
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(display.ToLocal(utc));
        var byHash = new Dictionary<(int Link, string Hash), int>();
        for (var i = 0; i < sent.Count; i++)
        {
            var c = sent[i];
            // The app salts the hash with the local day of the click: either end of the request.
            foreach (var day in new[] { Day(c.SentUtc), Day(c.AnsweredUtc) }.Distinct())
                byHash[(c.LinkId, VisitorHash.Compute(Loopback, c.UserAgent, day, secret))] = i;
        }

        var counts = new int[sent.Count];
        long stored = 0, unknown = 0, bots = 0;
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT TrackedLinkId, VisitorHash, IsBot FROM LinkClicks WHERE Id > $after";
            select.Parameters.AddWithValue("$after", afterClickId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored++;
                if (reader.GetBoolean(2)) bots++;
                if (byHash.TryGetValue((reader.GetInt32(0), reader.GetString(1)), out var i)) counts[i]++;
                else unknown++;
            }
        }
        var redirected = sent.Count(c => c.Redirected);
        var lost = Enumerable.Range(0, sent.Count).Count(i => sent[i].Redirected && counts[i] == 0);
        var beyondOne = counts.Sum(n => (long)Math.Max(0, n - 1));
        var storedUnanswered = Enumerable.Range(0, sent.Count).Count(i => !sent[i].Redirected && counts[i] > 0);
        var notes = new List<string>
        {
            $"clicks: {sent.Count:N0} sent, {redirected:N0} redirected, {stored:N0} stored since the load began ({bots} flagged as bots); "
            + $"{lost} redirected but not stored, {beyondOne} rows beyond one per click, {unknown} rows matching no click, "
            + $"{sent.Count - redirected} not redirected ({storedUnanswered} of them stored anyway)",
        };
        return new SoakClickCheck(redirected, lost, beyondOne + unknown, notes);
    }

    /// <summary>Every decision the app confirmed must have left its report Verified.</summary>
    public static async Task<IReadOnlyList<string>> CheckDecisionsAsync(SyntheticDatabase database, IEnumerable<long> verified, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(verified);
        var ids = verified.ToList();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT State FROM ShareReports WHERE Id = $id";
        var pId = select.Parameters.Add("$id", SqliteType.Integer);
        await select.PrepareAsync(ct);
        var wrong = 0;
        foreach (var id in ids)
        {
            pId.Value = id;
            if (await select.ExecuteScalarAsync(ct) as string != "Verified") wrong++;
        }
        return [$"verify decisions: {ids.Count:N0} confirmed by the app, {wrong} of those reports not stored as Verified, {ids.Count - ids.Distinct().Count()} reports decided twice"];
    }
}
