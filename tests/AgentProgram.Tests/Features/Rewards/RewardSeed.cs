using AgentProgram.Tests.Features.TrackedLinks;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Rewards;

/// <summary>Reward schemes, periods, messages, assignments and reports written straight to the database.</summary>
public static class RewardSeed
{
    public static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>A scheme with one approved version holding <paramref name="rules"/>.</summary>
    public static Task<int> SchemeAsync(AppFactory app, RewardRules rules, string name = "Skema Uji") => app.WithDb(async db =>
    {
        var scheme = new RewardScheme { Name = name, CreatedUtc = DateTime.UtcNow };
        db.RewardSchemes.Add(scheme);
        await db.SaveChangesAsync();
        db.RewardSchemeVersions.Add(new RewardSchemeVersion
        {
            SchemeId = scheme.Id, Number = 1, State = SchemeVersionState.Approved, RulesJson = rules.ToJson(),
            CreatedUtc = DateTime.UtcNow, ApprovedUtc = DateTime.UtcNow, ApprovedByUserId = "seed",
        });
        await db.SaveChangesAsync();
        return scheme.Id;
    });

    public static Task<RewardPeriod> PeriodAsync(AppFactory app, int schemeId, string name, DateOnly start, DateOnly end,
        PeriodState state = PeriodState.Open) => app.WithDb(async db =>
    {
        var period = new RewardPeriod { Name = name, Kind = PeriodKind.Custom, StartDate = start, EndDate = end, SchemeId = schemeId, State = state, CreatedUtc = DateTime.UtcNow };
        db.RewardPeriods.Add(period);
        await db.SaveChangesAsync();
        return period;
    });

    public static Task<int> MessageAsync(AppFactory app, string title, MissionTag mission, DateTime publishedUtc, int activeDays = 10) => app.WithDb(async db =>
    {
        var m = new PolicyMessage
        {
            Title = title, PolicyReference = "Inpres 9/2015", AuthorUserId = "seed", Status = MessageStatus.Published, Mission = mission,
            ActiveFromUtc = publishedUtc, ActiveUntilUtc = publishedUtc.AddDays(activeDays), CreatedUtc = publishedUtc, PublishedUtc = publishedUtc,
        };
        db.PolicyMessages.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    });

    public static Task<int> AssignAsync(AppFactory app, int messageId, int agentId) => app.WithDb(async db =>
    {
        var a = new Assignment { MessageId = messageId, AgentId = agentId, DueUtc = DateTime.UtcNow.AddDays(3), CreatedUtc = DateTime.UtcNow };
        db.Assignments.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });

    private static long _post = 1_000;

    /// <summary>A report of <paramref name="assignmentId"/> with snapshots (source, views, likes, comments, reposts), unique claim key.</summary>
    public static Task<long> ReportAsync(AppFactory app, int assignmentId, DateTime postedUtc, ReportState state = ReportState.Verified,
        Platform platform = Platform.X, int corrections = 0, IReadOnlyList<(MetricSource Source, long? Views, long? Likes, long? Comments, long? Reposts)>? snapshots = null) =>
        app.WithDb(async db =>
        {
            var a = await db.Assignments.FindAsync(assignmentId) ?? throw new InvalidOperationException("no assignment");
            var n = Interlocked.Increment(ref _post);
            var r = new ShareReport
            {
                AssignmentId = assignmentId, AgentId = a.AgentId, MessageId = a.MessageId, Platform = platform,
                PostUrl = $"https://x.com/uji/status/{n}", ClaimKey = $"x:{n}", PostedUtc = postedUtc, SubmittedUtc = postedUtc.AddHours(1),
                SubmissionKey = Guid.NewGuid(), State = state, CorrectionCount = corrections,
            };
            foreach (var (source, views, likes, comments, reposts) in snapshots ?? [])
                r.Snapshots.Add(new ReportSnapshot
                {
                    Source = source, Window = SnapshotWindow.Hours24, TakenUtc = postedUtc.AddHours(24), CreatedUtc = postedUtc.AddHours(24),
                    Views = views, Likes = likes, Comments = comments, Reposts = reposts,
                });
            db.ShareReports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    /// <summary>Presses "Hitung" as user "uji", through the real service in a scope of its own.</summary>
    public static async Task<CalculationOutcome> CalculateAsync(AppFactory app, int periodId, int version)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RewardCalculationService>().CalculateAsync(periodId, version, "uji");
    }

    /// <summary>A PNS agent enrolled at the start of 2026 (so before every period the tests use).</summary>
    public static async Task<TrackedLinkSeed.SeededAgent> AgentAsync(AppFactory app, string name, int? unitId = null)
    {
        var agent = await TrackedLinkSeed.AgentAsync(app, name, unitId);
        await app.WithDb(async db =>
        {
            var a = await db.Agents.Include(x => x.Employee).SingleAsync(x => x.Id == agent.AgentId);
            a.Employee.EmploymentType = AgentProgram.Web.Domain.Employees.EmploymentType.Pns;
            a.EnrolledUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
            return 0;
        });
        return agent;
    }
}
