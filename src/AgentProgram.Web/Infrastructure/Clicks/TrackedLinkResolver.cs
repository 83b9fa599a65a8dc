using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AgentProgram.Web.Infrastructure.Clicks;

/// <summary>What a tracked-link token leads to, as cached. <see cref="TargetUrl"/> is null when the message has no usable approved revision.</summary>
public sealed record ResolvedLink(
    int TrackedLinkId,
    Platform Platform,
    int MessageId,
    string? TargetUrl,
    MessageStatus Status,
    DateTime ActiveFromUtc,
    DateTime ActiveUntilUtc)
{
    /// <summary>
    /// The link redirects only while its message is approved or published and inside its active
    /// window; withdrawn, closed, draft or expired messages answer the friendly page.
    /// </summary>
    public bool IsLive(DateTime nowUtc) =>
        TargetUrl is not null
        && Status is MessageStatus.Published or MessageStatus.Approved
        && nowUtc >= ActiveFromUtc && nowUtc < ActiveUntilUtc;
}

/// <summary>
/// Token → <see cref="ResolvedLink"/>, cached per instance in a size-limited memory cache of its own
/// (found and unknown tokens alike, for <see cref="ClickRecordingOptions.CacheSeconds"/>), so the
/// redirect normally costs no database query. Malformed tokens never reach the cache or the database.
/// </summary>
public sealed partial class TrackedLinkResolver : IDisposable
{
    private const string WebsiteKey = "\u0001institution-website";
    private static readonly object NotFound = new();

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TrackedLinkResolver> _log;
    private readonly TimeSpan _ttl;
    private readonly MemoryCache _cache;

    public TrackedLinkResolver(IServiceScopeFactory scopes, IOptions<ClickRecordingOptions> options, ILogger<TrackedLinkResolver> log)
    {
        _scopes = scopes;
        _log = log;
        _ttl = TimeSpan.FromSeconds(Math.Max(1, options.Value.CacheSeconds));
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1000, options.Value.CacheEntries) });
    }

    /// <returns>The link, or null when the token is malformed or unknown.</returns>
    public async ValueTask<ResolvedLink?> ResolveAsync(string? token, CancellationToken ct = default)
    {
        if (!TrackedLinkToken.IsWellFormed(token)) return null;
        if (_cache.TryGetValue(token!, out var hit)) return hit as ResolvedLink;

        var found = await LoadAsync(token!, ct);
        _cache.Set(token!, (object?)found ?? NotFound, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _ttl });
        return found;
    }

    /// <summary>The institution's website for the friendly page (cached like the tokens), or null.</summary>
    public async ValueTask<string?> InstitutionWebsiteAsync(CancellationToken ct = default)
    {
        if (_cache.TryGetValue(WebsiteKey, out var hit)) return hit as string;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var website = await db.Institutions.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Website).FirstOrDefaultAsync(ct);
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            website = null;
        _cache.Set(WebsiteKey, (object?)website ?? NotFound, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _ttl });
        return website;
    }

    /// <summary>Forgets every cached lookup on this instance (call after withdrawing or closing a message).</summary>
    public void Invalidate() => _cache.Compact(1.0);

    private async Task<ResolvedLink?> LoadAsync(string token, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await (
                from t in db.TrackedLinks.AsNoTracking()
                where t.Token == token
                join a in db.Assignments on t.AssignmentId equals a.Id
                join m in db.PolicyMessages on a.MessageId equals m.Id
                select new
                {
                    t.Id,
                    t.Platform,
                    MessageId = m.Id,
                    m.Status,
                    m.ActiveFromUtc,
                    m.ActiveUntilUtc,
                    CanonicalUrl = db.MessageRevisions.Where(r => r.Id == m.ApprovedRevisionId).Select(r => r.CanonicalUrl).FirstOrDefault(),
                })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;

        string? target = null;
        if (!string.IsNullOrWhiteSpace(row.CanonicalUrl))
        {
            try
            {
                target = TrackedLinks.BuildTarget(row.CanonicalUrl, row.Platform, row.MessageId, token);
            }
            catch (ArgumentException e)
            {
                LogBadUrl(_log, row.MessageId, e.Message);
            }
        }
        return new ResolvedLink(row.Id, row.Platform, row.MessageId, target, row.Status, row.ActiveFromUtc, row.ActiveUntilUtc);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has an unusable canonical URL: {Reason}")]
    private static partial void LogBadUrl(ILogger logger, int messageId, string reason);

    public void Dispose() => _cache.Dispose();
}
