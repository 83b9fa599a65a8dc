using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.ShareVerification;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Privacy;
using AgentProgram.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Privacy;

/// <summary>
/// The retention purge (RetentionMonths 24, ScreenshotRetentionMonths 12): an agent ended 30 months ago loses every
/// personal value, one ended 12 months ago and an active one keep everything, old screenshots of reviewed reports go for
/// everyone, and every counted figure is the same before and after.
/// </summary>
public sealed class PurgeTests(PrivacyAppFactory app) : IClassFixture<PrivacyAppFactory>
{
    private Task<PurgeSummary> PurgeAsync(bool dryRun) => app.WithDbServices(sp => sp.GetRequiredService<PersonalDataService>().PurgeAsync(dryRun));

    [Fact]
    public async Task Purge_erases_agents_ended_before_the_cutoff_keeps_the_rest_and_every_figure()
    {
        var unit = await PrivacyTestKit.UnitAsync(app, "Dinas Purge");
        var message = await PrivacyTestKit.MessageAsync(app, "Vaksin gratis untuk lansia");
        var old = await PrivacyTestKit.SeedFullAgentAsync(app, "Sri Lama", unit, message);
        var recent = await PrivacyTestKit.SeedFullAgentAsync(app, "Budi Baru", unit, message);
        var active = await PrivacyTestKit.SeedFullAgentAsync(app, "Citra Aktif", unit, message);
        await PrivacyTestKit.SetEndedAsync(app, old.Agent.AgentId, DateTime.UtcNow.AddMonths(-30));
        await PrivacyTestKit.SetEndedAsync(app, recent.Agent.AgentId, DateTime.UtcNow.AddMonths(-12));
        await PrivacyTestKit.RewardRunAsync(app, (old.Agent.AgentId, unit, 1, 40m, 500_000), (active.Agent.AgentId, unit, 2, 25m, 250_000));

        // The active agent also has reviewed reports 14 and 2 months old with screenshots, and a pending one 14 months old.
        var shots = new List<string>();
        await app.WithServices(async sp =>
        {
            var store = sp.GetRequiredService<IFileStore>();
            for (var i = 0; i < 3; i++) shots.Add((await store.SaveAsync(new MemoryStream([9, 9, (byte)i]), "jpg")).RelativePath);
        });
        var extra = await ReportSeed.ManyAsync(app, active.Agent.AgentId, message, 3, i => new ReportSeed.ReportSpec
        {
            UnitId = unit, State = i == 2 ? ReportState.Pending : ReportState.Verified, ScreenshotPath = shots[i], ScreenshotSha256 = new string('a', 64),
            SubmittedUtc = i == 1 ? DateTime.UtcNow.AddMonths(-2) : DateTime.UtcNow.AddMonths(-14),
        });

        var before = await PrivacyTestKit.AggregatesAsync(app);
        // Worked out by hand: 3 agents × 2 verified + 2 more verified for the active one = 8 verified, 3 rejected, 1 pending;
        // views 3 × (100 + 250); 3 answered questions; 3 clicks on each link; the run's two results.
        Assert.Contains($"reports m{message} u{unit} Verified: 8", before);
        Assert.Contains($"reports m{message} u{unit} Rejected: 3", before);
        Assert.Contains($"reports m{message} u{unit} Pending: 1", before);
        Assert.Contains($"views u{unit}: 1050", before);
        Assert.Contains("responses Question Answered: 3", before);
        Assert.Contains($"clicks l{old.LinkId}: 3 (3 unique)", before);
        Assert.Contains($"result a{old.Agent.AgentId} u{unit}: rank 1, score 40.0, incentive 500000", before);
        Assert.Contains(before, l => l.StartsWith("run ", StringComparison.Ordinal) && l.Contains("agents 2, eligible 2, incentives 750000", StringComparison.Ordinal));

        // A dry run counts what would go and changes nothing.
        var dry = await PurgeAsync(dryRun: true);
        Assert.True(dry.DryRun);
        Assert.Equal(1, dry.Agents);
        Assert.Equal(2, dry.Counts.SocialAccounts);
        Assert.Equal(3, dry.Counts.Reports);
        Assert.Equal(1, dry.Counts.Screenshots);
        Assert.Equal(1, dry.Counts.PublicResponses);
        Assert.Equal(1, dry.Counts.ConductRecords);
        Assert.Equal(1, dry.Counts.Notifications);
        Assert.Equal(1, dry.OldScreenshots);
        Assert.True(File.Exists(PrivacyTestKit.MediaPath(app, old.ScreenshotFile)));
        Assert.Equal(2, await app.WithDb(db => db.SocialAccounts.CountAsync(s => s.AgentId == old.Agent.AgentId)));

        var done = await PurgeAsync(dryRun: false);
        Assert.False(done.DryRun);
        Assert.Equal((1, 2, 3, 1, 1, 1, 1), (done.Agents, done.Counts.SocialAccounts, done.Counts.Reports, done.Counts.Screenshots, done.Counts.PublicResponses, done.Counts.ConductRecords, done.Counts.Notifications));
        Assert.Equal(1, done.OldScreenshots);
        Assert.True(done.Counts.AuditEntries >= 5, $"audit entries redacted: {done.Counts.AuditEntries}");

        // The old agent: nothing personal left.
        await app.WithDb(async db =>
        {
            var agent = await db.Agents.AsNoTracking().SingleAsync(a => a.Id == old.Agent.AgentId);
            Assert.Equal(AgentStatus.Ended, agent.Status);
            Assert.Equal(ErasureTexts.RetentionReason, agent.StatusReason);
            Assert.Equal(0, await db.SocialAccounts.CountAsync(s => s.AgentId == old.Agent.AgentId));
            var reports = await db.ShareReports.AsNoTracking().Where(r => r.AgentId == old.Agent.AgentId).ToListAsync();
            Assert.Equal(3, reports.Count);
            Assert.All(reports, r => Assert.True(r.PostUrl is null && r.ClaimKey is null && r.LinkHandle is null && r.ScreenshotPath is null
                                                 && r.ScreenshotSha256 is null && r.DecisionReason is null));
            var response = await db.PublicResponses.AsNoTracking().SingleAsync(p => p.Id == old.ResponseId);
            Assert.Equal(ErasureTexts.Erased, response.Text);
            Assert.Null(response.ResolutionNote);
            Assert.Equal(ErasureTexts.Erased, (await db.ConductRecords.AsNoTracking().SingleAsync(c => c.Id == old.ConductId)).Note);
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.UserId == old.Agent.UserId));
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == old.Agent.UserId);
            Assert.Equal($"agen-{old.Agent.AgentId}@dihapus.invalid", user.Email);
            Assert.Null(user.PasswordHash);
            Assert.False(user.IsActive);
            Assert.Equal(0, await db.UserRoles.CountAsync(r => r.UserId == old.Agent.UserId));

