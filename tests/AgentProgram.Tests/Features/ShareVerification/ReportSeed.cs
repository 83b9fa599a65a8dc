using System.Globalization;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.ShareVerification;

/// <summary>Share reports written straight to the database, with their assignment, snapshots and flags.</summary>
public static class ReportSeed
{
    private static int _counter;

    public sealed record ReportSpec
    {
        public Platform Platform { get; init; } = Platform.Instagram;
        public DateTime? SubmittedUtc { get; init; }
        public ReportState State { get; init; } = ReportState.Pending;
        public int? UnitId { get; init; }
        public ReportFlagSet Flags { get; init; }
        public int? Followers { get; init; } = 1_000;
        public string? ScreenshotPath { get; init; }
        public string? ScreenshotSha256 { get; init; }

        /// <summary>Snapshots to add: (source, window, hours after posting, views, likes).</summary>
        public IReadOnlyList<(MetricSource Source, SnapshotWindow Window, int Hours, long? Views, long? Likes)> Snapshots { get; init; } = [];
    }

    public static async Task<ShareReport> ReportAsync(AppFactory app, int agentId, int messageId, ReportSpec? spec = null) =>
        (await ManyAsync(app, agentId, messageId, 1, _ => spec ?? new ReportSpec()))[0];

    public static async Task<List<ShareReport>> ManyAsync(AppFactory app, int agentId, int messageId, int count, Func<int, ReportSpec> spec) =>
        await app.WithDb(async db =>
        {
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.MessageId == messageId && a.AgentId == agentId);
            if (assignment is null)
            {
                assignment = new Assignment { MessageId = messageId, AgentId = agentId, DueUtc = DateTime.UtcNow.AddDays(2), CreatedUtc = DateTime.UtcNow };
                db.Assignments.Add(assignment);
                await db.SaveChangesAsync();
            }
            var reports = new List<ShareReport>();
            for (var i = 0; i < count; i++)
            {
                var s = spec(i);
                var n = Interlocked.Increment(ref _counter).ToString("D6", CultureInfo.InvariantCulture);
                var submitted = s.SubmittedUtc ?? DateTime.UtcNow.AddMinutes(-30 * (i + 1));
                var posted = submitted.AddHours(-2);
                var r = new ShareReport
                {
                    AssignmentId = assignment.Id, AgentId = agentId, MessageId = messageId, UnitId = s.UnitId, Platform = s.Platform,
                    PostUrl = s.Platform == Platform.YouTube ? $"https://www.youtube.com/watch?v=Uji{n}ab" : $"https://www.instagram.com/p/Uji{n}abcd/",
                    ClaimKey = "uji:" + n, PostedUtc = posted, SubmittedUtc = submitted, SubmissionKey = Guid.NewGuid(),
                    State = s.State, Flags = s.Flags, FollowersAtSubmission = s.Followers,
                    ScreenshotPath = s.ScreenshotPath, ScreenshotSha256 = s.ScreenshotSha256,
                    ScreenshotContentType = s.ScreenshotPath is null ? null : "image/png",
                    DecisionReason = s.State == ReportState.Rejected ? "Alasan awal" : null,
                    ReviewedByUserId = s.State == ReportState.Pending ? null : "seed",
                    ReviewedUtc = s.State == ReportState.Pending ? null : submitted.AddHours(1),
                };
                foreach (var (source, window, hours, views, likes) in s.Snapshots)
                {
                    r.Snapshots.Add(new ReportSnapshot
                    {
                        Source = source, Window = window, TakenUtc = posted.AddHours(hours), Views = views, Likes = likes, CreatedUtc = posted.AddHours(hours),
                    });
                }
                db.ShareReports.Add(r);
                reports.Add(r);
            }
            await db.SaveChangesAsync();
            return reports;
        });

    public static Task<ShareReport> ReloadAsync(AppFactory app, long id) =>
        app.WithDb(db => db.ShareReports.AsNoTracking().SingleAsync(r => r.Id == id));

    public static string Item(ShareReport r) =>
        r.Id.ToString(CultureInfo.InvariantCulture) + ":" + r.Version.ToString(CultureInfo.InvariantCulture);

    public static async Task AddRoleAsync(AppFactory app, string userId, string role) =>
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such user.");
            var result = await users.AddToRoleAsync(user, role);
            Assert.True(result.Succeeded);
        });

    public static async Task AllowApprovalAsync(AppFactory app, string userId) =>
        await app.WithDb(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.CanApproveMessages = true;
            return await db.SaveChangesAsync();
        });
}
