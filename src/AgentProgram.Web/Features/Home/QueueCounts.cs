using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Home;

/// <summary>
/// How many items wait in each officer queue, for the badges in the navigation (UX: queues show the
/// number waiting). Keyed by the menu entry's link. The counts are the same for every officer, so one
/// reading (one statement) serves all page views for <see cref="MaxAge"/>: a page view never pays for four
/// COUNTs over large tables.
/// </summary>
public sealed class QueueCountsHandler(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // Per database (one per process in production; several test hosts may share a process).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, IReadOnlyDictionary<string, int> Counts)> Last = new();

    /// <summary>The counts this user's menu shows (empty for agents and administrators).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.Humas) && !user.IsInRole(Roles.Pimpinan)) return new Dictionary<string, int>();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = db.Database.GetConnectionString() ?? "";
        if (!Last.TryGetValue(key, out var cached) || now - cached.At > MaxAge || now < cached.At)
        {
            var q = await CountsQuery(db).FirstAsync(ct);
            var counts = new Dictionary<string, int>
            {
                ["/pesan"] = q.Messages,
                ["/verifikasi-laporan"] = q.Reports,
                ["/tanggapan-publik"] = q.Responses,
                ["/verifikasi-akun"] = q.Accounts,
            };
            cached = (now, counts);
            Last[key] = cached;
        }
        return cached.Counts;
    }

    internal sealed class Counts
    {
        public int Messages { get; init; }
        public int Reports { get; init; }
        public int Responses { get; init; }
        public int Accounts { get; init; }
    }

    /// <summary>The four queues' counts in one statement (scalar subqueries beside the aggregates' one state row).</summary>
    internal static IQueryable<Counts> CountsQuery(AppDbContext db) =>
        db.AggRefreshState.AsNoTracking().Where(s => s.Id == Domain.Aggregates.AggregateRefreshState.SingletonId).Select(s => new Counts
        {
            Messages = db.PolicyMessages.Count(m => m.Status == MessageStatus.Submitted),
            Reports = db.ShareReports.Count(r => r.State == ReportState.Pending),
            Responses = db.PublicResponses.Count(r => r.Status == ResponseStatus.Open),
            Accounts = db.SocialAccounts.Count(a => a.State == VerificationState.Pending),
        });
}
