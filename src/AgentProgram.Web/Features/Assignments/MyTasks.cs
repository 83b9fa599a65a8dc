using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Assignments;

/// <summary>One card of Tugas Saya: the message, when it is due, and the registered platforms not shared to yet.</summary>
public sealed record TaskCard(int AssignmentId, string Title, MissionTag Mission, DateTime DueUtc, DateTime ActiveUntilUtc,
    IReadOnlyList<Platform> ToDo, IReadOnlyList<Platform> Done);

/// <summary>One platform on the assignment page: the agent's tracked link and the share action built on it.</summary>
public sealed record PlatformShare(Platform Platform, string Handle, string TrackedUrl, ShareAction Action, bool Opened, CaptionCheck Caption);

public sealed record TaskPage(
    Assignment Assignment, PolicyMessage Message, MessageRevision Revision, IReadOnlyList<PlatformShare> Shares,
    IReadOnlyList<string> Hashtags, bool IsOpen);

/// <summary>
/// The agent's side of assignments. Every query starts from the signed-in user's agent, so an
/// assignment of another agent is simply not found. An assignment is open while its message is
/// published and inside its active window; agents always see the message's approved revision.
/// </summary>
public sealed class MyTasksHandler(AppDbContext db, TimeProvider clock)
{
    public const int MaxCards = 50;

    /// <summary>Open assignments, most urgent first.</summary>
    public async Task<IReadOnlyList<TaskCard>> OpenAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agent = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => new { a.Id, a.Status }).SingleOrDefaultAsync(ct);
        if (agent is null || agent.Status != AgentStatus.Active) return [];
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.AgentId == agent.Id && a.Message.Status == MessageStatus.Published
                && a.Message.ActiveFromUtc <= now && a.Message.ActiveUntilUtc > now)
            .OrderBy(a => a.DueUtc).ThenBy(a => a.Id)
            .Take(MaxCards)
            .Select(a => new { a.Id, a.Message.Title, a.Message.Mission, a.DueUtc, a.Message.ActiveUntilUtc })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var platforms = await RegisteredPlatformsAsync(agent.Id, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var opened = (await db.TrackedLinks.AsNoTracking().Where(t => ids.Contains(t.AssignmentId) && t.OpenedUtc != null)
            .Select(t => new { t.AssignmentId, t.Platform }).ToListAsync(ct))
            .ToLookup(t => t.AssignmentId, t => t.Platform);
        return [.. rows.Select(r =>
        {
            var done = opened[r.Id].ToHashSet();
            return new TaskCard(r.Id, r.Title, r.Mission, r.DueUtc, r.ActiveUntilUtc,
                [.. platforms.Select(p => p.Platform).Where(p => !done.Contains(p))], [.. platforms.Select(p => p.Platform).Where(done.Contains)]);
        })];
    }

    /// <summary>
    /// The assignment page. Missing tracked links for the agent's registered platforms are created
    /// here (once: a unique index on assignment and platform keeps a second request from adding another).
    /// </summary>
    public async Task<TaskPage?> LoadAsync(string userId, int assignmentId, string baseUrl, CancellationToken ct = default)
    {
        var assignment = await MineAsync(userId, assignmentId, ct);
        if (assignment is null) return null;
        var m = assignment.Message;
        if (m.ApprovedRevisionId is not int revisionId) return null;
        var revision = await db.MessageRevisions.AsNoTracking().AsSplitQuery()
            .Include(r => r.Captions).Include(r => r.Glossary).Include(r => r.Media)
            .SingleAsync(r => r.Id == revisionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var isOpen = m.Status == MessageStatus.Published && m.ActiveFromUtc <= now && m.ActiveUntilUtc > now;
        var hashtags = (revision.Hashtags ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var accounts = await RegisteredPlatformsAsync(assignment.AgentId, ct);
        var links = isOpen ? await EnsureLinksAsync(assignment.Id, accounts.Select(a => a.Platform), now, ct) : [];
        var shares = new List<PlatformShare>();
        foreach (var account in accounts)
        {
            if (!links.TryGetValue(account.Platform, out var link)) continue;
            var url = baseUrl.TrimEnd('/') + "/s/" + link.Token;
            var caption = revision.Captions.FirstOrDefault(c => c.Platform == account.Platform)?.Text ?? revision.KeyMessage;
            var action = ShareIntents.For(account.Platform, caption, url, hashtags);
            shares.Add(new PlatformShare(account.Platform, ProfileLinks.DisplayHandle(account.Platform, account.Handle), url, action,
                link.OpenedUtc is not null, CaptionRules.Measure(account.Platform, caption, ShareIntents.AppendsLink(account.Platform) ? url : null)));
        }
        return new TaskPage(assignment, m, revision, shares, hashtags, isOpen);
    }

    /// <summary>Marks the platform's share action as used and returns where to send the agent (the share intent), or null.</summary>
    public async Task<ShareAction?> OpenShareAsync(string userId, int assignmentId, Platform platform, string baseUrl, CancellationToken ct = default)
    {
        var page = await LoadAsync(userId, assignmentId, baseUrl, ct);
        if (page is null || !page.IsOpen) return null;
        var share = page.Shares.FirstOrDefault(s => s.Platform == platform);
        if (share is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.TrackedLinks.Where(t => t.AssignmentId == assignmentId && t.Platform == platform && t.OpenedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.OpenedUtc, now), ct);
        return share.Action;
    }

    private Task<Assignment?> MineAsync(string userId, int assignmentId, CancellationToken ct) =>
        db.Assignments.AsNoTracking().Include(a => a.Message)
            .Where(a => a.Id == assignmentId && a.Agent.UserId == userId && a.Agent.Status == AgentStatus.Active)
            .SingleOrDefaultAsync(ct);

    /// <summary>The agent's accounts that can be shared from (not rejected by Humas), one per platform, in platform order.</summary>
    private async Task<List<(Platform Platform, string Handle)>> RegisteredPlatformsAsync(int agentId, CancellationToken ct)
    {
        var accounts = await db.SocialAccounts.AsNoTracking()
            .Where(s => s.AgentId == agentId && s.State != VerificationState.Rejected)
            .Select(s => new { s.Platform, s.Handle, s.State, s.Id }).ToListAsync(ct);
        return [.. accounts
            .GroupBy(a => a.Platform)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(a => a.State == VerificationState.Verified ? 0 : 1).ThenBy(a => a.Id).First())
            .Select(a => (a.Platform, a.Handle))];
    }

    private async Task<Dictionary<Platform, TrackedLink>> EnsureLinksAsync(int assignmentId, IEnumerable<Platform> platforms, DateTime now, CancellationToken ct)
    {
        var existing = await db.TrackedLinks.AsNoTracking().Where(t => t.AssignmentId == assignmentId).ToDictionaryAsync(t => t.Platform, ct);
        var missing = platforms.Where(p => !existing.ContainsKey(p)).ToList();
        if (missing.Count == 0) return existing;
        foreach (var p in missing)
            db.TrackedLinks.Add(new TrackedLink { AssignmentId = assignmentId, Platform = p, Token = TrackedLinkToken.New(), CreatedUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same page opened twice at once: the other request created them. Read what is there.
            db.ChangeTracker.Clear();
        }
        return await db.TrackedLinks.AsNoTracking().Where(t => t.AssignmentId == assignmentId).ToDictionaryAsync(t => t.Platform, ct);
    }
}
