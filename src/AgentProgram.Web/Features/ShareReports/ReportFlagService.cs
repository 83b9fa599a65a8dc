using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.ShareReports;

/// <summary>
/// Loads what <see cref="ReportFlags.Evaluate"/> looks at for stored reports: the agent's accounts and
/// followers, the snapshots, other reports with the same screenshot hash, and the agent's reports
/// around the same time. Used when a report is made or changed (to store <see cref="ShareReport.Flags"/>)
/// and by the verification queue (to explain each flag). Batched: a page of reports costs a handful of queries.
/// </summary>
public sealed class ReportFlagService(AppDbContext db)
{
    public async Task<IReadOnlyList<ReportFlag>> EvaluateAsync(ShareReport report, CancellationToken ct = default) =>
        (await EvaluateManyAsync([report], ct))[report.Id];

    /// <summary>One report whose agent's accounts the caller has just read (they are not read again).</summary>
    public async Task<IReadOnlyList<ReportFlag>> EvaluateAsync(ShareReport report, IReadOnlyCollection<AccountFacts> agentAccounts, CancellationToken ct = default) =>
        (await EvaluateManyAsync([report], agentAccounts, ct))[report.Id];

    /// <summary>The flags of each report, keyed by report id (0 for a report not stored yet: pass one such report at most).</summary>
    public Task<Dictionary<long, IReadOnlyList<ReportFlag>>> EvaluateManyAsync(IReadOnlyCollection<ShareReport> reports, CancellationToken ct = default) =>
        EvaluateManyAsync(reports, null, ct);

    private async Task<Dictionary<long, IReadOnlyList<ReportFlag>>> EvaluateManyAsync(IReadOnlyCollection<ShareReport> reports, IReadOnlyCollection<AccountFacts>? known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var result = new Dictionary<long, IReadOnlyList<ReportFlag>>();
        if (reports.Count == 0) return result;
        var agentIds = reports.Select(r => r.AgentId).Distinct().ToList();
        var ids = reports.Select(r => r.Id).Where(id => id != 0).ToList();

        var accounts = (known ?? await db.SocialAccounts.AsNoTracking().Where(s => agentIds.Contains(s.AgentId))
                .Select(s => new AccountFacts(s.AgentId, s.Platform, s.Handle, s.State, s.Followers)).ToListAsync(ct))
            .ToLookup(s => s.AgentId);
        var snapshots = (ids.Count == 0 ? [] : await db.ReportSnapshots.AsNoTracking().Where(s => ids.Contains(s.ReportId)).ToListAsync(ct))
            .ToLookup(s => s.ReportId);
        var hashes = reports.Select(r => r.ScreenshotSha256).OfType<string>().Distinct().ToList();
        var sameScreens = (hashes.Count == 0 ? [] : await db.ShareReports.AsNoTracking().Where(r => r.ScreenshotSha256 != null && hashes.Contains(r.ScreenshotSha256))
                .Select(r => new ScreenshotRef(r.Id, r.ScreenshotSha256!)).ToListAsync(ct))
            .ToLookup(r => r.Sha256);

        var window = ReportFlagOptions.Default.BurstWindow;
        var from = reports.Min(r => r.SubmittedUtc) - window;
        var until = reports.Max(r => r.SubmittedUtc) + window;
        var nearby = (await db.ShareReports.AsNoTracking()
                .Where(r => agentIds.Contains(r.AgentId) && r.SubmittedUtc >= from && r.SubmittedUtc <= until)
                .Select(r => new { r.Id, r.AgentId, r.SubmittedUtc }).ToListAsync(ct))
            .ToLookup(r => r.AgentId);

        foreach (var r in reports)
        {
            var mine = accounts[r.AgentId].ToList();
            var link = r.PostUrl is null ? null : PostLinks.Parse(r.Platform, r.PostUrl).Link;
            var input = new ReportFlagInput
            {
                Platform = r.Platform,
                ReportId = r.Id,
                SubmittedUtc = r.SubmittedUtc,
                Link = link,
                AgentAccounts = [.. mine.Select(a => new AgentAccountRef(a.Platform, a.Handle, a.State))],
                Followers = r.FollowersAtSubmission ?? Followers(mine.Select(a => (a.Platform, a.State, a.Followers)), r.Platform),
                // A report not stored yet carries its first snapshot in memory.
                Snapshots = [.. (r.Id == 0 ? r.Snapshots : snapshots[r.Id]).Select(s => s.ToRule())],
                ScreenshotSha256 = r.ScreenshotSha256,
                OtherScreenshots = r.ScreenshotSha256 is null ? [] : [.. sameScreens[r.ScreenshotSha256]],
                AgentOtherReportsUtc = [.. nearby[r.AgentId].Where(o => o.Id != r.Id).Select(o => o.SubmittedUtc)],
            };
            result[r.Id] = ReportFlags.Evaluate(input);
        }
        return result;
    }

    /// <summary>The follower count of the agent's account on the platform: the verified one first.</summary>
    public static int? Followers(IEnumerable<(Platform Platform, VerificationState State, int? Followers)> accounts, Platform platform) =>
        accounts.Where(a => a.Platform == platform && a.State != VerificationState.Rejected)
            .OrderBy(a => a.State == VerificationState.Verified ? 0 : 1)
            .Select(a => a.Followers).FirstOrDefault();
}

/// <summary>What the flags need of an agent's social account.</summary>
public sealed record AccountFacts(int AgentId, Platform Platform, string Handle, VerificationState State, int? Followers);
