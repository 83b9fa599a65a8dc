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
/// reading serves all page views for <see cref="MaxAge"/>: a page view never pays for four COUNTs
/// over large tables.
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
            var counts = new Dictionary<string, int>
            {
                ["/pesan"] = await db.PolicyMessages.CountAsync(m => m.Status == MessageStatus.Submitted, ct),
                ["/verifikasi-laporan"] = await db.ShareReports.CountAsync(r => r.State == ReportState.Pending, ct),
                ["/tanggapan-publik"] = await db.PublicResponses.CountAsync(r => r.Status == ResponseStatus.Open, ct),
                ["/verifikasi-akun"] = await db.SocialAccounts.CountAsync(s => s.State == VerificationState.Pending, ct),
            };
            cached = (now, counts);
            Last[key] = cached;
        }
        return cached.Counts;
    }
}
