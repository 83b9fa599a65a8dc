using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Benchmarks.Infrastructure;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

/// <summary>
/// Assigning one published message to every agent in one action, as Humas does it: sign in through
/// the form, open /pesan/{id}/tugaskan, post "all agents" with a due date (the preview: how many it
/// will reach), then post it again confirmed and time that request end to end through Kestrel.
/// Afterwards the database must hold exactly one assignment and one notification per agent. The same
/// confirmed post is then sent once more: it must create nothing and say so.
/// </summary>
public sealed partial class AssignScenario : IScenario
{
    private const string HumasEmail = "humas@" + SyntheticDatabase.EmailDomain;
    private const string AlreadyAssigned = "Semua agen pada sasaran ini sudah menerima pesan ini.";

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public string Description => "One message assigned to every agent in one confirmed POST (assignments and notifications), then the same POST again.";

    public IReadOnlyList<BenchOption> Options { get; } =
    [
        new("agents", "80000", "active, eligible agents to generate (each with an account, an employee and an enrolment)"),
    ];

    public async Task RunAsync(string name, BenchArgs args, BenchOutput output, CancellationToken ct)
    {
        var agents = args.GetInt32("agents", min: 1);

        await using var database = await SyntheticDatabase.CreateAsync(ct);
        BenchOutput.Note($"seeding {agents} agents (account, employee, enrolment) in a unit tree, one Humas account and one published message");
        var seedClock = Stopwatch.StartNew();
        var accounts = await database.AddAgentsAsync(agents, ct);
        var units = await database.AddUnitTreeAsync(ct: ct);
        var enrolled = await database.EnrolAgentsAsync(units, ct);
        await database.AddStaffUserAsync(HumasEmail, Roles.Humas, ct);
        var messageId = await SeedMessageAsync(database, ct);
        var seedElapsed = seedClock.Elapsed;
        output.Print($"{name}.seed", "seconds", seedElapsed.TotalSeconds);
        output.Print($"{name}.seed", "rows_per_s", (accounts.Rows + enrolled.Rows + units.Length + 1) / seedElapsed.TotalSeconds);

        await using var app = new BenchApp(database);
        var baseUrl = app.Start();
        BenchOutput.Note($"app listening on {baseUrl}");
        var display = app.Services.GetRequiredService<Display>();

        var session = await SessionCookie.SignInAsync(baseUrl, HumasEmail, SyntheticDatabase.Password, ct);
        var cookies = new CookieContainer();
        foreach (var pair in session.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            cookies.Add(baseUrl, new Cookie(pair[..eq], pair[(eq + 1)..]));
        }
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(10),
        };

        var path = $"/pesan/{messageId.ToString(CultureInfo.InvariantCulture)}/tugaskan";
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = TokenPattern().Match(html);
        if (page.StatusCode != HttpStatusCode.OK || !token.Success)
            throw new InvalidOperationException($"GET {path} answered {(int)page.StatusCode} {page.Headers.Location} without an assign form; not benchmarking the wrong page.");
        var antiforgery = WebUtility.HtmlDecode(token.Groups[1].Value);