            // The trail keeps its entries but no removed value, and says what was done without naming anyone.
            // (The employee record, and so its own entries, stay: HR's master data.)
            var trail = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType != "Employee").Select(e => e.Changes ?? "").ToListAsync();
            foreach (var secret in new[] { old.Handle1, old.Handle2, old.ResponseText, "Sri Lama", old.Agent.Email })
                Assert.DoesNotContain(trail, c => c.Contains(secret, StringComparison.Ordinal));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.UserName == old.Agent.Email));
            var erased = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == PrivacyAuditActions.PersonalDataErased);
            Assert.Equal(old.Agent.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), erased.EntityKey);
            Assert.Contains("\"mode\":\"retention\"", erased.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(old.Agent.Nip, erased.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(old.Handle1, erased.Changes, StringComparison.Ordinal);
            return 0;
        });
        Assert.False(File.Exists(PrivacyTestKit.MediaPath(app, old.ScreenshotFile)));

        // Ended 12 months ago and active: untouched (apart from the active agent's 14-month-old reviewed screenshot).
        foreach (var kept in new[] { recent, active })
        {
            await app.WithDb(async db =>
            {
                Assert.Equal(2, await db.SocialAccounts.CountAsync(s => s.AgentId == kept.Agent.AgentId));
                Assert.Equal(3, await db.ShareReports.CountAsync(r => kept.ReportIds.Contains(r.Id) && r.PostUrl != null && r.ClaimKey != null));
                Assert.Equal(kept.ResponseText, (await db.PublicResponses.AsNoTracking().SingleAsync(p => p.Id == kept.ResponseId)).Text);
                Assert.Equal(kept.Agent.Email, await db.Users.Where(u => u.Id == kept.Agent.UserId).Select(u => u.Email).SingleAsync());
                Assert.NotNull(await db.ShareReports.Where(r => r.Id == kept.ReportIds[0]).Select(r => r.ScreenshotPath).SingleAsync());
                return 0;
            });
            Assert.True(File.Exists(PrivacyTestKit.MediaPath(app, kept.ScreenshotFile)));
        }
        Assert.False(File.Exists(PrivacyTestKit.MediaPath(app, shots[0])));
        Assert.True(File.Exists(PrivacyTestKit.MediaPath(app, shots[1])));
        Assert.True(File.Exists(PrivacyTestKit.MediaPath(app, shots[2])));
        var paths = await app.WithDb(db => db.ShareReports.Where(r => extra.Select(x => x.Id).Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.ScreenshotPath).ToListAsync());
        Assert.Equal(new string?[] { null, shots[1], shots[2] }, paths);

        // Every figure is what it was.
        Assert.Equal(before, await PrivacyTestKit.AggregatesAsync(app));

        // Idempotent: nothing more to do, no second audit entry.
        var again = await PurgeAsync(dryRun: false);
        Assert.Equal(0, again.Agents);
        Assert.Equal(ErasureCounts.Zero, again.Counts);
        Assert.Equal(0, again.OldScreenshots);
        Assert.Equal(1, await app.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == PrivacyAuditActions.PersonalDataErased)));
        Assert.Equal(before, await PrivacyTestKit.AggregatesAsync(app));

        // The erased agent can no longer sign in.
        var client = app.Client();
        var signIn = await client.SignInAsync(old.Agent.Email, AppFactory.Password);
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public void Audit_redaction_replaces_personal_values_and_leaves_the_rest()
    {
        var redacted = PersonalDataService.Redact("""{"Handle":{"new":"siti.ig"},"Followers":{"old":10,"new":12},"PostUrl":{"old":null,"new":"https://x.com/a/status/1"}}""");
        Assert.Equal("""{"Handle":{"new":"[dihapus]"},"Followers":{"old":10,"new":12},"PostUrl":{"old":null,"new":"[dihapus]"}}""", redacted);
        Assert.Null(PersonalDataService.Redact("""{"Followers":{"old":10,"new":12}}"""));
        Assert.Null(PersonalDataService.Redact("""{"Handle":{"new":"[dihapus]"}}"""));
        Assert.Null(PersonalDataService.Redact("not json"));
        // A verification decision's reason (free text about the agent's post) goes too; the states stay.
        Assert.Equal("""{"from":"Pending","to":"Rejected","reason":"[dihapus]"}""",
            PersonalDataService.Redact("""{"from":"Pending","to":"Rejected","reason":"Akun milik Siti, bukan tautan asli"}"""));
        Assert.Null(PersonalDataService.Redact("""{"from":"Pending","to":"Rejected","reason":"[dihapus]"}"""));
    }
}

internal static class PrivacyAppExtensions
{
    public static async Task<T> WithDbServices<T>(this AppFactory app, Func<IServiceProvider, Task<T>> work)
    {
        T result = default!;
        await app.WithServices(async sp => result = await work(sp));
        return result;
    }
}
