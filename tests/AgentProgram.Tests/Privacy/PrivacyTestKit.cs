using System.Globalization;
using AgentProgram.Tests.Features.Agents;
using AgentProgram.Tests.Features.RewardPeriods;
using AgentProgram.Tests.Features.ShareVerification;
using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Privacy;

/// <summary>The retention settings these tests are written against (not the shipped defaults, so a change there does not move them).</summary>
public sealed class PrivacyAppFactory : AppFactory
{
    /// <summary>The security stamp is checked on every request (the app: every five minutes), so an erased agent's session ends at once.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Privacy:RetentionMonths"] = "24",
        ["Privacy:ScreenshotRetentionMonths"] = "12",
    };
}

/// <summary>An agent with everything personal the purge must remove, and the ids to check afterwards.</summary>
public sealed record FullAgent(SeededAgent Agent, string Handle1, string Handle2, List<long> ReportIds, string ScreenshotFile, long ResponseId, string ResponseText, int ConductId, int LinkId);

public static class PrivacyTestKit
{
    private static int _counter;

    /// <summary>
    /// An agent in <paramref name="unitId"/> with two social accounts, three reports on <paramref name="messageId"/>
    /// (two verified with 100 and 250 views, one rejected with a reason), a screenshot file on the first, one public
    /// question on it, a conduct note, a notification, and a tracked link with three clicks.
    /// </summary>
    public static async Task<FullAgent> SeedFullAgentAsync(AppFactory app, string name, int unitId, int messageId, Action<Agent>? shape = null)
    {
        var n = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var agent = await app.SeedAgentAsync(name, employee: e => e.UnitId = unitId, agent: shape);
        var h1 = "rahasia.ig" + n;
        var h2 = "rahasia_x" + n;
        await app.SeedAccountAsync(agent.AgentId, Platform.Instagram, h1, VerificationState.Verified);
        await app.SeedAccountAsync(agent.AgentId, Platform.X, h2, VerificationState.Rejected);

        StoredFile shot = null!;
        await app.WithServices(async sp =>
            shot = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, (byte)(_counter % 250)]), "png"));

        var reports = await ReportSeed.ManyAsync(app, agent.AgentId, messageId, 3, i => new ReportSeed.ReportSpec
        {
            UnitId = unitId,
            State = i < 2 ? ReportState.Verified : ReportState.Rejected,
            ScreenshotPath = i == 0 ? shot.RelativePath : null,
            ScreenshotSha256 = i == 0 ? shot.Sha256 : null,
            Snapshots = i < 2 ? [(MetricSource.SelfReported, SnapshotWindow.Hours24, 24, i == 0 ? 100 : 250, 5)] : [],
        });
        var text = $"Pak {name}, kapan vaksin dibuka? Hubungi saya di 0812-0000-{n}";
        var (responseId, conductId, linkId) = await app.WithDb(async db =>
        {
            var response = new PublicResponse
            {
                ReportId = reports[0].Id, MessageId = messageId, AgentId = agent.AgentId, Text = text, Kind = ResponseKind.Question,
                Sentiment = Sentiment.Neutral, Status = ResponseStatus.Answered, RecordedUtc = DateTime.UtcNow.AddDays(-3),
                ResolvedUtc = DateTime.UtcNow.AddDays(-3).AddHours(2), ResolutionNote = "Dijawab lewat DM kepada " + name,
            };
            db.PublicResponses.Add(response);
            var conduct = new ConductRecord
            {
                AgentId = agent.AgentId, Kind = ConductKind.Neutrality, StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 1, 31),
                Note = "Menyukai unggahan calon, laporan warga atas nama " + name, RecordedUtc = DateTime.UtcNow.AddMonths(-40),
            };
            db.ConductRecords.Add(conduct);
            db.Notifications.Add(new Notification { UserId = agent.UserId, Kind = NotificationKind.ReportRejected, Text = "Tautan tidak bisa dibuka", CreatedUtc = DateTime.UtcNow });
            var assignmentId = await db.Assignments.Where(a => a.AgentId == agent.AgentId && a.MessageId == messageId).Select(a => a.Id).SingleAsync();
            var link = new TrackedLink { AssignmentId = assignmentId, Platform = Platform.Instagram, Token = "tok" + n + "xyz", CreatedUtc = DateTime.UtcNow };
            db.TrackedLinks.Add(link);
            await db.SaveChangesAsync();
            for (var i = 0; i < 3; i++)
                db.LinkClicks.Add(new LinkClick { TrackedLinkId = link.Id, OccurredUtc = DateTime.UtcNow.AddHours(-i), VisitorHash = $"v{n}-{i}" });
            await db.SaveChangesAsync();
            return (response.Id, conduct.Id, link.Id);
        });
        return new FullAgent(agent, h1, h2, reports.Select(r => r.Id).ToList(), shot.RelativePath, responseId, text, conductId, linkId);
    }

    public static string MediaPath(AppFactory app, string relative) => Path.Combine(app.DataPath, "media", relative);

    public static Task SetEndedAsync(AppFactory app, int agentId, DateTime endedUtc) => app.WithDb(db =>
        db.Agents.Where(a => a.Id == agentId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AgentStatus.Ended).SetProperty(a => a.StatusChangedUtc, endedUtc)
            .SetProperty(a => a.StatusReason, "Pensiun")));

    /// <summary>
    /// Every counted figure, computed here with plain queries (not the app's reports): reports per message, unit and
    /// state; views per unit; responses per kind and status; clicks per link; reward runs and results.
    /// </summary>
    public static Task<List<string>> AggregatesAsync(AppFactory app) => app.WithDb(async db =>
    {
        var lines = new List<string>();
        lines.AddRange((await db.ShareReports.GroupBy(r => new { r.MessageId, r.UnitId, r.State }).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
            .Select(x => $"reports m{x.Key.MessageId} u{x.Key.UnitId} {x.Key.State}: {x.N}").Order());
        lines.AddRange((await (from s in db.ReportSnapshots join r in db.ShareReports on s.ReportId equals r.Id group s by r.UnitId into g select new { g.Key, Views = g.Sum(x => x.Views) }).ToListAsync())
            .Select(x => $"views u{x.Key}: {x.Views}").Order());
        lines.AddRange((await db.PublicResponses.GroupBy(p => new { p.Kind, p.Status }).Select(g => new { g.Key, N = g.Count() }).ToListAsync())
            .Select(x => $"responses {x.Key.Kind} {x.Key.Status}: {x.N}").Order());
        lines.AddRange((await db.LinkClicks.GroupBy(c => c.TrackedLinkId).Select(g => new { g.Key, N = g.Count(), Unique = g.Select(c => c.VisitorHash).Distinct().Count() }).ToListAsync())
            .Select(x => $"clicks l{x.Key}: {x.N} ({x.Unique} unique)").Order());
        lines.AddRange((await db.RewardRuns.AsNoTracking().ToListAsync())
            .Select(r => $"run {r.Id}: agents {r.Agents}, eligible {r.Eligible}, incentives {r.IncentiveTotal}, shares {r.CountedShares}, hash {r.ResultHash}").Order());
        lines.AddRange((await db.RewardResults.AsNoTracking().ToListAsync())
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"result a{r.AgentId} u{r.UnitId}: rank {r.Rank}, score {r.Score}, incentive {r.IncentiveAmount}")).Order());
        lines.Add($"agents {await db.Agents.CountAsync()}, employees {await db.Employees.CountAsync()}, reports {await db.ShareReports.CountAsync()}, snapshots {await db.ReportSnapshots.CountAsync()}");
        return lines;
    });

    public static async Task<int> RewardRunAsync(AppFactory app, params (int AgentId, int UnitId, int Rank, decimal Score, long Incentive)[] results)
    {
        var scheme = await PeriodSeed.SchemeAsync(app);
        var period = await PeriodSeed.PeriodAsync(app, scheme.SchemeId);
        var run = await PeriodSeed.RunAsync(app, period.Id, scheme.VersionId,
            results.Select(r => PeriodSeed.Result(r.AgentId, r.Rank, r.Score, r.UnitId, incentive: r.Incentive)).ToList(), PeriodState.Approved);
        return run.Id;
    }

    public static Task<int> UnitAsync(AppFactory app, string name) => TrackedLinkSeed.UnitAsync(app, name);

    public static Task<int> MessageAsync(AppFactory app, string title) => TrackedLinkSeed.MessageAsync(app, title);

    public static Task<T> Db<T>(AppFactory app, Func<AppDbContext, Task<T>> work) => app.WithDb(work);
}