        // Due in three days, as the form posts it: local time of the institution, to the minute.
        var due = display.ToLocal(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        FormUrlEncodedContent Form(bool confirmed)
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("AllAgents", "true"),
                new("IncludeSubUnits", "true"),
                new("IncludeSubUnits", "false"),
                new("AgentNips", ""),
                new("Due", due),
                new("__af", antiforgery),
            };
            if (confirmed) fields.Add(new("Confirmed", "true"));
            return new FormUrlEncodedContent(fields);
        }

        // The preview (the first post of the form): resolves the same targets without writing. It is
        // also the warm-up, so the timed post does not pay for the JIT of the query path.
        var previewClock = Stopwatch.StartNew();
        using (var body = Form(confirmed: false))
        using (var preview = await client.PostAsync(new Uri(path, UriKind.Relative), body, ct))
        {
            var text = await preview.Content.ReadAsStringAsync(ct);
            previewClock.Stop();
            if (preview.StatusCode != HttpStatusCode.OK || !text.Contains("confirm-assign", StringComparison.Ordinal))
                throw new InvalidOperationException($"The preview post answered {(int)preview.StatusCode} {preview.Headers.Location} without the confirm button.");
        }
        output.Print($"{name}.preview", "seconds", previewClock.Elapsed.TotalSeconds);
        await ExpectCountsAsync(database, messageId, 0, ct);

        BenchOutput.Note($"assigning message {messageId} to all {agents} agents (due {due})");
        HttpStatusCode status;
        string? location;
        TimeSpan elapsed;
        double peakMb;
        using (var peak = new PeakMemory())
        {
            if (!peak.KernelPeakReset) BenchOutput.Note("could not reset the kernel's peak RSS: peak_mb includes the seeding");
            var clock = Stopwatch.StartNew();
            using var body = Form(confirmed: true);
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            elapsed = clock.Elapsed;
            peakMb = peak.PeakMegabytes;
            status = response.StatusCode;
            location = response.Headers.Location?.OriginalString;
        }
        if (status != HttpStatusCode.Redirect || location != $"/pesan/{messageId.ToString(CultureInfo.InvariantCulture)}")
            throw new InvalidOperationException($"The confirmed post answered {(int)status} {location}; expected a redirect to /pesan/{messageId}.");
        await ExpectCountsAsync(database, messageId, agents, ct);
        output.Print(name, "seconds", elapsed.TotalSeconds);
        output.Print(name, "rows_per_s", 2.0 * agents / elapsed.TotalSeconds);
        output.Print(name, "peak_mb", peakMb);

        // The same targets again: nothing to create, answered with the form and a message saying so.
        var repeatClock = Stopwatch.StartNew();
        using (var body = Form(confirmed: true))
        using (var repeat = await client.PostAsync(new Uri(path, UriKind.Relative), body, ct))
        {
            var text = await repeat.Content.ReadAsStringAsync(ct);
            repeatClock.Stop();
            if (repeat.StatusCode != HttpStatusCode.OK || !text.Contains(AlreadyAssigned, StringComparison.Ordinal))
                throw new InvalidOperationException($"The repeated post answered {(int)repeat.StatusCode} {repeat.Headers.Location} without \"{AlreadyAssigned}\".");
        }
        await ExpectCountsAsync(database, messageId, agents, ct);
        output.Print($"{name}.repeat", "seconds", repeatClock.Elapsed.TotalSeconds);
    }

    /// <summary>A published message with an approved revision, active from an hour ago for seven days.</summary>
    private static async Task<int> SeedMessageAsync(SyntheticDatabase database, CancellationToken ct)
    {
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);
        using var quiet = db.SuppressEntityAudit();
        var now = DateTime.UtcNow;
        var message = new PolicyMessage
        {
            Title = "Pekan Imunisasi Nasional",
            PolicyReference = "Inpres 9/2015",
            Source = MessageSource.OwnUnit,
            Mission = MissionTag.Transparansi,
            AuthorUserId = "bench",
            Status = MessageStatus.Published,
            ActiveFromUtc = now.AddHours(-1),
            ActiveUntilUtc = now.AddDays(7),
            CreatedUtc = now,
            PublishedUtc = now,
        };
        db.PolicyMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var revision = new MessageRevision
        {
            MessageId = message.Id, Number = 1, KeyMessage = "Imunisasi gratis di puskesmas.", CanonicalUrl = "https://kominfo.kotauji.go.id/berita/pekan-imunisasi",
            ChecklistSourcesVerified = true, ChecklistNoHoaxSlanderSara = true, ChecklistNoPartisanContent = true,
            CreatedByUserId = "bench", CreatedUtc = now, ApprovedByUserId = "bench", ApprovedUtc = now,
        };
        db.MessageRevisions.Add(revision);
        await db.SaveChangesAsync(ct);
        message.ApprovedRevisionId = revision.Id;
        message.CurrentRevisionId = revision.Id;
        await db.SaveChangesAsync(ct);
        return message.Id;
    }

    /// <summary>Exactly <paramref name="expected"/> assignments of the message (one per distinct agent) and as many new-assignment notifications (one per distinct user).</summary>
    private static async Task ExpectCountsAsync(SyntheticDatabase database, int messageId, long expected, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL; the only value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Parameters.AddWithValue("$message", messageId);
            command.Parameters.AddWithValue("$kind", nameof(NotificationKind.NewAssignment));
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        var assignments = await CountAsync("SELECT COUNT(*) FROM Assignments WHERE MessageId = $message");
        var assignedAgents = await CountAsync("SELECT COUNT(DISTINCT AgentId) FROM Assignments WHERE MessageId = $message");
        var notifications = await CountAsync("SELECT COUNT(*) FROM Notifications WHERE Kind = $kind");
        var notifiedUsers = await CountAsync("SELECT COUNT(DISTINCT n.UserId) FROM Notifications n JOIN Agents a ON a.UserId = n.UserId WHERE n.Kind = $kind");
        BenchOutput.Note($"message {messageId}: {assignments} assignments ({assignedAgents} agents), {notifications} notifications ({notifiedUsers} agents)");
        if (assignments != expected || assignedAgents != expected || notifications != expected || notifiedUsers != expected)
            throw new InvalidOperationException($"Expected {expected} assignments and {expected} notifications, one per agent; found {assignments} assignments for {assignedAgents} agents and {notifications} notifications for {notifiedUsers} agents.");
    }
}
